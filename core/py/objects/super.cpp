// super(): attribute lookup that starts after a given class in the MRO of the bound
// object's class (CPython's super_getattro), in its zero-argument form (the VM supplies the
// running function's class and first argument) and its explicit super(C, obj) form.

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/descriptors.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type super_type = builtin_type<Super>("super");

bool (*current_frame_super_arguments)(Type** cls, Object** self) = nullptr;

namespace {

Super* as_super(Object* object) { return static_cast<Super*>(object); }

Ref<> super_new(Type* type, CallArgs) { return make_object<Super>(type); }

void super_destruct(Object* self) {
  Super* super = as_super(self);
  xdecref(super->start_type);
  xdecref(super->object_type);
  super->~Super();
}

// The class whose MRO is searched: obj itself when it is a subclass of `type` (super in a
// class method), else type(obj).
Type* check_super_object(Type* type, Object* object) {
  if (is_instance(object, type_type) && is_subtype(static_cast<Type*>(object), type))
    return static_cast<Type*>(object);
  if (is_subtype(object->type, type)) return object->type;
  raise(type_error_type, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

int super_init(Object* self, CallArgs args) {
  if (args.keyword_names) {
    raise(type_error_type, "super() takes no keyword arguments");
    return -1;
  }
  if (args.count > 2) {
    raise_format(type_error_type, "super() takes at most 2 arguments ({} given)", args.count);
    return -1;
  }
  Type* type = nullptr;
  Object* object = nullptr;
  if (args.count == 0) {
    if (!current_frame_super_arguments) {
      raise(runtime_error_type, "super(): no arguments");
      return -1;
    }
    if (!current_frame_super_arguments(&type, &object)) return -1;
  } else {
    if (!is_instance(args.values[0], type_type)) {
      raise_format(type_error_type, "super() argument 1 must be a type, not {}",
                   type_name(args.values[0]->type));
      return -1;
    }
    type = static_cast<Type*>(args.values[0]);
    object = args.count == 2 && !is_none(args.values[1]) ? args.values[1] : nullptr;
  }
  Type* object_type = nullptr;
  if (object) {
    object_type = check_super_object(type, object);
    if (!object_type) return -1;
  }
  Super* super = as_super(self);
  incref(type);
  xdecref(std::exchange(super->start_type, type));
  super->object = Ref<>::borrow(object);
  xincref(object_type);
  xdecref(std::exchange(super->object_type, object_type));
  return 0;
}

Ref<> super_get_attribute(Object* self, Str* name) {
  Super* super = as_super(self);
  Type* start = super->object_type;
  if (start && name->value != "__class__") {
    const std::vector<Ref<>>& mro = start->mro->items;
    size_t index = 0;
    while (index < mro.size() && mro[index].get() != super->start_type) ++index;
    for (++index; index < mro.size(); ++index) {
      Dict* dict = static_cast<Type*>(mro[index].get())->dict;
      Object* attribute = dict ? dict_lookup_str(dict, name) : nullptr;
      if (!attribute) continue;
      Ref<> keep = Ref<>::borrow(attribute);
      auto getter = attribute->type->descriptor_get;
      if (!getter) return keep;
      Object* instance = super->object.get() == start ? nullptr : super->object.get();
      return getter(attribute, instance, start);
    }
  }
  return generic_get_attribute(self, name);
}

// "<super: <class 'C'>, <C object>>", or NULL for an unbound super.
Ref<> super_repr(Object* self) {
  Super* super = as_super(self);
  std::string start = super->start_type ? type_name(super->start_type) : "?";
  if (super->object_type)
    return make_str(
        format_message("<super: <class '{}'>, <{} object>>", start, type_name(super->object_type)));
  return make_str(format_message("<super: <class '{}'>, NULL>", start));
}

}  // namespace

int ready_super_type() {
  super_type.new_instance = super_new;
  super_type.init = super_init;
  super_type.destruct = super_destruct;
  super_type.get_attribute = super_get_attribute;
  super_type.repr = super_repr;
  return ready_type(super_type);
}

}  // namespace py
