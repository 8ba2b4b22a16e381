// The current run's state (runtime.hpp): one pointer, installed by the Interpreter.
#include "core/py/objects/runtime.hpp"

#include "core/aio/loop.hpp"
#include "core/host/host.hpp"

namespace py {
namespace {

Runtime* current_runtime = nullptr;  // the run being executed on this thread, or null

void write_stream(host::Stream stream, std::string_view text) {
  Runtime& run = runtime();
  if (run.host) run.host->write(stream, text);
}

}  // namespace

Runtime& runtime() { return *current_runtime; }

Runtime* set_runtime(Runtime* state) {
  Runtime* previous = current_runtime;
  current_runtime = state;
  return previous;
}

void on_run_end(void (*callback)()) { runtime().run_end_callbacks.push_back(callback); }

void write_stdout(std::string_view text) {
  // Printed output is also a trace event of the running loop (DESIGN decision 8).
  if (aio::Loop* loop = aio::Loop::running(); loop && loop->tracing())
    loop->trace(aio::TraceKind::output, loop->current_task(), text);
  write_stream(host::Stream::stdout_stream, text);
}
void write_stderr(std::string_view text) { write_stream(host::Stream::stderr_stream, text); }

}  // namespace py
