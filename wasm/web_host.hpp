// The web Host (DESIGN.md decision 1): the browser's clock, its event loop for waits,
// and the embedding JavaScript for output. Only the loop's driver calls wait_until
// (decision 6), so that call is the one place the wasm suspends through Asyncify: the
// JavaScript side awaits a setTimeout promise, the browser's event loop runs meanwhile,
// and the interpreter's C++ stack is rewound when the promise settles.
//
// The JavaScript half lives in wasm/session.mjs: it receives output and trace events
// through the module's `awaitpad` object (`write`, `trace`, `poll`, `wait`) and batches them.
#pragma once

#include "core/aio/trace.hpp"
#include "core/host/host.hpp"

namespace web {

class WebHost final : public host::Host {
 public:
  // performance.now(), in seconds.
  double now() override;
  // Suspends the whole module until the deadline through `awaitpad.wait(ms)`.
  void wait_until(std::optional<double> deadline) override;
  // HTTP through fetch comes with issue 6.
  bool has_pending_io() override { return false; }
  void write(host::Stream stream, std::string_view text) override;
  // The page stops a run by replacing its worker, so the run itself never sees a stop.
  bool interrupted() override { return false; }
  // Lets `awaitpad.poll()` send out output batched while the program computes.
  void poll() override;
};

// Hands one trace event to `awaitpad.trace(...)`.
void send_trace_event(const aio::TraceEvent& event);

}  // namespace web
