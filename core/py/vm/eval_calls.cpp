// Out-of-line opcode work for calls with unpacked arguments, MAKE_FUNCTION and imports
// (eval_support.hpp).
#include <string>
#include <vector>

#include "core/py/compiler/code.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/module.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/vm/eval_support.hpp"
#include "core/py/vm/function.hpp"

namespace py {

Ref<> call_with_unpacked(Object* callable, Object* positional, Object* keywords,
                         Frame** callee) {
  *callee = nullptr;
  Ref<Tuple> arguments;
  if (is_exact(positional, tuple_type)) {
    arguments = Ref<Tuple>::borrow(static_cast<Tuple*>(positional));
  } else {
    if (!positional->type->iter && !positional->type->get_item)
      return raise_format(type_error_type, "{} argument after * must be an iterable, not {}",
                          function_description(callable), type_name(positional->type));
    Ref<List> items = sequence_to_list(positional);
    if (!items) return nullptr;
    arguments = make_tuple(items->items);
    if (!arguments) return nullptr;
  }
  std::vector<Object*> values;
  Ref<Dict> keyword_dict;
  Ref<Tuple> keyword_names;
  if (BoundMethod* method = callable->type == &bound_method_type
                                ? static_cast<BoundMethod*>(callable)
                                : nullptr;
      method && is_function(method->function.get())) {
    values.push_back(method->self.get());
  }
  for (const Ref<>& item : arguments->items) values.push_back(item.get());
  if (keywords) {
    if (is_exact(keywords, dict_type)) {
      keyword_dict = Ref<Dict>::borrow(static_cast<Dict*>(keywords));
    } else {
      keyword_dict = make_dict();
      if (!keyword_dict || dict_merge_for_call(keyword_dict.get(), keywords, callable) < 0)
        return nullptr;
    }
    std::vector<Ref<>> names;
    size_t position = 0;
    Object* key;
    Object* value;
    while (dict_next(keyword_dict.get(), &position, &key, &value)) {
      if (!is_str(key)) return raise(type_error_type, "keywords must be strings");
      names.push_back(Ref<>::borrow(key));
      values.push_back(value);
    }
    if (!names.empty()) {
      keyword_names = make_tuple(std::move(names));
      if (!keyword_names) return nullptr;
    }
  }
  CallArgs args{values.data(), values.size(), keyword_names.get()};
  Object* function = callable->type == &bound_method_type
                         ? static_cast<BoundMethod*>(callable)->function.get()
                         : callable;
  if (is_function(function)) {
    *callee = bind_arguments(static_cast<Function*>(function), args);
    return nullptr;
  }
  return call(callable, args);
}

Ref<> make_function_from_stack(Object** top, uint32_t flags, Dict* globals) {
  Object** operand = top;
  Object* qualified_name = *--operand;
  Object* code = *--operand;
  Object* closure = (flags & 8) ? *--operand : nullptr;
  Object* annotations = (flags & 4) ? *--operand : nullptr;
  Object* keyword_defaults = (flags & 2) ? *--operand : nullptr;
  Object* defaults = (flags & 1) ? *--operand : nullptr;
  Ref<> function = make_function(static_cast<Code*>(code), globals, qualified_name,
                                 static_cast<Tuple*>(defaults),
                                 static_cast<Dict*>(keyword_defaults),
                                 static_cast<Tuple*>(closure), annotations);
  for (Object** slot = operand; slot < top; ++slot) decref(*slot);
  return function;
}

Ref<> import_name(Frame* frame, Str* name, Object* from_list, Object* level) {
  (void)frame;
  int64_t relative = 0;
  if (is_int(level) && int_to_int64(static_cast<Int*>(level), &relative) && relative > 0)
    return raise(import_error_type, "attempted relative import with no known parent package");
  Ref<Module> module = import_module(name->value);
  if (!module) return nullptr;
  bool wants_names = from_list && !is_none(from_list) &&
                     !(is_tuple(from_list) && tuple_size(static_cast<Tuple*>(from_list)) == 0);
  size_t dot = name->value.find('.');
  if (wants_names || dot == std::string::npos) return module;
  return import_module(std::string_view(name->value).substr(0, dot));
}

Ref<> import_from(Object* module, Str* name) {
  Ref<> value = get_attribute_or_missing(module, name);
  if (value || exception_pending()) return value;
  Ref<> module_name = get_attribute_or_missing(module, intern_borrowed("__name__"));
  if (!module_name && exception_pending()) clear_exception();
  if (module_name && is_str(module_name.get())) {
    // A submodule not yet bound as an attribute: `from package import submodule`.
    std::string full = static_cast<Str*>(module_name.get())->value + "." + name->value;
    if (Object* loaded = dict_lookup_str(runtime().modules, full)) return Ref<>::borrow(loaded);
    return raise_import_error(
        import_error_type,
        format_message("cannot import name '{}' from '{}' (unknown location)", name->value,
                       static_cast<Str*>(module_name.get())->value),
        module_name.get());
  }
  return raise_format(import_error_type, "cannot import name '{}' from '<unknown module name>' "
                      "(unknown location)", name->value);
}

int import_star(Frame* frame, Object* module) {
  Ref<> all = get_attribute_or_missing(module, intern_borrowed("__all__"));
  if (!all && exception_pending()) return -1;
  if (all) {
    Ref<> iterator = get_iter(all.get());
    if (!iterator) return -1;
    while (Ref<> name = iter_next(iterator.get())) {
      if (!is_str(name.get())) {
        raise_format(type_error_type, "Item in {}.__all__ must be str, not {}", "module",
                     type_name(name->type));
        return -1;
      }
      Ref<> value = get_attribute(module, static_cast<Str*>(name.get()));
      if (!value || store_name(frame, static_cast<Str*>(name.get()), value.get()) < 0) return -1;
    }
    return exception_pending() ? -1 : 0;
  }
  if (!is_instance(module, module_type)) return 0;
  Dict* namespace_dict = static_cast<Module*>(module)->dict.get();
  size_t position = 0;
  Object* key;
  Object* value;
  while (dict_next(namespace_dict, &position, &key, &value)) {
    if (!is_str(key) || static_cast<Str*>(key)->value.starts_with("_")) continue;
    Ref<> keep_key = Ref<>::borrow(key);
    Ref<> keep_value = Ref<>::borrow(value);
    if (store_name(frame, static_cast<Str*>(key), value) < 0) return -1;
  }
  return 0;
}

int setup_annotations(Frame* frame) {
  Str* name = intern_borrowed("__annotations__");
  if (!frame->locals_mapping) {
    raise(system_error_type, "no locals found when setting up annotations");
    return -1;
  }
  if (is_dict(frame->locals_mapping) &&
      dict_lookup_str(static_cast<Dict*>(frame->locals_mapping), name))
    return 0;
  Ref<Dict> annotations = make_dict();
  if (!annotations) return -1;
  return store_name(frame, name, annotations.get());
}

}  // namespace py
