// The builtins module: print, len, range, isinstance, ... and the builtin classes and
// exceptions by name. The Interpreter creates it once per run.
#pragma once

#include "core/py/objects/module.hpp"

namespace py {

// A new `builtins` module holding every builtin function, type and exception class.
Ref<Module> make_builtins_module();

}  // namespace py
