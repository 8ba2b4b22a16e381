// The slot table (type_slots.hpp) and heap types' generic slots: each looks its dunder
// up in type(self)'s MRO and calls it, converting the result to the slot's C++ contract
// (StopIteration from __next__ becomes "exhausted", NotImplemented passes through, result
// types are checked with CPython's messages).
#include "core/py/objects/type_slots.hpp"

#include <array>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

// clang-format off
#define BINARY_ROWS(op, name)                                                 \
  {"__" name "__", SlotField::binary, SlotCall::binary, uint8_t(BinaryOp::op)}, \
      {"__r" name "__", SlotField::binary, SlotCall::reflected, uint8_t(BinaryOp::op)},
#define INPLACE_ROW(op, name) \
  {"__i" name "__", SlotField::inplace, SlotCall::inplace, uint8_t(BinaryOp::op)},
#define COMPARE_ROW(op, name) \
  {"__" name "__", SlotField::rich_compare, SlotCall::compare, uint8_t(CompareOp::op)},
#define BINARY_OPERATORS(X)                                                              \
  X(add, "add") X(subtract, "sub") X(multiply, "mul") X(true_divide, "truediv")           \
  X(floor_divide, "floordiv") X(modulo, "mod") X(power, "pow") X(matrix_multiply, "matmul") \
  X(left_shift, "lshift") X(right_shift, "rshift") X(bit_and, "and") X(bit_or, "or")     \
  X(bit_xor, "xor")

const SlotDefinition slot_definitions[] = {
    {"__new__", SlotField::new_instance, SlotCall::new_instance, 0},
    {"__init__", SlotField::init, SlotCall::init, 0},
    {"__repr__", SlotField::repr, SlotCall::unary, 0},
    {"__str__", SlotField::str, SlotCall::unary, 0},
    {"__hash__", SlotField::hash, SlotCall::hash, 0},
    COMPARE_ROW(less, "lt") COMPARE_ROW(less_equal, "le") COMPARE_ROW(equal, "eq")
    COMPARE_ROW(not_equal, "ne") COMPARE_ROW(greater, "gt") COMPARE_ROW(greater_equal, "ge")
    {"__bool__", SlotField::truthy, SlotCall::truthy, 0},
    {"__getattribute__", SlotField::get_attribute, SlotCall::get_attribute, 0},
    {"__setattr__", SlotField::set_attribute, SlotCall::set_attribute, 0},
    {"__delattr__", SlotField::set_attribute, SlotCall::delete_attribute, 0},
    {"__get__", SlotField::descriptor_get, SlotCall::descriptor_get, 0},
    {"__set__", SlotField::descriptor_set, SlotCall::descriptor_set, 0},
    {"__delete__", SlotField::descriptor_set, SlotCall::descriptor_delete, 0},
    {"__call__", SlotField::call, SlotCall::call, 0},
    BINARY_OPERATORS(BINARY_ROWS)
    BINARY_OPERATORS(INPLACE_ROW)
    {"__neg__", SlotField::negative, SlotCall::unary, 0},
    {"__pos__", SlotField::positive, SlotCall::unary, 0},
    {"__invert__", SlotField::invert, SlotCall::unary, 0},
    {"__abs__", SlotField::absolute, SlotCall::unary, 0},
    {"__index__", SlotField::index, SlotCall::unary, 0},
    {"__int__", SlotField::to_int, SlotCall::unary, 0},
    {"__float__", SlotField::to_float, SlotCall::unary, 0},
    {"__len__", SlotField::length, SlotCall::length, 0},
    {"__getitem__", SlotField::get_item, SlotCall::get_item, 0},
    {"__setitem__", SlotField::set_item, SlotCall::set_item, 0},
    {"__delitem__", SlotField::set_item, SlotCall::delete_item, 0},
    {"__contains__", SlotField::contains, SlotCall::contains, 0},
    {"__iter__", SlotField::iter, SlotCall::unary, 0},
    {"__next__", SlotField::next, SlotCall::next, 0},
    {"__await__", SlotField::await, SlotCall::unary, 0},
    {"__aiter__", SlotField::aiter, SlotCall::unary, 0},
    {"__anext__", SlotField::anext, SlotCall::unary, 0},
};
// clang-format on
const size_t slot_definition_count = sizeof(slot_definitions) / sizeof(slot_definitions[0]);

// --- field access --------------------------------------------------------------------------

namespace {

// Calls visit(field) with a reference to the Type member the (field, operation) names.
template <class Visitor>
void visit_field(Type* type, SlotField field, uint8_t operation, Visitor&& visit) {
  switch (field) {
    case SlotField::new_instance: visit(type->new_instance); return;
    case SlotField::init: visit(type->init); return;
    case SlotField::repr: visit(type->repr); return;
    case SlotField::str: visit(type->str); return;
    case SlotField::hash: visit(type->hash); return;
    case SlotField::rich_compare: visit(type->rich_compare); return;
    case SlotField::truthy: visit(type->truthy); return;
    case SlotField::get_attribute: visit(type->get_attribute); return;
    case SlotField::set_attribute: visit(type->set_attribute); return;
    case SlotField::descriptor_get: visit(type->descriptor_get); return;
    case SlotField::descriptor_set: visit(type->descriptor_set); return;
    case SlotField::call: visit(type->call); return;
    case SlotField::binary: visit(type->binary[operation]); return;
    case SlotField::inplace: visit(type->inplace[operation]); return;
    case SlotField::negative: visit(type->negative); return;
    case SlotField::positive: visit(type->positive); return;
    case SlotField::invert: visit(type->invert); return;
    case SlotField::absolute: visit(type->absolute); return;
    case SlotField::index: visit(type->index); return;
    case SlotField::to_int: visit(type->to_int); return;
    case SlotField::to_float: visit(type->to_float); return;
    case SlotField::length: visit(type->length); return;
    case SlotField::get_item: visit(type->get_item); return;
    case SlotField::set_item: visit(type->set_item); return;
    case SlotField::contains: visit(type->contains); return;
    case SlotField::iter: visit(type->iter); return;
    case SlotField::next: visit(type->next); return;
    case SlotField::await: visit(type->await); return;
    case SlotField::aiter: visit(type->aiter); return;
    case SlotField::anext: visit(type->anext); return;
  }
}

}  // namespace

bool slot_field_is_null(const Type* type, SlotField field, uint8_t operation) {
  bool null = true;
  visit_field(const_cast<Type*>(type), field, operation, [&](auto& slot) { null = !slot; });
  return null;
}

bool slot_field_equal(const Type* left, const Type* right, SlotField field, uint8_t operation) {
  bool equal = false;
  visit_field(const_cast<Type*>(left), field, operation, [&](auto& left_slot) {
    visit_field(const_cast<Type*>(right), field, operation, [&](auto& right_slot) {
      if constexpr (std::is_same_v<decltype(left_slot), decltype(right_slot)>)
        equal = left_slot == right_slot;
    });
  });
  return equal;
}

void copy_slot_field(Type* to, const Type* from, SlotField field, uint8_t operation) {
  visit_field(to, field, operation, [&](auto& to_slot) {
    visit_field(const_cast<Type*>(from), field, operation, [&](auto& from_slot) {
      if constexpr (std::is_same_v<decltype(to_slot), decltype(from_slot)>) to_slot = from_slot;
    });
  });
}

void clear_slot_field(Type* type, SlotField field, uint8_t operation) {
  visit_field(type, field, operation, [](auto& slot) { slot = nullptr; });
}

// --- calling special methods ---------------------------------------------------------------

namespace {

// Interned dunder names by their static text, so a generic slot does not hash its name on
// every call. Forgotten at the run's end with the run's interned strings.
std::unordered_map<const char*, Str*> dunder_cache;

void forget_dunder_cache() { dunder_cache.clear(); }

Str* dunder(const char* name) {
  if (dunder_cache.empty()) on_run_end(forget_dunder_cache);
  Str*& cached = dunder_cache[name];
  if (!cached) cached = intern_borrowed(name);
  return cached;
}

Ref<> call_dunder(Object* self, const char* name, std::initializer_list<Object*> arguments,
                  bool* found) {
  return call_special_method(self, dunder(name),
                             CallArgs{arguments.begin(), arguments.size(), nullptr}, found);
}

// The dunder exists on the class (the generic slot was installed for it) unless the class
// changed since: then CPython raises AttributeError naming it.
Ref<> call_required(Object* self, const char* name, std::initializer_list<Object*> arguments) {
  bool found = false;
  Ref<> result = call_dunder(self, name, arguments, &found);
  if (!found) return raise(attribute_error_type, name);
  return result;
}

}  // namespace

Ref<> call_special_method(Object* self, Str* name, CallArgs args, bool* found) {
  Object* attribute = type_lookup(self->type, name);
  *found = attribute && !is_none(attribute);
  if (!*found) return nullptr;
  Ref<> keep = Ref<>::borrow(attribute);
  if (attribute->type->flags & type_flag_method_descriptor) {
    Object* inline_values[8];
    std::vector<Object*> heap_values;
    Object** values = inline_values;
    if (args.count + 1 > 8) {
      heap_values.resize(args.count + 1);
      values = heap_values.data();
    }
    values[0] = self;
    for (size_t i = 0; i < args.count; ++i) values[i + 1] = args.values[i];
    return call(attribute, CallArgs{values, args.count + 1, args.keyword_names});
  }
  if (auto getter = attribute->type->descriptor_get) {
    Ref<> bound = getter(attribute, self, self->type);
    if (!bound) return nullptr;
    return call(bound.get(), args);
  }
  return call(attribute, args);
}

Str* compare_dunder(CompareOp op) {
  static const char* const names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  return dunder(names[size_t(op)]);
}

// --- generic slots -------------------------------------------------------------------------

namespace {

bool is_slot_wrapper(const Object* object) {
  return object->type == &wrapper_descriptor_type || object->type == &new_wrapper_type;
}

Ref<> slot_new(Type* type, CallArgs args) {
  Object* attribute = type_lookup(type, dunder("__new__"));
  if (!attribute) return raise(attribute_error_type, "__new__");
  Ref<> function = Ref<>::borrow(attribute);
  if (auto getter = attribute->type->descriptor_get) function = getter(attribute, nullptr, type);
  if (!function) return nullptr;
  std::vector<Object*> values{type};
  values.insert(values.end(), args.values, args.values + args.count);
  return call(function.get(), CallArgs{values.data(), values.size(), args.keyword_names});
}

int slot_init(Object* self, CallArgs args) {
  bool found = false;
  Ref<> result = call_special_method(self, dunder("__init__"), args, &found);
  if (!found) return 0;
  if (!result) return -1;
  if (!is_none(result.get())) {
    raise_format(type_error_type, "__init__() should return None, not '{}'",
                 type_name(result->type));
    return -1;
  }
  return 0;
}

// The dunder of the first row matching `call` and `operation` (and `field` for unary rows).
const char* find_dunder(SlotCall call, SlotField field, uint8_t operation) {
  for (size_t i = 0; i < slot_definition_count; ++i) {
    const SlotDefinition& slot = slot_definitions[i];
    if (slot.call == call && slot.field == field && slot.operation == operation) return slot.name;
  }
  return nullptr;
}

template <SlotField field>
Ref<> slot_unary(Object* self) {
  static const char* const name = find_dunder(SlotCall::unary, field, 0);
  return call_required(self, name, {});
}

int64_t slot_hash(Object* self) {
  Ref<> result = call_required(self, "__hash__", {});
  if (!result) return -1;
  if (!is_int(result.get())) {
    raise(type_error_type, "__hash__ method should return an integer");
    return -1;
  }
  int64_t value = 0;
  if (!int_to_int64(static_cast<Int*>(result.get()), &value)) return int_type.hash(result.get());
  return value == -1 ? -2 : value;
}

Ref<> slot_rich_compare(Object* self, Object* other, CompareOp op) {
  bool found = false;
  Object* values[] = {other};
  Ref<> result = call_special_method(self, compare_dunder(op), CallArgs{values, 1}, &found);
  if (!found) return not_implemented();
  return result;
}

int slot_truthy(Object* self) {
  bool found = false;
  Ref<> result = call_dunder(self, "__bool__", {}, &found);
  if (found) {
    if (!result) return -1;
    if (!is_exact(result.get(), bool_type)) {
      raise_format(type_error_type, "__bool__ should return bool, returned {}",
                   type_name(result->type));
      return -1;
    }
    return result.get() == &true_object;
  }
  if (!self->type->length) return 1;
  int64_t size = self->type->length(self);
  return size < 0 ? -1 : size > 0;
}

// __getattribute__ (a builtin's slot called directly), then __getattr__ on AttributeError.
Ref<> slot_get_attribute(Object* self, Str* name) {
  Object* getattribute = type_lookup(self->type, dunder("__getattribute__"));
  Ref<> result;
  if (getattribute && is_slot_wrapper(getattribute)) {
    result = static_cast<SlotWrapper*>(getattribute)->owner->get_attribute(self, name);
  } else {
    bool found = false;
    result = call_dunder(self, "__getattribute__", {name}, &found);
    if (!found) result = generic_get_attribute(self, name);
  }
  if (result || !exception_matches(attribute_error_type)) return result;
  if (!type_lookup(self->type, dunder("__getattr__"))) return result;
  clear_exception();
  return call_required(self, "__getattr__", {name});
}

int slot_set_attribute(Object* self, Str* name, Object* value) {
  const char* method = value ? "__setattr__" : "__delattr__";
  Object* attribute = type_lookup(self->type, dunder(method));
  if (attribute && is_slot_wrapper(attribute))
    return static_cast<SlotWrapper*>(attribute)->owner->set_attribute(self, name, value);
  Ref<> result =
      value ? call_required(self, method, {name, value}) : call_required(self, method, {name});
  return result ? 0 : -1;
}

Ref<> slot_descriptor_get(Object* self, Object* instance, Type* owner) {
  return call_required(
      self, "__get__",
      {instance ? instance : &none_object, owner ? static_cast<Object*>(owner) : &none_object});
}

int slot_descriptor_set(Object* self, Object* instance, Object* value) {
  Ref<> result = value ? call_required(self, "__set__", {instance, value})
                       : call_required(self, "__delete__", {instance});
  return result ? 0 : -1;
}

Ref<> slot_call(Object* self, CallArgs args) {
  bool found = false;
  Ref<> result = call_special_method(self, dunder("__call__"), args, &found);
  if (!found)
    return raise_format(type_error_type, "'{}' object is not callable", type_name(self->type));
  return result;
}

template <size_t op>
Ref<> slot_binary(Object* self, Object* other, bool reflected) {
  static const char* const forward = find_dunder(SlotCall::binary, SlotField::binary, op);
  static const char* const backward = find_dunder(SlotCall::reflected, SlotField::binary, op);
  const char* name = reflected ? backward : forward;
  bool found = false;
  Ref<> result = call_dunder(self, name, {other}, &found);
  if (!found) return not_implemented();
  return result;
}

template <size_t op>
Ref<> slot_inplace(Object* self, Object* other) {
  static const char* const name = find_dunder(SlotCall::inplace, SlotField::inplace, op);
  bool found = false;
  Ref<> result = call_dunder(self, name, {other}, &found);
  if (!found) return not_implemented();
  return result;
}

template <size_t... ops>
constexpr auto make_binary_table(std::index_sequence<ops...>) {
  using Binary = Ref<> (*)(Object*, Object*, bool);
  return std::array<Binary, sizeof...(ops)>{slot_binary<ops>...};
}
template <size_t... ops>
constexpr auto make_inplace_table(std::index_sequence<ops...>) {
  return std::array<BinaryFunction, sizeof...(ops)>{slot_inplace<ops>...};
}
constexpr auto binary_slots =
    make_binary_table(std::make_index_sequence<size_t(BinaryOp::count_)>());
constexpr auto inplace_slots =
    make_inplace_table(std::make_index_sequence<size_t(BinaryOp::count_)>());

Ref<> slot_index(Object* self) {
  Ref<> result = call_required(self, "__index__", {});
  if (result && !is_int(result.get()))
    return raise_format(type_error_type, "__index__ returned non-int (type {})",
                        type_name(result->type));
  return result;
}

Ref<> slot_to_int(Object* self) {
  Ref<> result = call_required(self, "__int__", {});
  if (result && !is_int(result.get()))
    return raise_format(type_error_type, "__int__ returned non-int (type {})",
                        type_name(result->type));
  return result;
}

Ref<> slot_to_float(Object* self) {
  Ref<> result = call_required(self, "__float__", {});
  if (result && !is_float(result.get()))
    return raise_format(type_error_type, "{}.__float__ returned non-float (type {})",
                        type_name(self->type), type_name(result->type));
  return result;
}

int64_t slot_length(Object* self) {
  Ref<> result = call_required(self, "__len__", {});
  if (!result) return -1;
  if (!is_int(result.get())) {
    raise_format(type_error_type, "'{}' object cannot be interpreted as an integer",
                 type_name(result->type));
    return -1;
  }
  int64_t size = 0;
  if (!int_to_int64(static_cast<Int*>(result.get()), &size)) {
    raise(overflow_error_type, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (size < 0) {
    raise(value_error_type, "__len__() should return >= 0");
    return -1;
  }
  return size;
}

Ref<> slot_get_item(Object* self, Object* key) { return call_required(self, "__getitem__", {key}); }

int slot_set_item(Object* self, Object* key, Object* value) {
  Ref<> result = value ? call_required(self, "__setitem__", {key, value})
                       : call_required(self, "__delitem__", {key});
  return result ? 0 : -1;
}

int slot_contains(Object* self, Object* item) {
  Ref<> result = call_required(self, "__contains__", {item});
  if (!result) return -1;
  return truthy(result.get());
}

// StopIteration from a Python __next__ means "exhausted" (its value is dropped).
Ref<> slot_next(Object* self) {
  Ref<> result = call_required(self, "__next__", {});
  if (!result && exception_matches(stop_iteration_type)) clear_exception();
  return result;
}

void set_generic_field(Type* type, SlotField field, uint8_t operation) {
  switch (field) {
    case SlotField::new_instance: type->new_instance = slot_new; return;
    case SlotField::init: type->init = slot_init; return;
    case SlotField::repr: type->repr = slot_unary<SlotField::repr>; return;
    case SlotField::str: type->str = slot_unary<SlotField::str>; return;
    case SlotField::hash: type->hash = slot_hash; return;
    case SlotField::rich_compare: type->rich_compare = slot_rich_compare; return;
    case SlotField::truthy: type->truthy = slot_truthy; return;
    case SlotField::get_attribute: type->get_attribute = slot_get_attribute; return;
    case SlotField::set_attribute: type->set_attribute = slot_set_attribute; return;
    case SlotField::descriptor_get: type->descriptor_get = slot_descriptor_get; return;
    case SlotField::descriptor_set: type->descriptor_set = slot_descriptor_set; return;
    case SlotField::call: type->call = slot_call; return;
    case SlotField::binary: type->binary[operation] = binary_slots[operation]; return;
    case SlotField::inplace: type->inplace[operation] = inplace_slots[operation]; return;
    case SlotField::negative: type->negative = slot_unary<SlotField::negative>; return;
    case SlotField::positive: type->positive = slot_unary<SlotField::positive>; return;
    case SlotField::invert: type->invert = slot_unary<SlotField::invert>; return;
    case SlotField::absolute: type->absolute = slot_unary<SlotField::absolute>; return;
    case SlotField::index: type->index = slot_index; return;
    case SlotField::to_int: type->to_int = slot_to_int; return;
    case SlotField::to_float: type->to_float = slot_to_float; return;
    case SlotField::length: type->length = slot_length; return;
    case SlotField::get_item: type->get_item = slot_get_item; return;
    case SlotField::set_item: type->set_item = slot_set_item; return;
    case SlotField::contains: type->contains = slot_contains; return;
    case SlotField::iter: type->iter = slot_unary<SlotField::iter>; return;
    case SlotField::next: type->next = slot_next; return;
    case SlotField::await: type->await = slot_unary<SlotField::await>; return;
    case SlotField::aiter: type->aiter = slot_unary<SlotField::aiter>; return;
    case SlotField::anext: type->anext = slot_unary<SlotField::anext>; return;
  }
}

// Decides one field of a heap type from the dunders that map to it: all resolving to the
// same builtin's wrappers → that builtin's function; any other object → the generic slot;
// none → null (unsupported; `__hash__ = None` lands here).
// Rows of the same field share one Type member; the operation distinguishes the members
// only for the binary and in-place arrays.
bool same_member(const SlotDefinition& slot, SlotField field, uint8_t operation) {
  if (slot.field != field) return false;
  return (field != SlotField::binary && field != SlotField::inplace) || slot.operation == operation;
}

void update_field(Type* type, SlotField field, uint8_t operation) {
  bool generic =
      field == SlotField::get_attribute && type_lookup(type, dunder("__getattr__")) != nullptr;
  Type* builtin_owner = nullptr;
  for (size_t i = 0; i < slot_definition_count && !generic; ++i) {
    const SlotDefinition& slot = slot_definitions[i];
    if (!same_member(slot, field, operation)) continue;
    Object* attribute = type_lookup(type, dunder(slot.name));
    if (!attribute || is_none(attribute)) continue;
    if (!is_slot_wrapper(attribute)) {
      generic = true;
      break;
    }
    Type* owner = static_cast<SlotWrapper*>(attribute)->owner;
    if (builtin_owner && !slot_field_equal(builtin_owner, owner, field, operation)) generic = true;
    builtin_owner = owner;
  }
  if (generic)
    set_generic_field(type, field, operation);
  else if (builtin_owner)
    copy_slot_field(type, builtin_owner, field, operation);
  else
    clear_slot_field(type, field, operation);
}

}  // namespace

void set_heap_type_slots(Type* type) {
  for (size_t i = 0; i < slot_definition_count; ++i)
    update_field(type, slot_definitions[i].field, slot_definitions[i].operation);
}

void update_heap_type_slot(Type* type, Str* name) {
  if (name->value == "__getattr__") {
    update_field(type, SlotField::get_attribute, 0);
    return;
  }
  for (size_t i = 0; i < slot_definition_count; ++i)
    if (name->value == slot_definitions[i].name)
      update_field(type, slot_definitions[i].field, slot_definitions[i].operation);
}

}  // namespace py
