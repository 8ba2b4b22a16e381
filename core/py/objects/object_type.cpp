// `object`, the root of every class: generic attribute access with the descriptor protocol
// (CPython's PyObject_GenericGetAttr / SetAttr), object.__new__/__init__'s argument checks,
// and the default repr, str, comparison, hash, __format__, __dir__ and __init_subclass__.

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type object_type = builtin_type<Object>("object");

// --- attribute access ----------------------------------------------------------------------

// Data descriptors on the class win over the instance __dict__, which wins over non-data
// descriptors and plain class attributes.
Ref<> generic_get_attribute_or_missing(Object* object, Str* name) {
  Type* type = object->type;
  Object* descriptor = type_lookup(type, name);
  Ref<> keep_descriptor = Ref<>::borrow(descriptor);  // a __get__ may mutate the class
  auto getter = descriptor ? descriptor->type->descriptor_get : nullptr;
  if (getter && descriptor->type->descriptor_set) return getter(descriptor, object, type);
  if (Dict** slot = instance_dict_slot(object); slot && *slot) {
    if (Object* value = dict_lookup(*slot, name)) return Ref<>::borrow(value);
    if (exception_pending()) return nullptr;
  }
  if (getter) return getter(descriptor, object, type);
  return keep_descriptor;
}

// The AttributeError carries `name` and `obj`, which 3.11's traceback uses for its
// "Did you mean: 'x'?" suggestion.
std::nullptr_t raise_attribute_error(Object* object, Str* name, std::string_view message) {
  raise(attribute_error_type, message);
  Ref<> error = take_exception();
  if (!error) return nullptr;
  if (set_attribute(error.get(), intern_borrowed("name"), name) < 0 ||
      set_attribute(error.get(), intern_borrowed("obj"), object) < 0)
    clear_exception();
  set_exception(std::move(error));
  return nullptr;
}

Ref<> generic_get_attribute(Object* object, Str* name) {
  Ref<> value = generic_get_attribute_or_missing(object, name);
  if (!value && !exception_pending())
    raise_attribute_error(
        object, name,
        format_message("'{}' object has no attribute '{}'", type_name(object->type), name->value));
  return value;
}

int generic_set_attribute(Object* object, Str* name, Object* value) {
  Type* type = object->type;
  Object* descriptor = type_lookup(type, name);
  if (descriptor && descriptor->type->descriptor_set) {
    Ref<> keep_descriptor = Ref<>::borrow(descriptor);
    return descriptor->type->descriptor_set(descriptor, object, value);
  }
  Dict** slot = instance_dict_slot(object);
  if (!slot) {
    if (descriptor)
      raise_format(attribute_error_type, "'{}' object attribute '{}' is read-only", type_name(type),
                   name->value);
    else
      raise_format(attribute_error_type, "'{}' object has no attribute '{}'", type_name(type),
                   name->value);
    return -1;
  }
  if (value) {
    if (!*slot) {
      Ref<Dict> dict = make_dict();
      if (!dict) return -1;
      *slot = dict.release();
    }
    return dict_set(*slot, name, value);
  }
  if (!*slot || !dict_lookup(*slot, name)) {
    if (exception_pending()) return -1;
    raise_format(attribute_error_type, "'{}' object has no attribute '{}'", type_name(type),
                 name->value);
    return -1;
  }
  return dict_delete(*slot, name);
}

// --- construction -------------------------------------------------------------------------

// CPython's rule: surplus arguments are an error only for the method that is not
// overridden — object.__new__ complains when __init__ is not overridden, and vice versa.
Ref<> object_new(Type* type, CallArgs args) {
  if (args.count != 0) {
    if (type->new_instance != object_new)
      return raise(type_error_type,
                   "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->init == object_init)
      return raise_format(type_error_type, "{}() takes no arguments", type_name(type));
  }
  if (type->flags & type_flag_abstract)
    return raise_format(type_error_type, "cannot create '{}' instances", type_name(type));
  return make_object<Object>(type);
}

int object_init(Object* self, CallArgs args) {
  Type* type = self->type;
  if (args.count != 0) {
    if (type->init != object_init) {
      raise(type_error_type,
            "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->new_instance == object_new) {
      raise_format(type_error_type,
                   "{}.__init__() takes exactly one argument (the instance to initialize)",
                   type_name(type));
      return -1;
    }
  }
  return 0;
}

// --- representation and comparison -------------------------------------------------------

namespace {

// "<__main__.C object at 0x7f...>"; builtin types show their name only.
Ref<> object_repr(Object* self) {
  return make_str(format_message("<{} object at {}>", type_display_name(self->type),
                                 static_cast<const void*>(self)));
}

Ref<> object_str(Object* self) { return repr(self); }

// == is identity; != inverts the type's own == (so a class defining only __eq__ gets a
// consistent !=); the orderings are not supported.
Ref<> object_rich_compare(Object* self, Object* other, CompareOp op) {
  if (op == CompareOp::equal) return self == other ? make_bool(true) : not_implemented();
  if (op != CompareOp::not_equal) return not_implemented();
  if (!self->type->rich_compare) return not_implemented();
  Ref<> equal_result = self->type->rich_compare(self, other, CompareOp::equal);
  if (!equal_result || equal_result.get() == &not_implemented_object) return equal_result;
  int truth = truthy(equal_result.get());
  if (truth < 0) return nullptr;
  return make_bool(!truth);
}

// --- methods -------------------------------------------------------------------------------

Ref<> object_format(Object* self, CallArgs args) {
  if (!check_positional("__format__", args, 1, 1)) return nullptr;
  Object* spec = args.values[0];
  if (!is_str(spec))
    return raise_format(type_error_type, "__format__() argument must be str, not {}",
                        type_name(spec->type));
  if (static_cast<Str*>(spec)->length > 0)
    return raise_format(type_error_type, "unsupported format string passed to {}.__format__",
                        type_name(self->type));
  return to_str(self);
}

// Every name in the instance __dict__ and in the dicts of the class's MRO, sorted.
Ref<> object_dir(Object* self, CallArgs args) {
  if (!check_positional("__dir__", args, 0, 0)) return nullptr;
  Ref<Dict> names = make_dict();
  if (!names) return nullptr;
  if (Dict** slot = instance_dict_slot(self); slot && *slot)
    if (dict_update(names.get(), *slot) < 0) return nullptr;
  for (const Ref<>& entry : self->type->mro->items) {
    Dict* dict = static_cast<Type*>(entry.get())->dict;
    if (dict && dict_update(names.get(), dict) < 0) return nullptr;
  }
  Ref<List> result = make_list();
  if (!result) return nullptr;
  size_t position = 0;
  Object* key;
  Object* value;
  while (dict_next(names.get(), &position, &key, &value))
    if (list_append(result.get(), key) < 0) return nullptr;
  if (list_sort(result.get(), nullptr, false) < 0) return nullptr;
  return result;
}

// object.__init_subclass__: a class method accepting no keyword arguments.
Ref<> object_init_subclass(Object* cls, CallArgs args) {
  if (args.count != 0)
    return raise_format(type_error_type, "{}.__init_subclass__() takes no keyword arguments",
                        type_name(static_cast<Type*>(cls)));
  return none();
}

const NativeMethod object_methods[] = {
    {"__format__", object_format},
    {"__dir__", object_dir},
    {"__init_subclass__", object_init_subclass, MethodKind::class_},
    {nullptr, nullptr},
};

Ref<> object_get_class(Object* self) { return Ref<>::borrow(self->type); }

Ref<> object_get_dict(Object* self) {
  Dict** slot = instance_dict_slot(self);
  if (!slot)
    return raise_format(attribute_error_type, "'{}' object has no attribute '__dict__'",
                        type_name(self->type));
  if (!*slot) {
    Ref<Dict> dict = make_dict();
    if (!dict) return nullptr;
    *slot = dict.release();
  }
  return Ref<>::borrow(*slot);
}

int object_set_dict(Object* self, Object* value) {
  Dict** slot = instance_dict_slot(self);
  if (!slot) {
    raise_format(attribute_error_type, "'{}' object has no attribute '__dict__'",
                 type_name(self->type));
    return -1;
  }
  if (!value) {
    raise(type_error_type, "cannot delete __dict__");
    return -1;
  }
  if (!is_dict(value)) {
    raise_format(type_error_type, "__dict__ must be set to a dictionary, not a '{}'",
                 type_name(value->type));
    return -1;
  }
  incref(value);
  xdecref(std::exchange(*slot, static_cast<Dict*>(value)));
  return 0;
}

const GetSetDefinition object_getsets[] = {
    {"__class__", object_get_class, nullptr},
    {"__dict__", object_get_dict, object_set_dict},
    {nullptr, nullptr, nullptr},
};

}  // namespace

int ready_object_type() {
  object_type.new_instance = object_new;
  object_type.init = object_init;
  object_type.repr = object_repr;
  object_type.str = object_str;
  object_type.hash = identity_hash;
  object_type.rich_compare = object_rich_compare;
  object_type.get_attribute = generic_get_attribute;
  object_type.set_attribute = generic_set_attribute;
  install_methods(object_type, object_methods);
  if (install_getsets(object_type, object_getsets) < 0) return -1;
  return ready_type(object_type);
}

}  // namespace py
