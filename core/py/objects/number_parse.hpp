// Text to numbers as CPython 3.11's float(str) and int(str, base) read it, and the Unicode
// facts both (and the format-spec parser) need: decimal digits and whitespace.
//
// Design: like CPython, first map the text to ASCII (any Unicode decimal digit becomes its
// ASCII digit, any Unicode whitespace a space, anything else non-ASCII ends the usable
// text), then parse the ASCII with CPython's exact grammar; float() hands the validated,
// underscore-free text to the C library's strtod, which is correctly rounded. int() stops
// at the digit string: it returns sign + digits + base and the caller builds an int64_t or
// a BigInt. Cost: the Unicode tables are copied from Python 3.11's unicodedata (Unicode
// 14.0) and must follow it by hand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace py {

// The value 0-9 of a Unicode decimal digit (general category Nd: '7', '٣', '７'), or -1.
int unicode_decimal_value(char32_t code_point);

// str.isspace() for one code point (Py_UNICODE_ISSPACE).
bool is_unicode_whitespace(char32_t code_point);

// The code point of the UTF-8 sequence starting at text[position], advancing `position`
// past it. Malformed bytes decode one at a time as themselves (never past the end).
char32_t next_code_point(std::string_view text, size_t& position);

// Appends `code_point` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t code_point);

// float(text) for a str `text` (UTF-8): surrounding whitespace, a sign, decimal digits with
// an optional point and exponent, or inf / infinity / nan in any case; one underscore
// allowed between two digits. nullopt when CPython raises ValueError (message:
// float_parse_error_message). Hexadecimal is not accepted, as in float().
std::optional<double> parse_float(std::string_view text);

// "could not convert string to float: " followed by `text_repr`, the caller's repr() of
// the original str.
std::string float_parse_error_message(std::string_view text_repr);

// A literal int(text, base) accepted: the caller builds the value from it.
struct IntLiteral {
  bool negative = false;  // a '-' preceded the digits
  std::string digits;     // ASCII digits/letters all valid in `base`, no underscores, not empty
  int base = 10;          // 2..36; for int(text, 0) the base the prefix chose
};

// What parse_int_literal found.
struct IntLiteralParse {
  std::optional<IntLiteral> literal;  // set when the text is a valid literal
  // When `literal` is empty: the number of digits when CPython 3.11 refused the text for
  // having more than 4300 digits in a base that is not a power of two (message:
  // int_digit_limit_message), else 0 (message: invalid_int_literal_message).
  size_t digits_over_limit = 0;
};

// int(text, base) for a str `text` (UTF-8), base 0 or 2..36 (the caller raises
// "int() arg 2 must be >= 2 and <= 36" for others): surrounding whitespace, a sign, a
// 0x/0o/0b prefix when it matches `base` (any of them for base 0), digits with single
// underscores between them (and one right after a prefix). With base 0 a non-zero decimal
// may not start with 0 ('010' fails, '000' is 0).
IntLiteralParse parse_int_literal(std::string_view text, int base);

// "invalid literal for int() with base BASE: REPR", `text_repr` being the caller's
// repr() of the original str (CPython cuts it to 200 characters, as done here).
std::string invalid_int_literal_message(int base, std::string_view text_repr);

// CPython 3.11's message for a literal of `digit_count` digits over the 4300 limit.
std::string int_digit_limit_message(size_t digit_count);

}  // namespace py
