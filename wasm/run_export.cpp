// The module's one export: runs a Python program on the web Host. JavaScript calls it
// through `ccall(..., {async: true})` because it may suspend (web_host.hpp); the worker
// never calls into the module while a run is suspended (TOOLCHAIN.md §2), and uses a fresh
// module instance per run, so a run always starts from a clean heap.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include <emscripten.h>

#include "core/host/virtual_time_host.hpp"
#include "core/py/vm/interpreter.hpp"
#include "wasm/web_host.hpp"

namespace {

// "" means unseeded; otherwise a decimal integer that fits 64 bits (checked by the caller).
std::optional<uint64_t> parse_seed(const char* text) {
  if (*text == '\0') return std::nullopt;
  return std::strtoull(text, nullptr, 10);
}

}  // namespace

// Runs `source` (`source_size` bytes, as read from a file: a null byte or invalid UTF-8 in
// it gets the SyntaxError it gets natively) as main.py, as `awaitpad run` does natively,
// and returns the exit status. `argv0` is sys.argv[0]; `stdin_text` is what input()
// reads; `seed` seeds `random` ("" = unseeded). Output and, when `trace` is set, trace
// events go to Module.awaitpad.
extern "C" EMSCRIPTEN_KEEPALIVE int awaitpad_run(const char* source, int source_size,
                                                 const char* argv0,
                                                 const char* stdin_text, int virtual_time,
                                                 const char* seed, int trace) {
  py::RunOptions options;
  options.argv.emplace_back(argv0);
  options.virtual_time = virtual_time != 0;
  options.seed = parse_seed(seed);
  options.stdin_text = stdin_text;
  if (trace) options.trace_sink = web::send_trace_event;

  web::WebHost web_host;
  host::VirtualTimeHost virtual_host(web_host);
  host::Host& host = options.virtual_time ? static_cast<host::Host&>(virtual_host)
                                          : static_cast<host::Host&>(web_host);
  py::Interpreter interpreter(host, std::move(options));
  return interpreter.run_main(std::string_view(source, size_t(source_size)));
}
