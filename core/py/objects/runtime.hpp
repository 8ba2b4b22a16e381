// The state of one interpreter run: options, the heap's accounting, the current
// exception, recursion depth, builtins and loaded modules. One run at a time per thread;
// `runtime()` is it. A run is created by py::Interpreter (vm/interpreter.hpp) and torn
// down with it, freeing everything the run allocated, cycles included.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/aio/trace.hpp"
#include "core/py/objects/object.hpp"

namespace host {
class Host;
}

namespace py {

struct Module;

// What a run was asked to do (the CLI's and the worker's options).
struct RunOptions {
  std::string filename = "main.py";     // shown in tracebacks
  std::vector<std::string> argv;        // sys.argv (argv[0] is the filename)
  bool virtual_time = false;            // the Host decorator jumps the clock (DESIGN decision 3)
  std::optional<uint64_t> seed;         // seeds `random` when set; OS entropy otherwise
  std::string stdin_text;               // what input() and sys.stdin read
  size_t max_memory = 512u << 20;       // heap cap in bytes: MemoryError beyond it
  size_t max_output = 1u << 20;         // bytes the program may print (stdout + stderr);
                                        // beyond it one notice, and the rest is dropped
  int recursion_limit = 1000;           // sys.getrecursionlimit()
  aio::TraceSink trace_sink;            // receives every event loop's trace events, or empty
};

struct Runtime {
  RunOptions options;          // as given to the run
  host::Host* host = nullptr;  // borrowed: clock, waits (only the driver waits on it) and
                               // the program's output (Host::write)

  Ref<> exception;             // the current exception (errors.hpp), null when none
  int recursion_depth = 0;     // Python frames + nested native→Python calls now active
  int recursion_limit = 1000;  // RecursionError beyond it (sys.setrecursionlimit)

  size_t heap_bytes = 0;       // bytes of live objects
  size_t cpp_heap_at_start = 0;  // cpp_heap_bytes() when the run began: the C++ buffers
                                 // allocated since are the run's (heap_in_use)
  size_t heap_peak = 0;        // the most heap_bytes has been
  size_t heap_limit = 512u << 20;  // allocate_object fails when heap_in_use() would pass it

  Dict* builtins = nullptr;    // owned: the builtins module's __dict__
  Dict* modules = nullptr;     // owned: sys.modules
  size_t stdin_position = 0;   // bytes of options.stdin_text already read
  size_t output_bytes = 0;     // bytes the program printed, up to options.max_output
  bool output_truncated = false;  // the cap was reached and its notice written

  // Functions that forget per-run caches pointing into the heap (interned strings, small
  // ints, preallocated exceptions); called at the run's end, before its heap is freed.
  std::vector<void (*)()> run_end_callbacks;

  // Source text of each file seen (filename → text) for tracebacks' source lines.
  std::unordered_map<std::string, std::string> sources;

  // (file, line, coroutine name) of each "coroutine ... was never awaited" warning shown:
  // the default warning filter shows each once per run.
  std::set<std::tuple<std::string, int, std::string>> never_awaited_warned;
};

// The current run. Valid between an Interpreter's construction and destruction.
Runtime& runtime();
// Installs `state` as the current run (null to uninstall); returns the previous one.
Runtime* set_runtime(Runtime* state);

// Registers `callback` to run at the end of the current run (see run_end_callbacks).
void on_run_end(void (*callback)());

// Writes program output through the Host (core/host/host.hpp), within the run's output
// cap (RunOptions::max_output): the write that crosses it is cut, followed by a notice
// on stderr, and later writes are dropped while the program runs on.
void write_stdout(std::string_view text);
void write_stderr(std::string_view text);
// Writes the interpreter's own last word (an uncaught exception's traceback, a syntax
// error, a deadlock report) to stderr past the cap: it ends the run, so it is bounded.
void write_report(std::string_view text);

}  // namespace py
