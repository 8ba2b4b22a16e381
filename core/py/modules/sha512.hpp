// SHA-512 (FIPS 180-4), for random.seed: CPython 3.11 seeds a str or bytes `a` with the
// integer int.from_bytes(a + sha512(a).digest(), "big"), so the generator needs the exact
// digest. A later hashlib binding can use the same incremental hasher.
//
// Design: a plain portable implementation (one 128-byte block at a time, no SIMD, no
// lookup beyond the round constants). Cost: slower than OpenSSL's, irrelevant for seeding
// and for the small inputs a playground hashes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace py {

class Sha512 {
 public:
  static constexpr size_t digest_size = 64;  // bytes
  static constexpr size_t block_size = 128;  // bytes
  using Digest = std::array<uint8_t, digest_size>;

  Sha512();

  // Appends `data` to the message; may be called any number of times.
  void update(std::string_view data);

  // The digest of everything appended so far. Does not change the hasher: more data may
  // follow, and digest() then covers it too (as hashlib's digest() does).
  Digest digest() const;

 private:
  void compress(const uint8_t* block);

  std::array<uint64_t, 8> state_;           // the running hash H0..H7
  std::array<uint8_t, block_size> buffer_;  // bytes not yet compressed (buffered_ of them)
  size_t buffered_ = 0;                     // how many bytes of buffer_ are in use
  uint64_t total_bytes_ = 0;                // message length so far (limit 2**61 bytes)
};

// The SHA-512 digest of `data` in one call.
Sha512::Digest sha512(std::string_view data);

}  // namespace py
