// Types and classes: readying the builtin types (static Types filled by their files) and
// making classes (heap Types) from class statements and type(name, bases, dict).
//
// Design: a builtin Type's slots are C++ functions set by its file; ready_type() gives it
// a run's __dict__, __bases__ and __mro__, copies the slots it leaves null from its base,
// and exposes each slot it defines as a "slot wrapper" attribute (int.__add__,
// object.__init__), so Python code can call builtin slots by name. A class's slots are
// generic functions (type_slots.cpp) that look the dunder up in the class's MRO on every
// call; a slot whose dunder resolves to a builtin's slot wrapper takes that builtin's C++
// function directly instead. Cost: an operation on a user class instance pays one MRO
// lookup (answered by type_lookup's cache until some class's __dict__ changes), and
// assigning a dunder to a class after creation updates only that class's slots (not its
// subclasses').
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/py/objects/object.hpp"

namespace py {

// TODO(lead): move into TypeFlags (object.hpp). Instances are callables that take the
// object they are looked up on as their first argument (Python functions, method
// descriptors, slot wrappers), so calling a special method needs no bound-method object:
// CPython's Py_TPFLAGS_METHOD_DESCRIPTOR. The VM sets it on function_type.
constexpr uint32_t type_flag_method_descriptor = 1u << 31;

// Reference count of static objects (builtin types, None, ...): never reaches zero.
constexpr uint32_t immortal_refcount = 1u << 30;

extern Type none_type;             // NoneType
extern Type not_implemented_type;  // NotImplementedType
extern Type ellipsis_type;         // ellipsis

// The static definition of a builtin type whose instances are T: its layout (instance
// size and C++ destructor) and flags, with every slot null for the owner's ready function
// to fill. Constant-initialized, so the layout is right before any code runs:
//   Type list_type = builtin_type<List>("list", type_flag_base_allowed | type_flag_list_subclass);
template <class T>
constexpr Type builtin_type(const char* name, uint32_t flags = type_flag_base_allowed) {
  Type type;
  type.refcount = immortal_refcount;
  type.type = &type_type;
  type.name = name;
  type.flags = flags;
  type.instance_size = sizeof(T);
  type.destruct = [](Object* self) { static_cast<T*>(self)->~T(); };
  return type;
}

// Type::dict_offset for a layout T whose instances keep their __dict__ in a `Ref<Dict> dict`
// member. T is not standard-layout (Ref members), but its layout is plain: offsetof is
// well defined on every compiler we build with.
template <class T>
constexpr size_t dict_member_offset() {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  return offsetof(T, dict);
#pragma GCC diagnostic pop
}

// Readies a static builtin type for the current run: sets its metatype and immortal count,
// its base (object when null), __bases__ ((base,) unless the owner set a tuple this run,
// as ExceptionGroup's (BaseExceptionGroup, Exception)), __mro__ (C3) and __dict__ (kept
// when the owner already filled it), inherits every slot it leaves null from its base
// (instance layout included), and adds slot wrappers for the slots it defines itself.
// Readies the bases first when they are not ready. Needs str, tuple and dict's layouts
// (instance_size, destruct) set, which builtin_type<T>() does statically. Call it after
// setting the slots; install_methods may run before or after. The type is remembered for
// forget_all_types() (ready.hpp). 0, or -1 with MemoryError.
int ready_type(Type& type);

// Puts a wrapper descriptor into `type`'s dict for each slot the type defines (non-null
// and different from its base's): int.__add__, list.__len__, object.__init__. A slot the
// base defines but this type nulls (list's hash) becomes `__hash__ = None`. ready_type()
// calls it; exposed for types readied by hand. -1 on error.
int add_slot_wrappers(Type& type);

// The class a class statement (or type(name, bases, dict)) makes. `metaclass` may be null
// (then the most derived metaclass of the bases is used, `type` when there are none);
// `bases` (may be empty) and `namespace_dict` (the executed class body, holding __module__
// and __qualname__) are borrowed; `keywords` holds the class statement's keyword arguments
// other than metaclass= (passed to __init_subclass__), as keyword values of a CallArgs with
// no positional values. Calls the metaclass as CPython's __build_class__ does, so a user
// metaclass's __new__/__init__ run. Raises CPython's TypeErrors ("Cannot create a
// consistent method resolution order (MRO) for bases A, B", "multiple bases have instance
// lay-out conflict", "metaclass conflict: ...", "type 'bool' is not an acceptable base
// type"). The body's __classcell__ (the compiler's __class__ cell) is set to the new class.
// Not done here: calling the metaclass's __prepare__ (the namespace is a plain dict made by
// the caller). The body's __slots__ is ignored (instances always get a __dict__).
Ref<> make_class(Object* metaclass, Str* name, Tuple* bases, Dict* namespace_dict,
                 CallArgs keywords);

// The C3 linearization of a class with these bases (its __mro__), or null with CPython's
// TypeError "Cannot create a consistent method resolution\norder (MRO) for bases A, B".
// The bases must be ready.
Ref<Tuple> linearize_mro(Type* type, Tuple* bases);

// Recomputes a heap type's slots after `name` changed in its dict (C.__add__ = f).
void update_heap_type_slot(Type* type, Str* name);

// The instance's __dict__ slot (at type->dict_offset), or null when the type has none.
Dict** instance_dict_slot(Object* object);

// object's and type's generic attribute access (the descriptor protocol): exposed for
// types that extend it (module, super) and for the heap types' __getattr__ fallback.
// generic_get_attribute raises "'C' object has no attribute 'x'"; the _or_missing form
// returns null without an exception when the attribute is absent.
Ref<> generic_get_attribute(Object* object, Str* name);
Ref<> generic_get_attribute_or_missing(Object* object, Str* name);
int generic_set_attribute(Object* object, Str* name, Object* value);
// Raises AttributeError(message) with its `name` and `obj` attributes set (3.11's traceback
// suggests a close name from them). Returns null.
std::nullptr_t raise_attribute_error(Object* object, Str* name, std::string_view message);

// __qualname__ ("C.Inner"; a builtin type's name after its module prefix: "int", "Task").
const char* type_qualified_name(const Type* type);
// __module__ ("__main__"; "builtins" for builtin types without a dotted name).
std::string type_module_name(const Type* type);
// The class as repr(C) names it: "int", "__main__.C", "asyncio.Task".
std::string type_display_name(const Type* type);

// type.__new__ (type_type's new_instance): type(name, bases, dict) makes a class.
Ref<> type_new(Type* metatype, CallArgs args);

// CPython's pointer hash (object.__hash__, None's hash).
int64_t identity_hash(Object* object);

// The ready functions of the object model's own files, called in this order by
// ready_object_model_types() (ready.hpp) after type and object: 0 or -1.
int ready_object_type();            // object_type.cpp: object (before everything else)
int ready_type_type();              // type.cpp: type
int ready_singleton_types();        // object.cpp: NoneType, NotImplementedType, ellipsis
int ready_slot_wrapper_types();     // slot_wrappers.cpp: wrapper_descriptor, method-wrapper
int ready_native_function_types();  // native_function.cpp
int ready_module_type();            // module.cpp
// ready_getset_type() is in getset.hpp, ready_descriptor_types() in descriptors.hpp.

// TODO(lead): belongs in native_function.hpp. The type of a MethodKind::class_ row in a
// type's dict (dict.fromkeys): binds to the class; defined in native_function.cpp.
extern Type classmethod_descriptor_type;

// object.__new__ and object.__init__ (the slots), for types that inherit object's
// argument checks.
Ref<> object_new(Type* type, CallArgs args);
int object_init(Object* self, CallArgs args);

}  // namespace py
