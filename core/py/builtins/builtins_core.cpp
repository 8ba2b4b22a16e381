// The builtins every program needs first: __build_class__, print, len, repr, type checks,
// attribute access by name, iteration, identity and hashing.
#include <string>

#include "core/py/builtins/builtin_functions.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/function.hpp"

namespace py {
namespace {

// __build_class__(func, name, /, *bases, metaclass=None, **kwds): runs the class body in a
// fresh namespace, makes the class, and fills the body's __class__ cell with it.
Ref<> build_class(Object*, CallArgs args) {
  const size_t positional = args.positional_count();
  if (positional < 2) return raise(type_error_type, "__build_class__: not enough arguments");
  Object* body = args.values[0];
  Object* name = args.values[1];
  if (!is_str(name)) return raise(type_error_type, "__build_class__: name is not a string");
  std::vector<Ref<>> base_items;
  for (size_t i = 2; i < positional; ++i) base_items.push_back(Ref<>::borrow(args.values[i]));
  Ref<Tuple> bases = make_tuple(std::move(base_items));
  if (!bases) return nullptr;

  // Keyword arguments other than metaclass= go to __init_subclass__.
  Object* metaclass = nullptr;
  std::vector<Object*> keyword_values;
  std::vector<Ref<>> keyword_names;
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    Object* keyword = args.keyword_names->items[i].get();
    if (static_cast<Str*>(keyword)->value == "metaclass") {
      metaclass = args.values[positional + i];
    } else {
      keyword_values.push_back(args.values[positional + i]);
      keyword_names.push_back(Ref<>::borrow(keyword));
    }
  }
  Ref<Tuple> names_tuple = make_tuple(std::move(keyword_names));
  if (!names_tuple) return nullptr;

  Ref<Dict> namespace_dict = make_dict();
  if (!namespace_dict) return nullptr;
  Ref<> class_cell = run_class_body(body, namespace_dict.get());
  if (!class_cell) return nullptr;
  CallArgs keywords{keyword_values.data(), keyword_values.size(),
                    keyword_values.empty() ? nullptr : names_tuple.get()};
  Ref<> cls = make_class(metaclass, static_cast<Str*>(name), bases.get(), namespace_dict.get(),
                         keywords);
  if (!cls) return nullptr;
  if (class_cell->type == &cell_type) static_cast<Cell*>(class_cell.get())->contents = cls;
  return cls;
}

// print(*objects, sep=' ', end='\n', file=None, flush=False)
Ref<> print(Object*, CallArgs args) {
  Object* separator = nullptr;
  Object* end = nullptr;
  Object* file = nullptr;
  Object* flush = nullptr;
  const size_t positional = args.positional_count();
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    const std::string& keyword = static_cast<Str*>(args.keyword_names->items[i].get())->value;
    Object* value = args.values[positional + i];
    if (keyword == "sep") separator = value;
    else if (keyword == "end") end = value;
    else if (keyword == "file") file = value;
    else if (keyword == "flush") flush = value;
    else return raise_format(type_error_type, "'{}' is an invalid keyword argument for print()", keyword);
  }
  auto text_of = [](Object* value, const char* fallback, const char* what, std::string* out) {
    if (!value || is_none(value)) {
      *out = fallback;
      return true;
    }
    if (!is_str(value)) {
      raise_format(type_error_type, "{} must be None or a string, not {}", what,
                   type_name(value->type));
      return false;
    }
    *out = static_cast<Str*>(value)->value;
    return true;
  };
  std::string separator_text, end_text;
  if (!text_of(separator, " ", "sep", &separator_text) || !text_of(end, "\n", "end", &end_text))
    return nullptr;
  std::string line;
  for (size_t i = 0; i < positional; ++i) {
    if (i) line += separator_text;
    Ref<Str> text = to_str(args.values[i]);
    if (!text) return nullptr;
    line += text->value;
  }
  line += end_text;
  if (file && !is_none(file)) {
    Ref<Str> text = make_str(std::move(line));
    if (!text || !call_method(file, "write", {text.get()})) return nullptr;
    if (flush && truthy(flush) > 0 && !call_method(file, "flush", {})) return nullptr;
    return none();
  }
  write_stdout(line);
  return none();
}

Ref<> len(Object*, CallArgs args) {
  if (args.count != 1 || args.keyword_count()) {
    return raise_format(type_error_type, "len() takes exactly one argument ({} given)", args.count);
  }
  const int64_t size = length(args.values[0]);
  if (size < 0) return nullptr;
  return make_int(size);
}

Ref<> repr_function(Object*, CallArgs args) {
  if (!check_positional("repr", args, 1, 1)) return nullptr;
  return repr(args.values[0]);
}

Ref<> ascii_function(Object*, CallArgs args) {
  if (!check_positional("ascii", args, 1, 1)) return nullptr;
  return ascii(args.values[0]);
}

Ref<> isinstance_function(Object*, CallArgs args) {
  if (!check_positional("isinstance", args, 2, 2)) return nullptr;
  const int result = is_instance_of(args.values[0], args.values[1]);
  if (result < 0) return nullptr;
  return make_bool(result);
}

Ref<> issubclass_function(Object*, CallArgs args) {
  if (!check_positional("issubclass", args, 2, 2)) return nullptr;
  const int result = is_subclass_of(args.values[0], args.values[1]);
  if (result < 0) return nullptr;
  return make_bool(result);
}

Str* attribute_name(Object* name, const char* function) {
  if (!is_str(name)) {
    raise_format(type_error_type, "{}(): attribute name must be string", function);
    return nullptr;
  }
  return static_cast<Str*>(name);
}

Ref<> getattr_function(Object*, CallArgs args) {
  if (!check_positional("getattr", args, 2, 3)) return nullptr;
  Str* name = attribute_name(args.values[1], "getattr");
  if (!name) return nullptr;
  if (args.count == 2) return get_attribute(args.values[0], name);
  Ref<> value = get_attribute_or_missing(args.values[0], name);
  if (value || exception_pending()) return value;
  return Ref<>::borrow(args.values[2]);
}

Ref<> hasattr_function(Object*, CallArgs args) {
  if (!check_positional("hasattr", args, 2, 2)) return nullptr;
  Str* name = attribute_name(args.values[1], "hasattr");
  if (!name) return nullptr;
  Ref<> value = get_attribute_or_missing(args.values[0], name);
  if (!value && exception_pending()) return nullptr;
  return make_bool(bool(value));
}

Ref<> setattr_function(Object*, CallArgs args) {
  if (!check_positional("setattr", args, 3, 3)) return nullptr;
  Str* name = attribute_name(args.values[1], "setattr");
  if (!name || set_attribute(args.values[0], name, args.values[2]) < 0) return nullptr;
  return none();
}

Ref<> delattr_function(Object*, CallArgs args) {
  if (!check_positional("delattr", args, 2, 2)) return nullptr;
  Str* name = attribute_name(args.values[1], "delattr");
  if (!name || delete_attribute(args.values[0], name) < 0) return nullptr;
  return none();
}

Ref<> iter_function(Object*, CallArgs args) {
  if (!check_positional("iter", args, 1, 2)) return nullptr;
  if (args.count == 2) return raise(type_error_type, "iter(v, w): v must be callable");
  return get_iter(args.values[0]);
}

Ref<> next_function(Object*, CallArgs args) {
  if (!check_positional("next", args, 1, 2)) return nullptr;
  Object* iterator = args.values[0];
  if (!iterator->type->next) {
    return raise_format(type_error_type, "'{}' object is not an iterator", type_name(iterator->type));
  }
  Ref<> item = iter_next(iterator);
  if (item || exception_pending()) return item;
  if (args.count == 2) return Ref<>::borrow(args.values[1]);
  return raise_empty(stop_iteration_type);
}

Ref<> id_function(Object*, CallArgs args) {
  if (!check_positional("id", args, 1, 1)) return nullptr;
  return make_int(int64_t(reinterpret_cast<uintptr_t>(args.values[0])));
}

Ref<> hash_function(Object*, CallArgs args) {
  if (!check_positional("hash", args, 1, 1)) return nullptr;
  const int64_t value = hash(args.values[0]);
  if (value == -1 && exception_pending()) return nullptr;
  return make_int(value);
}

Ref<> callable_function(Object*, CallArgs args) {
  if (!check_positional("callable", args, 1, 1)) return nullptr;
  return make_bool(args.values[0]->type->call != nullptr);
}

}  // namespace

const NativeMethod core_builtin_functions[] = {
    {"__build_class__", build_class},
    {"print", print},
    {"len", len},
    {"repr", repr_function},
    {"ascii", ascii_function},
    {"isinstance", isinstance_function},
    {"issubclass", issubclass_function},
    {"getattr", getattr_function},
    {"hasattr", hasattr_function},
    {"setattr", setattr_function},
    {"delattr", delattr_function},
    {"iter", iter_function},
    {"next", next_function},
    {"id", id_function},
    {"hash", hash_function},
    {"callable", callable_function},
    {nullptr, nullptr},
};

std::vector<const NativeMethod*> builtin_function_tables() {
  return {core_builtin_functions, number_builtin_functions, iteration_builtin_functions};
}

}  // namespace py
