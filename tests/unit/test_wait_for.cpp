// aio::wait_for against CPython 3.11.7: each scenario is written twice, in
// Python (the comment, whose output is the expected lines) and in C++.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/aio/gather.hpp"
#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/aio/wait.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"
#include "tests/unit/support/counted.hpp"
#include "tests/unit/support/scenario.hpp"

using namespace aio;
using test_support::Counted;
using test_support::CountedScope;
using test_support::out;
using test_support::print;
using test_support::run_virtual;
using test_support::now;
using test_support::work_hops;
using test_support::ticker;
using test_support::counted;

namespace {  // the whole file: scenario names repeat across test files

Task<std::string> slow(std::string name, double delay) {
  Result<void> slept = co_await aio::sleep(delay);
  if (!slept) {
    print(name + " cancelled");
    co_return slept.error();
  }
  print(name + " done");
  co_return name;
}

/* CPython: a result in time; the waiter adds CPython's hops
import asyncio
async def work(name, hops):
    for _ in range(hops): await asyncio.sleep(0)
    print(f"{name} done")
    return name
async def ticker(count):
    for i in range(count):
        print(f"tick {i}")
        await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(ticker(6))
    print("got", await asyncio.wait_for(work("a", 1), 10))
    await t
asyncio.run(main())
*/
Task<void> in_time_main() {
  auto t = create_task(ticker(6));
  auto r = co_await wait_for(work_hops("a", 1), 10);
  print("got " + r.value());
  (void)co_await t;
  co_return {};
}

TEST_CASE("wait_for: a result in time, with CPython's loop hops") {
  REQUIRE(run_virtual(in_time_main()).ok());
  CHECK(out == std::vector<std::string>{"tick 0", "tick 1", "a done", "tick 2", "tick 3",
                                        "got a", "tick 4", "tick 5"});
}

/* CPython: on timeout the awaitable is cancelled and finished before TimeoutError
import asyncio
async def slow(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} done")
    return name
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(slow("a", 1), 0.1)
    except TimeoutError as e:
        print(f"TimeoutError at {loop.time() - t0:.1f} {e!r}")
    t = asyncio.create_task(slow("b", 0.5))
    try:
        await asyncio.wait_for(t, 0.2)
    except TimeoutError:
        print(f"TimeoutError at {loop.time() - t0:.1f}, b cancelled: {t.cancelled()}")
asyncio.run(main())
*/
Task<void> timeout_main() {
  auto r = co_await wait_for(slow("a", 1), 0.1);
  print("TimeoutError at " + now() + " " + r.error().describe() + "()");
  auto t = create_task(slow("b", 0.5));
  auto r2 = co_await wait_for(t, 0.2);
  if (!r2 && r2.error().is(ErrorKind::timeout)) {
    print("TimeoutError at " + now() + ", b cancelled: " + (t.cancelled() ? "True" : "False"));
  }
  co_return {};
}

TEST_CASE("wait_for: timeout cancels the awaitable and waits for it") {
  REQUIRE(run_virtual(timeout_main()).ok());
  CHECK(out == std::vector<std::string>{"a cancelled", "TimeoutError at 0.1 TimeoutError()",
                                        "b cancelled", "TimeoutError at 0.3, b cancelled: True"});
}

/* CPython: timeout <= 0 — a new coroutine never runs; a done task gives its result
import asyncio
async def body():
    print("body ran")
    return 1
async def main():
    try:
        await asyncio.wait_for(body(), 0)
    except TimeoutError:
        print("TimeoutError")
    t = asyncio.create_task(body())
    await asyncio.sleep(0)
    print("timeout 0 on a done task:", await asyncio.wait_for(t, 0))
    print("timeout -1 on a done task:", await asyncio.wait_for(t, -1))
asyncio.run(main())
*/
Task<int> body() {
  print("body ran");
  co_return 1;
}

Task<void> zero_timeout_main() {
  auto r = co_await wait_for(body(), 0);
  if (!r && r.error().is(ErrorKind::timeout)) print("TimeoutError");
  auto t = create_task(body());
  (void)co_await aio::sleep(0);
  print("timeout 0 on a done task: " + std::to_string((co_await wait_for(t, 0)).value()));
  print("timeout -1 on a done task: " + std::to_string((co_await wait_for(t, -1)).value()));
  co_return {};
}

TEST_CASE("wait_for: a timeout <= 0") {
  REQUIRE(run_virtual(zero_timeout_main()).ok());
  CHECK(out == std::vector<std::string>{"TimeoutError", "body ran", "timeout 0 on a done task: 1",
                                        "timeout -1 on a done task: 1"});
}

/* CPython: a positive timeout on a task already done still takes two hops
import asyncio
async def work(name, hops):
    for _ in range(hops): await asyncio.sleep(0)
    print(f"{name} done")
    return name
async def ticker(count):
    for i in range(count):
        print(f"tick {i}")
        await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(work("a", 0))
    await asyncio.sleep(0)
    print("t done:", t.done())
    tick = asyncio.create_task(ticker(4))
    print("got", await asyncio.wait_for(t, 1))
    await tick
asyncio.run(main())
*/
Task<void> already_done_main() {
  auto t = create_task(work_hops("a", 0));
  (void)co_await aio::sleep(0);
  print(std::string("t done: ") + (t.done() ? "True" : "False"));
  auto tick = create_task(ticker(4));
  print("got " + (co_await wait_for(t, 1)).value());
  (void)co_await tick;
  co_return {};
}

TEST_CASE("wait_for: on a task that is already done") {
  REQUIRE(run_virtual(already_done_main()).ok());
  CHECK(out == std::vector<std::string>{"a done", "t done: True", "tick 0", "tick 1", "got a",
                                        "tick 2", "tick 3"});
}

/* CPython: finishing exactly at the deadline — the earlier-scheduled timer wins
import asyncio
async def slow(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} done")
    return name
async def main():
    try:
        print("got", await asyncio.wait_for(slow("a", 0.2), 0.2))
    except TimeoutError:
        print("a: TimeoutError")
    t = asyncio.create_task(slow("b", 0.2))
    await asyncio.sleep(0)  # b's timer is scheduled before wait_for's
    try:
        print("got", await asyncio.wait_for(t, 0.2))
    except TimeoutError:
        print("b: TimeoutError")
asyncio.run(main())
*/
Task<void> deadline_race_main() {
  auto a = co_await wait_for(slow("a", 0.2), 0.2);
  print(a ? "got " + a.value() : "a: " + a.error().describe());
  auto t = create_task(slow("b", 0.2));
  (void)co_await aio::sleep(0);
  auto b = co_await wait_for(t, 0.2);
  print(b ? "got " + b.value() : "b: " + b.error().describe());
  co_return {};
}

TEST_CASE("wait_for: a task finishing exactly at the deadline") {
  REQUIRE(run_virtual(deadline_race_main()).ok());
  CHECK(out == std::vector<std::string>{"a cancelled", "a: TimeoutError", "b done", "got b"});
}

/* CPython: an awaitable that swallows the cancel wins over the timeout (3.11)
import asyncio
async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
        return "kept"
async def main():
    print("got", await asyncio.wait_for(stubborn(), 0.1))
asyncio.run(main())
*/
Task<std::string> stubborn() {
  Result<void> slept = co_await aio::sleep(1);
  if (!slept) print("stubborn ignores the cancel");
  co_return std::string("kept");
}

Task<void> stubborn_main() {
  print("got " + (co_await wait_for(stubborn(), 0.1)).value());
  co_return {};
}

TEST_CASE("wait_for: the awaitable swallowing the cancel returns its value") {
  REQUIRE(run_virtual(stubborn_main()).ok());
  CHECK(out == std::vector<std::string>{"stubborn ignores the cancel", "got kept"});
}

/* CPython: cancelling the caller cancels the awaitable and waits for it
import asyncio
async def slow(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} done")
    return name
async def caller():
    try:
        await asyncio.wait_for(slow("inner", 1), 5)
    except asyncio.CancelledError:
        print("caller cancelled")
        raise
async def main():
    c = asyncio.create_task(caller())
    await asyncio.sleep(0.1)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print("caller cancelled():", c.cancelled())
asyncio.run(main())
*/
Task<void> caller() {
  auto r = co_await wait_for(slow("inner", 1), 5);
  if (!r) print("caller cancelled");
  if (!r) co_return r.error();
  co_return {};
}

Task<void> cancel_caller_main() {
  auto c = create_task(caller());
  (void)co_await aio::sleep(0.1);
  c.cancel();
  (void)co_await gather(return_exceptions, c);
  print(std::string("caller cancelled(): ") + (c.cancelled() ? "True" : "False"));
  co_return {};
}

TEST_CASE("wait_for: cancelling the caller cancels the awaitable too") {
  REQUIRE(run_virtual(cancel_caller_main()).ok());
  CHECK(out == std::vector<std::string>{"inner cancelled", "caller cancelled",
                                        "caller cancelled(): True"});
}

/* CPython: no timeout awaits a coroutine inline; errors pass through
import asyncio
async def who():
    return asyncio.current_task().get_name()
async def fail():
    raise ValueError("bad")
async def main():
    print(await asyncio.wait_for(who(), None))
    print(await asyncio.wait_for(who(), 1))
    try:
        await asyncio.wait_for(fail(), 1)
    except ValueError as e:
        print("ValueError:", e)
asyncio.run(main())
*/
Task<std::string> who() { co_return current_task()->name(); }
Task<int> fail() { co_return Error(ErrorKind::value_error, "bad"); }

Task<void> inline_main() {
  print((co_await wait_for(who(), std::nullopt)).value());
  print((co_await wait_for(who(), 1)).value());
  print((co_await wait_for(fail(), 1)).error().describe());
  co_return {};
}

TEST_CASE("wait_for: no timeout awaits inline, errors pass through") {
  REQUIRE(run_virtual(inline_main()).ok());
  CHECK(out == std::vector<std::string>{"Task-1", "Task-2", "ValueError: bad"});
}

Task<void> leak_caller() {
  auto waited = co_await wait_for(counted(1, 1), 5);  // cancelled from main
  CHECK(!waited);
  co_return {};
}

Task<void> leak_main() {
  auto timed_out = co_await wait_for(counted(2, 1), 0.1);
  CHECK(!timed_out);
  auto in_time = co_await wait_for(counted(3, 0.1), 1);
  CHECK(in_time.ok());
  auto zero = co_await wait_for(counted(4, 0), 0);
  CHECK(!zero);
  auto caller = create_task(leak_caller());
  (void)co_await aio::sleep(0.1);
  caller.cancel();
  (void)co_await gather(return_exceptions, caller);
  co_return {};
}

TEST_CASE("wait_for: nothing leaks on any path") {
  CountedScope scope;
  REQUIRE(run_virtual(leak_main()).ok());
  CHECK(Counted::constructions() > 0);
  CHECK(Counted::live() == 0);
}

}  // namespace
