// import_module (module.hpp): sys.modules first, then the registry of built-in modules
// (module_registry.hpp). A dotted name imports its parent first and becomes the parent's
// attribute, as CPython's import does. There is no file system import.
#include <optional>
#include <string>

#include "core/host/host.hpp"
#include "core/py/compiler/compiler.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/module.hpp"
#include "core/py/objects/module_registry.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/syntax/syntax_error.hpp"
#include "core/py/vm/execution.hpp"

namespace py {
namespace {

// Runs a module's Python part in its namespace. Module code cannot block here: an import
// runs inside the VM, and only the driver may wait (DESIGN decision 6).
int run_module_source(Module* module, const ModuleDefinition& definition) {
  std::string filename = std::string("<frozen ") + definition.name + ">";
  std::optional<std::string> source;
  if (definition.python_source) {
    source = definition.python_source;
  } else if (!(source = runtime().host->module_source(definition.name))) {
    raise_format(import_error_type, "the source of module '{}' could not be loaded",
                 definition.name);
    return -1;
  }
  CompileResult compiled = compile_source(*source, filename);
  if (compiled.error) {
    raise_format(system_error_type, "built-in module {} does not compile: {}", definition.name,
                 compiled.error->message);
    return -1;
  }
  runtime().sources[filename] = std::move(*source);
  Ref<> execution = start_module_execution(compiled.code.get(), module->dict.get());
  if (!execution) return -1;
  ResumeResult step = resume(execution.get(), &none_object);
  switch (step.status) {
    case ResumeStatus::returned:
      return 0;
    case ResumeStatus::raised:
      return -1;
    case ResumeStatus::yielded:
    case ResumeStatus::blocked:
      delete take_blocking_call();
      raise_format(runtime_error_type, "module {} blocked while being imported", definition.name);
      return -1;
  }
  return -1;
}

// Loads `name` from the registry into sys.modules; a failed import leaves no entry.
Ref<Module> load_module(std::string_view name) {
  const ModuleDefinition* definition = find_module_definition(name);
  if (!definition) {
    Ref<Str> missing = make_str(name);
    if (!missing) return nullptr;
    return raise_import_error(module_not_found_error_type,
                              format_message("No module named '{}'", name), missing.get());
  }
  Ref<Module> module = make_module(name);
  if (!module) return nullptr;
  Ref<Str> key = make_str(name);
  if (!key || dict_set(runtime().modules, key.get(), module.get()) < 0) return nullptr;
  bool loaded = (!definition->init || definition->init(module.get()) == 0) &&
                ((!definition->python_source && !definition->python_part_outside) ||
                 run_module_source(module.get(), *definition) == 0);
  if (!loaded) {
    Ref<> error = take_exception();
    if (dict_lookup(runtime().modules, key.get())) dict_delete(runtime().modules, key.get());
    set_exception(std::move(error));
    return nullptr;
  }
  // The module may have replaced itself in sys.modules.
  Object* stored = dict_lookup(runtime().modules, key.get());
  return Ref<Module>::borrow(static_cast<Module*>(stored ? stored : module.get()));
}

}  // namespace

Ref<Module> import_module(std::string_view name) {
  if (Object* loaded = dict_lookup_str(runtime().modules, name))
    return Ref<Module>::borrow(static_cast<Module*>(loaded));
  size_t dot = name.rfind('.');
  Ref<Module> parent;
  if (dot != std::string_view::npos) {
    parent = import_module(name.substr(0, dot));
    if (!parent) return nullptr;
    // Importing the parent may have imported this module too.
    if (Object* loaded = dict_lookup_str(runtime().modules, name))
      return Ref<Module>::borrow(static_cast<Module*>(loaded));
  }
  Ref<Module> module = load_module(name);
  if (!module || !parent) return module;
  Ref<Str> child = make_str(name.substr(dot + 1));
  if (!child || set_attribute(parent.get(), child.get(), module.get()) < 0) return nullptr;
  return module;
}

}  // namespace py
