// Doubles to decimal text exactly as CPython 3.11 writes them: repr(float) (which str()
// shares), the digits behind format() and the % operator, and round(x, n).
//
// Design: CPython runs David Gay's dtoa in three modes (shortest round-trip, N significant
// digits, N digits after the point) and lays the digits out in format_float_short
// (Python/pystrtod.c). We get the same digit strings without dtoa, from the C library's
// snprintf("%.*e" / "%.*f"), which glibc and musl compute exactly, ties to even, as dtoa
// does, and its strtod: correctly rounded digits directly, and the shortest round-trip
// digits (dtoa's mode 0) as the first of the 15-, 16- and 17-digit roundings that strtod
// reads back as the same double (shortest_digits in the .cpp says why that suffices).
// The layout code is a port of format_float_short. Cost: a printf call or three per
// formatted number, slower than dtoa for large precisions; the recorded CPython cases in
// tests/unit/data/format_cases.txt keep the digits honest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace py {

// The Python exception a formatting or parsing function asks its caller to raise; these
// functions create no Python objects.
enum class NumberErrorType { value_error, type_error, overflow_error };

struct NumberError {
  NumberErrorType type;  // which exception class to raise
  std::string message;   // its message, exactly as CPython words it
};

// Flags of PyOS_double_to_string (Py_DTSF_*), combined with |.
enum DoubleToStringFlags : unsigned {
  double_to_string_plain = 0,
  double_to_string_sign = 1,                // always write a sign ('+' for non-negative)
  double_to_string_add_dot_0 = 2,           // an integral result without exponent gets ".0"
  double_to_string_alternate = 4,           // '#': keep the point and, for 'g', trailing zeros
  double_to_string_no_negative_zero = 8,    // 'z': a result that rounds to zero loses its '-'
};

// PyOS_double_to_string: `value` in `format_code` 'e', 'E', 'f', 'F', 'g', 'G' with
// `precision` (>= 0: digits after the point for e/f, significant digits for g, where 0
// means 1), or 'r' (repr's shortest round-trip digits; `precision` is ignored). Infinities
// and NaN come out as "inf"/"nan" ("INF"/"NAN" for upper-case codes), NaN without a sign.
// Any other `format_code` gives an empty string.
std::string double_to_string(double value, char format_code, int precision, unsigned flags);

// repr(value) and str(value): the shortest digits that read back as `value`, as '123.0',
// '1e+16', '1e-05', '0.0001', 'inf', '-inf', 'nan', '-0.0'. Exponent form when the
// decimal exponent is below -4 or above 15.
std::string float_repr(double value);

// round(value, ndigits) for a float: the double nearest to the exact decimal rounding
// (half to even, on the exact binary value) of `value` to `ndigits` places (negative:
// tens, hundreds...). NaN and infinities return themselves; ndigits > 323 returns `value`;
// ndigits < -308 returns a zero with the sign of `value`. nullopt when the result
// overflows (Python: OverflowError "rounded value too large to represent").
// Callers holding an int larger than int64_t for ndigits clip it to the int64 range, as
// CPython clips to Py_ssize_t.
std::optional<double> round_float(double value, int64_t ndigits);

// round(value) with no ndigits: the nearest integer, halves to even, as a double (the
// caller converts to int and raises for NaN/infinity).
double round_half_even(double value);

}  // namespace py
