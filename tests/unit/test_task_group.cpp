// aio::TaskGroup against CPython 3.11.7's asyncio.TaskGroup: each scenario
// is written twice, in Python (the comment, whose output is the expected
// lines) and in C++. `async with TaskGroup() as g: body` reads here
// `TaskGroup g; Result<void> body = ...; co_await g.wait(body);`.
// CPython cancels the siblings of a failed child in set order, so every
// scenario keeps at most one sibling running when that happens.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/aio/gather.hpp"
#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/aio/task_group.hpp"
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
using test_support::counted;

namespace {  // the whole file: scenario names repeat across test files

// Python's show(): a group as its message, then its members indented.
void show(const Error& error, const std::string& indent = "") {
  if (!error.is(ErrorKind::exception_group)) return print(indent + error.describe());
  print(indent + "group: " + error.message());
  for (const Error& member : error.children()) show(member, indent + "  ");
}

// A child that sleeps `delay` (0: one hop), then returns or fails.
Task<std::string> child(std::string name, double delay, bool fail = false) {
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

/* CPython: the group waits for every child
import asyncio
async def child(name, delay, fail=False):
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
async def main():
    async with asyncio.TaskGroup() as g:
        a = g.create_task(child("a", 0.2))
        b = g.create_task(child("b", 0.1))
        print("body done")
    print("after group:", a.result(), b.result())
    try:
        g.create_task(child("late", 0))
    except RuntimeError as e:
        print("RuntimeError:", e)
asyncio.run(main())
*/
Task<void> success_main() {
  TaskGroup g;
  auto a = g.create_task(child("a", 0.2)).value();
  auto b = g.create_task(child("b", 0.1)).value();
  print("body done");
  Result<void> r = co_await g.wait();
  CHECK(r.ok());
  print("after group: " + a.result().value() + " " + b.result().value());
  print(g.create_task(child("late", 0)).error().describe());
  co_return {};
}

TEST_CASE("TaskGroup: waits for every child") {
  REQUIRE(run_virtual(success_main()).ok());
  CHECK(out == std::vector<std::string>{"body done", "b done", "a done", "after group: a b",
                                        "RuntimeError: TaskGroup <TaskGroup entered> is finished"});
}

/* CPython: a failing child cancels its sibling and the body; errors come back as a group
import asyncio
async def child(name, delay, fail=False):
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
def show(e, indent=""):
    if isinstance(e, BaseExceptionGroup):
        print(f"{indent}group: {e}")
        for x in e.exceptions:
            show(x, indent + "  ")
    else:
        print(f"{indent}{type(e).__name__}: {e}")
async def main():
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(child("a", 0.3))
            g.create_task(child("b", 0.1, fail=True))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body cancelled")
                try:
                    g.create_task(child("late", 0))
                except RuntimeError as e:
                    print("RuntimeError:", e)
                raise
    except BaseExceptionGroup as eg:
        show(eg)
    print("parent goes on; cancelling:", asyncio.current_task().cancelling())
asyncio.run(main())
*/
Task<void> failure_main() {
  TaskGroup g;
  (void)g.create_task(child("a", 0.3));
  (void)g.create_task(child("b", 0.1, true));
  Result<void> body = co_await aio::sleep(1);
  if (!body) {
    print("body cancelled");
    print(g.create_task(child("late", 0)).error().describe());
  }
  Result<void> r = co_await g.wait(body);
  show(r.error());
  print("parent goes on; cancelling: " + std::to_string(current_task()->cancelling()));
  co_return {};
}

TEST_CASE("TaskGroup: a failing child cancels the rest, errors come back as a group") {
  REQUIRE(run_virtual(failure_main()).ok());
  CHECK(out == std::vector<std::string>{
                   "b fails", "a cancelled", "body cancelled",
                   "RuntimeError: TaskGroup <TaskGroup tasks=1 errors=1 cancelling> is shutting "
                   "down",
                   "group: unhandled errors in a TaskGroup (1 sub-exception)", "  ValueError: b",
                   "parent goes on; cancelling: 0"});
}

/* CPython: children failing together are all collected; the body's own error joins them
import asyncio
async def child(name, delay, fail=False):
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
def show(e, indent=""):
    if isinstance(e, BaseExceptionGroup):
        print(f"{indent}group: {e}")
        for x in e.exceptions:
            show(x, indent + "  ")
    else:
        print(f"{indent}{type(e).__name__}: {e}")
async def main():
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(child("a", 1))
            g.create_task(child("b", 0, fail=True))
            g.create_task(child("c", 0, fail=True))
    except BaseExceptionGroup as eg:
        show(eg)
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(child("d", 1))
            await asyncio.sleep(0.1)
            raise ValueError("body")
    except BaseExceptionGroup as eg:
        show(eg)
asyncio.run(main())
*/
Task<void> collect_main() {
  {
    TaskGroup g;
    (void)g.create_task(child("a", 1));
    (void)g.create_task(child("b", 0, true));
    (void)g.create_task(child("c", 0, true));
    show((co_await g.wait()).error());
  }
  TaskGroup g;
  (void)g.create_task(child("d", 1));
  Result<void> slept = co_await aio::sleep(0.1);
  CHECK(slept.ok());
  show((co_await g.wait(Error(ErrorKind::value_error, "body"))).error());
  co_return {};
}

TEST_CASE("TaskGroup: collects every error, the body's too") {
  REQUIRE(run_virtual(collect_main()).ok());
  CHECK(out == std::vector<std::string>{
                   "b fails", "c fails", "a cancelled",
                   "group: unhandled errors in a TaskGroup (2 sub-exceptions)", "  ValueError: b",
                   "  ValueError: c", "d cancelled",
                   "group: unhandled errors in a TaskGroup (1 sub-exception)",
                   "  ValueError: body"});
}

/* CPython: nested groups — the inner group's error is a member of the outer's
import asyncio
async def child(name, delay, fail=False):
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
def show(e, indent=""):
    if isinstance(e, BaseExceptionGroup):
        print(f"{indent}group: {e}")
        for x in e.exceptions:
            show(x, indent + "  ")
    else:
        print(f"{indent}{type(e).__name__}: {e}")
async def inner_group():
    async with asyncio.TaskGroup() as g:
        g.create_task(child("x", 0.1, fail=True))
        g.create_task(child("y", 0.5))
    print("not reached")
async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group())
            outer.create_task(child("z", 1))
    except BaseExceptionGroup as eg:
        show(eg)
asyncio.run(main())
*/
Task<void> inner_group() {
  TaskGroup g;
  (void)g.create_task(child("x", 0.1, true));
  (void)g.create_task(child("y", 0.5));
  Result<void> r = co_await g.wait();
  if (!r) co_return r.error();
  print("not reached");
  co_return {};
}

Task<void> nested_main() {
  TaskGroup outer;
  (void)outer.create_task(inner_group());
  (void)outer.create_task(child("z", 1));
  show((co_await outer.wait()).error());
  co_return {};
}

TEST_CASE("TaskGroup: nested groups") {
  REQUIRE(run_virtual(nested_main()).ok());
  CHECK(out == std::vector<std::string>{
                   "x fails", "y cancelled", "z cancelled",
                   "group: unhandled errors in a TaskGroup (1 sub-exception)",
                   "  group: unhandled errors in a TaskGroup (1 sub-exception)",
                   "    ValueError: x"});
}

/* CPython: cancelling the parent cancels the children and propagates CancelledError
import asyncio
async def child(name, delay, fail=False):
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
async def parent(body_delay):
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(child("a", 1))
            if body_delay:
                await asyncio.sleep(body_delay)
    except asyncio.CancelledError:
        print("parent: CancelledError")
        raise
async def main():
    for body_delay in (0.5, 0):
        p = asyncio.create_task(parent(body_delay))
        await asyncio.sleep(0.1)
        p.cancel()
        await asyncio.gather(p, return_exceptions=True)
        print("parent cancelled:", p.cancelled())
asyncio.run(main())
*/
Task<void> parent(double body_delay) {
  TaskGroup g;
  (void)g.create_task(child("a", 1));
  Result<void> body;
  if (body_delay > 0) body = co_await aio::sleep(body_delay);
  Result<void> r = co_await g.wait(body);
  if (!r && r.error().is(ErrorKind::cancelled)) print("parent: CancelledError");
  co_return r;
}

Task<void> cancel_parent_main() {
  for (double body_delay : {0.5, 0.0}) {
    auto p = create_task(parent(body_delay));
    (void)co_await aio::sleep(0.1);
    p.cancel();
    (void)co_await gather(return_exceptions, p);
    print("parent cancelled: " + boolean(p.cancelled()));
  }
  co_return {};
}

TEST_CASE("TaskGroup: cancelling the parent cancels the children") {
  REQUIRE(run_virtual(cancel_parent_main()).ok());
  CHECK(out == std::vector<std::string>{"a cancelled", "parent: CancelledError",
                                        "parent cancelled: True", "a cancelled",
                                        "parent: CancelledError", "parent cancelled: True"});
}

Task<void> leak_inner_group() {
  TaskGroup g;
  (void)g.create_task(counted(1, 0.1, true));
  (void)g.create_task(counted(2, 1));
  co_return co_await g.wait();
}

Task<void> leak_main() {
  TaskGroup outer;
  (void)outer.create_task(leak_inner_group());
  (void)outer.create_task(counted(3, 1));
  Result<void> body = co_await aio::sleep(1);
  auto outer_outcome = co_await outer.wait(body);
  CHECK(!outer_outcome);
  TaskGroup fine;
  (void)fine.create_task(counted(4, 0.1));
  auto fine_outcome = co_await fine.wait();
  CHECK(fine_outcome.ok());
  co_return {};
}

TEST_CASE("TaskGroup: nothing leaks") {
  CountedScope scope;
  REQUIRE(run_virtual(leak_main()).ok());
  CHECK(Counted::constructions() > 0);
  CHECK(Counted::live() == 0);
}

}  // namespace
