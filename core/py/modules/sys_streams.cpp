// sys.stdin, sys.stdout and sys.stderr: TextStream objects that write to the Host (as
// print does) or read the run's stdin text (RunOptions::stdin_text, shared with input()
// through Runtime::stdin_position). Text only: there is no .buffer and no encoding other
// than UTF-8. A write on stdin or a read on an output stream raises OSError "not
// writable"/"not readable" (CPython raises io.UnsupportedOperation, an OSError subclass).
#include <string>

#include "core/py/modules/sys_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type text_stream_type = builtin_type<TextStream>("_io.TextIOWrapper", 0);

namespace {

TextStream* as_stream(Object* self) { return static_cast<TextStream*>(self); }

const char* stream_name(Object* self) {
  static const char* const names[] = {"<stdin>", "<stdout>", "<stderr>"};
  return names[as_stream(self)->file_number];
}

bool is_input(Object* self) { return as_stream(self)->file_number == 0; }

// The size argument of read/readline: None or absent is -1 (everything).
bool size_argument(const char* name, CallArgs args, int64_t* size) {
  if (!check_positional(name, args, 0, 1)) return false;
  *size = -1;
  if (args.count == 0 || is_none(args.values[0])) return true;
  return index_to_int64(args.values[0], size);
}

// The end of the first `count` code points of text[start, end) (all of it when count < 0).
size_t advance_code_points(const std::string& text, size_t start, size_t end, int64_t count) {
  if (count < 0) return end;
  size_t position = start;
  for (int64_t taken = 0; position < end && taken < count; ++taken) {
    ++position;
    while (position < end && (static_cast<unsigned char>(text[position]) & 0xC0) == 0x80)
      ++position;
  }
  return position;
}

// Consumes and returns the stdin text up to `end` limited to `size` code points (size < 0:
// no limit), or up to the next newline (included) when `line`. Empty at the end.
std::string consume_stdin(int64_t size, bool line) {
  Runtime& run = runtime();
  const std::string& text = run.options.stdin_text;
  size_t start = std::min(run.stdin_position, text.size());
  size_t end = text.size();
  if (line) {
    size_t newline = text.find('\n', start);
    if (newline != std::string::npos) end = newline + 1;
  }
  end = advance_code_points(text, start, end, size);
  run.stdin_position = end;
  return text.substr(start, end - start);
}

Ref<> stream_write(Object* self, CallArgs args) {
  if (!check_positional("write", args, 1, 1)) return nullptr;
  if (is_input(self)) return raise(os_error_type, "not writable");
  Object* text = args.values[0];
  if (!is_str(text))
    return raise_format(type_error_type, "write() argument must be str, not {}",
                        type_name(text->type));
  if (as_stream(self)->file_number == 1) write_stdout(as_str(text)->value);
  else write_stderr(as_str(text)->value);
  return make_int(as_str(text)->length);
}

Ref<> stream_writelines(Object* self, CallArgs args) {
  if (!check_positional("writelines", args, 1, 1)) return nullptr;
  Ref<> iterator = get_iter(args.values[0]);
  if (!iterator) return nullptr;
  while (Ref<> line = iter_next(iterator.get())) {
    Object* one[] = {line.get()};
    if (!stream_write(self, CallArgs{one, 1, nullptr})) return nullptr;
  }
  if (exception_pending()) return nullptr;
  return none();
}

Ref<> stream_read(Object* self, CallArgs args) {
  int64_t size;
  if (!size_argument("read", args, &size)) return nullptr;
  if (!is_input(self)) return raise(os_error_type, "not readable");
  return make_str(consume_stdin(size, false));
}

Ref<> stream_readline(Object* self, CallArgs args) {
  int64_t size;
  if (!size_argument("readline", args, &size)) return nullptr;
  if (!is_input(self)) return raise(os_error_type, "not readable");
  return make_str(consume_stdin(size, true));
}

Ref<> stream_readlines(Object* self, CallArgs args) {
  if (!check_positional("readlines", args, 0, 1)) return nullptr;
  if (!is_input(self)) return raise(os_error_type, "not readable");
  Ref<List> lines = make_list();
  if (!lines) return nullptr;
  for (std::string line = consume_stdin(-1, true); !line.empty(); line = consume_stdin(-1, true)) {
    Ref<Str> item = make_str(std::move(line));
    if (!item || list_append(lines.get(), item.get()) < 0) return nullptr;
  }
  return lines;
}

// for line in sys.stdin: one line per step, stopping at the end of the text.
Ref<> stream_next(Object* self) {
  if (!is_input(self)) return raise(os_error_type, "not readable");
  std::string line = consume_stdin(-1, true);
  if (line.empty()) return nullptr;
  return make_str(std::move(line));
}

Ref<> stream_flush(Object*, CallArgs args) {
  if (!check_positional("flush", args, 0, 0)) return nullptr;
  return none();
}

Ref<> stream_false(Object*, CallArgs args) {
  if (!check_positional("isatty", args, 0, 0)) return nullptr;
  return make_bool(false);
}

Ref<> stream_fileno(Object* self, CallArgs args) {
  if (!check_positional("fileno", args, 0, 0)) return nullptr;
  return make_int(as_stream(self)->file_number);
}

Ref<> stream_readable(Object* self, CallArgs args) {
  if (!check_positional("readable", args, 0, 0)) return nullptr;
  return make_bool(is_input(self));
}

Ref<> stream_writable(Object* self, CallArgs args) {
  if (!check_positional("writable", args, 0, 0)) return nullptr;
  return make_bool(!is_input(self));
}

Ref<> stream_repr(Object* self) {
  return make_str(format_message("<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
                                 stream_name(self), is_input(self) ? "r" : "w"));
}

Ref<> get_name(Object* self) { return make_str(stream_name(self)); }
Ref<> get_mode(Object* self) { return make_str(is_input(self) ? "r" : "w"); }
Ref<> get_encoding(Object*) { return make_str("utf-8"); }
Ref<> get_closed(Object*) { return make_bool(false); }

const NativeMethod stream_methods[] = {
    {"write", stream_write},       {"writelines", stream_writelines},
    {"read", stream_read},         {"readline", stream_readline},
    {"readlines", stream_readlines}, {"flush", stream_flush},
    {"isatty", stream_false},      {"fileno", stream_fileno},
    {"readable", stream_readable}, {"writable", stream_writable},
    {nullptr, nullptr},
};

const GetSetDefinition stream_getsets[] = {
    {"name", get_name, nullptr},
    {"mode", get_mode, nullptr},
    {"encoding", get_encoding, nullptr},
    {"closed", get_closed, nullptr},
    {nullptr, nullptr, nullptr},
};

// Readies the type once per run (its dict belongs to the run's heap).
int ready_text_stream_type() {
  if (text_stream_type.mro) return 0;
  text_stream_type.repr = stream_repr;
  text_stream_type.iter = iterator_return_self;
  text_stream_type.next = stream_next;
  install_methods(text_stream_type, stream_methods);
  if (install_getsets(text_stream_type, stream_getsets) < 0) return -1;
  return ready_type(text_stream_type);
}

}  // namespace

Ref<TextStream> make_text_stream(int file_number) {
  if (ready_text_stream_type() < 0) return nullptr;
  Ref<TextStream> stream = make_object<TextStream>(&text_stream_type);
  if (stream) stream->file_number = file_number;
  return stream;
}

}  // namespace py
