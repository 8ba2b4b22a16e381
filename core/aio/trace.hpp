// Trace events are data (DESIGN.md decision 8): the loop records what each
// task does and when, and a sink decides what to do with them — the CLI writes
// Chrome Trace Event Format, the page draws its timeline. With no sink set,
// tracing costs one pointer test per event.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace aio {

enum class TraceKind : uint8_t {
  task_created,    // a task was created (scheduled for its first step)
  task_resumed,    // a task's step began
  task_suspended,  // a task's step ended waiting on `what`
  task_done,       // finished with a result
  task_failed,     // finished with an error; `what` is its description
  task_cancelled,  // finished cancelled
  output,          // the program wrote `what` while `task_id` ran
};

const char* trace_kind_name(TraceKind kind);

struct TraceEvent {
  TraceKind kind;
  double time;            // loop time, seconds
  uint64_t task_id;       // 0 when no task was running (output only)
  std::string_view task_name;
  std::string_view what;  // the awaited thing, the error, or the output text
  int32_t line;           // source line of the wait, 0 when unknown
};

using TraceSink = std::function<void(const TraceEvent&)>;

}  // namespace aio
