// float's constructor, methods and attributes: float(x), is_integer, as_integer_ratio,
// hex, fromhex, conjugate, __trunc__/__floor__/__ceil__/__round__, __format__,
// __divmod__, real/imag.
//
// Design: hex() and fromhex() are CPython's float_hex / float_fromhex in outline; fromhex
// rounds by hand (keep the first 15 hex digits, a sticky bit for the rest, round half to
// even at the precision the exponent allows, subnormals included) instead of CPython's
// digit-by-digit assembly — the same correctly rounded result with less code.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/format_spec.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/number_parse.hpp"
#include "core/py/objects/number_support.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

double value_of(Object* object) { return static_cast<Float*>(object)->value; }

Ref<> exact_float(Object* self) {
  if (is_exact(self, float_type)) return Ref<>::borrow(self);
  return make_float(value_of(self));
}

// --- float(x=0.0) --------------------------------------------------------------------------

Ref<> float_value_from_argument(Object* value) {
  if (is_exact(value, float_type)) return Ref<>::borrow(value);
  if (is_str(value) || is_bytes(value)) {
    std::string_view text = is_str(value) ? std::string_view(static_cast<Str*>(value)->value)
                                          : std::string_view(as_bytes(value)->value);
    bool ascii = is_str(value) || std::none_of(text.begin(), text.end(), [](char c) { return c & 0x80; });
    std::optional<double> parsed = ascii ? parse_float(text) : std::nullopt;
    if (parsed) return make_float(*parsed);
    Ref<Str> text_repr = repr(value);
    if (!text_repr) return nullptr;
    return raise(value_error_type, float_parse_error_message(text_repr->value));
  }
  if (!is_int(value) && !is_float(value) && !value->type->to_float && !value->type->index)
    return raise_format(type_error_type,
                        "float() argument must be a string or a real number, not '{}'",
                        type_name(value->type));
  double result;
  if (!to_double(value, &result)) return nullptr;
  return make_float(result);
}

Ref<> float_new(Type* type, CallArgs args) {
  if (args.keyword_count() != 0) return raise(type_error_type, "float() takes no keyword arguments");
  if (!check_positional("float", args, 0, 1)) return nullptr;
  Ref<> value =
      args.count == 0 ? Ref<>(make_float(0.0)) : float_value_from_argument(args.values[0]);
  if (!value || type == &float_type) return value;
  Ref<Float> instance = make_object<Float>(type);
  if (instance) instance->value = value_of(value.get());
  return instance;
}

// --- methods -------------------------------------------------------------------------------

Ref<> float_is_integer(Object* self, CallArgs args) {
  if (!check_positional("float.is_integer", args, 0, 0)) return nullptr;
  double value = value_of(self);
  return make_bool(std::isfinite(value) && std::floor(value) == value);
}

Ref<> float_as_integer_ratio(Object* self, CallArgs args) {
  if (!check_positional("float.as_integer_ratio", args, 0, 0)) return nullptr;
  double value = value_of(self);
  if (std::isinf(value))
    return raise(overflow_error_type, "cannot convert Infinity to integer ratio");
  if (std::isnan(value)) return raise(value_error_type, "cannot convert NaN to integer ratio");
  int exponent;
  double mantissa = std::frexp(value, &exponent);
  for (int i = 0; i < 300 && mantissa != std::floor(mantissa); ++i) {
    mantissa *= 2.0;
    exponent--;
  }
  BigInt numerator = BigInt::from_double(mantissa);
  BigInt denominator = BigInt::from_int64(1);
  if (exponent > 0) numerator = numerator << uint64_t(exponent);
  else denominator = denominator << uint64_t(-exponent);
  Ref<> first = make_int(std::move(numerator)), second = make_int(std::move(denominator));
  if (!first || !second) return nullptr;
  return make_tuple({first.get(), second.get()});
}

Ref<> float_conjugate(Object* self, CallArgs args) {
  if (!check_positional("float.conjugate", args, 0, 0)) return nullptr;
  return exact_float(self);
}

// __trunc__, __floor__, __ceil__: the rounded value as an int.
template <double (*rounding)(double), const char* name>
Ref<> float_to_integer(Object* self, CallArgs args) {
  if (!check_positional(name, args, 0, 0)) return nullptr;
  return int_from_double(rounding(value_of(self)));
}
constexpr char trunc_name[] = "float.__trunc__";
constexpr char floor_name[] = "float.__floor__";
constexpr char ceil_name[] = "float.__ceil__";
double truncate(double value) { return std::trunc(value); }
double floor_of(double value) { return std::floor(value); }
double ceiling_of(double value) { return std::ceil(value); }

Ref<> float_round(Object* self, CallArgs args) {
  if (!check_positional("__round__", args, 0, 1)) return nullptr;
  double value = value_of(self);
  if (args.count == 0 || is_none(args.values[0])) return int_from_double(round_half_even(value));
  Ref<> places_object = index(args.values[0]);
  if (!places_object) return nullptr;
  Int* places = static_cast<Int*>(places_object.get());
  int64_t digits = places->value;
  if (places->big) digits = places->big->is_negative() ? INT64_MIN : INT64_MAX;
  std::optional<double> rounded = round_float(value, digits);
  if (!rounded) return raise(overflow_error_type, "rounded value too large to represent");
  return make_float(*rounded);
}

Ref<> float_format(Object* self, CallArgs args) {
  if (!check_positional("float.__format__", args, 1, 1)) return nullptr;
  Object* spec = args.values[0];
  if (!is_str(spec))
    return raise_format(type_error_type, "__format__() argument must be str, not {}",
                        is_none(spec) ? "None" : type_name(spec->type));
  std::string_view spec_text = static_cast<Str*>(spec)->value;
  if (spec_text.empty()) return to_str(self);
  FormatResult result = format_float(value_of(self), spec_text, type_name(self->type));
  if (!result.ok()) return raise_number_error(*result.error);
  return make_str(std::move(result.text));
}

Ref<> float_divmod_method(Object* self, CallArgs args) {
  if (!check_positional("__divmod__", args, 1, 1)) return nullptr;
  Object* other = args.values[0];
  if (!is_float(other) && !is_int(other)) return not_implemented();
  return number_divmod(self, other);
}

Ref<> float_reflected_divmod_method(Object* self, CallArgs args) {
  if (!check_positional("__rdivmod__", args, 1, 1)) return nullptr;
  Object* other = args.values[0];
  if (!is_float(other) && !is_int(other)) return not_implemented();
  return number_divmod(other, self);
}

Ref<> float_getnewargs(Object* self, CallArgs args) {
  if (!check_positional("float.__getnewargs__", args, 0, 0)) return nullptr;
  Ref<> value = exact_float(self);
  if (!value) return nullptr;
  return make_tuple({value.get()});
}

// CPython's float_hex: '0x1.8000000000000p+1' (13 hex digits after the point).
Ref<> float_hex(Object* self, CallArgs args) {
  if (!check_positional("float.hex", args, 0, 0)) return nullptr;
  double value = value_of(self);
  if (!std::isfinite(value)) return make_str(float_repr(value));
  if (value == 0.0) return make_str(std::string_view(std::signbit(value) ? "-0x0.0p+0" : "0x0.0p+0"));
  int exponent;
  double mantissa = std::frexp(std::fabs(value), &exponent);
  int shift = 1 - std::max(DBL_MIN_EXP - exponent, 0);
  mantissa = std::ldexp(mantissa, shift);
  exponent -= shift;
  static const char hex_digits[] = "0123456789abcdef";
  std::string digits(1, hex_digits[int(mantissa)]);
  mantissa -= int(mantissa);
  digits += '.';
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    mantissa *= 16.0;
    digits += hex_digits[int(mantissa)];
    mantissa -= int(mantissa);
  }
  return make_str(format_message("{}0x{}p{}{}", value < 0 ? "-" : "", digits,
                                 exponent < 0 ? '-' : '+', std::abs(exponent)));
}

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (char(text[i] | 0x20) != lower[i]) return false;
  return true;
}

enum class HexParse { ok, invalid, overflow };

// `value` times 2**exponent, rounded half to even to a double (subnormals included).
// `sticky`: nonzero bits below `value` were dropped.
HexParse round_binary(uint64_t value, int64_t exponent, bool sticky, double* out) {
  int bits = 64 - __builtin_clzll(value);
  int64_t top = exponent + bits - 1;  // the leading bit's power of two
  if (top > DBL_MAX_EXP) return HexParse::overflow;
  if (top < DBL_MIN_EXP - DBL_MANT_DIG - 2) {
    *out = 0.0;
    return HexParse::ok;
  }
  int64_t precision = top >= DBL_MIN_EXP - 1 ? DBL_MANT_DIG : top - (DBL_MIN_EXP - DBL_MANT_DIG - 1);
  if (precision < 0) {
    *out = 0.0;
    return HexParse::ok;
  }
  if (bits > precision) {
    int drop = int(bits - precision);
    uint64_t kept = drop >= 64 ? 0 : value >> drop;
    bool half = ((value >> (drop - 1)) & 1) != 0;
    bool rest = sticky || (value & ((uint64_t(1) << (drop - 1)) - 1)) != 0;
    if (half && (rest || (kept & 1) != 0)) kept++;
    value = kept;
    exponent += drop;
  }
  *out = std::ldexp(double(value), int(exponent));
  return std::isinf(*out) ? HexParse::overflow : HexParse::ok;
}

// float.fromhex's grammar: [ws] [sign] ( inf | infinity | nan | [0x] hex [. hex] [p [sign]
// decimal] ) [ws], with at least one hex digit.
HexParse parse_hex_float(std::string_view text, double* out) {
  auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  size_t begin = 0, end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  std::string_view body = text.substr(begin, end - begin);
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (equals_ignoring_case(body, "inf") || equals_ignoring_case(body, "infinity")) {
    *out = negative ? -HUGE_VAL : HUGE_VAL;
    return HexParse::ok;
  }
  if (equals_ignoring_case(body, "nan")) {
    *out = negative ? -NAN : NAN;
    return HexParse::ok;
  }
  size_t at = 0;
  if (body.size() >= 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) at = 2;
  uint64_t value = 0;
  int kept_digits = 0;
  int64_t exponent = 0;  // power of two of `value`'s unit
  bool sticky = false, any_digit = false, after_point = false;
  for (; at < body.size(); ++at) {
    char c = body[at];
    if (c == '.' && !after_point) {
      after_point = true;
      continue;
    }
    int digit = hex_digit_value(c);
    if (digit < 0) break;
    any_digit = true;
    if (value == 0 && digit == 0) {
      if (after_point) exponent -= 4;
    } else if (kept_digits < 15) {
      value = value * 16 + uint64_t(digit);
      kept_digits++;
      if (after_point) exponent -= 4;
    } else {
      sticky = sticky || digit != 0;
      if (!after_point) exponent += 4;
    }
  }
  if (!any_digit) return HexParse::invalid;
  if (at < body.size()) {
    if (body[at] != 'p' && body[at] != 'P') return HexParse::invalid;
    ++at;
    bool exponent_negative = false;
    if (at < body.size() && (body[at] == '+' || body[at] == '-')) exponent_negative = body[at++] == '-';
    if (at == body.size()) return HexParse::invalid;
    int64_t written = 0;
    for (; at < body.size(); ++at) {
      if (body[at] < '0' || body[at] > '9') return HexParse::invalid;
      written = std::min<int64_t>(written * 10 + (body[at] - '0'), int64_t(1) << 40);
    }
    exponent += exponent_negative ? -written : written;
  }
  double magnitude = 0.0;
  if (value != 0) {
    HexParse result = round_binary(value, exponent, sticky, &magnitude);
    if (result != HexParse::ok) return result;
  }
  *out = negative ? -magnitude : magnitude;
  return HexParse::ok;
}

// float.fromhex(text), a class method: cls(value) for subclasses.
Ref<> float_fromhex(Object* cls, CallArgs args) {
  if (!check_positional("float.fromhex", args, 1, 1)) return nullptr;
  if (!is_str(args.values[0])) return raise(type_error_type, "bad argument type for built-in operation");
  double value;
  switch (parse_hex_float(static_cast<Str*>(args.values[0])->value, &value)) {
    case HexParse::invalid:
      return raise(value_error_type, "invalid hexadecimal floating-point string");
    case HexParse::overflow:
      return raise(overflow_error_type, "hexadecimal value too large to represent as a float");
    case HexParse::ok: break;
  }
  Ref<> result = make_float(value);
  if (!result || cls == &float_type) return result;
  return call(cls, {result.get()});
}

const NativeMethod float_methods[] = {
    {"is_integer", float_is_integer},
    {"as_integer_ratio", float_as_integer_ratio},
    {"conjugate", float_conjugate},
    {"hex", float_hex},
    {"fromhex", float_fromhex, MethodKind::class_},
    {"__trunc__", float_to_integer<truncate, trunc_name>},
    {"__floor__", float_to_integer<floor_of, floor_name>},
    {"__ceil__", float_to_integer<ceiling_of, ceil_name>},
    {"__round__", float_round},
    {"__format__", float_format},
    {"__divmod__", float_divmod_method},
    {"__rdivmod__", float_reflected_divmod_method},
    {"__getnewargs__", float_getnewargs},
    {nullptr, nullptr},
};

Ref<> float_get_real(Object* self) { return exact_float(self); }
Ref<> float_get_imag(Object*) { return make_float(0.0); }

const GetSetDefinition float_getsets[] = {
    {"real", float_get_real, nullptr},
    {"imag", float_get_imag, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

int install_float_methods() {
  float_type.new_instance = float_new;
  install_methods(float_type, float_methods);
  return install_getsets(float_type, float_getsets);
}

}  // namespace py
