// Python's random.Random (CPython 3.11 Lib/random.py) over MersenneTwister, without Python
// objects: a binding turns arguments into the plain values below, calls these, and turns
// the results back (or raises the RandomError) — so the same seed gives the same numbers,
// the same errors, and the same generator state afterwards as CPython.
//
// Design: each method makes the calls to random() / getrandbits() that random.py makes,
// in the same order, including the draws made before an error is raised (expovariate(0)
// consumes one random() and then fails). Sequence methods work on indices, so they apply
// to any sequence: choice/sample/choices return positions in the population, shuffle is a
// template over the elements. Errors are values (DESIGN.md decision 5) carrying random.py's
// exception class and message.
//
// Costs and limits, each of which the binding handles by the route named:
//  - int arguments are int64_t and results fit int64_t. Wider ranges: the binding computes
//    n with BigInt and calls randbelow_magnitude, which is _randbelow for any n.
//  - float arguments are doubles: uniform(a, b) with ints beyond 2**53 differs from
//    Python's exact b - a; weights beyond 2**53 compare as doubles in choices.
//  - randrange's non-integer-argument deprecation path (float args with integral values,
//    DeprecationWarning) and its TypeErrors are the binding's: it passes integers.
//  - triangular with high == low and a mode returns `low`; CPython returns the low object
//    itself (an int stays an int), so the binding checks that case to keep the type.
//  - the distributions call libm's log, exp, pow, cos, sin and acos, as CPython does, so
//    they are bit-exact where libm is glibc's (CPython's on Linux). Emscripten's musl
//    rounds differently in the last bit (measured on 200k arguments: cos/sin 3% of calls,
//    2.7% of gauss() values, acos 8%, exp/pow 0.07%, log 0.01%), so in the wasm build a
//    gauss() or vonmisesvariate() value can differ from CPython's in its last digit. The
//    fix belongs in a shared correctly rounded float math, not here.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/py/modules/mersenne_twister.hpp"

namespace py {

// The Python exception class of a RandomError.
enum class RandomErrorKind : uint8_t {
  value_error,          // ValueError
  index_error,          // IndexError
  zero_division_error,  // ZeroDivisionError
  overflow_error,       // OverflowError
};

// "ValueError", "IndexError", ... for a kind.
const char* random_error_class_name(RandomErrorKind kind);

struct RandomError {
  RandomErrorKind kind;  // which exception CPython raises
  std::string message;   // str() of that exception, exactly as CPython 3.11 words it
};

// A value or the error CPython would raise instead of returning it.
template <class T>
class [[nodiscard]] RandomResult {
 public:
  RandomResult(T value) : outcome_(std::move(value)) {}
  RandomResult(RandomError error) : outcome_(std::move(error)) {}

  bool ok() const { return outcome_.index() == 0; }
  explicit operator bool() const { return ok(); }
  // Only when ok().
  const T& value() const { return std::get<0>(outcome_); }
  T& value() { return std::get<0>(outcome_); }
  // Only when !ok().
  const RandomError& error() const { return std::get<1>(outcome_); }

 private:
  std::variant<T, RandomError> outcome_;  // the value, or why there is none
};

// Cumulative sums of `weights` in order with double addition: itertools.accumulate's
// list for float weights, what choices(population, weights) bisects.
std::vector<double> accumulate_weights(std::span<const double> weights);

class Random {
 public:
  // Random(): seeded from the operating system, as CPython's Random() with no seed.
  Random();
  // Random(seed) for an int seed in [0, 2**64).
  explicit Random(uint64_t seed);

  // --- seeding: every seed also forgets gauss()'s saved second value --------------------
  void seed_from_os_entropy();                                // seed(None)
  void seed_from_uint64(uint64_t value);                      // seed(n), 0 <= n < 2**64
  void seed_from_magnitude(std::span<const uint32_t> limbs);  // seed(n): limbs of abs(n)
  // seed(a) for bytes/bytearray `a` (version 2), or for a str: the binding passes its
  // UTF-8 encoding (str.encode()). Seeds with int.from_bytes(a + sha512(a).digest()).
  void seed_from_bytes(std::string_view bytes);

  // --- the generator ---------------------------------------------------------------------
  double random() { return generator_.random(); }
  // getrandbits(bits) for 0 <= bits <= 64.
  uint64_t getrandbits(unsigned bits) { return generator_.getrandbits(bits); }
  // getrandbits(bits) for any int: limbs of the result (least significant first, no
  // leading zeros). CPython 3.11 takes a C int: OverflowError "Python int too large to
  // convert to C int" outside [-2**31, 2**31) (the binding says the same for ints beyond
  // int64), then ValueError "number of bits must be non-negative" when bits < 0.
  RandomResult<std::vector<uint32_t>> getrandbits_magnitude(int64_t bits);
  // randbytes(n): getrandbits(n * 8) as n little-endian bytes, with getrandbits's errors
  // for n * 8.
  RandomResult<std::string> randbytes(int64_t count);

  // --- integers -------------------------------------------------------------------------
  // _randbelow(n) for 0 < n < 2**64: getrandbits(n.bit_length()) until below n.
  uint64_t randbelow(uint64_t limit);
  // _randbelow(n) for any n > 0 given as limbs (no leading zeros); the result as limbs.
  std::vector<uint32_t> randbelow_magnitude(std::span<const uint32_t> limit);
  // randrange(stop): ValueError "empty range for randrange()" unless stop > 0.
  RandomResult<int64_t> randrange(int64_t stop);
  // randrange(start, stop, step), with random.py's ValueErrors: for step 1 "empty range for
  // randrange() (start, stop, width)", else "zero step for randrange()" or "empty range
  // for randrange()".
  RandomResult<int64_t> randrange(int64_t start, int64_t stop, int64_t step = 1);
  // randint(a, b) == randrange(a, b + 1) (b + 1 does not overflow here).
  RandomResult<int64_t> randint(int64_t low, int64_t high);

  // --- sequences, as positions in a population of `size` elements ------------------------
  // choice(seq): IndexError "Cannot choose from an empty sequence" when size is 0.
  RandomResult<uint64_t> choice_index(uint64_t size);

  // shuffle(x): Fisher-Yates from the end, swapping x[i] with x[_randbelow(i + 1)].
  template <class T>
  void shuffle(std::span<T> items) {
    for (size_t i = items.size(); i-- > 1;) {
      size_t j = static_cast<size_t>(randbelow(i + 1));
      std::swap(items[i], items[j]);
    }
  }

  // sample(population, k): k distinct positions in selection order, by random.py's pool
  // (small population) or selected-set branch. ValueError "Sample larger than population
  // or is negative" unless 0 <= k <= size.
  RandomResult<std::vector<uint64_t>> sample_indices(uint64_t size, int64_t k);
  // sample(population, k, counts=counts): positions in the population (repeats allowed,
  // as counts repeat elements). Errors in random.py's order: length mismatch, empty
  // counts (IndexError "pop from empty list"), total <= 0, then sample's own. A total
  // beyond 2**63 - 1 is CPython's OverflowError too (len(range(total)) overflows).
  RandomResult<std::vector<uint64_t>> sample_indices_with_counts(
      uint64_t size, std::span<const int64_t> counts, int64_t k);

  // choices(population, k=k) without weights: k positions floor(random() * size); none
  // when k <= 0. When size is 0 and k > 0, CPython indexes the empty population with its
  // first pick (after one random()) and raises the population's IndexError: this draws
  // that one random() and returns just that pick, {0}, for the binding to index.
  std::vector<uint64_t> choices_indices(uint64_t size, int64_t k);
  // choices(population, cum_weights=cumulative, k=k): bisect(cumulative, random() * total,
  // 0, size - 1) k times. ValueError when cumulative.size() != size, IndexError "list index
  // out of range" when both are 0 (for a cum_weights tuple the binding says "tuple"),
  // ValueError when the total is <= 0 or not finite. With `weights`, pass
  // accumulate_weights(weights).
  RandomResult<std::vector<uint64_t>> choices_indices_weighted(
      uint64_t size, std::span<const double> cumulative, int64_t k);

  // --- real-valued distributions ---------------------------------------------------------
  double uniform(double low, double high);
  double triangular(double low = 0.0, double high = 1.0,
                    std::optional<double> mode = std::nullopt);
  double normalvariate(double mu = 0.0, double sigma = 1.0);
  // Box-Muller in pairs: every other call returns the saved second value.
  double gauss(double mu = 0.0, double sigma = 1.0);
  // exp(normalvariate(mu, sigma)); OverflowError "math range error" past DBL_MAX.
  RandomResult<double> lognormvariate(double mu, double sigma);
  // ZeroDivisionError "float division by zero" when lambd is 0 (after one random()).
  RandomResult<double> expovariate(double lambd);
  double vonmisesvariate(double mu, double kappa);
  // ValueError "gammavariate: alpha and beta must be > 0.0" unless both are > 0.
  RandomResult<double> gammavariate(double alpha, double beta);
  RandomResult<double> betavariate(double alpha, double beta);
  // Float ** errors as CPython raises them: ZeroDivisionError for 0.0 ** negative,
  // OverflowError "(34, 'Numerical result out of range')" when a finite power overflows.
  RandomResult<double> paretovariate(double alpha);
  RandomResult<double> weibullvariate(double alpha, double beta);

 private:
  // randrange's arithmetic on 128 bits: start + step * _randbelow(n) for int64 inputs and
  // randint's high + 1, with the three ValueErrors of random.py.
  RandomResult<int64_t> randrange_wide(__int128 start, __int128 stop, __int128 step);

  MersenneTwister generator_;        // the _random.Random core
  std::optional<double> gauss_next_;  // gauss()'s saved second value (self.gauss_next)
};

}  // namespace py
