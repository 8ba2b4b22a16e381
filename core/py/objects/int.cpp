// int and bool: the types, the small-int cache, conversions, hash, repr, comparison, the
// unary operators and the constructors int(x, base) and bool(x). The binary operators are
// in int_arithmetic.cpp, the methods in int_methods.cpp.
//
// Design: an Int keeps its value in int64_t while it fits (int.hpp), so each operation
// starts with a branch on `big`; the small ints -5..256 and True/False are static objects
// with immortal counts, so nothing about them is per run and a loop counter never
// allocates. Cost: every operation on a big int copies its BigInt operands.
#include "core/py/objects/int.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/number_parse.hpp"
#include "core/py/objects/number_support.hpp"
#include "core/py/objects/ready.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type int_type = builtin_type<Int>("int", type_flag_base_allowed | type_flag_int_subclass);
Type bool_type = builtin_type<Int>("bool", type_flag_int_subclass);
constinit Int true_object{{immortal_refcount, &bool_type}, 1, nullptr};
constinit Int false_object{{immortal_refcount, &bool_type}, 0, nullptr};

// Static objects, constant-initialized so make_int works even from other files' static
// initializers.
constexpr SmallInts::SmallInts() {
  for (int64_t i = smallest_cached_int; i <= largest_cached_int; ++i) {
    Int& number = values[i - smallest_cached_int];
    number.refcount = immortal_refcount;
    number.type = &int_type;
    number.value = i;
  }
}
constinit SmallInts small_ints;

namespace {

Int* as_int(Object* object) { return static_cast<Int*>(object); }

// The decimal digits of `value`, written backwards ending at `end`; returns where they
// start. Not std::to_string: in wasm that is Emscripten's libc++, built -Oz, whose string
// takes the digits with a function call per character: str(n) took over a quarter longer.
char* write_decimal(int64_t value, char* end) {
  uint64_t magnitude = value < 0 ? 0 - uint64_t(value) : uint64_t(value);
  do {
    *--end = char('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) *--end = '-';
  return end;
}

}  // namespace

Ref<Int> make_uncached_int(int64_t value) {
  Ref<Int> number = make_object<Int>(&int_type);
  if (number) number->value = value;
  return number;
}

Ref<Int> make_int(BigInt value) {
  if (std::optional<int64_t> small = value.to_int64()) return make_int(*small);
  Ref<Int> number = make_object<Int>(&int_type);
  if (number) number->big = std::make_unique<BigInt>(std::move(value));
  return number;
}

BigInt int_to_bigint(const Int* number) {
  return number->big ? *number->big : BigInt::from_int64(number->value);
}

bool int_to_double(const Int* number, double* out) {
  if (!number->big) {
    *out = double(number->value);  // correctly rounded by the conversion
    return true;
  }
  std::optional<double> value = number->big->to_double();
  if (!value) {
    raise(overflow_error_type, "int too large to convert to float");
    return false;
  }
  *out = *value;
  return true;
}

Ref<Int> int_from_double(double value) {
  if (std::isinf(value)) return raise(overflow_error_type, "cannot convert float infinity to integer");
  if (std::isnan(value)) return raise(value_error_type, "cannot convert float NaN to integer");
  double truncated = std::trunc(value);
  if (truncated >= -9223372036854775808.0 && truncated < 9223372036854775808.0)
    return make_int(int64_t(truncated));
  return make_int(BigInt::from_double(truncated));
}

int64_t int_hash(const Int* number) {
  if (number->big) return number->big->hash();
  constexpr uint64_t modulus = (uint64_t(1) << 61) - 1;
  uint64_t magnitude = number->value < 0 ? 0 - uint64_t(number->value) : uint64_t(number->value);
  int64_t hash = int64_t(magnitude % modulus);
  if (number->value < 0) hash = -hash;
  return hash == -1 ? -2 : hash;
}

Ref<Int> exact_int(Int* number) {
  if (is_exact(number, int_type)) return Ref<Int>::borrow(number);
  if (number->big) return make_int(*number->big);
  return make_int(number->value);
}

Ref<Str> int_to_decimal(const Int* number) {
  if (!number->big) {
    char text[20];  // -9223372036854775808
    char* end = text + sizeof text;
    char* start = write_decimal(number->value, end);
    return make_str(std::string_view(start, size_t(end - start)));
  }
  std::optional<std::string> digits = number->big->to_string(10);
  if (!digits)
    return raise(value_error_type,
                 "Exceeds the limit (4300 digits) for integer string conversion; use "
                 "sys.set_int_max_str_digits() to increase the limit");
  return make_str(std::move(*digits));
}

Ref<Int> int_from_text(std::string_view text, int base, std::string_view text_repr) {
  IntLiteralParse parsed = parse_int_literal(text, base);
  if (!parsed.literal) {
    if (parsed.digits_over_limit)
      return raise(value_error_type, int_digit_limit_message(parsed.digits_over_limit));
    return raise(value_error_type, invalid_int_literal_message(base, text_repr));
  }
  const IntLiteral& literal = *parsed.literal;
  if (literal.base == 10 && literal.digits.size() <= 18) {
    int64_t value = 0;
    for (char digit : literal.digits) value = value * 10 + (digit - '0');
    return make_int(literal.negative ? -value : value);
  }
  std::optional<BigInt> value = BigInt::parse_digits(literal.digits, literal.base);
  if (!value) return raise(value_error_type, invalid_int_literal_message(base, text_repr));
  return make_int(literal.negative ? -*value : std::move(*value));
}

bool compare_order(int order, CompareOp op) {
  switch (op) {
    case CompareOp::less: return order < 0;
    case CompareOp::less_equal: return order <= 0;
    case CompareOp::equal: return order == 0;
    case CompareOp::not_equal: return order != 0;
    case CompareOp::greater: return order > 0;
    case CompareOp::greater_equal: return order >= 0;
  }
  return false;
}

namespace {

// --- slots ---------------------------------------------------------------------------------

Ref<> int_repr(Object* self) { return int_to_decimal(as_int(self)); }

int64_t int_hash_slot(Object* self) { return int_hash(as_int(self)); }

int compare_ints(const Int* left, const Int* right) {
  if (!left->big && !right->big)
    return left->value < right->value ? -1 : (left->value > right->value ? 1 : 0);
  return compare(int_to_bigint(left), int_to_bigint(right));
}

Ref<> int_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_int(other)) return not_implemented();
  return make_bool(compare_order(compare_ints(as_int(self), as_int(other)), op));
}

int int_truthy(Object* self) {
  Int* number = as_int(self);
  return number->big || number->value != 0;
}

Ref<> int_negative(Object* self) {
  Int* number = as_int(self);
  if (!number->big && number->value != INT64_MIN) return make_int(-number->value);
  return make_int(-int_to_bigint(number));
}

Ref<> int_positive(Object* self) { return exact_int(as_int(self)); }

Ref<> int_invert(Object* self) {
  Int* number = as_int(self);
  if (!number->big) return make_int(~number->value);
  return make_int(~*number->big);
}

Ref<> int_absolute(Object* self) {
  Int* number = as_int(self);
  if (number->big ? number->big->is_negative() : number->value < 0) return int_negative(self);
  return exact_int(number);
}

Ref<> int_to_float_slot(Object* self) {
  double value;
  if (!int_to_double(as_int(self), &value)) return nullptr;
  return make_float(value);
}

// --- int(x=0, base=10) ---------------------------------------------------------------------

// int(text, base) for a str or bytes `value`; NotImplemented (no exception) for any other
// object. Bytes must be ASCII (the Unicode digits a str may hold are not bytes digits).
Ref<> int_from_text_object(Object* value, int base) {
  std::string_view text;
  if (is_str(value)) {
    text = static_cast<Str*>(value)->value;
  } else if (is_bytes(value)) {
    text = as_bytes(value)->value;
  } else {
    return not_implemented();
  }
  Ref<Str> text_repr = repr(value);
  if (!text_repr) return nullptr;
  if (is_bytes(value) && std::any_of(text.begin(), text.end(), [](char c) { return c & 0x80; }))
    return raise(value_error_type, invalid_int_literal_message(base, text_repr->value));
  return int_from_text(text, base, text_repr->value);
}

// int(x) without a base: CPython's PyNumber_Long.
Ref<> int_from_object(Object* value) {
  if (is_exact(value, int_type)) return Ref<>::borrow(value);
  Ref<> result;
  if (value->type->to_int) {
    result = value->type->to_int(value);
  } else if (value->type->index) {
    result = value->type->index(value);
  } else if (type_lookup(value->type, intern_borrowed("__trunc__"))) {
    result = call_method(value, "__trunc__", {});
    if (result && !is_int(result.get())) {
      if (!result->type->index)
        return raise_format(type_error_type, "__trunc__ returned non-Integral (type {})",
                            type_name(result->type));
      result = result->type->index(result.get());
    }
  } else if (is_str(value) || is_bytes(value)) {
    return int_from_text_object(value, 10);
  } else {
    return raise_format(type_error_type,
                        "int() argument must be a string, a bytes-like object or a real number, "
                        "not '{}'",
                        type_name(value->type));
  }
  if (!result) return nullptr;
  if (!is_int(result.get()))
    return raise_format(type_error_type, "__int__ returned non-int (type {})",
                        type_name(result->type));
  return exact_int(as_int(result.get()));
}

Ref<> int_value_from_arguments(CallArgs args) {
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    std::string_view keyword = static_cast<Str*>(args.keyword_names->items[i].get())->value;
    if (keyword != "base")
      return raise_format(type_error_type, "'{}' is an invalid keyword argument for int()", keyword);
  }
  Object* arguments[2];
  if (!parse_arguments("int", args, {"", "base"}, 0, arguments, 1)) return nullptr;
  Object* value = arguments[0];
  Object* base_object = arguments[1];
  if (!base_object) return value ? int_from_object(value) : Ref<>(make_int(0));
  if (!value) return raise(type_error_type, "int() missing string argument");
  int64_t base;
  if (!index_to_int64(base_object, &base)) {
    if (!exception_matches(overflow_error_type)) return nullptr;
    clear_exception();
    base = -1;
  }
  if (base != 0 && (base < 2 || base > 36))
    return raise(value_error_type, "int() base must be >= 2 and <= 36, or 0");
  Ref<> result = int_from_text_object(value, int(base));
  if (result.get() == &not_implemented_object)
    return raise(type_error_type, "int() can't convert non-string with explicit base");
  return result;
}

Ref<> int_new(Type* type, CallArgs args) {
  Ref<> value = int_value_from_arguments(args);
  if (!value || type == &int_type) return value;
  if (!is_subtype(type, &int_type))
    return raise_format(type_error_type, "int.__new__({}): {} is not a subtype of int",
                        type_name(type), type_name(type));
  Ref<Int> instance = make_object<Int>(type);
  if (!instance) return nullptr;
  Int* number = as_int(value.get());
  instance->value = number->value;
  if (number->big) instance->big = std::make_unique<BigInt>(*number->big);
  return instance;
}

// --- bool ----------------------------------------------------------------------------------

Ref<> bool_repr(Object* self) { return make_str(std::string_view(self == &true_object ? "True" : "False")); }

Ref<> bool_new(Type*, CallArgs args) {
  if (args.keyword_count() != 0) return raise(type_error_type, "bool() takes no keyword arguments");
  if (!check_positional("bool", args, 0, 1)) return nullptr;
  if (args.count == 0) return make_bool(false);
  int truth = truthy(args.values[0]);
  if (truth < 0) return nullptr;
  return make_bool(truth);
}

int ready_int_type() {
  int_type.new_instance = int_new;
  int_type.repr = int_repr;
  int_type.hash = int_hash_slot;
  int_type.rich_compare = int_rich_compare;
  int_type.truthy = int_truthy;
  int_type.negative = int_negative;
  int_type.positive = int_positive;
  int_type.invert = int_invert;
  int_type.absolute = int_absolute;
  int_type.index = int_positive;
  int_type.to_int = int_positive;
  int_type.to_float = int_to_float_slot;
  install_int_operators(int_type);
  if (install_int_methods() < 0) return -1;
  return ready_type(int_type);
}

int ready_bool_type() {
  bool_type.base = &int_type;
  bool_type.new_instance = bool_new;
  bool_type.repr = bool_repr;
  if (install_bool_operators() < 0) return -1;
  return ready_type(bool_type);
}

}  // namespace

void ready_number_types() {
  if (ready_int_type() < 0 || ready_bool_type() < 0) return;
  ready_float_type();
}

}  // namespace py
