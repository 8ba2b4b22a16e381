// Tests of BigInt (core/py/objects/bigint.hpp) against CPython 3.11's int.
//
// Every expectation is in tests/unit/data/bigint_cases.txt, recorded from CPython by
// scripts/record_bigint_cases.py (its docstring describes the line format) and never
// written to match our output. Integers in the file are hex() text, read here with
// BigInt::parse_digits(…, 16) and written back with to_string(16): the "parse" and "str"
// cases check those two conversions against CPython on their own, so a fault in them
// cannot hide behind the round trip. Every field of every line is compared.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/py/objects/bigint.hpp"

namespace {

using py::BigInt;

struct Case {
  std::string line;                 // the whole line, shown when a check fails
  std::vector<std::string> fields;  // the operation's name first
};

// The recorded cases grouped by operation name, read once.
const std::map<std::string, std::vector<Case>>& recorded_cases() {
  static const std::map<std::string, std::vector<Case>> cases = [] {
    std::map<std::string, std::vector<Case>> by_operation;
    std::ifstream file(AWAITPAD_SOURCE_DIR "/tests/unit/data/bigint_cases.txt");
    std::string line;
    while (std::getline(file, line)) {
      if (line.empty() || line[0] == '#') continue;
      Case one{line, {}};
      std::istringstream words(line);
      std::string word;
      while (words >> word) one.fields.push_back(word);
      by_operation[one.fields[0]].push_back(std::move(one));
    }
    return by_operation;
  }();
  return cases;
}

const std::vector<Case>& cases_of(const std::string& operation) {
  static const std::vector<Case> none;
  auto found = recorded_cases().find(operation);
  return found == recorded_cases().end() ? none : found->second;
}

// Huge operands make a failure message unreadable: show the start of the line.
std::string shown(const Case& one) {
  return one.line.size() <= 300 ? one.line : one.line.substr(0, 300) + "...";
}

// hex() text ("-0x1f", "0x0") to a BigInt.
BigInt from_hex(const std::string& text) {
  bool negative = !text.empty() && text[0] == '-';
  std::string_view digits(text);
  digits.remove_prefix(negative ? 3 : 2);
  std::optional<BigInt> magnitude = BigInt::parse_digits(digits, 16);
  REQUIRE(magnitude.has_value());
  return negative ? -*magnitude : *magnitude;
}

// A BigInt as hex() prints it.
std::string hex(const BigInt& value) {
  std::string digits = abs(value).to_string(16).value();
  return (value.is_negative() ? "-0x" : "0x") + digits;
}

double from_float_hex(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

bool same_double(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

uint64_t decimal_count(const std::string& text) { return std::strtoull(text.c_str(), nullptr, 10); }

}  // namespace

TEST_CASE("BigInt reads every recorded case", "[bigint]") {
  size_t total = 0;
  for (const auto& [operation, cases] : recorded_cases()) total += cases.size();
  CHECK(total > 5000);
  const char* known[] = {"add",       "sub",  "mul",    "cmp",    "neg",         "abs",
                         "divmod",    "pow",  "powmod", "lshift", "rshift",      "and",
                         "or",        "xor",  "invert", "bitlen", "int64",       "float",
                         "fromfloat", "hash", "str",    "parse",  "defaultlimit"};
  for (const auto& [operation, cases] : recorded_cases()) {
    INFO(operation);
    CHECK(std::find(std::begin(known), std::end(known), operation) != std::end(known));
  }
  for (const char* operation : known) {
    INFO(operation);
    CHECK(!cases_of(operation).empty());
  }
}

TEST_CASE("BigInt addition subtraction multiplication and comparison match CPython", "[bigint]") {
  for (const char* operation : {"add", "sub", "mul"}) {
    for (const Case& one : cases_of(operation)) {
      INFO(shown(one));
      REQUIRE(one.fields.size() == 4);
      BigInt a = from_hex(one.fields[1]);
      BigInt b = from_hex(one.fields[2]);
      BigInt result = one.fields[0] == "add" ? a + b : one.fields[0] == "sub" ? a - b : a * b;
      CHECK(hex(result) == one.fields[3]);
    }
  }
  for (const Case& one : cases_of("cmp")) {
    INFO(shown(one));
    REQUIRE(one.fields.size() == 4);
    BigInt a = from_hex(one.fields[1]);
    BigInt b = from_hex(one.fields[2]);
    int expected = std::stoi(one.fields[3]);
    CHECK(compare(a, b) == expected);
    CHECK((a == b) == (expected == 0));
  }
  for (const Case& one : cases_of("neg")) {
    INFO(shown(one));
    CHECK(hex(-from_hex(one.fields[1])) == one.fields[2]);
  }
  for (const Case& one : cases_of("abs")) {
    INFO(shown(one));
    CHECK(hex(abs(from_hex(one.fields[1]))) == one.fields[2]);
  }
}

TEST_CASE("BigInt floor division and modulo match CPython", "[bigint]") {
  for (const Case& one : cases_of("divmod")) {
    INFO(shown(one));
    std::optional<BigInt::DivMod> result =
        BigInt::divmod(from_hex(one.fields[1]), from_hex(one.fields[2]));
    if (one.fields[3] == "ZeroDivisionError") {
      CHECK(!result.has_value());
      continue;
    }
    REQUIRE(one.fields.size() == 5);
    REQUIRE(result.has_value());
    CHECK(hex(result->quotient) == one.fields[3]);
    CHECK(hex(result->remainder) == one.fields[4]);
  }
}

TEST_CASE("BigInt pow and pow with modulus match CPython", "[bigint]") {
  for (const Case& one : cases_of("pow")) {
    INFO(shown(one));
    REQUIRE(one.fields.size() == 4);
    BigInt result = BigInt::pow(from_hex(one.fields[1]), decimal_count(one.fields[2]));
    CHECK(hex(result) == one.fields[3]);
  }
  for (const Case& one : cases_of("powmod")) {
    INFO(shown(one));
    REQUIRE(one.fields.size() == 5);
    std::optional<BigInt> result =
        BigInt::pow_mod(from_hex(one.fields[1]), from_hex(one.fields[2]), from_hex(one.fields[3]));
    if (one.fields[4] == "ValueError") {
      CHECK(!result.has_value());
    } else {
      REQUIRE(result.has_value());
      CHECK(hex(*result) == one.fields[4]);
    }
  }
}

TEST_CASE("BigInt shifts and two's complement bitwise operations match CPython", "[bigint]") {
  for (const char* operation : {"lshift", "rshift"}) {
    for (const Case& one : cases_of(operation)) {
      INFO(shown(one));
      REQUIRE(one.fields.size() == 4);
      BigInt a = from_hex(one.fields[1]);
      uint64_t count = decimal_count(one.fields[2]);
      CHECK(hex(one.fields[0] == "lshift" ? a << count : a >> count) == one.fields[3]);
    }
  }
  for (const char* operation : {"and", "or", "xor"}) {
    for (const Case& one : cases_of(operation)) {
      INFO(shown(one));
      REQUIRE(one.fields.size() == 4);
      BigInt a = from_hex(one.fields[1]);
      BigInt b = from_hex(one.fields[2]);
      BigInt result = one.fields[0] == "and" ? (a & b) : one.fields[0] == "or" ? (a | b) : (a ^ b);
      CHECK(hex(result) == one.fields[3]);
    }
  }
  for (const Case& one : cases_of("invert")) {
    INFO(shown(one));
    CHECK(hex(~from_hex(one.fields[1])) == one.fields[2]);
  }
  for (const Case& one : cases_of("bitlen")) {
    INFO(shown(one));
    CHECK(from_hex(one.fields[1]).bit_length() == decimal_count(one.fields[2]));
  }
}

TEST_CASE("BigInt int64 conversions match CPython's range", "[bigint]") {
  for (const Case& one : cases_of("int64")) {
    INFO(shown(one));
    REQUIRE(one.fields.size() == 3);
    BigInt a = from_hex(one.fields[1]);
    std::optional<int64_t> value = a.to_int64();
    if (one.fields[2] == "overflow") {
      CHECK(!value.has_value());
      continue;
    }
    int64_t expected = std::stoll(one.fields[2]);
    REQUIRE(value.has_value());
    CHECK(*value == expected);
    CHECK(BigInt::from_int64(expected) == a);
    if (expected >= 0) CHECK(BigInt::from_uint64(static_cast<uint64_t>(expected)) == a);
  }
  // from_uint64 above 2**63: every recorded operand that fits in 64 bits.
  size_t checked = 0;
  for (const Case& one : cases_of("int64")) {
    const std::string& text = one.fields[1];
    if (text[0] == '-' || text.size() > 18) continue;
    INFO(shown(one));
    CHECK(BigInt::from_uint64(std::strtoull(text.c_str(), nullptr, 16)) == from_hex(text));
    ++checked;
  }
  CHECK(checked > 20);
}

TEST_CASE("BigInt to_double rounds and overflows as float(int) does", "[bigint]") {
  for (const Case& one : cases_of("float")) {
    INFO(shown(one));
    REQUIRE(one.fields.size() == 3);
    std::optional<double> value = from_hex(one.fields[1]).to_double();
    if (one.fields[2] == "OverflowError") {
      CHECK(!value.has_value());
    } else {
      REQUIRE(value.has_value());
      CHECK(same_double(*value, from_float_hex(one.fields[2])));
    }
  }
  for (const Case& one : cases_of("fromfloat")) {
    INFO(shown(one));
    REQUIRE(one.fields.size() == 3);
    CHECK(hex(BigInt::from_double(from_float_hex(one.fields[1]))) == one.fields[2]);
  }
}

TEST_CASE("BigInt hash matches CPython's hash of int", "[bigint]") {
  for (const Case& one : cases_of("hash")) {
    INFO(shown(one));
    REQUIRE(one.fields.size() == 3);
    CHECK(from_hex(one.fields[1]).hash() == std::stoll(one.fields[2]));
  }
}

TEST_CASE("BigInt string conversions and the 4300-digit limit match CPython", "[bigint]") {
  REQUIRE(cases_of("defaultlimit").size() == 1);
  size_t default_limit = decimal_count(cases_of("defaultlimit")[0].fields.at(1));
  CHECK(BigInt::default_max_str_digits == default_limit);
  for (const Case& one : cases_of("str")) {
    INFO(shown(one));
    REQUIRE(one.fields.size() == 5);
    int base = std::stoi(one.fields[1]);
    size_t limit = decimal_count(one.fields[2]);
    BigInt value = from_hex(one.fields[3]);
    std::optional<std::string> text = value.to_string(base, limit);
    if (limit == default_limit) CHECK(value.to_string(base) == text);
    if (one.fields[4] == "ValueError") {
      CHECK(!text.has_value());
    } else {
      REQUIRE(text.has_value());
      CHECK(*text == one.fields[4]);
    }
  }
  for (const Case& one : cases_of("parse")) {
    INFO(shown(one));
    REQUIRE(one.fields.size() == 5);
    int base = std::stoi(one.fields[1]);
    size_t limit = decimal_count(one.fields[2]);
    const std::string& digits = one.fields[3];
    bool refused_for_length = BigInt::exceeds_max_str_digits(digits.size(), base, limit);
    if (limit == default_limit) {
      CHECK(BigInt::exceeds_max_str_digits(digits.size(), base) == refused_for_length);
    }
    std::optional<BigInt> value = BigInt::parse_digits(digits, base);
    if (one.fields[4] == "ValueError:limit") {
      CHECK(refused_for_length);
    } else if (one.fields[4] == "ValueError:digit") {
      CHECK(!refused_for_length);
      CHECK(!value.has_value());
    } else {
      CHECK(!refused_for_length);
      REQUIRE(value.has_value());
      CHECK(hex(*value) == one.fields[4]);
    }
  }
}

// Hand-written: CPython has no conversion to other bases to record (bin, oct, str and hex
// are all it offers); the contract in bigint.hpp says they give nullopt.
TEST_CASE("BigInt to_string refuses bases other than 2 8 10 and 16", "[bigint]") {
  for (int base : {0, 3, 7, 36}) {
    INFO(base);
    CHECK(!BigInt::from_int64(0).to_string(base).has_value());
    CHECK(!BigInt::from_int64(-12345).to_string(base).has_value());
  }
}
