// The table that ties each Type slot to its dunder names, shared by the two directions
// of the mapping: slot wrappers (slot_wrappers.cpp) expose a builtin type's C++ slots as
// dunder attributes, and heap types' generic slots (type_slots.cpp) call a class's dunder
// methods from the C++ slots. Internal to the object model.
#pragma once

#include <cstdint>

#include "core/py/objects/object.hpp"

namespace py {

// Which Type field a dunder belongs to. Several dunders may share a field (__eq__ and __lt__
// share rich_compare; __setattr__ and __delattr__ share set_attribute; __add__ and __radd__
// share binary[add]).
// clang-format off
enum class SlotField : uint8_t {
  new_instance, init, repr, str, hash, rich_compare, truthy, get_attribute, set_attribute,
  descriptor_get, descriptor_set, call, binary, inplace, negative, positive, invert,
  absolute, index, to_int, to_float, length, get_item, set_item, contains, iter, next,
  await, aiter, anext,
};
// clang-format on

// How a dunder calls its field (the wrapper's argument convention).
enum class SlotCall : uint8_t {
  new_instance,       // __new__(cls, *args, **kwargs)
  init,               // __init__(self, *args, **kwargs) -> None
  unary,              // __repr__(self) and the other one-operand slots
  hash,               // __hash__(self) -> int
  compare,            // __eq__(self, other): `operation` is the CompareOp
  truthy,             // __bool__(self) -> bool
  get_attribute,      // __getattribute__(self, name)
  set_attribute,      // __setattr__(self, name, value)
  delete_attribute,   // __delattr__(self, name)
  descriptor_get,     // __get__(self, instance, owner=None)
  descriptor_set,     // __set__(self, instance, value)
  descriptor_delete,  // __delete__(self, instance)
  call,               // __call__(self, *args, **kwargs)
  binary,             // __add__(self, other): `operation` is the BinaryOp
  reflected,          // __radd__(self, other)
  inplace,            // __iadd__(self, other)
  length,             // __len__(self) -> int
  get_item,           // __getitem__(self, key)
  set_item,           // __setitem__(self, key, value)
  delete_item,        // __delitem__(self, key)
  contains,           // __contains__(self, item) -> bool
  next,               // __next__(self): StopIteration when exhausted
};

struct SlotDefinition {
  const char* name;   // the dunder: "__add__"
  SlotField field;    // the Type field it maps to
  SlotCall call;      // how a wrapper calls the field
  uint8_t operation;  // BinaryOp / CompareOp for binary, inplace and compare rows; else 0
};

// Every dunder with a slot, in a fixed order (wrappers are added in this order).
extern const SlotDefinition slot_definitions[];
extern const size_t slot_definition_count;

// A builtin slot exposed as an attribute: unbound in the type's dict (wrapper_descriptor,
// "<slot wrapper '__add__' of 'int' objects>") or bound to an instance (method-wrapper).
// __new__ is the one kind that binds nothing: it takes the class as its first argument.
struct SlotWrapper : Object {
  const SlotDefinition* slot = nullptr;  // static table row
  Type* owner = nullptr;  // the builtin type whose field is called (static, never freed)
  Ref<> self;             // method-wrapper: the bound instance; null for the descriptor
};

extern Type wrapper_descriptor_type;  // wrapper_descriptor
extern Type method_wrapper_type;      // method-wrapper
extern Type new_wrapper_type;         // __new__ of a builtin: builtin_function_or_method-like

// True when `field` (with `operation` for binary/inplace) of `type` is null.
bool slot_field_is_null(const Type* type, SlotField field, uint8_t operation);
// True when the field holds the same function in both types.
bool slot_field_equal(const Type* left, const Type* right, SlotField field, uint8_t operation);
// Copies the field from `from` into `to`.
void copy_slot_field(Type* to, const Type* from, SlotField field, uint8_t operation);
// Sets the field to null.
void clear_slot_field(Type* type, SlotField field, uint8_t operation);

// Calls `owner`'s field as `slot` describes, for `self` and the dunder's remaining
// arguments (the wrapper's call). Raises CPython's argument-count TypeErrors.
Ref<> call_slot_field(const SlotDefinition& slot, Type* owner, Object* self, CallArgs args);

// Fills every dunder-backed field of the heap type `type` from its MRO: a dunder resolving
// to a builtin's slot wrapper copies that builtin's field; any other object installs the
// generic slot that calls it; absence (or None) leaves the field null.
void set_heap_type_slots(Type* type);

// The interned dunder name of a comparison / binary operator (for generic slots and
// messages): "__lt__", "__add__" / "__radd__", "__iadd__".
Str* compare_dunder(CompareOp op);

// Calls the special method `name` looked up on type(self) (not on the instance), bound
// to self. Returns null with no exception set, and *found false, when the type has no such
// attribute or it is None.
Ref<> call_special_method(Object* self, Str* name, CallArgs args, bool* found);

}  // namespace py
