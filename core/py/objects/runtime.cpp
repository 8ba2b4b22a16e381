// The current run's state (runtime.hpp): one pointer, installed by the Interpreter.
#include "core/py/objects/runtime.hpp"

#include <cstdint>
#include <string>

#include "core/aio/loop.hpp"
#include "core/host/host.hpp"

namespace py {
namespace {

Runtime* current_runtime = nullptr;  // the run being executed on this thread, or null

void write_stream(host::Stream stream, std::string_view text) {
  Runtime& run = runtime();
  if (run.host) run.host->write(stream, text);
}

std::string truncation_notice(size_t cap) {
  std::string amount = cap % (1u << 20) == 0 ? std::to_string(cap >> 20) + " MB"
                                              : std::to_string(cap) + " bytes";
  return "[output truncated: the program printed more than " + amount +
         "; it keeps running, but nothing more it prints is shown]\n";
}

// Passes `write_part` the part of `text` the output cap lets through; the write that
// crosses the cap is followed by the notice on stderr, once.
template <typename WritePart>
void write_capped(std::string_view text, WritePart write_part) {
  Runtime& run = runtime();
  if (run.output_truncated) return;
  size_t room = run.options.max_output - run.output_bytes;
  if (text.size() <= room) {
    run.output_bytes += text.size();
    write_part(text);
    return;
  }
  // Cut at a character boundary, never inside a UTF-8 sequence.
  while (room > 0 && (uint8_t(text[room]) & 0xC0) == 0x80) --room;
  std::string_view part = text.substr(0, room);
  run.output_bytes = run.options.max_output;
  run.output_truncated = true;
  if (!part.empty()) write_part(part);
  bool at_line_start = part.empty() || part.back() == '\n';
  write_stream(host::Stream::stderr_stream,
               (at_line_start ? "" : "\n") + truncation_notice(run.options.max_output));
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
  write_capped(text, [](std::string_view part) {
    // Printed output is also a trace event of the running loop (DESIGN decision 8).
    if (aio::Loop* loop = aio::Loop::running(); loop && loop->tracing())
      loop->trace(aio::TraceKind::output, loop->current_task(), part);
    write_stream(host::Stream::stdout_stream, part);
  });
}

void write_stderr(std::string_view text) {
  write_capped(text, [](std::string_view part) { write_stream(host::Stream::stderr_stream, part); });
}

void write_report(std::string_view text) { write_stream(host::Stream::stderr_stream, text); }

}  // namespace py
