// BigInt conversions (bigint.hpp): digit strings in both directions and double.
//
// Design: bases that are powers of two move bits directly (linear time, never limited, as
// in CPython); decimal output rebuilds the value in base 10**9, and input in any other
// base multiplies by base**k and adds k digits at a time, both quadratic like CPython
// 3.11, which is why int <-> str is refused above 4300 digits. Double conversion keeps the
// top 64 bits with a sticky bit for everything below them and lets the hardware's
// uint64_t -> double conversion round half to even, then scales by a power of two.
#include <cmath>

#include "core/py/objects/bigint.hpp"
#include "core/py/objects/bigint_limbs.hpp"

namespace py {

namespace {

constexpr uint32_t decimal_chunk = 1000000000;  // 10**9, the largest power of 10 in a limb
constexpr int decimal_chunk_digits = 9;

// The value of a digit character in bases up to 36, or 36 when it is not a digit.
int digit_value(char character) {
  if (character >= '0' && character <= '9') return character - '0';
  if (character >= 'a' && character <= 'z') return character - 'a' + 10;
  if (character >= 'A' && character <= 'Z') return character - 'A' + 10;
  return 36;
}

bool is_power_of_two(int base) { return (base & (base - 1)) == 0; }

// CPython's conversion: the base 10**9 chunks are rebuilt from the top limb down as
// chunks = chunks * 2**32 + limb. Carrying the quotient (not the remainder) from chunk to
// chunk keeps one multiply on the loop's critical path, about twice as fast as dividing
// the magnitude by 10**9 repeatedly.
std::string decimal_string(const limbs::Limbs& magnitude) {
  std::vector<uint32_t> chunks;  // base 10**9, least significant first
  chunks.reserve(magnitude.size() * 32 / 29 + 1);
  for (size_t limb_index = magnitude.size(); limb_index-- > 0;) {
    uint64_t carry = magnitude[limb_index];
    for (uint32_t& chunk : chunks) {
      uint64_t shifted = (uint64_t{chunk} << 32) | carry;  // < 10**9 * 2**32
      carry = shifted / decimal_chunk;
      chunk = static_cast<uint32_t>(shifted - carry * decimal_chunk);
    }
    while (carry != 0) {
      chunks.push_back(static_cast<uint32_t>(carry % decimal_chunk));
      carry /= decimal_chunk;
    }
  }
  std::string text = std::to_string(chunks.back());
  for (size_t index = chunks.size() - 1; index-- > 0;) {
    char digits[decimal_chunk_digits];
    uint32_t chunk = chunks[index];
    for (int position = decimal_chunk_digits; position-- > 0;) {
      digits[position] = static_cast<char>('0' + chunk % 10);
      chunk /= 10;
    }
    text.append(digits, decimal_chunk_digits);
  }
  return text;
}

// Digits of a magnitude in base 2**bits_per_digit, most significant first.
std::string power_of_two_string(const limbs::Limbs& magnitude, int bits_per_digit) {
  static constexpr char digit_characters[] = "0123456789abcdef";
  uint64_t bit_count = limbs::bit_length(magnitude);
  uint64_t digit_count = (bit_count + bits_per_digit - 1) / bits_per_digit;
  std::string text;
  text.reserve(static_cast<size_t>(digit_count));
  uint32_t mask = (uint32_t{1} << bits_per_digit) - 1;
  for (uint64_t digit = digit_count; digit-- > 0;) {
    uint64_t first_bit = digit * bits_per_digit;
    size_t limb_index = static_cast<size_t>(first_bit / 32);
    unsigned offset = static_cast<unsigned>(first_bit % 32);
    uint32_t bits = magnitude[limb_index] >> offset;
    if (offset + bits_per_digit > 32 && limb_index + 1 < magnitude.size()) {
      bits |= magnitude[limb_index + 1] << (32 - offset);
    }
    text += digit_characters[bits & mask];
  }
  return text;
}

}  // namespace

bool BigInt::exceeds_max_str_digits(size_t digit_count, int base, size_t max_str_digits) {
  return max_str_digits != 0 && !is_power_of_two(base) && digit_count > max_str_digits;
}

std::optional<std::string> BigInt::to_string(int base, size_t max_decimal_digits) const {
  if (base != 2 && base != 8 && base != 10 && base != 16) return std::nullopt;
  if (is_zero()) return std::string("0");
  std::string text;
  if (base == 10) {
    // A value of n bits has at least floor((n - 1) * log10(2)) + 1 digits: refuse before
    // the quadratic conversion when even that is too many (0.30102999 < log10(2)).
    uint64_t minimum_digits =
        static_cast<uint64_t>(static_cast<double>(bit_length() - 1) * 0.30102999) + 1;
    if (max_decimal_digits != 0 && minimum_digits > max_decimal_digits) return std::nullopt;
    text = decimal_string(magnitude_);
    if (max_decimal_digits != 0 && text.size() > max_decimal_digits) return std::nullopt;
  } else {
    text = power_of_two_string(magnitude_, __builtin_ctz(static_cast<unsigned>(base)));
  }
  if (negative_) text.insert(text.begin(), '-');
  return text;
}

std::optional<BigInt> BigInt::parse_digits(std::string_view digits, int base) {
  if (digits.empty() || base < 2 || base > 36) return std::nullopt;
  for (char character : digits) {
    if (digit_value(character) >= base) return std::nullopt;
  }
  limbs::Limbs magnitude;
  if (is_power_of_two(base)) {
    int bits_per_digit = __builtin_ctz(static_cast<unsigned>(base));
    uint64_t accumulator = 0;  // bits not yet stored, fewer than 32 + bits_per_digit
    int accumulated_bits = 0;
    for (size_t index = digits.size(); index-- > 0;) {
      accumulator |= static_cast<uint64_t>(digit_value(digits[index])) << accumulated_bits;
      accumulated_bits += bits_per_digit;
      if (accumulated_bits >= 32) {
        magnitude.push_back(static_cast<uint32_t>(accumulator));
        accumulator >>= 32;
        accumulated_bits -= 32;
      }
    }
    if (accumulated_bits > 0) magnitude.push_back(static_cast<uint32_t>(accumulator));
    return from_magnitude(std::move(magnitude), false);
  }
  // Groups of chunk_digits digits: the largest count whose base**count fits in a limb.
  int chunk_digits = 0;
  uint64_t chunk_scale = 1;
  while (chunk_scale * static_cast<uint64_t>(base) <= UINT32_MAX) {
    chunk_scale *= static_cast<uint64_t>(base);
    ++chunk_digits;
  }
  size_t first_group = digits.size() % static_cast<size_t>(chunk_digits);
  if (first_group == 0) first_group = static_cast<size_t>(chunk_digits);
  size_t position = 0;
  while (position < digits.size()) {
    size_t group = position == 0 ? first_group : static_cast<size_t>(chunk_digits);
    uint32_t chunk = 0;
    uint32_t scale = 1;
    for (size_t index = 0; index < group; ++index) {
      chunk = chunk * static_cast<uint32_t>(base) +
              static_cast<uint32_t>(digit_value(digits[position + index]));
      scale *= static_cast<uint32_t>(base);
    }
    limbs::multiply_add(magnitude, scale, chunk);
    position += group;
  }
  return from_magnitude(std::move(magnitude), false);
}

std::optional<double> BigInt::to_double() const {
  uint64_t bit_count = bit_length();
  if (bit_count > 1024) return std::nullopt;  // at least 2**1024: beyond the largest double
  double value;
  if (bit_count <= 64) {
    uint64_t magnitude = 0;
    for (size_t index = magnitude_.size(); index-- > 0;) {
      magnitude = (magnitude << 32) | magnitude_[index];
    }
    value = static_cast<double>(magnitude);  // rounds half to even
  } else {
    // The top 64 bits keep 11 bits below a double's 53; setting the lowest of them when
    // any discarded bit is set makes "exactly half" and "just above half" differ, so the
    // single rounding of the conversion is the correct rounding of the whole value.
    uint64_t discarded = bit_count - 64;
    limbs::Limbs top = limbs::shift_right(magnitude_, discarded);
    uint64_t top_bits = (uint64_t{top[1]} << 32) | top[0];
    if (limbs::any_low_bit_set(magnitude_, discarded)) top_bits |= 1;
    value = std::ldexp(static_cast<double>(top_bits), static_cast<int>(discarded));
  }
  if (std::isinf(value)) return std::nullopt;
  return negative_ ? -value : value;
}

BigInt BigInt::from_double(double value) {
  if (!std::isfinite(value)) return BigInt();
  double integer_part = std::trunc(value);
  int exponent = 0;
  double fraction = std::frexp(std::fabs(integer_part), &exponent);  // |x| = fraction * 2**exponent
  if (exponent <= 0) return BigInt();
  // 53 significant bits as an integer, then scaled by the remaining power of two.
  uint64_t mantissa = static_cast<uint64_t>(std::ldexp(fraction, 53));
  int scale = exponent - 53;
  BigInt result = from_uint64(mantissa);
  result = scale >= 0 ? result << static_cast<uint64_t>(scale)
                      : BigInt::from_uint64(mantissa >> static_cast<unsigned>(-scale));
  result.negative_ = value < 0 && !result.is_zero();
  return result;
}

}  // namespace py
