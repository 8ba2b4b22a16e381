// aio::Semaphore and aio::BoundedSemaphore against asyncio's. Each ordering
// test replays a Python program (in the comment beside it) and expects the
// lines CPython 3.11.7 printed; rerun the program with python3 to check.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/aio/lock.hpp"
#include "core/aio/run.hpp"
#include "core/aio/semaphore.hpp"
#include "core/aio/sleep.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"

#include "tests/unit/support/scenario.hpp"

namespace {

using test_support::Lines;
using test_support::expect_ok;
using test_support::yes_no;
using test_support::number;
using test_support::python_print;

// Whole seconds since the run started (virtual time starts at 0).
std::string now() { return number(std::lround(aio::Loop::running()->time())); }

aio::Task<void> timed_worker(std::string name, aio::Semaphore& semaphore, double hold_for,
                             Lines& out) {
  {
    aio::Result<aio::Held<aio::Semaphore>> held = co_await aio::hold(semaphore);
    if (!held) co_return held.error();
    out.push_back(name + " in at " + now() + " value " + number(semaphore.value()));
    expect_ok(co_await aio::sleep(hold_for));
  }
  out.push_back(name + " out at " + now());
  co_return {};
}

aio::Task<void> limited_concurrency(Lines& out) {
  aio::Semaphore semaphore(2);
  out.push_back("locked " + yes_no(semaphore.locked()) + " value " + number(semaphore.value()));
  std::vector<aio::TaskHandle<void>> tasks;
  // Distinct exit times: virtual time would order equal deadlines by timer
  // creation, while CPython's real clock orders them by accumulated latency.
  const std::pair<const char*, double> workers[] = {
      {"a", 3}, {"b", 1}, {"c", 1}, {"d", 3}, {"e", 1}};
  for (auto [name, hold_for] : workers) {
    tasks.push_back(aio::create_task(timed_worker(name, semaphore, hold_for, out)));
  }
  expect_ok(co_await aio::sleep(0));
  out.push_back("locked " + yes_no(semaphore.locked()) + " value " + number(semaphore.value()) +
                " waiters " + number(semaphore.waiting()));
  for (auto& task : tasks) expect_ok(co_await task);
  out.push_back("locked " + yes_no(semaphore.locked()) + " value " + number(semaphore.value()) +
                " waiters " + number(semaphore.waiting()));
  co_return {};
}

aio::Task<void> cancellable_worker(std::string name, aio::Semaphore& semaphore, Lines& out) {
  aio::Result<void> acquired = co_await semaphore.acquire();
  if (!acquired) {
    out.push_back(name + " cancelled; value " + number(semaphore.value()));
    co_return acquired.error();
  }
  out.push_back(name + " got; value " + number(semaphore.value()));
  co_return {};
}

aio::Task<void> cancel_queued_and_woken(Lines& out) {
  aio::Semaphore semaphore(1);
  expect_ok(co_await semaphore.acquire());
  auto b = aio::create_task(cancellable_worker("b", semaphore, out));
  auto c = aio::create_task(cancellable_worker("c", semaphore, out));
  auto d = aio::create_task(cancellable_worker("d", semaphore, out));
  expect_ok(co_await aio::sleep(0));
  b.cancel();
  expect_ok(co_await aio::sleep(0));
  out.push_back("b cancelled " + yes_no(b.cancelled()) + " value " + number(semaphore.value()) +
                " waiters " + number(semaphore.waiting()));
  expect_ok(semaphore.release());
  out.push_back("released; value " + number(semaphore.value()) + " locked " +
                yes_no(semaphore.locked()));
  c.cancel();
  expect_ok(co_await d);
  out.push_back("c cancelled " + yes_no(c.cancelled()) + " value " + number(semaphore.value()) +
                " waiters " + number(semaphore.waiting()));
  co_return {};
}

aio::Task<void> leftover_unit(Lines& out) {
  aio::Semaphore semaphore(0);
  auto a = aio::create_task(cancellable_worker("a", semaphore, out));
  expect_ok(co_await aio::sleep(0));
  expect_ok(semaphore.release());
  expect_ok(semaphore.release());
  out.push_back("value " + number(semaphore.value()) + " locked " + yes_no(semaphore.locked()));
  expect_ok(co_await semaphore.acquire());
  out.push_back("main got; value " + number(semaphore.value()) + " waiters " +
                number(semaphore.waiting()));
  expect_ok(co_await a);
  out.push_back("value " + number(semaphore.value()) + " locked " + yes_no(semaphore.locked()));
  co_return {};
}

aio::Task<void> over_release(Lines& out) {
  aio::BoundedSemaphore semaphore(2);
  expect_ok(co_await semaphore.acquire());
  expect_ok(semaphore.release());
  aio::Semaphore& plain = semaphore;  // release() is virtual, as in Python
  aio::Result<void> released = plain.release();
  if (!released) {
    out.push_back(python_print(released.error()) + " value " + number(semaphore.value()));
  }
  aio::Result<void> negative = aio::Semaphore::check_initial_value(-1);
  if (!negative) out.push_back(python_print(negative.error()));
  co_return {};
}

}  // namespace

// import asyncio
//
// async def worker(name, semaphore, hold):
//     loop = asyncio.get_running_loop()
//     async with semaphore:
//         print(name, "in at", round(loop.time() - START), "value", semaphore._value)
//         await asyncio.sleep(hold)
//     print(name, "out at", round(loop.time() - START))
//
// async def main():
//     global START
//     START = asyncio.get_running_loop().time()
//     semaphore = asyncio.Semaphore(2)
//     print("locked", semaphore.locked(), "value", semaphore._value)
//     tasks = [asyncio.create_task(worker(name, semaphore, hold))
//              for name, hold in (("a", 3), ("b", 1), ("c", 1), ("d", 3), ("e", 1))]
//     await asyncio.sleep(0)
//     print("locked", semaphore.locked(), "value", semaphore._value,
//           "waiters", len(semaphore._waiters))
//     for task in tasks:
//         await task
//     print("locked", semaphore.locked(), "value", semaphore._value,
//           "waiters", len(semaphore._waiters))
//
// asyncio.run(main())
TEST_CASE("Semaphore: at most value holders, waiters enter in FIFO order") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, limited_concurrency(out)).ok());
  CHECK(out == Lines{"locked False value 2", "a in at 0 value 1", "b in at 0 value 0",
                     "locked True value 0 waiters 3", "b out at 1", "c in at 1 value 0",
                     "c out at 2", "d in at 2 value 0", "a out at 3", "e in at 3 value 0",
                     "e out at 4", "d out at 5", "locked False value 2 waiters 0"});
}

// import asyncio
//
// async def worker(name, semaphore):
//     try:
//         await semaphore.acquire()
//     except asyncio.CancelledError:
//         print(name, "cancelled; value", semaphore._value)
//         raise
//     print(name, "got; value", semaphore._value)
//
// async def main():
//     semaphore = asyncio.Semaphore(1)
//     await semaphore.acquire()
//     b = asyncio.create_task(worker("b", semaphore))
//     c = asyncio.create_task(worker("c", semaphore))
//     d = asyncio.create_task(worker("d", semaphore))
//     await asyncio.sleep(0)
//     # Cancelled while queued: its future is cancelled, no unit is taken.
//     b.cancel()
//     await asyncio.sleep(0)
//     print("b cancelled", b.cancelled(), "value", semaphore._value,
//           "waiters", len(semaphore._waiters))
//     # Cancelled after release() took a unit for it: the unit goes to d.
//     semaphore.release()
//     print("released; value", semaphore._value, "locked", semaphore.locked())
//     c.cancel()
//     await d
//     print("c cancelled", c.cancelled(), "value", semaphore._value,
//           "waiters", len(semaphore._waiters))
//
// asyncio.run(main())
TEST_CASE("Semaphore: cancelled while queued or after being woken, the unit is not lost") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, cancel_queued_and_woken(out)).ok());
  CHECK(out == Lines{"b cancelled; value 0", "b cancelled True value 0 waiters 2",
                     "released; value 0 locked True", "c cancelled; value 0", "d got; value 0",
                     "c cancelled True value 0 waiters 0"});
}

// import asyncio
//
// async def worker(name, semaphore):
//     await semaphore.acquire()
//     print(name, "got; value", semaphore._value)
//
// async def main():
//     semaphore = asyncio.Semaphore(0)
//     a = asyncio.create_task(worker("a", semaphore))
//     await asyncio.sleep(0)
//     semaphore.release()  # wakes a, taking the unit for it
//     semaphore.release()  # nobody left to wake: value 1
//     print("value", semaphore._value, "locked", semaphore.locked())
//     # a is woken but has not run: main queues behind it although value is 1,
//     # and a, finding a unit left over, wakes main.
//     await semaphore.acquire()
//     print("main got; value", semaphore._value, "waiters", len(semaphore._waiters))
//     await a
//     print("value", semaphore._value, "locked", semaphore.locked())
//
// asyncio.run(main())
TEST_CASE("Semaphore: a woken waiter that finds a unit left over wakes the next") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, leftover_unit(out)).ok());
  CHECK(out == Lines{"value 1 locked True", "a got; value 0", "main got; value 0 waiters 0",
                     "value 0 locked True"});
}

// import asyncio
//
// async def main():
//     semaphore = asyncio.BoundedSemaphore(2)
//     await semaphore.acquire()
//     semaphore.release()
//     try:
//         semaphore.release()
//     except ValueError as error:
//         print(type(error).__name__, error, "value", semaphore._value)
//     try:
//         asyncio.Semaphore(-1)
//     except ValueError as error:
//         print(type(error).__name__, error)
//
// asyncio.run(main())
TEST_CASE("BoundedSemaphore: releasing past the initial value is a ValueError") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, over_release(out)).ok());
  CHECK(out == Lines{"ValueError BoundedSemaphore released too many times value 2",
                     "ValueError Semaphore initial value must be >= 0"});
}

// Hand-written expectation: asyncio has no deadlock report; this is ours (DESIGN.md 7).
TEST_CASE("Semaphore: a task blocked at zero is reported as waiting on Semaphore.acquire()") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  aio::TaskCore::reset_name_counter();
  aio::Semaphore semaphore(0);
  aio::Result<void> outcome = aio::run(host, semaphore.acquire());
  REQUIRE(!outcome.ok());
  CHECK(outcome.error().kind() == aio::ErrorKind::deadlock);
  CHECK_THAT(outcome.error().message(), Catch::Contains("Task-1 waits on Semaphore.acquire()"));
  CHECK(semaphore.waiting() == 0);
  CHECK(semaphore.value() == 0);
}
