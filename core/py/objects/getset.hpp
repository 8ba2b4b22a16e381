// Computed attributes of builtin types (CPython's getset_descriptor): type.__name__,
// object.__class__, exception.args. A type declares a table of rows; install_getsets()
// puts one data descriptor per row into the type's dict.
#pragma once

#include "core/py/objects/object.hpp"

namespace py {

struct GetSetDefinition {
  const char* name;                         // the attribute name
  Ref<> (*get)(Object* self);               // the getter: new reference or null on error
  int (*set)(Object* self, Object* value);  // setter (value null: delete); null: read-only
};

struct GetSetDescriptor : Object {
  const GetSetDefinition* definition = nullptr;  // static table row
  Type* owner = nullptr;                         // the (static) type defining it
};

extern Type getset_descriptor_type;

// Puts a descriptor per row into `type`'s dict (created when null). `definitions` ends with
// a row whose name is null. -1 on error.
int install_getsets(Type& type, const GetSetDefinition* definitions);

// Readies getset_descriptor (ready_object_model_types calls it).
int ready_getset_type();

}  // namespace py
