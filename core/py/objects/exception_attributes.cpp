// The builtin exceptions that carry more than args: NameError.name, AttributeError.name
// and .obj, ImportError.msg/.name/.path, SyntaxError's location fields, OSError's
// errno/strerror/filename (and OSError(errno, ...) picking the subclass for errno), and
// StopIteration.value / SystemExit.code. Their __init__ and __str__ follow CPython 3.11's
// Objects/exceptions.c; the fields live in the instance __dict__ (exceptions.hpp).
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

// exception.__dict__[name] = value (value null: None). -1 on error.
int set_field(Object* exception, const char* name, Object* value) {
  BaseException* self = as_exception(exception);
  if (!self->dict) {
    self->dict = make_dict();
    if (!self->dict) return -1;
  }
  return dict_set_str(self->dict.get(), name, value ? value : &none_object);
}

// exception.__dict__[name], borrowed; null when unset.
Object* get_field(Object* exception, const char* name) {
  Dict* dict = as_exception(exception)->dict.get();
  return dict ? dict_lookup_str(dict, name) : nullptr;
}

// Stores the positional arguments as args; keyword arguments must be among `allowed`
// (their values, or null, land in `values` in that order). -1 after raising CPython's
// "'x' is an invalid keyword argument for NameError()".
int store_arguments(Object* self, CallArgs args, const char* class_name,
                    std::initializer_list<const char*> allowed, Object** values) {
  const size_t positional = args.positional_count();
  for (size_t i = 0; i < allowed.size(); ++i) values[i] = nullptr;
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    const std::string& keyword = as_str(args.keyword_names->items[i].get())->value;
    size_t which = 0;
    for (const char* name : allowed) {
      if (keyword == name) break;
      ++which;
    }
    if (allowed.size() == 0) {
      raise_format(type_error_type, "{}() takes no keyword arguments", class_name);
      return -1;
    }
    if (which == allowed.size()) {
      raise_format(type_error_type, "'{}' is an invalid keyword argument for {}()", keyword,
                   class_name);
      return -1;
    }
    values[which] = args.values[positional + i];
  }
  std::vector<Ref<>> items;
  for (size_t i = 0; i < positional; ++i) items.push_back(Ref<>::borrow(args.values[i]));
  as_exception(self)->args = make_tuple(std::move(items));
  return as_exception(self)->args ? 0 : -1;
}

// NameError(*args, name=None)
int name_error_init(Object* self, CallArgs args) {
  Object* name = nullptr;
  if (store_arguments(self, args, "NameError", {"name"}, &name) < 0) return -1;
  return set_field(self, "name", name);
}

// AttributeError(*args, name=None, obj=None)
int attribute_error_init(Object* self, CallArgs args) {
  Object* values[2];
  if (store_arguments(self, args, "AttributeError", {"name", "obj"}, values) < 0) return -1;
  if (set_field(self, "name", values[0]) < 0) return -1;
  return set_field(self, "obj", values[1]);
}

// ImportError(*args, name=None, path=None): msg is the only argument, if exactly one.
int import_error_init(Object* self, CallArgs args) {
  Object* values[2];
  if (store_arguments(self, args, "ImportError", {"name", "path"}, values) < 0) return -1;
  if (set_field(self, "name", values[0]) < 0 || set_field(self, "path", values[1]) < 0) return -1;
  Tuple* stored = as_exception(self)->args.get();
  return set_field(self, "msg", stored->items.size() == 1 ? stored->items[0].get() : nullptr);
}

// str(ImportError): its msg when that is a str, else BaseException's str.
Ref<> import_error_str(Object* self) {
  Object* message = get_field(self, "msg");
  if (message && is_exact(message, str_type)) return Ref<>::borrow(message);
  return base_exception_type.str(self);
}

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
int syntax_error_init(Object* self, CallArgs args) {
  if (store_arguments(self, args, "SyntaxError", {}, nullptr) < 0) return -1;
  const char* const fields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
  Tuple* stored = as_exception(self)->args.get();
  const size_t count = stored->items.size();
  if (set_field(self, "msg", count >= 1 ? stored->items[0].get() : nullptr) < 0 ||
      set_field(self, "print_file_and_line", nullptr) < 0)
    return -1;
  std::vector<Ref<>> location;
  if (count == 2) {
    Ref<> iterator = get_iter(stored->items[1].get());
    if (!iterator) return -1;
    while (Ref<> item = iter_next(iterator.get())) location.push_back(std::move(item));
    if (exception_pending()) return -1;
    if (location.size() < 4 || location.size() > 6) {
      raise_format(type_error_type, "function takes at {} {} arguments ({} given)",
                   location.size() < 4 ? "least" : "most", location.size() < 4 ? 4 : 6,
                   location.size());
      return -1;
    }
  }
  for (size_t i = 0; i < 6; ++i)
    if (set_field(self, fields[i], i < location.size() ? location[i].get() : nullptr) < 0) return -1;
  return 0;
}

// "msg (file.py, line 3)", "msg (file.py)", "msg (line 3)" or str(msg).
Ref<> syntax_error_str(Object* self) {
  Object* message = get_field(self, "msg");
  Object* filename = get_field(self, "filename");
  Object* line = get_field(self, "lineno");
  Ref<Str> text = to_str(message ? message : &none_object);
  if (!text) return nullptr;
  const bool have_file = filename && is_str(filename);
  const bool have_line = line && is_exact(line, int_type);
  if (!have_file && !have_line) return text;
  std::string out = text->value + " (";
  if (have_file) {
    std::string_view path = as_str(filename)->value;
    const size_t slash = path.rfind('/');
    if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
    out += path;
    if (have_line) out += ", ";
  }
  if (have_line) {
    Ref<Str> number = repr(line);
    if (!number) return nullptr;
    out += "line " + number->value;
  }
  return make_str(out + ")");
}

// The OSError subclass CPython picks for an errno value (Linux numbering), or null.
Type* os_error_subclass_for(int64_t error_number) {
  struct Row {
    int64_t error_number;
    Type* type;
  };
  static const Row rows[] = {
      {11, &blocking_io_error_type},         {114, &blocking_io_error_type},
      {115, &blocking_io_error_type},        {10, &child_process_error_type},
      {32, &broken_pipe_error_type},         {108, &broken_pipe_error_type},
      {103, &connection_aborted_error_type}, {111, &connection_refused_error_type},
      {104, &connection_reset_error_type},   {17, &file_exists_error_type},
      {2, &file_not_found_error_type},       {21, &is_a_directory_error_type},
      {20, &not_a_directory_error_type},     {4, &interrupted_error_type},
      {13, &permission_error_type},          {1, &permission_error_type},
      {3, &process_lookup_error_type},       {110, &timeout_error_type},
  };
  for (const Row& row : rows)
    if (row.error_number == error_number) return row.type;
  return nullptr;
}

// OSError(errno, strerror) made directly becomes the errno's subclass.
Ref<> os_error_new(Type* type, CallArgs args) {
  if (type == &os_error_type && args.positional_count() >= 2 && args.positional_count() <= 5 &&
      is_exact(args.values[0], int_type)) {
    int64_t error_number = 0;
    if (index_to_int64(args.values[0], &error_number)) {
      if (Type* subclass = os_error_subclass_for(error_number)) type = subclass;
    } else {
      clear_exception();
    }
  }
  Ref<BaseException> exception = make_object<BaseException>(type);
  if (!exception) return nullptr;
  exception->args = empty_tuple();
  return exception;
}

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): with 2 to 5 arguments the
// fields are set, and args keeps only (errno, strerror).
int os_error_init(Object* self, CallArgs args) {
  if (store_arguments(self, args, type_name(self->type), {}, nullptr) < 0) return -1;
  Tuple* stored = as_exception(self)->args.get();
  const size_t count = stored->items.size();
  const bool parsed = count >= 2 && count <= 5;
  const char* const fields[] = {"errno", "strerror", "filename", "winerror", "filename2"};
  for (size_t i = 0; i < 5; ++i) {
    Object* value = parsed && i < count && i != 3 ? stored->items[i].get() : nullptr;
    if (set_field(self, fields[i], value) < 0) return -1;
  }
  if (parsed && count > 2) {
    Ref<Tuple> pair = make_tuple({stored->items[0].get(), stored->items[1].get()});
    if (!pair) return -1;
    as_exception(self)->args = std::move(pair);
  }
  return 0;
}

// "[Errno 2] No such file: 'x.txt'", "[Errno 2] No such file", or BaseException's str.
Ref<> os_error_str(Object* self) {
  Object* error_number = get_field(self, "errno");
  Object* message = get_field(self, "strerror");
  Object* filename = get_field(self, "filename");
  if (!error_number || !message || is_none(error_number) || is_none(message))
    return base_exception_type.str(self);
  Ref<Str> number_text = to_str(error_number);
  Ref<Str> message_text = number_text ? to_str(message) : nullptr;
  if (!message_text) return nullptr;
  std::string out = "[Errno " + number_text->value + "] " + message_text->value;
  if (filename && !is_none(filename)) {
    Ref<Str> filename_text = repr(filename);
    if (!filename_text) return nullptr;
    out += ": " + filename_text->value;
  }
  return make_str(std::move(out));
}

// StopIteration.value: the first argument, or None.
Ref<> get_value(Object* self) {
  Tuple* args = as_exception(self)->args.get();
  return args && !args->items.empty() ? args->items[0] : none();
}

// SystemExit.code: None, the only argument, or the args tuple.
Ref<> get_code(Object* self) {
  Tuple* args = as_exception(self)->args.get();
  if (!args || args->items.empty()) return none();
  if (args->items.size() == 1) return args->items[0];
  return Ref<>::borrow(args);
}

const GetSetDefinition stop_iteration_getsets[] = {
    {"value", get_value, nullptr},
    {nullptr, nullptr, nullptr},
};

const GetSetDefinition system_exit_getsets[] = {
    {"code", get_code, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void install_exception_attributes() {
  name_error_type.init = name_error_init;
  attribute_error_type.init = attribute_error_init;
  import_error_type.init = import_error_init;
  import_error_type.str = import_error_str;
  syntax_error_type.init = syntax_error_init;
  syntax_error_type.str = syntax_error_str;
  os_error_type.new_instance = os_error_new;
  os_error_type.init = os_error_init;
  os_error_type.str = os_error_str;
  install_getsets(stop_iteration_type, stop_iteration_getsets);
  install_getsets(system_exit_type, system_exit_getsets);
}

}  // namespace py
