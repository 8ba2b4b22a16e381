// getset_descriptor: a data descriptor calling a C++ getter and setter.
#include "core/py/objects/getset.hpp"

#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type getset_descriptor_type = builtin_type<GetSetDescriptor>("getset_descriptor", 0);

namespace {

GetSetDescriptor* as_getset(Object* self) { return static_cast<GetSetDescriptor*>(self); }

// The instance must be of the owner's type, as CPython's descr_check requires.
bool check_instance(GetSetDescriptor* descriptor, Object* instance) {
  if (is_instance(instance, *descriptor->owner)) return true;
  raise_format(type_error_type, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
               descriptor->definition->name, type_name(descriptor->owner),
               type_name(instance->type));
  return false;
}

Ref<> getset_get(Object* self, Object* instance, Type*) {
  GetSetDescriptor* descriptor = as_getset(self);
  if (!instance) return Ref<>::borrow(self);
  if (!check_instance(descriptor, instance)) return nullptr;
  return descriptor->definition->get(instance);
}

int getset_set(Object* self, Object* instance, Object* value) {
  GetSetDescriptor* descriptor = as_getset(self);
  if (!check_instance(descriptor, instance)) return -1;
  if (!descriptor->definition->set) {
    raise_format(attribute_error_type, "attribute '{}' of '{}' objects is not writable",
                 descriptor->definition->name, type_name(descriptor->owner));
    return -1;
  }
  return descriptor->definition->set(instance, value);
}

Ref<> getset_repr(Object* self) {
  GetSetDescriptor* descriptor = as_getset(self);
  return make_str(format_message("<attribute '{}' of '{}' objects>", descriptor->definition->name,
                                 type_name(descriptor->owner)));
}

}  // namespace

int install_getsets(Type& type, const GetSetDefinition* definitions) {
  if (!type.dict) {
    Ref<Dict> dict = make_dict();
    if (!dict) return -1;
    type.dict = dict.release();
  }
  for (const GetSetDefinition* row = definitions; row->name; ++row) {
    Ref<GetSetDescriptor> descriptor = make_object<GetSetDescriptor>(&getset_descriptor_type);
    if (!descriptor) return -1;
    descriptor->definition = row;
    descriptor->owner = &type;
    if (dict_set(type.dict, intern_borrowed(row->name), descriptor.get()) < 0) return -1;
  }
  return 0;
}

int ready_getset_type() {
  getset_descriptor_type.repr = getset_repr;
  getset_descriptor_type.descriptor_get = getset_get;
  getset_descriptor_type.descriptor_set = getset_set;
  return ready_type(getset_descriptor_type);
}

}  // namespace py
