// Arbitrary-precision integers: the arithmetic behind Python's int once a value leaves
// int64_t (`2 ** 100` must be exact).
//
// Design: sign + magnitude in base 2**32 limbs, least significant first, no leading zero
// limbs (zero is an empty magnitude and never negative). Pure value type: no Python
// objects, no errors raised — operations that Python can refuse (division by zero, a
// negative shift count, a too-long string conversion) report it in their result and the
// caller raises the Python exception. Semantics are Python's: floor division and modulo
// round toward negative infinity, bitwise operations act on the infinite two's complement.
// Multiplication switches to Karatsuba above a threshold; conversion to decimal is
// quadratic, as in CPython, which is why CPython 3.11 (and we) refuse more than 4300
// decimal digits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace py {

class BigInt {
public:
  BigInt() = default;  // zero
  static BigInt from_int64(int64_t value);
  static BigInt from_uint64(uint64_t value);

  // Parses digits in `base` (2..36), as int(text, base) does after it has stripped
  // whitespace, sign, prefix and underscores: only digits valid in `base` are accepted.
  // nullopt when a character is not a digit of `base` or `digits` is empty.
  // No length limit here: the caller applies exceeds_max_str_digits first, as int() does.
  static std::optional<BigInt> parse_digits(std::string_view digits, int base);

  // CPython 3.11's limit on converting between int and str (sys.get_int_max_str_digits(),
  // default 4300): whether int(text, base) refuses `digit_count` digits (underscores not
  // counted, leading zeros counted). Bases that are powers of two are never limited; a
  // limit of 0 means no limit. Python: ValueError "Exceeds the limit (4300 digits) for
  // integer string conversion: value has N digits; ...".
  static constexpr size_t default_max_str_digits = 4300;
  static bool exceeds_max_str_digits(size_t digit_count, int base,
                                     size_t max_str_digits = default_max_str_digits);

  // The integer part of a finite double (truncation toward zero, as int(3.9) == 3).
  // Requires a finite value (Python raises for inf and nan before calling this); a
  // non-finite one gives zero.
  static BigInt from_double(double value);

  bool is_zero() const { return magnitude_.empty(); }
  bool is_negative() const { return negative_; }
  // -1, 0 or 1.
  int sign() const { return is_zero() ? 0 : (negative_ ? -1 : 1); }

  // The value when it fits in int64_t.
  std::optional<int64_t> to_int64() const;
  // Correctly rounded (round-half-even) conversion; nullopt when the magnitude is too
  // large for a double (Python: OverflowError "int too large to convert to float").
  std::optional<double> to_double() const;

  // Digits in `base` (2, 8, 10 or 16; lower-case letters), with a leading '-' when
  // negative and no prefix; nullopt for any other base. For base 10, nullopt when there
  // would be more than `max_decimal_digits` digits, the sign not counted (CPython 3.11's
  // int_max_str_digits; 0 means no limit). Python: ValueError "Exceeds the limit (4300
  // digits) for integer string conversion; use sys.set_int_max_str_digits() to increase
  // the limit".
  std::optional<std::string> to_string(int base = 10,
                                       size_t max_decimal_digits = default_max_str_digits) const;

  // Number of bits in the magnitude (int.bit_length()).
  uint64_t bit_length() const;

  // Python's hash of an int: the value modulo 2**61 - 1 with the sign applied, -1 mapped
  // to -2 (sys.hash_info: modulus 2305843009213693951).
  int64_t hash() const;

  friend int compare(const BigInt& a, const BigInt& b);  // -1, 0, 1
  friend bool operator==(const BigInt& a, const BigInt& b) { return compare(a, b) == 0; }

  friend BigInt operator-(const BigInt& a);
  friend BigInt abs(const BigInt& a);
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);

  // Floor division and modulo with Python's signs; nullopt when `divisor` is zero.
  struct DivMod;
  static std::optional<DivMod> divmod(const BigInt& dividend, const BigInt& divisor);

  // a ** exponent for exponent >= 0. The result is allocated: the caller refuses
  // exponents whose result it cannot hold (bit_length() * exponent).
  static BigInt pow(const BigInt& base, uint64_t exponent);
  // pow(base, exponent, modulus) for exponent >= 0; nullopt when modulus is zero.
  // The result has the sign of the modulus, as in Python.
  static std::optional<BigInt> pow_mod(const BigInt& base, const BigInt& exponent,
                                       const BigInt& modulus);

  // Shifts by a non-negative count; right shift floors (-5 >> 1 == -3). A left shift
  // allocates the result: the caller refuses counts whose result it cannot hold.
  friend BigInt operator<<(const BigInt& a, uint64_t count);
  friend BigInt operator>>(const BigInt& a, uint64_t count);
  // Two's complement bitwise operations on the infinite-precision values.
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  friend BigInt operator~(const BigInt& a);  // -(a + 1)

  // The magnitude's limbs, least significant first (for random.seed and hashing).
  const std::vector<uint32_t>& magnitude() const { return magnitude_; }
  static BigInt from_magnitude(std::vector<uint32_t> limbs, bool negative);

private:
  std::vector<uint32_t> magnitude_;  // base 2**32, least significant first, no leading zeros
  bool negative_ = false;            // never true for zero
};

struct BigInt::DivMod {
  BigInt quotient;   // floor(dividend / divisor)
  BigInt remainder;  // dividend - quotient * divisor; has the divisor's sign (or is zero)
};

}  // namespace py
