// `type`, the class of classes: readying builtin types for a run, calling a class
// (__new__ then __init__), attribute access on classes (metaclass data descriptors, then
// the class's MRO with __get__(None, cls), then the metaclass), and the class attributes
// __name__, __qualname__, __module__, __mro__, __bases__, __base__, __dict__, __doc__.
#include "core/py/objects/type.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/descriptors.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/ready.hpp"
#include "core/py/objects/sequence_iterator.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type_slots.hpp"

namespace py {

Type type_type = builtin_type<Type>("type", type_flag_base_allowed | type_flag_type_subclass);

namespace {

Type* as_type(Object* object) { return static_cast<Type*>(object); }

}  // namespace

// --- lookup and names ----------------------------------------------------------------------

namespace {

// CPython's method cache: the answers of type_lookup for (type, interned name) pairs,
// valid while class_namespaces_version stands (any class's __dict__ changing, or a new
// class, empties it). Values are borrowed from the class dicts, which that version
// guards. Only interned names: they live for the run, so their address names them.
struct TypeLookupCacheEntry {
  Type* type = nullptr;
  Str* name = nullptr;
  Object* value = nullptr;      // borrowed; null: not found
  uint64_t namespaces_version = 0;
};
constexpr size_t kTypeLookupCacheSize = 4096;  // a power of two
TypeLookupCacheEntry type_lookup_cache[kTypeLookupCacheSize];

Object* type_lookup_uncached(Type* type, Str* name) {
  if (type->mro) {
    for (const Ref<>& entry : type->mro->items) {
      Dict* dict = as_type(entry.get())->dict;
      if (!dict) continue;
      if (Object* value = dict_lookup_str(dict, name)) return value;
    }
    return nullptr;
  }
  for (Type* walk = type; walk; walk = walk->base)
    if (walk->dict)
      if (Object* value = dict_lookup_str(walk->dict, name)) return value;
  return nullptr;
}

}  // namespace

Object* type_lookup(Type* type, Str* name) {
  if (!name->interned) return type_lookup_uncached(type, name);
  size_t slot = ((uintptr_t(type) >> 4) ^ (uintptr_t(name) >> 3)) & (kTypeLookupCacheSize - 1);
  TypeLookupCacheEntry& entry = type_lookup_cache[slot];
  if (entry.type == type && entry.name == name &&
      entry.namespaces_version == class_namespaces_version)
    return entry.value;
  Object* value = type_lookup_uncached(type, name);
  entry = {type, name, value, class_namespaces_version};
  return value;
}

const char* type_qualified_name(const Type* type) {
  if (type->flags & type_flag_heap)
    return (type->qualified_name ? type->qualified_name : type->heap_name)->value.c_str();
  const char* dot = std::strrchr(type->name, '.');
  return dot ? dot + 1 : type->name;
}

std::string type_module_name(const Type* type) {
  if (type->flags & type_flag_heap) {
    Object* module = type->dict ? dict_lookup_str(type->dict, "__module__") : nullptr;
    if (module && is_str(module)) return static_cast<Str*>(module)->value;
    return "builtins";
  }
  const char* dot = std::strrchr(type->name, '.');
  return dot ? std::string(type->name, dot) : "builtins";
}

std::string type_display_name(const Type* type) {
  std::string module = type_module_name(type);
  if (module == "builtins") return type_qualified_name(type);
  return module + "." + type_qualified_name(type);
}

// --- readying builtin types ---------------------------------------------------------------

namespace {

// Copies what a builtin type leaves unset from its base: layout, lifecycle and every
// dunder-backed slot. Like CPython, __hash__ is inherited only together with comparison:
// a type that defines == but no hash (list) stays unhashable.
void inherit_slots(Type& type, const Type& base) {
  if (type.instance_size < base.instance_size) type.instance_size = base.instance_size;
  if (!type.destruct) type.destruct = base.destruct;
  if (!type.dict_offset) type.dict_offset = base.dict_offset;
  bool inherit_hash = !type.hash && !type.rich_compare;
  for (size_t i = 0; i < slot_definition_count; ++i) {
    const SlotDefinition& slot = slot_definitions[i];
    if (slot.field == SlotField::hash && !inherit_hash) continue;
    if (slot.field == SlotField::new_instance && (type.flags & type_flag_abstract)) continue;
    if (slot_field_is_null(&type, slot.field, slot.operation))
      copy_slot_field(&type, &base, slot.field, slot.operation);
  }
}

}  // namespace

int ready_type(Type& type) {
  if (type.dict && type.mro) return 0;
  if (!type.type) type.type = &type_type;
  type.refcount = immortal_refcount;
  if (&type != &object_type && !type.base) type.base = &object_type;
  if (type.base) {
    if (ready_type(*type.base) < 0) return -1;
    inherit_slots(type, *type.base);
  }
  if (!type.dict) {
    Ref<Dict> dict = make_dict();
    if (!dict) return -1;
    type.dict = dict.release();
  }
  if (!type.bases) {
    Ref<Tuple> bases = type.base ? make_tuple({type.base}) : empty_tuple();
    if (!bases) return -1;
    type.bases = bases.release();
  }
  // A type given several bases by its owner (ExceptionGroup) gets the C3 order.
  for (const Ref<>& base : type.bases->items)
    if (ready_type(*static_cast<Type*>(base.get())) < 0) return -1;
  Ref<Tuple> mro_tuple = linearize_mro(&type, type.bases);
  if (!mro_tuple) return -1;
  type.mro = mro_tuple.release();
  mark_class_namespace(type.dict);
  note_readied_type(type);
  return add_slot_wrappers(type);
}

// --- calling a class -----------------------------------------------------------------------

namespace {

// C(*args): __new__, then __init__ when __new__ returned an instance of C.
// type(x) alone answers x's class.
Ref<> type_call(Object* callable, CallArgs args) {
  Type* type = as_type(callable);
  if (type == &type_type && args.count == 1 && !args.keyword_names)
    return Ref<>::borrow(args.values[0]->type);
  if (!type->new_instance)
    return raise_format(type_error_type, "cannot create '{}' instances", type_name(type));
  Ref<> instance = type->new_instance(type, args);
  if (!instance || !is_instance(instance.get(), *type)) return instance;
  Type* instance_type = instance->type;
  if (instance_type->init && instance_type->init(instance.get(), args) < 0) return nullptr;
  return instance;
}

int type_init(Object*, CallArgs args) {
  size_t positional = args.positional_count();
  if (positional == 1 && args.keyword_names) {
    raise(type_error_type, "type.__init__() takes no keyword arguments");
    return -1;
  }
  if (positional != 1 && positional != 3) {
    raise(type_error_type, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

void type_destruct(Object* self) {
  Type* type = as_type(self);
  xdecref(type->heap_name);
  xdecref(type->qualified_name);
  xdecref(type->base);
  xdecref(type->bases);
  xdecref(type->mro);
  type->~Type();
}

Ref<> type_repr(Object* self) {
  return make_str(format_message("<class '{}'>", type_display_name(as_type(self))));
}

// --- attributes of classes -----------------------------------------------------------------

Ref<> type_get_attribute_or_missing(Type* type, Str* name) {
  Type* metatype = type->type;
  Object* meta_attribute = type_lookup(metatype, name);
  Ref<> keep_meta = Ref<>::borrow(meta_attribute);
  auto meta_getter = meta_attribute ? meta_attribute->type->descriptor_get : nullptr;
  if (meta_getter && meta_attribute->type->descriptor_set)
    return meta_getter(meta_attribute, type, metatype);
  if (Object* attribute = type_lookup(type, name)) {
    Ref<> keep = Ref<>::borrow(attribute);
    if (auto getter = attribute->type->descriptor_get) return getter(attribute, nullptr, type);
    return keep;
  }
  if (meta_getter) return meta_getter(meta_attribute, type, metatype);
  return keep_meta;
}

Ref<> type_get_attribute(Object* self, Str* name) {
  Ref<> value = type_get_attribute_or_missing(as_type(self), name);
  if (!value && !exception_pending())
    raise_attribute_error(self, name,
                          format_message("type object '{}' has no attribute '{}'",
                                         type_name(as_type(self)), name->value));
  return value;
}

int type_set_attribute(Object* self, Str* name, Object* value) {
  Type* type = as_type(self);
  if (!(type->flags & type_flag_heap)) {
    raise_format(type_error_type, "cannot set '{}' attribute of immutable type '{}'", name->value,
                 type_name(type));
    return -1;
  }
  Object* meta_attribute = type_lookup(type->type, name);
  if (meta_attribute && meta_attribute->type->descriptor_set) {
    Ref<> keep = Ref<>::borrow(meta_attribute);
    return meta_attribute->type->descriptor_set(meta_attribute, type, value);
  }
  if (value) {
    if (dict_set(type->dict, name, value) < 0) return -1;
  } else {
    if (!dict_lookup_str(type->dict, name)) {
      raise_format(attribute_error_type, "type object '{}' has no attribute '{}'",
                   type_name(type), name->value);
      return -1;
    }
    if (dict_delete(type->dict, name) < 0) return -1;
  }
  update_heap_type_slot(type, name);
  return 0;
}

Ref<> type_get_name(Object* self) {
  Type* type = as_type(self);
  if (type->heap_name) return Ref<>::borrow(type->heap_name);
  return make_str(std::string_view(type_qualified_name(type)));
}

// Setting __name__ / __qualname__ is allowed on classes only, and only to a str.
int set_heap_name(Object* self, Object* value, Str** field, const char* attribute) {
  Type* type = as_type(self);
  if (!(type->flags & type_flag_heap)) {
    raise_format(type_error_type, "cannot set '{}' attribute of immutable type '{}'", attribute,
                 type_name(type));
    return -1;
  }
  if (!value) {
    raise_format(type_error_type, "cannot delete '{}' attribute of immutable type '{}'", attribute,
                 type_name(type));
    return -1;
  }
  if (!is_str(value)) {
    raise_format(type_error_type, "can only assign string to {}.{}, not '{}'", type_name(type),
                 attribute, type_name(value->type));
    return -1;
  }
  incref(value);
  xdecref(std::exchange(*field, static_cast<Str*>(value)));
  return 0;
}

int type_set_name(Object* self, Object* value) {
  return set_heap_name(self, value, &as_type(self)->heap_name, "__name__");
}

Ref<> type_get_qualified_name(Object* self) {
  Type* type = as_type(self);
  if (type->qualified_name) return Ref<>::borrow(type->qualified_name);
  return type_get_name(self);
}

int type_set_qualified_name(Object* self, Object* value) {
  return set_heap_name(self, value, &as_type(self)->qualified_name, "__qualname__");
}

Ref<> type_get_module(Object* self) {
  Type* type = as_type(self);
  if (type->flags & type_flag_heap) {
    if (Object* module = dict_lookup_str(type->dict, "__module__")) return Ref<>::borrow(module);
    return raise(attribute_error_type, "__module__");
  }
  return make_str(type_module_name(type));
}

int type_set_module(Object* self, Object* value) {
  Type* type = as_type(self);
  if (!(type->flags & type_flag_heap) || !value) {
    raise_format(type_error_type, "cannot set '__module__' attribute of immutable type '{}'",
                 type_name(type));
    return -1;
  }
  return dict_set_str(type->dict, "__module__", value);
}

Ref<> borrowed_or_none(Object* object) { return object ? Ref<>::borrow(object) : none(); }

Ref<> type_get_mro(Object* self) { return borrowed_or_none(as_type(self)->mro); }
Ref<> type_get_bases(Object* self) { return borrowed_or_none(as_type(self)->bases); }
Ref<> type_get_base(Object* self) { return borrowed_or_none(as_type(self)->base); }
// The class's own dict (CPython wraps it in a read-only mappingproxy).
Ref<> type_get_dict(Object* self) { return borrowed_or_none(as_type(self)->dict); }

Ref<> type_get_doc(Object* self) {
  Type* type = as_type(self);
  Object* doc = type->dict ? dict_lookup_str(type->dict, "__doc__") : nullptr;
  if (doc && doc->type->descriptor_get) return doc->type->descriptor_get(doc, nullptr, type);
  return borrowed_or_none(doc);
}

const GetSetDefinition type_getsets[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualified_name, type_set_qualified_name},
    {"__module__", type_get_module, type_set_module},
    {"__mro__", type_get_mro, nullptr},
    {"__bases__", type_get_bases, nullptr},
    {"__base__", type_get_base, nullptr},
    {"__dict__", type_get_dict, nullptr},
    {"__doc__", type_get_doc, nullptr},
    {nullptr, nullptr, nullptr},
};

// type.mro(): the C3 linearization as a list (the class's __mro__ is computed from it).
Ref<> type_mro_method(Object* self, CallArgs args) {
  if (!check_positional("mro", args, 0, 0)) return nullptr;
  std::vector<Ref<>> items(as_type(self)->mro->items);
  return make_list(std::move(items));
}

// type.__instancecheck__ / __subclasscheck__: the default, MRO-based answers.
Ref<> type_instance_check(Object* self, CallArgs args) {
  if (!check_positional("__instancecheck__", args, 1, 1)) return nullptr;
  return make_bool(is_instance(args.values[0], *as_type(self)));
}

Ref<> type_subclass_check(Object* self, CallArgs args) {
  if (!check_positional("__subclasscheck__", args, 1, 1)) return nullptr;
  Object* candidate = args.values[0];
  if (!is_instance(candidate, type_type))
    return raise(type_error_type, "issubclass() arg 1 must be a class");
  return make_bool(is_subtype(as_type(candidate), as_type(self)));
}

const NativeMethod type_methods[] = {
    {"mro", type_mro_method},
    {"__instancecheck__", type_instance_check},
    {"__subclasscheck__", type_subclass_check},
    {nullptr, nullptr},
};

}  // namespace

int ready_type_type() {
  type_type.new_instance = type_new;
  type_type.init = type_init;
  type_type.call = type_call;
  type_type.repr = type_repr;
  type_type.get_attribute = type_get_attribute;
  type_type.set_attribute = type_set_attribute;
  type_type.destruct = type_destruct;
  // A class's __dict__ is its Type::dict: metaclasses add no instance __dict__ slot.
  Type probe;
  type_type.dict_offset = size_t(reinterpret_cast<unsigned char*>(&probe.dict) -
                                 reinterpret_cast<unsigned char*>(&probe));
  install_methods(type_type, type_methods);
  if (install_getsets(type_type, type_getsets) < 0) return -1;
  return ready_type(type_type);
}

// str, tuple and dict instances are made while readying every type, so their layouts
// must be set before any code runs (builtin_type<T>() in their static definitions).
void ready_object_model_types() {
  if (str_type.instance_size < sizeof(Str) || tuple_type.instance_size < sizeof(Tuple) ||
      dict_type.instance_size < sizeof(Dict)) {
    std::fputs("awaitpad: str, tuple or dict has no layout; define it with builtin_type<T>()\n",
               stderr);
    std::abort();
  }
  int (*const ready_functions[])() = {
      ready_object_type,     ready_type_type,          ready_getset_type,
      ready_singleton_types, ready_slot_wrapper_types, ready_native_function_types,
      ready_module_type,     ready_descriptor_types,   ready_sequence_iterator_type,
  };
  for (auto ready : ready_functions)
    if (ready() < 0) return;
}

}  // namespace py
