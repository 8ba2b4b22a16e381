// int's methods and attributes (bit_length, bit_count, as_integer_ratio, conjugate,
// __round__, __format__, __divmod__, real/imag/numerator/denominator...) and bool's
// operators (True & False is a bool, True + 1 an int).
//
// Design: every method works on the Int layout directly (int64_t or BigInt, int.hpp); the
// ones whose answer is the int itself return an exact int (int.hpp exact_int), as CPython
// does for subclasses. to_bytes/from_bytes are in int_bytes.cpp.

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/format_spec.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/number_support.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

Int* as_int(Object* object) { return static_cast<Int*>(object); }

uint64_t bit_length_of(const Int* number) {
  if (number->big) return number->big->bit_length();
  uint64_t magnitude = number->value < 0 ? 0 - uint64_t(number->value) : uint64_t(number->value);
  return magnitude == 0 ? 0 : 64 - __builtin_clzll(magnitude);
}

Ref<> int_bit_length(Object* self, CallArgs args) {
  if (!check_positional("int.bit_length", args, 0, 0)) return nullptr;
  return make_int(int64_t(bit_length_of(as_int(self))));
}

Ref<> int_bit_count(Object* self, CallArgs args) {
  if (!check_positional("int.bit_count", args, 0, 0)) return nullptr;
  Int* number = as_int(self);
  int64_t count = 0;
  if (number->big) {
    for (uint32_t limb : number->big->magnitude()) count += __builtin_popcount(limb);
  } else {
    uint64_t magnitude =
        number->value < 0 ? 0 - uint64_t(number->value) : uint64_t(number->value);
    count = __builtin_popcountll(magnitude);
  }
  return make_int(count);
}

// Methods whose result is the int itself: conjugate, __trunc__, __floor__, __ceil__.
template <const char* name>
Ref<> int_itself(Object* self, CallArgs args) {
  if (!check_positional(name, args, 0, 0)) return nullptr;
  return exact_int(as_int(self));
}
constexpr char conjugate_name[] = "int.conjugate";
constexpr char trunc_name[] = "int.__trunc__";
constexpr char floor_name[] = "int.__floor__";
constexpr char ceil_name[] = "int.__ceil__";

Ref<> int_as_integer_ratio(Object* self, CallArgs args) {
  if (!check_positional("int.as_integer_ratio", args, 0, 0)) return nullptr;
  Ref<> numerator = exact_int(as_int(self));
  if (!numerator) return nullptr;
  return make_tuple({numerator.get(), make_int(1).get()});
}

Ref<> int_getnewargs(Object* self, CallArgs args) {
  if (!check_positional("int.__getnewargs__", args, 0, 0)) return nullptr;
  Ref<> value = exact_int(as_int(self));
  if (!value) return nullptr;
  return make_tuple({value.get()});
}

// round(number, -places): the nearest multiple of 10**places, halves to even
// (CPython's _PyLong_Round).
Ref<> round_to_tens(const Int* number, uint64_t places) {
  // 10**places > 2 * |number| rounds everything to zero: skip the huge power.
  if (double(places) > double(bit_length_of(number)) * 0.30103 + 2) return make_int(0);
  BigInt value = int_to_bigint(number);
  BigInt power = BigInt::pow(BigInt::from_int64(10), places);
  std::optional<BigInt::DivMod> division = BigInt::divmod(value, power);
  BigInt remainder = std::move(division->remainder);
  int versus_half = compare(remainder + remainder, power);
  const std::vector<uint32_t>& quotient = division->quotient.magnitude();
  bool quotient_odd = !quotient.empty() && (quotient[0] & 1) != 0;
  if (versus_half > 0 || (versus_half == 0 && quotient_odd)) remainder = remainder - power;
  return make_int(value - remainder);
}

Ref<> int_round(Object* self, CallArgs args) {
  if (!check_positional("__round__", args, 0, 1)) return nullptr;
  if (args.count == 0) return exact_int(as_int(self));  // int.__round__(None) is a TypeError
  Ref<> places_object = index(args.values[0]);
  if (!places_object) return nullptr;
  Int* places = as_int(places_object.get());
  bool negative = places->big ? places->big->is_negative() : places->value < 0;
  if (!negative) return exact_int(as_int(self));
  if (places->big) return make_int(0);
  return round_to_tens(as_int(self), 0 - uint64_t(places->value));
}

Ref<> int_format(Object* self, CallArgs args) {
  if (!check_positional("int.__format__", args, 1, 1)) return nullptr;
  Object* spec = args.values[0];
  if (!is_str(spec))
    return raise_format(type_error_type, "__format__() argument must be str, not {}",
                        is_none(spec) ? "None" : type_name(spec->type));
  std::string_view spec_text = static_cast<Str*>(spec)->value;
  if (spec_text.empty()) return to_str(self);
  Int* number = as_int(self);
  FormatResult result = number->big
                            ? format_int(*number->big, spec_text, type_name(self->type))
                            : format_int(number->value, spec_text, type_name(self->type));
  if (!result.ok()) return raise_number_error(*result.error);
  return make_str(std::move(result.text));
}

Ref<> int_divmod_method(Object* self, CallArgs args) {
  if (!check_positional("__divmod__", args, 1, 1)) return nullptr;
  if (!is_int(args.values[0])) return not_implemented();
  return number_divmod(self, args.values[0]);
}

Ref<> int_reflected_divmod_method(Object* self, CallArgs args) {
  if (!check_positional("__rdivmod__", args, 1, 1)) return nullptr;
  if (!is_int(args.values[0])) return not_implemented();
  return number_divmod(args.values[0], self);
}

const NativeMethod int_methods[] = {
    {"bit_length", int_bit_length},
    {"bit_count", int_bit_count},
    {"as_integer_ratio", int_as_integer_ratio},
    {"conjugate", int_itself<conjugate_name>},
    {"__trunc__", int_itself<trunc_name>},
    {"__floor__", int_itself<floor_name>},
    {"__ceil__", int_itself<ceil_name>},
    {"__round__", int_round},
    {"__format__", int_format},
    {"__divmod__", int_divmod_method},
    {"__rdivmod__", int_reflected_divmod_method},
    {"__getnewargs__", int_getnewargs},
    {nullptr, nullptr},
};

Ref<> int_get_itself(Object* self) { return exact_int(as_int(self)); }
Ref<> int_get_zero(Object*) { return make_int(0); }
Ref<> int_get_one(Object*) { return make_int(1); }

const GetSetDefinition int_getsets[] = {
    {"real", int_get_itself, nullptr},
    {"imag", int_get_zero, nullptr},
    {"numerator", int_get_itself, nullptr},
    {"denominator", int_get_one, nullptr},
    {nullptr, nullptr, nullptr},
};

// bool & bool, bool | bool, bool ^ bool are bools; with any other int they are ints.
template <BinaryOp op>
Ref<> bool_bitwise(Object* self, Object* other, bool reflected) {
  if (!is_int(other)) return not_implemented();
  if (is_exact(other, bool_type)) {
    bool left = self == &true_object, right = other == &true_object;
    switch (op) {
      case BinaryOp::bit_and: return make_bool(left && right);
      case BinaryOp::bit_or: return make_bool(left || right);
      default: return make_bool(left != right);
    }
  }
  return reflected ? int_binary_operation(other, self, op) : int_binary_operation(self, other, op);
}

}  // namespace

int install_int_methods() {
  install_methods(int_type, int_methods);
  install_int_bytes_methods();
  return install_getsets(int_type, int_getsets);
}

int install_bool_operators() {
  bool_type.binary[size_t(BinaryOp::bit_and)] = bool_bitwise<BinaryOp::bit_and>;
  bool_type.binary[size_t(BinaryOp::bit_or)] = bool_bitwise<BinaryOp::bit_or>;
  bool_type.binary[size_t(BinaryOp::bit_xor)] = bool_bitwise<BinaryOp::bit_xor>;
  return 0;
}

std::nullptr_t raise_number_error(const NumberError& error) {
  switch (error.type) {
    case NumberErrorType::value_error: return raise(value_error_type, error.message);
    case NumberErrorType::type_error: return raise(type_error_type, error.message);
    case NumberErrorType::overflow_error: return raise(overflow_error_type, error.message);
  }
  return nullptr;
}

}  // namespace py
