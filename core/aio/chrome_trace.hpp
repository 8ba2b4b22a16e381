// Chrome Trace Event Format for the loop's trace events (DESIGN.md decision 8),
// the JSON that Perfetto and chrome://tracing open. Each task is a thread
// (tid = task id, named by thread_name metadata); its running steps are "X"
// complete events named "run", the time between steps is an "X" event named
// "await <what>" (the line of the wait in args), and creation, the end of a
// task and program output are instant events.
//
// The document is built in memory and handed out whole by json(): a complete
// event can only be written once its span has ended, and the thread names
// are the last ones seen (a task may be renamed while it runs). Events come
// out sorted by time, ties in recording order, so viewers nest zero-length
// spans (common on virtual time) the same way. Cost: memory grows with the
// trace, about 200 bytes per event.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/aio/trace.hpp"

namespace aio {

class ChromeTrace {
 public:
  // A sink for Loop::set_trace_sink that records into this trace. The trace
  // must outlive every use of the sink.
  TraceSink sink();

  // Records one event; times before the first event's are clamped to it.
  void record(const TraceEvent& event);

  // The complete JSON document. Spans still open (a task that was running or
  // waiting when tracing stopped) end at the time of the last event.
  std::string json() const;

  // Escapes `text` as the inside of a JSON string: quotes, backslashes and
  // control characters are escaped, invalid UTF-8 becomes U+FFFD.
  static std::string escape(std::string_view text);

 private:
  // What a task's thread shows between two of its events.
  enum class Span : uint8_t { none, running, waiting };
  struct Track {
    std::string name;       // the task's name at its latest event
    Span open = Span::none; // the span begun at span_start, if any
    double span_start = 0;  // microseconds since the first event
    std::string waiting_on; // what an open waiting span awaits
    int32_t line = 0;       // source line of that wait, 0 when unknown
  };

  // One serialized event and its start time, for sorting.
  struct Record {
    double start;      // microseconds since the first event
    std::string json;  // the event object
  };

  double microseconds(double loop_time) const;
  // A complete ("X") event for `track`'s open span ending at `end`, if any.
  static void close_span(std::vector<Record>& out, uint64_t tid, const Track& track, double end);
  void append_instant(uint64_t tid, std::string_view name, std::string_view arg_name,
                      std::string_view arg_value, double at);

  std::map<uint64_t, Track> tracks_;  // by task id; id 0 is output outside any task
  std::vector<Record> events_;        // finished events, in recording order
  double origin_ = 0;                 // loop time of the first event, seconds
  bool started_ = false;              // origin_ is set
  double last_ = 0;                   // microseconds of the latest event
};

}  // namespace aio
