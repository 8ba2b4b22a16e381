// The run's caps: output (RunOptions::max_output: past it, one notice on stderr, the rest
// of the program's output dropped, the program running on to its end) and memory
// (RunOptions::max_memory: a catchable MemoryError, counting the buffers inside objects).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "core/py/vm/interpreter.hpp"
#include "tests/unit/support/string_host.hpp"

using py::Interpreter;
using py::RunOptions;
using test_support::StringHost;

namespace {

constexpr std::string_view kNotice =
    "[output truncated: the program printed more than 1 MB; it keeps running, but nothing "
    "more it prints is shown]\n";

int run_capped(StringHost& host, std::string_view source, size_t max_output = 1u << 20,
               size_t max_memory = RunOptions{}.max_memory) {
  RunOptions options;
  options.max_output = max_output;
  options.max_memory = max_memory;
  Interpreter interpreter(host, std::move(options));
  return interpreter.run_main(source);
}

int run_in_memory(StringHost& host, std::string_view source, size_t max_memory) {
  return run_capped(host, source, RunOptions{}.max_output, max_memory);
}

// A program that grows `x` with `item` until MemoryError, then prints how many items it
// held, frees them and allocates again.
std::string fill_until_memory_error(std::string_view item) {
  return "x = []\n"
         "try:\n"
         "    while True:\n"
         "        x.append(" + std::string(item) + ")\n"
         "except MemoryError:\n"
         "    n = len(x)\n"
         "    x = None\n"
         "    print(n)\n"
         "print(len('abc' * 100000))\n";
}

size_t count(const std::string& text, std::string_view part) {
  size_t found = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++found;
  return found;
}

}  // namespace

TEST_CASE("caps: output, 2 MB of prints stop at 1 MB with one notice, the run goes on",
          "[caps]") {
  StringHost host;
  // 100-byte lines: 20,000 of them are 2 MB. The error at the end shows the program ran
  // past the cap, and that its traceback is not swallowed by it.
  int status = run_capped(host,
                          "line = 'x' * 99\n"
                          "for i in range(20000):\n"
                          "    print(line)\n"
                          "raise ValueError(f'ran to {i + 1}')\n");
  CHECK(status == 1);
  std::string printed;
  while (printed.size() < 1u << 20) printed += std::string(99, 'x') + "\n";
  printed.resize(1u << 20);
  CHECK(host.out == printed);
  CHECK(count(host.err, "[output truncated") == 1);
  // The cut falls mid-line (1 MB is not a multiple of 100), so the notice starts a line.
  CHECK(host.err.starts_with(std::string("\n") + std::string(kNotice)));
  CHECK(host.err.ends_with("ValueError: ran to 20000\n"));
}

TEST_CASE("caps: output, stdout and stderr count together", "[caps]") {
  StringHost host;
  int status = run_capped(host,
                          "import sys\n"
                          "sys.stderr.write('e' * 6)\n"
                          "print('o' * 6)\n"
                          "print('after')\n",
                          10);
  CHECK(status == 0);
  CHECK(host.out == "oooo");
  CHECK(host.err.starts_with("eeeeee\n[output truncated: the program printed more than 10 bytes;"));
  CHECK(count(host.err, "[output truncated") == 1);
}

TEST_CASE("caps: output, a cut never splits a UTF-8 character", "[caps]") {
  StringHost host;
  // Nine bytes allowed: four two-byte characters fit, the fifth would be split.
  int status = run_capped(host, "print('é' * 7)\n", 9);
  CHECK(status == 0);
  CHECK(host.out == "éééé");
}

TEST_CASE("caps: output, output under the cap is untouched", "[caps]") {
  StringHost host;
  int status = run_capped(host, "print('é' * 4)\n", 9);
  CHECK(status == 0);
  CHECK(host.out == "éééé\n");
  CHECK(host.err.empty());
}

TEST_CASE("caps: memory counts a str's text, so long strings end in MemoryError", "[caps]") {
  StringHost host;
  // 4 MB hold fewer than 1,400 strings of 3,000 bytes; counting objects alone (about 70
  // bytes each), the list would grow to some 60,000 of them.
  int status = run_in_memory(host, fill_until_memory_error("'abc' * 1000"), 4u << 20);
  CHECK(status == 0);
  CHECK(host.err.empty());
  int held = std::stoi(host.out);
  CHECK(held > 1000);
  CHECK(held < 1400);
  CHECK(host.out.ends_with("\n300000\n"));
}

TEST_CASE("caps: memory counts a list's items, so appending None ends in MemoryError", "[caps]") {
  StringHost host;
  // None is shared, so no object is allocated: only the list's buffer grows.
  int status = run_in_memory(host, fill_until_memory_error("None"), 4u << 20);
  CHECK(status == 0);
  CHECK(std::stoi(host.out) < (4 << 20) / int(sizeof(void*)));
  CHECK(host.out.ends_with("\n300000\n"));
}

// Regression: a MemoryError raised while a frame recorded the traceback of another
// MemoryError freed the exception being recorded (ASan: heap-use-after-free in
// add_traceback_entry) once small objects had filled the heap, and the handler's reserve,
// to the last byte.
TEST_CASE("caps: memory fills up with small objects, in a handler too", "[caps]") {
  StringHost host;
  int status = run_in_memory(host,
                             "def chain(length):\n"
                             "    node = None\n"
                             "    while True:\n"
                             "        node = (node, length)\n"
                             "        length[0] += 1\n"
                             "first, second = [0], [0]\n"
                             "try:\n"
                             "    chain(first)\n"
                             "except MemoryError:\n"
                             "    try:\n"
                             "        chain(second)\n"
                             "    except MemoryError as error:\n"
                             "        print(type(error).__name__, first[0] > second[0] > 1000)\n",
                             4u << 20);
  CHECK(status == 0);
  CHECK(host.out == "MemoryError True\n");
}
