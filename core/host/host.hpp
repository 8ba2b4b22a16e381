// The Host is the only platform seam (DESIGN.md decision 1). Everything above
// it — the loop, the tasks, the interpreter — is the same code natively and in
// wasm. A Host owns the clock, the one blocking wait, I/O and output.
//
// Only the loop's driver calls wait_until (decision 6): in the web Host that
// call is the single Asyncify suspension point, so nothing else needs
// instrumenting.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/host/http.hpp"

namespace host {

enum class Stream { stdout_stream, stderr_stream };

class Host {
 public:
  virtual ~Host() = default;

  // Monotonic time in seconds; the origin is arbitrary.
  virtual double now() = 0;

  // Blocks until `deadline` (a now() value) passes or an I/O completion has
  // been delivered, whichever is first. No deadline: wait for I/O only.
  // Completions are delivered from inside this call by invoking the callbacks
  // their requests registered, which post onto the loop's ready queue.
  virtual void wait_until(std::optional<double> deadline) = 0;

  // True while some I/O request started on this host has not completed.
  virtual bool has_pending_io() = 0;

  // Starts an HTTP request (core/host/http.hpp). `done` receives its outcome from inside
  // a later wait_until, and has_pending_io() stays true until then. A host that cannot
  // make requests returns 0 and never calls `done`.
  virtual HttpRequestId start_http(HttpRequest request, HttpDone done) {
    (void)request, (void)done;
    return 0;
  }

  // Abandons a request in flight (its task was cancelled, its time ran out): the
  // transfer is aborted and `done` is never called. Ids of finished requests are ignored.
  virtual void cancel_http(HttpRequestId id) { (void)id; }

  // Writes program output. Text is passed through unchanged.
  virtual void write(Stream stream, std::string_view text) = 0;

  // True when the user asked the run to stop (Ctrl-C, the page's Stop).
  virtual bool interrupted() = 0;

  // The source of a Python-written module that the binary leaves out
  // (py::ModuleDefinition::python_part_outside), or nullopt when it cannot be had. Only
  // the web build leaves them out: its host downloads one when a program first imports it.
  virtual std::optional<std::string> module_source(std::string_view name) {
    (void)name;
    return std::nullopt;
  }
  // Called now and then while Python code computes without waiting (every few thousand
  // loop iterations): a chance for housekeeping that must not wait for the next wait —
  // the web Host sends out batched output here, so a line printed just before a long or
  // endless computation still shows.
  virtual void poll() {}
};

}  // namespace host
