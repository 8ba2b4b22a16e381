// MT19937 with CPython 3.11's seeding and conversions (Modules/_randommodule.c); see
// mersenne_twister.hpp.
#include "core/py/modules/mersenne_twister.hpp"

#include <algorithm>
#include <random>

namespace py {

namespace {

constexpr size_t shift_size = 397;               // M of MT19937
constexpr uint32_t twist_matrix = 0x9908b0dfU;   // MATRIX_A
constexpr uint32_t upper_mask = 0x80000000U;     // the most significant bit
constexpr uint32_t lower_mask = 0x7fffffffU;     // the other 31 bits

uint32_t twist(uint32_t upper_from, uint32_t lower_from, uint32_t shifted) {
  uint32_t joined = (upper_from & upper_mask) | (lower_from & lower_mask);
  return shifted ^ (joined >> 1) ^ ((joined & 1U) ? twist_matrix : 0U);
}

}  // namespace

MersenneTwister::MersenneTwister() { seed_from_word(5489U); }

void MersenneTwister::seed_from_word(uint32_t seed) {
  state_[0] = seed;
  for (size_t i = 1; i < state_words; ++i) {
    uint32_t previous = state_[i - 1];
    state_[i] = 1812433253U * (previous ^ (previous >> 30)) + static_cast<uint32_t>(i);
  }
  next_index_ = state_words;
}

void MersenneTwister::seed_from_key(std::span<const uint32_t> key) {
  static constexpr uint32_t zero_key[1] = {0};
  if (key.empty()) key = zero_key;
  seed_from_word(19650218U);
  size_t i = 1;
  size_t j = 0;
  for (size_t k = std::max(state_words, key.size()); k > 0; --k) {
    uint32_t previous = state_[i - 1];
    state_[i] = (state_[i] ^ ((previous ^ (previous >> 30)) * 1664525U)) + key[j] +
                static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= state_words) {
      state_[0] = state_[state_words - 1];
      i = 1;
    }
    if (j >= key.size()) j = 0;
  }
  for (size_t k = state_words - 1; k > 0; --k) {
    uint32_t previous = state_[i - 1];
    state_[i] = (state_[i] ^ ((previous ^ (previous >> 30)) * 1566083941U)) -
                static_cast<uint32_t>(i);
    ++i;
    if (i >= state_words) {
      state_[0] = state_[state_words - 1];
      i = 1;
    }
  }
  state_[0] = 0x80000000U;  // the most significant bit set: the state is never all zero
}

void MersenneTwister::seed_from_magnitude(std::span<const uint32_t> magnitude) {
  size_t used = magnitude.size();
  while (used > 0 && magnitude[used - 1] == 0) --used;
  seed_from_key(magnitude.first(used));
}

void MersenneTwister::seed_from_uint64(uint64_t value) {
  uint32_t limbs[2] = {static_cast<uint32_t>(value), static_cast<uint32_t>(value >> 32)};
  seed_from_magnitude(limbs);
}

void MersenneTwister::seed_from_os_entropy() {
  std::random_device source;
  std::array<uint32_t, state_words> key;
  for (uint32_t& word : key) word = static_cast<uint32_t>(source());
  seed_from_key(key);
}

void MersenneTwister::regenerate() {
  size_t k = 0;
  for (; k < state_words - shift_size; ++k) {
    state_[k] = twist(state_[k], state_[k + 1], state_[k + shift_size]);
  }
  for (; k < state_words - 1; ++k) {
    state_[k] = twist(state_[k], state_[k + 1], state_[k + shift_size - state_words]);
  }
  state_[state_words - 1] = twist(state_[state_words - 1], state_[0], state_[shift_size - 1]);
  next_index_ = 0;
}

uint32_t MersenneTwister::next_word() {
  if (next_index_ >= state_words) regenerate();
  uint32_t word = state_[next_index_++];
  word ^= word >> 11;
  word ^= (word << 7) & 0x9d2c5680U;
  word ^= (word << 15) & 0xefc60000U;
  word ^= word >> 18;
  return word;
}

double MersenneTwister::random() {
  uint32_t high = next_word() >> 5;  // 27 bits
  uint32_t low = next_word() >> 6;   // 26 bits
  return (high * 67108864.0 + low) * (1.0 / 9007199254740992.0);
}

uint64_t MersenneTwister::getrandbits(unsigned bits) {
  if (bits == 0) return 0;
  if (bits <= 32) return next_word() >> (32 - bits);
  uint64_t low = next_word();
  uint64_t high = next_word() >> (64 - bits);
  return low | (high << 32);
}

std::vector<uint32_t> MersenneTwister::getrandbits_magnitude(uint64_t bits) {
  std::vector<uint32_t> limbs;
  if (bits == 0) return limbs;
  limbs.reserve((bits - 1) / 32 + 1);
  for (uint64_t remaining = bits; remaining > 0;) {
    uint32_t word = next_word();
    if (remaining < 32) {
      word >>= 32 - remaining;
      remaining = 0;
    } else {
      remaining -= 32;
    }
    limbs.push_back(word);
  }
  while (!limbs.empty() && limbs.back() == 0) limbs.pop_back();
  return limbs;
}

}  // namespace py
