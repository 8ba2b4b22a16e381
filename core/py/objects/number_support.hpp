// What the int and float files (int.cpp, int_arithmetic.cpp, int_methods.cpp, int_bytes.cpp,
// float.cpp, float_methods.cpp) share and nothing else needs: the pieces of one type's behaviour
// that the other type's operators call (int ** -1 is a float power; float < int compares
// exactly against the int), and each file's part of readying the types.
// Internal to core/py/objects.
#pragma once

#include <cstdint>

#include "core/py/objects/float_repr.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/object.hpp"

namespace py {

// Raises the exception a pure formatting/parsing function (float_repr.hpp,
// format_spec.hpp) asked for. Always returns null.
std::nullptr_t raise_number_error(const NumberError& error);

// CPython's float_pow for two doubles: ZeroDivisionError "0.0 cannot be raised to a
// negative power", OverflowError "(34, 'Numerical result out of range')"; a result
// CPython gives as a complex number raises ValueError "complex numbers are not supported".
Ref<> float_power(double base, double exponent);

// left / right for two ints, correctly rounded (CPython's long_true_divide): ZeroDivisionError
// "division by zero", OverflowError "integer division result too large for a float".
Ref<> int_true_divide(const Int* left, const Int* right);

// divmod(left, right) for two doubles (CPython's float_divmod): a (floor quotient,
// remainder) tuple of floats; ZeroDivisionError "float divmod()".
Ref<> float_divmod(double left, double right);

// Sets int's binary operator slots on `type` (int_arithmetic.cpp).
void install_int_operators(Type& type);
// left op right for two ints (bool included): what int's slots compute.
Ref<> int_binary_operation(Object* left, Object* right, BinaryOp op);

// Compares an int with a non-NaN double exactly (no rounding of the int): -1, 0 or 1.
int compare_int_with_double(const Int* number, double value);

// The result of a comparison whose three-way outcome is `order` (-1, 0, 1).
bool compare_order(int order, CompareOp op);

// Builds the ints' method table, getsets and bool's operators (int_methods.cpp); the
// int/bool/float ready steps (int.cpp, float.cpp). 0, or -1 on error.
int install_int_methods();
void install_int_bytes_methods();  // int_bytes.cpp: to_bytes, from_bytes
int install_bool_operators();
int install_float_methods();
int ready_float_type();

}  // namespace py
