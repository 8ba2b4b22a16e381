// aio::Event against asyncio.Event. Each ordering test replays a Python
// program (in the comment beside it) and expects the lines CPython 3.11.7
// printed; rerun the program with python3 to check an expectation.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/aio/event.hpp"
#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"

#include "tests/unit/support/scenario.hpp"

namespace {

using test_support::Lines;
using test_support::expect_ok;
using test_support::yes_no;

aio::Task<void> waiter(std::string name, aio::Event& event, Lines& out) {
  out.push_back(name + " waits");
  expect_ok(co_await event.wait());
  out.push_back(name + " woke");
  co_return {};
}

aio::Task<void> wake_order(Lines& out) {
  aio::Event event;
  std::vector<aio::TaskHandle<void>> tasks;
  for (const char* name : {"a", "b", "c"}) tasks.push_back(aio::create_task(waiter(name, event, out)));
  expect_ok(co_await aio::sleep(0));
  out.push_back("waiting " + std::to_string(event.waiting()));
  event.set();
  event.set();
  out.push_back("set " + yes_no(event.is_set()));
  expect_ok(co_await aio::sleep(0));
  out.push_back("after one hop " + std::to_string(event.waiting()));
  for (auto& task : tasks) expect_ok(co_await task);
  expect_ok(co_await event.wait());
  out.push_back("wait on a set event returns at once");
  event.clear();
  out.push_back("cleared " + yes_no(event.is_set()));
  auto late = aio::create_task(waiter("d", event, out));
  expect_ok(co_await aio::sleep(0));
  out.push_back("d still waiting " + std::to_string(event.waiting()));
  event.set();
  expect_ok(co_await late);
  co_return {};
}

aio::Task<void> cancellable_waiter(std::string name, aio::Event& event, Lines& out) {
  aio::Result<void> woken = co_await event.wait();
  if (!woken) {
    out.push_back(name + " cancelled '" + woken.error().message() + "'");
    co_return woken.error();
  }
  out.push_back(name + " woke");
  co_return {};
}

aio::Task<void> cancel_while_waiting(Lines& out) {
  aio::Event event;
  auto a = aio::create_task(cancellable_waiter("a", event, out));
  auto b = aio::create_task(cancellable_waiter("b", event, out));
  auto c = aio::create_task(cancellable_waiter("c", event, out));
  expect_ok(co_await aio::sleep(0));
  a.cancel("stop a");
  expect_ok(co_await aio::sleep(0));
  out.push_back("a cancelled " + yes_no(a.cancelled()) + " waiters " +
                std::to_string(event.waiting()));
  event.set();
  b.cancel();
  expect_ok(co_await aio::sleep(0));
  out.push_back("b cancelled " + yes_no(b.cancelled()) + " c done " + yes_no(c.done()) +
                " waiters " + std::to_string(event.waiting()));
  co_return {};
}

aio::Task<void> wait_forever(aio::Event& event) { co_return co_await event.wait(); }

}  // namespace

// import asyncio
//
// async def waiter(name, event):
//     print(name, "waits")
//     await event.wait()
//     print(name, "woke")
//
// async def main():
//     event = asyncio.Event()
//     tasks = [asyncio.create_task(waiter(name, event)) for name in ("a", "b", "c")]
//     await asyncio.sleep(0)
//     print("waiting", len(event._waiters))
//     event.set()
//     event.set()
//     print("set", event.is_set())
//     await asyncio.sleep(0)
//     print("after one hop", len(event._waiters))
//     for task in tasks:
//         await task
//     await event.wait()
//     print("wait on a set event returns at once")
//     event.clear()
//     print("cleared", event.is_set())
//     late = asyncio.create_task(waiter("d", event))
//     await asyncio.sleep(0)
//     print("d still waiting", len(event._waiters))
//     event.set()
//     await late
//
// asyncio.run(main())
TEST_CASE("Event: set wakes every waiter in wait order, clear blocks again") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, wake_order(out)).ok());
  CHECK(out == Lines{"a waits", "b waits", "c waits", "waiting 3", "set True", "a woke", "b woke",
                     "c woke", "after one hop 0", "wait on a set event returns at once",
                     "cleared False", "d waits", "d still waiting 1", "d woke"});
}

// import asyncio
//
// async def waiter(name, event):
//     try:
//         await event.wait()
//         print(name, "woke")
//     except asyncio.CancelledError as error:
//         print(name, "cancelled", repr(str(error)))
//         raise
//
// async def main():
//     event = asyncio.Event()
//     a = asyncio.create_task(waiter("a", event))
//     b = asyncio.create_task(waiter("b", event))
//     c = asyncio.create_task(waiter("c", event))
//     await asyncio.sleep(0)
//     a.cancel("stop a")
//     await asyncio.sleep(0)
//     print("a cancelled", a.cancelled(), "waiters", len(event._waiters))
//     # Cancelled after set() already completed its future: CancelledError wins.
//     event.set()
//     b.cancel()
//     await asyncio.sleep(0)
//     print("b cancelled", b.cancelled(), "c done", c.done(), "waiters", len(event._waiters))
//
// asyncio.run(main())
TEST_CASE("Event: a waiter cancelled before or after set() gets CancelledError and leaves") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, cancel_while_waiting(out)).ok());
  CHECK(out == Lines{"a cancelled 'stop a'", "a cancelled True waiters 2", "b cancelled ''",
                     "c woke", "b cancelled True c done True waiters 0"});
}

// Hand-written expectation: asyncio has no deadlock report; this is ours (DESIGN.md 7).
TEST_CASE("Event: a task stuck in wait() is reported as waiting on Event.wait()") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  aio::TaskCore::reset_name_counter();
  aio::Event event;
  aio::Result<void> outcome = aio::run(host, wait_forever(event));
  REQUIRE(!outcome.ok());
  CHECK(outcome.error().kind() == aio::ErrorKind::deadlock);
  CHECK_THAT(outcome.error().message(), Catch::Contains("Task-1 waits on Event.wait()"));
  CHECK(event.waiting() == 0);  // the run cancelled the task, which cleaned up
}
