// Literal decoding (core/py/syntax/string_literal.hpp), after CPython 3.11's
// Parser/string_parser.c and its unicode-escape decoder.
#include "core/py/syntax/string_literal.hpp"

#include <cstdlib>

namespace py::literal {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_ascii(char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; }

// The bytes of the UTF-8 sequence starting with `lead`.
size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return 2;
}

// CPython's UnicodeDecodeError text for the unicode-escape codec, with the "(unicode
// error)" prefix its parser adds. Positions count bytes of the buffer CPython decodes,
// where each non-ASCII character became a 10-byte \UXXXXXXXX escape.
std::string unicode_error(size_t start, size_t end, const char* reason) {
  std::string message = "(unicode error) 'unicodeescape' codec can't decode ";
  if (end == start + 1) {
    message += "byte 0x5c in position " + std::to_string(start);
  } else {
    message += "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1);
  }
  message += ": ";
  message += reason;
  return message;
}

// The length of `text` in CPython's expanded buffer (see unicode_error).
size_t expanded_length(std::string_view text) {
  size_t length = 0;
  for (size_t i = 0; i < text.size();) {
    size_t bytes = sequence_length(static_cast<unsigned char>(text[i]));
    length += bytes == 1 ? 1 : 10;
    i += bytes;
  }
  return length;
}

}  // namespace

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

StringParts split_string_token(std::string_view token) {
  StringParts parts;
  size_t i = 0;
  for (; i < token.size() && token[i] != '\'' && token[i] != '"'; ++i) {
    switch (token[i]) {
      case 'b': case 'B': parts.bytes = true; break;
      case 'r': case 'R': parts.raw = true; break;
      case 'f': case 'F': parts.formatted = true; break;
      default: break;  // u or U
    }
  }
  char quote = i < token.size() ? token[i] : '"';
  size_t quote_size = (token.size() >= i + 6 && token[i + 1] == quote && token[i + 2] == quote) ? 3 : 1;
  size_t body_start = i + quote_size;
  size_t body_end = token.size() >= quote_size ? token.size() - quote_size : 0;
  if (body_end < body_start) body_end = body_start;
  parts.body = token.substr(body_start, body_end - body_start);
  return parts;
}

bool decode_string_body(std::string_view body, bool raw, std::string& out,
                        std::string& error_message, bool& unsupported) {
  out.clear();
  if (raw || body.find('\\') == std::string_view::npos) {
    out.assign(body);
    return true;
  }
  out.reserve(body.size());
  size_t position = 0;  // in CPython's expanded buffer
  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (!is_ascii(c)) {
      size_t bytes = sequence_length(static_cast<unsigned char>(c));
      out.append(body.substr(i, bytes));
      i += bytes;
      position += 10;
      continue;
    }
    if (c != '\\') {
      out += c;
      ++i;
      ++position;
      continue;
    }
    size_t start = position;
    if (i + 1 >= body.size() || !is_ascii(body[i + 1])) {  // CPython's "\u005c"
      out += '\\';
      ++i;
      position += 6;
      continue;
    }
    char kind = body[i + 1];
    i += 2;
    position += 2;
    switch (kind) {
      case '\n': break;
      case '\\': case '\'': case '"': out += kind; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'v': out += '\v'; break;
      case 'a': out += '\a'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        char32_t value = static_cast<char32_t>(kind - '0');
        for (int digits = 1; digits < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7';
             ++digits, ++i, ++position) {
          value = value * 8 + static_cast<char32_t>(body[i] - '0');
        }
        append_utf8(out, value);
        break;
      }
      case 'x': case 'u': case 'U': {
        int count = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
        const char* reason = kind == 'x'   ? "truncated \\xXX escape"
                             : kind == 'u' ? "truncated \\uXXXX escape"
                                           : "truncated \\UXXXXXXXX escape";
        char32_t value = 0;
        for (int digit = 0; digit < count; ++digit) {
          int v = i < body.size() ? hex_value(body[i]) : -1;
          if (v < 0) {
            error_message = unicode_error(start, position, reason);
            return false;
          }
          value = value * 16 + static_cast<char32_t>(v);
          ++i;
          ++position;
        }
        if (value > 0x10FFFF) {
          error_message = unicode_error(start, position, "illegal Unicode character");
          return false;
        }
        append_utf8(out, value);
        break;
      }
      case 'N': {
        const char* malformed = "malformed \\N character escape";
        if (i >= body.size() || body[i] != '{') {
          error_message = unicode_error(start, position, malformed);
          return false;
        }
        size_t close = body.find('}', i + 1);
        if (close == std::string_view::npos) {
          error_message = unicode_error(start, position + expanded_length(body.substr(i)), malformed);
          return false;
        }
        if (close == i + 1) {
          error_message = unicode_error(start, position + 1, malformed);
          return false;
        }
        unsupported = true;  // a name we cannot look up
        position += expanded_length(body.substr(i, close + 1 - i));
        i = close + 1;
        break;
      }
      default:  // an invalid escape stays as written (a DeprecationWarning in 3.11)
        out += '\\';
        out += kind;
        break;
    }
  }
  return true;
}

bool decode_bytes_body(std::string_view body, bool raw, std::string& out,
                       std::string& error_message) {
  out.clear();
  if (raw || body.find('\\') == std::string_view::npos) {
    out.assign(body);
    return true;
  }
  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      ++i;
      continue;
    }
    size_t backslash = i;
    char kind = body[i + 1];
    i += 2;
    switch (kind) {
      case '\n': break;
      case '\\': case '\'': case '"': out += kind; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'v': out += '\v'; break;
      case 'a': out += '\a'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int value = kind - '0';
        for (int digits = 1; digits < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7';
             ++digits, ++i) {
          value = value * 8 + (body[i] - '0');
        }
        out += static_cast<char>(value & 0xFF);
        break;
      }
      case 'x': {
        int high = i < body.size() ? hex_value(body[i]) : -1;
        int low = i + 1 < body.size() ? hex_value(body[i + 1]) : -1;
        if (high < 0 || low < 0) {
          error_message =
              "(value error) invalid \\x escape at position " + std::to_string(backslash);
          return false;
        }
        out += static_cast<char>(high * 16 + low);
        i += 2;
        break;
      }
      default:
        out += '\\';
        out += kind;
        break;
    }
  }
  return true;
}

bool decode_number(std::string_view text, ast::ConstantValue& out) {
  std::string digits;
  digits.reserve(text.size());
  for (char c : text) {
    if (c != '_') digits += c;
  }
  char last = digits.empty() ? '0' : digits.back();
  if (last == 'j' || last == 'J') return false;

  int base = 10;
  size_t start = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    char marker = digits[1];
    if (marker == 'x' || marker == 'X') base = 16;
    if (marker == 'o' || marker == 'O') base = 8;
    if (marker == 'b' || marker == 'B') base = 2;
    if (base != 10) start = 2;
  }
  bool is_float = false;
  if (base == 10) {
    for (char c : digits) {
      if (c == '.' || c == 'e' || c == 'E') is_float = true;
    }
  }
  if (is_float) {
    out.kind = ast::ConstantValue::Kind::Float;
    out.float_value = std::strtod(digits.c_str(), nullptr);
    return true;
  }
  while (start + 1 < digits.size() && digits[start] == '0') ++start;  // leading zeros
  std::string_view significant = std::string_view(digits).substr(start);
  uint64_t value = 0;
  bool overflow = false;
  for (char c : significant) {
    uint64_t digit = static_cast<uint64_t>(hex_value(c));
    if (value > (UINT64_MAX - digit) / static_cast<uint64_t>(base)) {
      overflow = true;
      break;
    }
    value = value * static_cast<uint64_t>(base) + digit;
  }
  if (overflow || value > static_cast<uint64_t>(INT64_MAX)) {
    out.kind = ast::ConstantValue::Kind::BigInt;
    out.int_base = base;
    out.text.assign(significant);
    return true;
  }
  out.kind = ast::ConstantValue::Kind::Int;
  out.int_value = static_cast<int64_t>(value);
  return true;
}

}  // namespace py::literal
