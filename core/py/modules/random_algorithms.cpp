// random.Random's methods as CPython 3.11's Lib/random.py writes them; see
// random_algorithms.hpp. Each function keeps random.py's order of draws and checks, and
// the float operations appear in random.py's order so that every rounding matches.
#include "core/py/modules/random_algorithms.hpp"

#include <bit>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "core/py/modules/sha512.hpp"

namespace py {

namespace {

constexpr double pi = 3.141592653589793;      // math.pi
constexpr double euler = 2.718281828459045;   // math.e
constexpr double two_pi = 2.0 * pi;           // random.TWOPI

// random.py's module constants as CPython 3.11 computes them on glibc (float.hex() of
// random.NV_MAGICCONST, LOG4, SG_MAGICCONST), written out so that no other libm can change
// them: 4 * exp(-0.5) / sqrt(2.0), log(4.0) and 1.0 + log(4.5).
constexpr double normal_magic = 0x1.b72cd3f331398p+0;  // NV_MAGICCONST
constexpr double log_four = 0x1.62e42fefa39efp+0;      // LOG4
constexpr double gamma_magic = 0x1.40859baee748fp+1;   // SG_MAGICCONST

RandomError value_error(std::string message) {
  return {RandomErrorKind::value_error, std::move(message)};
}

RandomError float_division_by_zero() {
  return {RandomErrorKind::zero_division_error, "float division by zero"};
}

// getrandbits's argument checks: CPython 3.11 converts k to a C int first.
std::optional<RandomError> check_bit_count(__int128 bits) {
  if (bits < std::numeric_limits<int32_t>::min() || bits > std::numeric_limits<int32_t>::max()) {
    return RandomError{RandomErrorKind::overflow_error,
                       "Python int too large to convert to C int"};
  }
  if (bits < 0) return value_error("number of bits must be non-negative");
  return std::nullopt;
}

// "%d" of a 128-bit integer.
std::string decimal(__int128 value) {
  bool negative = value < 0;
  unsigned __int128 magnitude =
      negative ? -static_cast<unsigned __int128>(value) : static_cast<unsigned __int128>(value);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  return negative ? "-" + digits : digits;
}

// Python's // on integers: rounds toward negative infinity.
__int128 floor_divide(__int128 dividend, __int128 divisor) {
  __int128 quotient = dividend / divisor;
  if (dividend % divisor != 0 && ((dividend < 0) != (divisor < 0))) --quotient;
  return quotient;
}

// bisect.bisect_right(sorted_values, value, 0, high) with _bisect.c's probing order, which
// decides the answer when the values are not sorted (negative weights or counts).
template <class T, class V>
uint64_t bisect_right(std::span<const T> sorted_values, V value, uint64_t high) {
  uint64_t low = 0;
  while (low < high) {
    uint64_t middle = (low + high) / 2;
    if (value < sorted_values[middle]) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

// float ** float as CPython's float_pow computes it, for the bases random.py raises to a
// power (never negative): its special cases, then C's pow with errno turned into errors.
RandomResult<double> float_power(double base, double exponent) {
  if (exponent == 0.0) return 1.0;
  if (std::isnan(base)) return base;
  if (std::isnan(exponent)) return base == 1.0 ? 1.0 : exponent;
  if (std::isinf(exponent)) {
    double absolute = std::fabs(base);
    if (absolute == 1.0) return 1.0;
    return (exponent > 0.0) == (absolute > 1.0) ? std::fabs(exponent) : 0.0;
  }
  if (std::isinf(base)) return std::pow(base, exponent);
  if (base == 0.0) {
    if (exponent < 0.0) {
      return RandomError{RandomErrorKind::zero_division_error,
                         "0.0 cannot be raised to a negative power"};
    }
    bool odd_integer = std::fmod(std::fabs(exponent), 2.0) == 1.0;
    return odd_integer ? base : 0.0;
  }
  double result = std::pow(base, exponent);
  if (std::isinf(result)) {
    return RandomError{RandomErrorKind::overflow_error, "(34, 'Numerical result out of range')"};
  }
  return result;
}

// math.exp: OverflowError when a finite argument overflows.
RandomResult<double> math_exp(double value) {
  double result = std::exp(value);
  if (std::isinf(result) && std::isfinite(value)) {
    return RandomError{RandomErrorKind::overflow_error, "math range error"};
  }
  return result;
}

// float % float (nonzero divisor): the result takes the divisor's sign.
double float_modulo(double dividend, double divisor) {
  double remainder = std::fmod(dividend, divisor);
  if (remainder != 0.0) {
    if ((divisor < 0) != (remainder < 0)) remainder += divisor;
  } else {
    remainder = std::copysign(0.0, divisor);
  }
  return remainder;
}

}  // namespace

const char* random_error_class_name(RandomErrorKind kind) {
  switch (kind) {
    case RandomErrorKind::value_error: return "ValueError";
    case RandomErrorKind::index_error: return "IndexError";
    case RandomErrorKind::zero_division_error: return "ZeroDivisionError";
    case RandomErrorKind::overflow_error: return "OverflowError";
  }
  return "ValueError";
}

std::vector<double> accumulate_weights(std::span<const double> weights) {
  std::vector<double> cumulative;
  cumulative.reserve(weights.size());
  double total = 0.0;
  for (size_t i = 0; i < weights.size(); ++i) {
    total = i == 0 ? weights[0] : total + weights[i];
    cumulative.push_back(total);
  }
  return cumulative;
}

// --- seeding -------------------------------------------------------------------------------

Random::Random() { seed_from_os_entropy(); }

Random::Random(uint64_t seed) { seed_from_uint64(seed); }

void Random::seed_from_os_entropy() {
  generator_.seed_from_os_entropy();
  gauss_next_.reset();
}

void Random::seed_from_uint64(uint64_t value) {
  generator_.seed_from_uint64(value);
  gauss_next_.reset();
}

void Random::seed_from_magnitude(std::span<const uint32_t> limbs) {
  generator_.seed_from_magnitude(limbs);
  gauss_next_.reset();
}

void Random::seed_from_bytes(std::string_view bytes) {
  // int.from_bytes(a + sha512(a).digest(), "big"): the last byte is the least significant.
  Sha512::Digest digest = sha512(bytes);
  std::string joined(bytes);
  joined.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  std::vector<uint32_t> limbs((joined.size() + 3) / 4, 0);
  for (size_t from_end = 0; from_end < joined.size(); ++from_end) {
    auto byte = static_cast<uint8_t>(joined[joined.size() - 1 - from_end]);
    limbs[from_end / 4] |= static_cast<uint32_t>(byte) << (8 * (from_end % 4));
  }
  seed_from_magnitude(limbs);
}

// --- bits and bytes -------------------------------------------------------------------------

RandomResult<std::vector<uint32_t>> Random::getrandbits_magnitude(int64_t bits) {
  if (std::optional<RandomError> refused = check_bit_count(bits)) return *refused;
  return generator_.getrandbits_magnitude(static_cast<uint64_t>(bits));
}

RandomResult<std::string> Random::randbytes(int64_t count) {
  if (std::optional<RandomError> refused = check_bit_count(static_cast<__int128>(count) * 8)) {
    return *refused;
  }
  std::vector<uint32_t> bits = generator_.getrandbits_magnitude(static_cast<uint64_t>(count) * 8);
  std::string bytes(static_cast<size_t>(count), '\0');
  for (size_t i = 0; i < bytes.size() && i / 4 < bits.size(); ++i) {
    bytes[i] = static_cast<char>(bits[i / 4] >> (8 * (i % 4)));
  }
  return bytes;
}

// --- integers -------------------------------------------------------------------------------

uint64_t Random::randbelow(uint64_t limit) {
  auto bits = static_cast<unsigned>(std::bit_width(limit));
  uint64_t candidate = generator_.getrandbits(bits);
  while (candidate >= limit) candidate = generator_.getrandbits(bits);
  return candidate;
}

std::vector<uint32_t> Random::randbelow_magnitude(std::span<const uint32_t> limit) {
  uint64_t bits = limit.empty() ? 0 : 32 * (limit.size() - 1) + std::bit_width(limit.back());
  auto is_below_limit = [&](const std::vector<uint32_t>& candidate) {
    if (candidate.size() != limit.size()) return candidate.size() < limit.size();
    for (size_t i = candidate.size(); i-- > 0;) {
      if (candidate[i] != limit[i]) return candidate[i] < limit[i];
    }
    return false;
  };
  std::vector<uint32_t> candidate = generator_.getrandbits_magnitude(bits);
  while (!is_below_limit(candidate)) candidate = generator_.getrandbits_magnitude(bits);
  return candidate;
}

RandomResult<int64_t> Random::randrange(int64_t stop) {
  if (stop > 0) return static_cast<int64_t>(randbelow(static_cast<uint64_t>(stop)));
  return value_error("empty range for randrange()");
}

RandomResult<int64_t> Random::randrange(int64_t start, int64_t stop, int64_t step) {
  return randrange_wide(start, stop, step);
}

RandomResult<int64_t> Random::randint(int64_t low, int64_t high) {
  return randrange_wide(low, static_cast<__int128>(high) + 1, 1);
}

RandomResult<int64_t> Random::randrange_wide(__int128 start, __int128 stop, __int128 step) {
  __int128 width = stop - start;
  __int128 count;
  if (step == 1) {
    if (width <= 0) {
      return value_error("empty range for randrange() (" + decimal(start) + ", " +
                         decimal(stop) + ", " + decimal(width) + ")");
    }
    count = width;
  } else if (step > 0) {
    count = floor_divide(width + step - 1, step);
  } else if (step < 0) {
    count = floor_divide(width + step + 1, step);
  } else {
    return value_error("zero step for randrange()");
  }
  if (count <= 0) return value_error("empty range for randrange()");

  // count reaches 2**64 only for randint(-2**63, 2**63 - 1).
  __int128 offset;
  if (count <= std::numeric_limits<uint64_t>::max()) {
    offset = randbelow(static_cast<uint64_t>(count));
  } else {
    uint32_t limit[3] = {0, 0, 1};
    std::vector<uint32_t> drawn = randbelow_magnitude(limit);
    offset = 0;
    for (size_t i = drawn.size(); i-- > 0;) offset = (offset << 32) | drawn[i];
  }
  return static_cast<int64_t>(start + step * offset);
}

// --- sequences ------------------------------------------------------------------------------

RandomResult<uint64_t> Random::choice_index(uint64_t size) {
  if (size == 0) {
    return RandomError{RandomErrorKind::index_error, "Cannot choose from an empty sequence"};
  }
  return randbelow(size);
}

RandomResult<std::vector<uint64_t>> Random::sample_indices(uint64_t size, int64_t k) {
  if (k < 0 || static_cast<uint64_t>(k) > size) {
    return value_error("Sample larger than population or is negative");
  }
  auto count = static_cast<uint64_t>(k);
  // setsize = 21, plus 4 ** ceil(log(k * 3, 4)) when k > 5: the population size below
  // which a pool list costs less memory than a set of the selections.
  bool use_pool = true;
  if (k <= 5) {
    use_pool = size <= 21;
  } else {
    double exponent =
        std::ceil(std::log(static_cast<double>(static_cast<unsigned __int128>(count) * 3)) /
                  std::log(4.0));
    if (exponent < 32) {
      uint64_t set_size = 21 + (uint64_t{1} << (2 * static_cast<unsigned>(exponent)));
      use_pool = size <= set_size;
    }
  }

  std::vector<uint64_t> result(count);
  if (use_pool) {
    // Invariant: the positions not yet selected are pool[0 : size - i].
    std::vector<uint64_t> pool(size);
    for (uint64_t i = 0; i < size; ++i) pool[i] = i;
    for (uint64_t i = 0; i < count; ++i) {
      uint64_t j = randbelow(size - i);
      result[i] = pool[j];
      pool[j] = pool[size - i - 1];
    }
  } else {
    std::unordered_set<uint64_t> selected;
    for (uint64_t i = 0; i < count; ++i) {
      uint64_t j = randbelow(size);
      while (selected.count(j) != 0) j = randbelow(size);
      selected.insert(j);
      result[i] = j;
    }
  }
  return result;
}

RandomResult<std::vector<uint64_t>> Random::sample_indices_with_counts(
    uint64_t size, std::span<const int64_t> counts, int64_t k) {
  std::vector<__int128> cumulative;
  cumulative.reserve(counts.size());
  __int128 running = 0;
  for (int64_t count : counts) cumulative.push_back(running += count);
  if (cumulative.size() != size) {
    return value_error("The number of counts does not match the population");
  }
  if (cumulative.empty()) return RandomError{RandomErrorKind::index_error, "pop from empty list"};
  __int128 total = cumulative.back();
  cumulative.pop_back();
  if (total <= 0) return value_error("Total of counts must be greater than zero");
  if (total > std::numeric_limits<int64_t>::max()) {
    return RandomError{RandomErrorKind::overflow_error,
                       "Python int too large to convert to C ssize_t"};
  }
  RandomResult<std::vector<uint64_t>> selections =
      sample_indices(static_cast<uint64_t>(total), k);
  if (!selections) return selections;
  std::span<const __int128> bounds(cumulative);
  for (uint64_t& selection : selections.value()) {
    selection = bisect_right(bounds, static_cast<__int128>(selection), bounds.size());
  }
  return selections;
}

std::vector<uint64_t> Random::choices_indices(uint64_t size, int64_t k) {
  std::vector<uint64_t> picks;
  if (k <= 0) return picks;
  auto scale = static_cast<double>(size);
  int64_t wanted = size == 0 ? 1 : k;
  picks.reserve(static_cast<size_t>(wanted));
  for (int64_t i = 0; i < wanted; ++i) {
    picks.push_back(static_cast<uint64_t>(std::floor(random() * scale)));
  }
  return picks;
}

RandomResult<std::vector<uint64_t>> Random::choices_indices_weighted(
    uint64_t size, std::span<const double> cumulative, int64_t k) {
  if (cumulative.size() != size) {
    return value_error("The number of weights does not match the population");
  }
  if (cumulative.empty()) {
    return RandomError{RandomErrorKind::index_error, "list index out of range"};
  }
  double total = cumulative.back() + 0.0;
  if (total <= 0.0) return value_error("Total of weights must be greater than zero");
  if (!std::isfinite(total)) return value_error("Total of weights must be finite");
  std::vector<uint64_t> picks;
  for (int64_t i = 0; i < k; ++i) {
    picks.push_back(bisect_right(cumulative, random() * total, size - 1));
  }
  return picks;
}

// --- real-valued distributions --------------------------------------------------------------

double Random::uniform(double low, double high) { return low + (high - low) * random(); }

double Random::triangular(double low, double high, std::optional<double> mode) {
  double u = random();
  double c = 0.5;
  if (mode) {
    if (high - low == 0.0) return low;  // CPython catches the ZeroDivisionError
    c = (*mode - low) / (high - low);
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  return low + (high - low) * std::sqrt(u * c);
}

double Random::normalvariate(double mu, double sigma) {
  // Kinderman and Monahan's ratio of uniforms.
  double z;
  while (true) {
    double u1 = random();
    double u2 = 1.0 - random();
    z = normal_magic * (u1 - 0.5) / u2;
    double zz = z * z / 4.0;
    if (zz <= -std::log(u2)) break;
  }
  return mu + z * sigma;
}

double Random::gauss(double mu, double sigma) {
  std::optional<double> z = gauss_next_;
  gauss_next_.reset();
  if (!z) {
    double x2pi = random() * two_pi;
    double g2rad = std::sqrt(-2.0 * std::log(1.0 - random()));
    z = std::cos(x2pi) * g2rad;
    gauss_next_ = std::sin(x2pi) * g2rad;
  }
  return mu + *z * sigma;
}

RandomResult<double> Random::lognormvariate(double mu, double sigma) {
  return math_exp(normalvariate(mu, sigma));
}

RandomResult<double> Random::expovariate(double lambd) {
  double logarithm = -std::log(1.0 - random());
  if (lambd == 0.0) return float_division_by_zero();
  return logarithm / lambd;
}

double Random::vonmisesvariate(double mu, double kappa) {
  // Fisher, "Statistical Analysis of Circular Data", 1993.
  if (kappa <= 1e-6) return two_pi * random();
  double s = 0.5 / kappa;
  double r = s + std::sqrt(1.0 + s * s);
  double z;
  while (true) {
    double u1 = random();
    z = std::cos(pi * u1);
    double d = z / (r + z);
    double u2 = random();
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * std::exp(d)) break;
  }
  double q = 1.0 / r;
  double f = (q + z) / (1.0 + q * z);
  double u3 = random();
  if (u3 > 0.5) return float_modulo(mu + std::acos(f), two_pi);
  return float_modulo(mu - std::acos(f), two_pi);
}

RandomResult<double> Random::gammavariate(double alpha, double beta) {
  if (alpha <= 0.0 || beta <= 0.0) {
    return value_error("gammavariate: alpha and beta must be > 0.0");
  }
  if (alpha > 1.0) {
    // Cheng, "The generation of Gamma variables with non-integral shape parameters", 1977.
    double ainv = std::sqrt(2.0 * alpha - 1.0);
    double bbb = alpha - log_four;
    double ccc = alpha + ainv;
    while (true) {
      double u1 = random();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      double u2 = 1.0 - random();
      double v = std::log(u1 / (1.0 - u1)) / ainv;
      double x = alpha * std::exp(v);
      double z = u1 * u1 * u2;
      double r = bbb + ccc * v - x;
      if (r + gamma_magic - 4.5 * z >= 0.0 || r >= std::log(z)) return x * beta;
    }
  }
  if (alpha == 1.0) return -std::log(1.0 - random()) * beta;
  // 0 < alpha < 1: algorithm GS of Kennedy and Gentle, "Statistical Computing".
  double x;
  while (true) {
    double u = random();
    double b = (euler + alpha) / euler;
    double p = b * u;
    if (p <= 1.0) {
      RandomResult<double> power = float_power(p, 1.0 / alpha);
      if (!power) return power;
      x = power.value();
    } else {
      x = -std::log((b - p) / alpha);
    }
    double u1 = random();
    if (p > 1.0) {
      RandomResult<double> power = float_power(x, alpha - 1.0);
      if (!power) return power;
      if (u1 <= power.value()) break;
    } else if (u1 <= std::exp(-x)) {
      break;
    }
  }
  return x * beta;
}

RandomResult<double> Random::betavariate(double alpha, double beta) {
  RandomResult<double> y = gammavariate(alpha, 1.0);
  if (!y) return y;
  if (y.value() == 0.0) return 0.0;
  RandomResult<double> other = gammavariate(beta, 1.0);
  if (!other) return other;
  return y.value() / (y.value() + other.value());
}

RandomResult<double> Random::paretovariate(double alpha) {
  double u = 1.0 - random();
  if (alpha == 0.0) return float_division_by_zero();
  return float_power(u, -1.0 / alpha);
}

RandomResult<double> Random::weibullvariate(double alpha, double beta) {
  double u = 1.0 - random();
  double base = -std::log(u);
  if (beta == 0.0) return float_division_by_zero();
  RandomResult<double> power = float_power(base, 1.0 / beta);
  if (!power) return power;
  return alpha * power.value();
}

}  // namespace py
