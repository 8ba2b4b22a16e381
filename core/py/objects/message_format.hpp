// Text with `{}` fields filled in: error messages, reprs and disassembly lines.
//
//   format_message("'{}' object has no attribute '{}'", type_name(t), name)
//   format_message("\\x{:02x}", byte)   format_message("{:>4} {:<20}", offset, op_name)
//
// Fields: `{}` or `{:SPEC}`, where SPEC is Python's format spec, applied as format()
// applies it to a str or an int (format_spec.hpp does both); `{{` and `}}` are braces.
// Arguments are text, integers, characters and addresses (written 0x…, lowercase; their
// SPEC is ignored). That is all our messages need, so {fmt} (≈30 KB of gzipped wasm, and
// std::locale with it) stays out of the product. A field without an argument, or with a
// SPEC that format() would reject, is written as it stands.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

namespace py {

// One argument of format_message.
class MessageArgument {
 public:
  enum class Kind { text, signed_integer, unsigned_integer, character, address };

  MessageArgument(std::string_view text) : kind_(Kind::text), text_(text) {}
  MessageArgument(const std::string& text) : kind_(Kind::text), text_(text) {}
  MessageArgument(const char* text) : kind_(Kind::text), text_(text) {}
  MessageArgument(char character) : kind_(Kind::character), unsigned_(uint8_t(character)) {}
  template <class Integer>
  requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool> &&
           !std::is_same_v<Integer, char>) MessageArgument(Integer value) {
    if constexpr (std::is_signed_v<Integer>) {
      kind_ = Kind::signed_integer;
      signed_ = value;
    } else {
      kind_ = Kind::unsigned_integer;
      unsigned_ = value;
    }
  }
  MessageArgument(const void* address)
      : kind_(Kind::address), unsigned_(reinterpret_cast<uintptr_t>(address)) {}
  MessageArgument(bool) = delete;    // say "True"/"False" or a number explicitly
  MessageArgument(double) = delete;  // use float_repr.hpp: Python's digits, not C's

  Kind kind() const { return kind_; }
  std::string_view text() const { return text_; }
  int64_t signed_value() const { return signed_; }
  uint64_t unsigned_value() const { return unsigned_; }

 private:
  Kind kind_;
  std::string_view text_;
  int64_t signed_ = 0;
  uint64_t unsigned_ = 0;
};

std::string format_message_from(std::string_view pattern,
                                std::initializer_list<MessageArgument> arguments);

template <class... Arguments>
std::string format_message(std::string_view pattern, const Arguments&... arguments) {
  return format_message_from(pattern, {MessageArgument(arguments)...});
}

}  // namespace py
