#include "core/aio/chrome_trace.hpp"

#include <algorithm>
#include <cstdio>

namespace aio {

namespace {

constexpr const char* process_fields = "\"pid\":1,";

// Microseconds with nanosecond precision: enough for any loop clock.
std::string number(double value) {
  char text[48];
  std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

// Length of the valid UTF-8 sequence starting at text[at], or 0 if invalid.
size_t utf8_sequence_length(std::string_view text, size_t at) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  size_t length;
  unsigned char min_second = 0x80, max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;  // no overlong forms
    if (lead == 0xED) max_second = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;
    if (lead == 0xF4) max_second = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(at + 1) < min_second || byte(at + 1) > max_second) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
  }
  return length;
}

// The first `limit` bytes of `text`, cut back to a character boundary.
std::string_view utf8_prefix(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

TraceSink ChromeTrace::sink() {
  return [this](const TraceEvent& event) { record(event); };
}

std::string ChromeTrace::escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        out += "\\ufffd";
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char code[8];
          std::snprintf(code, sizeof code, "\\u%04x", c);
          out += code;
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  return out;
}

double ChromeTrace::microseconds(double loop_time) const {
  return std::max(0.0, (loop_time - origin_) * 1e6);
}

void ChromeTrace::close_span(std::vector<Record>& out, uint64_t tid, const Track& track,
                             double end) {
  if (track.open == Span::none) return;
  std::string event = "{\"ph\":\"X\",";
  event += process_fields;
  event += "\"tid\":" + std::to_string(tid) + ",\"ts\":" + number(track.span_start) +
           ",\"dur\":" + number(std::max(0.0, end - track.span_start)) + ",\"name\":\"";
  if (track.open == Span::running) {
    event += "run\"";
  } else {
    event += "await " + escape(track.waiting_on) + "\"";
    if (track.line > 0) event += ",\"args\":{\"line\":" + std::to_string(track.line) + "}";
  }
  event += "}";
  out.push_back(Record{track.span_start, std::move(event)});
}

void ChromeTrace::append_instant(uint64_t tid, std::string_view name, std::string_view arg_name,
                                 std::string_view arg_value, double at) {
  std::string event = "{\"ph\":\"i\",\"s\":\"t\",";
  event += process_fields;
  event += "\"tid\":" + std::to_string(tid) + ",\"ts\":" + number(at) + ",\"name\":\"" +
           escape(name) + "\"";
  if (!arg_name.empty()) {
    event += ",\"args\":{\"" + escape(arg_name) + "\":\"" + escape(arg_value) + "\"}";
  }
  event += "}";
  events_.push_back(Record{at, std::move(event)});
}

void ChromeTrace::record(const TraceEvent& event) {
  if (!started_) {
    origin_ = event.time;
    started_ = true;
  }
  double at = std::max(last_, microseconds(event.time));
  last_ = at;
  Track& track = tracks_[event.task_id];
  if (event.task_id != 0 || track.name.empty()) {
    track.name = event.task_id != 0 ? std::string(event.task_name) : "(no task)";
  }
  switch (event.kind) {
    case TraceKind::task_created:
      append_instant(event.task_id, "created", {}, {}, at);
      break;
    case TraceKind::task_resumed:
      close_span(events_, event.task_id, track, at);
      track.open = Span::running;
      track.span_start = at;
      break;
    case TraceKind::task_suspended:
      close_span(events_, event.task_id, track, at);
      track.open = Span::waiting;
      track.span_start = at;
      track.waiting_on = std::string(event.what);
      track.line = event.line;
      break;
    case TraceKind::task_done:
    case TraceKind::task_failed:
    case TraceKind::task_cancelled:
      close_span(events_, event.task_id, track, at);
      track.open = Span::none;
      append_instant(event.task_id, trace_kind_name(event.kind),
                     event.kind == TraceKind::task_failed ? "error" : "", event.what, at);
      break;
    case TraceKind::output:
      // Named by the text itself (shortened) so the timeline reads as the output.
      append_instant(event.task_id, utf8_prefix(event.what, 60), "text", event.what, at);
      break;
  }
}

std::string ChromeTrace::json() const {
  std::vector<Record> events = events_;
  for (const auto& [tid, track] : tracks_) close_span(events, tid, track, last_);
  std::stable_sort(events.begin(), events.end(),
                   [](const Record& a, const Record& b) { return a.start < b.start; });

  std::string out = "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n";
  out += "{\"ph\":\"M\",";
  out += process_fields;
  out += "\"tid\":0,\"name\":\"process_name\",\"args\":{\"name\":\"awaitpad\"}}";
  for (const auto& [tid, track] : tracks_) {
    std::string thread = "\"tid\":" + std::to_string(tid) + ",";
    out += ",\n{\"ph\":\"M\",";
    out += process_fields;
    out += thread + "\"name\":\"thread_name\",\"args\":{\"name\":\"" + escape(track.name) + "\"}}";
    out += ",\n{\"ph\":\"M\",";
    out += process_fields;
    out += thread + "\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":" +
           std::to_string(tid) + "}}";
  }
  for (const Record& event : events) out += ",\n" + event.json;
  out += "\n]}\n";
  return out;
}

}  // namespace aio
