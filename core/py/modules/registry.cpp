// The registry of importable modules: the C++ modules' table below, merged with the
// modules written in Python (embedded_modules.hpp). A name may have both parts: the C++
// init runs first, then the Python source in the same namespace.
#include <string_view>
#include <vector>

#include "core/py/modules/asyncio_module.hpp"
#include "core/py/modules/embedded_modules.hpp"
#include "core/py/modules/http_module.hpp"
#include "core/py/modules/json_module.hpp"
#include "core/py/modules/math_module.hpp"
#include "core/py/modules/random_module.hpp"
#include "core/py/modules/sys_module.hpp"
#include "core/py/modules/time_module.hpp"
#include "core/py/objects/module_registry.hpp"

namespace py {
namespace {

// The modules written in C++: name, init. Python-only modules need no row here.
const ModuleDefinition native_modules[] = {
    {"_http", init_http_module, nullptr},
    {"asyncio", init_asyncio_module, nullptr},
    {"json", init_json_module, nullptr},
    {"math", init_math_module, nullptr},
    {"random", init_random_module, nullptr},
    {"sys", init_sys_module, nullptr},
    {"time", init_time_module, nullptr},
    {nullptr, nullptr, nullptr},
};

const std::vector<ModuleDefinition>& all_modules() {
  static const std::vector<ModuleDefinition> modules = [] {
    std::vector<ModuleDefinition> rows;
    for (const ModuleDefinition* row = native_modules; row->name; ++row) rows.push_back(*row);
    for (const EmbeddedModule* embedded = embedded_modules; embedded->name; ++embedded) {
      bool merged = false;
      for (ModuleDefinition& row : rows) {
        if (std::string_view(row.name) == embedded->name) {
          row.python_source = embedded->source;
          row.python_part_outside = !embedded->source;
          merged = true;
        }
      }
      if (!merged) {
        rows.push_back(
            ModuleDefinition{embedded->name, nullptr, embedded->source, !embedded->source});
      }
    }
    return rows;
  }();
  return modules;
}

}  // namespace

const ModuleDefinition* find_module_definition(std::string_view name) {
  for (const ModuleDefinition& row : all_modules())
    if (name == row.name) return &row;
  return nullptr;
}

}  // namespace py
