// Float results of the C library's transcendental functions (pow with a fractional
// exponent, cbrt, exp, sin ...) can differ in the last bit between glibc, on which CPython
// recorded the expected values, and musl, which Emscripten links: neither library rounds
// correctly in every case (glibc's cbrt(27) is 3.0000000000000004, musl's is 3.0). So the
// wasm build accepts a difference of one unit in the last place between two texts that
// are both exactly one float; native builds, on glibc like the recording, compare exactly.
// docs/language.md lists the difference.
#pragma once

#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>

namespace test_support {

// The float a text such as "3.0", "float:1.5e+154" or "2.5\n" holds (after an optional
// "kind:" prefix); false when the text is anything else.
inline bool parse_float_text(std::string_view text, double* out) {
  if (size_t colon = text.find(':'); colon != std::string_view::npos) text.remove_prefix(colon + 1);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  if (text.empty()) return false;
  std::string copy(text);
  char* end = nullptr;
  *out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && std::isfinite(*out);
}

inline bool within_libm_ulp(std::string_view expected, std::string_view actual) {
#if defined(__EMSCRIPTEN__)
  double want = 0, got = 0;
  if (!parse_float_text(expected, &want) || !parse_float_text(actual, &got)) return false;
  return got == want || std::nextafter(want, got) == got;
#else
  (void)expected;
  (void)actual;
  return false;
#endif
}

}  // namespace test_support
