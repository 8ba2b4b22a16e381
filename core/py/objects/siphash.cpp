// SipHash-1-3 transliterated from CPython 3.11's Python/pyhash.c, and the str/bytes hashes
// built on it (see siphash.hpp for the canonical-representation rule).
#include "core/py/objects/siphash.hpp"

#include <cstring>
#include <vector>

#include "core/py/syntax/utf8.hpp"

namespace py {

namespace {

inline uint64_t rotate_left(uint64_t value, int bits) {
  return (value << bits) | (value >> (64 - bits));
}

inline void half_round(uint64_t& a, uint64_t& b, uint64_t& c, uint64_t& d, int s, int t) {
  a += b;
  c += d;
  b = rotate_left(b, s) ^ a;
  d = rotate_left(d, t) ^ c;
  a = rotate_left(a, 32);
}

inline void single_round(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
  half_round(v0, v1, v2, v3, 13, 16);
  half_round(v2, v1, v0, v3, 17, 21);
}

// Reads 8 bytes little-endian.
inline uint64_t load_little_endian(const uint8_t* bytes, size_t count) {
  uint64_t value = 0;
  for (size_t i = 0; i < count; ++i) value |= uint64_t(bytes[i]) << (8 * i);
  return value;
}

int64_t finish_hash(uint64_t hash) {
  int64_t result = int64_t(hash);
  return result == -1 ? -2 : result;
}

}  // namespace

uint64_t siphash13(uint64_t key0, uint64_t key1, const void* data, size_t size) {
  uint64_t last = uint64_t(size) << 56;
  const auto* input = static_cast<const uint8_t*>(data);
  uint64_t v0 = key0 ^ 0x736f6d6570736575ULL;
  uint64_t v1 = key1 ^ 0x646f72616e646f6dULL;
  uint64_t v2 = key0 ^ 0x6c7967656e657261ULL;
  uint64_t v3 = key1 ^ 0x7465646279746573ULL;
  while (size >= 8) {
    const uint64_t word = load_little_endian(input, 8);
    input += 8;
    size -= 8;
    v3 ^= word;
    single_round(v0, v1, v2, v3);
    v0 ^= word;
  }
  last |= load_little_endian(input, size);
  v3 ^= last;
  single_round(v0, v1, v2, v3);
  v0 ^= last;
  v2 ^= 0xff;
  single_round(v0, v1, v2, v3);
  single_round(v0, v1, v2, v3);
  single_round(v0, v1, v2, v3);
  return (v0 ^ v1) ^ (v2 ^ v3);
}

int64_t hash_bytes(const void* data, size_t size) {
  if (size == 0) return 0;
  return finish_hash(siphash13(0, 0, data, size));
}

int64_t hash_text(std::string_view utf8) {
  if (utf8.empty()) return 0;
  char32_t widest = 0;
  size_t count = 0;
  for (size_t i = 0; i < utf8.size();) {
    const char32_t code = utf8::decode(utf8, i);
    if (code > widest) widest = code;
    ++count;
  }
  if (widest < 0x80) return finish_hash(siphash13(0, 0, utf8.data(), utf8.size()));
  const size_t width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
  std::vector<uint8_t> canonical(count * width);
  size_t at = 0;
  for (size_t i = 0; i < utf8.size();) {
    const char32_t code = utf8::decode(utf8, i);
    for (size_t byte = 0; byte < width; ++byte) canonical[at++] = uint8_t(code >> (8 * byte));
  }
  return finish_hash(siphash13(0, 0, canonical.data(), canonical.size()));
}

}  // namespace py
