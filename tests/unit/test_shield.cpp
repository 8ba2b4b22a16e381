// aio::shield against CPython 3.11.7: each scenario is written twice, in
// Python (the comment, whose output is the expected lines) and in C++.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/aio/gather.hpp"
#include "core/aio/run.hpp"
#include "core/aio/shield.hpp"
#include "core/aio/sleep.hpp"
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
using test_support::boolean;
using test_support::work_hops;
using test_support::ticker;
using test_support::counted;

namespace {  // the whole file: scenario names repeat across test files

Task<std::string> inner(double delay, bool fail = false) {
  Result<void> slept = co_await aio::sleep(delay);
  if (!slept) {
    print("inner cancelled");
    co_return slept.error();
  }
  if (fail) co_return Error(ErrorKind::value_error, "inner failed");
  print("inner done");
  co_return std::string("inner");
}

/* CPython: cancelling the task awaiting the shield leaves the inner task running
import asyncio
async def inner(delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise
    print("inner done")
    return "inner"
async def caller(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("caller cancelled")
        raise
async def main():
    t = asyncio.create_task(inner(0.3))
    c = asyncio.create_task(caller(t))
    await asyncio.sleep(0.1)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print("c cancelled:", c.cancelled(), "t done:", t.done())
    print("t ->", await t)
asyncio.run(main())
*/
Task<std::string> caller(TaskHandle<std::string> t) {
  Result<std::string> r = co_await shield(t);
  if (!r) print("caller cancelled");
  co_return r;
}

Task<void> survive_main() {
  auto t = create_task(inner(0.3));
  auto c = create_task(caller(t));
  (void)co_await aio::sleep(0.1);
  c.cancel();
  (void)co_await gather(return_exceptions, c);
  print("c cancelled: " + boolean(c.cancelled()) + " t done: " + boolean(t.done()));
  print("t -> " + (co_await t).value());
  co_return {};
}

TEST_CASE("shield: the inner task survives the outer cancel") {
  REQUIRE(run_virtual(survive_main()).ok());
  CHECK(out == std::vector<std::string>{"caller cancelled", "c cancelled: True t done: False",
                                        "inner done", "t -> inner"});
}

/* CPython: cancelling the inner cancels the shield; its errors pass through
import asyncio
async def inner(delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise
    if fail:
        raise ValueError("inner failed")
    print("inner done")
    return "inner"
async def main():
    t = asyncio.create_task(inner(0.3))
    s = asyncio.shield(t)
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("shield cancelled:", s.cancelled())
    try:
        await asyncio.shield(inner(0.1, fail=True))
    except ValueError as e:
        print("ValueError:", e)
asyncio.run(main())
*/
Task<void> inner_cancelled_main() {
  auto t = create_task(inner(0.3));
  auto s = shield(t);
  (void)co_await aio::sleep(0.1);
  t.cancel();
  Result<std::string> r = co_await s;
  if (!r && r.error().is(ErrorKind::cancelled)) {
    print("shield cancelled: " + boolean(s->cancelled()));
  }
  print((co_await shield(inner(0.1, true))).error().describe());
  co_return {};
}

TEST_CASE("shield: a cancelled inner cancels the shield, errors pass through") {
  REQUIRE(run_virtual(inner_cancelled_main()).ok());
  CHECK(out == std::vector<std::string>{"inner cancelled", "shield cancelled: True",
                                        "ValueError: inner failed"});
}

/* CPython: a shield of a done task is done; otherwise two hops after the inner
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
    s = asyncio.shield(t)
    print("done at once:", s.done(), await s)
    tick = asyncio.create_task(ticker(6))
    print("got", await asyncio.shield(work("b", 1)))
    await tick
asyncio.run(main())
*/
Task<void> hops_main() {
  auto t = create_task(work_hops("a", 0));
  (void)co_await aio::sleep(0);
  auto s = shield(t);
  bool done = s->done();
  print("done at once: " + boolean(done) + " " + (co_await s).value());
  auto tick = create_task(ticker(6));
  print("got " + (co_await shield(work_hops("b", 1))).value());
  (void)co_await tick;
  co_return {};
}

TEST_CASE("shield: a done inner, and CPython's loop hops") {
  REQUIRE(run_virtual(hops_main()).ok());
  CHECK(out == std::vector<std::string>{"a done", "done at once: True a", "tick 0", "tick 1",
                                        "b done", "tick 2", "tick 3", "got b", "tick 4",
                                        "tick 5"});
}

Task<Counted> leak_caller(TaskHandle<Counted> inner) { co_return co_await shield(inner); }

Task<void> leak_main() {
  auto inner = create_task(counted(1, 0.3));
  auto caller = create_task(leak_caller(inner));
  (void)co_await aio::sleep(0.1);
  caller.cancel();
  (void)co_await gather(return_exceptions, caller);
  auto shielded = co_await shield(counted(2, 0.1));
  CHECK(shielded.ok());
  auto left = shield(counted(3, 1));  // main ends first: run() cancels the inner task
  co_return {};
}

TEST_CASE("shield: nothing leaks") {
  CountedScope scope;
  REQUIRE(run_virtual(leak_main()).ok());
  CHECK(Counted::constructions() > 0);
  CHECK(Counted::live() == 0);
}

}  // namespace
