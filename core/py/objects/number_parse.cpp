// float(str) and int(str, base) as CPython 3.11 reads them; see number_parse.hpp.
#include "core/py/objects/number_parse.hpp"

#include <cmath>
#include <cstdlib>

namespace py {
namespace {

// The first code point of each run of ten Unicode decimal digits (0-9), Unicode 14.0 as
// in Python 3.11's unicodedata: [c for c in range(0x110000) if unicodedata.decimal(chr(c),
// -1) == 0]. Every Nd digit belongs to one such run.
constexpr char32_t decimal_zeros[] = {
    0x30,    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,
    0xbe6,   0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,
    0x1090,  0x17e0,  0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,
    0x1c40,  0x1c50,  0xa620,  0xa8d0,  0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,
    0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450,
    0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0,
    0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140,
    0x1e2f0, 0x1e950, 0x1fbf0,
};

// Py_ISSPACE: the ASCII whitespace C code skips around numbers.
bool is_ascii_space(char ch) {
  return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

bool is_ascii_digit(char ch) { return ch >= '0' && ch <= '9'; }

// _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII stays, Unicode whitespace becomes
// ' ', Unicode digits their ASCII digit; any other character becomes '?' and ends the text.
std::string to_ascii_number_text(std::string_view text) {
  bool all_ascii = true;
  for (char ch : text) all_ascii = all_ascii && static_cast<unsigned char>(ch) < 0x80;
  if (all_ascii) return std::string(text);
  std::string ascii;
  size_t position = 0;
  while (position < text.size()) {
    char32_t code_point = next_code_point(text, position);
    if (code_point < 127) {
      ascii += static_cast<char>(code_point);
    } else if (is_unicode_whitespace(code_point)) {
      ascii += ' ';
    } else if (int digit = unicode_decimal_value(code_point); digit >= 0) {
      ascii += static_cast<char>('0' + digit);
    } else {
      ascii += '?';
      break;
    }
  }
  return ascii;
}

// The length of the run of ASCII digits at text[position...].
size_t digit_run(std::string_view text, size_t position) {
  size_t end = position;
  while (end < text.size() && is_ascii_digit(text[end])) ++end;
  return end - position;
}

bool equals_ignoring_case(std::string_view text, std::string_view lower_case_word) {
  if (text.size() != lower_case_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (ch != lower_case_word[i]) return false;
  }
  return true;
}

// True when all of `text` is a number _Py_dg_strtod reads: [+-] digits [. digits]
// [e [+-] digits], at least one digit before the exponent.
bool is_decimal_float(std::string_view text) {
  size_t position = 0;
  if (position < text.size() && (text[position] == '+' || text[position] == '-')) ++position;
  size_t integer_digits = digit_run(text, position);
  position += integer_digits;
  size_t fraction_digits = 0;
  if (position < text.size() && text[position] == '.') {
    fraction_digits = digit_run(text, position + 1);
    position += 1 + fraction_digits;
  }
  if (integer_digits + fraction_digits == 0) return false;
  if (position < text.size() && (text[position] == 'e' || text[position] == 'E')) {
    ++position;
    if (position < text.size() && (text[position] == '+' || text[position] == '-')) ++position;
    size_t exponent_digits = digit_run(text, position);
    if (exponent_digits == 0) return false;
    position += exponent_digits;
  }
  return position == text.size();
}

// Digit values of int(): 0-9, then letters of either case 10-35; 37 for anything else.
int digit_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'z') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'Z') return ch - 'A' + 10;
  return 37;
}

// CPython 3.11's default sys.get_int_max_str_digits().
constexpr size_t max_string_digits = 4300;

}  // namespace

int unicode_decimal_value(char32_t code_point) {
  for (char32_t zero : decimal_zeros) {
    if (code_point >= zero && code_point < zero + 10) return static_cast<int>(code_point - zero);
  }
  return -1;
}

bool is_unicode_whitespace(char32_t code_point) {
  if (code_point < 0x80) {
    return code_point == ' ' || (code_point >= '\t' && code_point <= '\r') ||
           (code_point >= 0x1c && code_point <= 0x1f);
  }
  return code_point == 0x85 || code_point == 0xa0 || code_point == 0x1680 ||
         (code_point >= 0x2000 && code_point <= 0x200a) || code_point == 0x2028 ||
         code_point == 0x2029 || code_point == 0x202f || code_point == 0x205f ||
         code_point == 0x3000;
}

char32_t next_code_point(std::string_view text, size_t& position) {
  unsigned char lead = static_cast<unsigned char>(text[position]);
  size_t length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
  if (length <= 1 || position + length > text.size()) {
    ++position;
    return lead;
  }
  char32_t code_point = lead & (0x7f >> length);
  for (size_t i = 1; i < length; ++i) {
    unsigned char continuation = static_cast<unsigned char>(text[position + i]);
    if ((continuation & 0xc0) != 0x80) {
      ++position;
      return lead;
    }
    code_point = (code_point << 6) | (continuation & 0x3f);
  }
  position += length;
  return code_point;
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xc0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3f));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xe0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code_point & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code_point & 0x3f));
  }
}

std::optional<double> parse_float(std::string_view text) {
  std::string ascii = to_ascii_number_text(text);
  // _Py_string_to_number_with_underscores: each '_' sits between two digits.
  std::string cleaned;
  for (size_t i = 0; i < ascii.size(); ++i) {
    if (ascii[i] != '_') {
      cleaned += ascii[i];
      continue;
    }
    if (i == 0 || !is_ascii_digit(ascii[i - 1]) || i + 1 == ascii.size() ||
        !is_ascii_digit(ascii[i + 1])) {
      return std::nullopt;
    }
  }
  size_t begin = 0;
  size_t end = cleaned.size();
  while (begin < end && is_ascii_space(cleaned[begin])) ++begin;
  while (end > begin && is_ascii_space(cleaned[end - 1])) --end;
  std::string number = cleaned.substr(begin, end - begin);
  if (number.empty()) return std::nullopt;
  if (is_decimal_float(number)) return std::strtod(number.c_str(), nullptr);
  bool negative = number[0] == '-';
  std::string_view word(number);
  if (number[0] == '-' || number[0] == '+') word.remove_prefix(1);
  if (equals_ignoring_case(word, "inf") || equals_ignoring_case(word, "infinity")) {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (equals_ignoring_case(word, "nan")) return std::copysign(NAN, negative ? -1.0 : 1.0);
  return std::nullopt;
}

std::string float_parse_error_message(std::string_view text_repr) {
  return "could not convert string to float: " + std::string(text_repr);
}

IntLiteralParse parse_int_literal(std::string_view text, int base) {
  IntLiteralParse result;
  const std::string ascii = to_ascii_number_text(text);
  // Indexing one past a digit is safe: std::string keeps a '\0' after its last character,
  // which, like CPython's C string end, is neither space, digit nor prefix letter.
  const char* chars = ascii.c_str();
  size_t position = 0;
  while (is_ascii_space(chars[position])) ++position;
  bool negative = false;
  if (chars[position] == '+') {
    ++position;
  } else if (chars[position] == '-') {
    ++position;
    negative = true;
  }
  // int('010', 0) is an error (old C octal) unless every digit is zero.
  bool error_if_nonzero = false;
  if (base == 0) {
    char marker = chars[position] == '0' ? chars[position + 1] : '\0';
    if (chars[position] != '0') {
      base = 10;
    } else if (marker == 'x' || marker == 'X') {
      base = 16;
    } else if (marker == 'o' || marker == 'O') {
      base = 8;
    } else if (marker == 'b' || marker == 'B') {
      base = 2;
    } else {
      error_if_nonzero = true;
      base = 10;
    }
  }
  if (chars[position] == '0') {
    char marker = chars[position + 1];
    if ((base == 16 && (marker == 'x' || marker == 'X')) ||
        (base == 8 && (marker == 'o' || marker == 'O')) ||
        (base == 2 && (marker == 'b' || marker == 'B'))) {
      position += 2;
      if (chars[position] == '_') ++position;  // one underscore may follow the prefix
    }
  }
  if (chars[position] == '_') return result;
  IntLiteral literal;
  literal.negative = negative;
  literal.base = base;
  char previous = '\0';
  while (digit_value(chars[position]) < base || chars[position] == '_') {
    char ch = chars[position];
    if (ch == '_') {
      if (previous == '_') return result;
    } else {
      literal.digits += ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    previous = ch;
    ++position;
  }
  if (previous == '_') return result;
  bool power_of_two_base = (base & (base - 1)) == 0;
  if (!power_of_two_base && literal.digits.size() > max_string_digits) {
    result.digits_over_limit = literal.digits.size();
    return result;
  }
  if (literal.digits.empty()) return result;
  if (error_if_nonzero && literal.digits.find_first_not_of('0') != std::string::npos) {
    return result;
  }
  while (is_ascii_space(chars[position])) ++position;
  if (position != ascii.size()) return result;
  result.literal = std::move(literal);
  return result;
}

std::string invalid_int_literal_message(int base, std::string_view text_repr) {
  // %.200R: at most 200 code points of the repr.
  size_t position = 0;
  for (int count = 0; count < 200 && position < text_repr.size(); ++count) {
    next_code_point(text_repr, position);
  }
  return "invalid literal for int() with base " + std::to_string(base) + ": " +
         std::string(text_repr.substr(0, position));
}

std::string int_digit_limit_message(size_t digit_count) {
  return "Exceeds the limit (" + std::to_string(max_string_digits) +
         " digits) for integer string conversion: value has " + std::to_string(digit_count) +
         " digits; use sys.set_int_max_str_digits() to increase the limit";
}

}  // namespace py
