// Module objects: a namespace dict reached through attribute access, with module-level
// __getattr__ (PEP 562) and CPython's reprs and AttributeError text.
#include "core/py/objects/module.hpp"

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type module_type = builtin_type<Module>("module");

Ref<Module> make_module(std::string_view name) {
  Ref<Module> module = make_object<Module>(&module_type);
  if (!module) return nullptr;
  module->dict = make_dict();
  if (!module->dict) return nullptr;
  Ref<Str> module_name = make_str(name);
  if (!module_name) return nullptr;
  Dict* dict = module->dict.get();
  if (dict_set_str(dict, "__name__", module_name.get()) < 0) return nullptr;
  for (const char* attribute : {"__doc__", "__package__", "__loader__", "__spec__"})
    if (dict_set_str(dict, attribute, &none_object) < 0) return nullptr;
  return module;
}

namespace {

Module* as_module(Object* object) { return static_cast<Module*>(object); }

std::string module_name(Module* module) {
  Object* name = module->dict ? dict_lookup_str(module->dict.get(), "__name__") : nullptr;
  return name && is_str(name) ? static_cast<Str*>(name)->value : "?";
}

// Attributes: the class's descriptors and the module dict (object's generic lookup), then
// the module's own __getattr__ (PEP 562).
Ref<> module_get_attribute(Object* self, Str* name) {
  Ref<> value = generic_get_attribute_or_missing(self, name);
  if (value || exception_pending()) return value;
  Module* module = as_module(self);
  if (Object* hook = dict_lookup_str(module->dict.get(), "__getattr__")) return call(hook, {name});
  return raise_attribute_error(
      self, name,
      format_message("module '{}' has no attribute '{}'", module_name(module), name->value));
}

// "<module 'math' (built-in)>", "<module '__main__' from 'main.py'>"
Ref<> module_repr(Object* self) {
  Module* module = as_module(self);
  std::string name = module_name(module);
  Object* file = dict_lookup_str(module->dict.get(), "__file__");
  if (file && is_str(file))
    return make_str(
        format_message("<module '{}' from '{}'>", name, static_cast<Str*>(file)->value));
  return make_str(format_message("<module '{}' (built-in)>", name));
}

// types.ModuleType(name, doc=None)
Ref<> module_new(Type*, CallArgs args) {
  Object* arguments[2];
  if (!parse_arguments("module", args, {"name", "doc"}, 1, arguments)) return nullptr;
  if (!is_str(arguments[0]))
    return raise_format(type_error_type, "module.__init__() argument 'name' must be str, not {}",
                        type_name(arguments[0]->type));
  Ref<Module> module = make_module(static_cast<Str*>(arguments[0])->value);
  if (module && arguments[1] && dict_set_str(module->dict.get(), "__doc__", arguments[1]) < 0)
    return nullptr;
  return module;
}

int module_init(Object*, CallArgs) { return 0; }

}  // namespace

int ready_module_type() {
  module_type.new_instance = module_new;
  module_type.init = module_init;
  module_type.repr = module_repr;
  module_type.get_attribute = module_get_attribute;
  module_type.set_attribute = generic_set_attribute;
  Module probe;
  module_type.dict_offset = size_t(reinterpret_cast<unsigned char*>(&probe.dict) -
                                   reinterpret_cast<unsigned char*>(&probe));
  return ready_type(module_type);
}

}  // namespace py
