// The printf-style % operator of str, as CPython 3.11's PyUnicode_Format: %s %r %a %c,
// %d %i %u %o %x %X, %e %E %f %F %g %G, flags "-+ #0", width and precision (either may be
// `*`, taken from the arguments), mapping keys "%(name)s", "%%", and CPython's errors ("not
// enough arguments for format string", "not all arguments converted during string
// formatting", "%d format: a real number is required, not str", "unsupported format
// character 'y' (0x79) at index 1"). The number layouts are format_spec.hpp's.
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/format_spec.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/number_support.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/syntax/utf8.hpp"

namespace py {

namespace {

// The arguments being consumed (CPython's arglen/argidx: a single non-tuple value is an
// argument list of its own, at index -2 before use and -1 after).
struct PercentArguments {
  Object* values = nullptr;    // the right operand (borrowed)
  Object* mapping = nullptr;   // the right operand when it is a mapping, for %(key)
  Object* current = nullptr;   // the value of the last %(key) lookup, owned by `keyed`
  Ref<> keyed;                 // holds `current`
  int64_t count = -1;          // tuple length, or -1 for a single value
  int64_t next = -2;           // the next index (see above)

  // The next argument (borrowed), or null after raising "not enough arguments".
  Object* take() {
    if (next < count) {
      const int64_t at = next++;
      if (count < 0) return current ? current : values;
      return static_cast<Tuple*>(values)->items[size_t(at)].get();
    }
    raise(type_error_type, "not enough arguments for format string");
    return nullptr;
  }
};

// `*` in a width or precision: the next argument, an int.
bool star_argument(PercentArguments& arguments, int64_t* out) {
  Object* value = arguments.take();
  if (!value) return false;
  if (!is_int(value)) {
    raise(type_error_type, "* wants int");
    return false;
  }
  if (!index_to_int64(value, out)) return false;
  return true;
}

// Formats an integer conversion of `value` (CPython's mainformatlong).
bool format_integer(const PercentSpec& spec, Object* value, std::string& out) {
  Ref<> number;
  if (is_int(value)) {
    number = Ref<>::borrow(value);
  } else if (spec.conversion == 'd' || spec.conversion == 'i' || spec.conversion == 'u') {
    if (!value->type->index && !value->type->to_int && !value->type->to_float) {
      raise_format(type_error_type, "%{} format: a real number is required, not {}",
                   spec.conversion, type_name(value->type));
      return false;
    }
    number = call(&int_type, {value});
  } else {
    if (!value->type->index) {
      raise_format(type_error_type, "%{} format: an integer is required, not {}", spec.conversion,
                   type_name(value->type));
      return false;
    }
    number = index(value);
  }
  if (!number) return false;
  auto* integer = static_cast<Int*>(number.get());
  FormatResult result = integer->big ? format_percent_int(spec, *integer->big)
                                     : format_percent_int(spec, integer->value);
  if (!result.ok()) {
    raise_number_error(*result.error);
    return false;
  }
  out += result.text;
  return true;
}

bool format_character(const PercentSpec& spec, Object* value, std::string& out) {
  if (is_str(value)) {
    if (as_str(value)->length != 1) {
      raise(type_error_type, "%c requires int or char");
      return false;
    }
    out += format_percent_text(spec, as_str(value)->value);
    return true;
  }
  if (!is_int(value)) {
    raise(type_error_type, "%c requires int or char");
    return false;
  }
  return format_integer(spec, value, out);
}

bool format_one(const PercentSpec& spec, Object* value, std::string& out) {
  switch (spec.conversion) {
    case 's': case 'r': case 'a': {
      Ref<Str> text = spec.conversion == 's'   ? to_str(value)
                      : spec.conversion == 'r' ? repr(value)
                                               : ascii(value);
      if (!text) return false;
      out += format_percent_text(spec, text->value);
      return true;
    }
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      return format_integer(spec, value, out);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
      double number = 0;
      if (!is_float(value) && !is_int(value) && !value->type->to_float && !value->type->index) {
        raise_format(type_error_type, "must be real number, not {}", type_name(value->type));
        return false;
      }
      if (!to_double(value, &number)) return false;
      FormatResult result = format_percent_float(spec, number);
      if (!result.ok()) {
        raise_number_error(*result.error);
        return false;
      }
      out += result.text;
      return true;
    }
    case 'c':
      return format_character(spec, value, out);
  }
  return false;
}

}  // namespace

Ref<> str_percent_format(Str* format_text, Object* values) {
  PercentArguments arguments;
  arguments.values = values;
  if (is_tuple(values)) {
    arguments.count = int64_t(tuple_size(static_cast<Tuple*>(values)));
    arguments.next = 0;
  } else if (values->type->get_item && !is_str(values)) {
    arguments.mapping = values;
  }
  const std::string_view text = format_text->value;
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t percent = text.find('%', at);
    if (percent == std::string_view::npos) {
      out.append(text.substr(at));
      break;
    }
    out.append(text.substr(at, percent - at));
    at = percent + 1;
    if (at >= text.size()) return raise(value_error_type, "incomplete format");
    if (text[at] == '%') {
      out += '%';
      ++at;
      continue;
    }
    if (text[at] == '(') {
      if (!arguments.mapping) return raise(type_error_type, "format requires a mapping");
      int depth = 1;
      const size_t key_start = ++at;
      while (at < text.size() && depth > 0) {
        if (text[at] == '(') ++depth;
        if (text[at] == ')') --depth;
        ++at;
      }
      if (depth > 0) return raise(value_error_type, "incomplete format key");
      Ref<Str> key = make_str(text.substr(key_start, at - 1 - key_start));
      if (!key) return nullptr;
      arguments.keyed = get_item(arguments.mapping, key.get());
      if (!arguments.keyed) return nullptr;
      arguments.current = arguments.keyed.get();
      arguments.count = -1;
      arguments.next = -2;
    }
    PercentSpec spec;
    for (; at < text.size(); ++at) {
      const char flag = text[at];
      if (flag == '-') spec.left_adjust = true;
      else if (flag == '+') spec.force_sign = true;
      else if (flag == ' ') spec.blank_sign = true;
      else if (flag == '#') spec.alternate = true;
      else if (flag == '0') spec.zero_pad = true;
      else break;
    }
    if (at < text.size() && text[at] == '*') {
      if (!star_argument(arguments, &spec.width)) return nullptr;
      if (spec.width < 0) {
        spec.left_adjust = true;
        spec.width = -spec.width;
      }
      ++at;
    } else {
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        if (spec.width < 0) spec.width = 0;
        if (spec.width > (INT64_MAX - 9) / 10) return raise(value_error_type, "width too big");
        spec.width = spec.width * 10 + (text[at++] - '0');
      }
    }
    if (at < text.size() && text[at] == '.') {
      ++at;
      spec.precision = 0;
      if (at < text.size() && text[at] == '*') {
        if (!star_argument(arguments, &spec.precision)) return nullptr;
        if (spec.precision < 0) spec.precision = 0;
        ++at;
      } else {
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
          if (spec.precision > (INT64_MAX - 9) / 10)
            return raise(value_error_type, "precision too big");
          spec.precision = spec.precision * 10 + (text[at++] - '0');
        }
      }
    }
    if (at >= text.size()) return raise(value_error_type, "incomplete format");
    Object* value = arguments.take();
    if (!value) return nullptr;
    size_t after = at;
    const char32_t conversion = utf8::decode(text, after);
    if (conversion >= 0x80 ||
        std::string_view("sracdiuoxXeEfFgG").find(char(conversion)) == std::string_view::npos) {
      const int64_t position = utf8::count_characters(text.substr(0, at));
      return raise_format(value_error_type,
                          "unsupported format character '{}' (0x{:x}) at index {}",
                          conversion >= 31 && conversion <= 126 ? char(conversion) : '?',
                          unsigned(conversion), position);
    }
    spec.conversion = char(conversion);
    if (!format_one(spec, value, out)) return nullptr;
    at = after;
  }
  if (arguments.next < arguments.count && !arguments.mapping) {
    return raise(type_error_type, "not all arguments converted during string formatting");
  }
  return make_str(std::move(out));
}

}  // namespace py
