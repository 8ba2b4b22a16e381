// The builtin functions (core/py/builtins) and the exception classes' attributes against
// CPython 3.11: every case in tests/unit/data/builtin_cases.txt was recorded by
// scripts/record_builtin_cases.py — an expression's repr or the exception CPython raised,
// and whole programs (input, exit, print) with their stdout, exit status and last stderr
// line.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/recorded_cases.hpp"

using namespace test_support;

TEST_CASE("builtin functions and exception attributes match CPython", "[builtins]") {
  std::vector<RecordedCase> cases;
  std::vector<RecordedProgram> programs;
  load_recorded_cases("tests/unit/data/builtin_cases.txt", &cases, &programs);
  REQUIRE(cases.size() > 100);
  std::string errors;
  const std::vector<std::string> results = run_cases(cases, &errors);
  INFO("harness stderr: " << errors);
  for (size_t i = 0; i < cases.size(); ++i) {
    INFO("setup:\n" << cases[i].setup << "\nexpression: " << cases[i].expression);
    CHECK(results[i] == cases[i].expected);
  }
}

TEST_CASE("programs using input exit and print match CPython", "[builtins]") {
  std::vector<RecordedCase> cases;
  std::vector<RecordedProgram> programs;
  load_recorded_cases("tests/unit/data/builtin_cases.txt", &cases, &programs);
  REQUIRE(!programs.empty());
  for (const RecordedProgram& program : programs) {
    INFO("program:\n" << program.source << "stdin: " << program.stdin_text);
    const ProgramOutcome outcome = run_program(program.source, program.stdin_text);
    CHECK(outcome.out == program.stdout_text);
    CHECK(outcome.status == program.status);
    const std::vector<std::string> error_lines = split_lines(outcome.err);
    CHECK((error_lines.empty() ? std::string() : error_lines.back()) == program.last_stderr_line);
  }
}
