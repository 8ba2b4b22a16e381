// Shifts and bitwise operations of BigInt (bigint.hpp) with Python's semantics on the
// infinite two's complement: -5 >> 1 == -3, -1 & 0xff == 0xff, ~x == -(x + 1).
//
// Design: BigInt stores sign and magnitude, so & | ^ convert each operand to two's
// complement over one limb more than the longer magnitude (the extra limb holds the sign,
// which extends to infinity), combine limb by limb, and convert back. Cost: two copies
// per operation, even for non-negative operands, where CPython avoids them; linear time.
#include <algorithm>

#include "core/py/objects/bigint.hpp"
#include "core/py/objects/bigint_limbs.hpp"

namespace py {

namespace {

// `value` as `size` limbs of two's complement; `size` exceeds the magnitude's length.
limbs::Limbs to_twos_complement(const BigInt& value, size_t size) {
  limbs::Limbs bits(size, 0);
  std::copy(value.magnitude().begin(), value.magnitude().end(), bits.begin());
  if (value.is_negative()) {
    uint64_t carry = 1;  // -m == ~m + 1
    for (uint32_t& limb : bits) {
      carry += static_cast<uint32_t>(~limb);
      limb = static_cast<uint32_t>(carry);
      carry >>= 32;
    }
  }
  return bits;
}

// The value of `bits` read as two's complement (its top bit is the sign).
BigInt from_twos_complement(limbs::Limbs bits) {
  bool negative = (bits.back() >> 31) != 0;
  if (negative) {
    uint64_t carry = 1;
    for (uint32_t& limb : bits) {
      carry += static_cast<uint32_t>(~limb);
      limb = static_cast<uint32_t>(carry);
      carry >>= 32;
    }
  }
  return BigInt::from_magnitude(std::move(bits), negative);
}

template <typename Combine>
BigInt combine_bits(const BigInt& a, const BigInt& b, Combine combine) {
  size_t size = std::max(a.magnitude().size(), b.magnitude().size()) + 1;
  limbs::Limbs a_bits = to_twos_complement(a, size);
  limbs::Limbs b_bits = to_twos_complement(b, size);
  for (size_t index = 0; index < size; ++index) {
    a_bits[index] = combine(a_bits[index], b_bits[index]);
  }
  return from_twos_complement(std::move(a_bits));
}

}  // namespace

BigInt operator<<(const BigInt& a, uint64_t count) {
  return BigInt::from_magnitude(limbs::shift_left(a.magnitude_, count), a.negative_);
}

BigInt operator>>(const BigInt& a, uint64_t count) {
  limbs::Limbs shifted = limbs::shift_right(a.magnitude_, count);
  // Floor for negatives: -m >> k == -((m >> k) + 1) when a set bit was shifted out.
  if (a.negative_ && limbs::any_low_bit_set(a.magnitude_, count)) {
    shifted = limbs::add(shifted, limbs::Limbs{1});
  }
  return BigInt::from_magnitude(std::move(shifted), a.negative_);
}

BigInt operator&(const BigInt& a, const BigInt& b) {
  return combine_bits(a, b, [](uint32_t x, uint32_t y) { return x & y; });
}

BigInt operator|(const BigInt& a, const BigInt& b) {
  return combine_bits(a, b, [](uint32_t x, uint32_t y) { return x | y; });
}

BigInt operator^(const BigInt& a, const BigInt& b) {
  return combine_bits(a, b, [](uint32_t x, uint32_t y) { return x ^ y; });
}

BigInt operator~(const BigInt& a) {
  // ~a == -(a + 1): for a >= 0 that is -(|a| + 1); for a < 0 it is |a| - 1.
  if (!a.negative_) return BigInt::from_magnitude(limbs::add(a.magnitude_, limbs::Limbs{1}), true);
  return BigInt::from_magnitude(limbs::subtract(a.magnitude_, limbs::Limbs{1}), false);
}

}  // namespace py
