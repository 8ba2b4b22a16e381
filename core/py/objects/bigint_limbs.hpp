// Unsigned arithmetic on magnitudes: the layer under BigInt (internal to core/py/objects).
//
// Design: a magnitude is a std::vector<uint32_t> in base 2**32, least significant limb
// first; products and quotients of two limbs go through uint64_t, which is portable to
// wasm32 (no __int128) and lets the compiler use one 64-bit multiply per limb pair. Every
// function takes and returns trimmed magnitudes (no most significant zero limbs) unless
// it says otherwise. Cost: a signed value is a magnitude plus a flag in BigInt, so
// negative operands of bitwise operations are converted to two's complement and back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace py::limbs {

using Limbs = std::vector<uint32_t>;

inline constexpr int bits_per_limb = 32;

// Above this many limbs in the smaller factor, multiply() uses Karatsuba; below it the
// schoolbook product is faster (measured: see bigint_multiply.cpp).
inline constexpr size_t karatsuba_threshold = 48;

// Removes the most significant zero limbs.
void trim(Limbs& value);

// -1, 0 or 1 as a < b, a == b, a > b.
int compare(const Limbs& a, const Limbs& b);

Limbs add(const Limbs& a, const Limbs& b);
// a - b; requires a >= b.
Limbs subtract(const Limbs& a, const Limbs& b);

// value = value * factor + addend, in place.
void multiply_add(Limbs& value, uint32_t factor, uint32_t addend);
// value = value / divisor, in place; returns value % divisor. Requires divisor != 0.
uint32_t divide_by_limb(Limbs& value, uint32_t divisor);

Limbs shift_left(const Limbs& value, uint64_t count);
// Truncating: the bits shifted out are dropped.
Limbs shift_right(const Limbs& value, uint64_t count);
// Whether any of the `count` least significant bits of `value` is set.
bool any_low_bit_set(const Limbs& value, uint64_t count);

// Number of significant bits; 0 for zero.
uint64_t bit_length(const Limbs& value);

// a * b (schoolbook below karatsuba_threshold, Karatsuba above).
Limbs multiply(const Limbs& a, const Limbs& b);

// Knuth's algorithm D (TAOCP vol. 2, 4.3.1): quotient = dividend / divisor and remainder
// = dividend % divisor. Requires divisor non-zero.
void divide(const Limbs& dividend, const Limbs& divisor, Limbs& quotient, Limbs& remainder);

}  // namespace py::limbs
