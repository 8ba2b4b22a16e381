// The C++ standard-library modules sys, math, random and json, end to end: each case of
// tests/unit/data/stdlib_cases.txt (recorded from CPython 3.11 by
// scripts/record_stdlib_cases.py) runs as its own program through the Interpreter, and its
// output must be what CPython printed — float results compared by repr, random sequences
// for int/str/bytes/float seeds, json text and JSONDecodeError messages.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/host/host.hpp"
#include "core/py/vm/interpreter.hpp"
#include "support/expected_output.hpp"
#include "support/string_host.hpp"
#include "support/libm_tolerance.hpp"

namespace {

struct StdlibCase {
  std::string program;   // the case's lines, joined with '\n'
  std::string expected;  // CPython's stdout
};

struct StdlibCases {
  std::string prelude;            // run before every case
  std::vector<StdlibCase> cases;  // in file order
};

StdlibCases load_cases() {
  StdlibCases loaded;
  std::string* program = nullptr;  // the block being read: the prelude or a case's program
  std::string* output = nullptr;   // its expected output (null for the prelude)
  bool in_prelude = false;
  const std::string text = test_support::read_source_file("tests/unit/data/stdlib_cases.txt");
  for (const std::string& line : test_support::split_lines(text)) {
    if (line.empty() || line[0] == '#') continue;
    if (line == "prelude") {
      in_prelude = true;
      program = &loaded.prelude;
      output = nullptr;
    } else if (line.rfind(">>> ", 0) == 0) {
      in_prelude = false;
      loaded.cases.push_back({line.substr(4), ""});
      program = &loaded.cases.back().program;
      output = &loaded.cases.back().expected;
    } else if (line.rfind("... ", 0) == 0 && program) {
      *program += "\n" + line.substr(4);
    } else if (line.rfind("| ", 0) == 0 || line == "|") {
      std::string text = line.size() > 2 ? line.substr(2) : "";
      if (in_prelude) *program += (program->empty() ? "" : "\n") + text;
      else if (output) *output += text + "\n";
    }
  }
  return loaded;
}

// What our interpreter prints for prelude + program, with "exit status N" appended when
// the program ends with a non-zero status (an uncaught SystemExit).
std::string run_case(const std::string& prelude, const std::string& program) {
  test_support::StringHost host;
  py::RunOptions options;
  options.argv = {"main.py"};
  int status;
  {
    py::Interpreter interpreter(host, options);
    status = interpreter.run_main(prelude + "\n" + program + "\n");
  }
  if (status != 0) host.out += "exit status " + std::to_string(status) + "\n";
  return host.out;
}

// Runs every case whose program mentions `module` (as "module.") and checks its output.
void check_cases_of(const std::string& module) {
  static const StdlibCases loaded = load_cases();
  size_t checked = 0;
  for (const StdlibCase& one : loaded.cases) {
    if (one.program.find(module + ".") == std::string::npos) continue;
    // A case belongs to the first module it names among json, random, math, sys.
    bool other_first = false;
    for (const char* other : {"json.", "random.", "math.", "sys."}) {
      size_t at = one.program.find(other);
      if (other != module + "." && at != std::string::npos && at < one.program.find(module + "."))
        other_first = true;
    }
    if (other_first) continue;
    INFO(one.program);
    std::string output = run_case(loaded.prelude, one.program);
    CHECK((output == one.expected || test_support::within_libm_ulp(one.expected, output)));
    ++checked;
  }
  CHECK(checked > 0);
}

}  // namespace

TEST_CASE("math module matches CPython", "[stdlib]") { check_cases_of("math"); }

TEST_CASE("random module matches CPython for int str bytes and float seeds", "[stdlib]") {
  check_cases_of("random");
}

TEST_CASE("json module matches CPython", "[stdlib]") { check_cases_of("json"); }

TEST_CASE("sys module matches CPython", "[stdlib]") { check_cases_of("sys"); }

TEST_CASE("stdlib case file has cases of every module", "[stdlib]") {
  REQUIRE(load_cases().cases.size() > 400);
  REQUIRE_FALSE(load_cases().prelude.empty());
}
