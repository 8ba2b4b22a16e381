// Slot wrappers: a builtin type's C++ slots exposed as dunder attributes, so Python code
// can call them by name — int.__add__(1, 2), object.__init__(self), super().__init__(),
// dict.__setitem__(d, k, v), list.__len__. One SlotWrapper object per (type, dunder) sits
// in the type's dict; looking it up on an instance binds it (a method-wrapper).

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/objects/type_slots.hpp"

namespace py {

Type wrapper_descriptor_type =
    builtin_type<SlotWrapper>("wrapper_descriptor", type_flag_method_descriptor);
Type method_wrapper_type = builtin_type<SlotWrapper>("method-wrapper", 0);
Type new_wrapper_type = builtin_type<SlotWrapper>("builtin_function_or_method", 0);

namespace {

SlotWrapper* as_wrapper(Object* object) { return static_cast<SlotWrapper*>(object); }

// CPython's check_num_args: "expected 1 argument, got 0".
bool check_count(const SlotDefinition& slot, CallArgs args, size_t expected) {
  if (args.keyword_names) {
    raise_format(type_error_type, "wrapper {}() takes no keyword arguments", slot.name);
    return false;
  }
  if (args.count == expected) return true;
  raise_format(type_error_type, "expected {} argument{}, got {}", expected,
               expected == 1 ? "" : "s", args.count);
  return false;
}

Ref<> from_status(int status) { return status < 0 ? nullptr : none(); }

Type* as_type(Object* object) { return static_cast<Type*>(object); }

// object.__new__(C, *args): C must be a subclass of the owner, and the owner must be the
// builtin whose __new__ C's layout expects ("object.__new__(C) is not safe, use C.__new__()").
Ref<> call_new(Type* owner, CallArgs args) {
  const char* owner_name = type_name(owner);
  if (args.positional_count() < 1)
    return raise_format(type_error_type, "{}.__new__(): not enough arguments", owner_name);
  Object* subtype = args.values[0];
  if (!is_instance(subtype, type_type))
    return raise_format(type_error_type, "{}.__new__(X): X is not a type object ({})", owner_name,
                        type_name(subtype->type));
  Type* type = as_type(subtype);
  if (!is_subtype(type, owner))
    return raise_format(type_error_type, "{}.__new__({}): {} is not a subtype of {}", owner_name,
                        type_name(type), type_name(type), owner_name);
  const Type* builtin_base = type;
  while (builtin_base->flags & type_flag_heap) builtin_base = builtin_base->base;
  if (builtin_base->new_instance != owner->new_instance)
    return raise_format(type_error_type, "{}.__new__({}) is not safe, use {}.__new__()", owner_name,
                        type_name(type), type_name(builtin_base));
  return owner->new_instance(type, CallArgs{args.values + 1, args.count - 1, args.keyword_names});
}

}  // namespace

Ref<> call_slot_field(const SlotDefinition& slot, Type* owner, Object* self, CallArgs args) {
  switch (slot.call) {
    case SlotCall::new_instance: return call_new(owner, args);
    case SlotCall::init: return from_status(owner->init(self, args));
    case SlotCall::call: return owner->call(self, args);
    default: break;
  }
  Object* first = args.count > 0 ? args.values[0] : nullptr;
  Object* second = args.count > 1 ? args.values[1] : nullptr;
  switch (slot.call) {
    case SlotCall::unary: {
      if (!check_count(slot, args, 0)) return nullptr;
      UnaryFunction function = nullptr;
      switch (slot.field) {
        case SlotField::repr: function = owner->repr; break;
        case SlotField::str: function = owner->str; break;
        case SlotField::negative: function = owner->negative; break;
        case SlotField::positive: function = owner->positive; break;
        case SlotField::invert: function = owner->invert; break;
        case SlotField::absolute: function = owner->absolute; break;
        case SlotField::index: function = owner->index; break;
        case SlotField::to_int: function = owner->to_int; break;
        case SlotField::to_float: function = owner->to_float; break;
        case SlotField::iter: function = owner->iter; break;
        case SlotField::await: function = owner->await; break;
        case SlotField::aiter: function = owner->aiter; break;
        case SlotField::anext: function = owner->anext; break;
        default: break;
      }
      return function(self);
    }
    case SlotCall::hash: {
      if (!check_count(slot, args, 0)) return nullptr;
      int64_t hash = owner->hash(self);
      if (hash == -1 && exception_pending()) return nullptr;
      return make_int(hash);
    }
    case SlotCall::compare:
      if (!check_count(slot, args, 1)) return nullptr;
      return owner->rich_compare(self, first, CompareOp(slot.operation));
    case SlotCall::truthy: {
      if (!check_count(slot, args, 0)) return nullptr;
      int truth = owner->truthy(self);
      return truth < 0 ? nullptr : make_bool(truth);
    }
    case SlotCall::get_attribute:
      if (!check_count(slot, args, 1)) return nullptr;
      if (!is_str(first))
        return raise_format(type_error_type, "attribute name must be string, not '{}'",
                            type_name(first->type));
      return owner->get_attribute(self, static_cast<Str*>(first));
    case SlotCall::set_attribute:
    case SlotCall::delete_attribute: {
      bool deleting = slot.call == SlotCall::delete_attribute;
      if (!check_count(slot, args, deleting ? 1 : 2)) return nullptr;
      if (!is_str(first))
        return raise_format(type_error_type, "attribute name must be string, not '{}'",
                            type_name(first->type));
      return from_status(owner->set_attribute(self, static_cast<Str*>(first), second));
    }
    case SlotCall::descriptor_get: {
      if (args.count < 1 || args.count > 2 || args.keyword_names) {
        return raise_format(type_error_type, "expected 1 or 2 arguments, got {}", args.count);
      }
      Object* instance = is_none(first) ? nullptr : first;
      Object* owner_argument = second && !is_none(second) ? second : nullptr;
      if (!instance && !owner_argument)
        return raise(type_error_type, "__get__(None, None) is invalid");
      Type* owner_type = owner_argument ? as_type(owner_argument) : instance->type;
      return owner->descriptor_get(self, instance, owner_type);
    }
    case SlotCall::descriptor_set:
      if (!check_count(slot, args, 2)) return nullptr;
      return from_status(owner->descriptor_set(self, first, second));
    case SlotCall::descriptor_delete:
      if (!check_count(slot, args, 1)) return nullptr;
      return from_status(owner->descriptor_set(self, first, nullptr));
    case SlotCall::binary:
    case SlotCall::reflected:
      if (!check_count(slot, args, 1)) return nullptr;
      return owner->binary[slot.operation](self, first, slot.call == SlotCall::reflected);
    case SlotCall::inplace:
      if (!check_count(slot, args, 1)) return nullptr;
      return owner->inplace[slot.operation](self, first);
    case SlotCall::length: {
      if (!check_count(slot, args, 0)) return nullptr;
      int64_t size = owner->length(self);
      return size < 0 ? nullptr : make_int(size);
    }
    case SlotCall::get_item:
      if (!check_count(slot, args, 1)) return nullptr;
      return owner->get_item(self, first);
    case SlotCall::set_item:
      if (!check_count(slot, args, 2)) return nullptr;
      return from_status(owner->set_item(self, first, second));
    case SlotCall::delete_item:
      if (!check_count(slot, args, 1)) return nullptr;
      return from_status(owner->set_item(self, first, nullptr));
    case SlotCall::contains: {
      if (!check_count(slot, args, 1)) return nullptr;
      int found = owner->contains(self, first);
      return found < 0 ? nullptr : make_bool(found);
    }
    case SlotCall::next: {
      if (!check_count(slot, args, 0)) return nullptr;
      Ref<> item = owner->next(self);
      if (!item && !exception_pending()) return raise_empty(stop_iteration_type);
      return item;
    }
    case SlotCall::new_instance:
    case SlotCall::init:
    case SlotCall::call: break;
  }
  return nullptr;  // unreachable: the first switch handled these
}

namespace {

// Unbound: wrapper(self, *args), self checked against the owner.
Ref<> wrapper_call(Object* callable, CallArgs args) {
  SlotWrapper* wrapper = as_wrapper(callable);
  if (wrapper->slot->call == SlotCall::new_instance)
    return call_slot_field(*wrapper->slot, wrapper->owner, nullptr, args);
  if (args.positional_count() < 1)
    return raise_format(type_error_type, "descriptor '{}' of '{}' object needs an argument",
                        wrapper->slot->name, type_name(wrapper->owner));
  Object* self = args.values[0];
  if (!is_instance(self, *wrapper->owner))
    return raise_format(type_error_type,
                        "descriptor '{}' requires a '{}' object but received a '{}'",
                        wrapper->slot->name, type_name(wrapper->owner), type_name(self->type));
  return call_slot_field(*wrapper->slot, wrapper->owner, self,
                         CallArgs{args.values + 1, args.count - 1, args.keyword_names});
}

Ref<> bound_wrapper_call(Object* callable, CallArgs args) {
  SlotWrapper* wrapper = as_wrapper(callable);
  return call_slot_field(*wrapper->slot, wrapper->owner, wrapper->self.get(), args);
}

Ref<> wrapper_get(Object* self, Object* instance, Type*) {
  SlotWrapper* wrapper = as_wrapper(self);
  if (!instance) return Ref<>::borrow(self);
  if (!is_instance(instance, *wrapper->owner))
    return raise_format(type_error_type,
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        wrapper->slot->name, type_name(wrapper->owner), type_name(instance->type));
  Ref<SlotWrapper> bound = make_object<SlotWrapper>(&method_wrapper_type);
  if (!bound) return nullptr;
  bound->slot = wrapper->slot;
  bound->owner = wrapper->owner;
  bound->self = Ref<>::borrow(instance);
  return bound;
}

Ref<> new_wrapper_get(Object* self, Object*, Type*) { return Ref<>::borrow(self); }

Ref<> wrapper_repr(Object* self) {
  SlotWrapper* wrapper = as_wrapper(self);
  return make_str(format_message("<slot wrapper '{}' of '{}' objects>", wrapper->slot->name,
                                 type_name(wrapper->owner)));
}

Ref<> bound_wrapper_repr(Object* self) {
  SlotWrapper* wrapper = as_wrapper(self);
  return make_str(format_message("<method-wrapper '{}' of {} object at {}>", wrapper->slot->name,
                                 type_name(wrapper->self->type),
                                 static_cast<const void*>(wrapper->self.get())));
}

Ref<> new_wrapper_repr(Object* self) {
  return make_str(format_message("<built-in method __new__ of type object at {}>",
                                 static_cast<const void*>(as_wrapper(self)->owner)));
}

}  // namespace

int add_slot_wrappers(Type& type) {
  for (size_t i = 0; i < slot_definition_count; ++i) {
    const SlotDefinition& slot = slot_definitions[i];
    Str* name = intern_borrowed(slot.name);
    if (!name) return -1;
    if (dict_lookup_str(type.dict, name)) continue;  // the type's own method wins
    bool null = slot_field_is_null(&type, slot.field, slot.operation);
    if (null) {
      bool base_hashable = slot.field == SlotField::hash && type.base && type.base->hash;
      if (base_hashable && dict_set(type.dict, name, &none_object) < 0) return -1;
      continue;
    }
    if (type.base && slot_field_equal(&type, type.base, slot.field, slot.operation)) continue;
    bool is_new = slot.field == SlotField::new_instance;
    Ref<SlotWrapper> wrapper =
        make_object<SlotWrapper>(is_new ? &new_wrapper_type : &wrapper_descriptor_type);
    if (!wrapper) return -1;
    wrapper->slot = &slot;
    wrapper->owner = &type;
    if (dict_set(type.dict, name, wrapper.get()) < 0) return -1;
  }
  return 0;
}

int ready_slot_wrapper_types() {
  wrapper_descriptor_type.call = wrapper_call;
  wrapper_descriptor_type.descriptor_get = wrapper_get;
  wrapper_descriptor_type.repr = wrapper_repr;
  method_wrapper_type.call = bound_wrapper_call;
  method_wrapper_type.repr = bound_wrapper_repr;
  new_wrapper_type.call = wrapper_call;
  new_wrapper_type.descriptor_get = new_wrapper_get;
  new_wrapper_type.repr = new_wrapper_repr;
  for (Type* type : {&wrapper_descriptor_type, &method_wrapper_type, &new_wrapper_type})
    if (ready_type(*type) < 0) return -1;
  return 0;
}

}  // namespace py
