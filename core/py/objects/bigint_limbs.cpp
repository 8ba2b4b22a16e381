// Linear-time operations on magnitudes: comparison, addition, subtraction, shifts and
// single-limb multiply/divide (contracts in bigint_limbs.hpp). Multiplication and
// division by a magnitude have their own files.
#include "core/py/objects/bigint_limbs.hpp"

namespace py::limbs {

void trim(Limbs& value) {
  while (!value.empty() && value.back() == 0) value.pop_back();
}

int compare(const Limbs& a, const Limbs& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t index = a.size(); index-- > 0;) {
    if (a[index] != b[index]) return a[index] < b[index] ? -1 : 1;
  }
  return 0;
}

Limbs add(const Limbs& a, const Limbs& b) {
  const Limbs& longer = a.size() >= b.size() ? a : b;
  const Limbs& shorter = a.size() >= b.size() ? b : a;
  Limbs sum(longer.size() + 1);
  uint64_t carry = 0;
  size_t index = 0;
  for (; index < shorter.size(); ++index) {
    carry += uint64_t{longer[index]} + shorter[index];
    sum[index] = static_cast<uint32_t>(carry);
    carry >>= bits_per_limb;
  }
  for (; index < longer.size(); ++index) {
    carry += longer[index];
    sum[index] = static_cast<uint32_t>(carry);
    carry >>= bits_per_limb;
  }
  sum[index] = static_cast<uint32_t>(carry);
  trim(sum);
  return sum;
}

Limbs subtract(const Limbs& a, const Limbs& b) {
  Limbs difference(a.size());
  uint64_t borrow = 0;  // 0 or 1
  size_t index = 0;
  for (; index < b.size(); ++index) {
    uint64_t step = uint64_t{a[index]} - b[index] - borrow;
    difference[index] = static_cast<uint32_t>(step);
    borrow = step >> 63;
  }
  for (; index < a.size(); ++index) {
    uint64_t step = uint64_t{a[index]} - borrow;
    difference[index] = static_cast<uint32_t>(step);
    borrow = step >> 63;
  }
  trim(difference);
  return difference;
}

void multiply_add(Limbs& value, uint32_t factor, uint32_t addend) {
  uint64_t carry = addend;
  for (uint32_t& limb : value) {
    carry += uint64_t{limb} * factor;
    limb = static_cast<uint32_t>(carry);
    carry >>= bits_per_limb;
  }
  if (carry != 0) value.push_back(static_cast<uint32_t>(carry));
  trim(value);
}

uint32_t divide_by_limb(Limbs& value, uint32_t divisor) {
  uint64_t remainder = 0;
  for (size_t index = value.size(); index-- > 0;) {
    uint64_t current = (remainder << bits_per_limb) | value[index];
    value[index] = static_cast<uint32_t>(current / divisor);
    remainder = current % divisor;
  }
  trim(value);
  return static_cast<uint32_t>(remainder);
}

Limbs shift_left(const Limbs& value, uint64_t count) {
  if (value.empty()) return {};
  size_t limb_shift = static_cast<size_t>(count / bits_per_limb);
  unsigned bit_shift = static_cast<unsigned>(count % bits_per_limb);
  Limbs shifted(value.size() + limb_shift + 1, 0);
  if (bit_shift == 0) {
    for (size_t index = 0; index < value.size(); ++index)
      shifted[index + limb_shift] = value[index];
  } else {
    uint32_t carry = 0;
    for (size_t index = 0; index < value.size(); ++index) {
      shifted[index + limb_shift] = (value[index] << bit_shift) | carry;
      carry = value[index] >> (bits_per_limb - bit_shift);
    }
    shifted[value.size() + limb_shift] = carry;
  }
  trim(shifted);
  return shifted;
}

Limbs shift_right(const Limbs& value, uint64_t count) {
  uint64_t limb_shift = count / bits_per_limb;
  if (limb_shift >= value.size()) return {};
  unsigned bit_shift = static_cast<unsigned>(count % bits_per_limb);
  size_t first = static_cast<size_t>(limb_shift);
  Limbs shifted(value.size() - first);
  if (bit_shift == 0) {
    for (size_t index = 0; index < shifted.size(); ++index) shifted[index] = value[index + first];
  } else {
    for (size_t index = 0; index < shifted.size(); ++index) {
      uint32_t high = index + first + 1 < value.size() ? value[index + first + 1] : 0;
      shifted[index] = (value[index + first] >> bit_shift) | (high << (bits_per_limb - bit_shift));
    }
  }
  trim(shifted);
  return shifted;
}

bool any_low_bit_set(const Limbs& value, uint64_t count) {
  uint64_t whole_limbs = count / bits_per_limb;
  for (size_t index = 0; index < value.size() && index < whole_limbs; ++index) {
    if (value[index] != 0) return true;
  }
  unsigned bit_count = static_cast<unsigned>(count % bits_per_limb);
  if (bit_count == 0 || whole_limbs >= value.size()) return false;
  return (value[static_cast<size_t>(whole_limbs)] & ((uint32_t{1} << bit_count) - 1)) != 0;
}

uint64_t bit_length(const Limbs& value) {
  if (value.empty()) return 0;
  return uint64_t{value.size() - 1} * bits_per_limb +
         static_cast<uint64_t>(bits_per_limb - __builtin_clz(value.back()));
}

}  // namespace py::limbs
