// The builtin exception classes (exception_kinds.hpp) and BaseException's behaviour:
// construction storing args, str/repr, and the chaining attributes. Class-specific
// attributes live in the instance __dict__ (exceptions.hpp).
#include "core/py/objects/exceptions.hpp"

#include <cstddef>
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/ready.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

#define X(cpp_name, python_name, parent) \
  Type cpp_name##_type = builtin_type<BaseException>( \
      #python_name, type_flag_base_allowed | type_flag_exception_subclass);
#include "core/py/objects/exception_kinds.hpp"
#undef X

namespace {

Ref<> exception_new(Type* type, CallArgs args) {
  Ref<BaseException> exception = make_object<BaseException>(type);
  if (!exception) return nullptr;
  std::vector<Ref<>> values;
  for (size_t i = 0; i < args.positional_count(); ++i)
    values.push_back(Ref<>::borrow(args.values[i]));
  exception->args = make_tuple(std::move(values));
  return exception;
}

int exception_init(Object* self, CallArgs args) {
  if (args.keyword_count() && is_exact(self, *self->type) && !(self->type->flags & type_flag_heap)) {
    raise_format(type_error_type, "{}() takes no keyword arguments", type_name(self->type));
    return -1;
  }
  std::vector<Ref<>> values;
  for (size_t i = 0; i < args.positional_count(); ++i)
    values.push_back(Ref<>::borrow(args.values[i]));
  as_exception(self)->args = make_tuple(std::move(values));
  return 0;
}

// No args → '', one → str(arg), more → str(args).
Ref<> exception_str(Object* self) {
  Tuple* args = as_exception(self)->args.get();
  if (!args || args->items.empty()) return make_str("");
  if (args->items.size() == 1) return to_str(args->items[0].get());
  return to_str(args);
}

// KeyError shows its key's repr: KeyError('a') prints as 'a'.
Ref<> key_error_str(Object* self) {
  Tuple* args = as_exception(self)->args.get();
  if (args && args->items.size() == 1) return repr(args->items[0].get());
  return exception_str(self);
}

Ref<> exception_repr(Object* self) {
  Tuple* args = as_exception(self)->args.get();
  std::string text = type_qualified_name(self->type);
  if (args && args->items.size() == 1) {
    Ref<Str> item = repr(args->items[0].get());
    if (!item) return nullptr;
    text += "(" + item->value + ")";
  } else {
    Ref<Str> items = repr(args ? static_cast<Object*>(args) : empty_tuple().get());
    if (!items) return nullptr;
    text += items->value;
  }
  return make_str(std::move(text));
}

Ref<> get_args(Object* self) {
  Ref<Tuple> args = as_exception(self)->args;
  return args ? Ref<>(args) : Ref<>(empty_tuple());
}
int set_args(Object* self, Object* value) {
  if (!value) return raise(type_error_type, "args may not be deleted"), -1;
  Ref<> iterator = get_iter(value);
  if (!iterator) return -1;
  std::vector<Ref<>> items;
  while (Ref<> item = iter_next(iterator.get())) items.push_back(std::move(item));
  if (exception_pending()) return -1;
  as_exception(self)->args = make_tuple(std::move(items));
  return 0;
}

Ref<> or_none(const Ref<>& value) { return value ? value : none(); }
Ref<> get_traceback(Object* self) { return or_none(as_exception(self)->traceback); }
int set_traceback(Object* self, Object* value) {
  as_exception(self)->traceback = value && !is_none(value) ? Ref<>::borrow(value) : nullptr;
  return 0;
}
Ref<> get_cause(Object* self) { return or_none(as_exception(self)->cause); }
int set_cause(Object* self, Object* value) {
  if (value && !is_none(value) && !is_exception(value)) {
    raise(type_error_type, "exception cause must be None or derive from BaseException");
    return -1;
  }
  as_exception(self)->cause = value && !is_none(value) ? Ref<>::borrow(value) : nullptr;
  as_exception(self)->suppress_context = true;
  return 0;
}
Ref<> get_context(Object* self) { return or_none(as_exception(self)->context); }
int set_context(Object* self, Object* value) {
  as_exception(self)->context = value && !is_none(value) ? Ref<>::borrow(value) : nullptr;
  return 0;
}
Ref<> get_suppress_context(Object* self) { return make_bool(as_exception(self)->suppress_context); }
int set_suppress_context(Object* self, Object* value) {
  const int truth = value ? truthy(value) : 0;
  if (truth < 0) return -1;
  as_exception(self)->suppress_context = truth;
  return 0;
}

const GetSetDefinition exception_getsets[] = {
    {"args", get_args, set_args},
    {"__traceback__", get_traceback, set_traceback},
    {"__cause__", get_cause, set_cause},
    {"__context__", get_context, set_context},
    {"__suppress_context__", get_suppress_context, set_suppress_context},
    {nullptr, nullptr, nullptr},
};

Ref<> with_traceback(Object* self, CallArgs args) {
  if (!check_positional("with_traceback", args, 1, 1)) return nullptr;
  if (set_traceback(self, args.values[0]) < 0) return nullptr;
  return Ref<>::borrow(self);
}

Ref<> add_note(Object* self, CallArgs args) {
  if (!check_positional("add_note", args, 1, 1)) return nullptr;
  if (!is_str(args.values[0])) {
    return raise_format(type_error_type, "note must be a str, not '{}'",
                        type_name(args.values[0]->type));
  }
  Ref<> notes = get_attribute_or_missing(self, intern_borrowed("__notes__"));
  if (!notes) {
    if (exception_pending()) return nullptr;
    notes = make_list();
    if (!notes || set_attribute(self, intern_borrowed("__notes__"), notes.get()) < 0) return nullptr;
  }
  if (!call_method(notes.get(), "append", {args.values[0]})) return nullptr;
  return none();
}

const NativeMethod exception_methods[] = {
    {"with_traceback", with_traceback},
    {"add_note", add_note},
    {nullptr, nullptr},
};

}  // namespace

Ref<> make_exception(Type& type, Ref<Tuple> args) {
  if (!args) return nullptr;
  std::vector<Object*> values;
  for (const Ref<>& item : args->items) values.push_back(item.get());
  return call(&type, CallArgs{values.data(), values.size(), nullptr});
}

std::nullptr_t raise_name_error(Str* name) {
  Ref<Str> message = make_str(format_message("name '{}' is not defined", name->value));
  if (!message) return nullptr;
  Ref<> exception = make_exception(name_error_type, make_tuple({message.get()}));
  if (!exception || set_attribute(exception.get(), intern_borrowed("name"), name) < 0) return nullptr;
  set_exception(std::move(exception));
  return nullptr;
}

std::nullptr_t raise_import_error(Type& type, std::string_view message, Object* name) {
  Ref<Str> text = make_str(message);
  if (!text) return nullptr;
  Ref<> exception = make_exception(type, make_tuple({text.get()}));
  if (!exception || set_attribute(exception.get(), intern_borrowed("name"), name) < 0) return nullptr;
  set_exception(std::move(exception));
  return nullptr;
}

namespace {

// str(value), or traceback.py's placeholder when str() fails.
std::string safe_string(Object* value, const char* what) {
  Ref<Str> text = to_str(value);
  if (text) return text->value;
  clear_exception();
  return format_message("<{} str() failed>", what);
}

// The lines traceback.py prints for an exception's __notes__ (each after a newline).
std::string format_notes(Object* exception) {
  Ref<> notes = get_attribute_or_missing(exception, intern_borrowed("__notes__"));
  if (!notes) {
    clear_exception();
    return "";
  }
  if (is_none(notes.get())) return "";
  if (!is_list(notes.get()) && !is_tuple(notes.get())) {
    Ref<Str> text = repr(notes.get());
    if (!text) clear_exception();
    return "\n" + (text ? text->value : std::string("<__notes__ repr() failed>"));
  }
  std::string lines;
  const std::vector<Ref<>>& items = is_list(notes.get())
                                        ? static_cast<List*>(notes.get())->items
                                        : static_cast<Tuple*>(notes.get())->items;
  for (const Ref<>& note : items) lines += "\n" + safe_string(note.get(), "note");
  return lines;
}

}  // namespace

std::string format_exception_line(Object* exception, std::string_view message_suffix) {
  std::string module = type_module_name(exception->type);
  std::string line = type_qualified_name(exception->type);
  if (module != "__main__" && module != "builtins") line = module + "." + line;
  Ref<Str> text = to_str(exception);
  if (!text) {
    clear_exception();
    line += ": <exception str() failed>";
  } else if (!text->value.empty()) {
    line += ": " + text->value;
  }
  line += message_suffix;
  return line + format_notes(exception);
}

void ready_exception_types() {
#define X(cpp_name, python_name, parent) \
  if (&cpp_name##_type != &parent##_type) cpp_name##_type.base = &parent##_type;
#include "core/py/objects/exception_kinds.hpp"
#undef X
  base_exception_type.new_instance = exception_new;
  base_exception_type.init = exception_init;
  base_exception_type.str = exception_str;
  base_exception_type.repr = exception_repr;
  key_error_type.str = key_error_str;
  base_exception_type.dict_offset = dict_member_offset<BaseException>();
  install_getsets(base_exception_type, exception_getsets);
  install_methods(base_exception_type, exception_methods);
  install_exception_attributes();
  install_exception_group();
#define X(cpp_name, python_name, parent) ready_type(cpp_name##_type);
#include "core/py/objects/exception_kinds.hpp"
#undef X
}

}  // namespace py
