// The builtins that belong to no theme: __build_class__ (the class statement) and len;
// and the list of every themed file's table.
#include <string>

#include "core/py/builtins/builtin_functions.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
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

Ref<> len(Object*, CallArgs args) {
  if (args.count != 1 || args.keyword_count()) {
    return raise_format(type_error_type, "len() takes exactly one argument ({} given)", args.count);
  }
  const int64_t size = length(args.values[0]);
  if (size < 0) return nullptr;
  return make_int(size);
}

}  // namespace

const NativeMethod core_builtin_functions[] = {
    {"__build_class__", build_class},
    {"len", len},
    {nullptr, nullptr},
};

std::vector<const NativeMethod*> builtin_function_tables() {
  return {core_builtin_functions, io_builtin_functions, introspection_builtin_functions,
          number_builtin_functions, iteration_builtin_functions};
}

}  // namespace py
