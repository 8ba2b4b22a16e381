// The builtin functions, grouped by theme, one NativeMethod table per file
// (builtins_core.cpp, ...). make_builtins_module() installs every table listed by
// builtin_function_tables().
#pragma once

#include <vector>

#include "core/py/objects/native_function.hpp"

namespace py {

extern const NativeMethod core_builtin_functions[];       // builtins_core.cpp
extern const NativeMethod io_builtin_functions[];         // builtins_io.cpp
extern const NativeMethod introspection_builtin_functions[];  // builtins_introspection.cpp
extern const NativeMethod number_builtin_functions[];     // builtins_numbers.cpp
extern const NativeMethod iteration_builtin_functions[];  // builtins_iteration.cpp

// Every table, in installation order.
std::vector<const NativeMethod*> builtin_function_tables();

}  // namespace py
