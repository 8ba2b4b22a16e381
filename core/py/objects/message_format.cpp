// Filling `{}` fields; see message_format.hpp. Each field is Python's format(value, SPEC),
// done by the formatters behind format() (format_spec.hpp).
#include "core/py/objects/message_format.hpp"

#include <cstdint>
#include <limits>

#include "core/py/objects/bigint.hpp"
#include "core/py/objects/format_spec.hpp"

namespace py {
namespace {

FormatResult format_unsigned(uint64_t value, std::string_view spec) {
  if (value <= uint64_t(std::numeric_limits<int64_t>::max())) {
    return format_int(int64_t(value), spec);
  }
  return format_int(BigIntView(BigInt::from_uint64(value)), spec);
}

FormatResult format_field(const MessageArgument& argument, std::string_view spec) {
  using Kind = MessageArgument::Kind;
  switch (argument.kind()) {
    case Kind::text:
      return format_string(argument.text(), spec);
    case Kind::character: {
      char character = static_cast<char>(argument.unsigned_value());
      return format_string(std::string_view(&character, 1), spec);
    }
    case Kind::signed_integer:
      return format_int(argument.signed_value(), spec);
    case Kind::unsigned_integer:
      return format_unsigned(argument.unsigned_value(), spec);
    case Kind::address:
      return format_unsigned(argument.unsigned_value(), "#x");
  }
  return {};
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
    std::string_view field = pattern.substr(i, close + 1 - i);
    std::string_view spec = field.size() > 2 && field[1] == ':' ? field.substr(2, field.size() - 3)
                                                                 : std::string_view();
    FormatResult result = format_field(*next++, spec);
    out += result.ok() ? std::string_view(result.text) : field;  // a bad spec stays as written
    i = close;
  }
  return out;
}

}  // namespace py
