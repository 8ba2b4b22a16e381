// Doubles to decimal text as CPython 3.11 writes them; see float_repr.hpp for the design.
#include "core/py/objects/float_repr.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string_view>

namespace py {
namespace {

// The digits of a non-negative finite double in dtoa's form:
// value == 0.DIGITS × 10**decimal_point.
struct DecimalDigits {
  std::string digits;         // no leading or trailing zeros; exactly "0" for zero
  int64_t decimal_point = 1;  // where the point goes, counted from the first digit
};

// Reads "[digits][.digits][e[+-]digits]" (no sign), as printf writes a
// non-negative number, into dtoa's form.
DecimalDigits digits_from_text(std::string_view text) {
  int64_t exponent = 0;
  size_t exponent_mark = text.find_first_of("eE");
  if (exponent_mark != std::string_view::npos) {
    std::string_view exponent_text = text.substr(exponent_mark + 1);
    bool exponent_negative = !exponent_text.empty() && exponent_text[0] == '-';
    for (char ch : exponent_text) {
      if (ch >= '0' && ch <= '9') exponent = exponent * 10 + (ch - '0');
    }
    if (exponent_negative) exponent = -exponent;
    text = text.substr(0, exponent_mark);
  }
  std::string all_digits;
  int64_t integer_digit_count = 0;
  bool seen_point = false;
  for (char ch : text) {
    if (ch == '.') {
      seen_point = true;
    } else {
      all_digits += ch;
      if (!seen_point) ++integer_digit_count;
    }
  }
  size_t first_nonzero = all_digits.find_first_not_of('0');
  if (first_nonzero == std::string::npos) return DecimalDigits{"0", 1};
  size_t last_nonzero = all_digits.find_last_not_of('0');
  DecimalDigits result;
  result.digits = all_digits.substr(first_nonzero, last_nonzero + 1 - first_nonzero);
  result.decimal_point = integer_digit_count - static_cast<int64_t>(first_nonzero) + exponent;
  return result;
}

// snprintf(`format`, precision, value) into a string of whatever length it needs.
std::string print_double(const char* format, int precision, double value) {
  char small[80];
  int length = std::snprintf(small, sizeof small, format, precision, value);
  if (length < 0) return std::string();  // longer than INT_MAX characters
  if (length < static_cast<int>(sizeof small)) return std::string(small, length);
  std::string large(static_cast<size_t>(length) + 1, '\0');
  std::snprintf(large.data(), large.size(), format, precision, value);
  large.resize(length);
  return large;
}

// `text` ("D.DDDe±X" with `count` significant digits) moved one unit in its last digit,
// up or down; count <= 17, so the digits fit in an int64.
std::string next_digits(const std::string& text, int count, bool up) {
  size_t mark = text.find('e');
  int64_t digits = 0;
  for (size_t i = 0; i < mark; ++i) {
    if (text[i] != '.') digits = digits * 10 + (text[i] - '0');
  }
  digits += up ? 1 : -1;
  int64_t exponent = std::strtoll(text.c_str() + mark + 1, nullptr, 10);
  std::string moved = std::to_string(digits);  // may have gained or lost a digit
  exponent += static_cast<int64_t>(moved.size()) - count;
  return moved.substr(0, 1) + "." + moved.substr(1) + "e" + std::to_string(exponent);
}

// dtoa mode 0: the shortest digits that read back as `value` (>= 0, finite), and among
// those the closest to it. Correctly rounded digits are the closest of their length, so
// the first length whose rounding reads back is the answer, with one exception: just
// above a power of two the doubles below are twice as dense, and the closest 16 digits
// may miss below where the next 16 digits up still read back. A normal double always
// reads back from 17 digits, and when it has a form of at most 15 digits the 15-digit
// rounding is that form (half an ulp is less than half a unit in the 15th digit), so
// three tries suffice; subnormals have fewer bits and may need fewer digits. (Checked
// against CPython's repr on every power of two, its neighbours and a million random
// doubles.)
DecimalDigits shortest_digits(double value) {
  const bool subnormal = value < std::numeric_limits<double>::min();
  for (int count = subnormal ? 1 : 15; count <= 17; ++count) {
    std::string text = print_double("%.*e", count - 1, value);
    double read_back = std::strtod(text.c_str(), nullptr);
    if (read_back == value) return digits_from_text(text);
    if (count == 16) {
      std::string other = next_digits(text, count, read_back < value);
      if (std::strtod(other.c_str(), nullptr) == value) return digits_from_text(other);
    }
  }
  return digits_from_text(print_double("%.*e", 16, value));  // not reached: 17 digits do
}

// dtoa mode 2: `count` (>= 1) significant digits, correctly rounded, ties to even.
DecimalDigits significant_digits(double value, int count) {
  return digits_from_text(print_double("%.*e", count - 1, value));
}

// dtoa mode 3: rounded to `places` (>= 0) digits after the point, ties to even.
DecimalDigits fixed_digits(double value, int places) {
  return digits_from_text(print_double("%.*f", places, value));
}

// format_float_short's layout of `digits` for code 'e', 'f', 'g' or 'r'.
std::string lay_out_digits(bool negative, const DecimalDigits& decimal, char format_code,
                           int64_t precision, unsigned flags, bool upper_case) {
  const bool add_dot_0 = flags & double_to_string_add_dot_0;
  const bool alternate = flags & double_to_string_alternate;
  const std::string& digits = decimal.digits;
  const int64_t digit_count = static_cast<int64_t>(digits.size());
  int64_t decimal_point = decimal.decimal_point;
  if ((flags & double_to_string_no_negative_zero) && digits == "0") negative = false;

  // Output the slice [start, end) of the digits padded with zeros on both sides.
  int64_t end = digit_count;
  bool use_exponent = false;
  switch (format_code) {
    case 'e':
      use_exponent = true;
      end = precision;
      break;
    case 'f':
      end = decimal_point + precision;
      break;
    case 'g':
      if (decimal_point <= -4 || decimal_point > (add_dot_0 ? precision - 1 : precision)) {
        use_exponent = true;
      }
      if (alternate) end = precision;
      break;
    default:  // 'r': exponent form from 1e16, as CPython has since 3.1
      if (decimal_point <= -4 || decimal_point > 16) use_exponent = true;
      break;
  }
  int64_t exponent = 0;
  if (use_exponent) {
    exponent = decimal_point - 1;
    decimal_point = 1;
  }
  const int64_t start = decimal_point <= 0 ? decimal_point - 1 : 0;
  if (!use_exponent && add_dot_0) {
    end = std::max(end, decimal_point + 1);
  } else {
    end = std::max(end, decimal_point);
  }

  std::string out;
  if (negative) {
    out += '-';
  } else if (flags & double_to_string_sign) {
    out += '+';
  }
  if (decimal_point <= 0) {
    out.append(static_cast<size_t>(decimal_point - start), '0');
    out += '.';
    out.append(static_cast<size_t>(-decimal_point), '0');
  } else {
    out.append(static_cast<size_t>(-start), '0');
  }
  if (0 < decimal_point && decimal_point <= digit_count) {
    out.append(digits, 0, static_cast<size_t>(decimal_point));
    out += '.';
    out.append(digits, static_cast<size_t>(decimal_point), std::string::npos);
  } else {
    out += digits;
  }
  if (digit_count < decimal_point) {
    out.append(static_cast<size_t>(decimal_point - digit_count), '0');
    out += '.';
    out.append(static_cast<size_t>(end - decimal_point), '0');
  } else {
    out.append(static_cast<size_t>(end - digit_count), '0');
  }
  if (out.back() == '.' && !alternate) out.pop_back();
  if (use_exponent) {
    out += upper_case ? 'E' : 'e';
    out += exponent < 0 ? '-' : '+';
    int64_t magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10) out += '0';
    out += std::to_string(magnitude);
  }
  return out;
}

// Drops the last `dropped_count` digits of the exact integer `digits` (plus a fraction
// that is non-zero when `has_fraction`), rounding half to even: what dtoa mode 3 does
// for a negative digit count. Returns the kept digits (possibly "0").
std::string round_integer_digits(std::string digits, bool has_fraction, size_t dropped_count) {
  if (digits.size() <= dropped_count) digits.insert(0, dropped_count + 1 - digits.size(), '0');
  size_t kept_count = digits.size() - dropped_count;
  std::string kept = digits.substr(0, kept_count);
  std::string_view dropped = std::string_view(digits).substr(kept_count);
  // dropped_count >= 1, so a tie is decided by the dropped digits and the fraction.
  bool rest_nonzero = has_fraction || dropped.find_first_not_of('0', 1) != std::string_view::npos;
  bool round_up = dropped[0] > '5' || (dropped[0] == '5' && rest_nonzero) ||
                  (dropped[0] == '5' && (kept.back() - '0') % 2 == 1);
  if (round_up) {
    size_t position = kept.size();
    while (position > 0 && kept[position - 1] == '9') kept[--position] = '0';
    if (position == 0) {
      kept.insert(0, 1, '1');
    } else {
      ++kept[position - 1];
    }
  }
  return kept;
}

}  // namespace

std::string double_to_string(double value, char format_code, int precision, unsigned flags) {
  bool upper_case = false;
  char code = format_code;
  switch (format_code) {
    case 'E': case 'F': case 'G':
      upper_case = true;
      code = static_cast<char>(format_code - 'A' + 'a');
      break;
    case 'e': case 'f': case 'g': case 'r':
      break;
    default:
      return std::string();
  }
  bool negative = std::signbit(value);
  if (std::isnan(value) || std::isinf(value)) {
    std::string out;
    if (std::isinf(value) && negative) {
      out += '-';
    } else if (flags & double_to_string_sign) {
      out += '+';
    }
    out += std::isnan(value) ? (upper_case ? "NAN" : "nan") : (upper_case ? "INF" : "inf");
    return out;
  }
  double magnitude = std::fabs(value);
  DecimalDigits decimal;
  int64_t layout_precision = precision;
  switch (code) {
    case 'e':
      layout_precision = static_cast<int64_t>(precision) + 1;
      // Past INT_MAX digits the output could not be allocated anyway.
      decimal = significant_digits(magnitude, precision == INT_MAX ? INT_MAX : precision + 1);
      break;
    case 'f':
      decimal = fixed_digits(magnitude, precision);
      break;
    case 'g':
      if (layout_precision == 0) layout_precision = 1;
      decimal = significant_digits(magnitude, static_cast<int>(layout_precision));
      break;
    default:
      layout_precision = 0;
      decimal = shortest_digits(magnitude);
      break;
  }
  return lay_out_digits(negative, decimal, code, layout_precision, flags, upper_case);
}

std::string float_repr(double value) {
  return double_to_string(value, 'r', 0, double_to_string_add_dot_0);
}

std::optional<double> round_float(double value, int64_t ndigits) {
  if (!std::isfinite(value)) return value;
  // CPython's NDIGITS_MAX and NDIGITS_MIN: beyond them every double rounds to itself,
  // or to zero.
  constexpr int64_t max_useful_digits = 323;
  constexpr int64_t min_useful_digits = -308;
  if (ndigits > max_useful_digits) return value;
  if (ndigits < min_useful_digits) return 0.0 * value;
  std::string rounded_text;
  if (ndigits >= 0) {
    rounded_text = print_double("%.*f", static_cast<int>(ndigits), value);
  } else {
    double integer_part = std::trunc(std::fabs(value));
    std::string integer_digits = print_double("%.*f", 0, integer_part);
    std::string kept = round_integer_digits(integer_digits, integer_part != std::fabs(value),
                                            static_cast<size_t>(-ndigits));
    rounded_text = (std::signbit(value) ? "-" : "") + kept + "e" + std::to_string(-ndigits);
  }
  double rounded = std::strtod(rounded_text.c_str(), nullptr);
  if (std::isinf(rounded)) return std::nullopt;
  return rounded;
}

double round_half_even(double value) {
  double rounded = std::round(value);
  if (std::fabs(value - rounded) == 0.5) rounded = 2.0 * std::round(value / 2.0);
  return rounded;
}

}  // namespace py
