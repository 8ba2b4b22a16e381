// format() and %-formatting of float, int and str as CPython 3.11; see format_spec.hpp.
// Function names follow Python/formatter_unicode.c so the two can be read side by side.
#include "core/py/objects/format_spec.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>

#include "core/py/objects/number_parse.hpp"

namespace py {
namespace {

NumberError value_error(std::string message) {
  return NumberError{NumberErrorType::value_error, std::move(message)};
}

FormatResult failure(NumberError error) { return FormatResult{std::string(), std::move(error)}; }
FormatResult success(std::string text) { return FormatResult{std::move(text), std::nullopt}; }

const char* const int_string_limit_message =
    "Exceeds the limit (4300 digits) for integer string conversion; "
    "use sys.set_int_max_str_digits() to increase the limit";

int64_t code_point_count(std::string_view text) {
  int64_t count = 0;
  for (char byte : text) count += (static_cast<unsigned char>(byte) & 0xc0) != 0x80;
  return count;
}

// The bytes of the first `count` code points of `text`.
std::string_view first_code_points(std::string_view text, int64_t count) {
  size_t position = 0;
  for (int64_t i = 0; i < count && position < text.size(); ++i) next_code_point(text, position);
  return text.substr(0, position);
}

void append_repeated(std::string& out, char32_t code_point, int64_t count) {
  for (int64_t i = 0; i < count; ++i) append_utf8(out, code_point);
}

// "'%c'" for a printable ASCII presentation type, else "'\x%x'", as CPython's messages.
std::string quoted_type(char32_t type) {
  if (type > 32 && type < 128) return std::string("'") + static_cast<char>(type) + "'";
  char hex[16];
  std::snprintf(hex, sizeof hex, "'\\x%x'", static_cast<unsigned>(type));
  return hex;
}

NumberError unknown_presentation_type(char32_t type, std::string_view type_name) {
  return value_error("Unknown format code " + quoted_type(type) + " for object of type '" +
                     std::string(type_name) + "'");
}

bool is_alignment_token(char32_t ch) { return ch == '<' || ch == '>' || ch == '=' || ch == '^'; }
bool is_sign_element(char32_t ch) { return ch == ' ' || ch == '+' || ch == '-'; }

// get_integer: the decimal number (any Unicode digits) at spec[position...]. Returns the
// digit count, or -1 on overflow of int64_t.
int get_integer(const std::u32string& spec, size_t& position, int64_t& result) {
  int64_t accumulator = 0;
  int digit_count = 0;
  for (; position < spec.size(); ++position, ++digit_count) {
    int digit = unicode_decimal_value(spec[position]);
    if (digit < 0) break;
    if (accumulator > (INT64_MAX - digit) / 10) return -1;
    accumulator = accumulator * 10 + digit;
  }
  result = accumulator;
  return digit_count;
}

// How digits are grouped: every `group_size` digits a `separator` (none when group_size 0).
struct Grouping {
  int group_size = 0;    // 3, 4, or 0 for no grouping
  char separator = '\0'; // ',' or '_'
};

Grouping grouping_for(const FormatSpec& spec) {
  if (spec.type == 'n' || spec.grouping == '\0') return Grouping{};
  bool radix_type = spec.type == 'b' || spec.type == 'o' || spec.type == 'x' || spec.type == 'X';
  return Grouping{spec.grouping == '_' && radix_type ? 4 : 3, spec.grouping};
}

// _PyUnicode_InsertThousandsGrouping: `digits` with separators, left-padded with zeros
// (separators included) to at least `min_width` characters.
std::string insert_thousands_grouping(std::string_view digits, int64_t min_width,
                                      Grouping grouping) {
  min_width = std::max<int64_t>(0, min_width);
  std::string reversed;
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t digits_position = digits.size();
  bool use_separator = false;
  auto fill = [&](int64_t char_count, int64_t zero_count) {
    if (use_separator) reversed += grouping.separator;
    for (int64_t i = 0; i < char_count; ++i) reversed += digits[--digits_position];
    reversed.append(static_cast<size_t>(zero_count), '0');
  };
  bool loop_broken = false;
  if (grouping.group_size > 0) {
    while (true) {
      int64_t length = std::min<int64_t>(grouping.group_size,
                                         std::max<int64_t>(std::max(remaining, min_width), 1));
      int64_t zero_count = std::max<int64_t>(0, length - remaining);
      int64_t char_count = std::max<int64_t>(0, std::min(remaining, length));
      fill(char_count, zero_count);
      use_separator = true;
      remaining -= char_count;
      min_width -= length;
      if (remaining <= 0 && min_width <= 0) {
        loop_broken = true;
        break;
      }
      min_width -= 1;  // the separator's width
    }
  }
  if (!loop_broken) {
    int64_t length = std::max<int64_t>(std::max(remaining, min_width), 1);
    fill(std::max<int64_t>(0, std::min(remaining, length)),
         std::max<int64_t>(0, length - remaining));
  }
  return std::string(reversed.rbegin(), reversed.rend());
}

// A number split the way calc_number_widths sees it.
struct NumberText {
  bool negative = false;  // the value's own sign
  std::string prefix;     // "0x", "0X", "0o", "0b" when '#' asks for it
  std::string digits;     // the integer digits, grouped and zero-padded
  bool has_decimal = false;  // a decimal point follows the digits
  std::string remainder;     // after the point: fraction, exponent, '%', "inf", or the 'c' char
};

// calc_number_widths + fill_number: sign, padding, prefix, grouping.
std::string fill_number(const NumberText& number, const FormatSpec& spec, Grouping grouping) {
  char sign = '\0';
  if (spec.sign == '+') {
    sign = number.negative ? '-' : '+';
  } else if (spec.sign == ' ') {
    sign = number.negative ? '-' : ' ';
  } else if (number.negative) {
    sign = '-';
  }
  const int64_t non_digit_width = (sign ? 1 : 0) + static_cast<int64_t>(number.prefix.size()) +
                                  (number.has_decimal ? 1 : 0) +
                                  code_point_count(number.remainder);
  const int64_t min_width =
      spec.fill == '0' && spec.align == '=' ? spec.width - non_digit_width : 0;
  const std::string grouped =
      number.digits.empty() ? std::string()
                            : insert_thousands_grouping(number.digits, min_width, grouping);
  const int64_t padding = spec.width - (non_digit_width + static_cast<int64_t>(grouped.size()));
  int64_t left_padding = 0, sign_padding = 0, right_padding = 0;
  if (padding > 0) {
    switch (spec.align) {
      case '<': right_padding = padding; break;
      case '^':
        left_padding = padding / 2;
        right_padding = padding - left_padding;
        break;
      case '=': sign_padding = padding; break;
      default: left_padding = padding; break;
    }
  }
  std::string out;
  append_repeated(out, spec.fill, left_padding);
  if (sign) out += sign;
  out += number.prefix;
  append_repeated(out, spec.fill, sign_padding);
  out += grouped;
  if (number.has_decimal) out += '.';
  out += number.remainder;
  append_repeated(out, spec.fill, right_padding);
  return out;
}

// format_float_internal, for spec types '', e, E, f, F, g, G, n, %.
FormatResult format_float_internal(double value, const FormatSpec& spec) {
  if (spec.precision > INT_MAX) return failure(value_error("precision too big"));
  unsigned flags = double_to_string_plain;
  if (spec.alternate) flags |= double_to_string_alternate;
  if (spec.no_negative_zero) flags |= double_to_string_no_negative_zero;
  char type = static_cast<char>(spec.type);
  int default_precision = 6;
  if (type == '\0') {
    // Like repr() without a precision, else like 'g' with at least one digit after the point.
    flags |= double_to_string_add_dot_0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool add_percent = false;
  if (type == '%') {
    type = 'f';
    value *= 100;
    add_percent = true;
  }
  int precision = static_cast<int>(spec.precision);
  if (precision < 0) {
    precision = default_precision;
  } else if (type == 'r') {
    type = 'g';
  }
  std::string text = double_to_string(value, type, precision, flags);
  if (add_percent) text += '%';

  NumberText number;
  size_t index = 0;
  if (text[0] == '-') {
    number.negative = true;
    index = 1;
  }
  size_t digits_end = index;
  while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9') {
    ++digits_end;
  }
  number.digits = text.substr(index, digits_end - index);
  number.has_decimal = digits_end < text.size() && text[digits_end] == '.';
  number.remainder = text.substr(digits_end + (number.has_decimal ? 1 : 0));
  return success(fill_number(number, spec, grouping_for(spec)));
}

// format_long_internal, for spec types b, c, d, o, x, X, n.
FormatResult format_long_internal(const IntegerView& value, const FormatSpec& spec) {
  if (spec.precision != -1) {
    return failure(value_error("Precision not allowed in integer format specifier"));
  }
  if (spec.no_negative_zero) {
    return failure(
        value_error("Negative zero coercion (z) not allowed in integer format specifier"));
  }
  NumberText number;
  if (spec.type == 'c') {
    if (spec.sign != '\0') {
      return failure(value_error("Sign not allowed with integer format specifier 'c'"));
    }
    if (spec.alternate) {
      return failure(
          value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
    }
    std::optional<int64_t> code_point = value.to_int64();
    if (!code_point) {
      return failure(
          {NumberErrorType::overflow_error, "Python int too large to convert to C long"});
    }
    if (*code_point < 0 || *code_point > 0x10ffff) {
      return failure({NumberErrorType::overflow_error, "%c arg not in range(0x110000)"});
    }
    // Written as the "remainder", so that grouping and zero padding leave it alone.
    append_utf8(number.remainder, static_cast<char32_t>(*code_point));
    return success(fill_number(number, spec, grouping_for(spec)));
  }
  int base = 10;
  const char* prefix = "";
  switch (spec.type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
  }
  std::optional<std::string> digits = value.magnitude_digits(base);
  if (!digits) return failure(value_error(int_string_limit_message));
  number.negative = value.is_negative();
  if (spec.alternate) number.prefix = prefix;
  number.digits = std::move(*digits);
  if (spec.type == 'X') {
    for (char& ch : number.digits) {
      if (ch >= 'a' && ch <= 'f') ch = static_cast<char>(ch - 'a' + 'A');
    }
  }
  return success(fill_number(number, spec, grouping_for(spec)));
}

// An int64_t as an IntegerView.
class Int64View final : public IntegerView {
public:
  explicit Int64View(int64_t value) : value_(value) {}
  bool is_negative() const override { return value_ < 0; }
  std::optional<std::string> magnitude_digits(int base) const override {
    uint64_t magnitude = static_cast<uint64_t>(value_);
    if (value_ < 0) magnitude = 0 - magnitude;
    std::string reversed;
    do {
      reversed += "0123456789abcdef"[magnitude % static_cast<uint64_t>(base)];
      magnitude /= static_cast<uint64_t>(base);
    } while (magnitude != 0);
    return std::string(reversed.rbegin(), reversed.rend());
  }
  std::optional<double> to_double() const override { return static_cast<double>(value_); }
  std::optional<int64_t> to_int64() const override { return value_; }

private:
  int64_t value_;  // the int being formatted
};

// str() of an int.
FormatResult int_to_decimal(const IntegerView& value) {
  std::optional<std::string> digits = value.magnitude_digits(10);
  if (!digits) return failure(value_error(int_string_limit_message));
  return success((value.is_negative() ? "-" : "") + *digits);
}

// unicode_format_arg_output: pads the converted text of one %-conversion. `is_number`:
// the text may carry a sign and takes '+', ' ' and '0' flags.
std::string percent_output(const PercentSpec& spec, std::string_view text, bool is_number) {
  const char32_t fill = is_number && spec.zero_pad ? '0' : ' ';
  int64_t length = code_point_count(text);
  int64_t width = spec.width;
  const bool sign_flag = spec.force_sign || spec.blank_sign;
  if ((width == -1 || width <= length) && (spec.precision == -1 || spec.precision >= length) &&
      !sign_flag) {
    return std::string(text);
  }
  const char conversion = spec.conversion;
  if ((conversion == 's' || conversion == 'r' || conversion == 'a') && spec.precision >= 0 &&
      length > spec.precision) {
    length = spec.precision;
  }
  size_t index = 0;
  char sign_char = '\0';
  bool has_sign = is_number;
  if (has_sign) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
      sign_char = text[0];
      --length;
      ++index;
    } else if (spec.force_sign) {
      sign_char = '+';
    } else if (spec.blank_sign) {
      sign_char = ' ';
    } else {
      has_sign = false;
    }
  }
  if (width < length) width = length;
  const bool radix_prefix =
      spec.alternate && (conversion == 'x' || conversion == 'X' || conversion == 'o');
  std::string out;
  if (has_sign) {
    if (fill != ' ') out += sign_char;
    if (width > length) --width;
  }
  if (radix_prefix) {
    if (fill != ' ') {
      out += '0';
      out += conversion;
      index += 2;
    }
    width = std::max<int64_t>(0, width - 2);
    length -= 2;
  }
  if (width > length && !spec.left_adjust) {
    append_repeated(out, fill, width - length);
    width = length;
  }
  if (fill == ' ') {
    if (has_sign) out += sign_char;
    if (radix_prefix) {
      out += '0';
      out += conversion;
      index += 2;
    }
  }
  out += first_code_points(text.substr(index), length);
  if (width > length) out.append(static_cast<size_t>(width - length), ' ');
  return out;
}

}  // namespace

ParsedFormatSpec parse_format_spec(std::string_view text, FormatSubject subject,
                                   std::string_view type_name) {
  ParsedFormatSpec result;
  FormatSpec& format = result.spec;
  const char default_align = subject == FormatSubject::string ? '<' : '>';
  format.align = default_align;
  format.type = subject == FormatSubject::string    ? U's'
                : subject == FormatSubject::integer ? U'd'
                                                    : U'\0';
  std::u32string spec;
  for (size_t position = 0; position < text.size();) spec += next_code_point(text, position);
  const size_t end = spec.size();
  size_t pos = 0;
  bool align_specified = false;
  bool fill_specified = false;
  if (end - pos >= 2 && is_alignment_token(spec[pos + 1])) {
    format.align = static_cast<char>(spec[pos + 1]);
    format.fill = spec[pos];
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment_token(spec[pos])) {
    format.align = static_cast<char>(spec[pos]);
    align_specified = true;
    ++pos;
  }
  if (end - pos >= 1 && is_sign_element(spec[pos])) format.sign = static_cast<char>(spec[pos++]);
  if (end - pos >= 1 && spec[pos] == 'z') {
    format.no_negative_zero = true;
    ++pos;
  }
  if (end - pos >= 1 && spec[pos] == '#') {
    format.alternate = true;
    ++pos;
  }
  if (!fill_specified && end - pos >= 1 && spec[pos] == '0') {
    format.fill = '0';
    if (!align_specified && default_align == '>') format.align = '=';
    ++pos;
  }
  const NumberError too_many_digits = value_error("Too many decimal digits in format string");
  int consumed = get_integer(spec, pos, format.width);
  if (consumed < 0) {
    result.error = too_many_digits;
    return result;
  }
  if (consumed == 0) format.width = -1;
  const NumberError comma_and_underscore = value_error("Cannot specify both ',' and '_'.");
  if (end - pos && spec[pos] == ',') {
    format.grouping = ',';
    ++pos;
  }
  if (end - pos && spec[pos] == '_') {
    if (format.grouping != '\0') {
      result.error = comma_and_underscore;
      return result;
    }
    format.grouping = '_';
    ++pos;
  }
  if (end - pos && spec[pos] == ',' && format.grouping == '_') {
    result.error = comma_and_underscore;
    return result;
  }
  if (end - pos && spec[pos] == '.') {
    ++pos;
    consumed = get_integer(spec, pos, format.precision);
    if (consumed < 0) {
      result.error = too_many_digits;
      return result;
    }
    if (consumed == 0) {
      result.error = value_error("Format specifier missing precision");
      return result;
    }
  }
  if (end - pos > 1) {
    result.error = value_error("Invalid format specifier '" + std::string(text) +
                               "' for object of type '" + std::string(type_name) + "'");
    return result;
  }
  if (end - pos == 1) format.type = spec[pos];
  if (format.grouping != '\0') {
    switch (format.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (format.grouping == '_') break;  // '_' every four digits in bin/oct/hex
        [[fallthrough]];
      default:
        result.error = value_error(std::string("Cannot specify '") + format.grouping +
                                   "' with " + quoted_type(format.type) + ".");
        return result;
    }
  }
  return result;
}

FormatResult format_float(double value, std::string_view spec_text, std::string_view type_name) {
  if (spec_text.empty()) return success(float_repr(value));
  ParsedFormatSpec parsed = parse_format_spec(spec_text, FormatSubject::floating, type_name);
  if (parsed.error) return failure(*parsed.error);
  switch (parsed.spec.type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_float_internal(value, parsed.spec);
    default:
      return failure(unknown_presentation_type(parsed.spec.type, type_name));
  }
}

FormatResult format_int(const IntegerView& value, std::string_view spec_text,
                        std::string_view type_name) {
  if (spec_text.empty()) return int_to_decimal(value);
  ParsedFormatSpec parsed = parse_format_spec(spec_text, FormatSubject::integer, type_name);
  if (parsed.error) return failure(*parsed.error);
  switch (parsed.spec.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return format_long_internal(value, parsed.spec);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      std::optional<double> as_double = value.to_double();
      if (!as_double) {
        return failure({NumberErrorType::overflow_error, "int too large to convert to float"});
      }
      return format_float_internal(*as_double, parsed.spec);
    }
    default:
      return failure(unknown_presentation_type(parsed.spec.type, type_name));
  }
}

FormatResult format_int(int64_t value, std::string_view spec_text, std::string_view type_name) {
  return format_int(Int64View(value), spec_text, type_name);
}

FormatResult format_string(std::string_view text, std::string_view spec_text,
                           std::string_view type_name) {
  if (spec_text.empty()) return success(std::string(text));
  ParsedFormatSpec parsed = parse_format_spec(spec_text, FormatSubject::string, type_name);
  if (parsed.error) return failure(*parsed.error);
  const FormatSpec& spec = parsed.spec;
  if (spec.type != 's') return failure(unknown_presentation_type(spec.type, type_name));
  if (spec.sign == ' ') return failure(value_error("Space not allowed in string format specifier"));
  if (spec.sign != '\0') return failure(value_error("Sign not allowed in string format specifier"));
  if (spec.no_negative_zero) {
    return failure(
        value_error("Negative zero coercion (z) not allowed in string format specifier"));
  }
  if (spec.alternate) {
    return failure(value_error("Alternate form (#) not allowed in string format specifier"));
  }
  if (spec.align == '=') {
    return failure(value_error("'=' alignment not allowed in string format specifier"));
  }
  int64_t length = code_point_count(text);
  if (spec.precision >= 0 && length >= spec.precision) {
    text = first_code_points(text, spec.precision);
    length = spec.precision;
  }
  // calc_padding
  const int64_t total = std::max(spec.width, length);
  int64_t left_padding = 0;
  if (spec.align == '>') {
    left_padding = total - length;
  } else if (spec.align == '^') {
    left_padding = (total - length) / 2;
  }
  std::string out;
  append_repeated(out, spec.fill, left_padding);
  out += text;
  append_repeated(out, spec.fill, total - length - left_padding);
  return success(std::move(out));
}

FormatResult format_percent_int(const PercentSpec& spec, const IntegerView& value) {
  if (spec.conversion == 'c') {
    std::optional<int64_t> code_point = value.to_int64();
    if (!code_point || *code_point < 0 || *code_point > 0x10ffff) {
      return failure({NumberErrorType::overflow_error, "%c arg not in range(0x110000)"});
    }
    std::string character;
    append_utf8(character, static_cast<char32_t>(*code_point));
    return success(percent_output(spec, character, false));
  }
  if (spec.precision > INT_MAX - 3) {
    return failure({NumberErrorType::overflow_error, "precision too large"});
  }
  const int base = spec.conversion == 'o'                             ? 8
                   : spec.conversion == 'x' || spec.conversion == 'X' ? 16
                                                                      : 10;
  std::optional<std::string> digits = value.magnitude_digits(base);
  if (!digits) return failure(value_error(int_string_limit_message));
  // _PyUnicode_FormatLong: sign, the 0x/0o prefix under '#', zeros up to the precision.
  std::string text = value.is_negative() ? "-" : "";
  if (spec.alternate && base != 10) {
    text += '0';
    text += spec.conversion;
  }
  if (spec.precision > static_cast<int64_t>(digits->size())) {
    text.append(static_cast<size_t>(spec.precision) - digits->size(), '0');
  }
  text += *digits;
  if (spec.conversion == 'X') {
    for (char& ch : text) {
      if (ch >= 'a' && ch <= 'f') ch = static_cast<char>(ch - 'a' + 'A');
    }
  }
  return success(percent_output(spec, text, true));
}

FormatResult format_percent_int(const PercentSpec& spec, int64_t value) {
  return format_percent_int(spec, Int64View(value));
}

FormatResult format_percent_float(const PercentSpec& spec, double value) {
  if (spec.precision > INT_MAX) return failure(value_error("precision too big"));
  const int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  std::string text = double_to_string(value, spec.conversion, precision,
                                      spec.alternate ? double_to_string_alternate : 0u);
  return success(percent_output(spec, text, true));
}

std::string format_percent_text(const PercentSpec& spec, std::string_view text) {
  return percent_output(spec, text, false);
}

}  // namespace py
