// Filling `{}` fields; see message_format.hpp.
#include "core/py/objects/message_format.hpp"

namespace py {
namespace {

struct FieldSpec {
  char fill = ' ';
  char align = 0;  // '<', '>' or 0: the default (right for numbers, left otherwise)
  bool alternate = false;
  size_t width = 0;
  char type = 0;  // 'x', 'X', 'd' or 0
};

// Parses SPEC of `{:SPEC}` as Python's format spec; what it does not know is ignored (the
// patterns are ours).
FieldSpec parse_spec(std::string_view spec) {
  FieldSpec result;
  bool explicit_fill = false;
  if (spec.size() >= 2 && (spec[1] == '<' || spec[1] == '>')) {
    result.fill = spec[0];
    result.align = spec[1];
    explicit_fill = true;
    spec.remove_prefix(2);
  } else if (!spec.empty() && (spec[0] == '<' || spec[0] == '>')) {
    result.align = spec[0];
    spec.remove_prefix(1);
  }
  if (!spec.empty() && spec[0] == '#') {
    result.alternate = true;
    spec.remove_prefix(1);
  }
  if (!spec.empty() && spec[0] == '0') {  // as Python: zero fill unless one is given
    if (!explicit_fill) result.fill = '0';
    if (!result.align) result.align = '=';  // zeros between the sign or 0x and the digits
    spec.remove_prefix(1);
  }
  while (!spec.empty() && spec[0] >= '0' && spec[0] <= '9') {
    result.width = result.width * 10 + static_cast<size_t>(spec[0] - '0');
    spec.remove_prefix(1);
  }
  if (!spec.empty()) result.type = spec[0];
  return result;
}

std::string digits_of(uint64_t magnitude, unsigned base, bool upper_case) {
  const char* digit_chars = upper_case ? "0123456789ABCDEF" : "0123456789abcdef";
  char buffer[24];
  char* end = buffer + sizeof buffer;
  char* start = end;
  do {
    *--start = digit_chars[magnitude % base];
    magnitude /= base;
  } while (magnitude != 0);
  return std::string(start, end);
}

// Writes `argument` as `spec` says onto `out`.
void append_field(std::string& out, const MessageArgument& argument, const FieldSpec& spec) {
  using Kind = MessageArgument::Kind;
  std::string prefix;  // sign and 0x
  std::string body;
  bool numeric = true;
  switch (argument.kind()) {
    case Kind::text:
      body = argument.text();
      numeric = false;
      break;
    case Kind::character:
      body = std::string(1, static_cast<char>(argument.unsigned_value()));
      numeric = false;
      break;
    case Kind::address:
      prefix = "0x";
      body = digits_of(argument.unsigned_value(), 16, false);
      break;
    case Kind::signed_integer:
    case Kind::unsigned_integer: {
      uint64_t magnitude = argument.unsigned_value();
      if (argument.kind() == Kind::signed_integer) {
        int64_t value = argument.signed_value();
        if (value < 0) prefix = "-";
        magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
      }
      bool hex = spec.type == 'x' || spec.type == 'X';
      if (hex && spec.alternate) prefix += spec.type == 'X' ? "0X" : "0x";
      body = digits_of(magnitude, hex ? 16 : 10, spec.type == 'X');
      break;
    }
  }
  size_t length = prefix.size() + body.size();
  size_t padding = spec.width > length ? spec.width - length : 0;
  char align = spec.align ? spec.align : (numeric ? '>' : '<');
  if (align == '=' && !numeric) align = '<';  // text has no sign to pad after
  if (align == '=') {
    out += prefix;
    out.append(padding, spec.fill);
    out += body;
    return;
  }
  if (align == '>') out.append(padding, spec.fill);
  out += prefix;
  out += body;
  if (align == '<') out.append(padding, spec.fill);
}

}  // namespace

std::string format_message_from(std::string_view pattern,
                                std::initializer_list<MessageArgument> arguments) {
  std::string out;
  out.reserve(pattern.size() + 16 * arguments.size());
  const MessageArgument* next = arguments.begin();
  for (size_t i = 0; i < pattern.size(); ++i) {
    char ch = pattern[i];
    if ((ch == '{' || ch == '}') && i + 1 < pattern.size() && pattern[i + 1] == ch) {
      out += ch;  // {{ or }}
      ++i;
      continue;
    }
    size_t close = ch == '{' ? pattern.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos || next == arguments.end()) {
      out += ch;
      continue;
    }
    std::string_view field = pattern.substr(i + 1, close - i - 1);
    FieldSpec spec;
    if (!field.empty() && field[0] == ':') spec = parse_spec(field.substr(1));
    append_field(out, *next++, spec);
    i = close;
  }
  return out;
}

}  // namespace py
