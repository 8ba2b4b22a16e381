// The web Host (DESIGN.md decision 1): the browser's clock, its event loop for waits,
// fetch for HTTP, and the embedding JavaScript for output. Only the loop's driver calls
// wait_until (decision 6), so that call is the one place the wasm suspends through
// Asyncify: the JavaScript side awaits a setTimeout promise raced with the requests in
// flight, the browser's event loop runs meanwhile, and the interpreter's C++ stack is
// rewound when the first of them settles.
//
// The JavaScript half lives in wasm/session.mjs: it receives output and trace events
// through the module's `awaitpad` object (`write`, `trace`, `poll`, `wait`) and batches
// them; `awaitpad.fetches` (wasm/fetch_requests.mjs) runs the HTTP requests.
#pragma once

#include <utility>

#include "core/aio/trace.hpp"
#include "core/host/host.hpp"
#include "wasm/fetch_requests.hpp"

namespace web {

class WebHost final : public host::Host {
 public:
  // performance.now(), in seconds.
  double now() override;
  // Delivers the requests that have finished and returns if there are any; otherwise
  // suspends the whole module through `awaitpad.wait(ms)` until the deadline or until a
  // request finishes, and delivers what finished. A deadline already past (the loop
  // polling) returns at once without suspending.
  void wait_until(std::optional<double> deadline) override;
  bool has_pending_io() override { return fetches_.pending(); }
  host::HttpRequestId start_http(host::HttpRequest request, host::HttpDone done) override {
    return fetches_.start(std::move(request), std::move(done));
  }
  void cancel_http(host::HttpRequestId id) override { fetches_.cancel(id); }
  void write(host::Stream stream, std::string_view text) override;
  // The page stops a run by replacing its worker, so the run itself never sees a stop.
  bool interrupted() override { return false; }
  // Lets `awaitpad.poll()` send out output batched while the program computes.
  void poll() override;
  // awaitpad.lib/NAME.py beside the module, through `awaitpad.moduleSource(name)`.
  std::optional<std::string> module_source(std::string_view name) override;

 private:
  FetchRequests fetches_;
};

// Hands one trace event to `awaitpad.trace(...)`.
void send_trace_event(const aio::TraceEvent& event);

}  // namespace web
