// Number and string formatting and parsing against CPython 3.11: repr(float), format() of
// float/int/str, round(), float(str), int(str, base) and the % operator on numbers.
//
// Every expectation is in tests/unit/data/format_cases.txt, recorded from CPython by
// scripts/record_format_cases.py (its docstring describes the line format). Each test walks
// the cases of one kind and reports the first mismatches with the case that produced them.
// Ints beyond int64_t are formatted as BigInt (through BigIntView).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/py/objects/bigint.hpp"
#include "core/py/objects/float_repr.hpp"
#include "core/py/objects/format_spec.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/number_parse.hpp"
#include "tests/unit/support/expected_output.hpp"

namespace {

// Undoes the recorder's escapes: \\ \t \n \r \xHH, and \uHHHH written as UTF-8-style bytes.
std::string unescape(std::string_view field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out += field[i];
      continue;
    }
    char kind = field[++i];
    if (kind == 't') {
      out += '\t';
    } else if (kind == 'n') {
      out += '\n';
    } else if (kind == 'r') {
      out += '\r';
    } else if (kind == 'x' || kind == 'u') {
      size_t length = kind == 'x' ? 2 : 4;
      char32_t code = static_cast<char32_t>(
          std::strtoul(std::string(field.substr(i + 1, length)).c_str(), nullptr, 16));
      py::append_utf8(out, code);
      i += length;
    } else {
      out += kind;
    }
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    size_t length = tab == std::string::npos ? std::string::npos : tab - start;
    fields.push_back(line.substr(start, length));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

// The recorded cases of one kind (the first field), each without that field.
std::vector<std::vector<std::string>> cases_of(const std::string& kind) {
  static const std::vector<std::string> lines = test_support::split_lines(
      test_support::read_source_file("tests/unit/data/format_cases.txt"));
  std::vector<std::vector<std::string>> cases;
  for (const std::string& line : lines) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = split_tabs(line);
    if (fields[0] != kind) continue;
    fields.erase(fields.begin());
    cases.push_back(std::move(fields));
  }
  return cases;
}

double parse_double(const std::string& hex_text) { return std::strtod(hex_text.c_str(), nullptr); }

bool same_double(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof a) == 0;
}

const char* error_class(py::NumberErrorType type) {
  switch (type) {
    case py::NumberErrorType::value_error: return "ValueError";
    case py::NumberErrorType::type_error: return "TypeError";
    case py::NumberErrorType::overflow_error: return "OverflowError";
  }
  return "?";
}

// "=" + text, the file's form of a value. (Spelled out: g++ 12 -O3 warns falsely,
// -Wrestrict, on "literal" + std::string.)
std::string value_result(const std::string& text) {
  std::string out = "=";
  out += text;
  return out;
}

// A result in the file's RESULT form: "=text" or "!Class:message".
std::string rendered(const py::FormatResult& result) {
  if (result.ok()) return value_result(result.text);
  return std::string("!") + error_class(result.error->type) + ":" + result.error->message;
}

// The int of Python's hex() text ("-0x1f"). Formatted with the int64_t overload when it
// fits, else with the BigInt one (BigIntView), so both paths meet the recorded cases.
template <class Format>
py::FormatResult with_integer(const std::string& hex_text, Format format) {
  bool negative = hex_text[0] == '-';
  std::optional<py::BigInt> magnitude =
      py::BigInt::parse_digits(std::string_view(hex_text).substr(negative ? 3 : 2), 16);
  REQUIRE(magnitude);
  py::BigInt value = negative ? -*magnitude : *magnitude;
  if (std::optional<int64_t> small = value.to_int64()) return format(*small);
  return format(value);
}

// hex() of the int an IntLiteral denotes.
std::string literal_hex(const py::IntLiteral& literal) {
  std::vector<uint32_t> limbs{0};  // base 2**16, least significant first
  for (char digit : literal.digits) {
    uint32_t carry = static_cast<uint32_t>(digit <= '9' ? digit - '0' : digit - 'a' + 10);
    for (uint32_t& limb : limbs) {
      uint32_t value = limb * static_cast<uint32_t>(literal.base) + carry;
      limb = value & 0xffff;
      carry = value >> 16;
    }
    if (carry) limbs.push_back(carry);
  }
  static const char hex_digits[] = "0123456789abcdef";
  std::string hex;
  for (uint32_t limb : limbs) {
    for (int shift = 0; shift < 16; shift += 4) hex += hex_digits[(limb >> shift) & 0xf];
  }
  while (hex.size() > 1 && hex.back() == '0') hex.pop_back();
  std::string out = literal.negative && hex != "0" ? "-0x" : "0x";
  return out + std::string(hex.rbegin(), hex.rend());
}

// Parses "FLAGS WIDTH .PRECISION CONVERSION" of a recorded %-spec.
py::PercentSpec percent_spec(const std::string& text) {
  py::PercentSpec spec;
  size_t i = 0;
  for (; i + 1 < text.size() && std::strchr("-+ #0", text[i]); ++i) {
    switch (text[i]) {
      case '-': spec.left_adjust = true; break;
      case '+': spec.force_sign = true; break;
      case ' ': spec.blank_sign = true; break;
      case '#': spec.alternate = true; break;
      default: spec.zero_pad = true; break;
    }
  }
  auto number = [&]() {
    int64_t value = 0;
    while (i + 1 < text.size() && text[i] >= '0' && text[i] <= '9') {
      value = value * 10 + (text[i++] - '0');
    }
    return value;
  };
  if (text[i] >= '0' && text[i] <= '9') spec.width = number();
  if (text[i] == '.') {
    ++i;
    spec.precision = number();
  }
  spec.conversion = text[i];
  return spec;
}

// Collects mismatches; the test fails listing the first few.
struct Mismatches {
  size_t count = 0;     // cases that differed
  std::string listing;  // the first ones, one a line

  void check(const std::string& what, const std::string& expected, const std::string& actual) {
    if (expected == actual) return;
    if (++count > 25) return;
    listing += what + "\n    expected " + expected + "\n    actual   " + actual + "\n";
  }
};

// Python's hex() text of an int ("-0x1f") as an int64, when it fits.
std::optional<int64_t> int64_of_hex(const std::string& hex_text) {
  errno = 0;
  char* end = nullptr;
  long long value = std::strtoll(hex_text.c_str(), &end, 16);
  if (errno == ERANGE || *end != '\0') return std::nullopt;
  return value;
}

void report(const Mismatches& mismatches, size_t case_count, size_t minimum_cases) {
  INFO(mismatches.listing);
  CHECK(case_count >= minimum_cases);
  CHECK(mismatches.count == 0);
}

}  // namespace

TEST_CASE("float repr matches CPython", "[numfmt]") {
  Mismatches mismatches;
  auto cases = cases_of("repr");
  for (const auto& fields : cases) {
    mismatches.check("repr(" + fields[0] + ")", unescape(fields[1]),
                     value_result(py::float_repr(parse_double(fields[0]))));
  }
  report(mismatches, cases.size(), 10000);
}

TEST_CASE("format of floats matches CPython", "[numfmt]") {
  Mismatches mismatches;
  auto cases = cases_of("ffmt");
  for (const auto& fields : cases) {
    std::string spec = unescape(fields[1]);
    mismatches.check("format(" + fields[0] + ", '" + spec + "')", unescape(fields[2]),
                     rendered(py::format_float(parse_double(fields[0]), spec)));
  }
  report(mismatches, cases.size(), 10000);
}

TEST_CASE("format of ints matches CPython", "[numfmt]") {
  Mismatches mismatches;
  auto cases = cases_of("ifmt");
  for (const auto& fields : cases) {
    std::string spec = unescape(fields[1]);
    auto format = [&](const auto& value) { return py::format_int(value, spec); };
    mismatches.check("format(" + fields[0].substr(0, 40) + ", '" + spec + "')",
                     unescape(fields[2]), rendered(with_integer(fields[0], format)));
  }
  report(mismatches, cases.size(), 3000);
}

TEST_CASE("format of strings matches CPython", "[numfmt]") {
  Mismatches mismatches;
  auto cases = cases_of("sfmt");
  for (const auto& fields : cases) {
    std::string text = unescape(fields[0]);
    std::string spec = unescape(fields[1]);
    mismatches.check("format('" + text + "', '" + spec + "')", unescape(fields[2]),
                     rendered(py::format_string(text, spec)));
  }
  report(mismatches, cases.size(), 1000);
}

TEST_CASE("round of floats matches CPython", "[numfmt]") {
  Mismatches mismatches;
  auto cases = cases_of("round");
  for (const auto& fields : cases) {
    double value = parse_double(fields[0]);
    int64_t ndigits = std::strtoll(fields[1].c_str(), nullptr, 10);
    std::optional<double> rounded = py::round_float(value, ndigits);
    const std::string& expected = fields[2];
    std::string actual = "!OverflowError:rounded value too large to represent";
    if (rounded) {
      bool same = expected[0] == '=' && same_double(parse_double(expected.substr(1)), *rounded);
      actual = same ? expected : value_result(py::float_repr(*rounded));
    }
    mismatches.check("round(" + fields[0] + ", " + fields[1] + ")", expected, actual);
  }
  for (const auto& fields : cases_of("roundi")) {
    // round(x) returns an int; as a float again, an int has no negative zero.
    double rounded = py::round_half_even(parse_double(fields[0])) + 0.0;
    bool same = same_double(parse_double(fields[1].substr(1)), rounded);
    mismatches.check("round(" + fields[0] + ")", fields[1],
                     same ? fields[1] : value_result(py::float_repr(rounded)));
  }
  report(mismatches, cases.size(), 5000);
}

TEST_CASE("float of strings matches CPython", "[numfmt]") {
  Mismatches mismatches;
  auto cases = cases_of("pfloat");
  for (const auto& fields : cases) {
    std::optional<double> parsed = py::parse_float(unescape(fields[0]));
    const std::string& expected = fields[2];
    std::string actual = "!ValueError:" + py::float_parse_error_message(fields[1]);
    if (parsed) {
      bool same = expected[0] == '=' && same_double(parse_double(expected.substr(1)), *parsed);
      actual = same ? expected : value_result(py::float_repr(*parsed));
    }
    mismatches.check("float(" + fields[1] + ")", unescape(expected), unescape(actual));
  }
  report(mismatches, cases.size(), 1000);
}

TEST_CASE("int of strings matches CPython", "[numfmt]") {
  Mismatches mismatches;
  auto cases = cases_of("pint");
  for (const auto& fields : cases) {
    int base = std::atoi(fields[1].c_str());
    std::string text_repr = unescape(fields[2]);
    py::IntLiteralParse parsed = py::parse_int_literal(unescape(fields[0]), base);
    std::string actual;
    if (parsed.literal) {
      actual = value_result(literal_hex(*parsed.literal));
    } else if (parsed.digits_over_limit) {
      actual = "!ValueError:" + py::int_digit_limit_message(parsed.digits_over_limit);
    } else {
      actual = "!ValueError:" + py::invalid_int_literal_message(base, text_repr);
    }
    mismatches.check("int(" + text_repr.substr(0, 60) + ", " + fields[1] + ")",
                     unescape(fields[3]), actual);
  }
  report(mismatches, cases.size(), 1000);
}

TEST_CASE("percent formatting of numbers matches CPython", "[numfmt]") {
  Mismatches mismatches;
  auto cases = cases_of("pct");
  for (const auto& fields : cases) {
    py::PercentSpec spec = percent_spec(unescape(fields[0]));
    const std::string& kind = fields[1];
    std::string actual;
    if (kind == "i") {
      auto format = [&](const auto& value) { return py::format_percent_int(spec, value); };
      actual = rendered(with_integer(fields[2], format));
    } else if (kind == "f") {
      actual = rendered(py::format_percent_float(spec, parse_double(fields[2])));
    } else {
      actual = value_result(py::format_percent_text(spec, unescape(fields[2])));
    }
    mismatches.check("'%" + unescape(fields[0]) + "' % " + fields[2], unescape(fields[3]), actual);
  }
  report(mismatches, cases.size(), 5000);
}

// format_message's fields are a subset of Python's format spec: the recorded format() cases
// within that subset (int64 values; ASCII text, whose width it counts in bytes) must come
// out the same through "{:SPEC}".
TEST_CASE("format_message fields match CPython's format()", "[numfmt]") {
  const std::regex integer_subset("([^<>]?[<>])?#?0?[0-9]*[xXd]?");
  const std::regex text_subset("([^<>]?[<>])?0?[0-9]*");
  Mismatches mismatches;
  size_t checked = 0;
  for (const auto& fields : cases_of("ifmt")) {
    std::string spec = unescape(fields[1]);
    std::string expected = unescape(fields[2]);
    if (!std::regex_match(spec, integer_subset) || expected[0] != '=') continue;
    std::optional<int64_t> value = int64_of_hex(fields[0]);
    if (!value) continue;
    mismatches.check("{:" + spec + "} of " + fields[0], expected,
                     value_result(py::format_message("{:" + spec + "}", *value)));
    ++checked;
  }
  for (const auto& fields : cases_of("sfmt")) {
    std::string text = unescape(fields[0]);
    std::string spec = unescape(fields[1]);
    std::string expected = unescape(fields[2]);
    bool ascii = std::all_of(text.begin(), text.end(), [](char ch) { return ch > 0; });
    if (!ascii || !std::regex_match(spec, text_subset) || expected[0] != '=') continue;
    mismatches.check("{:" + spec + "} of '" + text + "'", expected,
                     value_result(py::format_message("{:" + spec + "}", text)));
    ++checked;
  }
  report(mismatches, checked, 100);
}
