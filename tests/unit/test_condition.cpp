// aio::Condition against asyncio.Condition. Each ordering test replays a
// Python program (in the comment beside it) and expects the lines CPython
// 3.11.7 printed; rerun the program with python3 to check an expectation.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/aio/condition.hpp"
#include "core/aio/run.hpp"
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

// Python's repr of a list of ints.
std::string list_repr(const std::vector<int>& items) {
  std::string text = "[";
  for (size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + std::to_string(items[i]);
  return text + "]";
}

aio::Task<void> notified_waiter(std::string name, aio::Condition& condition, Lines& out) {
  aio::Result<aio::Held<aio::Condition>> held = co_await aio::hold(condition);
  if (!held) co_return held.error();
  out.push_back(name + " waits");
  aio::Result<void> waited = co_await condition.wait();
  if (!waited) co_return waited.error();
  out.push_back(name + " notified; locked " + yes_no(condition.locked()));
  co_return {};
}

aio::Task<void> notify_counts(Lines& out) {
  aio::Condition condition;
  std::vector<aio::TaskHandle<void>> tasks;
  for (const char* name : {"a", "b", "c", "d"}) {
    tasks.push_back(aio::create_task(notified_waiter(name, condition, out)));
  }
  expect_ok(co_await aio::sleep(0));
  {
    aio::Result<aio::Held<aio::Condition>> held = co_await aio::hold(condition);
    expect_ok(condition.notify());
    out.push_back("notified 1 of " + number(condition.waiting()));
  }
  expect_ok(co_await aio::sleep(0));
  out.push_back("waiters " + number(condition.waiting()));
  {
    aio::Result<aio::Held<aio::Condition>> held = co_await aio::hold(condition);
    expect_ok(condition.notify(2));
    out.push_back("notified 2");
  }
  expect_ok(co_await aio::sleep(0));
  {
    aio::Result<aio::Held<aio::Condition>> held = co_await aio::hold(condition);
    expect_ok(condition.notify_all());
    out.push_back("notified all");
  }
  for (auto& task : tasks) expect_ok(co_await task);
  out.push_back("locked " + yes_no(condition.locked()) + " waiters " + number(condition.waiting()));
  co_return {};
}

aio::Task<void> consumer(aio::Condition& condition, std::vector<int>& box, Lines& out) {
  auto ready = [&] {
    out.push_back("check " + list_repr(box));
    return box.size() >= 3;
  };
  aio::Result<aio::Held<aio::Condition>> held = co_await aio::hold(condition);
  if (!held) co_return held.error();
  aio::Result<bool> result = co_await condition.wait_for(ready);
  if (!result) co_return result.error();
  out.push_back("ready " + yes_no(result.value()) + " " + list_repr(box));
  co_return {};
}

aio::Task<void> producer(Lines& out) {
  aio::Condition condition;
  std::vector<int> box;
  auto task = aio::create_task(consumer(condition, box, out));
  for (int item = 0; item < 4; ++item) {
    expect_ok(co_await aio::sleep(1));
    aio::Result<aio::Held<aio::Condition>> held = co_await aio::hold(condition);
    box.push_back(item);
    expect_ok(condition.notify_all());
  }
  expect_ok(co_await task);
  co_return {};
}

aio::Task<void> cancellable_waiter(std::string name, aio::Condition& condition, Lines& out) {
  aio::Result<aio::Held<aio::Condition>> held = co_await aio::hold(condition);
  if (!held) co_return held.error();
  aio::Result<void> waited = co_await condition.wait();
  if (!waited) {
    out.push_back(name + " cancelled '" + waited.error().message() + "' holds lock " +
                  yes_no(condition.locked()));
    co_return waited.error();
  }
  out.push_back(name + " notified");
  co_return {};
}

aio::Task<void> cancel_waiting_and_reacquiring(Lines& out) {
  aio::Condition condition;
  auto a = aio::create_task(cancellable_waiter("a", condition, out));
  auto b = aio::create_task(cancellable_waiter("b", condition, out));
  expect_ok(co_await aio::sleep(0));
  {
    aio::Result<aio::Held<aio::Condition>> held = co_await aio::hold(condition);
    a.cancel("stop a");
    expect_ok(co_await aio::sleep(0));
    out.push_back("a cancelled yet? " + yes_no(a.done()) + " waiters " +
                  number(condition.waiting()));
  }
  expect_ok(co_await aio::sleep(0));
  out.push_back("a cancelled " + yes_no(a.cancelled()));
  {
    aio::Result<aio::Held<aio::Condition>> held = co_await aio::hold(condition);
    expect_ok(condition.notify());
    expect_ok(co_await aio::sleep(0));
    b.cancel("stop b");
    expect_ok(co_await aio::sleep(0));
    out.push_back("b done yet? " + yes_no(b.done()) + " lock waiters " +
                  number(condition.lock().waiting()));
  }
  expect_ok(co_await aio::sleep(0));
  out.push_back("b cancelled " + yes_no(b.cancelled()) + " locked " + yes_no(condition.locked()));
  co_return {};
}

aio::Task<void> notify_skips_done_waiters(Lines& out) {
  aio::Condition condition;
  std::vector<aio::TaskHandle<void>> tasks;
  for (const char* name : {"a", "b", "c", "d"}) {
    tasks.push_back(aio::create_task(cancellable_waiter(name, condition, out)));
  }
  expect_ok(co_await aio::sleep(0));
  {
    aio::Result<aio::Held<aio::Condition>> held = co_await aio::hold(condition);
    tasks[0].cancel();
    expect_ok(condition.notify());
    expect_ok(condition.notify());
    out.push_back("waiters " + number(condition.waiting()));
  }
  expect_ok(co_await aio::sleep(0));
  out.push_back("waiters " + number(condition.waiting()) + " d done " + yes_no(tasks[3].done()));
  tasks[3].cancel();
  for (auto& task : tasks) static_cast<void>(co_await task);
  out.push_back("waiters " + number(condition.waiting()) + " locked " + yes_no(condition.locked()));
  co_return {};
}

aio::Task<void> unlocked_errors(Lines& out) {
  aio::Lock lock;
  aio::Condition condition(lock);
  aio::Result<void> waited = co_await condition.wait();
  if (!waited) out.push_back(python_print(waited.error()));
  aio::Result<void> notified = condition.notify();
  if (!notified) out.push_back(python_print(notified.error()));
  expect_ok(co_await lock.acquire());
  out.push_back("shared lock " + yes_no(condition.locked()));
  expect_ok(condition.release());
  out.push_back("released " + yes_no(lock.locked()));
  co_return {};
}

aio::Task<void> wait_unnotified(aio::Condition& condition) {
  expect_ok(co_await condition.acquire());
  co_return co_await condition.wait();
}

}  // namespace

// import asyncio
//
// async def waiter(name, condition):
//     async with condition:
//         print(name, "waits")
//         await condition.wait()
//         print(name, "notified; locked", condition.locked())
//
// async def main():
//     condition = asyncio.Condition()
//     tasks = [asyncio.create_task(waiter(name, condition)) for name in ("a", "b", "c", "d")]
//     await asyncio.sleep(0)
//     async with condition:
//         condition.notify()
//         print("notified 1 of", len(condition._waiters))
//     await asyncio.sleep(0)
//     print("waiters", len(condition._waiters))
//     async with condition:
//         condition.notify(2)
//         print("notified 2")
//     await asyncio.sleep(0)
//     async with condition:
//         condition.notify_all()
//         print("notified all")
//     for task in tasks:
//         await task
//     print("locked", condition.locked(), "waiters", len(condition._waiters))
//
// asyncio.run(main())
TEST_CASE("Condition: notify(n) wakes n waiters in order, each re-taking the lock") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, notify_counts(out)).ok());
  CHECK(out == Lines{"a waits", "b waits", "c waits", "d waits", "notified 1 of 4",
                     "a notified; locked True", "waiters 3", "notified 2",
                     "b notified; locked True", "c notified; locked True", "notified all",
                     "d notified; locked True", "locked False waiters 0"});
}

// import asyncio
//
// async def consumer(condition, box):
//     def ready():
//         print("check", box)
//         return len(box) >= 3
//     async with condition:
//         result = await condition.wait_for(ready)
//         print("ready", result, box)
//
// async def main():
//     condition = asyncio.Condition()
//     box = []
//     task = asyncio.create_task(consumer(condition, box))
//     for item in range(4):
//         await asyncio.sleep(1)
//         async with condition:
//             box.append(item)
//             condition.notify_all()
//     await task
//
// asyncio.run(main())
TEST_CASE("Condition: wait_for checks the predicate first and after every wakeup") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, producer(out)).ok());
  CHECK(out == Lines{"check []", "check [0]", "check [0, 1]", "check [0, 1, 2]",
                     "ready True [0, 1, 2]"});
}

// import asyncio
//
// async def waiter(name, condition):
//     async with condition:
//         try:
//             await condition.wait()
//         except asyncio.CancelledError as error:
//             print(name, "cancelled", repr(str(error)), "holds lock", condition.locked())
//             raise
//         print(name, "notified")
//
// async def main():
//     condition = asyncio.Condition()
//     a = asyncio.create_task(waiter("a", condition))
//     b = asyncio.create_task(waiter("b", condition))
//     await asyncio.sleep(0)
//     async with condition:
//         # Cancelled while waiting for a notify: it must re-take the lock first.
//         a.cancel("stop a")
//         await asyncio.sleep(0)
//         print("a cancelled yet?", a.done(), "waiters", len(condition._waiters))
//     await asyncio.sleep(0)
//     print("a cancelled", a.cancelled())
//     async with condition:
//         condition.notify()
//         await asyncio.sleep(0)
//         # b was notified and now queues for the lock: cancel it there.
//         b.cancel("stop b")
//         await asyncio.sleep(0)
//         print("b done yet?", b.done(), "lock waiters", len(condition._lock._waiters))
//     await asyncio.sleep(0)
//     print("b cancelled", b.cancelled(), "locked", condition.locked())
//
// asyncio.run(main())
TEST_CASE("Condition: a cancelled wait re-takes the lock before CancelledError arrives") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, cancel_waiting_and_reacquiring(out)).ok());
  // Cancelled while re-acquiring, the error is a new bare CancelledError: the
  // message "stop b" is lost, as in CPython.
  CHECK(out == Lines{"a cancelled yet? False waiters 1", "a cancelled 'stop a' holds lock True",
                     "a cancelled True", "b done yet? False lock waiters 1",
                     "b cancelled '' holds lock True", "b cancelled True locked False"});
}

// import asyncio
//
// async def waiter(name, condition):
//     async with condition:
//         try:
//             await condition.wait()
//         except asyncio.CancelledError as error:
//             print(name, "cancelled", repr(str(error)), "holds lock", condition.locked())
//             raise
//         print(name, "notified")
//
// async def main():
//     condition = asyncio.Condition()
//     tasks = [asyncio.create_task(waiter(name, condition)) for name in ("a", "b", "c", "d")]
//     await asyncio.sleep(0)
//     async with condition:
//         tasks[0].cancel()   # a's future is cancelled: notify() skips it
//         condition.notify()  # wakes b
//         condition.notify()  # b is already woken: wakes c
//         print("waiters", len(condition._waiters))
//     await asyncio.sleep(0)
//     print("waiters", len(condition._waiters), "d done", tasks[3].done())
//     tasks[3].cancel()
//     for task in tasks:
//         try:
//             await task
//         except asyncio.CancelledError:
//             pass
//     print("waiters", len(condition._waiters), "locked", condition.locked())
//
// asyncio.run(main())
TEST_CASE("Condition: notify skips waiters already woken or cancelled") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, notify_skips_done_waiters(out)).ok());
  CHECK(out == Lines{"waiters 4", "a cancelled '' holds lock True", "b notified", "c notified",
                     "waiters 1 d done False", "d cancelled '' holds lock True",
                     "waiters 0 locked False"});
}

// import asyncio
//
// async def main():
//     lock = asyncio.Lock()
//     condition = asyncio.Condition(lock)
//     try:
//         await condition.wait()
//     except RuntimeError as error:
//         print(type(error).__name__, error)
//     try:
//         condition.notify()
//     except RuntimeError as error:
//         print(type(error).__name__, error)
//     await lock.acquire()
//     print("shared lock", condition.locked())
//     condition.release()
//     print("released", lock.locked())
//
// asyncio.run(main())
TEST_CASE("Condition: wait and notify need the lock, a given lock is shared") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, unlocked_errors(out)).ok());
  CHECK(out == Lines{"RuntimeError cannot wait on un-acquired lock",
                     "RuntimeError cannot notify on un-acquired lock", "shared lock True",
                     "released False"});
}

// Hand-written expectation: asyncio has no deadlock report; this is ours (DESIGN.md 7).
TEST_CASE("Condition: a task never notified is reported as waiting on Condition.wait()") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  aio::TaskCore::reset_name_counter();
  aio::Condition condition;
  aio::Result<void> outcome = aio::run(host, wait_unnotified(condition));
  REQUIRE(!outcome.ok());
  CHECK(outcome.error().kind() == aio::ErrorKind::deadlock);
  CHECK_THAT(outcome.error().message(), Catch::Contains("Task-1 waits on Condition.wait()"));
  CHECK(condition.waiting() == 0);
  CHECK(condition.locked());  // cancelled by the run, the wait re-took the lock
}
