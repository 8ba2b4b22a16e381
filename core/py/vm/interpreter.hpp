// One run of a Python program: the object every front end (the native CLI, the wasm
// worker, the tests) creates to run source text.
//
// The Interpreter owns the run's Runtime (objects/runtime.hpp): it readies the builtin
// types, creates the builtins and sys modules, runs the program as __main__ and, at its
// end, frees everything the run allocated. It is also the top-level driver of DESIGN
// decision 6: module code that makes a blocking call (time.sleep, asyncio.run) suspends
// back to run_main(), which completes the call outside the VM and resumes the module.
#pragma once

#include <string>
#include <string_view>

#include "core/host/host.hpp"
#include "core/py/objects/runtime.hpp"

namespace py {

class Interpreter {
 public:
  // `host` provides the clock, waits and output for the whole run; it must outlive this.
  Interpreter(host::Host& host, RunOptions options);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Compiles and runs `source` as the __main__ module, as `python3 FILE` would:
  // a SyntaxError or an uncaught exception is printed to stderr as CPython prints it.
  // Returns the process exit status: 0, 1 after an uncaught exception, or SystemExit's code.
  int run_main(std::string_view source);

  // The disassembly of `source` (awaitpad --dis), or the SyntaxError text. Returns false
  // when the source does not compile.
  bool disassemble(std::string_view source, std::string* out);

 private:
  // The exit status for an exception that left the main module (printing it).
  int report_uncaught_exception();

  Runtime runtime_;            // the run's state, installed as py::runtime() while alive
  Runtime* previous_runtime_;  // whatever run was current before (restored at the end)
};

}  // namespace py
