// Division of magnitudes by Knuth's algorithm D (TAOCP vol. 2, 4.3.1), in the shape of
// Hacker's Delight's divmnu: the divisor is normalized so that its top limb has its high
// bit set, then each quotient limb is estimated from the top two limbs of the running
// remainder and the top two of the divisor, which is exact or one too large after the
// correction loop; the rare "one too large" is fixed by adding the divisor back.
//
// Cost: quadratic in the operand sizes (as CPython 3.11's), which is why conversion to a
// decimal string, built on repeated division, is limited to 4300 digits.
#include <algorithm>

#include "core/py/objects/bigint_limbs.hpp"

namespace py::limbs {

void divide(const Limbs& dividend, const Limbs& divisor, Limbs& quotient, Limbs& remainder) {
  if (compare(dividend, divisor) < 0) {
    quotient.clear();
    remainder = dividend;
    return;
  }
  if (divisor.size() == 1) {
    quotient = dividend;
    uint32_t rest = divide_by_limb(quotient, divisor[0]);
    remainder.clear();
    if (rest != 0) remainder.push_back(rest);
    return;
  }
  constexpr uint64_t base = uint64_t{1} << bits_per_limb;
  size_t divisor_size = divisor.size();
  size_t quotient_size = dividend.size() - divisor_size + 1;
  unsigned normalize_shift = static_cast<unsigned>(__builtin_clz(divisor.back()));

  // normalized_divisor = divisor << normalize_shift, same number of limbs.
  Limbs normalized_divisor(divisor_size);
  // running = dividend << normalize_shift, with one more limb for the top.
  Limbs running(dividend.size() + 1);
  if (normalize_shift == 0) {
    normalized_divisor = divisor;
    std::copy(dividend.begin(), dividend.end(), running.begin());
    running.back() = 0;
  } else {
    unsigned back_shift = bits_per_limb - normalize_shift;
    for (size_t index = divisor_size - 1; index > 0; --index) {
      normalized_divisor[index] =
          (divisor[index] << normalize_shift) | (divisor[index - 1] >> back_shift);
    }
    normalized_divisor[0] = divisor[0] << normalize_shift;
    running.back() = dividend.back() >> back_shift;
    for (size_t index = dividend.size() - 1; index > 0; --index) {
      running[index] = (dividend[index] << normalize_shift) | (dividend[index - 1] >> back_shift);
    }
    running[0] = dividend[0] << normalize_shift;
  }

  const uint64_t divisor_top = normalized_divisor[divisor_size - 1];
  const uint64_t divisor_next = normalized_divisor[divisor_size - 2];
  const uint32_t* divisor_limbs = normalized_divisor.data();
  quotient.assign(quotient_size, 0);
  for (size_t position = quotient_size; position-- > 0;) {
    uint32_t* window = running.data() + position;  // window[0, divisor_size] is divided
    uint64_t top_two = (uint64_t{window[divisor_size]} << bits_per_limb) | window[divisor_size - 1];
    uint64_t estimate = top_two / divisor_top;
    uint64_t estimate_remainder = top_two % divisor_top;
    while (estimate >= base || estimate * divisor_next > ((estimate_remainder << bits_per_limb) |
                                                          window[divisor_size - 2])) {
      --estimate;
      estimate_remainder += divisor_top;
      if (estimate_remainder >= base) break;
    }

    // window -= estimate * divisor
    uint64_t carry = 0;
    uint64_t borrow = 0;
    for (size_t index = 0; index < divisor_size; ++index) {
      uint64_t product = estimate * divisor_limbs[index] + carry;
      carry = product >> bits_per_limb;
      uint64_t step = uint64_t{window[index]} - static_cast<uint32_t>(product) - borrow;
      window[index] = static_cast<uint32_t>(step);
      borrow = step >> 63;
    }
    uint64_t top = uint64_t{window[divisor_size]} - carry - borrow;
    window[divisor_size] = static_cast<uint32_t>(top);

    if ((top >> 63) != 0) {  // the estimate was one too large: add the divisor back
      --estimate;
      uint64_t add_carry = 0;
      for (size_t index = 0; index < divisor_size; ++index) {
        add_carry += uint64_t{window[index]} + divisor_limbs[index];
        window[index] = static_cast<uint32_t>(add_carry);
        add_carry >>= bits_per_limb;
      }
      window[divisor_size] = static_cast<uint32_t>(window[divisor_size] + add_carry);
    }
    quotient[position] = static_cast<uint32_t>(estimate);
  }
  trim(quotient);

  // The remainder is the low divisor_size limbs of running, shifted back.
  remainder.assign(divisor_size, 0);
  for (size_t index = 0; index < divisor_size; ++index) {
    uint32_t high = running[index + 1];
    remainder[index] = normalize_shift == 0 ? running[index]
                                            : (running[index] >> normalize_shift) |
                                                  (high << (bits_per_limb - normalize_shift));
  }
  trim(remainder);
}

}  // namespace py::limbs
