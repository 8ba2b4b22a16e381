// The builtins that look at objects and namespaces: isinstance issubclass getattr hasattr
// setattr delattr callable id hash repr ascii vars dir globals locals.
//
// Design: each defers to the abstract layer (so user classes' dunders and metaclasses
// work) and adds only the builtin's own checks and CPython's messages. The namespace
// builtins read the running frame through the VM's current_globals()/current_locals();
// a builtin call pushes no frame, so "current" is the caller's.
#include <string>

#include "core/py/builtins/builtin_functions.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/module.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/frame.hpp"

namespace py {
namespace {

Ref<> repr_function(Object*, CallArgs args) {
  if (!check_positional("repr", args, 1, 1)) return nullptr;
  return repr(args.values[0]);
}

Ref<> ascii_function(Object*, CallArgs args) {
  if (!check_positional("ascii", args, 1, 1)) return nullptr;
  return ascii(args.values[0]);
}

Ref<> isinstance_function(Object*, CallArgs args) {
  if (!check_positional("isinstance", args, 2, 2)) return nullptr;
  const int result = is_instance_of(args.values[0], args.values[1]);
  if (result < 0) return nullptr;
  return make_bool(result);
}

Ref<> issubclass_function(Object*, CallArgs args) {
  if (!check_positional("issubclass", args, 2, 2)) return nullptr;
  const int result = is_subclass_of(args.values[0], args.values[1]);
  if (result < 0) return nullptr;
  return make_bool(result);
}

// The attribute name argument of getattr & co., or null after raising.
Str* attribute_name(Object* name) {
  if (!is_str(name)) {
    raise_format(type_error_type, "attribute name must be string, not '{}'", type_name(name->type));
    return nullptr;
  }
  return as_str(name);
}

Ref<> getattr_function(Object*, CallArgs args) {
  if (!check_positional("getattr", args, 2, 3)) return nullptr;
  Str* name = attribute_name(args.values[1]);
  if (!name) return nullptr;
  if (args.count == 2) return get_attribute(args.values[0], name);
  Ref<> value = get_attribute_or_missing(args.values[0], name);
  if (value || exception_pending()) return value;
  return Ref<>::borrow(args.values[2]);
}

Ref<> hasattr_function(Object*, CallArgs args) {
  if (!check_positional("hasattr", args, 2, 2)) return nullptr;
  Str* name = attribute_name(args.values[1]);
  if (!name) return nullptr;
  Ref<> value = get_attribute_or_missing(args.values[0], name);
  if (!value && exception_pending()) return nullptr;
  return make_bool(bool(value));
}

Ref<> setattr_function(Object*, CallArgs args) {
  if (!check_positional("setattr", args, 3, 3)) return nullptr;
  Str* name = attribute_name(args.values[1]);
  if (!name || set_attribute(args.values[0], name, args.values[2]) < 0) return nullptr;
  return none();
}

Ref<> delattr_function(Object*, CallArgs args) {
  if (!check_positional("delattr", args, 2, 2)) return nullptr;
  Str* name = attribute_name(args.values[1]);
  if (!name || delete_attribute(args.values[0], name) < 0) return nullptr;
  return none();
}

Ref<> id_function(Object*, CallArgs args) {
  if (!check_positional("id", args, 1, 1)) return nullptr;
  return make_int(int64_t(reinterpret_cast<uintptr_t>(args.values[0])));
}

Ref<> hash_function(Object*, CallArgs args) {
  if (!check_positional("hash", args, 1, 1)) return nullptr;
  const int64_t value = hash(args.values[0]);
  if (value == -1 && exception_pending()) return nullptr;
  return make_int(value);
}

Ref<> callable_function(Object*, CallArgs args) {
  if (!check_positional("callable", args, 1, 1)) return nullptr;
  return make_bool(args.values[0]->type->call != nullptr);
}

Ref<> globals_function(Object*, CallArgs args) {
  if (!check_positional("globals", args, 0, 0)) return nullptr;
  Dict* globals = current_globals();
  if (!globals) return make_dict();
  return Ref<>::borrow(globals);
}

Ref<> locals_function(Object*, CallArgs args) {
  if (!check_positional("locals", args, 0, 0)) return nullptr;
  return current_locals();
}

// vars() is locals(); vars(o) is o.__dict__.
Ref<> vars_function(Object*, CallArgs args) {
  if (!check_positional("vars", args, 0, 1)) return nullptr;
  if (args.count == 0) return current_locals();
  Ref<> dict = get_attribute(args.values[0], intern_borrowed("__dict__"));
  if (!dict && exception_matches(attribute_error_type)) {
    clear_exception();
    return raise(type_error_type, "vars() argument must have __dict__ attribute");
  }
  return dict;
}

// The names of `list_or_iterable` sorted into a new list.
Ref<> sorted_names(Object* names) {
  Ref<List> result = sequence_to_list(names);
  if (!result || list_sort(result.get(), nullptr, false) < 0) return nullptr;
  return result;
}

// Whether the __dir__ that `type`'s MRO provides is object's own (then a class's dir is
// computed here, as type.__dir__ does).
bool dir_is_objects(Type* metatype) {
  for (const Ref<>& entry : metatype->mro->items) {
    Type* candidate = static_cast<Type*>(entry.get());
    if (candidate->dict && dict_lookup_str(candidate->dict, "__dir__"))
      return candidate == &object_type;
  }
  return true;
}

// type.__dir__: the names in the class's and every base's __dict__.
Ref<> class_dir(Type* type) {
  Ref<Dict> names = make_dict();
  if (!names) return nullptr;
  for (const Ref<>& entry : type->mro->items) {
    Dict* dict = static_cast<Type*>(entry.get())->dict;
    if (dict && dict_update(names.get(), dict) < 0) return nullptr;
  }
  return sorted_names(names.get());
}

// dir(): the caller's local names, sorted; dir(o): sorted(type(o).__dir__(o)) (a class's
// and a module's computed here, as type.__dir__ and module.__dir__ do).
Ref<> dir_function(Object*, CallArgs args) {
  if (!check_positional("dir", args, 0, 1)) return nullptr;
  if (args.count == 0) {
    Ref<> locals = current_locals();
    if (!locals) return nullptr;
    Ref<> keys = call_method(locals.get(), "keys", {});
    if (!keys) return nullptr;
    return sorted_names(keys.get());
  }
  Object* object = args.values[0];
  // A module's dir is its namespace (CPython's module.__dir__).
  if (is_exact(object, module_type)) return sorted_names(static_cast<Module*>(object)->dict.get());
  if (is_instance(object, type_type) && dir_is_objects(object->type))
    return class_dir(static_cast<Type*>(object));
  Object* method = type_lookup(object->type, intern_borrowed("__dir__"));
  if (!method) return raise(type_error_type, "object does not provide __dir__");
  Ref<> names = call(method, {object});
  if (!names) return nullptr;
  return sorted_names(names.get());
}

}  // namespace

const NativeMethod introspection_builtin_functions[] = {
    {"repr", repr_function},
    {"ascii", ascii_function},
    {"isinstance", isinstance_function},
    {"issubclass", issubclass_function},
    {"getattr", getattr_function},
    {"hasattr", hasattr_function},
    {"setattr", setattr_function},
    {"delattr", delattr_function},
    {"id", id_function},
    {"hash", hash_function},
    {"callable", callable_function},
    {"globals", globals_function},
    {"locals", locals_function},
    {"vars", vars_function},
    {"dir", dir_function},
    {nullptr, nullptr},
};

}  // namespace py
