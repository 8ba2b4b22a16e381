// The numeric and reducing builtins: abs divmod pow round chr ord hex oct bin sum min max
// any all. Each defers to the abstract operations (so user classes with dunders work) and
// only adds the builtin's own argument checks and CPython's messages.
#include <string>
#include <vector>

#include "core/py/builtins/builtin_functions.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

Ref<> abs_function(Object*, CallArgs args) {
  if (!check_positional("abs", args, 1, 1)) return nullptr;
  return absolute(args.values[0]);
}

Ref<> divmod_function(Object*, CallArgs args) {
  if (!check_positional("divmod", args, 2, 2)) return nullptr;
  Object* left = args.values[0];
  Object* right = args.values[1];
  Ref<> result = number_divmod(left, right);
  if (!result || result.get() != &not_implemented_object) return result;
  // Other operand types: __divmod__ / __rdivmod__ by name.
  for (int reflected = 0; reflected < 2; ++reflected) {
    Object* self = reflected ? right : left;
    Object* other = reflected ? left : right;
    if (reflected && right->type == left->type) break;
    Object* method = type_lookup(self->type, intern_borrowed(reflected ? "__rdivmod__" : "__divmod__"));
    if (!method) continue;
    Ref<> value = call(method, {self, other});
    if (!value || value.get() != &not_implemented_object) return value;
  }
  return raise_format(type_error_type, "unsupported operand type(s) for divmod(): '{}' and '{}'",
                      type_name(left->type), type_name(right->type));
}

// pow(base, exp, mod=None)
Ref<> pow_function(Object*, CallArgs args) {
  Object* values[3] = {};
  if (!parse_arguments("pow", args, {"base", "exp", "mod"}, 2, values)) return nullptr;
  if (!values[2] || is_none(values[2])) return binary_operation(values[0], values[1], BinaryOp::power);
  Ref<> result = power_with_modulus(values[0], values[1], values[2]);
  if (!result || result.get() != &not_implemented_object) return result;
  return raise_format(type_error_type,
                      "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                      type_name(values[0]->type), type_name(values[1]->type),
                      type_name(values[2]->type));
}

// round(number, ndigits=None): calls type(number).__round__.
Ref<> round_function(Object*, CallArgs args) {
  Object* values[2] = {};
  if (!parse_arguments("round", args, {"number", "ndigits"}, 1, values)) return nullptr;
  Object* number = values[0];
  Object* method = type_lookup(number->type, intern_borrowed("__round__"));
  if (!method) {
    return raise_format(type_error_type, "type {} doesn't define __round__ method",
                        type_name(number->type));
  }
  if (!values[1] || is_none(values[1])) return call(method, {number});
  return call(method, {number, values[1]});
}

Ref<> chr_function(Object*, CallArgs args) {
  if (!check_positional("chr", args, 1, 1)) return nullptr;
  int64_t code = 0;
  if (!index_to_int64(args.values[0], &code)) {
    if (exception_pending() && !exception_matches(overflow_error_type)) return nullptr;
    clear_exception();
    return raise(overflow_error_type, "Python int too large to convert to C int");
  }
  if (code < 0 || code >= 0x110000) return raise(value_error_type, "chr() arg not in range(0x110000)");
  return str_from_code_point(char32_t(code));
}

Ref<> ord_function(Object*, CallArgs args) {
  if (!check_positional("ord", args, 1, 1)) return nullptr;
  Object* value = args.values[0];
  if (!is_str(value)) {
    return raise_format(type_error_type, "ord() expected string of length 1, but {} found",
                        type_name(value->type));
  }
  Str* text = as_str(value);
  if (text->length != 1) {
    return raise_format(type_error_type, "ord() expected a character, but string of length {} found",
                        text->length);
  }
  return make_int(int64_t(decode_utf8(text->value)[0]));
}

// hex/oct/bin: format(index(x), '#x') and friends.
Ref<> radix_text(Object* value, const char* spec) {
  Ref<> number = index(value);
  if (!number) return nullptr;
  Ref<Str> spec_text = make_str(spec);
  if (!spec_text) return nullptr;
  return format(number.get(), spec_text.get());
}
Ref<> hex_function(Object*, CallArgs args) {
  if (!check_positional("hex", args, 1, 1)) return nullptr;
  return radix_text(args.values[0], "#x");
}
Ref<> oct_function(Object*, CallArgs args) {
  if (!check_positional("oct", args, 1, 1)) return nullptr;
  return radix_text(args.values[0], "#o");
}
Ref<> bin_function(Object*, CallArgs args) {
  if (!check_positional("bin", args, 1, 1)) return nullptr;
  return radix_text(args.values[0], "#b");
}

// format(value, format_spec='')
Ref<> format_function(Object*, CallArgs args) {
  Object* values[2] = {};
  if (!parse_arguments("format", args, {"value", "format_spec"}, 1, values, 2)) return nullptr;
  if (!values[1]) {
    Ref<Str> empty = make_str("");
    if (!empty) return nullptr;
    return format(values[0], empty.get());
  }
  if (!is_str(values[1])) {
    return raise_format(type_error_type, "format() argument 2 must be str, not {}",
                        type_name(values[1]->type));
  }
  return format(values[0], as_str(values[1]));
}

// sum(iterable, /, start=0)
Ref<> sum_function(Object*, CallArgs args) {
  Object* values[2] = {};
  if (!parse_arguments("sum", args, {"iterable", "start"}, 1, values, 1)) return nullptr;
  Ref<> total = values[1] ? Ref<>::borrow(values[1]) : Ref<>(make_int(0));
  if (!total) return nullptr;
  if (is_str(total.get()))
    return raise(type_error_type, "sum() can't sum strings [use ''.join(seq) instead]");
  if (total->type == &bytes_type)
    return raise(type_error_type, "sum() can't sum bytes [use b''.join(seq) instead]");
  Ref<> iterator = get_iter(values[0]);
  if (!iterator) return nullptr;
  while (Ref<> item = iter_next(iterator.get())) {
    total = binary_operation(total.get(), item.get(), BinaryOp::add);
    if (!total) return nullptr;
  }
  if (exception_pending()) return nullptr;
  return total;
}

// min/max(iterable, *, key=None, default=<none>) or min/max(a, b, *args, key=None).
Ref<> min_max(const char* function, CallArgs args, CompareOp better) {
  const size_t positional = args.positional_count();
  Object* key = nullptr;
  Object* default_value = nullptr;
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    const std::string& keyword = as_str(args.keyword_names->items[i].get())->value;
    Object* value = args.values[positional + i];
    if (keyword == "key") key = is_none(value) ? nullptr : value;
    else if (keyword == "default") default_value = value;
    else return raise_format(type_error_type, "'{}' is an invalid keyword argument for {}()", keyword, function);
  }
  if (positional == 0)
    return raise_format(type_error_type, "{} expected at least 1 argument, got 0", function);
  if (positional > 1 && default_value) {
    return raise_format(type_error_type,
                        "Cannot specify a default for {}() with multiple positional arguments", function);
  }
  Ref<> iterator;
  if (positional == 1) {
    iterator = get_iter(args.values[0]);
  } else {
    std::vector<Ref<>> items;
    for (size_t i = 0; i < positional; ++i) items.push_back(Ref<>::borrow(args.values[i]));
    Ref<Tuple> all = make_tuple(std::move(items));
    if (!all) return nullptr;
    iterator = get_iter(all.get());
  }
  if (!iterator) return nullptr;
  Ref<> best, best_key;
  while (Ref<> item = iter_next(iterator.get())) {
    Ref<> item_key = key ? call(key, {item.get()}) : item;
    if (!item_key) return nullptr;
    if (!best) {
      best = std::move(item);
      best_key = std::move(item_key);
      continue;
    }
    const int wins = compare_truth(item_key.get(), best_key.get(), better);
    if (wins < 0) return nullptr;
    if (wins) {
      best = std::move(item);
      best_key = std::move(item_key);
    }
  }
  if (exception_pending()) return nullptr;
  if (best) return best;
  if (default_value) return Ref<>::borrow(default_value);
  return raise_format(value_error_type, "{}() arg is an empty sequence", function);
}
Ref<> min_function(Object*, CallArgs args) { return min_max("min", args, CompareOp::less); }
Ref<> max_function(Object*, CallArgs args) { return min_max("max", args, CompareOp::greater); }

// any/all: stop at the first item whose truth is `stop_on`.
Ref<> any_all(const char* function, CallArgs args, bool stop_on) {
  if (!check_positional(function, args, 1, 1)) return nullptr;
  Ref<> iterator = get_iter(args.values[0]);
  if (!iterator) return nullptr;
  while (Ref<> item = iter_next(iterator.get())) {
    const int truth = truthy(item.get());
    if (truth < 0) return nullptr;
    if (bool(truth) == stop_on) return make_bool(stop_on);
  }
  if (exception_pending()) return nullptr;
  return make_bool(!stop_on);
}
Ref<> any_function(Object*, CallArgs args) { return any_all("any", args, true); }
Ref<> all_function(Object*, CallArgs args) { return any_all("all", args, false); }

}  // namespace

const NativeMethod number_builtin_functions[] = {
    {"abs", abs_function},       {"divmod", divmod_function}, {"pow", pow_function},
    {"round", round_function},   {"chr", chr_function},       {"ord", ord_function},
    {"hex", hex_function},       {"oct", oct_function},       {"bin", bin_function},
    {"format", format_function}, {"sum", sum_function},       {"min", min_function},
    {"max", max_function},       {"any", any_function},       {"all", all_function},
    {nullptr, nullptr},
};

}  // namespace py
