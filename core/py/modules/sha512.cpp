// SHA-512 as FIPS 180-4 §6.4 specifies it; see sha512.hpp.
#include "core/py/modules/sha512.hpp"

#include <algorithm>
#include <cstring>

namespace py {

namespace {

// The first 64 bits of the fractional parts of the cube roots of the first 80 primes.
constexpr uint64_t round_constants[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
    0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
    0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
    0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};

// The first 64 bits of the fractional parts of the square roots of the first 8 primes.
constexpr std::array<uint64_t, 8> initial_state = {
    0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
    0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};

uint64_t rotate_right(uint64_t value, int count) {
  return (value >> count) | (value << (64 - count));
}

uint64_t load_big_endian(const uint8_t* bytes) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | bytes[i];
  return value;
}

void store_big_endian(uint64_t value, uint8_t* bytes) {
  for (int i = 7; i >= 0; --i) {
    bytes[i] = static_cast<uint8_t>(value);
    value >>= 8;
  }
}

}  // namespace

Sha512::Sha512() : state_(initial_state), buffer_{} {}

void Sha512::update(std::string_view data) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(data.data());
  size_t remaining = data.size();
  total_bytes_ += remaining;
  if (buffered_ > 0) {
    size_t taken = std::min(remaining, block_size - buffered_);
    std::memcpy(buffer_.data() + buffered_, bytes, taken);
    buffered_ += taken;
    bytes += taken;
    remaining -= taken;
    if (buffered_ < block_size) return;
    compress(buffer_.data());
    buffered_ = 0;
  }
  for (; remaining >= block_size; remaining -= block_size, bytes += block_size) {
    compress(bytes);
  }
  std::memcpy(buffer_.data(), bytes, remaining);
  buffered_ = remaining;
}

Sha512::Digest Sha512::digest() const {
  // Padding: 0x80, zeros up to 16 bytes short of a block boundary, then the message
  // length in bits as a 128-bit big-endian number (its top 64 bits are zero here).
  Sha512 finished = *this;
  uint64_t length_in_bits = total_bytes_ * 8;
  uint8_t padding[block_size + 16] = {0x80};
  size_t padding_size = (buffered_ < 112 ? 112 : 112 + block_size) - buffered_;
  finished.update(std::string_view(reinterpret_cast<const char*>(padding), padding_size));
  uint8_t length_field[16] = {};
  store_big_endian(length_in_bits, length_field + 8);
  finished.update(std::string_view(reinterpret_cast<const char*>(length_field), 16));

  Digest digest;
  for (size_t i = 0; i < finished.state_.size(); ++i) {
    store_big_endian(finished.state_[i], digest.data() + 8 * i);
  }
  return digest;
}

void Sha512::compress(const uint8_t* block) {
  uint64_t schedule[80];
  for (int t = 0; t < 16; ++t) schedule[t] = load_big_endian(block + 8 * t);
  for (int t = 16; t < 80; ++t) {
    uint64_t before2 = schedule[t - 2];
    uint64_t before15 = schedule[t - 15];
    uint64_t sigma1 = rotate_right(before2, 19) ^ rotate_right(before2, 61) ^ (before2 >> 6);
    uint64_t sigma0 = rotate_right(before15, 1) ^ rotate_right(before15, 8) ^ (before15 >> 7);
    schedule[t] = sigma1 + schedule[t - 7] + sigma0 + schedule[t - 16];
  }

  uint64_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
  uint64_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
  for (int t = 0; t < 80; ++t) {
    uint64_t sum1 = rotate_right(e, 14) ^ rotate_right(e, 18) ^ rotate_right(e, 41);
    uint64_t choose = (e & f) ^ (~e & g);
    uint64_t temporary1 = h + sum1 + choose + round_constants[t] + schedule[t];
    uint64_t sum0 = rotate_right(a, 28) ^ rotate_right(a, 34) ^ rotate_right(a, 39);
    uint64_t majority = (a & b) ^ (a & c) ^ (b & c);
    uint64_t temporary2 = sum0 + majority;
    h = g;
    g = f;
    f = e;
    e = d + temporary1;
    d = c;
    c = b;
    b = a;
    a = temporary1 + temporary2;
  }
  state_[0] += a;
  state_[1] += b;
  state_[2] += c;
  state_[3] += d;
  state_[4] += e;
  state_[5] += f;
  state_[6] += g;
  state_[7] += h;
}

Sha512::Digest sha512(std::string_view data) {
  Sha512 hasher;
  hasher.update(data);
  return hasher.digest();
}

}  // namespace py
