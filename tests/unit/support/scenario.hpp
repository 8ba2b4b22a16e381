// Helpers shared by the unit tests that replay a CPython asyncio program and
// compare what it printed (test_gather.cpp, test_wait.cpp, test_lock.cpp, ...).
// Each scenario runs on virtual time through run_virtual(), prints lines with
// print() into the transcript `out`, and the test then checks `out` against the
// lines CPython 3.11.7 printed. Tests run one at a time, so one transcript is
// enough: run_virtual() clears it before every scenario.
#pragma once

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/aio/error.hpp"
#include "core/aio/loop.hpp"
#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/aio/task_core.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"
#include "tests/unit/support/counted.hpp"

namespace test_support {

// --- printing scenarios: print() into `out`, run on virtual time ---------------------------

inline std::vector<std::string> out;  // what the scenario printed
inline void print(std::string line) { out.push_back(std::move(line)); }

// Runs `main` to completion on virtual time, with an empty transcript and task
// names counted from Task-1 again.
template <class T>
aio::Result<T> run_virtual(aio::Task<T> main) {
  out.clear();
  aio::TaskCore::reset_name_counter();
  ::host::NativeHost native;
  ::host::VirtualTimeHost host(native);
  return aio::run(host, std::move(main));
}

// Loop time with one decimal, as the Python snippets print it.
inline std::string now() {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", aio::Loop::running()->time());
  return text;
}

// Python's str(bool).
inline std::string boolean(bool value) { return value ? "True" : "False"; }

// Hops through the loop `hops` times, then prints "<name> done" and returns the name.
inline aio::Task<std::string> work_hops(std::string name, int hops) {
  for (int i = 0; i < hops; ++i) (void)co_await aio::sleep(0);
  print(name + " done");
  co_return name;
}

// Prints "tick <i>" and hops once, `count` times: shows where other tasks interleave.
inline aio::Task<void> ticker(int count) {
  for (int i = 0; i < count; ++i) {
    print("tick " + std::to_string(i));
    (void)co_await aio::sleep(0);
  }
  co_return {};
}

// A child whose frame and result hold a Counted, for the leak check.
inline aio::Task<Counted> counted(int id, double delay, bool fail = false) {
  Counted held(id);
  aio::Result<void> slept = co_await aio::sleep(delay);
  if (!slept) co_return slept.error();
  if (fail) co_return aio::Error(aio::ErrorKind::value_error, "counted");
  co_return held;
}

// --- scenarios that collect lines into a caller's `Lines` ----------------------------------

using Lines = std::vector<std::string>;

// Checks from inside a coroutine (CHECK, not REQUIRE: nothing may throw there).
template <class T>
void expect_ok(const aio::Result<T>& result) {
  CHECK(result.ok());
}

// Python's str(bool).
inline std::string yes_no(bool value) { return value ? "True" : "False"; }
inline std::string number(int64_t value) { return std::to_string(value); }

// print(type(error).__name__, error)
inline std::string python_print(const aio::Error& error) {
  return std::string(aio::error_kind_name(error.kind())) + " " + error.message();
}

}  // namespace test_support
