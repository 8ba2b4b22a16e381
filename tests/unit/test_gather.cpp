// aio::gather against CPython 3.11.7: each scenario is written twice, in
// Python (the comment, whose output is the expected lines) and in C++.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/aio/gather.hpp"
#include "core/aio/run.hpp"
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
using test_support::work_hops;
using test_support::ticker;
using test_support::counted;

namespace {  // the whole file: scenario names repeat across test files

Task<std::string> work(std::string name, double delay, bool fail = false) {
  Result<void> slept = co_await aio::sleep(delay);
  if (!slept) co_return slept.error();
  if (fail) {
    print(name + " fails");
    co_return Error(ErrorKind::value_error, name);
  }
  print(name + " done");
  co_return name;
}

Task<std::string> child(std::string name, double delay) {
  Result<void> slept = co_await aio::sleep(delay);
  if (!slept) {
    print(name + " cancelled");
    co_return slept.error();
  }
  print(name + " done");
  co_return name;
}

std::string join(const std::vector<std::string>& words) {
  std::string text;
  for (auto& word : words) {
    if (!text.empty()) text += ' ';
    text += word;
  }
  return text;
}

/* CPython: results in argument order; one hop per child callback, one for the waiter
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
    r = await asyncio.gather(work("a", 2), work("b", 0))
    print("gathered", " ".join(r))
    await t
asyncio.run(main())
*/
Task<void> gather_hops_main() {
  TaskHandle<void> t = create_task(ticker(6));
  std::vector<Task<std::string>> children;
  children.push_back(work_hops("a", 2));
  children.push_back(work_hops("b", 0));
  Result<std::vector<std::string>> r = co_await gather(std::move(children));
  print("gathered " + join(r.value()));
  (void)co_await t;
  co_return {};
}

TEST_CASE("gather: results in argument order, with CPython's loop hops") {
  REQUIRE(run_virtual(gather_hops_main()).ok());
  CHECK(out == std::vector<std::string>{"tick 0", "b done", "tick 1", "tick 2", "a done",
                                        "tick 3", "tick 4", "gathered a b", "tick 5"});
}

/* CPython: the first error fails the gather at once; the other children keep running
import asyncio
async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        print(f"{name} fails")
        raise ValueError(name)
    print(f"{name} done")
    return name
async def main():
    g = asyncio.gather(work("a", 0.2), work("b", 0.1, fail=True), work("c", 0.3))
    try:
        await g
    except ValueError as e:
        print(f"main caught ValueError: {e}")
    await asyncio.sleep(0.5)
    print("main end")
asyncio.run(main())
*/
Task<void> first_error_main() {
  std::vector<Task<std::string>> children;
  children.push_back(work("a", 0.2));
  children.push_back(work("b", 0.1, true));
  children.push_back(work("c", 0.3));
  auto g = gather(std::move(children));
  auto r = co_await g;
  if (!r) print("main caught " + r.error().describe());
  (void)co_await aio::sleep(0.5);
  print("main end");
  co_return {};
}

TEST_CASE("gather: the first error fails it at once while the others keep running") {
  REQUIRE(run_virtual(first_error_main()).ok());
  CHECK(out == std::vector<std::string>{"b fails", "main caught ValueError: b", "a done",
                                        "c done", "main end"});
}

/* CPython: return_exceptions=True keeps every outcome, in argument order
import asyncio
async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        print(f"{name} fails")
        raise ValueError(name)
    print(f"{name} done")
    return name
async def main():
    r = await asyncio.gather(work("a", 0.2), work("b", 0.1, fail=True), work("c", 0),
                             return_exceptions=True)
    for x in r:
        print(x if isinstance(x, str) else f"{type(x).__name__}: {x}")
asyncio.run(main())
*/
Task<void> return_exceptions_main() {
  std::vector<Task<std::string>> children;
  children.push_back(work("a", 0.2));
  children.push_back(work("b", 0.1, true));
  children.push_back(work("c", 0));
  auto r = co_await gather(return_exceptions, std::move(children));
  for (auto& x : r.value()) print(x ? x.value() : x.error().describe());
  co_return {};
}

TEST_CASE("gather: return_exceptions collects errors as results") {
  REQUIRE(run_virtual(return_exceptions_main()).ok());
  CHECK(out == std::vector<std::string>{"c done", "b fails", "a done", "a", "ValueError: b",
                                        "c"});
}

/* CPython: cancelling the gather cancels the children; it then fails, not cancelled
import asyncio
async def child(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} done")
    return name
async def main():
    g = asyncio.gather(child("a", 1), child("b", 0.1), child("c", 2))
    await asyncio.sleep(0.5)
    print("cancel returns", g.cancel("enough"))
    try:
        await g
    except asyncio.CancelledError as e:
        print(f"main: CancelledError: {e}; cancelled() = {g.cancelled()}")
    print("cancel again returns", g.cancel())
asyncio.run(main())
*/
Task<void> cancel_gather_main() {
  std::vector<Task<std::string>> children;
  children.push_back(child("a", 1));
  children.push_back(child("b", 0.1));
  children.push_back(child("c", 2));
  auto g = gather(std::move(children));
  (void)co_await aio::sleep(0.5);
  print(std::string("cancel returns ") + (g.cancel("enough") ? "True" : "False"));
  auto r = co_await g;
  print("main: " + r.error().describe() + "; cancelled() = " + (g.cancelled() ? "True" : "False"));
  print(std::string("cancel again returns ") + (g.cancel() ? "True" : "False"));
  co_return {};
}

TEST_CASE("gather: cancelling it cancels every child") {
  REQUIRE(run_virtual(cancel_gather_main()).ok());
  CHECK(out == std::vector<std::string>{"b done", "cancel returns True", "a cancelled",
                                        "c cancelled",
                                        "main: CancelledError: enough; cancelled() = False",
                                        "cancel again returns False"});
}

/* CPython: a cancelled child fails the gather with CancelledError; siblings run on
import asyncio
async def child(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} done")
    return name
async def main():
    a = asyncio.create_task(child("a", 0.3))
    b = asyncio.create_task(child("b", 1))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.1)
    b.cancel("stop b")
    try:
        await g
    except asyncio.CancelledError as e:
        print(f"main: CancelledError: {e}; gather cancelled() = {g.cancelled()}")
    print("a done?", a.done())
    print("a ->", await a)
asyncio.run(main())
*/
Task<void> cancelled_child_main() {
  TaskHandle<std::string> a = create_task(child("a", 0.3));
  TaskHandle<std::string> b = create_task(child("b", 1));
  std::vector<TaskHandle<std::string>> both{a, b};
  auto g = gather(std::move(both));
  (void)co_await aio::sleep(0.1);
  b.cancel("stop b");
  auto r = co_await g;
  print("main: " + r.error().describe() +
        "; gather cancelled() = " + (g.cancelled() ? "True" : "False"));
  print(std::string("a done? ") + (a.done() ? "True" : "False"));
  print("a -> " + (co_await a).value());
  co_return {};
}

TEST_CASE("gather: a cancelled child fails it with CancelledError, siblings keep running") {
  REQUIRE(run_virtual(cancelled_child_main()).ok());
  CHECK(out == std::vector<std::string>{
                   "b cancelled", "main: CancelledError: stop b; gather cancelled() = False",
                   "a done? False", "a done", "a -> a"});
}

/* CPython: cancelling the task awaiting gather(return_exceptions=True) still cancels
import asyncio
async def child(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} done")
    return name
async def waiter(g):
    try:
        return await g
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise
async def main():
    g = asyncio.gather(child("a", 1), child("b", 2), return_exceptions=True)
    w = asyncio.create_task(waiter(g))
    await asyncio.sleep(0.1)
    w.cancel()
    r = await asyncio.gather(w, return_exceptions=True)
    print("w:", type(r[0]).__name__, "cancelled:", w.cancelled())
asyncio.run(main())
*/
using ResultsFuture = GatherFuture<std::vector<Result<std::string>>>;

Task<std::vector<Result<std::string>>> waiter(ResultsFuture g) {
  auto r = co_await g;
  if (!r) print("waiter cancelled");
  co_return r;
}

Task<void> cancel_waiter_main() {
  std::vector<Task<std::string>> children;
  children.push_back(child("a", 1));
  children.push_back(child("b", 2));
  ResultsFuture g = gather(return_exceptions, std::move(children));
  auto w = create_task(waiter(g));
  (void)co_await aio::sleep(0.1);
  w.cancel();
  std::vector<TaskHandle<std::vector<Result<std::string>>>> just_w{w};
  auto r = co_await gather(return_exceptions, std::move(just_w));
  const Result<std::vector<Result<std::string>>>& first = r.value()[0];
  std::string kind = first ? "list" : error_kind_name(first.error().kind());
  print("w: " + kind + " cancelled: " + (w.cancelled() ? "True" : "False"));
  co_return {};
}

TEST_CASE("gather: cancelling its awaiter cancels it, even with return_exceptions") {
  REQUIRE(run_virtual(cancel_waiter_main()).ok());
  CHECK(out == std::vector<std::string>{"a cancelled", "b cancelled", "waiter cancelled",
                                        "w: CancelledError cancelled: True"});
}

/* CPython: a cancelled task's message does not reach return_exceptions results; a future's does
import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    f = asyncio.get_running_loop().create_future()
    g = asyncio.gather(t, f, return_exceptions=True)
    await asyncio.sleep(0)
    t.cancel("stop t")
    f.cancel("stop f")
    for x in await g:
        print(repr(x))
asyncio.run(main())
*/
Task<void> cancel_messages_main() {
  auto t = create_task([]() -> Task<void> { co_return co_await aio::sleep(1); }());
  auto f = Future<void>::create(*Loop::running());
  auto g = gather(return_exceptions, t, f);
  (void)co_await aio::sleep(0);
  t.cancel("stop t");
  f->cancel("stop f");
  auto [from_task, from_future] = (co_await g).value();
  print("CancelledError('" + from_task.error().message() + "')");
  print("CancelledError('" + from_future.error().message() + "')");
  co_return {};
}

TEST_CASE("gather: return_exceptions keeps a future's cancel message, not a task's") {
  REQUIRE(run_virtual(cancel_messages_main()).ok());
  CHECK(out == std::vector<std::string>{"CancelledError('')", "CancelledError('stop f')"});
}

/* CPython: gather over mixed types; a coroutine returning None
import asyncio
async def number():
    await asyncio.sleep(0.1)
    return 7
async def text():
    return "seven"
async def nothing():
    await asyncio.sleep(0)
async def main():
    n, t, z = await asyncio.gather(number(), text(), nothing())
    print(n, t, z)
asyncio.run(main())
*/
Task<int> number() {
  (void)co_await aio::sleep(0.1);
  co_return 7;
}
Task<std::string> text() { co_return std::string("seven"); }
Task<void> nothing() {
  (void)co_await aio::sleep(0);
  co_return {};
}

Task<void> mixed_main() {
  auto r = co_await gather(number(), text(), nothing());
  auto [n, t, z] = r.value();
  static_assert(std::is_same_v<decltype(z), std::monostate>);
  print(std::to_string(n) + " " + t + " None");
  co_return {};
}

TEST_CASE("gather: a parameter pack of mixed types gives a tuple") {
  REQUIRE(run_virtual(mixed_main()).ok());
  CHECK(out == std::vector<std::string>{"7 seven None"});
}

/* CPython: the same task twice is watched once and reported twice
import asyncio
async def work(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name
async def main():
    t = asyncio.create_task(work("a", 0.1))
    print(" ".join(await asyncio.gather(t, t, work("b", 0))))
    print(await asyncio.gather())
asyncio.run(main())
*/
Task<void> duplicates_main() {
  auto t = create_task(work("a", 0.1));
  auto [first, again, b] = (co_await gather(t, t, work("b", 0))).value();
  print(first + " " + again + " " + b);
  auto empty = gather(std::vector<TaskHandle<std::string>>{});
  CHECK(empty.done());
  print((co_await empty).value().empty() ? "[]" : "?");
  co_return {};
}

TEST_CASE("gather: duplicate children, gather of nothing") {
  REQUIRE(run_virtual(duplicates_main()).ok());
  CHECK(out == std::vector<std::string>{"b done", "a done", "a a b", "[]"});
}

Task<void> leak_main() {
  std::vector<Task<Counted>> failing;
  failing.push_back(counted(1, 0.1));
  failing.push_back(counted(2, 0.05, true));
  failing.push_back(counted(3, 0.3));
  auto failed = co_await gather(std::move(failing));  // 1 and 3 still run; run() cancels them
  CHECK(!failed);
  std::vector<Task<Counted>> to_cancel;
  to_cancel.push_back(counted(4, 0.1));
  to_cancel.push_back(counted(5, 0.2));
  auto g = gather(return_exceptions, std::move(to_cancel));
  (void)co_await aio::sleep(0.01);
  g.cancel();
  auto cancelled = co_await g;
  CHECK(!cancelled);
  auto both = co_await gather(counted(6, 0), counted(7, 0.1, true));
  CHECK(!both);
  co_return {};
}

TEST_CASE("gather: nothing leaks, whether it succeeds, fails or is cancelled") {
  CountedScope scope;
  REQUIRE(run_virtual(leak_main()).ok());
  CHECK(Counted::constructions() > 0);
  CHECK(Counted::live() == 0);
}

}  // namespace
