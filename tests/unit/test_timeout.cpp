// aio::Timeout against CPython 3.11.7's asyncio.timeout(): each scenario is
// written twice, in Python (the comment, whose output is the expected lines)
// and in C++. `async with asyncio.timeout(d) as cm: r = await x` reads here
// `Timeout cm = timeout(d); r = cm.finish(co_await x);`.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/aio/gather.hpp"
#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/aio/timeout.hpp"
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
using test_support::boolean;
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

/* CPython: expiring turns the CancelledError into TimeoutError; in time, nothing changes
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
    now = lambda: f"{loop.time() - t0:.1f}"
    try:
        async with asyncio.timeout(0.1) as cm:
            await slow("a", 1)
    except TimeoutError:
        print(f"{now()} TimeoutError expired={cm.expired()}")
    async with asyncio.timeout(1) as cm:
        r = await slow("b", 0.1)
    print(f"{now()} got {r} expired={cm.expired()}")
    print("cancelling:", asyncio.current_task().cancelling())
asyncio.run(main())
*/
Task<void> expire_main() {
  {
    Timeout cm = timeout(0.1);
    Result<std::string> r = cm.finish(co_await slow("a", 1));
    print(now() + " " + r.error().describe() + " expired=" + boolean(cm.expired()));
  }
  Timeout cm = timeout(1);
  Result<std::string> r = cm.finish(co_await slow("b", 0.1));
  print(now() + " got " + r.value() + " expired=" + boolean(cm.expired()));
  print("cancelling: " + std::to_string(current_task()->cancelling()));
  co_return {};
}

TEST_CASE("timeout: expiring gives TimeoutError, finishing in time does not") {
  REQUIRE(run_virtual(expire_main()).ok());
  CHECK(out == std::vector<std::string>{"a cancelled", "0.1 TimeoutError expired=True", "b done",
                                        "0.2 got b expired=False", "cancelling: 0"});
}

/* CPython: reschedule() moves the deadline; after the scope it is refused
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
    now = lambda: f"{loop.time() - t0:.1f}"
    async with asyncio.timeout(0.1) as cm:
        cm.reschedule(loop.time() + 0.3)
        await slow("a", 0.2)
    print(f"{now()} in time, expired={cm.expired()}")
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when())
            cm.reschedule(loop.time() + 0.1)
            await slow("b", 1)
    except TimeoutError:
        print(f"{now()} TimeoutError")
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with asyncio.timeout(5) as cm:
            cm.reschedule(loop.time() - 1)  # already passed: fires on the next iteration
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print(f"{now()} TimeoutError at once")
asyncio.run(main())
*/
Task<void> reschedule_main() {
  Loop& loop = *Loop::running();
  {
    Timeout cm = timeout(0.1);
    CHECK(cm.reschedule(loop.time() + 0.3).ok());
    Result<std::string> r = cm.finish(co_await slow("a", 0.2));
    CHECK(r.ok());
    print(now() + " in time, expired=" + boolean(cm.expired()));
  }
  Timeout cm = timeout(std::nullopt);
  print(std::string("when: ") + (cm.when() ? "?" : "None"));
  CHECK(cm.reschedule(loop.time() + 0.1).ok());
  Result<std::string> r = cm.finish(co_await slow("b", 1));
  if (!r && r.error().is(ErrorKind::timeout)) print(now() + " TimeoutError");
  print(cm.reschedule(std::nullopt).error().describe());
  Timeout soon = timeout(5);
  CHECK(soon.reschedule(loop.time() - 1).ok());
  Result<void> slept = soon.finish(co_await aio::sleep(0));
  if (slept) print("not reached");
  if (!slept && slept.error().is(ErrorKind::timeout)) print(now() + " TimeoutError at once");
  co_return {};
}

TEST_CASE("timeout: reschedule") {
  REQUIRE(run_virtual(reschedule_main()).ok());
  CHECK(out == std::vector<std::string>{"a done", "0.2 in time, expired=False", "when: None",
                                        "b cancelled", "0.3 TimeoutError",
                                        "RuntimeError: Cannot change state of expired Timeout",
                                        "0.3 TimeoutError at once"});
}

/* CPython: nested scopes — only the one that expired converts
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
    async with asyncio.timeout(1) as outer:
        try:
            async with asyncio.timeout(0.1) as inner:
                await slow("a", 0.5)
        except TimeoutError:
            print("inner TimeoutError", inner.expired(), outer.expired())
        r = await slow("b", 0.1)
    print("outer expired:", outer.expired(), r)
    try:
        async with asyncio.timeout(0.1) as outer:
            async with asyncio.timeout(1) as inner:
                await slow("c", 0.5)
    except TimeoutError:
        print("outer TimeoutError", inner.expired(), outer.expired())
asyncio.run(main())
*/
Task<void> nested_main() {
  {
    Timeout outer = timeout(1);
    {
      Timeout inner = timeout(0.1);
      Result<std::string> r = inner.finish(co_await slow("a", 0.5));
      if (!r && r.error().is(ErrorKind::timeout)) {
        print("inner TimeoutError " + boolean(inner.expired()) + " " + boolean(outer.expired()));
      }
    }
    Result<std::string> r = outer.finish(co_await slow("b", 0.1));
    print("outer expired: " + boolean(outer.expired()) + " " + r.value());
  }
  Timeout outer = timeout(0.1);
  Timeout inner = timeout(1);
  Result<std::string> r = outer.finish(inner.finish(co_await slow("c", 0.5)));
  if (!r && r.error().is(ErrorKind::timeout)) {
    print("outer TimeoutError " + boolean(inner.expired()) + " " + boolean(outer.expired()));
  }
  co_return {};
}

TEST_CASE("timeout: nested scopes") {
  REQUIRE(run_virtual(nested_main()).ok());
  CHECK(out == std::vector<std::string>{"a cancelled", "inner TimeoutError True False", "b done",
                                        "outer expired: False b", "c cancelled",
                                        "outer TimeoutError False True"});
}

/* CPython: a cancel from outside stays CancelledError, even when the scope expired too
import asyncio
async def slow(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    print(f"{name} done")
    return name
async def guarded():
    try:
        async with asyncio.timeout(1):
            await slow("a", 2)
    except asyncio.CancelledError:
        print("guarded: CancelledError")
        raise
async def both():
    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("both: body cancelled, another cancel arrives")
                asyncio.current_task().cancel()
                raise
    except asyncio.CancelledError:
        print("both: stays CancelledError")
    except TimeoutError:
        print("both: TimeoutError")
async def main():
    g = asyncio.create_task(guarded())
    await asyncio.sleep(0.1)
    g.cancel()
    await asyncio.gather(g, return_exceptions=True)
    print("guarded cancelled:", g.cancelled())
    b = asyncio.create_task(both())
    await asyncio.gather(b, return_exceptions=True)
    print("both cancelled:", b.cancelled())
asyncio.run(main())
*/
Task<void> guarded() {
  Timeout scope = timeout(1);
  Result<std::string> r = scope.finish(co_await slow("a", 2));
  if (!r && r.error().is(ErrorKind::cancelled)) print("guarded: CancelledError");
  if (!r) co_return r.error();
  co_return {};
}

Task<void> both() {
  Timeout scope = timeout(0.1);
  Result<void> slept = co_await aio::sleep(1);
  if (!slept) {
    print("both: body cancelled, another cancel arrives");
    current_task()->cancel();
  }
  Result<void> r = scope.finish(slept);
  if (!r && r.error().is(ErrorKind::cancelled)) print("both: stays CancelledError");
  if (!r && r.error().is(ErrorKind::timeout)) print("both: TimeoutError");
  co_return {};
}

Task<void> outside_cancel_main() {
  auto g = create_task(guarded());
  (void)co_await aio::sleep(0.1);
  g.cancel();
  (void)co_await gather(return_exceptions, g);
  print("guarded cancelled: " + boolean(g.cancelled()));
  auto b = create_task(both());
  (void)co_await gather(return_exceptions, b);
  print("both cancelled: " + boolean(b.cancelled()));
  co_return {};
}

TEST_CASE("timeout: a cancel from outside is not turned into TimeoutError") {
  REQUIRE(run_virtual(outside_cancel_main()).ok());
  CHECK(out == std::vector<std::string>{"a cancelled", "guarded: CancelledError",
                                        "guarded cancelled: True",
                                        "both: body cancelled, another cancel arrives",
                                        "both: stays CancelledError", "both cancelled: True"});
}

/* CPython: work finishing exactly at the deadline — the timeout wins both ways
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
        async with asyncio.timeout(0.2):
            print("got", await slow("a", 0.2))
    except TimeoutError:
        print("a: TimeoutError")
    t = asyncio.create_task(slow("b", 0.2))
    await asyncio.sleep(0)  # b's timer is scheduled before the timeout's
    try:
        async with asyncio.timeout(0.2):
            print("got", await t)
    except TimeoutError:
        print("b: TimeoutError")
asyncio.run(main())
*/
Task<void> deadline_race_main() {
  {
    Timeout scope = timeout(0.2);
    Result<std::string> a = scope.finish(co_await slow("a", 0.2));
    print(a ? "got " + a.value() : "a: " + a.error().describe());
  }
  auto t = create_task(slow("b", 0.2));
  (void)co_await aio::sleep(0);
  Timeout scope = timeout(0.2);
  Result<std::string> b = scope.finish(co_await t);
  print(b ? "got " + b.value() : "b: " + b.error().describe());
  co_return {};
}

TEST_CASE("timeout: work finishing exactly at the deadline") {
  REQUIRE(run_virtual(deadline_race_main()).ok());
  CHECK(out == std::vector<std::string>{"a cancelled", "a: TimeoutError", "b cancelled",
                                        "b: TimeoutError"});
}

/* CPython: the one-awaitable helper, like `async with timeout(d): return await x`
import asyncio
async def value(delay):
    await asyncio.sleep(delay)
    return 42
async def with_timeout(delay, aw):
    async with asyncio.timeout(delay):
        return await aw
async def main():
    print(await with_timeout(1, value(0.1)))
    try:
        await with_timeout(0.1, value(1))
    except TimeoutError:
        print("TimeoutError")
asyncio.run(main())
*/
Task<int> value(double delay) {
  Result<void> slept = co_await aio::sleep(delay);
  if (!slept) co_return slept.error();
  co_return 42;
}

Task<void> helper_main() {
  print(std::to_string((co_await with_timeout(1, value(0.1))).value()));
  print((co_await with_timeout(0.1, value(1))).error().describe());
  co_return {};
}

TEST_CASE("timeout: with_timeout") {
  REQUIRE(run_virtual(helper_main()).ok());
  CHECK(out == std::vector<std::string>{"42", "TimeoutError"});
}

Task<void> leak_main() {
  auto timed_out = co_await with_timeout(0.1, counted(1, 1));
  CHECK(!timed_out);
  auto in_time = co_await with_timeout(1, counted(2, 0.1));
  CHECK(in_time.ok());
  Timeout never_finished = timeout(0.1);  // left without finish(): its timer is cancelled
  co_return {};
}

TEST_CASE("timeout: nothing leaks") {
  CountedScope scope;
  REQUIRE(run_virtual(leak_main()).ok());
  CHECK(Counted::constructions() > 0);
  CHECK(Counted::live() == 0);
}

}  // namespace
