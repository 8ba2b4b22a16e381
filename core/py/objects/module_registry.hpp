// The registry of importable modules, looked up by import_module() (module.cpp).
// Defined by the modules' table (core/py/modules/registry.cpp), whose owner fills it.
#pragma once

#include <string_view>

#include "core/py/objects/module.hpp"

namespace py {

// The definition of the built-in module named `name` ("asyncio", "collections.abc"), or
// null when there is none. Cannot fail.
const ModuleDefinition* find_module_definition(std::string_view name);

}  // namespace py
