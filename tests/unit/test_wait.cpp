// aio::wait against CPython 3.11.7: each scenario is written twice, in
// Python (the comment, whose output is the expected lines) and in C++.
// CPython returns sets; the snippets print them sorted by task name, which
// here is argument order, the order aio::wait documents.
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

using Tasks = std::vector<TaskHandle<std::string>>;

// Python: " ".join(sorted(t.get_name() for t in tasks)) or "-"
std::string names(const Tasks& tasks) {
  std::string text;
  for (auto& task : tasks) {
    if (!text.empty()) text += ' ';
    text += task.name();
  }
  return text.empty() ? "-" : text;
}

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

Task<void> cancel_all(Tasks tasks) {
  for (auto& task : tasks) task.cancel();
  (void)co_await gather(return_exceptions, std::move(tasks));
  co_return {};
}

/* CPython: ALL_COMPLETED, with CPython's loop hops
import asyncio
async def work(name, hops):
    for _ in range(hops): await asyncio.sleep(0)
    print(f"{name} done")
    return name
async def ticker(count):
    for i in range(count):
        print(f"tick {i}")
        await asyncio.sleep(0)
names = lambda ts: " ".join(sorted(t.get_name() for t in ts)) or "-"
async def main():
    tick = asyncio.create_task(ticker(6))
    a = asyncio.create_task(work("a", 1), name="a")
    b = asyncio.create_task(work("b", 0), name="b")
    done, pending = await asyncio.wait([a, b])
    print("done", names(done), "pending", names(pending))
    await tick
asyncio.run(main())
*/
Task<void> all_completed_main() {
  auto tick = create_task(ticker(6));
  auto a = create_task(work_hops("a", 1), "a");
  auto b = create_task(work_hops("b", 0), "b");
  Tasks both{a, b};
  auto r = (co_await wait(both)).value();
  print("done " + names(r.done) + " pending " + names(r.pending));
  (void)co_await tick;
  co_return {};
}

TEST_CASE("wait: ALL_COMPLETED, with CPython's loop hops") {
  REQUIRE(run_virtual(all_completed_main()).ok());
  CHECK(out == std::vector<std::string>{"tick 0", "b done", "tick 1", "a done", "tick 2",
                                        "tick 3", "done a b pending -", "tick 4", "tick 5"});
}

/* CPython: FIRST_COMPLETED, FIRST_EXCEPTION and a timeout
import asyncio
async def slow(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    if fail:
        print(f"{name} fails")
        raise ValueError(name)
    print(f"{name} done")
    return name
names = lambda ts: " ".join(sorted(t.get_name() for t in ts)) or "-"
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    now = lambda: f"{loop.time() - t0:.1f}"
    ts = [asyncio.create_task(slow(n, d), name=n) for n, d in [("a", 0.5), ("b", 0.1), ("c", 0.3)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(now(), "first completed:", names(done), "pending", names(pending))
    done, pending = await asyncio.wait(ts, timeout=0.1)
    print(now(), "timeout:", names(done), "pending", names(pending))
    more = [asyncio.create_task(slow(n, d, f), name=n)
            for n, d, f in [("d", 0.4, False), ("e", 0.2, True), ("f", 0.05, False)]]
    done, pending = await asyncio.wait(more, return_when=asyncio.FIRST_EXCEPTION)
    print(now(), "first exception:", names(done), "pending", names(pending))
    # e has failed already: its callback, scheduled at once, ends the wait
    done, pending = await asyncio.wait(more, return_when=asyncio.FIRST_EXCEPTION)
    print(now(), "again:", names(done), "pending", names(pending))
    for t in ts + more:
        t.cancel()
    await asyncio.gather(*ts, *more, return_exceptions=True)
asyncio.run(main())
*/
Task<void> return_when_main() {
  Tasks ts{create_task(slow("a", 0.5), "a"), create_task(slow("b", 0.1), "b"),
           create_task(slow("c", 0.3), "c")};
  auto r = (co_await wait(ts, std::nullopt, ReturnWhen::first_completed)).value();
  print(now() + " first completed: " + names(r.done) + " pending " + names(r.pending));
  r = (co_await wait(ts, 0.1)).value();
  print(now() + " timeout: " + names(r.done) + " pending " + names(r.pending));
  Tasks more{create_task(slow("d", 0.4), "d"), create_task(slow("e", 0.2, true), "e"),
             create_task(slow("f", 0.05), "f")};
  r = (co_await wait(more, std::nullopt, ReturnWhen::first_exception)).value();
  print(now() + " first exception: " + names(r.done) + " pending " + names(r.pending));
  r = (co_await wait(more, std::nullopt, ReturnWhen::first_exception)).value();
  print(now() + " again: " + names(r.done) + " pending " + names(r.pending));
  ts.insert(ts.end(), more.begin(), more.end());
  (void)co_await cancel_all(ts);
  co_return {};
}

TEST_CASE("wait: FIRST_COMPLETED, FIRST_EXCEPTION, timeout") {
  REQUIRE(run_virtual(return_when_main()).ok());
  CHECK(out == std::vector<std::string>{
                   "b done", "0.1 first completed: b pending a c", "0.2 timeout: b pending a c",
                   "f done", "c done", "e fails", "0.4 first exception: e f pending d",
                   "0.4 again: e f pending d", "a cancelled", "d cancelled"});
}

/* CPython: an empty wait; cancelling the waiter leaves the tasks running; duplicates
import asyncio
async def slow(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} done")
    return name
async def waiter(ts):
    try:
        await asyncio.wait(ts)
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise
async def main():
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    a = asyncio.create_task(slow("a", 0.3), name="a")
    w = asyncio.create_task(waiter([a]))
    await asyncio.sleep(0.1)
    w.cancel()
    await asyncio.gather(w, return_exceptions=True)
    print("a cancelled:", a.cancelled())
    done, pending = await asyncio.wait([a, a])
    print("done", len(done), "pending", len(pending))
asyncio.run(main())
*/
Task<void> waiter(Tasks tasks) {
  auto r = co_await wait(std::move(tasks));
  if (!r) {
    print("waiter cancelled");
    co_return r.error();
  }
  co_return {};
}

Task<void> edges_main() {
  Tasks none;
  auto empty = co_await wait(none);
  print(empty.error().describe());
  auto a = create_task(slow("a", 0.3), "a");
  Tasks just_a{a};
  auto w = create_task(waiter(just_a));
  (void)co_await aio::sleep(0.1);
  w.cancel();
  (void)co_await gather(return_exceptions, w);
  print(std::string("a cancelled: ") + (a.cancelled() ? "True" : "False"));
  Tasks twice{a, a};
  auto r = (co_await wait(twice)).value();
  print("done " + std::to_string(r.done.size()) + " pending " + std::to_string(r.pending.size()));
  co_return {};
}

TEST_CASE("wait: empty, cancelled waiter, duplicates") {
  REQUIRE(run_virtual(edges_main()).ok());
  CHECK(out == std::vector<std::string>{"ValueError: Set of Tasks/Futures is empty.",
                                        "waiter cancelled", "a cancelled: False", "a done",
                                        "done 1 pending 0"});
}

Task<void> leak_main() {
  std::vector<TaskHandle<Counted>> ts{create_task(counted(1, 0.1)), create_task(counted(2, 1)),
                                      create_task(counted(3, 0.2, true))};
  auto first = co_await wait(ts, std::nullopt, ReturnWhen::first_exception);
  CHECK(first.value().pending.size() == 1);
  auto timed_out = co_await wait(ts, 0.1);  // task 2 is left for run() to cancel
  CHECK(timed_out.value().pending.size() == 1);
  co_return {};
}

TEST_CASE("wait: nothing leaks, pending tasks included") {
  CountedScope scope;
  REQUIRE(run_virtual(leak_main()).ok());
  CHECK(Counted::constructions() > 0);
  CHECK(Counted::live() == 0);
}

}  // namespace
