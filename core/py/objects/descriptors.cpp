// property, staticmethod, classmethod (CPython's descrobject.c and funcobject.c).
// super lives in super.cpp.
#include "core/py/objects/descriptors.hpp"

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/function.hpp"

namespace py {

Type property_type = builtin_type<Property>("property");
Type staticmethod_type = builtin_type<MethodWrapper>("staticmethod");
Type classmethod_type = builtin_type<MethodWrapper>("classmethod");

namespace {

Property* as_property(Object* object) { return static_cast<Property*>(object); }
MethodWrapper* as_wrapper(Object* object) { return static_cast<MethodWrapper*>(object); }
Ref<> or_none(const Ref<>& value) { return value ? value : none(); }
Object* none_to_null(Object* value) { return value && !is_none(value) ? value : nullptr; }

// --- property ------------------------------------------------------------------------------

Ref<> property_new(Type* type, CallArgs) { return make_object<Property>(type); }

// property(fget=None, fset=None, fdel=None, doc=None); the doc defaults to fget.__doc__.
int property_init(Object* self, CallArgs args) {
  Object* arguments[4];
  if (!parse_arguments("property", args, {"fget", "fset", "fdel", "doc"}, 0, arguments)) return -1;
  Property* property = as_property(self);
  property->getter = Ref<>::borrow(none_to_null(arguments[0]));
  property->setter = Ref<>::borrow(none_to_null(arguments[1]));
  property->deleter = Ref<>::borrow(none_to_null(arguments[2]));
  property->doc = Ref<>::borrow(none_to_null(arguments[3]));
  property->doc_from_getter = false;
  if (!property->doc && property->getter) {
    Ref<Str> doc_name = intern("__doc__");
    Ref<> doc = get_attribute_or_missing(property->getter.get(), doc_name.get());
    if (!doc && exception_pending()) return -1;
    if (doc && !is_none(doc.get())) {
      property->doc = std::move(doc);
      property->doc_from_getter = true;
    }
  }
  return 0;
}

// "property 'x' of 'C' object has no getter"
std::nullptr_t raise_missing(Property* property, Object* instance, const char* what) {
  const char* owner = type_qualified_name(instance->type);
  if (property->name && is_str(property->name.get()))
    return raise_format(attribute_error_type, "property '{}' of '{}' object has no {}",
                        static_cast<Str*>(property->name.get())->value, owner, what);
  return raise_format(attribute_error_type, "property of '{}' object has no {}", owner, what);
}

Ref<> property_get(Object* self, Object* instance, Type*) {
  Property* property = as_property(self);
  if (!instance) return Ref<>::borrow(self);
  if (!property->getter) return raise_missing(property, instance, "getter");
  return call(property->getter.get(), {instance});
}

int property_set(Object* self, Object* instance, Object* value) {
  Property* property = as_property(self);
  Ref<> function = value ? property->setter : property->deleter;
  if (!function) {
    raise_missing(property, instance, value ? "setter" : "deleter");
    return -1;
  }
  Ref<> result = value ? call(function.get(), {instance, value}) : call(function.get(), {instance});
  return result ? 0 : -1;
}

// type(self)(fget, fset, fdel, doc) with one function replaced (getter/setter/deleter).
Ref<> property_copy(Object* self, Object* getter, Object* setter, Object* deleter) {
  Property* property = as_property(self);
  Object* doc = property->doc_from_getter || !property->doc ? &none_object : property->doc.get();
  Object* values[] = {getter ? getter : &none_object, setter ? setter : &none_object,
                      deleter ? deleter : &none_object, doc};
  Ref<> copy = call(self->type, CallArgs{values, 4});
  if (copy && is_instance(copy.get(), property_type))
    as_property(copy.get())->name = property->name;
  return copy;
}

Ref<> property_getter(Object* self, CallArgs args) {
  if (!check_positional("getter", args, 1, 1)) return nullptr;
  Property* property = as_property(self);
  return property_copy(self, args.values[0], property->setter.get(), property->deleter.get());
}

Ref<> property_setter(Object* self, CallArgs args) {
  if (!check_positional("setter", args, 1, 1)) return nullptr;
  Property* property = as_property(self);
  return property_copy(self, property->getter.get(), args.values[0], property->deleter.get());
}

Ref<> property_deleter(Object* self, CallArgs args) {
  if (!check_positional("deleter", args, 1, 1)) return nullptr;
  Property* property = as_property(self);
  return property_copy(self, property->getter.get(), property->setter.get(), args.values[0]);
}

Ref<> property_set_name(Object* self, CallArgs args) {
  if (!check_positional("__set_name__", args, 2, 2)) return nullptr;
  as_property(self)->name = Ref<>::borrow(args.values[1]);
  return none();
}

const NativeMethod property_methods[] = {
    {"getter", property_getter},         {"setter", property_setter}, {"deleter", property_deleter},
    {"__set_name__", property_set_name}, {nullptr, nullptr},
};

Ref<> property_fget(Object* self) { return or_none(as_property(self)->getter); }
Ref<> property_fset(Object* self) { return or_none(as_property(self)->setter); }
Ref<> property_fdel(Object* self) { return or_none(as_property(self)->deleter); }
Ref<> property_doc(Object* self) { return or_none(as_property(self)->doc); }
int property_set_doc(Object* self, Object* value) {
  as_property(self)->doc = Ref<>::borrow(value);
  as_property(self)->doc_from_getter = false;
  return 0;
}

const GetSetDefinition property_getsets[] = {
    {"fget", property_fget, nullptr}, {"fset", property_fset, nullptr},
    {"fdel", property_fdel, nullptr}, {"__doc__", property_doc, property_set_doc},
    {nullptr, nullptr, nullptr},
};

// --- staticmethod and classmethod ----------------------------------------------------------

Ref<> method_wrapper_new(Type* type, CallArgs args) {
  if (!check_positional(type_name(type), args, 1, 1)) return nullptr;
  Ref<MethodWrapper> wrapper = make_object<MethodWrapper>(type);
  if (wrapper) wrapper->callable = Ref<>::borrow(args.values[0]);
  return wrapper;
}

int method_wrapper_init(Object*, CallArgs) { return 0; }

Ref<> staticmethod_get(Object* self, Object*, Type*) { return as_wrapper(self)->callable; }

// staticmethod objects are callable (3.10+).
Ref<> staticmethod_call(Object* self, CallArgs args) {
  return call(as_wrapper(self)->callable.get(), args);
}

// Binds the callable to the class; a callable with its own __get__ (a function) binds
// itself, as CPython 3.9-3.12 chain it.
Ref<> classmethod_get(Object* self, Object* instance, Type* owner) {
  Object* callable = as_wrapper(self)->callable.get();
  Type* cls = owner ? owner : instance->type;
  if (auto getter = callable->type->descriptor_get) return getter(callable, cls, cls->type);
  return make_bound_method(callable, cls);
}

// "<staticmethod(<function f at 0x...>)>"
Ref<> method_wrapper_repr(Object* self) {
  Ref<Str> inner = repr(as_wrapper(self)->callable.get());
  if (!inner) return nullptr;
  return make_str(format_message("<{}({})>", type_name(self->type), inner->value));
}

Ref<> method_wrapper_func(Object* self) { return as_wrapper(self)->callable; }

const GetSetDefinition method_wrapper_getsets[] = {
    {"__func__", method_wrapper_func, nullptr},
    {"__wrapped__", method_wrapper_func, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref<> make_staticmethod(Object* callable) {
  Ref<MethodWrapper> wrapper = make_object<MethodWrapper>(&staticmethod_type);
  if (wrapper) wrapper->callable = Ref<>::borrow(callable);
  return wrapper;
}

Ref<> make_classmethod(Object* callable) {
  Ref<MethodWrapper> wrapper = make_object<MethodWrapper>(&classmethod_type);
  if (wrapper) wrapper->callable = Ref<>::borrow(callable);
  return wrapper;
}

int ready_super_type();  // super.cpp

int ready_descriptor_types() {
  property_type.new_instance = property_new;
  property_type.init = property_init;
  property_type.descriptor_get = property_get;
  property_type.descriptor_set = property_set;
  install_methods(property_type, property_methods);
  if (install_getsets(property_type, property_getsets) < 0) return -1;

  MethodWrapper probe;
  size_t dict_offset = size_t(reinterpret_cast<unsigned char*>(&probe.dict) -
                              reinterpret_cast<unsigned char*>(&probe));
  for (Type* type : {&staticmethod_type, &classmethod_type}) {
    type->new_instance = method_wrapper_new;
    type->init = method_wrapper_init;
    type->repr = method_wrapper_repr;
    type->dict_offset = dict_offset;
    if (install_getsets(*type, method_wrapper_getsets) < 0) return -1;
  }
  staticmethod_type.descriptor_get = staticmethod_get;
  staticmethod_type.call = staticmethod_call;
  classmethod_type.descriptor_get = classmethod_get;
  for (Type* type : {&property_type, &staticmethod_type, &classmethod_type})
    if (ready_type(*type) < 0) return -1;
  return ready_super_type();
}

}  // namespace py
