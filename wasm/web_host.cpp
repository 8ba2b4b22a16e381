#include "wasm/web_host.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <string>

#include <emscripten.h>

namespace {

// The one suspending import. `Module.awaitpad.wait` flushes batched output, then
// resolves after `milliseconds` on the event loop (setTimeout), or sooner when an HTTP
// request finishes; Infinity waits for a request only.
EM_ASYNC_JS(void, awaitpad_js_wait, (double milliseconds), {
  await Module.awaitpad.wait(milliseconds);
});

// Text is passed as bytes and a length: program output may hold NUL characters.
EM_JS(void, awaitpad_js_write, (int stream, const char* text, size_t length), {
  Module.awaitpad.write(stream, HEAPU8.subarray(text, text + length));
});

EM_JS(void, awaitpad_js_poll, (), { Module.awaitpad.poll(); });

// The module's bytes copied into a buffer from malloc, which the caller frees, and their
// count in *size; null when there is no such module. Read synchronously (on_demand.mjs).
EM_JS(char*, awaitpad_js_module_source, (const char* name, size_t* size), {
  const bytes = Module.awaitpad.moduleSource(UTF8ToString(name));
  if (bytes === null) return 0;
  const buffer = _malloc(Math.max(bytes.length, 1));
  HEAPU8.set(bytes, buffer);
  HEAPU32[size >> 2] = bytes.length;
  return buffer;
});

EM_JS(void, awaitpad_js_trace,
      (const char* kind, double time, double task_id, const char* name, size_t name_length,
       const char* what, size_t what_length, int line),
      {
        Module.awaitpad.trace(UTF8ToString(kind), time, task_id,
                              HEAPU8.subarray(name, name + name_length),
                              HEAPU8.subarray(what, what + what_length), line);
      });

}  // namespace

namespace web {

double WebHost::now() { return emscripten_get_now() / 1000.0; }

void WebHost::wait_until(std::optional<double> deadline) {
  // Requests finish only while the module is suspended, so results may wait from an
  // earlier wait that a timer ended: deliver them now rather than suspend again.
  if (fetches_.deliver_finished() > 0) return;
  // Nothing can end a wait without deadline when no request is in flight; the loop
  // reports a deadlock before it gets here, so returning is the safe answer.
  if (!deadline && !fetches_.pending()) return;
  double milliseconds = std::numeric_limits<double>::infinity();
  if (deadline) {
    const double remaining = *deadline - now();
    if (remaining <= 0) return;
    // At most a day per wait, as asyncio's MAXIMUM_SELECT_TIMEOUT; setTimeout itself
    // overflows past 2^31 - 1 ms and would fire at once.
    constexpr double longest_wait = 24 * 3600;
    milliseconds = std::min(remaining, longest_wait) * 1000.0;
  }
  awaitpad_js_wait(milliseconds);
  fetches_.deliver_finished();
}

void WebHost::write(host::Stream stream, std::string_view text) {
  awaitpad_js_write(stream == host::Stream::stdout_stream ? 1 : 2, text.data(), text.size());
}

void WebHost::poll() { awaitpad_js_poll(); }

std::optional<std::string> WebHost::module_source(std::string_view name) {
  size_t size = 0;
  char* bytes = awaitpad_js_module_source(std::string(name).c_str(), &size);
  if (!bytes) return std::nullopt;
  std::string source(bytes, size);
  free(bytes);
  return source;
}

void send_trace_event(const aio::TraceEvent& event) {
  awaitpad_js_trace(aio::trace_kind_name(event.kind), event.time, double(event.task_id), event.task_name.data(),
                    event.task_name.size(), event.what.data(), event.what.size(), event.line);
}

}  // namespace web
