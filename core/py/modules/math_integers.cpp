// math's integer functions: exact for ints of any size (BigInt), as CPython's are, with
// its TypeErrors ("'float' object cannot be interpreted as an integer") and ValueErrors.
// floor/ceil/trunc return ints, through __floor__/__ceil__/__trunc__ for other objects.
//
// Design: plain algorithms over BigInt (a product tree for factorial, the multiplicative
// formula for comb, Newton's adaptive-precision isqrt as in CPython's comment). Cost:
// comb and perm of huge arguments are slower than CPython's divide-and-conquer versions.
#include <cmath>
#include <cstdint>
#include <numeric>

#include "core/py/modules/math_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/str.hpp"

namespace py {
namespace {

// operator.index(value) as a BigInt; false on error.
bool index_value(Object* value, BigInt* out) {
  Ref<> number = index(value);
  if (!number) return false;
  *out = int_to_bigint(static_cast<Int*>(number.get()));
  return true;
}

// The product of the integers in [low, high), by halves so the operands stay balanced.
BigInt range_product(uint64_t low, uint64_t high) {
  if (high - low <= 8) {
    BigInt product = BigInt::from_uint64(1);
    for (uint64_t i = low; i < high; ++i) product = product * BigInt::from_uint64(i);
    return product;
  }
  uint64_t middle = low + (high - low) / 2;
  return range_product(low, middle) * range_product(middle, high);
}

// Calls type(value).<name>(value) when the type defines it; null with no exception when not.
Ref<> call_special(Object* value, const char* name) {
  Object* method = type_lookup(value->type, intern_borrowed(name));
  if (!method) return nullptr;
  return call(method, {value});
}

// floor and ceil: a float rounds through libm; an int is itself; other objects use their
// __floor__/__ceil__ or their float value.
Ref<> round_to_int(const char* name, const char* special, CallArgs args,
                   double (*function)(double)) {
  if (!check_positional(name, args, 1, 1)) return nullptr;
  Object* value = args.values[0];
  if (is_exact(value, float_type))
    return int_from_double(function(static_cast<Float*>(value)->value));
  if (is_int(value)) return exact_int(static_cast<Int*>(value));
  if (Ref<> result = call_special(value, special)) return result;
  if (exception_pending()) return nullptr;
  double x;
  if (!to_double(value, &x)) return nullptr;
  return int_from_double(function(x));
}

Ref<> math_floor(Object*, CallArgs args) {
  return round_to_int("math.floor", "__floor__", args, [](double x) { return std::floor(x); });
}
Ref<> math_ceil(Object*, CallArgs args) {
  return round_to_int("math.ceil", "__ceil__", args, [](double x) { return std::ceil(x); });
}

Ref<> math_trunc(Object*, CallArgs args) {
  if (!check_positional("math.trunc", args, 1, 1)) return nullptr;
  Object* value = args.values[0];
  if (is_exact(value, float_type))
    return int_from_double(std::trunc(static_cast<Float*>(value)->value));
  if (is_int(value)) return exact_int(static_cast<Int*>(value));
  if (Ref<> result = call_special(value, "__trunc__")) return result;
  if (exception_pending()) return nullptr;
  return raise_format(type_error_type, "type {} doesn't define __trunc__ method",
                      type_name(value->type));
}

Ref<> math_factorial(Object*, CallArgs args) {
  if (!check_positional("math.factorial", args, 1, 1)) return nullptr;
  BigInt n;
  if (!index_value(args.values[0], &n)) return nullptr;
  if (n.is_negative())
    return raise(value_error_type, "factorial() not defined for negative values");
  std::optional<int64_t> small = n.to_int64();
  if (!small)
    return raise(overflow_error_type, "factorial() argument should not exceed 9223372036854775807");
  return make_int(range_product(1, uint64_t(*small) + 1));
}

BigInt gcd_of(BigInt a, BigInt b) {
  a = abs(a);
  b = abs(b);
  while (!b.is_zero()) {
    std::optional<int64_t> small_a = a.to_int64(), small_b = b.to_int64();
    if (small_a && small_b)
      return BigInt::from_int64(std::gcd(*small_a, *small_b));
    BigInt remainder = BigInt::divmod(a, b)->remainder;
    a = std::move(b);
    b = std::move(remainder);
  }
  return a;
}

// gcd(*integers) and lcm(*integers).
Ref<> math_gcd(Object*, CallArgs args) {
  if (args.keyword_count()) return raise(type_error_type, "gcd() takes no keyword arguments");
  BigInt result;
  for (size_t i = 0; i < args.count; ++i) {
    BigInt value;
    if (!index_value(args.values[i], &value)) return nullptr;
    result = gcd_of(std::move(result), std::move(value));
  }
  return make_int(std::move(result));
}

Ref<> math_lcm(Object*, CallArgs args) {
  if (args.keyword_count()) return raise(type_error_type, "lcm() takes no keyword arguments");
  BigInt result = BigInt::from_int64(1);
  for (size_t i = 0; i < args.count; ++i) {
    BigInt value;
    if (!index_value(args.values[i], &value)) return nullptr;
    if (result.is_zero() || value.is_zero()) {
      result = BigInt();
      continue;
    }
    BigInt divisor = gcd_of(result, value);
    result = abs(BigInt::divmod(result, divisor)->quotient * value);
  }
  return make_int(std::move(result));
}

// n and k of comb/perm, checked as CPython checks them; false on error.
bool combination_arguments(CallArgs args, const char* name, size_t required, BigInt* n, BigInt* k,
                           bool* k_given) {
  if (!check_positional(name, args, required, 2)) return false;
  if (!index_value(args.values[0], n)) return false;
  *k_given = args.count == 2 && !is_none(args.values[1]);
  if (*k_given && !index_value(args.values[1], k)) return false;
  if (n->is_negative() && *k_given) {
    raise(value_error_type, "n must be a non-negative integer");
    return false;
  }
  if (*k_given && k->is_negative()) {
    raise(value_error_type, "k must be a non-negative integer");
    return false;
  }
  return true;
}

// The falling product n * (n-1) * ... * (n-k+1) (k factors), or, with `divide`, that
// product divided step by step into the binomial coefficient.
BigInt falling_product(const BigInt& n, uint64_t k, bool divide) {
  BigInt result = BigInt::from_int64(1);
  for (uint64_t i = 0; i < k; ++i) {
    result = result * (n - BigInt::from_uint64(i));
    if (divide) result = BigInt::divmod(result, BigInt::from_uint64(i + 1))->quotient;
  }
  return result;
}

Ref<> math_comb(Object*, CallArgs args) {
  BigInt n, k;
  bool k_given;
  if (!combination_arguments(args, "comb", 2, &n, &k, &k_given)) return nullptr;
  if (compare(k, n) > 0) return make_int(0);
  BigInt other = n - k;
  if (compare(other, k) < 0) k = other;
  std::optional<int64_t> count = k.to_int64();
  if (!count)
    return raise(overflow_error_type, "min(n - k, k) must not exceed 9223372036854775807");
  return make_int(falling_product(n, uint64_t(*count), true));
}

Ref<> math_perm(Object*, CallArgs args) {
  BigInt n, k;
  bool k_given;
  if (!combination_arguments(args, "perm", 1, &n, &k, &k_given)) return nullptr;
  if (!k_given) {
    if (n.is_negative())
      return raise(value_error_type, "factorial() not defined for negative values");
    k = n;
  }
  if (compare(k, n) > 0) return make_int(0);
  std::optional<int64_t> count = k.to_int64();
  if (!count) return raise(overflow_error_type, "k must not exceed 9223372036854775807");
  return make_int(falling_product(n, uint64_t(*count), false));
}

// isqrt(n): CPython's adaptive-precision Newton iteration (see mathmodule.c).
Ref<> math_isqrt(Object*, CallArgs args) {
  if (!check_positional("math.isqrt", args, 1, 1)) return nullptr;
  BigInt n;
  if (!index_value(args.values[0], &n)) return nullptr;
  if (n.is_negative()) return raise(value_error_type, "isqrt() argument must be nonnegative");
  if (n.is_zero()) return make_int(0);
  const uint64_t c = (n.bit_length() - 1) / 2;
  BigInt a = BigInt::from_int64(1);
  uint64_t d = 0;
  int c_bits = 0;
  for (uint64_t rest = c; rest; rest >>= 1) ++c_bits;
  for (int s = c_bits - 1; s >= 0; --s) {
    uint64_t e = d;
    d = c >> s;
    a = (a << (d - e - 1)) + BigInt::divmod(n >> (2 * c - e - d + 1), a)->quotient;
  }
  if (compare(a * a, n) > 0) a = a - BigInt::from_int64(1);
  return make_int(std::move(a));
}

// prod(iterable, /, *, start=1)
Ref<> math_prod(Object*, CallArgs args) {
  Object* values[2];
  if (!parse_arguments("prod", args, {"iterable", "start"}, 1, values, 1)) return nullptr;
  Ref<> result = values[1] ? Ref<>::borrow(values[1]) : Ref<>(make_int(1));
  if (!result) return nullptr;
  Ref<> iterator = get_iter(values[0]);
  if (!iterator) return nullptr;
  while (Ref<> item = iter_next(iterator.get())) {
    result = binary_operation(result.get(), item.get(), BinaryOp::multiply);
    if (!result) return nullptr;
  }
  if (exception_pending()) return nullptr;
  return result;
}

}  // namespace

const NativeMethod math_integer_functions[] = {
    {"ceil", math_ceil},   {"comb", math_comb},   {"factorial", math_factorial},
    {"floor", math_floor}, {"gcd", math_gcd},     {"isqrt", math_isqrt},
    {"lcm", math_lcm},     {"perm", math_perm},   {"prod", math_prod},
    {"trunc", math_trunc}, {nullptr, nullptr},
};

}  // namespace py
