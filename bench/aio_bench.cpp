// The core benchmark: the runtime's hot paths, each measured as the best of a
// few repetitions, printed as "metric<TAB>value" lines that bench/asyncio_bench.py
// sets beside CPython's figures for the same workloads (bench/README.md).
//
// Workloads (the host each one runs on is part of its definition):
//   switch  two tasks ping-pong through sleep(0)            NativeHost
//   gather  create + gather 100k tasks that each sleep(0)   NativeHost
//   memory  bytes per idle task: 100k tasks awaiting one future, counted by
//           the global operator new/delete below            NativeHost
//   queue   1M items through Queue(maxsize=1)               NativeHost
//   timers  10k tasks each sleeping a distinct delay        VirtualTimeHost
//           (virtual time: the figure is the runtime's cost, not the delays)
// Times are CPU time of this thread (CLOCK_THREAD_CPUTIME_ID), taken inside
// the main task, as the Python side takes time.thread_time() inside its main
// coroutine: every workload is CPU-bound (virtual time never sleeps), and CPU
// time stays meaningful on a machine busy with other work. The counting
// allocator costs every run a few instructions per allocation.
//
// Built with em++ it runs under node as well; bench/run.sh --wasm reports its
// memory figure, the product's (wasm32: 4-byte pointers).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <new>
#include <string>
#include <vector>

#include "core/aio/future.hpp"
#include "core/aio/gather.hpp"
#include "core/aio/queue.hpp"
#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/aio/task.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"

// --- counting allocator: every global new/delete goes through here ---------
// Each block carries its requested size in a 16-byte header (keeps malloc's
// alignment), so the counts are requested bytes — what tracemalloc counts.
namespace {
int64_t live_bytes = 0;  // requested bytes currently allocated
int64_t peak_bytes = 0;  // highest live_bytes since the last reset_peak()
constexpr size_t header_size = 16;

void* counted_allocate(size_t size) {
  auto* block = static_cast<unsigned char*>(std::malloc(size + header_size));
  if (!block) std::abort();  // -fno-exceptions: no bad_alloc
  std::memcpy(block, &size, sizeof size);
  live_bytes += int64_t(size);
  peak_bytes = std::max(peak_bytes, live_bytes);
  return block + header_size;
}

void counted_free(void* pointer) {
  if (!pointer) return;
  auto* block = static_cast<unsigned char*>(pointer) - header_size;
  size_t size;
  std::memcpy(&size, block, sizeof size);
  live_bytes -= int64_t(size);
  std::free(block);
}

void reset_peak() { peak_bytes = live_bytes; }
}  // namespace

void* operator new(size_t size) { return counted_allocate(size); }
void* operator new[](size_t size) { return counted_allocate(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept { return counted_allocate(size); }
void* operator new[](size_t size, const std::nothrow_t&) noexcept { return counted_allocate(size); }
void operator delete(void* pointer) noexcept { counted_free(pointer); }
void operator delete[](void* pointer) noexcept { counted_free(pointer); }
void operator delete(void* pointer, size_t) noexcept { counted_free(pointer); }
void operator delete[](void* pointer, size_t) noexcept { counted_free(pointer); }

// --- timing ------------------------------------------------------------------
namespace {

// CPU seconds this thread has run (Emscripten has no CPU clock: real time).
double cpu_seconds() {
#ifdef __EMSCRIPTEN__
  constexpr clockid_t clock = CLOCK_MONOTONIC;
#else
  constexpr clockid_t clock = CLOCK_THREAD_CPUTIME_ID;
#endif
  timespec now;
  clock_gettime(clock, &now);
  return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

// Runs `main` on a fresh loop over `host`; aborts if the run fails, since a
// benchmark that errs measures nothing.
template <class T>
T run_or_die(host::Host& host, aio::Task<T> main, const char* what) {
  aio::Result<T> result = aio::run(host, std::move(main));
  if (!result) {
    std::fprintf(stderr, "aio_bench: %s failed: %s\n", what, result.error().describe().c_str());
    std::exit(1);
  }
  return std::move(result).value();
}

// The smallest of `repetitions` runs of `measure` (each returns seconds).
template <class F>
double best_of(int repetitions, F measure) {
  double best = measure();
  for (int i = 1; i < repetitions; ++i) best = std::min(best, measure());
  return best;
}

// --- 1. task switch: two tasks ping-pong through sleep(0) ---------------------

aio::Task<void> yield_repeatedly(int64_t times) {
  for (int64_t i = 0; i < times; ++i) {
    aio::Result<void> slept = co_await aio::sleep(0);
    if (!slept) co_return slept.error();
  }
  co_return {};
}

// Seconds for `switches` task steps shared by two tasks.
aio::Task<double> ping_pong(int64_t switches) {
  double start = cpu_seconds();
  aio::TaskHandle<void> first = aio::create_task(yield_repeatedly(switches / 2));
  aio::TaskHandle<void> second = aio::create_task(yield_repeatedly(switches / 2));
  if (aio::Result<void> done = co_await first; !done) co_return done.error();
  if (aio::Result<void> done = co_await second; !done) co_return done.error();
  co_return cpu_seconds() - start;
}

// --- 2. create + gather 100k tasks that each sleep(0) -------------------------

aio::Task<void> yield_once() {
  aio::Result<void> slept = co_await aio::sleep(0);
  if (!slept) co_return slept.error();
  co_return {};
}

aio::Task<double> create_and_gather(int64_t count) {
  double start = cpu_seconds();
  std::vector<aio::Task<void>> bodies;
  bodies.reserve(size_t(count));
  for (int64_t i = 0; i < count; ++i) bodies.push_back(yield_once());
  auto gathered = co_await aio::gather(std::move(bodies));
  if (!gathered) co_return gathered.error();
  co_return cpu_seconds() - start;
}

// --- 2b. memory per idle task ---------------------------------------------------

// Live bytes per task at each stage, divided by the task count.
struct MemoryFigures {
  double frame;    // the body's coroutine frame, allocated by calling it
  double task;     // create_task: the task object and its scheduled first step
  double waiting;  // all tasks started and waiting on one future
  double peak;     // the highest point of the whole measurement
};

aio::Task<void> wait_for_gate(aio::Future<void> gate) {
  aio::Result<void> opened = co_await gate;
  if (!opened) co_return opened.error();
  co_return {};
}

aio::Task<MemoryFigures> idle_task_memory(int64_t count) {
  aio::Future<void> gate = aio::Future<void>::create(*aio::Loop::running());
  // The benchmark's own vectors are allocated before the baseline.
  std::vector<aio::Task<void>> bodies(static_cast<size_t>(count));
  std::vector<aio::TaskHandle<void>> tasks(static_cast<size_t>(count));
  int64_t baseline = live_bytes;
  reset_peak();
  for (auto& body : bodies) body = wait_for_gate(gate);
  int64_t after_frames = live_bytes;
  for (size_t i = 0; i < bodies.size(); ++i) tasks[i] = aio::create_task(std::move(bodies[i]));
  int64_t after_create = live_bytes;
  aio::Result<void> slept = co_await aio::sleep(0);  // every task runs its first step
  if (!slept) co_return slept.error();
  int64_t waiting = live_bytes;
  int64_t peak = peak_bytes;
  gate->set_result().value();
  for (auto& task : tasks) {
    if (aio::Result<void> done = co_await task; !done) co_return done.error();
  }
  double n = double(count);
  co_return MemoryFigures{double(after_frames - baseline) / n,
                          double(after_create - after_frames) / n,
                          double(waiting - baseline) / n, double(peak - baseline) / n};
}

// --- 3. queue ping-pong through Queue(maxsize=1) --------------------------------

aio::Task<void> produce(aio::Queue<int64_t>& queue, int64_t items) {
  for (int64_t i = 0; i < items; ++i) {
    if (aio::Result<void> put = co_await queue.put(i); !put) co_return put.error();
  }
  co_return {};
}

aio::Task<void> consume(aio::Queue<int64_t>& queue, int64_t items) {
  for (int64_t i = 0; i < items; ++i) {
    if (aio::Result<int64_t> got = co_await queue.get(); !got) co_return got.error();
  }
  co_return {};
}

aio::Task<double> queue_ping_pong(int64_t items) {
  aio::Queue<int64_t> queue(1);
  double start = cpu_seconds();
  aio::TaskHandle<void> producer = aio::create_task(produce(queue, items));
  aio::TaskHandle<void> consumer = aio::create_task(consume(queue, items));
  if (aio::Result<void> done = co_await producer; !done) co_return done.error();
  if (aio::Result<void> done = co_await consumer; !done) co_return done.error();
  co_return cpu_seconds() - start;
}

// --- 4. 10k timers: each task sleeps its own delay -------------------------------

aio::Task<void> sleep_for(double delay) {
  aio::Result<void> slept = co_await aio::sleep(delay);
  if (!slept) co_return slept.error();
  co_return {};
}

// Distinct delays from 0.1 ms to count * 0.1 ms, in a scrambled order (7919
// is prime, so i -> i * 7919 mod count is a permutation) so the timer heap
// does real work. The Python side uses the same formula.
double scrambled_delay(int64_t i, int64_t count) {
  return double((i * 7919) % count + 1) * 1e-4;
}

aio::Task<double> many_timers(int64_t count) {
  double start = cpu_seconds();
  std::vector<aio::Task<void>> sleepers;
  sleepers.reserve(size_t(count));
  for (int64_t i = 0; i < count; ++i) sleepers.push_back(sleep_for(scrambled_delay(i, count)));
  auto gathered = co_await aio::gather(std::move(sleepers));
  if (!gathered) co_return gathered.error();
  co_return cpu_seconds() - start;
}

void report(const char* metric, double value) { std::printf("%s\t%.3f\n", metric, value); }

}  // namespace

// Usage: aio_bench [--repetitions N] [--workload switch|gather|memory|queue|timers]
// (one workload alone is handy under perf or callgrind).
int main(int argc, char** argv) {
  int repetitions = 5;
  std::string only;  // run just this workload; empty: all
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repetitions") == 0 && i + 1 < argc) {
      repetitions = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--workload") == 0 && i + 1 < argc) {
      only = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: aio_bench [--repetitions N] "
                   "[--workload switch|gather|memory|queue|timers]\n");
      return 2;
    }
  }
  auto wanted = [&](const char* workload) { return only.empty() || only == workload; };
  host::NativeHost native;
  host::VirtualTimeHost virtual_time(native);

  if (wanted("switch")) {
    constexpr int64_t switches = 2'000'000;
    double seconds = best_of(repetitions, [&] {
      return run_or_die(native, ping_pong(switches), "switch");
    });
    report("switch_ns", seconds / double(switches) * 1e9);
  }
  constexpr int64_t many_tasks = 100'000;
  if (wanted("gather")) {
    double seconds = best_of(repetitions, [&] {
      return run_or_die(native, create_and_gather(many_tasks), "gather");
    });
    report("gather_ms", seconds * 1e3);
  }
  if (wanted("memory")) {
    MemoryFigures memory = run_or_die(native, idle_task_memory(many_tasks), "memory");
    report("memory_task_bytes", memory.task);
    report("memory_frame_bytes", memory.frame);
    report("memory_waiting_bytes", memory.waiting);
    report("memory_peak_bytes", memory.peak);
  }
  if (wanted("queue")) {
    constexpr int64_t items = 1'000'000;
    double seconds = best_of(repetitions, [&] {
      return run_or_die(native, queue_ping_pong(items), "queue");
    });
    report("queue_ms", seconds * 1e3);
  }
  if (wanted("timers")) {
    constexpr int64_t timers = 10'000;
    double seconds = best_of(repetitions, [&] {
      return run_or_die(virtual_time, many_timers(timers), "timers");
    });
    report("timers_ms", seconds * 1e3);
  }
  return 0;
}
