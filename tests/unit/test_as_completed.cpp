// aio::as_completed against CPython 3.11.7: each scenario is written twice,
// in Python (the comment, whose output is the expected lines) and in C++.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

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

Task<std::string> slow(std::string name, double delay, bool fail = false) {
  Result<void> slept = co_await aio::sleep(delay);
  if (!slept) {
    print(name + " cancelled");
    co_return slept.error();
  }
  if (fail) {
    print(name + " fails");
    co_return Error(ErrorKind::value_error, name);
  }
  print(name + " done");
  co_return name;
}

/* CPython: results in completion order
import asyncio
async def slow(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for next in asyncio.as_completed([slow("a", 0.3), slow("b", 0.1), slow("c", 0.2)]):
        r = await next
        print(f"{loop.time() - t0:.1f} got {r}")
asyncio.run(main())
*/
Task<void> order_main() {
  std::vector<Task<std::string>> coroutines;
  coroutines.push_back(slow("a", 0.3));
  coroutines.push_back(slow("b", 0.1));
  coroutines.push_back(slow("c", 0.2));
  for (auto next : as_completed(std::move(coroutines))) {
    Result<std::string> r = co_await std::move(next);
    print(now() + " got " + r.value());
  }
  co_return {};
}

TEST_CASE("as_completed: results in completion order") {
  REQUIRE(run_virtual(order_main()).ok());
  CHECK(out == std::vector<std::string>{"b done", "0.1 got b", "c done", "0.2 got c", "a done",
                                        "0.3 got a"});
}

/* CPython: the loop hops of the completion queue
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
    tick = asyncio.create_task(ticker(8))
    a = asyncio.create_task(work("a", 3))
    b = asyncio.create_task(work("b", 0))
    for next in asyncio.as_completed([a, b]):
        print("got", await next)
    await tick
asyncio.run(main())
*/
Task<void> hops_main() {
  auto tick = create_task(ticker(8));
  auto a = create_task(work_hops("a", 3));
  auto b = create_task(work_hops("b", 0));
  std::vector<TaskHandle<std::string>> both{a, b};
  for (auto next : as_completed(both)) {
    Result<std::string> r = co_await std::move(next);
    print("got " + r.value());
  }
  (void)co_await tick;
  co_return {};
}

TEST_CASE("as_completed: CPython's loop hops") {
  REQUIRE(run_virtual(hops_main()).ok());
  CHECK(out == std::vector<std::string>{"tick 0", "b done", "tick 1", "tick 2", "got b",
                                        "tick 3", "a done", "tick 4", "tick 5", "got a",
                                        "tick 6", "tick 7"});
}

/* CPython: after the timeout every remaining awaitable raises TimeoutError
import asyncio
async def slow(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    ts = [asyncio.create_task(slow(n, d)) for n, d in [("a", 0.1), ("b", 0.5), ("c", 0.6)]]
    for next in asyncio.as_completed(ts, timeout=0.3):
        try:
            r = await next
            print(f"{loop.time() - t0:.1f} got {r}")
        except TimeoutError:
            print(f"{loop.time() - t0:.1f} TimeoutError")
    print("still running:", [t.done() for t in ts])
    await asyncio.gather(*ts)
asyncio.run(main())
*/
Task<void> timeout_main() {
  std::vector<TaskHandle<std::string>> ts{create_task(slow("a", 0.1)), create_task(slow("b", 0.5)),
                                          create_task(slow("c", 0.6))};
  for (auto next : as_completed(ts, 0.3)) {
    Result<std::string> r = co_await std::move(next);
    print(now() + " " + (r ? "got " + r.value() : r.error().describe()));
  }
  std::string running;
  for (auto& t : ts) {
    if (!running.empty()) running += ", ";
    running += t.done() ? "True" : "False";
  }
  print("still running: [" + running + "]");
  for (auto& t : ts) (void)co_await t;
  co_return {};
}

TEST_CASE("as_completed: TimeoutError after the timeout") {
  REQUIRE(run_virtual(timeout_main()).ok());
  CHECK(out == std::vector<std::string>{"a done", "0.1 got a", "0.3 TimeoutError",
                                        "0.3 TimeoutError", "still running: [True, False, False]",
                                        "b done", "c done"});
}

/* CPython: errors come back from the awaitable; duplicates count once
import asyncio
async def slow(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        print(f"{name} fails")
        raise ValueError(name)
    print(f"{name} done")
    return name
async def main():
    a = asyncio.create_task(slow("a", 0.2))
    b = asyncio.create_task(slow("b", 0.1, fail=True))
    nexts = list(asyncio.as_completed([a, b, a]))
    print(len(nexts), "awaitables")
    for next in nexts:
        try:
            print("got", await next)
        except ValueError as e:
            print("ValueError:", e)
asyncio.run(main())
*/
Task<void> errors_main() {
  auto a = create_task(slow("a", 0.2));
  auto b = create_task(slow("b", 0.1, true));
  std::vector<TaskHandle<std::string>> three{a, b, a};
  auto completions = as_completed(three);
  print(std::to_string(completions.size()) + " awaitables");
  for (size_t i = 0; i < completions.size(); ++i) {
    Result<std::string> r = co_await completions.next();
    print(r ? "got " + r.value() : r.error().describe());
  }
  co_return {};
}

TEST_CASE("as_completed: errors as results, duplicates count once") {
  REQUIRE(run_virtual(errors_main()).ok());
  CHECK(out == std::vector<std::string>{"2 awaitables", "b fails", "ValueError: b", "a done",
                                        "got a"});
}

Task<void> leak_main() {
  std::vector<Task<Counted>> coroutines;
  coroutines.push_back(counted(1, 0.1));
  coroutines.push_back(counted(2, 0.2, true));
  coroutines.push_back(counted(3, 1));
  for (auto next : as_completed(std::move(coroutines), 0.5)) (void)co_await std::move(next);
  co_return {};  // task 3 is still sleeping: run() cancels it
}

TEST_CASE("as_completed: nothing leaks after a timeout") {
  CountedScope scope;
  REQUIRE(run_virtual(leak_main()).ok());
  CHECK(Counted::constructions() > 0);
  CHECK(Counted::live() == 0);
}

}  // namespace
