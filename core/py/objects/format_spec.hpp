// The format-spec mini-language of format(), str.format() and f-strings, and the numeric
// conversions of the printf-style % operator, for float, int and str exactly as CPython
// 3.11 (Python/formatter_unicode.c, Objects/unicodeobject.c) — as pure functions on C++
// values.
//
// Design: one parser (parse_format_spec) and one number layout (sign, prefix, padding,
// grouping, as CPython's calc_number_widths + fill_number) shared by the three types. An
// int reaches the formatter through IntegerView: its sign and its digits in the base the
// spec asks for, so an int64_t and a BigInt share every line of formatting code; only the
// view differs. Errors come back as values (NumberError) for the caller to raise. Cost: a
// BigInt's digits are computed as a string before layout (as CPython does too). Locale:
// 'n' uses the C locale (no grouping, '.'), which is what CPython shows by default.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/py/objects/bigint.hpp"
#include "core/py/objects/float_repr.hpp"

namespace py {

// Text or the exception to raise instead.
struct FormatResult {
  std::string text;                  // the formatted text (UTF-8) when `error` is empty
  std::optional<NumberError> error;  // set when CPython raises

  bool ok() const { return !error; }
};

// Which __format__ parses the spec: it decides the defaults (type 's' and '<' for str,
// type 'd' and '>' for int, no type and '>' for float).
enum class FormatSubject { string, integer, floating };

// [[fill]align][sign][z][#][0][width][grouping][.precision][type], parsed.
struct FormatSpec {
  char32_t fill = ' ';            // padding character (any code point)
  char align = '>';               // '<', '>', '^' or '='; the subject's default when absent
  char sign = '\0';               // '+', '-', ' ', or '\0' when absent
  bool no_negative_zero = false;  // 'z': -0.0 after rounding is written as 0.0
  bool alternate = false;         // '#': 0x/0o/0b prefixes, keep the point / zeros
  int64_t width = -1;             // minimum width in code points; -1 when absent
  char grouping = '\0';           // ',' or '_' thousands separator, or '\0'
  int64_t precision = -1;         // -1 when absent
  char32_t type = '\0';           // presentation type; the subject's default when absent
};

// What parse_format_spec returns: the spec, or the ValueError CPython raises while parsing.
struct ParsedFormatSpec {
  FormatSpec spec;                   // valid when `error` is empty
  std::optional<NumberError> error;  // "Invalid format specifier ...", "Cannot specify ...", ...
};

// Parses `text` as the __format__ of `subject` does. `type_name` is the object's type name
// for messages ("float", or "bool" for True). Checks only what CPython checks while
// parsing (grouping against the type); the format_* functions check the rest.
ParsedFormatSpec parse_format_spec(std::string_view text, FormatSubject subject,
                                   std::string_view type_name);

// An int as the formatters see it, whatever its size. Implementations: an int64_t
// (inside format_spec.cpp) and BigIntView below.
class IntegerView {
public:
  virtual bool is_negative() const = 0;
  // |value| in base 2, 8, 10 or 16 with lower-case letters and no prefix; nullopt when
  // base 10 would need more than 4300 digits (CPython 3.11's int_max_str_digits).
  virtual std::optional<std::string> magnitude_digits(int base) const = 0;
  // Correctly rounded; nullopt when too large for a double.
  virtual std::optional<double> to_double() const = 0;
  // The value when it fits in int64_t.
  virtual std::optional<int64_t> to_int64() const = 0;

protected:
  ~IntegerView() = default;
};

// format(value, spec_text) for a float (type_name: the object's type, for messages).
// The empty spec gives str(value).
FormatResult format_float(double value, std::string_view spec_text,
                          std::string_view type_name = "float");

// format(value, spec_text) for an int: types '', d, b, o, x, X, c, n, and e, E, f, F, g,
// G, % through float(value). The empty spec gives str(value).
FormatResult format_int(const IntegerView& value, std::string_view spec_text,
                        std::string_view type_name = "int");
FormatResult format_int(int64_t value, std::string_view spec_text,
                        std::string_view type_name = "int");

// format(text, spec_text) for a str (UTF-8); width and precision count code points.
FormatResult format_string(std::string_view text, std::string_view spec_text,
                           std::string_view type_name = "str");

// One %-conversion of the % operator, after the caller has parsed '%', an optional
// (key), the flags, width and precision (resolving '*' from the arguments).
struct PercentSpec {
  bool left_adjust = false;  // '-': pad on the right
  bool force_sign = false;   // '+': '+' before non-negative numbers
  bool blank_sign = false;   // ' ': a space before non-negative numbers
  bool alternate = false;    // '#': 0x/0o prefix, keep the point, keep g's zeros
  bool zero_pad = false;     // '0': pad numbers with zeros after the sign
  int64_t width = -1;        // -1 when absent
  int64_t precision = -1;    // -1 when absent
  char conversion = 'd';     // the conversion character
};

// %d %i %u %o %x %X %c for an int (the caller converts a float with int() for d/i/u and
// rejects it for o/x/X/c). %c needs 0 <= value < 0x110000 (else OverflowError).
FormatResult format_percent_int(const PercentSpec& spec, const IntegerView& value);
FormatResult format_percent_int(const PercentSpec& spec, int64_t value);

// %e %E %f %F %g %G for a float (the caller converts an int with float()).
FormatResult format_percent_float(const PercentSpec& spec, double value);

// %s %r %a and %c of a str: `text` (UTF-8, already str()/repr()/ascii() of the argument, or
// the one character) cut to the precision for s/r/a and padded with spaces to the width.
std::string format_percent_text(const PercentSpec& spec, std::string_view text);

// IntegerView of a BigInt (header-only, so nothing links BigInt unless it is used).
class BigIntView final : public IntegerView {
public:
  explicit BigIntView(const BigInt& value) : value_(value) {}
  bool is_negative() const override { return value_.is_negative(); }
  std::optional<std::string> magnitude_digits(int base) const override {
    std::optional<std::string> digits = value_.to_string(base);
    if (digits && !digits->empty() && digits->front() == '-') digits->erase(0, 1);
    return digits;
  }
  std::optional<double> to_double() const override { return value_.to_double(); }
  std::optional<int64_t> to_int64() const override { return value_.to_int64(); }

private:
  const BigInt& value_;  // the int being formatted; outlives the view
};

inline FormatResult format_int(const BigInt& value, std::string_view spec_text,
                               std::string_view type_name = "int") {
  return format_int(BigIntView(value), spec_text, type_name);
}

inline FormatResult format_percent_int(const PercentSpec& spec, const BigInt& value) {
  return format_percent_int(spec, BigIntView(value));
}

}  // namespace py
