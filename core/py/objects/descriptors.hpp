// property, staticmethod, classmethod and super: the descriptor classes of CPython's
// Objects/descrobject.c, funcobject.c and typeobject.c.
//
// Design: each is a small object with a descriptor_get (and for property a descriptor_set)
// slot, so attribute lookup (type.cpp) needs no special case for them. super() without
// arguments asks the VM for the running frame's class cell and first argument (the hook
// below), as CPython's super_init_without_args reads the frame.
#pragma once

#include "core/py/objects/object.hpp"

namespace py {

struct Property : Object {
  Ref<> getter;                  // fget, or null
  Ref<> setter;                  // fset, or null
  Ref<> deleter;                 // fdel, or null
  Ref<> doc;                     // __doc__ (the getter's when not given), or null
  Ref<> name;                    // the attribute name given by __set_name__, for messages; or null
  bool doc_from_getter = false;  // `doc` was copied from the getter (replaced with it)
};

// staticmethod and classmethod: a wrapped callable.
struct MethodWrapper : Object {
  Ref<> callable;  // the wrapped function
  Ref<Dict> dict;  // __dict__ (functools.wraps copies attributes here); null until used
};

struct Super : Object {
  Type* start_type = nullptr;   // owned: the class after which the MRO search starts
  Ref<> object;                 // the bound instance or class, or null (unbound super)
  Type* object_type = nullptr;  // owned: type(object), or object itself when it is a class
};

extern Type property_type;
extern Type staticmethod_type;
extern Type classmethod_type;
extern Type super_type;

// staticmethod(f) / classmethod(f) from C++ (type_new wraps __new__, __init_subclass__ and
// __class_getitem__ with them, as CPython does).
Ref<> make_staticmethod(Object* callable);
Ref<> make_classmethod(Object* callable);

// Readies the descriptor types (called by ready_object_model_types).
int ready_descriptor_types();

// For super() with no arguments, installed by the VM when it readies its types: the class
// the running Python function was defined in (its __class__ cell) and its first argument,
// both borrowed. Returns false after raising RuntimeError ("super(): no arguments",
// "super(): __class__ cell not found", "super(): __class__ is not a type (int)") when they
// are missing. Null (no VM): super() raises "super(): no arguments".
extern bool (*current_frame_super_arguments)(Type** cls, Object** self);

}  // namespace py
