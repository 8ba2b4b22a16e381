// aio::ChromeTrace: trace events as Chrome Trace Event Format JSON. The document is
// parsed back with a small strict JSON reader (below) so a malformed file fails the test,
// then checked for the shape Perfetto and chrome://tracing expect: tasks as threads named
// by metadata, "run" and "await <what>" complete events, instant events for output.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/aio/chrome_trace.hpp"
#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/aio/task.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"

namespace {

// --- a strict JSON reader (RFC 8259), enough to check the writer ---------------------
struct Json {
  enum class Type { null, boolean, number, string, array, object } type = Type::null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> array;
  std::map<std::string, Json> object;

  const Json& operator[](const std::string& key) const {
    static const Json missing;
    auto it = object.find(key);
    return it == object.end() ? missing : it->second;
  }
  bool has(const std::string& key) const { return object.count(key) > 0; }
};

class JsonReader {
 public:
  explicit JsonReader(const std::string& text) : text_(text) {}

  // The parsed document; fails the test (with the offset) if the text is not JSON.
  Json document() {
    Json value = parse_value();
    skip_space();
    if (pos_ != text_.size()) fail("trailing text");
    return value;
  }

 private:
  [[noreturn]] void fail(const char* what) {
    FAIL("invalid JSON at offset " << pos_ << ": " << what);
    std::abort();
  }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }
  bool take(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!take(c)) fail("unexpected character");
  }
  bool take_word(const char* word) {
    std::string w(word);
    if (text_.compare(pos_, w.size(), w) != 0) return false;
    pos_ += w.size();
    return true;
  }
  static void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += char(code);
    } else if (code < 0x800) {
      out += char(0xC0 | (code >> 6));
      out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += char(0xE0 | (code >> 12));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
    } else {
      out += char(0xF0 | (code >> 18));
      out += char(0x80 | ((code >> 12) & 0x3F));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
    }
  }
  unsigned hex4() {
    if (pos_ + 4 > text_.size()) fail("short \\u escape");
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_++];
      code <<= 4;
      if (c >= '0' && c <= '9') code |= unsigned(c - '0');
      else if (c >= 'a' && c <= 'f') code |= unsigned(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') code |= unsigned(c - 'A' + 10);
      else fail("bad hex digit");
    }
    return code;
  }
  std::string parse_string() {
    expect('"');
    std::string out;
    for (;;) {
      if (pos_ >= text_.size()) fail("unterminated string");
      unsigned char c = static_cast<unsigned char>(text_[pos_++]);
      if (c == '"') return out;
      if (c < 0x20) fail("raw control character in string");
      if (c != '\\') {
        out += char(c);
        continue;
      }
      if (pos_ >= text_.size()) fail("unterminated escape");
      char e = text_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned code = hex4();
          if (code >= 0xD800 && code <= 0xDBFF) {
            if (!take_word("\\u")) fail("lone high surrogate");
            unsigned low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("bad low surrogate");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else if (code >= 0xDC00 && code <= 0xDFFF) {
            fail("lone low surrogate");
          }
          append_utf8(out, code);
          break;
        }
        default: fail("bad escape");
      }
    }
  }
  Json parse_value() {
    skip_space();
    if (pos_ >= text_.size()) fail("unexpected end");
    Json value;
    char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      value.type = Json::Type::object;
      if (take('}')) return value;
      do {
        skip_space();
        std::string key = parse_string();
        expect(':');
        value.object[key] = parse_value();
      } while (take(','));
      expect('}');
    } else if (c == '[') {
      ++pos_;
      value.type = Json::Type::array;
      if (take(']')) return value;
      do value.array.push_back(parse_value());
      while (take(','));
      expect(']');
    } else if (c == '"') {
      value.type = Json::Type::string;
      value.string = parse_string();
    } else if (take_word("true")) {
      value.type = Json::Type::boolean;
      value.boolean = true;
    } else if (take_word("false")) {
      value.type = Json::Type::boolean;
    } else if (take_word("null")) {
    } else {
      size_t start = pos_;
      if (text_[pos_] == '-') ++pos_;
      if (pos_ >= text_.size() || !isdigit(static_cast<unsigned char>(text_[pos_]))) fail("bad value");
      if (text_[pos_] == '0' && pos_ + 1 < text_.size() && isdigit(static_cast<unsigned char>(text_[pos_ + 1])))
        fail("leading zero");
      while (pos_ < text_.size() && (isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.' ||
                                     text_[pos_] == 'e' || text_[pos_] == 'E' || text_[pos_] == '+' ||
                                     text_[pos_] == '-'))
        ++pos_;
      value.type = Json::Type::number;
      value.number = std::strtod(text_.substr(start, pos_ - start).c_str(), nullptr);
    }
    return value;
  }

  const std::string& text_;
  size_t pos_ = 0;
};

Json parse(const std::string& text) { return JsonReader(text).document(); }

// The trace's events of phase `ph` on thread `tid`, in document order.
std::vector<Json> events(const Json& trace, const std::string& ph, double tid) {
  std::vector<Json> found;
  for (const Json& event : trace["traceEvents"].array) {
    if (event["ph"].string == ph && event["tid"].number == tid) found.push_back(event);
  }
  return found;
}

std::string thread_name(const Json& trace, double tid) {
  for (const Json& event : events(trace, "M", tid)) {
    if (event["name"].string == "thread_name") return event["args"]["name"].string;
  }
  return "";
}

aio::TraceEvent event(aio::TraceKind kind, double time, uint64_t id, std::string_view name,
                      std::string_view what = {}, int32_t line = 0) {
  return aio::TraceEvent{kind, time, id, name, what, line};
}

}  // namespace

TEST_CASE("chrome trace: escaping", "[chrome_trace]") {
  using aio::ChromeTrace;
  REQUIRE(ChromeTrace::escape("plain") == "plain");
  REQUIRE(ChromeTrace::escape("a\"b\\c") == "a\\\"b\\\\c");
  REQUIRE(ChromeTrace::escape("line\nnext\ttab\r") == "line\\nnext\\ttab\\r");
  REQUIRE(ChromeTrace::escape(std::string("nul\0x", 5)) == "nul\\u0000x");
  REQUIRE(ChromeTrace::escape("\x01\x1f\x7f") == "\\u0001\\u001f\\u007f");
  REQUIRE(ChromeTrace::escape("caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x90\x8d") ==
          "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x90\x8d");  // valid UTF-8 passes through
  REQUIRE(ChromeTrace::escape("bad \xff end") == "bad \\ufffd end");
  REQUIRE(ChromeTrace::escape("cut \xe2\x9c") == "cut \\ufffd\\ufffd");  // truncated sequence
  REQUIRE(ChromeTrace::escape("\xc0\xaf") == "\\ufffd\\ufffd");          // overlong '/'
  REQUIRE(ChromeTrace::escape("\xed\xa0\x80") == "\\ufffd\\ufffd\\ufffd");  // a surrogate
  REQUIRE(ChromeTrace::escape("</script>") == "</script>");
}

TEST_CASE("chrome trace: an empty trace is a valid document", "[chrome_trace]") {
  aio::ChromeTrace trace;
  Json document = parse(trace.json());
  REQUIRE(document["traceEvents"].type == Json::Type::array);
  REQUIRE(document["traceEvents"].array.size() == 1);  // the process name
  REQUIRE(document["traceEvents"].array[0]["args"]["name"].string == "awaitpad");
}

TEST_CASE("chrome trace: spans, waits, instants and names from recorded events", "[chrome_trace]") {
  aio::ChromeTrace trace;
  using K = aio::TraceKind;
  trace.record(event(K::task_created, 10.0, 1, "Task-1"));
  trace.record(event(K::task_resumed, 10.0, 1, "Task-1"));
  trace.record(event(K::task_created, 10.0, 2, "worker \"A\""));
  trace.record(event(K::task_suspended, 10.001, 1, "Task-1", "Queue.get()", 12));
  trace.record(event(K::task_resumed, 10.001, 2, "worker \"A\""));
  trace.record(event(K::output, 10.002, 2, "worker \"A\"", "hi\n\xff"));
  trace.record(event(K::task_failed, 10.002, 2, "worker \"A\"", "ValueError: bad"));
  trace.record(event(K::output, 10.002, 0, {}, "no task"));
  trace.record(event(K::task_resumed, 10.5, 1, "main"));  // renamed meanwhile
  trace.record(event(K::task_suspended, 10.75, 1, "main", "sleep(0)"));
  std::string text = trace.json();
  Json document = parse(text);
  REQUIRE(document["displayTimeUnit"].string == "ms");

  REQUIRE(thread_name(document, 1) == "main");
  REQUIRE(thread_name(document, 2) == "worker \"A\"");
  REQUIRE(thread_name(document, 0) == "(no task)");

  std::vector<Json> spans = events(document, "X", 1);
  REQUIRE(spans.size() == 4);
  REQUIRE(spans[0]["name"].string == "run");
  REQUIRE(spans[0]["ts"].number == Approx(0));
  REQUIRE(spans[0]["dur"].number == Approx(1000));
  REQUIRE(spans[1]["name"].string == "await Queue.get()");
  REQUIRE(spans[1]["args"]["line"].number == 12);
  REQUIRE(spans[1]["ts"].number == Approx(1000));
  REQUIRE(spans[1]["dur"].number == Approx(499000));
  REQUIRE(spans[2]["name"].string == "run");
  REQUIRE(spans[2]["dur"].number == Approx(250000));
  REQUIRE(spans[3]["name"].string == "await sleep(0)");  // still open: ends with the trace
  REQUIRE(spans[3]["dur"].number == Approx(0));
  REQUIRE_FALSE(spans[3].has("args"));

  std::vector<Json> worker_spans = events(document, "X", 2);
  REQUIRE(worker_spans.size() == 1);
  REQUIRE(worker_spans[0]["ts"].number == Approx(1000));
  REQUIRE(worker_spans[0]["dur"].number == Approx(1000));
  std::vector<Json> worker_instants = events(document, "i", 2);
  REQUIRE(worker_instants.size() == 3);
  REQUIRE(worker_instants[0]["name"].string == "created");
  REQUIRE(worker_instants[1]["args"]["text"].string == "hi\n\xef\xbf\xbd");  // U+FFFD
  REQUIRE(worker_instants[1]["s"].string == "t");
  REQUIRE(worker_instants[2]["name"].string == "failed");
  REQUIRE(worker_instants[2]["args"]["error"].string == "ValueError: bad");
  REQUIRE(events(document, "i", 0).at(0)["name"].string == "no task");
  for (const Json& e : document["traceEvents"].array) REQUIRE(e["pid"].number == 1);
}

TEST_CASE("chrome trace: a long output line is named by a UTF-8-safe prefix", "[chrome_trace]") {
  aio::ChromeTrace trace;
  std::string text(59, 'x');
  text += "\xc3\xa9 and more";  // the 60-byte cut falls inside the two-byte character
  trace.record(event(aio::TraceKind::output, 0, 1, "Task-1", text));
  Json document = parse(trace.json());
  std::vector<Json> instants = events(document, "i", 1);
  REQUIRE(instants.size() == 1);
  REQUIRE(instants[0]["name"].string == std::string(59, 'x'));
  REQUIRE(instants[0]["args"]["text"].string == text);
}

TEST_CASE("chrome trace: a real run traced through the loop's sink", "[chrome_trace]") {
  aio::TaskCore::reset_name_counter();
  host::NativeHost real;
  host::VirtualTimeHost virtual_time(real);
  aio::ChromeTrace trace;
  {
    aio::Loop loop(virtual_time);
    loop.set_trace_sink(trace.sink());
    auto child = [&]() -> aio::Task<int> {
      (co_await aio::sleep(0.5)).value();
      loop.trace(aio::TraceKind::output, aio::current_task(), "child says hi");
      co_return 2;
    };
    auto main_body = [&]() -> aio::Task<int> {
      auto task = aio::create_task(child(), "child");
      co_return (co_await task).value();
    };
    REQUIRE(aio::run_until_complete(loop, main_body()).value() == 2);
  }
  Json document = parse(trace.json());
  REQUIRE(thread_name(document, 1) == "Task-1");
  REQUIRE(thread_name(document, 2) == "child");
  std::vector<std::string> main_spans;
  for (const Json& span : events(document, "X", 1)) main_spans.push_back(span["name"].string);
  REQUIRE(main_spans == std::vector<std::string>{"run", "await child", "run"});
  std::vector<Json> child_spans = events(document, "X", 2);
  REQUIRE(child_spans.size() == 3);
  REQUIRE(child_spans[1]["name"].string == "await sleep()");
  REQUIRE(child_spans[1]["dur"].number == Approx(500000));
  std::vector<Json> child_instants = events(document, "i", 2);
  REQUIRE(child_instants.size() == 3);
  REQUIRE(child_instants[1]["name"].string == "child says hi");
  REQUIRE(child_instants[1]["ts"].number == Approx(500000));
  REQUIRE(child_instants[2]["name"].string == "done");
}
