// libFuzzer target: the whole program run as `awaitpad run --virtual-time` would, under
// tight limits — a small heap cap (MemoryError beyond it), an instruction budget
// (fuzz_host.hpp: about 64 K loop iterations and 20 K event-loop turns, then
// KeyboardInterrupt), virtual time, `random` seeded, no stdin, no network, output thrown
// away. Every Python-level outcome (SyntaxError, an uncaught exception, SystemExit, a
// deadlock report, KeyboardInterrupt from the budget) is a valid answer, not a finding;
// only crashes, sanitizer reports, timeouts and running out of memory are.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "core/host/virtual_time_host.hpp"
#include "core/py/vm/interpreter.hpp"
#include "fuzz/fuzz_host.hpp"

namespace {

constexpr int64_t kPollPeriods = 4;         // × host_poll_interval (16 K) loop iterations
constexpr int64_t kChecks = 20000;          // event-loop turns, time.sleep steps, polls
constexpr size_t kHeapBytes = 16u << 20;    // the run's heap cap (RunOptions::max_memory)

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  fuzz::FuzzHost budget(kPollPeriods, kChecks);
  host::VirtualTimeHost host(budget);
  py::RunOptions options;
  options.virtual_time = true;
  options.seed = 0;
  options.max_memory = kHeapBytes;
  py::Interpreter interpreter(host, std::move(options));
  (void)interpreter.run_main(source);
  return 0;
}
