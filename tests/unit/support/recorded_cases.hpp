// Python snippets whose outcome CPython 3.11 recorded (scripts/record_builtin_cases.py,
// record_container_cases.py), and the harness that runs them through our interpreter.
//
// A case is a setup (statements) and an expression, run inside a fresh function; its
// outcome is "ok <repr(result)>" or "error <ExceptionType> <str(exception)>". All cases
// of a file run in ONE program (one interpreter start-up per file): each becomes a
// function, and a loop prints a marker line then the outcome of each, so a failure names
// the case. A program entry is a whole program with its stdin, recorded with its stdout,
// exit status and last stderr line. Test-only code: a malformed file throws.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/host/host.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/vm/interpreter.hpp"
#include "tests/unit/support/expected_output.hpp"
#include "tests/unit/support/string_host.hpp"

namespace test_support {

struct RecordedCase {
  std::string setup;       // statements run first (may be empty)
  std::string expression;  // the value whose repr is compared
  std::string expected;    // "ok <repr>" or "error <Type> <message>"
};

struct RecordedProgram {
  std::string source;            // main.py
  std::string stdin_text;        // what input() reads
  std::string stdout_text;       // what CPython printed
  int status = 0;                // its exit status
  std::string last_stderr_line;  // the last line it wrote to stderr ("" when none)
};

inline std::string from_hex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += char(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  return out;
}

inline std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    size_t end = line.find('\t', start);
    fields.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return fields;
    start = end + 1;
  }
}

// Reads a recorded file (path relative to the repository root).
inline void load_recorded_cases(const std::string& relative, std::vector<RecordedCase>* cases,
                                std::vector<RecordedProgram>* programs) {
  for (const std::string& line : split_lines(read_source_file(relative))) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = split_tabs(line);
    if (fields[0] == "case" && fields.size() == 5) {
      std::string outcome = fields[4];
      // "ok HEX" or "error TYPE HEX"
      const size_t last_space = outcome.rfind(' ');
      std::string expected = outcome.substr(0, last_space + 1) + from_hex(outcome.substr(last_space + 1));
      cases->push_back({from_hex(fields[1]), from_hex(fields[2]), expected});
    } else if (fields[0] == "program" && fields.size() == 7 && programs) {
      programs->push_back({from_hex(fields[1]), from_hex(fields[2]), from_hex(fields[4]),
                           std::stoi(fields[5]), from_hex(fields[6])});
    } else {
      throw std::runtime_error("malformed recorded case: " + line);
    }
  }
}

// What running `source` printed, with its exit status.
struct ProgramOutcome {
  std::string out;
  std::string err;
  int status = 0;
};

inline ProgramOutcome run_program(const std::string& source, const std::string& stdin_text = "") {
  StringHost host;
  py::RunOptions options;
  options.stdin_text = stdin_text;
  int status = 0;
  {
    py::Interpreter interpreter{host, options};
    status = interpreter.run_main(source);
  }
  return {host.out, host.err, status};
}

// The harness program for `cases` (see the file comment).
inline std::string case_harness(const std::vector<RecordedCase>& cases) {
  std::string program = "CASE_MARKER = True\n";
  for (size_t i = 0; i < cases.size(); ++i) {
    program += "def case_" + std::to_string(i) + "():\n";
    for (const std::string& line : split_lines(cases[i].setup)) program += "    " + line + "\n";
    program += "    return " + cases[i].expression + "\n";
  }
  program += "for case_index, case_function in enumerate([";
  for (size_t i = 0; i < cases.size(); ++i) program += "case_" + std::to_string(i) + ", ";
  program +=
      "]):\n"
      "    print('@@case', case_index)\n"
      "    try:\n"
      "        case_result = case_function()\n"
      "    except BaseException as case_error:\n"
      "        print('error', type(case_error).__name__, str(case_error))\n"
      "    else:\n"
      "        print('ok', repr(case_result))\n";
  return program;
}

// Each case's outcome as our interpreter printed it (a missing case: "<not run>"), plus
// whatever the harness wrote to stderr.
inline std::vector<std::string> run_cases(const std::vector<RecordedCase>& cases, std::string* errors) {
  ProgramOutcome outcome = run_program(case_harness(cases));
  *errors = outcome.err;
  std::vector<std::string> results(cases.size(), "<not run>");
  const std::string marker = "@@case ";
  size_t at = outcome.out.find(marker);
  while (at != std::string::npos) {
    const size_t line_end = outcome.out.find('\n', at);
    const size_t index = std::stoul(outcome.out.substr(at + marker.size(), line_end - at - marker.size()));
    size_t next = outcome.out.find("\n" + marker, line_end);
    const size_t end = next == std::string::npos ? outcome.out.size() : next;
    std::string text = line_end == std::string::npos ? "" : outcome.out.substr(line_end + 1, end - line_end - 1);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (index < results.size()) results[index] = text;
    at = next == std::string::npos ? next : next + 1;
  }
  return results;
}

}  // namespace test_support
