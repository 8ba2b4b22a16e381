// list, tuple, dict (and its views), set, frozenset, range and slice against CPython 3.11:
// every case in tests/unit/data/container_cases.txt was recorded by
// scripts/record_container_cases.py — slicing (read, assignment, deletion, extended),
// operators, methods and their error messages, comparisons, hashes, reprs of recursive
// containers, set algebra in CPython's iteration order, and the recursion bound of
// nested repr and ==.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/recorded_cases.hpp"

using namespace test_support;

TEST_CASE("container operations match CPython", "[containers]") {
  std::vector<RecordedCase> cases;
  load_recorded_cases("tests/unit/data/container_cases.txt", &cases, nullptr);
  REQUIRE(cases.size() > 150);
  std::string errors;
  const std::vector<std::string> results = run_cases(cases, &errors);
  INFO("harness stderr: " << errors);
  for (size_t i = 0; i < cases.size(); ++i) {
    INFO("setup:\n" << cases[i].setup << "\nexpression: " << cases[i].expression);
    CHECK(results[i] == cases[i].expected);
  }
}
