// The builtins that talk to the program's streams: print, input, exit and quit.
//
// Design: output goes straight to the Host (write_stdout) unless the program imported
// `sys` and its sys.stdout is then written through its `write` method, so a program that
// replaced sys.stdout (or wrapped it) sees every print. Cost: one dictionary lookup per
// print to learn whether sys was imported; the fast path stays a direct write (also
// for the untouched sys.stdout).
#include <string>

#include "core/py/builtins/builtin_functions.hpp"
#include "core/py/modules/sys_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {
namespace {

// sys.stdout when the program has imported sys (a new reference), else null with no
// exception: then output goes to the Host directly.
Ref<> imported_sys_stdout() {
  Dict* modules = runtime().modules;
  if (!modules) return nullptr;
  Object* sys = dict_lookup_str(modules, "sys");
  if (!sys) return nullptr;
  return get_attribute_or_missing(sys, intern_borrowed("stdout"));
}

// Where print and input write: a file object, or the Host's stdout (null).
// `*stream` is set to sys.stdout when the program imported sys, else to `file`. False
// after an error; true with a null `*stream` and `*silent` when sys.stdout is None.
bool output_stream(Object* file, Ref<>* stream, bool* silent) {
  *silent = false;
  if (file) {
    *stream = Ref<>::borrow(file);
    return true;
  }
  *stream = imported_sys_stdout();
  if (!*stream) return !exception_pending();
  if (is_none(stream->get())) {
    *stream = nullptr;
    *silent = true;
  } else if ((*stream)->type == &text_stream_type &&
             static_cast<TextStream*>(stream->get())->file_number == 1) {
    *stream = nullptr;  // the untouched sys.stdout: its write is the direct one
  }
  return true;
}

// file.write(text); -1 on error.
int write_to(Object* stream, std::string text) {
  Ref<Str> value = make_str(std::move(text));
  if (!value || !call_method(stream, "write", {value.get()})) return -1;
  return 0;
}

// The text of sep= / end=: None or absent gives `fallback`. False after raising.
bool separator_text(Object* value, const char* fallback, const char* what, std::string* out) {
  if (!value || is_none(value)) {
    *out = fallback;
    return true;
  }
  if (!is_str(value)) {
    raise_format(type_error_type, "{} must be None or a string, not {}", what,
                 type_name(value->type));
    return false;
  }
  *out = as_str(value)->value;
  return true;
}

// print(*objects, sep=' ', end='\n', file=None, flush=False)
Ref<> print(Object*, CallArgs args) {
  Object* separator = nullptr;
  Object* end = nullptr;
  Object* file = nullptr;
  Object* flush = nullptr;
  const size_t positional = args.positional_count();
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    const std::string& keyword = as_str(args.keyword_names->items[i].get())->value;
    Object* value = args.values[positional + i];
    if (keyword == "sep") separator = value;
    else if (keyword == "end") end = value;
    else if (keyword == "file") file = value;
    else if (keyword == "flush") flush = value;
    else return raise_format(type_error_type, "'{}' is an invalid keyword argument for print()", keyword);
  }
  std::string separator_string, end_string;
  if (!separator_text(separator, " ", "sep", &separator_string) ||
      !separator_text(end, "\n", "end", &end_string))
    return nullptr;
  int flush_truth = 0;
  if (flush && (flush_truth = truthy(flush)) < 0) return nullptr;
  if (file && is_none(file)) file = nullptr;
  Ref<> stream;
  bool silent = false;
  if (!output_stream(file, &stream, &silent)) return nullptr;
  if (silent) return none();
  if (!stream) {
    // The fast path: one write of the whole line to the Host.
    std::string line;
    for (size_t i = 0; i < positional; ++i) {
      if (i) line += separator_string;
      Ref<Str> text = to_str(args.values[i]);
      if (!text) return nullptr;
      line += text->value;
    }
    write_stdout(line + end_string);
    return none();
  }
  // A file object gets each piece by its own write(), as CPython's print does.
  for (size_t i = 0; i < positional; ++i) {
    if (i && write_to(stream.get(), separator_string) < 0) return nullptr;
    Ref<Str> text = to_str(args.values[i]);
    if (!text || write_to(stream.get(), text->value) < 0) return nullptr;
  }
  if (write_to(stream.get(), end_string) < 0) return nullptr;
  if (flush_truth && !call_method(stream.get(), "flush", {})) return nullptr;
  return none();
}

// input(prompt=''): writes the prompt, then reads one line of the run's stdin text
// without its newline; EOFError at the end of the text.
Ref<> input(Object*, CallArgs args) {
  if (!check_positional("input", args, 0, 1)) return nullptr;
  if (args.count == 1) {
    Ref<Str> prompt = to_str(args.values[0]);
    if (!prompt) return nullptr;
    Ref<> stream;
    bool silent = false;
    if (!output_stream(nullptr, &stream, &silent)) return nullptr;
    if (!stream && !silent) write_stdout(prompt->value);
    if (stream && (write_to(stream.get(), prompt->value) < 0 || !call_method(stream.get(), "flush", {})))
      return nullptr;
  }
  Runtime& run = runtime();
  const std::string& text = run.options.stdin_text;
  if (run.stdin_position >= text.size()) return raise(eof_error_type, "EOF when reading a line");
  size_t end = text.find('\n', run.stdin_position);
  const size_t next = end == std::string::npos ? text.size() : end + 1;
  if (end == std::string::npos) end = text.size();
  std::string line = text.substr(run.stdin_position, end - run.stdin_position);
  run.stdin_position = next;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return make_str(std::move(line));
}

// exit(code=None) / quit(code=None): raise SystemExit(code), as site's Quitter does.
Ref<> raise_system_exit(const char* function, CallArgs args) {
  Object* code = nullptr;
  if (!parse_arguments(function, args, {"code"}, 0, &code)) return nullptr;
  Ref<> exception = make_exception(system_exit_type, make_tuple({code ? code : &none_object}));
  if (exception) set_exception(std::move(exception));
  return nullptr;
}
Ref<> exit_function(Object*, CallArgs args) { return raise_system_exit("exit", args); }
Ref<> quit_function(Object*, CallArgs args) { return raise_system_exit("quit", args); }

}  // namespace

const NativeMethod io_builtin_functions[] = {
    {"print", print},
    {"input", input},
    {"exit", exit_function},
    {"quit", quit_function},
    {nullptr, nullptr},
};

}  // namespace py
