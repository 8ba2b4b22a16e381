// The operations the VM, the builtins and the modules apply to any object — CPython's
// "abstract object layer": each dispatches through the operands' Type slots and raises
// CPython's TypeError text when a slot is missing ("unsupported operand type(s) for +:
// 'int' and 'str'", "'int' object is not iterable", "object of type 'int' has no len()").
// Conventions: Ref<> null = exception raised; int -1 = exception raised.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "core/py/objects/object.hpp"

namespace py {

// repr(o), str(o), ascii(o) → str objects.
Ref<Str> repr(Object* object);
Ref<Str> to_str(Object* object);
Ref<Str> ascii(Object* object);
// format(o, spec) → str.
Ref<Str> format(Object* object, Str* spec);

// hash(o); -1 with TypeError "unhashable type: 'list'" for unhashable objects.
int64_t hash(Object* object);

// The comparison's result object (may be any object for user classes).
Ref<> rich_compare(Object* left, Object* right, CompareOp op);
// The comparison's truth: 0, 1 or -1. equal() is true for identical objects without
// calling __eq__, as CPython's containers do.
int compare_truth(Object* left, Object* right, CompareOp op);
int equal(Object* left, Object* right);

// bool(o): 0, 1 or -1.
int truthy(Object* object);

// Attributes. get_attribute raises AttributeError ("'int' object has no attribute 'x'").
Ref<> get_attribute(Object* object, Str* name);
Ref<> get_attribute(Object* object, std::string_view name);
// Like get_attribute, but a missing attribute returns null with no exception set (for
// hasattr, getattr with a default, and optional protocols). Other errors propagate.
Ref<> get_attribute_or_missing(Object* object, Str* name);
int set_attribute(Object* object, Str* name, Object* value);
int delete_attribute(Object* object, Str* name);

// Calls. The initializer-list form passes positional arguments only.
Ref<> call(Object* callable, CallArgs args);
Ref<> call(Object* callable, std::initializer_list<Object*> positional);
// object.name(*positional)
Ref<> call_method(Object* object, Str* name, std::initializer_list<Object*> positional);
Ref<> call_method(Object* object, std::string_view name,
                  std::initializer_list<Object*> positional);

// Looks `name` up in the MRO of `type` (no descriptors invoked); borrowed, or null with
// no exception when absent.
Object* type_lookup(Type* type, Str* name);

// Operators.
Ref<> binary_operation(Object* left, Object* right, BinaryOp op);
Ref<> inplace_operation(Object* left, Object* right, BinaryOp op);
Ref<> negative(Object* object);
Ref<> positive(Object* object);
Ref<> invert(Object* object);
Ref<> absolute(Object* object);
// The operator's symbol for messages: "+", "//", "**", "@", "<<", ...
const char* binary_operator_symbol(BinaryOp op);

// Iteration. iter_next follows the slot convention: null without an exception when the
// iterator is exhausted.
Ref<> get_iter(Object* object);
Ref<> iter_next(Object* iterator);

// Containers.
int64_t length(Object* object);
Ref<> get_item(Object* container, Object* key);
int set_item(Object* container, Object* key, Object* value);
int delete_item(Object* container, Object* key);
// `item in container` (falls back to iteration): 0, 1 or -1.
int contains(Object* container, Object* item);

// Numbers.
// operator.index(o) → int; TypeError "'float' object cannot be interpreted as an integer".
Ref<> index(Object* object);
// The int64 value of an object that supports __index__; OverflowError when too large
// ("Python int too large to convert to C int64"). Returns false on error.
bool index_to_int64(Object* object, int64_t* out);

// isinstance(o, cls) / issubclass(cls, base) with tuples of classes; 0, 1 or -1.
int is_instance_of(Object* object, Object* class_or_tuple);
int is_subclass_of(Object* derived, Object* class_or_tuple);

}  // namespace py
