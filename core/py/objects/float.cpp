// float: the type, conversions, hash, repr, comparison and arithmetic (the methods and the
// constructor are in float_methods.cpp).
//
// Design: transliterations of CPython 3.11's floatobject.c where results are observable —
// float_richcompare's exact int/float comparison (no rounding of big ints), _float_div_mod
// for // and %, float_pow's special cases, _Py_HashDouble. An int operand is converted
// with int_to_double, which raises OverflowError for ints beyond the double range, as
// CPython does. Cost: none over CPython; a complex result (negative ** fractional) is not
// supported and raises ValueError instead.
#include <cfloat>
#include <cmath>

#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/float_repr.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/number_support.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type float_type = builtin_type<Float>("float");

namespace {

double value_of(Object* object) { return static_cast<Float*>(object)->value; }

}  // namespace

Ref<Float> make_float(double value) {
  Ref<Float> number = make_object<Float>(&float_type);
  if (number) number->value = value;
  return number;
}

bool to_double(Object* object, double* out) {
  if (is_float(object)) {
    *out = value_of(object);
    return true;
  }
  if (is_int(object)) return int_to_double(static_cast<Int*>(object), out);
  Ref<> converted;
  if (object->type->to_float) {
    converted = object->type->to_float(object);
    if (converted && !is_float(converted.get())) {
      raise_format(type_error_type, "{}.__float__ returned non-float (type {})",
                   type_name(object->type), type_name(converted->type));
      return false;
    }
  } else if (object->type->index) {
    converted = object->type->index(object);
  } else {
    raise_format(type_error_type, "must be real number, not {}", type_name(object->type));
    return false;
  }
  if (!converted) return false;
  return to_double(converted.get(), out);
}

int64_t hash_double(double value, Object* instance) {
  constexpr int hash_bits = 61;
  constexpr uint64_t modulus = (uint64_t(1) << hash_bits) - 1;
  if (std::isinf(value)) return value > 0 ? 314159 : -314159;
  if (std::isnan(value)) return identity_hash(instance);
  int exponent;
  double mantissa = std::frexp(value, &exponent);
  int sign = 1;
  if (mantissa < 0) {
    sign = -1;
    mantissa = -mantissa;
  }
  // 28 bits at a time, reducing modulo 2**61 - 1 as we go.
  uint64_t hash = 0;
  while (mantissa != 0) {
    hash = ((hash << 28) & modulus) | hash >> (hash_bits - 28);
    mantissa *= 268435456.0;
    exponent -= 28;
    uint64_t digit = uint64_t(mantissa);
    mantissa -= double(digit);
    hash += digit;
    if (hash >= modulus) hash -= modulus;
  }
  exponent = exponent >= 0 ? exponent % hash_bits : hash_bits - 1 - ((-1 - exponent) % hash_bits);
  hash = ((hash << exponent) & modulus) | hash >> (hash_bits - exponent);
  hash = hash * uint64_t(int64_t(sign));
  if (hash == uint64_t(-1)) hash = uint64_t(-2);
  return int64_t(hash);
}

int compare_int_with_double(const Int* number, double value) {
  if (std::isinf(value)) return value > 0 ? -1 : 1;
  constexpr int64_t exact_limit = int64_t(1) << DBL_MANT_DIG;
  if (!number->big && number->value >= -exact_limit && number->value <= exact_limit) {
    double converted = double(number->value);
    return converted < value ? -1 : (converted > value ? 1 : 0);
  }
  // Compare with the integral part exactly, then let the fractional part break a tie.
  double integral = std::trunc(value);
  int order = compare(int_to_bigint(number), BigInt::from_double(integral));
  if (order != 0) return order;
  double fraction = value - integral;
  return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0);
}

Ref<> float_power(double base, double exponent) {
  auto is_odd_integer = [](double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; };
  if (exponent == 0) return make_float(1.0);
  if (std::isnan(base)) return make_float(base);
  if (std::isnan(exponent)) return make_float(base == 1.0 ? 1.0 : exponent);
  if (std::isinf(exponent)) {
    double magnitude = std::fabs(base);
    if (magnitude == 1.0) return make_float(1.0);
    if ((exponent > 0.0) == (magnitude > 1.0)) return make_float(std::fabs(exponent));
    return make_float(0.0);
  }
  if (std::isinf(base)) {
    bool odd = is_odd_integer(exponent);
    if (exponent > 0.0) return make_float(odd ? base : std::fabs(base));
    return make_float(odd ? std::copysign(0.0, base) : 0.0);
  }
  if (base == 0.0) {
    if (exponent < 0.0)
      return raise(zero_division_error_type, "0.0 cannot be raised to a negative power");
    return make_float(is_odd_integer(exponent) ? base : 0.0);
  }
  bool negate = false;
  if (base < 0.0) {
    if (exponent != std::floor(exponent))
      return raise(value_error_type, "complex numbers are not supported");
    base = -base;
    negate = is_odd_integer(exponent);
  }
  if (base == 1.0) return make_float(negate ? -1.0 : 1.0);
  double result = std::pow(base, exponent);
  if (std::isinf(result))
    return raise(overflow_error_type, "(34, 'Numerical result out of range')");
  return make_float(negate ? -result : result);
}

Ref<> float_divmod(double left, double right) {
  if (right == 0.0) return raise(zero_division_error_type, "float divmod()");
  double remainder = std::fmod(left, right);
  double quotient = (left - remainder) / right;
  if (remainder != 0.0) {
    if ((right < 0) != (remainder < 0)) {
      remainder += right;
      quotient -= 1.0;
    }
  } else {
    remainder = std::copysign(0.0, right);
  }
  double floor_quotient;
  if (quotient != 0.0) {
    floor_quotient = std::floor(quotient);
    if (quotient - floor_quotient > 0.5) floor_quotient += 1.0;
  } else {
    floor_quotient = std::copysign(0.0, left / right);
  }
  Ref<> first = make_float(floor_quotient), second = make_float(remainder);
  if (!first || !second) return nullptr;
  return make_tuple({first.get(), second.get()});
}

namespace {

Ref<> float_repr_slot(Object* self) { return make_str(float_repr(value_of(self))); }

int64_t float_hash(Object* self) { return hash_double(value_of(self), self); }

Ref<> float_rich_compare(Object* self, Object* other, CompareOp op) {
  double value = value_of(self);
  if (is_float(other)) {
    double right = value_of(other);
    switch (op) {
      case CompareOp::less: return make_bool(value < right);
      case CompareOp::less_equal: return make_bool(value <= right);
      case CompareOp::equal: return make_bool(value == right);
      case CompareOp::not_equal: return make_bool(value != right);
      case CompareOp::greater: return make_bool(value > right);
      case CompareOp::greater_equal: return make_bool(value >= right);
    }
  }
  if (!is_int(other)) return not_implemented();
  if (std::isnan(value)) return make_bool(op == CompareOp::not_equal);
  int order = -compare_int_with_double(static_cast<Int*>(other), value);
  return make_bool(compare_order(order, op));
}

int float_truthy(Object* self) { return value_of(self) != 0.0; }

Ref<> float_negative(Object* self) { return make_float(-value_of(self)); }
Ref<> float_positive(Object* self) {
  if (is_exact(self, float_type)) return Ref<>::borrow(self);
  return make_float(value_of(self));
}
Ref<> float_absolute(Object* self) { return make_float(std::fabs(value_of(self))); }
Ref<> float_to_int(Object* self) { return int_from_double(value_of(self)); }

// CPython's float_rem.
double float_modulo(double left, double right) {
  double remainder = std::fmod(left, right);
  if (remainder != 0.0) {
    if ((right < 0) != (remainder < 0)) remainder += right;
  } else {
    remainder = std::copysign(0.0, right);
  }
  return remainder;
}

Ref<> float_operation(double left, double right, BinaryOp op) {
  switch (op) {
    case BinaryOp::add: return make_float(left + right);
    case BinaryOp::subtract: return make_float(left - right);
    case BinaryOp::multiply: return make_float(left * right);
    case BinaryOp::true_divide:
      if (right == 0.0) return raise(zero_division_error_type, "float division by zero");
      return make_float(left / right);
    case BinaryOp::floor_divide: {
      if (right == 0.0) return raise(zero_division_error_type, "float floor division by zero");
      Ref<> pair = float_divmod(left, right);
      if (!pair) return nullptr;
      return static_cast<Tuple*>(pair.get())->items[0];
    }
    case BinaryOp::modulo:
      if (right == 0.0) return raise(zero_division_error_type, "float modulo");
      return make_float(float_modulo(left, right));
    case BinaryOp::power: return float_power(left, right);
    default: return not_implemented();
  }
}

// float op float, float op int and int op float (the latter as the reflected slot).
template <BinaryOp op>
Ref<> float_binary_slot(Object* self, Object* other, bool reflected) {
  double other_value;
  if (is_float(other)) other_value = value_of(other);
  else if (is_int(other)) {
    if (!int_to_double(static_cast<Int*>(other), &other_value)) return nullptr;
  } else {
    return not_implemented();
  }
  double self_value = value_of(self);
  return reflected ? float_operation(other_value, self_value, op)
                   : float_operation(self_value, other_value, op);
}

}  // namespace

int ready_float_type() {
  float_type.repr = float_repr_slot;
  float_type.hash = float_hash;
  float_type.rich_compare = float_rich_compare;
  float_type.truthy = float_truthy;
  float_type.negative = float_negative;
  float_type.positive = float_positive;
  float_type.absolute = float_absolute;
  float_type.to_int = float_to_int;
  float_type.to_float = float_positive;
  float_type.binary[size_t(BinaryOp::add)] = float_binary_slot<BinaryOp::add>;
  float_type.binary[size_t(BinaryOp::subtract)] = float_binary_slot<BinaryOp::subtract>;
  float_type.binary[size_t(BinaryOp::multiply)] = float_binary_slot<BinaryOp::multiply>;
  float_type.binary[size_t(BinaryOp::true_divide)] = float_binary_slot<BinaryOp::true_divide>;
  float_type.binary[size_t(BinaryOp::floor_divide)] = float_binary_slot<BinaryOp::floor_divide>;
  float_type.binary[size_t(BinaryOp::modulo)] = float_binary_slot<BinaryOp::modulo>;
  float_type.binary[size_t(BinaryOp::power)] = float_binary_slot<BinaryOp::power>;
  if (install_float_methods() < 0) return -1;
  return ready_type(float_type);
}

}  // namespace py
