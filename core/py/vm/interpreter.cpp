#include "core/py/vm/interpreter.hpp"

#include <memory>

#include "core/py/builtins/builtins_module.hpp"
#include "core/py/compiler/compiler.hpp"
#include "core/py/compiler/disassembler.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/module.hpp"
#include "core/py/objects/ready.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/syntax/syntax_error.hpp"
#include "core/py/vm/execution.hpp"

namespace py {

Interpreter::Interpreter(host::Host& host, RunOptions options) {
  runtime_.host = &host;
  runtime_.recursion_limit = options.recursion_limit;
  runtime_.heap_limit = options.max_memory;
  runtime_.cpp_heap_at_start = cpp_heap_bytes();
  if (options.argv.empty()) options.argv.push_back(options.filename);
  runtime_.options = std::move(options);
  previous_runtime_ = set_runtime(&runtime_);

  ready_all_types();
  runtime_.modules = make_dict().release();
  Ref<Module> builtins = make_builtins_module();
  runtime_.builtins = Ref<Dict>(builtins->dict).release();
  dict_set_str(runtime_.modules, "builtins", builtins.get());
}

Interpreter::~Interpreter() {
  clear_exception();
  // Static types and per-run caches point into the heap: they forget it first, then the
  // heap goes at once, cycles included.
  for (auto callback : runtime_.run_end_callbacks) callback();
  forget_all_types();
  runtime_.modules = nullptr;
  runtime_.builtins = nullptr;
  release_run_objects();
  set_runtime(previous_runtime_);
}

int Interpreter::run_main(std::string_view source) {
  const std::string& filename = runtime_.options.filename;
  runtime_.sources[filename] = std::string(source);

  CompileResult compiled = compile_source(source, filename);
  for (const SyntaxWarning& warning : compiled.warnings)
    write_stderr(format_syntax_warning(warning, filename));
  if (compiled.memory_error) {
    write_report("MemoryError\n");  // CPython's parser stack overflowed: no location
    return 1;
  }
  if (compiled.error) {
    // CPython reports a too-deep program as a bare RecursionError, with no location.
    if (compiled.recursion_error) write_report("RecursionError: " + compiled.error->message + "\n");
    else write_report(format_syntax_error(*compiled.error, filename));
    return 1;
  }

  Ref<Module> main_module = make_module("__main__");
  if (!main_module) return report_uncaught_exception();
  Dict* globals = main_module->dict.get();
  dict_set_str(globals, "__builtins__", dict_lookup_str(runtime_.modules, "builtins"));
  Ref<Str> file = make_str(filename);
  dict_set_str(globals, "__file__", file.get());
  dict_set_str(runtime_.modules, "__main__", main_module.get());

  // The top-level driver: module code runs until it returns, raises or blocks; a blocked
  // call is completed here, outside the VM, and its outcome resumes the module.
  Ref<> execution = start_module_execution(compiled.code.get(), globals);
  if (!execution) return report_uncaught_exception();
  Ref<> sent = none();
  bool throwing = false;
  for (;;) {
    ResumeResult step = resume(execution.get(), sent.get(), throwing);
    switch (step.status) {
      case ResumeStatus::returned:
        return 0;
      case ResumeStatus::raised:
        return report_uncaught_exception();
      case ResumeStatus::yielded:
        // Module code cannot yield (the compiler rejects it); treat it as a bug report.
        raise(system_error_type, "module code yielded");
        return report_uncaught_exception();
      case ResumeStatus::blocked: {
        std::unique_ptr<BlockingCall> call(take_blocking_call());
        sent = call->complete();
        throwing = !sent;
        if (throwing) sent = take_exception();
        break;
      }
    }
  }
}

int Interpreter::report_uncaught_exception() {
  Ref<> exception = take_exception();
  if (!exception) return 1;
  // The run is over: its report (a MemoryError's included) must not fail for want of heap.
  runtime_.heap_limit = SIZE_MAX;
  if (is_instance(exception.get(), system_exit_type)) {
    // SystemExit(None) → 0, SystemExit(int) → that status, anything else is printed.
    Ref<> code = get_attribute(exception.get(), "code");
    if (!code || is_none(code.get())) {
      clear_exception();
      return 0;
    }
    int64_t status = 0;
    if (is_int(code.get()) && int_to_int64(static_cast<Int*>(code.get()), &status))
      return int(status);
    if (Ref<Str> text = to_str(code.get())) write_report(text->value + "\n");
    clear_exception();
    return 1;
  }
  write_report(format_traceback(exception.get()));
  return 1;
}

bool Interpreter::disassemble(std::string_view source, std::string* out) {
  const std::string& filename = runtime_.options.filename;
  CompileResult compiled = compile_source(source, filename);
  if (compiled.memory_error) {
    *out = "MemoryError\n";
    return false;
  }
  if (compiled.error) {
    *out = format_syntax_error(*compiled.error, filename);
    return false;
  }
  *out = py::disassemble(compiled.code.get());
  return true;
}

}  // namespace py
