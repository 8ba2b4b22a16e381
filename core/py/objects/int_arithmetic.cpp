// int's binary operators (+ - * / // % ** << >> & | ^), divmod() and three-argument pow().
//
// Design: each operator first tries int64_t with the compiler's overflow checks and falls
// back to BigInt when the result leaves int64_t; true division is CPython's
// long_true_divide, correctly rounded for ints of any size. A result that would need more
// bits than the run's heap cap allows (2 ** 10**12, 1 << 10**12) raises MemoryError up
// front instead of trying to allocate it — CPython would try, and fail the same way later.
#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>

#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/number_support.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {
namespace {

Int* as_int(Object* object) { return static_cast<Int*>(object); }

bool is_negative(const Int* number) {
  return number->big ? number->big->is_negative() : number->value < 0;
}
bool is_zero(const Int* number) { return !number->big && number->value == 0; }

uint64_t magnitude_bits(const Int* number) {
  if (number->big) return number->big->bit_length();
  uint64_t magnitude = number->value < 0 ? 0 - uint64_t(number->value) : uint64_t(number->value);
  return magnitude == 0 ? 0 : 64 - __builtin_clzll(magnitude);
}

// False after raising MemoryError when a result of `bits` bits cannot fit in the heap cap.
bool result_fits(uint64_t bits) {
  if (bits / 8 <= runtime().heap_limit) return true;
  raise_memory_error();
  return false;
}

Ref<> from_bigint(BigInt value) { return make_int(std::move(value)); }

// Floor division and modulo of int64 values; false when the quotient overflows
// (INT64_MIN // -1). `divisor` is not zero.
bool floor_divide_small(int64_t dividend, int64_t divisor, int64_t* quotient, int64_t* remainder) {
  if (divisor == -1) {
    if (dividend == INT64_MIN) return false;
    *quotient = -dividend;
    *remainder = 0;
    return true;
  }
  int64_t q = dividend / divisor;
  int64_t r = dividend % divisor;
  if (r != 0 && ((r < 0) != (divisor < 0))) {
    q -= 1;
    r += divisor;
  }
  *quotient = q;
  *remainder = r;
  return true;
}

Ref<> int_add(const Int* a, const Int* b) {
  int64_t result;
  if (!a->big && !b->big && !__builtin_add_overflow(a->value, b->value, &result))
    return make_int(result);
  return from_bigint(int_to_bigint(a) + int_to_bigint(b));
}

Ref<> int_subtract(const Int* a, const Int* b) {
  int64_t result;
  if (!a->big && !b->big && !__builtin_sub_overflow(a->value, b->value, &result))
    return make_int(result);
  return from_bigint(int_to_bigint(a) - int_to_bigint(b));
}

Ref<> int_multiply(const Int* a, const Int* b) {
  int64_t result;
  if (!a->big && !b->big && !__builtin_mul_overflow(a->value, b->value, &result))
    return make_int(result);
  if (!result_fits(magnitude_bits(a) + magnitude_bits(b))) return nullptr;
  return from_bigint(int_to_bigint(a) * int_to_bigint(b));
}

// Quotient and/or remainder; null after raising `zero_message` for a zero divisor.
Ref<> int_floor_divide_or_modulo(const Int* a, const Int* b, bool want_quotient,
                                 const char* zero_message) {
  if (is_zero(b)) return raise(zero_division_error_type, zero_message);
  int64_t quotient, remainder;
  if (!a->big && !b->big && floor_divide_small(a->value, b->value, &quotient, &remainder))
    return make_int(want_quotient ? quotient : remainder);
  std::optional<BigInt::DivMod> result = BigInt::divmod(int_to_bigint(a), int_to_bigint(b));
  return from_bigint(want_quotient ? std::move(result->quotient) : std::move(result->remainder));
}

// a ** b for b >= 0.
Ref<> int_power_non_negative(const Int* a, const Int* b) {
  if (!a->big && a->value >= -1 && a->value <= 1) {
    if (a->value != -1) return make_int(is_zero(b) ? 1 : a->value);
    bool odd = b->big ? (b->big->magnitude()[0] & 1) != 0 : (b->value & 1) != 0;
    return make_int(odd ? -1 : 1);
  }
  if (b->big) {
    raise_memory_error();
    return nullptr;
  }
  uint64_t exponent = uint64_t(b->value);
  if (!a->big) {
    // Square-and-multiply in int64 while nothing overflows.
    int64_t result = 1, square = a->value;
    uint64_t remaining = exponent;
    bool overflow = false;
    while (remaining != 0 && !overflow) {
      if ((remaining & 1) != 0) overflow = __builtin_mul_overflow(result, square, &result);
      remaining >>= 1;
      if (remaining != 0 && !overflow) overflow = __builtin_mul_overflow(square, square, &square);
    }
    if (!overflow) return make_int(result);
  }
  uint64_t base_bits = magnitude_bits(a);
  if (exponent > UINT64_MAX / base_bits || !result_fits(base_bits * exponent)) {
    if (!exception_pending()) raise_memory_error();
    return nullptr;
  }
  return from_bigint(BigInt::pow(int_to_bigint(a), exponent));
}

Ref<> int_power(const Int* a, const Int* b) {
  if (!is_negative(b)) return int_power_non_negative(a, b);
  double base, exponent;
  if (!int_to_double(a, &base) || !int_to_double(b, &exponent)) return nullptr;
  return float_power(base, exponent);
}

// The shift count, or -1 after raising ValueError "negative shift count"; a count beyond
// int64_t is INT64_MAX.
int64_t shift_count(const Int* count) {
  if (is_negative(count)) {
    raise(value_error_type, "negative shift count");
    return -1;
  }
  return count->big ? INT64_MAX : count->value;
}

Ref<> int_left_shift(const Int* a, const Int* b) {
  int64_t count = shift_count(b);
  if (count < 0) return nullptr;
  if (is_zero(a)) return make_int(0);
  // CPython's limit on an int's size (2**61 digits of 30 bits) comes before its memory.
  if (b->big && compare(*b->big, BigInt::from_int64(30) << 61) >= 0)
    return raise(overflow_error_type, "too many digits in integer");
  if (b->big) {
    raise_memory_error();
    return nullptr;
  }
  if (!a->big && count < 63) {
    int64_t shifted = int64_t(uint64_t(a->value) << count);
    if ((shifted >> count) == a->value) return make_int(shifted);
  }
  if (!result_fits(magnitude_bits(a) + uint64_t(count))) return nullptr;
  return from_bigint(int_to_bigint(a) << uint64_t(count));
}

Ref<> int_right_shift(const Int* a, const Int* b) {
  int64_t count = shift_count(b);
  if (count < 0) return nullptr;
  if (uint64_t(count) >= magnitude_bits(a)) return make_int(is_negative(a) ? -1 : 0);
  if (!a->big) return make_int(a->value >> count);
  return from_bigint(*a->big >> uint64_t(count));
}

Ref<> int_bitwise(const Int* a, const Int* b, BinaryOp op) {
  if (!a->big && !b->big) {
    switch (op) {
      case BinaryOp::bit_and: return make_int(a->value & b->value);
      case BinaryOp::bit_or: return make_int(a->value | b->value);
      default: return make_int(a->value ^ b->value);
    }
  }
  BigInt left = int_to_bigint(a), right = int_to_bigint(b);
  switch (op) {
    case BinaryOp::bit_and: return from_bigint(left & right);
    case BinaryOp::bit_or: return from_bigint(left | right);
    default: return from_bigint(left ^ right);
  }
}

Ref<> int_operation(const Int* a, const Int* b, BinaryOp op) {
  switch (op) {
    case BinaryOp::add: return int_add(a, b);
    case BinaryOp::subtract: return int_subtract(a, b);
    case BinaryOp::multiply: return int_multiply(a, b);
    case BinaryOp::true_divide: return int_true_divide(a, b);
    case BinaryOp::floor_divide:
      return int_floor_divide_or_modulo(a, b, true, "integer division or modulo by zero");
    case BinaryOp::modulo: return int_floor_divide_or_modulo(a, b, false, "integer modulo by zero");
    case BinaryOp::power: return int_power(a, b);
    case BinaryOp::left_shift: return int_left_shift(a, b);
    case BinaryOp::right_shift: return int_right_shift(a, b);
    case BinaryOp::bit_and:
    case BinaryOp::bit_or:
    case BinaryOp::bit_xor: return int_bitwise(a, b, op);
    default: return not_implemented();
  }
}

// One slot function per operator, so that a subclass overriding one reflected method is
// told apart from int by slot identity (abstract_numbers.cpp).
template <BinaryOp op>
Ref<> int_binary_slot(Object* self, Object* other, bool reflected) {
  if (!is_int(other)) return not_implemented();
  Int* left = as_int(reflected ? other : self);
  Int* right = as_int(reflected ? self : other);
  return int_operation(left, right, op);
}

// The modular inverse of `value` modulo `modulus` (> 0), by the extended Euclidean
// algorithm; nullopt when they are not coprime.
std::optional<BigInt> modular_inverse(const BigInt& value, const BigInt& modulus) {
  BigInt previous_remainder = BigInt::divmod(value, modulus)->remainder;
  BigInt remainder = modulus;
  BigInt previous_coefficient = BigInt::from_int64(1), coefficient;
  while (!remainder.is_zero()) {
    BigInt quotient = BigInt::divmod(previous_remainder, remainder)->quotient;
    BigInt next_remainder = previous_remainder - quotient * remainder;
    previous_remainder = std::move(remainder);
    remainder = std::move(next_remainder);
    BigInt next_coefficient = previous_coefficient - quotient * coefficient;
    previous_coefficient = std::move(coefficient);
    coefficient = std::move(next_coefficient);
  }
  if (!(previous_remainder == BigInt::from_int64(1))) return std::nullopt;
  return BigInt::divmod(previous_coefficient, modulus)->remainder;
}

}  // namespace

Ref<> int_true_divide(const Int* left, const Int* right) {
  if (is_zero(right)) return raise(zero_division_error_type, "division by zero");
  constexpr int64_t exact_limit = int64_t(1) << DBL_MANT_DIG;
  if (!left->big && !right->big && left->value >= -exact_limit && left->value <= exact_limit &&
      right->value >= -exact_limit && right->value <= exact_limit)
    return make_float(double(left->value) / double(right->value));
  bool negative = is_negative(left) != is_negative(right);
  BigInt dividend = abs(int_to_bigint(left));
  BigInt divisor = abs(int_to_bigint(right));
  if (dividend.is_zero()) return make_float(negative ? -0.0 : 0.0);
  // 2**(difference-1) <= dividend/divisor < 2**(difference+1).
  int64_t difference = int64_t(dividend.bit_length()) - int64_t(divisor.bit_length());
  if (difference > DBL_MAX_EXP)
    return raise(overflow_error_type, "integer division result too large for a float");
  if (difference < DBL_MIN_EXP - DBL_MANT_DIG - 1) return make_float(negative ? -0.0 : 0.0);
  // Scale so that the quotient has DBL_MANT_DIG + 2 or + 3 bits (fewer for subnormal
  // results), keeping track of whether anything was lost (the sticky bit).
  int64_t shift = std::max<int64_t>(difference, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  bool inexact = false;
  if (shift <= 0) {
    dividend = dividend << uint64_t(-shift);
  } else {
    BigInt shifted = dividend >> uint64_t(shift);
    inexact = !((shifted << uint64_t(shift)) == dividend);
    dividend = std::move(shifted);
  }
  std::optional<BigInt::DivMod> division = BigInt::divmod(dividend, divisor);
  if (!division->remainder.is_zero()) inexact = true;
  int64_t quotient_bits = int64_t(division->quotient.bit_length());
  uint64_t quotient = uint64_t(*division->quotient.to_int64());
  // Round half to even at the bit that becomes the double's last, using the sticky bit.
  int64_t extra_bits = std::max<int64_t>(quotient_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  uint64_t mask = uint64_t(1) << (extra_bits - 1);
  uint64_t low = quotient | uint64_t(inexact);
  if ((low & mask) != 0 && (low & (3 * mask - 1)) != 0) low += mask;
  low &= ~(2 * mask - 1);
  double rounded = double(low);
  if (shift + quotient_bits >= DBL_MAX_EXP &&
      (shift + quotient_bits > DBL_MAX_EXP || rounded == std::ldexp(1.0, int(quotient_bits))))
    return raise(overflow_error_type, "integer division result too large for a float");
  double result = std::ldexp(rounded, int(shift));
  return make_float(negative ? -result : result);
}

Ref<> power_with_modulus(Object* base, Object* exponent, Object* modulus) {
  if (is_int(base) && is_int(exponent) && is_int(modulus)) {
    BigInt modulus_value = int_to_bigint(as_int(modulus));
    if (modulus_value.is_zero()) return raise(value_error_type, "pow() 3rd argument cannot be 0");
    BigInt base_value = int_to_bigint(as_int(base));
    BigInt exponent_value = int_to_bigint(as_int(exponent));
    if (exponent_value.is_negative()) {
      std::optional<BigInt> inverse = modular_inverse(base_value, abs(modulus_value));
      if (!inverse) return raise(value_error_type, "base is not invertible for the given modulus");
      base_value = std::move(*inverse);
      exponent_value = -exponent_value;
    }
    return from_bigint(*BigInt::pow_mod(base_value, exponent_value, modulus_value));
  }
  auto is_number = [](Object* o) { return is_int(o) || is_float(o); };
  if (is_number(base) && is_number(exponent) && is_number(modulus))
    return raise(type_error_type, "pow() 3rd argument not allowed unless all arguments are integers");
  return not_implemented();
}

Ref<> number_divmod(Object* left, Object* right) {
  if (is_int(left) && is_int(right)) {
    const Int* a = as_int(left);
    const Int* b = as_int(right);
    if (is_zero(b)) return raise(zero_division_error_type, "integer division or modulo by zero");
    int64_t quotient, remainder;
    if (!a->big && !b->big && floor_divide_small(a->value, b->value, &quotient, &remainder)) {
      Ref<> q = make_int(quotient), r = make_int(remainder);
      if (!q || !r) return nullptr;
      return make_tuple({q.get(), r.get()});
    }
    std::optional<BigInt::DivMod> result = BigInt::divmod(int_to_bigint(a), int_to_bigint(b));
    Ref<> q = from_bigint(std::move(result->quotient));
    Ref<> r = from_bigint(std::move(result->remainder));
    if (!q || !r) return nullptr;
    return make_tuple({q.get(), r.get()});
  }
  if ((is_int(left) || is_float(left)) && (is_int(right) || is_float(right))) {
    double a, b;
    if (!to_double(left, &a) || !to_double(right, &b)) return nullptr;
    return float_divmod(a, b);
  }
  return not_implemented();
}

void install_int_operators(Type& type) {
  type.binary[size_t(BinaryOp::add)] = int_binary_slot<BinaryOp::add>;
  type.binary[size_t(BinaryOp::subtract)] = int_binary_slot<BinaryOp::subtract>;
  type.binary[size_t(BinaryOp::multiply)] = int_binary_slot<BinaryOp::multiply>;
  type.binary[size_t(BinaryOp::true_divide)] = int_binary_slot<BinaryOp::true_divide>;
  type.binary[size_t(BinaryOp::floor_divide)] = int_binary_slot<BinaryOp::floor_divide>;
  type.binary[size_t(BinaryOp::modulo)] = int_binary_slot<BinaryOp::modulo>;
  type.binary[size_t(BinaryOp::power)] = int_binary_slot<BinaryOp::power>;
  type.binary[size_t(BinaryOp::left_shift)] = int_binary_slot<BinaryOp::left_shift>;
  type.binary[size_t(BinaryOp::right_shift)] = int_binary_slot<BinaryOp::right_shift>;
  type.binary[size_t(BinaryOp::bit_and)] = int_binary_slot<BinaryOp::bit_and>;
  type.binary[size_t(BinaryOp::bit_or)] = int_binary_slot<BinaryOp::bit_or>;
  type.binary[size_t(BinaryOp::bit_xor)] = int_binary_slot<BinaryOp::bit_xor>;
}

Ref<> int_binary_operation(Object* left, Object* right, BinaryOp op) {
  return int_operation(as_int(left), as_int(right), op);
}

}  // namespace py
