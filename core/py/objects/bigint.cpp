// BigInt construction, comparison, arithmetic, powers and hashing (bigint.hpp): the sign
// handling of Python's int over the unsigned magnitudes of bigint_limbs.hpp. Shifts and
// bitwise operations are in bigint_bitwise.cpp, conversions in bigint_convert.cpp.
#include "core/py/objects/bigint.hpp"

#include <utility>

#include "core/py/objects/bigint_limbs.hpp"

namespace py {

namespace {

// |value| mod (2**61 - 1), CPython's sys.hash_info.modulus.
constexpr uint64_t hash_modulus = (uint64_t{1} << 61) - 1;
constexpr int hash_bits = 61;

}  // namespace

BigInt BigInt::from_magnitude(std::vector<uint32_t> limbs, bool negative) {
  limbs::trim(limbs);
  BigInt result;
  result.negative_ = negative && !limbs.empty();
  result.magnitude_ = std::move(limbs);
  return result;
}

BigInt BigInt::from_uint64(uint64_t value) {
  std::vector<uint32_t> limbs;
  if (value != 0) limbs.push_back(static_cast<uint32_t>(value));
  if ((value >> 32) != 0) limbs.push_back(static_cast<uint32_t>(value >> 32));
  return from_magnitude(std::move(limbs), false);
}

BigInt BigInt::from_int64(int64_t value) {
  uint64_t magnitude =
      value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  BigInt result = from_uint64(magnitude);
  result.negative_ = value < 0;
  return result;
}

std::optional<int64_t> BigInt::to_int64() const {
  if (magnitude_.size() > 2) return std::nullopt;
  uint64_t magnitude = 0;
  if (!magnitude_.empty()) magnitude = magnitude_[0];
  if (magnitude_.size() == 2) magnitude |= uint64_t{magnitude_[1]} << 32;
  constexpr uint64_t int64_max = static_cast<uint64_t>(INT64_MAX);
  if (!negative_) {
    if (magnitude > int64_max) return std::nullopt;
    return static_cast<int64_t>(magnitude);
  }
  if (magnitude > int64_max + 1) return std::nullopt;
  // -magnitude computed in uint64_t and converted back: well defined since C++20.
  return static_cast<int64_t>(uint64_t{0} - magnitude);
}

uint64_t BigInt::bit_length() const { return limbs::bit_length(magnitude_); }

int64_t BigInt::hash() const {
  // Horner's rule from the top limb, each step multiplying by 2**32 modulo 2**61 - 1, which
  // is a 61-bit rotation because 2**61 == 1 modulo 2**61 - 1.
  uint64_t residue = 0;
  for (size_t index = magnitude_.size(); index-- > 0;) {
    residue = ((residue << 32) & hash_modulus) | (residue >> (hash_bits - 32));
    residue += magnitude_[index];
    if (residue >= hash_modulus) residue -= hash_modulus;
  }
  int64_t hash = negative_ ? -static_cast<int64_t>(residue) : static_cast<int64_t>(residue);
  return hash == -1 ? -2 : hash;
}

int compare(const BigInt& a, const BigInt& b) {
  if (a.negative_ != b.negative_) return a.negative_ ? -1 : 1;
  int magnitude_order = limbs::compare(a.magnitude_, b.magnitude_);
  return a.negative_ ? -magnitude_order : magnitude_order;
}

BigInt operator-(const BigInt& a) { return BigInt::from_magnitude(a.magnitude_, !a.negative_); }

BigInt abs(const BigInt& a) { return BigInt::from_magnitude(a.magnitude_, false); }

BigInt operator+(const BigInt& a, const BigInt& b) {
  if (a.negative_ == b.negative_) {
    return BigInt::from_magnitude(limbs::add(a.magnitude_, b.magnitude_), a.negative_);
  }
  // Opposite signs: the larger magnitude wins and gives its sign.
  if (limbs::compare(a.magnitude_, b.magnitude_) >= 0) {
    return BigInt::from_magnitude(limbs::subtract(a.magnitude_, b.magnitude_), a.negative_);
  }
  return BigInt::from_magnitude(limbs::subtract(b.magnitude_, a.magnitude_), b.negative_);
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
  return BigInt::from_magnitude(limbs::multiply(a.magnitude_, b.magnitude_),
                                a.negative_ != b.negative_);
}

std::optional<BigInt::DivMod> BigInt::divmod(const BigInt& dividend, const BigInt& divisor) {
  if (divisor.is_zero()) return std::nullopt;
  limbs::Limbs quotient;
  limbs::Limbs remainder;
  limbs::divide(dividend.magnitude_, divisor.magnitude_, quotient, remainder);
  // Truncated division first, then floor: when the signs differ and the division is not
  // exact, the quotient goes one further from zero and the remainder takes the divisor's
  // sign (remainder = |divisor| - truncated remainder).
  bool signs_differ = dividend.negative_ != divisor.negative_;
  if (signs_differ && !remainder.empty()) {
    quotient = limbs::add(quotient, limbs::Limbs{1});
    remainder = limbs::subtract(divisor.magnitude_, remainder);
  }
  return DivMod{from_magnitude(std::move(quotient), signs_differ),
                from_magnitude(std::move(remainder), divisor.negative_)};
}

BigInt BigInt::pow(const BigInt& base, uint64_t exponent) {
  bool negative = base.negative_ && (exponent & 1) != 0;
  if (exponent == 0) return from_uint64(1);
  if (base.is_zero()) return BigInt();
  // A power of two is a shift: 2 ** 100000 without any multiplication.
  const std::vector<uint32_t>& limbs_of_base = base.magnitude_;
  uint32_t top = limbs_of_base.back();
  bool power_of_two = (top & (top - 1)) == 0 &&
                      !limbs::any_low_bit_set(limbs_of_base, (limbs_of_base.size() - 1) * 32);
  if (power_of_two) {
    uint64_t log2 = base.bit_length() - 1;
    return from_magnitude(limbs::shift_left(limbs::Limbs{1}, log2 * exponent), negative);
  }
  // Left-to-right binary exponentiation: square for each bit, multiply for each set bit.
  limbs::Limbs result = limbs_of_base;
  for (int bit = 62 - __builtin_clzll(exponent); bit >= 0; --bit) {
    result = limbs::multiply(result, result);
    if (((exponent >> bit) & 1) != 0) result = limbs::multiply(result, limbs_of_base);
  }
  return from_magnitude(std::move(result), negative);
}

std::optional<BigInt> BigInt::pow_mod(const BigInt& base, const BigInt& exponent,
                                      const BigInt& modulus) {
  if (modulus.is_zero()) return std::nullopt;
  const limbs::Limbs& modulus_limbs = modulus.magnitude_;
  limbs::Limbs quotient;
  auto reduce = [&](const limbs::Limbs& value) {
    limbs::Limbs remainder;
    limbs::divide(value, modulus_limbs, quotient, remainder);
    return remainder;
  };
  // Everything below is modulo |modulus|, non-negative; the sign is applied at the end.
  limbs::Limbs reduced_base = reduce(base.magnitude_);
  if (base.negative_ && !reduced_base.empty()) {
    reduced_base = limbs::subtract(modulus_limbs, reduced_base);
  }
  limbs::Limbs result = reduce(limbs::Limbs{1});
  // Fixed 4-bit windows over the exponent, from the top: four squarings, then one multiply
  // by a precomputed power reduced_base ** window.
  constexpr int window_bits = 4;
  limbs::Limbs powers[1 << window_bits];
  powers[0] = result;
  for (int index = 1; index < (1 << window_bits); ++index) {
    powers[index] = reduce(limbs::multiply(powers[index - 1], reduced_base));
  }
  const limbs::Limbs& exponent_limbs = exponent.magnitude_;
  for (size_t limb_index = exponent_limbs.size(); limb_index-- > 0;) {
    for (int shift = 32 - window_bits; shift >= 0; shift -= window_bits) {
      unsigned window = (exponent_limbs[limb_index] >> shift) & ((1u << window_bits) - 1);
      for (int square = 0; square < window_bits; ++square) {
        result = reduce(limbs::multiply(result, result));
      }
      if (window != 0) result = reduce(limbs::multiply(result, powers[window]));
    }
  }
  if (modulus.negative_ && !result.empty()) {
    result = limbs::subtract(modulus_limbs, result);
    return from_magnitude(std::move(result), true);
  }
  return from_magnitude(std::move(result), false);
}

}  // namespace py
