// The abstract object layer (abstract.hpp), part two: operators with CPython's operand
// order (the reflected method of a right operand whose class is a proper subclass of the
// left's, overriding it, goes first), __index__, and isinstance/issubclass.

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/objects/type_slots.hpp"

namespace py {
namespace {

bool is_not_implemented(const Ref<>& result) { return result.get() == &not_implemented_object; }

// The interned reflected dunder of `op` ("__radd__").
Str* reflected_dunder(BinaryOp op) {
  for (size_t i = 0; i < slot_definition_count; ++i)
    if (slot_definitions[i].call == SlotCall::reflected &&
        slot_definitions[i].operation == uint8_t(op))
      return intern_borrowed(slot_definitions[i].name);
  return nullptr;
}

// Does `right` (a proper subclass of `left`) override the reflected method? Classes share
// one generic slot function, so for them the MRO lookups are compared.
bool overrides_reflected(Type* right, Type* left, BinaryOp op) {
  if ((right->flags & type_flag_heap) || (left->flags & type_flag_heap)) {
    Str* name = reflected_dunder(op);
    return name && type_lookup(right, name) != type_lookup(left, name);
  }
  return right->binary[size_t(op)] != left->binary[size_t(op)];
}

// CPython's binary_op1: NotImplemented (no exception) when neither operand handles it.
Ref<> binary_op1(Object* left, Object* right, BinaryOp op) {
  auto left_slot = left->type->binary[size_t(op)];
  auto right_slot = right->type != left->type ? right->type->binary[size_t(op)] : nullptr;
  if (right_slot && is_subtype(right->type, left->type) &&
      overrides_reflected(right->type, left->type, op)) {
    Ref<> result = right_slot(right, left, true);
    if (!is_not_implemented(result)) return result;
    right_slot = nullptr;
  }
  if (left_slot) {
    Ref<> result = left_slot(left, right, false);
    if (!is_not_implemented(result)) return result;
  }
  if (right_slot) return right_slot(right, left, true);
  return not_implemented();
}

bool is_print(Object* object) {
  return is_instance(object, native_function_type) &&
         std::string_view(static_cast<NativeFunction*>(object)->method->name) == "print";
}

std::nullptr_t raise_operand_error(Object* left, Object* right, BinaryOp op, bool in_place) {
  std::string symbol = binary_operator_symbol(op);
  if (in_place)
    symbol += "=";
  else if (op == BinaryOp::power)
    symbol += " or pow()";
  std::string message = format_message("unsupported operand type(s) for {}: '{}' and '{}'", symbol,
                                       type_name(left->type), type_name(right->type));
  if (op == BinaryOp::right_shift && !in_place && is_print(left))
    message += ". Did you mean \"print(<message>, file=<output_stream>)\"?";
  return raise(type_error_type, message);
}

Ref<> unary(Object* object, UnaryFunction slot, const char* what) {
  if (!slot)
    return raise_format(type_error_type, "bad operand type for {}: '{}'", what,
                        type_name(object->type));
  return slot(object);
}

}  // namespace

const char* binary_operator_symbol(BinaryOp op) {
  static const char* const symbols[] = {"+", "-",  "*",  "/", "//", "%", "**",
                                        "@", "<<", ">>", "&", "|",  "^"};
  return symbols[size_t(op)];
}

Ref<> binary_operation(Object* left, Object* right, BinaryOp op) {
  Ref<> result = binary_op1(left, right, op);
  if (is_not_implemented(result)) return raise_operand_error(left, right, op, false);
  return result;
}

Ref<> inplace_operation(Object* left, Object* right, BinaryOp op) {
  if (auto slot = left->type->inplace[size_t(op)]) {
    Ref<> result = slot(left, right);
    if (!is_not_implemented(result)) return result;
  }
  Ref<> result = binary_op1(left, right, op);
  if (is_not_implemented(result)) return raise_operand_error(left, right, op, true);
  return result;
}

Ref<> negative(Object* object) { return unary(object, object->type->negative, "unary -"); }
Ref<> positive(Object* object) { return unary(object, object->type->positive, "unary +"); }
Ref<> invert(Object* object) { return unary(object, object->type->invert, "unary ~"); }
Ref<> absolute(Object* object) { return unary(object, object->type->absolute, "abs()"); }

Ref<> index(Object* object) {
  if (is_int(object)) return Ref<>::borrow(object);
  if (!object->type->index)
    return raise_format(type_error_type, "'{}' object cannot be interpreted as an integer",
                        type_name(object->type));
  return object->type->index(object);
}

bool index_to_int64(Object* object, int64_t* out) {
  Ref<> number = index(object);
  if (!number) return false;
  if (int_to_int64(static_cast<Int*>(number.get()), out)) return true;
  raise(overflow_error_type, "Python int too large to convert to C int64");
  return false;
}

// --- isinstance / issubclass ---------------------------------------------------------------

namespace {

// A metaclass other than `type` may define __instancecheck__ / __subclasscheck__.
Object* custom_check(Object* cls, const char* name) {
  if (is_exact(cls, type_type)) return nullptr;
  Object* method = type_lookup(cls->type, intern_borrowed(name));
  if (!method || method == type_lookup(&type_type, intern_borrowed(name))) return nullptr;
  return method;
}

int call_check(Object* cls, const char* name, Object* argument) {
  bool found = false;
  Object* values[] = {argument};
  Ref<> result = call_special_method(cls, intern_borrowed(name), CallArgs{values, 1}, &found);
  if (!result) return -1;
  return truthy(result.get());
}

}  // namespace

int is_instance_of(Object* object, Object* class_or_tuple) {
  if (object->type == class_or_tuple) return 1;
  if (is_tuple(class_or_tuple)) {
    for (const Ref<>& entry : static_cast<Tuple*>(class_or_tuple)->items) {
      int found = is_instance_of(object, entry.get());
      if (found != 0) return found;
    }
    return 0;
  }
  if (!is_instance(class_or_tuple, type_type)) {
    raise(type_error_type, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
  }
  if (custom_check(class_or_tuple, "__instancecheck__"))
    return call_check(class_or_tuple, "__instancecheck__", object);
  return is_instance(object, *static_cast<Type*>(class_or_tuple));
}

int is_subclass_of(Object* derived, Object* class_or_tuple) {
  if (is_tuple(class_or_tuple)) {
    for (const Ref<>& entry : static_cast<Tuple*>(class_or_tuple)->items) {
      int found = is_subclass_of(derived, entry.get());
      if (found != 0) return found;
    }
    return 0;
  }
  if (!is_instance(class_or_tuple, type_type)) {
    raise(type_error_type, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  if (custom_check(class_or_tuple, "__subclasscheck__"))
    return call_check(class_or_tuple, "__subclasscheck__", derived);
  if (!is_instance(derived, type_type)) {
    raise(type_error_type, "issubclass() arg 1 must be a class");
    return -1;
  }
  return is_subtype(static_cast<Type*>(derived), static_cast<Type*>(class_or_tuple));
}

}  // namespace py
