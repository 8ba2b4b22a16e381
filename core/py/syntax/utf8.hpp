// UTF-8 helpers for the lexer and for error positions. Source positions are byte offsets
// (CPython's col_offset); CPython reports SyntaxError offsets in characters, so error
// positions are converted with count_characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace py::utf8 {

// Whether `byte` continues a multi-byte sequence (10xxxxxx).
inline bool is_continuation_byte(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The number of characters in `text`, which is valid UTF-8 except that it may end inside a
// character; that last partial character counts as one, as CPython's "replace" decoding
// counts it.
inline int32_t count_characters(std::string_view text) {
  int32_t count = 0;
  for (char byte : text) count += !is_continuation_byte(static_cast<unsigned char>(byte));
  return count;
}

// The code point that starts at text[position] in valid UTF-8; moves `position` past it.
char32_t decode(std::string_view text, size_t& position);

// The byte offset of the first sequence in `text` that is not strict UTF-8 (a stray
// continuation byte, a truncated sequence, an overlong form, a surrogate, a value past
// U+10FFFF), or npos when all of `text` is valid.
size_t find_invalid(std::string_view text);

}  // namespace py::utf8
