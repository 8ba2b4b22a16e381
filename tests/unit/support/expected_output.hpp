// What CPython 3.11 printed for a program, as recorded by scripts/record_cpython.py:
// PROGRAM.out (stdout) and PROGRAM.time (virtual seconds elapsed). C++ tests compare their
// own output with it, so the expectation is CPython's and never written by hand.
//
// Files are found from the repository root: the compile definition AWAITPAD_SOURCE_DIR
// when the build sets it (CMake should: the test binary may run from any directory), else
// the root derived from this header's own path (__FILE__), which works when the compiler
// was given absolute paths. Test-only code: a missing file throws, and Catch2 reports it.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_support {

// The line record_cpython.py writes where CPython would have hung forever.
inline const char* const deadlock_marker = "--- deadlock ---";

// `relative` (e.g. "tests/scenarios/01_basic_await.out") under the repository root.
inline std::string source_path(const std::string& relative) {
#ifdef AWAITPAD_SOURCE_DIR
  std::string root = AWAITPAD_SOURCE_DIR;
#else
  // This header is ROOT/tests/unit/support/expected_output.hpp: drop four components.
  std::string root = __FILE__;
  for (int i = 0; i < 4; ++i) {
    size_t slash = root.find_last_of('/');
    root = slash == std::string::npos ? std::string(".") : root.substr(0, slash);
    if (root.empty()) root = "/";
  }
#endif
  if (!root.empty() && root.back() != '/') root += '/';
  return root + relative;
}

// The whole file at `relative`; throws if it cannot be read.
inline std::string read_source_file(const std::string& relative) {
  std::string path = source_path(relative);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read recorded file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// `text` split at '\n'; a final newline does not start another line.
inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// One recorded CPython run of a program.
struct RecordedRun {
  std::vector<std::string> lines;  // PROGRAM.out, one entry per line, newlines removed
  double seconds = 0;              // PROGRAM.time: virtual seconds the run took

  // True when CPython would have hung: the output ends with the deadlock marker.
  bool deadlocked() const { return !lines.empty() && lines.back() == deadlock_marker; }

  // The lines printed before the marker (all of them when there is none).
  std::vector<std::string> lines_before_deadlock() const {
    if (!deadlocked()) return lines;
    return std::vector<std::string>(lines.begin(), lines.end() - 1);
  }
};

// Loads `program` + ".out" and ".time", e.g. "tests/scenarios/02_gather_three_tasks".
inline RecordedRun load_recorded_run(const std::string& program) {
  RecordedRun run;
  run.lines = split_lines(read_source_file(program + ".out"));
  std::string seconds = read_source_file(program + ".time");
  char* end = nullptr;
  run.seconds = std::strtod(seconds.c_str(), &end);
  if (end == seconds.c_str()) {
    throw std::runtime_error("not a number of seconds in " + source_path(program + ".time"));
  }
  return run;
}

}  // namespace test_support
