// math's float functions and constants, as CPython 3.11's mathmodule.c computes them.
//
// Design: the one-argument functions go through one wrapper (CPython's math_1) that turns
// a NaN from a non-NaN argument into ValueError "math domain error" and an infinity from a
// finite argument into OverflowError "math range error" (for the functions that can
// overflow) or that ValueError; the results are libm's, as CPython's are. fsum is
// Shewchuk's exact partials summation and hypot/dist CPython's vector_norm (exact squares
// and a differential correction), so their last bits agree with CPython's. Cost: under
// Emscripten libm is musl's, whose sin/cos/exp can differ from glibc's in the last bit.
#include "core/py/modules/math_module.hpp"

#include <cfloat>
#include <cmath>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {
namespace {

constexpr double pi = 3.141592653589793238462643383279502884;
constexpr double e = 2.718281828459045235360287471352662498;

std::nullptr_t domain_error() { return raise(value_error_type, "math domain error"); }
std::nullptr_t range_error() { return raise(overflow_error_type, "math range error"); }

// CPython's math_1: the result of `function(x)`, or its ValueError/OverflowError.
Ref<> math_1(const char* name, CallArgs args, double (*function)(double), bool can_overflow) {
  if (!check_positional(name, args, 1, 1)) return nullptr;
  double x;
  if (!to_double(args.values[0], &x)) return nullptr;
  double result = function(x);
  if (std::isnan(result) && !std::isnan(x)) return domain_error();
  if (std::isinf(result) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return make_float(result);
}

#define MATH_FUNCTION_1(python_name, function, can_overflow)                  \
  Ref<> math_##python_name(Object*, CallArgs args) {                          \
    return math_1("math." #python_name, args, [](double x) { return function(x); }, \
                  can_overflow);                                              \
  }

MATH_FUNCTION_1(acos, std::acos, false)
MATH_FUNCTION_1(acosh, std::acosh, false)
MATH_FUNCTION_1(asin, std::asin, false)
MATH_FUNCTION_1(asinh, std::asinh, false)
MATH_FUNCTION_1(atan, std::atan, false)
MATH_FUNCTION_1(atanh, std::atanh, false)
MATH_FUNCTION_1(cbrt, std::cbrt, false)
MATH_FUNCTION_1(cos, std::cos, false)
MATH_FUNCTION_1(cosh, std::cosh, true)
MATH_FUNCTION_1(erf, std::erf, false)
MATH_FUNCTION_1(erfc, std::erfc, false)
MATH_FUNCTION_1(exp, std::exp, true)
MATH_FUNCTION_1(exp2, std::exp2, true)
MATH_FUNCTION_1(expm1, std::expm1, true)
MATH_FUNCTION_1(fabs, std::fabs, false)
MATH_FUNCTION_1(log1p, std::log1p, false)
MATH_FUNCTION_1(sin, std::sin, false)
MATH_FUNCTION_1(sinh, std::sinh, true)
MATH_FUNCTION_1(sqrt, std::sqrt, false)
MATH_FUNCTION_1(tan, std::tan, false)
MATH_FUNCTION_1(tanh, std::tanh, false)
#undef MATH_FUNCTION_1

// Two float arguments, checked as CPython's "pow expected 2 arguments, got 1".
bool two_doubles(const char* name, CallArgs args, double* x, double* y) {
  return check_positional(name, args, 2, 2) && to_double(args.values[0], x) &&
         to_double(args.values[1], y);
}

// CPython's loghelper: the log of an int of any size (a huge one as frexp's mantissa and
// exponent), of anything else through float(); ValueError for x <= 0.
bool log_of(Object* value, double (*function)(double), double* out) {
  if (is_int(value)) {
    const Int* number = static_cast<Int*>(value);
    BigInt big = int_to_bigint(number);
    if (big.sign() <= 0) {
      domain_error();
      return false;
    }
    if (std::optional<double> converted = big.to_double()) {
      *out = function(*converted);
      return true;
    }
    // Too large for a double: log(m * 2**e) = log(m) + e * log(2), m from the top 64 bits.
    const uint64_t shift = big.bit_length() - 64;
    int exponent = 0;
    double mantissa = std::frexp(*(big >> shift).to_double(), &exponent);
    *out = function(mantissa) + function(2.0) * (double(exponent) + double(shift));
    return true;
  }
  double x;
  if (!to_double(value, &x)) return false;
  double result = function(x);
  if (std::isnan(result) && !std::isnan(x)) {
    domain_error();
    return false;
  }
  if (std::isinf(result) && std::isfinite(x)) {
    domain_error();
    return false;
  }
  *out = result;
  return true;
}

Ref<> log_function(const char* name, CallArgs args, double (*function)(double)) {
  if (!check_positional(name, args, 1, 1)) return nullptr;
  double result;
  if (!log_of(args.values[0], function, &result)) return nullptr;
  return make_float(result);
}

// log(x[, base])
Ref<> math_log(Object*, CallArgs args) {
  if (!check_positional("log", args, 1, 2)) return nullptr;
  auto natural = [](double x) { return std::log(x); };
  double numerator;
  if (!log_of(args.values[0], natural, &numerator)) return nullptr;
  if (args.count == 1) return make_float(numerator);
  double denominator;
  if (!log_of(args.values[1], natural, &denominator)) return nullptr;
  if (denominator == 0) return raise(zero_division_error_type, "float division by zero");
  return make_float(numerator / denominator);
}

Ref<> math_log2(Object*, CallArgs args) {
  return log_function("math.log2", args, [](double x) { return std::log2(x); });
}
Ref<> math_log10(Object*, CallArgs args) {
  return log_function("math.log10", args, [](double x) { return std::log10(x); });
}

Ref<> math_pow(Object*, CallArgs args) {
  double x, y;
  if (!two_doubles("pow", args, &x, &y)) return nullptr;
  double result = std::pow(x, y);
  if (std::isfinite(x) && std::isfinite(y) && !std::isfinite(result)) {
    if (std::isnan(result) || x == 0) return domain_error();
    return range_error();
  }
  return make_float(result);
}

Ref<> math_atan2(Object*, CallArgs args) {
  double y, x;
  if (!two_doubles("atan2", args, &y, &x)) return nullptr;
  return make_float(std::atan2(y, x));
}

Ref<> math_copysign(Object*, CallArgs args) {
  double x, y;
  if (!two_doubles("copysign", args, &x, &y)) return nullptr;
  return make_float(std::copysign(x, y));
}

Ref<> math_fmod(Object*, CallArgs args) {
  double x, y;
  if (!two_doubles("fmod", args, &x, &y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return make_float(x);
  double result = std::fmod(x, y);
  if (std::isnan(result) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return make_float(result);
}

Ref<> math_remainder(Object*, CallArgs args) {
  double x, y;
  if (!two_doubles("remainder", args, &x, &y)) return nullptr;
  double result = std::remainder(x, y);
  if (std::isnan(result) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return make_float(result);
}

Ref<> math_nextafter(Object*, CallArgs args) {
  double x, y;
  if (!two_doubles("nextafter", args, &x, &y)) return nullptr;
  return make_float(std::nextafter(x, y));
}

Ref<> math_ulp(Object*, CallArgs args) {
  if (!check_positional("math.ulp", args, 1, 1)) return nullptr;
  double x;
  if (!to_double(args.values[0], &x)) return nullptr;
  if (std::isnan(x)) return make_float(x);
  x = std::fabs(x);
  if (std::isinf(x)) return make_float(x);
  double next = std::nextafter(x, INFINITY);
  if (std::isinf(next)) return make_float(x - std::nextafter(x, -INFINITY));
  return make_float(next - x);
}

Ref<> math_degrees(Object*, CallArgs args) {
  if (!check_positional("math.degrees", args, 1, 1)) return nullptr;
  double x;
  if (!to_double(args.values[0], &x)) return nullptr;
  return make_float(x * (180.0 / pi));
}

Ref<> math_radians(Object*, CallArgs args) {
  if (!check_positional("math.radians", args, 1, 1)) return nullptr;
  double x;
  if (!to_double(args.values[0], &x)) return nullptr;
  return make_float(x * (pi / 180.0));
}

Ref<> float_predicate(const char* name, CallArgs args, bool (*predicate)(double)) {
  if (!check_positional(name, args, 1, 1)) return nullptr;
  double x;
  if (!to_double(args.values[0], &x)) return nullptr;
  return make_bool(predicate(x));
}
Ref<> math_isfinite(Object*, CallArgs args) {
  return float_predicate("math.isfinite", args, [](double x) { return bool(std::isfinite(x)); });
}
Ref<> math_isinf(Object*, CallArgs args) {
  return float_predicate("math.isinf", args, [](double x) { return bool(std::isinf(x)); });
}
Ref<> math_isnan(Object*, CallArgs args) {
  return float_predicate("math.isnan", args, [](double x) { return bool(std::isnan(x)); });
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
Ref<> math_isclose(Object*, CallArgs args) {
  Object* values[4];
  if (args.positional_count() > 2)
    return raise_format(type_error_type,
                        "isclose() takes exactly 2 positional arguments ({} given)",
                        args.positional_count());
  if (!parse_arguments("isclose", args, {"a", "b", "rel_tol", "abs_tol"}, 2, values))
    return nullptr;
  double a, b, relative = 1e-09, absolute = 0.0;
  if (!to_double(values[0], &a) || !to_double(values[1], &b)) return nullptr;
  if (values[2] && !to_double(values[2], &relative)) return nullptr;
  if (values[3] && !to_double(values[3], &absolute)) return nullptr;
  if (relative < 0.0 || absolute < 0.0)
    return raise(value_error_type, "tolerances must be non-negative");
  if (a == b) return make_bool(true);
  if (std::isinf(a) || std::isinf(b)) return make_bool(false);
  double difference = std::fabs(b - a);
  return make_bool((difference <= std::fabs(relative * b)) ||
                   (difference <= std::fabs(relative * a)) || (difference <= absolute));
}

Ref<> math_modf(Object*, CallArgs args) {
  if (!check_positional("math.modf", args, 1, 1)) return nullptr;
  double x;
  if (!to_double(args.values[0], &x)) return nullptr;
  double integral;
  double fraction = std::isinf(x) ? std::copysign(0.0, x) : std::modf(x, &integral);
  if (std::isinf(x)) integral = x;
  Ref<Float> fraction_object = make_float(fraction);
  Ref<Float> integral_object = make_float(integral);
  if (!fraction_object || !integral_object) return nullptr;
  return make_tuple({fraction_object.get(), integral_object.get()});
}

Ref<> math_frexp(Object*, CallArgs args) {
  if (!check_positional("math.frexp", args, 1, 1)) return nullptr;
  double x;
  if (!to_double(args.values[0], &x)) return nullptr;
  int exponent = 0;
  double mantissa = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &exponent);
  Ref<Float> mantissa_object = make_float(mantissa);
  Ref<Int> exponent_object = make_int(exponent);
  if (!mantissa_object || !exponent_object) return nullptr;
  return make_tuple({mantissa_object.get(), exponent_object.get()});
}

Ref<> math_ldexp(Object*, CallArgs args) {
  if (!check_positional("ldexp", args, 2, 2)) return nullptr;
  double x;
  if (!to_double(args.values[0], &x)) return nullptr;
  if (!is_int(args.values[1]))
    return raise(type_error_type, "Expected an int as second argument to ldexp.");
  BigInt exponent = int_to_bigint(static_cast<Int*>(args.values[1]));
  if (x == 0 || !std::isfinite(x)) return make_float(x);
  std::optional<int64_t> small = exponent.to_int64();
  int64_t clamped = small ? *small : (exponent.is_negative() ? INT64_MIN : INT64_MAX);
  if (clamped > 2100) return range_error();
  if (clamped < -2100) return make_float(std::copysign(0.0, x));
  double result = std::ldexp(x, int(clamped));
  if (std::isinf(result)) return range_error();
  return make_float(result);
}

// CPython's fsum: Shewchuk's partials, with its special-value and overflow rules.
Ref<> math_fsum(Object*, CallArgs args) {
  if (!check_positional("math.fsum", args, 1, 1)) return nullptr;
  Ref<> iterator = get_iter(args.values[0]);
  if (!iterator) return nullptr;
  std::vector<double> partials;
  double special_sum = 0.0, infinity_sum = 0.0;
  for (;;) {
    Ref<> item = iter_next(iterator.get());
    if (!item) {
      if (exception_pending()) return nullptr;
      break;
    }
    double x;
    if (!to_double(item.get(), &x)) return nullptr;
    const double saved = x;
    size_t kept = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      volatile double high = x + y;
      volatile double y_rounded = high - x;
      double low = y - y_rounded;
      if (low != 0.0) partials[kept++] = low;
      x = high;
    }
    partials.resize(kept);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(saved))
          return raise(overflow_error_type, "intermediate overflow in fsum");
        if (std::isinf(saved)) infinity_sum += saved;
        special_sum += saved;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(infinity_sum)) return raise(value_error_type, "-inf + inf in fsum");
    return make_float(special_sum);
  }
  double high = 0.0;
  size_t count = partials.size();
  if (count > 0) {
    double low = 0.0;
    high = partials[--count];
    while (count > 0) {
      double x = high;
      double y = partials[--count];
      volatile double sum = x + y;
      high = sum;
      volatile double y_rounded = high - x;
      low = y - y_rounded;
      if (low != 0.0) break;
    }
    if (count > 0 && ((low < 0.0 && partials[count - 1] < 0.0) ||
                      (low > 0.0 && partials[count - 1] > 0.0))) {
      double y = low * 2.0;
      volatile double x = high + y;
      volatile double y_rounded = x - high;
      if (y == y_rounded) high = x;
    }
  }
  return make_float(high);
}

// CPython 3.11's vector_norm: sqrt of the sum of squares of non-negative finite `values`
// whose maximum is `max`, with exact squares and a differential correction.
double vector_norm(std::vector<double>& values, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || values.size() <= 1) return max;
  int max_exponent;
  std::frexp(max, &max_exponent);
  if (max_exponent < -1023) {
    for (double& value : values) value /= DBL_MIN;
    return DBL_MIN * vector_norm(values, max / DBL_MIN, found_nan);
  }
  const double scale = std::ldexp(1.0, -max_exponent);
  double sum = 1.0, fraction1 = 0.0, fraction2 = 0.0;
  auto add = [&](double square_high, double square_low) {
    double high = sum + square_high;
    fraction2 += (sum - high) + square_high;
    sum = high;
    fraction1 += square_low;
  };
  for (double value : values) {
    double x = value * scale;
    double square = x * x;
    add(square, std::fma(x, x, -square));
  }
  double h = std::sqrt(sum - 1.0 + (fraction1 + fraction2));
  double product = -h * h;
  add(product, std::fma(-h, h, -product));
  double x = sum - 1.0 + (fraction1 + fraction2);
  h += x / (2.0 * h);
  return h / scale;
}

// The absolute values of `coordinates` for vector_norm; false on a non-number.
bool absolute_values(Object* const* coordinates, size_t count, std::vector<double>* out,
                     double* max, bool* found_nan) {
  *max = 0.0;
  *found_nan = false;
  for (size_t i = 0; i < count; ++i) {
    double x;
    if (!to_double(coordinates[i], &x)) return false;
    x = std::fabs(x);
    out->push_back(x);
    *found_nan |= std::isnan(x);
    if (x > *max) *max = x;
  }
  return true;
}

Ref<> math_hypot(Object*, CallArgs args) {
  if (args.keyword_count()) return raise(type_error_type, "hypot() takes no keyword arguments");
  std::vector<double> values;
  double max;
  bool found_nan;
  if (!absolute_values(args.values, args.count, &values, &max, &found_nan)) return nullptr;
  return make_float(vector_norm(values, max, found_nan));
}

// dist(p, q): the Euclidean distance of two points given as sequences of coordinates.
Ref<> math_dist(Object*, CallArgs args) {
  if (!check_positional("dist", args, 2, 2)) return nullptr;
  Ref<List> p = sequence_to_list(args.values[0]);
  if (!p) return nullptr;
  Ref<List> q = sequence_to_list(args.values[1]);
  if (!q) return nullptr;
  if (p->items.size() != q->items.size())
    return raise(value_error_type, "both points must have the same number of dimensions");
  std::vector<double> values;
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < p->items.size(); ++i) {
    double a, b;
    if (!to_double(p->items[i].get(), &a) || !to_double(q->items[i].get(), &b)) return nullptr;
    double x = std::fabs(a - b);
    values.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return make_float(vector_norm(values, max, found_nan));
}

const NativeMethod math_float_functions[] = {
    {"acos", math_acos},         {"acosh", math_acosh},       {"asin", math_asin},
    {"asinh", math_asinh},       {"atan", math_atan},         {"atan2", math_atan2},
    {"atanh", math_atanh},       {"cbrt", math_cbrt},         {"copysign", math_copysign},
    {"cos", math_cos},           {"cosh", math_cosh},         {"degrees", math_degrees},
    {"dist", math_dist},         {"erf", math_erf},           {"erfc", math_erfc},
    {"exp", math_exp},           {"exp2", math_exp2},         {"expm1", math_expm1},
    {"fabs", math_fabs},         {"fmod", math_fmod},         {"frexp", math_frexp},
    {"fsum", math_fsum},         {"hypot", math_hypot},       {"isclose", math_isclose},
    {"isfinite", math_isfinite}, {"isinf", math_isinf},       {"isnan", math_isnan},
    {"ldexp", math_ldexp},       {"log", math_log},           {"log10", math_log10},
    {"log1p", math_log1p},       {"log2", math_log2},         {"modf", math_modf},
    {"nextafter", math_nextafter}, {"pow", math_pow},         {"radians", math_radians},
    {"remainder", math_remainder}, {"sin", math_sin},         {"sinh", math_sinh},
    {"sqrt", math_sqrt},         {"tan", math_tan},           {"tanh", math_tanh},
    {"ulp", math_ulp},           {nullptr, nullptr},
};

int install_functions(Module* module, const NativeMethod* table) {
  for (const NativeMethod* row = table; row->name; ++row) {
    Ref<NativeFunction> function = make_native_function(row, nullptr);
    if (!function || dict_set_str(module->dict.get(), row->name, function.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace

int init_math_module(Module* module) {
  const struct {
    const char* name;
    double value;
  } constants[] = {{"pi", pi}, {"e", e}, {"tau", 2 * pi}, {"inf", INFINITY}, {"nan", NAN}};
  for (const auto& constant : constants) {
    Ref<Float> value = make_float(constant.value);
    if (!value || dict_set_str(module->dict.get(), constant.name, value.get()) < 0) return -1;
  }
  if (install_functions(module, math_float_functions) < 0) return -1;
  return install_functions(module, math_integer_functions);
}

}  // namespace py
