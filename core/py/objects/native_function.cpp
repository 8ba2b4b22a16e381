// Native functions and method descriptors (native_function.hpp) and the argument checks
// native code shares, with CPython's TypeError texts.
#include "core/py/objects/native_function.hpp"

#include <string_view>

#include "core/py/objects/descriptors.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/module.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type native_function_type = builtin_type<NativeFunction>("builtin_function_or_method", 0);
Type method_descriptor_type =
    builtin_type<NativeFunction>("method_descriptor", type_flag_method_descriptor);
// A MethodKind::class_ row in a type's dict: binds to the class (dict.fromkeys).
Type classmethod_descriptor_type = builtin_type<NativeFunction>("classmethod_descriptor", 0);

namespace {

NativeFunction* as_native(Object* object) { return static_cast<NativeFunction*>(object); }

Ref<NativeFunction> make_bound(const NativeMethod* method, Object* self, Type* owner) {
  Ref<NativeFunction> function = make_object<NativeFunction>(&native_function_type);
  if (!function) return nullptr;
  function->method = method;
  function->self = Ref<>::borrow(self);
  function->owner = owner;
  return function;
}

Ref<> native_call(Object* callable, CallArgs args) {
  NativeFunction* function = as_native(callable);
  return function->method->implementation(function->self.get(), args);
}

// list.append(lst, x): the first argument is the instance.
Ref<> method_descriptor_call(Object* callable, CallArgs args) {
  NativeFunction* descriptor = as_native(callable);
  const char* owner = type_name(descriptor->owner);
  if (args.positional_count() < 1)
    return raise_format(type_error_type, "unbound method {}.{}() needs an argument", owner,
                        descriptor->method->name);
  Object* self = args.values[0];
  if (!is_instance(self, *descriptor->owner))
    return raise_format(type_error_type,
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        descriptor->method->name, owner, type_name(self->type));
  return descriptor->method->implementation(
      self, CallArgs{args.values + 1, args.count - 1, args.keyword_names});
}

Ref<> method_descriptor_get(Object* self, Object* instance, Type*) {
  NativeFunction* descriptor = as_native(self);
  if (!instance) return Ref<>::borrow(self);
  if (!is_instance(instance, *descriptor->owner))
    return raise_format(
        type_error_type, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        descriptor->method->name, type_name(descriptor->owner), type_name(instance->type));
  return make_bound(descriptor->method, instance, descriptor->owner);
}

// dict.__dict__['fromkeys'](dict, ...): the first argument is the class.
Ref<> class_method_descriptor_call(Object* callable, CallArgs args) {
  NativeFunction* descriptor = as_native(callable);
  if (args.positional_count() < 1 || !is_instance(args.values[0], type_type) ||
      !is_subtype(static_cast<Type*>(args.values[0]), descriptor->owner))
    return raise_format(type_error_type, "descriptor '{}' for type '{}' needs a subtype of '{}'",
                        descriptor->method->name, type_name(descriptor->owner),
                        type_name(descriptor->owner));
  return descriptor->method->implementation(
      args.values[0], CallArgs{args.values + 1, args.count - 1, args.keyword_names});
}

Ref<> class_method_descriptor_get(Object* self, Object* instance, Type* owner) {
  NativeFunction* descriptor = as_native(self);
  Type* cls = owner ? owner : instance->type;
  return make_bound(descriptor->method, cls, descriptor->owner);
}

// "<built-in function len>", "<built-in method append of list object at 0x...>".
Ref<> native_repr(Object* self) {
  NativeFunction* function = as_native(self);
  Object* bound = function->self.get();
  if (!bound || is_instance(bound, module_type))
    return make_str(format_message("<built-in function {}>", function->method->name));
  return make_str(format_message("<built-in method {} of {} object at {}>", function->method->name,
                                 type_name(bound->type), static_cast<const void*>(bound)));
}

Ref<> method_descriptor_repr(Object* self) {
  NativeFunction* descriptor = as_native(self);
  return make_str(format_message("<method '{}' of '{}' objects>", descriptor->method->name,
                                 type_name(descriptor->owner)));
}

Ref<> native_get_name(Object* self) {
  return make_str(std::string_view(as_native(self)->method->name));
}

// "list.append" for methods, "len" for module functions.
Ref<> native_get_qualified_name(Object* self) {
  NativeFunction* function = as_native(self);
  Object* bound = function->self.get();
  if (function->owner)
    return make_str(
        format_message("{}.{}", type_qualified_name(function->owner), function->method->name));
  if (bound && !is_instance(bound, module_type))
    return make_str(
        format_message("{}.{}", type_qualified_name(bound->type), function->method->name));
  return native_get_name(self);
}

Ref<> native_get_self(Object* self) {
  Object* bound = as_native(self)->self.get();
  return bound ? Ref<>::borrow(bound) : none();
}

Ref<> native_get_doc(Object*) { return none(); }

const GetSetDefinition native_getsets[] = {
    {"__name__", native_get_name, nullptr},
    {"__qualname__", native_get_qualified_name, nullptr},
    {"__self__", native_get_self, nullptr},
    {"__doc__", native_get_doc, nullptr},
    {nullptr, nullptr, nullptr},
};

const char* plural(size_t count) { return count == 1 ? "" : "s"; }

}  // namespace

Ref<NativeFunction> make_native_function(const NativeMethod* method, Object* self) {
  return make_bound(method, self, nullptr);
}

void install_methods(Type& type, const NativeMethod* methods) {
  if (!type.dict) {
    Ref<Dict> dict = make_dict();
    if (!dict) return;
    type.dict = dict.release();
  }
  for (const NativeMethod* row = methods; row->name; ++row) {
    Ref<> entry;
    if (row->kind == MethodKind::static_) {
      Ref<NativeFunction> function = make_bound(row, nullptr, &type);
      if (function) entry = make_staticmethod(function.get());
    } else {
      Type* descriptor_type =
          row->kind == MethodKind::class_ ? &classmethod_descriptor_type : &method_descriptor_type;
      Ref<NativeFunction> descriptor = make_object<NativeFunction>(descriptor_type);
      if (descriptor) {
        descriptor->method = row;
        descriptor->owner = &type;
        entry = std::move(descriptor);
      }
    }
    if (!entry) return;
    if (dict_set(type.dict, intern_borrowed(row->name), entry.get()) < 0) return;
  }
}

bool parse_arguments(const char* function_name, CallArgs args,
                     std::initializer_list<const char*> names, size_t required, Object** out,
                     size_t positional_only) {
  size_t parameter_count = names.size();
  size_t positional = args.positional_count();
  if (args.count > parameter_count) {
    raise_format(type_error_type, "{}() takes at most {} {}argument{} ({} given)", function_name,
                 parameter_count, positional == 0 ? "keyword " : "", plural(parameter_count),
                 args.count);
    return false;
  }
  for (size_t i = 0; i < parameter_count; ++i) out[i] = i < positional ? args.values[i] : nullptr;
  for (size_t k = 0; k < args.keyword_count(); ++k) {
    Object* key = args.keyword_names->items[k].get();
    std::string_view keyword = static_cast<Str*>(key)->value;
    size_t index = 0;
    while (index < parameter_count && keyword != names.begin()[index]) ++index;
    if (index == parameter_count) {
      raise_format(type_error_type, "{}() got an unexpected keyword argument '{}'", function_name,
                   keyword);
      return false;
    }
    if (index < positional_only) {
      raise_format(type_error_type,
                   "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                   function_name, keyword);
      return false;
    }
    if (out[index]) {
      raise_format(type_error_type, "argument for {}() given by name ('{}') and position ({})",
                   function_name, keyword, index + 1);
      return false;
    }
    out[index] = args.values[positional + k];
  }
  for (size_t i = 0; i < required; ++i) {
    if (out[i]) continue;
    raise_format(type_error_type, "{}() missing required argument '{}' (pos {})", function_name,
                 names.begin()[i], i + 1);
    return false;
  }
  return true;
}

bool check_positional(const char* function_name, CallArgs args, size_t minimum, size_t maximum) {
  if (args.keyword_names && tuple_size(args.keyword_names) > 0) {
    raise_format(type_error_type, "{}() takes no keyword arguments", function_name);
    return false;
  }
  size_t count = args.count;
  if (count >= minimum && count <= maximum) return true;
  if (maximum == 0) {
    raise_format(type_error_type, "{}() takes no arguments ({} given)", function_name, count);
  } else if (minimum == 1 && maximum == 1) {
    raise_format(type_error_type, "{}() takes exactly one argument ({} given)", function_name,
                 count);
  } else if (count < minimum) {
    raise_format(type_error_type, "{} expected {}{} argument{}, got {}", function_name,
                 minimum == maximum ? "" : "at least ", minimum, plural(minimum), count);
  } else {
    raise_format(type_error_type, "{} expected {}{} argument{}, got {}", function_name,
                 minimum == maximum ? "" : "at most ", maximum, plural(maximum), count);
  }
  return false;
}

int ready_native_function_types() {
  native_function_type.call = native_call;
  native_function_type.repr = native_repr;
  method_descriptor_type.call = method_descriptor_call;
  method_descriptor_type.descriptor_get = method_descriptor_get;
  method_descriptor_type.repr = method_descriptor_repr;
  classmethod_descriptor_type.call = class_method_descriptor_call;
  classmethod_descriptor_type.descriptor_get = class_method_descriptor_get;
  classmethod_descriptor_type.repr = method_descriptor_repr;
  for (Type* type :
       {&native_function_type, &method_descriptor_type, &classmethod_descriptor_type}) {
    if (install_getsets(*type, native_getsets) < 0) return -1;
    if (ready_type(*type) < 0) return -1;
  }
  return 0;
}

}  // namespace py
