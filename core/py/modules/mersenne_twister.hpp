// The generator under Python's random module: CPython 3.11's _random.Random
// (Modules/_randommodule.c), the MT19937 Mersenne Twister of Matsumoto and Nishimura with
// CPython's seeding, float and bit-string conversions, reproduced bit for bit so that a
// seeded program prints the numbers CPython prints.
//
// Design: a value type holding the 624-word state and nothing Python-specific. Integers
// wider than 64 bits (seeds, getrandbits results) travel as magnitudes: base 2**32 limbs,
// least significant first, no leading zero limbs — BigInt's representation
// (core/py/objects/bigint.hpp), so the binding converts without arithmetic. Cost: the
// binding takes the absolute value of a seed itself, and random.py's layer (gauss_next,
// seeding from str and bytes, the distributions) lives in random_algorithms.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace py {

class MersenneTwister {
 public:
  static constexpr size_t state_words = 624;  // N of MT19937

  // Seeded as init_genrand(5489), MT19937's reference default. Python never exposes
  // this state (Random() seeds from the OS), so callers seed before drawing.
  MersenneTwister();

  // CPython's init_by_array: the state that `key` (32-bit words) determines. An empty
  // key is treated as the one-word key {0}, which is what seed(0) passes.
  void seed_from_key(std::span<const uint32_t> key);

  // random.seed(n) for an int n, given the limbs of abs(n) (least significant first;
  // leading zero limbs are ignored). Zero (an empty magnitude) seeds like seed(0).
  void seed_from_magnitude(std::span<const uint32_t> magnitude);

  // random.seed(n) for 0 <= n < 2**64 (the CLI's --seed). seed(-n) is seed(n). A float
  // seed x is seed(hash(x) % 2**64), so the binding passes static_cast<uint64_t>(hash).
  void seed_from_uint64(uint64_t value);

  // random.seed(None): 624 words from the operating system's entropy source
  // (std::random_device; /dev/urandom natively, crypto.getRandomValues under Emscripten),
  // as CPython reads 624 words from os.urandom and passes them to init_by_array.
  void seed_from_os_entropy();

  // genrand_uint32: the next 32 bits of the stream.
  uint32_t next_word();

  // random.random(): a double in [0.0, 1.0) with 53 random bits, from two words
  // (a >> 5, b >> 6) as (a * 2**26 + b) / 2**53.
  double random();

  // getrandbits(bits) for bits <= 64. 0 draws nothing and gives 0; up to 32 bits use the
  // top `bits` bits of one word; more fill 32-bit words least significant first, the
  // last word shifted right by 32 - (bits % 32) as CPython does.
  uint64_t getrandbits(unsigned bits);

  // getrandbits(bits) for any bit count: the limbs of the result, least significant
  // first, with no leading zero limbs (empty for 0). Draws ceil(bits / 32) words.
  std::vector<uint32_t> getrandbits_magnitude(uint64_t bits);

 private:
  void seed_from_word(uint32_t seed);  // CPython's init_genrand
  void regenerate();                   // the twist: refills all 624 words

  std::array<uint32_t, state_words> state_;  // mt[] of MT19937
  size_t next_index_ = state_words;          // index of the next word to temper; 624 = twist
};

}  // namespace py
