// Module objects and the registry of importable modules.
//
// Built-in modules are written in C++ (an init function filling the module's dict) or in
// Python (source embedded in the binary, compiled on first import), listed in one table
// (modules/registry.cpp). `import x` consults sys.modules, then the registry; there is no
// file system import.
#pragma once

#include <string_view>

#include "core/py/objects/object.hpp"

namespace py {

struct Module : Object {
  Ref<Dict> dict;  // the module's namespace (__name__, __doc__, functions, ...)
};

extern Type module_type;

// A new module named `name` with an empty namespace holding __name__.
Ref<Module> make_module(std::string_view name);

// A C++ module's init: fills `module`'s dict; -1 on error.
using ModuleInit = int (*)(Module* module);

struct ModuleDefinition {
  const char* name;           // import name ("asyncio", "collections.abc")
  ModuleInit init;            // C++ part, or null
  const char* python_source;  // Python part (run after init, in the module's dict), or null
  // A Python part the binary leaves out (python_source is null): the host gives it
  // (host::Host::module_source). Only the web build leaves them out.
  bool python_part_outside = false;
};

// The module named `name`: from sys.modules, or loaded from the registry and stored there.
// Raises ModuleNotFoundError "No module named 'x'" for unknown names.
Ref<Module> import_module(std::string_view name);

}  // namespace py
