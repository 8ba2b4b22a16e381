// int and bool: arbitrary-precision integers with an int64_t fast path.
//
// Design: an Int holds its value in `value` while it fits in int64_t and in a BigInt
// (bigint.hpp) otherwise; every operation tries the int64 path with overflow checks first.
// Small ints (-5..256) are preallocated, as in CPython, so loop counters do not allocate.
// bool is a subclass with exactly two instances.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "core/py/objects/bigint.hpp"
#include "core/py/objects/object.hpp"

namespace py {

struct Int : Object {
  int64_t value = 0;             // the value, when `big` is null
  std::unique_ptr<BigInt> big;   // the value when it does not fit in int64_t, else null
};

extern Type int_type;
extern Type bool_type;
extern Int true_object;
extern Int false_object;

inline bool is_int(const Object* object) {
  return object->type == &int_type || object->type == &bool_type ||
         (object->type->flags & type_flag_int_subclass);
}

// The preallocated ints -5..256 (int.cpp), shared by every run.
constexpr int64_t smallest_cached_int = -5;
constexpr int64_t largest_cached_int = 256;
struct SmallInts {
  Int values[largest_cached_int - smallest_cached_int + 1];  // values[i]: smallest + i
  constexpr SmallInts();
};
extern SmallInts small_ints;

// An int of `value` outside the cache's range (make_int's slow path).
Ref<Int> make_uncached_int(int64_t value);
inline Ref<Int> make_int(int64_t value) {
  if (value >= smallest_cached_int && value <= largest_cached_int)
    return Ref<Int>::borrow(&small_ints.values[value - smallest_cached_int]);
  return make_uncached_int(value);
}
Ref<Int> make_int(BigInt value);  // normalized: stored in `value` when it fits
inline Ref<> make_bool(bool truth) {
  return Ref<>::borrow(truth ? &true_object : &false_object);
}

// The value if it fits in int64_t.
inline bool int_to_int64(const Int* number, int64_t* out) {
  if (number->big) return false;
  *out = number->value;
  return true;
}
// The value as a BigInt (copy).
BigInt int_to_bigint(const Int* number);

// float(number): correctly rounded; false after raising OverflowError "int too large to
// convert to float".
bool int_to_double(const Int* number, double* out);

// int(value) for a float: truncates toward zero; null after raising OverflowError "cannot
// convert float infinity to integer" or ValueError "cannot convert float NaN to integer".
Ref<Int> int_from_double(double value);

// hash(number), CPython's: the value modulo 2**61 - 1 with its sign, -1 mapped to -2.
int64_t int_hash(const Int* number);

// An int subclass instance (or a bool) as an exact int of the same value (int(x) of one).
Ref<Int> exact_int(Int* number);

// repr() of an int, and so its str(): the decimal digits. Null after raising ValueError
// past the 4300-digit limit.
Ref<Str> int_to_decimal(const Int* number);

// Numbers and strings as int(text, base) reads them: `text` (UTF-8) in `base` (0 or
// 2..36); `text_repr` is repr() of the original object for the error message. Null after
// raising ValueError ("invalid literal for int() with base 10: 'abc'", the 4300-digit
// limit).
Ref<Int> int_from_text(std::string_view text, int base, std::string_view text_repr);

// pow(base, exponent, modulus), the three-argument form of the builtin: for three ints the
// modular power (a negative exponent takes the modular inverse, as Python 3.8+;
// ValueError "pow() 3rd argument cannot be 0", "base is not invertible for the given
// modulus"); TypeError "pow() 3rd argument not allowed unless all arguments are integers"
// when a float is among ints and floats; NotImplemented (no exception) for any other
// operand types, for the caller to try __pow__ or to raise its TypeError.
Ref<> power_with_modulus(Object* base, Object* exponent, Object* modulus);

// divmod(left, right) for ints and floats (bool included): a (quotient, remainder) tuple;
// ZeroDivisionError "integer division or modulo by zero" / "float divmod()".
// NotImplemented (no exception) for other operand types.
Ref<> number_divmod(Object* left, Object* right);

}  // namespace py
