// The Python-visible side of functions, bound methods and cells: their types' slots and
// attributes (__name__, __defaults__, __func__, cell_contents, ...), as CPython's
// funcobject.c, classobject.c and cellobject.c expose them.
#include <cstddef>
#include <cstdint>

#include "core/py/compiler/code.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/execution.hpp"
#include "core/py/vm/function.hpp"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace py {

Type function_type = builtin_type<Function>("function", 0);
Type bound_method_type = builtin_type<BoundMethod>("method", 0);
Type cell_type = builtin_type<Cell>("cell", 0);

namespace {

Function* as_function(Object* self) { return static_cast<Function*>(self); }

Ref<> or_none(Object* value) { return value ? Ref<>::borrow(value) : none(); }

// --- function ------------------------------------------------------------------------------

void function_destruct(Object* self) {
  Function* function = as_function(self);
  xdecref(function->code);
  xdecref(function->globals);
  xdecref(function->builtins);
  xdecref(function->defaults);
  xdecref(function->keyword_defaults);
  xdecref(function->closure);
  function->~Function();
}

Ref<> function_repr(Object* self) {
  return make_str(format_message("<function {} at {:#x}>",
                                 static_cast<Str*>(as_function(self)->qualified_name.get())->value,
                                 uintptr_t(self)));
}

Ref<> function_descriptor_get(Object* self, Object* instance, Type*) {
  if (!instance || is_none(instance)) return Ref<>::borrow(self);
  return make_bound_method(self, instance);
}

Ref<> function_call(Object* self, CallArgs args) { return call_python(self, args); }

int set_string_attribute(Ref<>* field, Object* value, const char* name) {
  if (!value || !is_str(value)) {
    raise_format(type_error_type, "{} must be set to a string object", name);
    return -1;
  }
  *field = Ref<>::borrow(value);
  return 0;
}

Ref<> get_name(Object* self) { return as_function(self)->name; }
int set_name(Object* self, Object* value) {
  return set_string_attribute(&as_function(self)->name, value, "__name__");
}
Ref<> get_qualified_name(Object* self) { return as_function(self)->qualified_name; }
int set_qualified_name(Object* self, Object* value) {
  return set_string_attribute(&as_function(self)->qualified_name, value, "__qualname__");
}
Ref<> get_module(Object* self) { return or_none(as_function(self)->module.get()); }
int set_module(Object* self, Object* value) {
  as_function(self)->module = Ref<>::borrow(value);
  return 0;
}
Ref<> get_doc(Object* self) { return or_none(as_function(self)->doc.get()); }
int set_doc(Object* self, Object* value) {
  as_function(self)->doc = Ref<>::borrow(value);
  return 0;
}
Ref<> get_defaults(Object* self) { return or_none(as_function(self)->defaults); }
int set_defaults(Object* self, Object* value) {
  if (value && is_none(value)) value = nullptr;
  if (value && !is_tuple(value)) {
    raise(type_error_type, "__defaults__ must be set to a tuple object");
    return -1;
  }
  xincref(value);
  xdecref(as_function(self)->defaults);
  as_function(self)->defaults = static_cast<Tuple*>(value);
  return 0;
}
Ref<> get_keyword_defaults(Object* self) {
  return or_none(as_function(self)->keyword_defaults);
}
int set_keyword_defaults(Object* self, Object* value) {
  if (value && is_none(value)) value = nullptr;
  if (value && !is_dict(value)) {
    raise(type_error_type, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  xincref(value);
  xdecref(as_function(self)->keyword_defaults);
  as_function(self)->keyword_defaults = static_cast<Dict*>(value);
  return 0;
}
Ref<> get_code(Object* self) { return Ref<>::borrow(as_function(self)->code); }
Ref<> get_globals(Object* self) { return Ref<>::borrow(as_function(self)->globals); }
Ref<> get_builtins(Object* self) { return or_none(as_function(self)->builtins); }
Ref<> get_closure(Object* self) { return or_none(as_function(self)->closure); }
Ref<> get_annotations(Object* self) {
  Function* function = as_function(self);
  if (!function->annotations) function->annotations = make_dict();
  return function->annotations;
}
int set_annotations(Object* self, Object* value) {
  if (value && is_none(value)) value = nullptr;
  if (value && !is_dict(value)) {
    raise(type_error_type, "__annotations__ must be set to a dict object");
    return -1;
  }
  as_function(self)->annotations = Ref<>::borrow(value);
  return 0;
}
Ref<> get_dict(Object* self) {
  Function* function = as_function(self);
  if (!function->dict) function->dict = make_dict();
  return function->dict;
}
int set_dict(Object* self, Object* value) {
  if (!value || !is_dict(value)) {
    raise(type_error_type, "__dict__ must be set to a dictionary");
    return -1;
  }
  as_function(self)->dict = Ref<Dict>::borrow(static_cast<Dict*>(value));
  return 0;
}

const GetSetDefinition function_getsets[] = {
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualified_name, set_qualified_name},
    {"__module__", get_module, set_module},
    {"__doc__", get_doc, set_doc},
    {"__defaults__", get_defaults, set_defaults},
    {"__kwdefaults__", get_keyword_defaults, set_keyword_defaults},
    {"__code__", get_code, nullptr},
    {"__globals__", get_globals, nullptr},
    {"__builtins__", get_builtins, nullptr},
    {"__closure__", get_closure, nullptr},
    {"__annotations__", get_annotations, set_annotations},
    {"__dict__", get_dict, set_dict},
    {nullptr, nullptr, nullptr},
};

// --- method --------------------------------------------------------------------------------

BoundMethod* as_method(Object* self) { return static_cast<BoundMethod*>(self); }

Ref<> method_call(Object* self, CallArgs args) {
  BoundMethod* method = as_method(self);
  constexpr size_t kInline = 16;
  Object* inline_values[kInline];
  std::vector<Object*> heap_values;
  Object** values = inline_values;
  if (args.count + 1 > kInline) {
    heap_values.resize(args.count + 1);
    values = heap_values.data();
  }
  values[0] = method->self.get();
  for (size_t i = 0; i < args.count; ++i) values[i + 1] = args.values[i];
  return call(method->function.get(), CallArgs{values, args.count + 1, args.keyword_names});
}

Ref<> method_repr(Object* self) {
  BoundMethod* method = as_method(self);
  Ref<> name = get_attribute_or_missing(method->function.get(), intern_borrowed("__qualname__"));
  if (!name && exception_pending()) return nullptr;
  if (!name) name = get_attribute_or_missing(method->function.get(), intern_borrowed("__name__"));
  if (!name && exception_pending()) return nullptr;
  Ref<Str> self_text = repr(method->self.get());
  if (!self_text) return nullptr;
  std::string name_text = name && is_str(name.get()) ? static_cast<Str*>(name.get())->value : "?";
  return make_str(format_message("<bound method {} of {}>", name_text, self_text->value));
}

Ref<> method_get_attribute(Object* self, Str* name) {
  Ref<> found = generic_get_attribute_or_missing(self, name);
  if (found || exception_pending()) return found;
  return get_attribute(as_method(self)->function.get(), name);
}

Ref<> method_rich_compare(Object* self, Object* other, CompareOp op) {
  if ((op != CompareOp::equal && op != CompareOp::not_equal) || other->type != &bound_method_type)
    return not_implemented();
  BoundMethod* a = as_method(self);
  BoundMethod* b = as_method(other);
  int same_function = equal(a->function.get(), b->function.get());
  if (same_function < 0) return nullptr;
  bool same = same_function && a->self.get() == b->self.get();
  return make_bool(op == CompareOp::equal ? same : !same);
}

int64_t method_hash(Object* self) {
  int64_t function_hash = hash(as_method(self)->function.get());
  if (function_hash == -1) return -1;
  int64_t result = int64_t(uintptr_t(as_method(self)->self.get()) >> 4) ^ function_hash;
  return result == -1 ? -2 : result;
}

Ref<> get_method_function(Object* self) { return as_method(self)->function; }
Ref<> get_method_self(Object* self) { return as_method(self)->self; }

const GetSetDefinition method_getsets[] = {
    {"__func__", get_method_function, nullptr},
    {"__self__", get_method_self, nullptr},
    {nullptr, nullptr, nullptr},
};

// --- cell ----------------------------------------------------------------------------------

Ref<> cell_repr(Object* self) {
  Object* contents = static_cast<Cell*>(self)->contents.get();
  if (!contents) return make_str(format_message("<cell at {:#x}: empty>", uintptr_t(self)));
  return make_str(format_message("<cell at {:#x}: {} object at {:#x}>", uintptr_t(self),
                                 type_name(contents->type), uintptr_t(contents)));
}

Ref<> get_cell_contents(Object* self) {
  Object* contents = static_cast<Cell*>(self)->contents.get();
  if (!contents) return raise(value_error_type, "Cell is empty");
  return Ref<>::borrow(contents);
}
int set_cell_contents(Object* self, Object* value) {
  static_cast<Cell*>(self)->contents = Ref<>::borrow(value);
  return 0;
}

const GetSetDefinition cell_getsets[] = {
    {"cell_contents", get_cell_contents, set_cell_contents},
    {nullptr, nullptr, nullptr},
};

}  // namespace

int ready_function_types() {
  function_type.destruct = function_destruct;
  function_type.repr = function_repr;
  function_type.descriptor_get = function_descriptor_get;
  function_type.call = function_call;
  function_type.dict_offset = offsetof(Function, dict);
  if (install_getsets(function_type, function_getsets) < 0 || ready_type(function_type) < 0)
    return -1;

  bound_method_type.call = method_call;
  bound_method_type.repr = method_repr;
  bound_method_type.get_attribute = method_get_attribute;
  bound_method_type.rich_compare = method_rich_compare;
  bound_method_type.hash = method_hash;
  if (install_getsets(bound_method_type, method_getsets) < 0 ||
      ready_type(bound_method_type) < 0)
    return -1;

  cell_type.repr = cell_repr;
  if (install_getsets(cell_type, cell_getsets) < 0 || ready_type(cell_type) < 0) return -1;
  return 0;
}

}  // namespace py
