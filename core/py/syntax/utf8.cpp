#include "core/py/syntax/utf8.hpp"

#include <cstring>

namespace py::utf8 {

char32_t decode(std::string_view text, size_t& position) {
  auto byte = [&](size_t offset) { return static_cast<unsigned char>(text[position + offset]); };
  unsigned char lead = byte(0);
  char32_t code_point;
  size_t length;
  if (lead < 0x80) {
    code_point = lead;
    length = 1;
  } else if (lead < 0xE0) {
    code_point = ((lead & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
    length = 2;
  } else if (lead < 0xF0) {
    code_point = ((lead & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    length = 3;
  } else {
    code_point = ((lead & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) |
                 ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
    length = 4;
  }
  position += length;
  return code_point;
}

size_t find_invalid(std::string_view text) {
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= size) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    auto byte = [&](size_t offset) -> unsigned {
      return i + offset < size ? static_cast<unsigned char>(text[i + offset]) : 0u;
    };
    unsigned lead = byte(0);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // The ranges of Unicode's table 3-7 (well-formed UTF-8 byte sequences).
    size_t length;
    unsigned second_min = 0x80, second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) second_min = 0xA0;  // overlong
      if (lead == 0xED) second_max = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) second_min = 0x90;  // overlong
      if (lead == 0xF4) second_max = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (byte(1) < second_min || byte(1) > second_max) return i;
    for (size_t k = 2; k < length; ++k) {
      if (!is_continuation_byte(static_cast<unsigned char>(byte(k)))) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace py::utf8
