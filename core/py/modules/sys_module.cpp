// sys's C++ part: the values and functions that read or change the run's state.
// version_info, implementation and float_info are the Python part's (parts/sys.py).
#include "core/py/modules/sys_module.hpp"

#include <cstdint>
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/vm/frame.hpp"

namespace py {
namespace {

// exit([code]): raises SystemExit(code); the interpreter turns it into the exit status.
Ref<> sys_exit(Object*, CallArgs args) {
  if (!check_positional("exit", args, 0, 1)) return nullptr;
  Ref<Tuple> exit_args = args.count ? make_tuple({args.values[0]}) : empty_tuple();
  if (!exit_args) return nullptr;
  Ref<> exception = make_exception(system_exit_type, std::move(exit_args));
  if (exception) set_exception(std::move(exception));
  return nullptr;
}

Ref<> sys_getrecursionlimit(Object*, CallArgs args) {
  if (!check_positional("sys.getrecursionlimit", args, 0, 0)) return nullptr;
  return make_int(runtime().recursion_limit);
}

// setrecursionlimit(limit), with CPython's two ValueErrors.
Ref<> sys_setrecursionlimit(Object*, CallArgs args) {
  if (!check_positional("sys.setrecursionlimit", args, 1, 1)) return nullptr;
  int64_t limit;
  if (!index_to_int64(args.values[0], &limit)) return nullptr;
  if (limit < 1) return raise(value_error_type, "recursion limit must be greater or equal than 1");
  if (limit > INT32_MAX)
    return raise(overflow_error_type, "Python int too large to convert to C int");
  Runtime& run = runtime();
  if (limit <= run.recursion_depth)
    return raise_format(recursion_error_type,
                        "cannot set the recursion limit to {} at the recursion depth {}: the "
                        "limit is too low",
                        limit, run.recursion_depth);
  run.recursion_limit = int(limit);
  return none();
}

// The exception being handled, or None (sys.exception(), new in 3.11).
Ref<> sys_exception(Object*, CallArgs args) {
  if (!check_positional("sys.exception", args, 0, 0)) return nullptr;
  Object* handled = current_handled_exception();
  return handled ? Ref<>::borrow(handled) : none();
}

// exc_info(): (type, value, traceback) of the exception being handled, or three Nones.
Ref<> sys_exc_info(Object*, CallArgs args) {
  if (!check_positional("sys.exc_info", args, 0, 0)) return nullptr;
  Object* handled = current_handled_exception();
  if (!handled) return make_tuple({&none_object, &none_object, &none_object});
  Object* traceback = static_cast<BaseException*>(handled)->traceback.get();
  return make_tuple({handled->type, handled, traceback ? traceback : &none_object});
}

Ref<> sys_intern(Object*, CallArgs args) {
  if (!check_positional("intern", args, 1, 1)) return nullptr;
  if (!is_exact(args.values[0], str_type))
    return raise_format(type_error_type, "intern() argument must be str, not {}",
                        type_name(args.values[0]->type));
  return intern(as_str(args.values[0])->value);
}

const NativeMethod sys_functions[] = {
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"exception", sys_exception},
    {"exc_info", sys_exc_info},
    {"intern", sys_intern},
    {nullptr, nullptr},
};

int set_value(Module* module, const char* name, Ref<> value) {
  if (!value) return -1;
  return dict_set_str(module->dict.get(), name, value.get());
}

}  // namespace

int init_sys_module(Module* module) {
  for (const NativeMethod* row = sys_functions; row->name; ++row)
    if (set_value(module, row->name, make_native_function(row, nullptr)) < 0) return -1;

  Runtime& run = runtime();
  // argv[0] is the program's name as its tracebacks show it (RunOptions::filename,
  // "main.py"), whatever path the front end read the source from.
  std::vector<Ref<>> arguments;
  arguments.push_back(make_str(run.options.filename));
  for (size_t i = 1; i < run.options.argv.size(); ++i)
    arguments.push_back(make_str(run.options.argv[i]));
  for (const Ref<>& argument : arguments)
    if (!argument) return -1;
  if (set_value(module, "argv", make_list(std::move(arguments))) < 0) return -1;
  if (set_value(module, "modules", Ref<>::borrow(reinterpret_cast<Object*>(run.modules))) < 0)
    return -1;
  if (set_value(module, "path", make_list()) < 0) return -1;
  if (set_value(module, "maxsize", make_int(INT64_MAX)) < 0) return -1;
  if (set_value(module, "byteorder", make_str("little")) < 0) return -1;
#ifdef __EMSCRIPTEN__
  const char* platform = "emscripten";
#else
  const char* platform = "linux";
#endif
  if (set_value(module, "platform", make_str(platform)) < 0) return -1;
  if (set_value(module, "version", make_str("3.11.7 (awaitpad)")) < 0) return -1;
  if (set_value(module, "hexversion", make_int(0x030B07F0)) < 0) return -1;
  if (set_value(module, "executable", make_str("")) < 0) return -1;
  if (set_value(module, "maxunicode", make_int(0x10FFFF)) < 0) return -1;
  const char* stream_names[] = {"stdin", "stdout", "stderr"};
  for (int number = 0; number < 3; ++number) {
    Ref<TextStream> stream = make_text_stream(number);
    if (!stream) return -1;
    if (set_value(module, stream_names[number], stream) < 0) return -1;
    if (set_value(module, format_message("__{}__", stream_names[number]).c_str(), stream) < 0)
      return -1;
  }
  return 0;
}

}  // namespace py
