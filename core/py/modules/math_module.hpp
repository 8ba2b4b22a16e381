// The math module (CPython 3.11's Modules/mathmodule.c): the float functions and constants
// in math_module.cpp, the exact integer functions (factorial, gcd, comb, isqrt, floor, ...)
// in math_integers.cpp. Both follow CPython's special-value rules and its messages ("math
// domain error", "math range error", "factorial() not defined for negative values").
#pragma once

#include "core/py/objects/module.hpp"
#include "core/py/objects/native_function.hpp"

namespace py {

// math.floor, ceil, trunc, factorial, gcd, lcm, comb, perm, isqrt, prod (math_integers.cpp).
extern const NativeMethod math_integer_functions[];

// Fills the math module: constants, then both tables of functions. -1 on error.
int init_math_module(Module* module);

}  // namespace py
