// Nothing hangs silently (DESIGN.md decision 7): when every task waits and nothing can
// wake one, run() ends with ErrorKind::deadlock and a report naming each waiting task and
// what it waits on. Leftover tasks are cleaned up either way: Counted values in task
// bodies must all be destroyed once the loop is gone. (CPython would hang here, so the
// expected report is ours, not CPython's.)
#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <vector>

#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/aio/task.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"
#include "tests/unit/support/counted.hpp"

using test_support::Counted;
using test_support::CountedScope;

namespace {

// A future nobody will ever complete, labelled like the primitive it stands for.
aio::Future<int> never(const char* label) {
  auto future = aio::Future<int>::create(*aio::Loop::running());
  future->set_label(label);
  return future;
}

aio::Task<void> wait_forever(Counted held, const char* label, int32_t line) {
  aio::Future<int> future = never(label);
  aio::current_task()->set_wait_line(line);
  aio::Result<int> got = co_await future;
  (void)held;
  if (!got) co_return got.error();
  co_return {};
}

// Swallows every cancel and goes back to waiting on something new: only the loop's
// destructor can end it.
aio::Task<void> stubborn(Counted held) {
  for (;;) {
    aio::Future<int> future = never("Lock.acquire()");
    aio::Result<int> got = co_await future;
    (void)got;
    (void)held;
  }
}

}  // namespace

TEST_CASE("deadlock: run() reports every waiting task and what it waits on", "[deadlock]") {
  CountedScope counting;
  aio::TaskCore::reset_name_counter();
  std::string report;
  {
    host::NativeHost real;
    host::VirtualTimeHost virtual_time(real);
    auto main_body = [&]() -> aio::Task<int> {
      auto consumer = aio::create_task(wait_forever(Counted(1), "Queue.get()", 7), "consumer");
      auto waiter = aio::create_task(wait_forever(Counted(2), "Event.wait()", 0));
      (co_await aio::sleep(3)).value();  // timers do not count as a deadlock until they ran
      Counted local(3);
      aio::Result<void> joined = co_await consumer;
      (void)joined;
      co_return local.id;
    };
    aio::Result<int> outcome = aio::run(virtual_time, main_body());
    REQUIRE_FALSE(outcome);
    REQUIRE(outcome.error().is(aio::ErrorKind::deadlock));
    report = outcome.error().message();
    REQUIRE(virtual_time.now() == 3.0);
  }
  REQUIRE(report ==
          "every task is waiting and nothing can wake one up "
          "(no ready callbacks, no timers, no I/O in flight).\n"
          "  Task-1 waits on consumer\n"
          "  consumer waits on Queue.get() at line 7\n"
          "  Task-3 waits on Event.wait()\n");
  REQUIRE(Counted::live() == 0);
}

TEST_CASE("deadlock: cancelled leftovers finish and free their frames", "[deadlock]") {
  CountedScope counting;
  std::vector<std::string> ends;
  {
    host::NativeHost real;
    host::VirtualTimeHost virtual_time(real);
    auto observed = [&](Counted held) -> aio::Task<void> {
      aio::Result<void> outcome = co_await wait_forever(std::move(held), "Condition.wait()", 0);
      ends.push_back(outcome ? "finished" : outcome.error().describe());
      co_return outcome;
    };
    auto main_body = [&]() -> aio::Task<void> {
      aio::create_task(observed(Counted(1)));
      aio::Future<int> future = never("Semaphore.acquire()");
      (void)co_await future;
      co_return {};
    };
    aio::Result<void> outcome = aio::run(virtual_time, main_body());
    REQUIRE(outcome.error().is(aio::ErrorKind::deadlock));
    REQUIRE(Counted::live() == 0);  // the clean-up cancelled and finished both tasks
  }
  REQUIRE(ends == std::vector<std::string>{"CancelledError"});
  REQUIRE(Counted::live() == 0);
}

TEST_CASE("deadlock: a task that swallows every cancel is freed with the loop", "[deadlock]") {
  CountedScope counting;
  {
    host::NativeHost real;
    host::VirtualTimeHost virtual_time(real);
    auto main_body = [&]() -> aio::Task<void> {
      aio::create_task(stubborn(Counted(1)));
      aio::create_task(wait_forever(Counted(2), "Queue.put()", 0));
      (void)co_await aio::create_task(stubborn(Counted(3)));
      co_return {};
    };
    aio::Result<void> outcome = aio::run(virtual_time, main_body());
    REQUIRE(outcome.error().is(aio::ErrorKind::deadlock));
  }
  REQUIRE(Counted::live() == 0);
}

TEST_CASE("deadlock: no leaks after a normal run either", "[deadlock]") {
  CountedScope counting;
  {
    host::NativeHost real;
    host::VirtualTimeHost virtual_time(real);
    auto child = [](Counted held) -> aio::Task<int> {
      (co_await aio::sleep(1)).value();
      co_return held.id;
    };
    auto main_body = [&](Counted held) -> aio::Task<int> {
      auto a = aio::create_task(child(Counted(1)));
      auto b = aio::create_task(child(Counted(2)));
      aio::create_task(stubborn(Counted(4)));  // left behind: cancelled, then abandoned
      int sum = (co_await a).value() + (co_await b).value();
      co_return sum + held.id;
    };
    aio::Result<int> outcome = aio::run(virtual_time, main_body(Counted(3)));
    REQUIRE(outcome.value() == 6);
  }
  REQUIRE(Counted::live() == 0);
}

TEST_CASE("deadlock: a loop destroyed with tasks mid-flight frees them", "[deadlock]") {
  CountedScope counting;
  {
    host::NativeHost real;
    host::VirtualTimeHost virtual_time(real);
    aio::TaskHandle<void> handle;     // handles that outlive the loop
    aio::TaskHandle<void> unstarted;
    aio::Loop loop(virtual_time);
    auto sleeper = [](Counted held) -> aio::Task<void> {
      (co_await aio::sleep(10)).value();
      (void)held;
      co_return {};
    };
    auto parent = [&](Counted held) -> aio::Task<void> {
      auto child = aio::create_task(sleeper(Counted(2)));
      (co_await child).value();
      (void)held;
      co_return {};
    };
    handle = aio::spawn(loop, parent(Counted(1)));
    loop.run_once();
    unstarted = aio::spawn(loop, sleeper(Counted(3)));
    REQUIRE(loop.all_tasks().size() == 3);
    REQUIRE(Counted::live() == 3);
    REQUIRE(loop.deadlock_report().find("  Task-") != std::string::npos);
  }
  REQUIRE(Counted::live() == 0);
}

TEST_CASE("deadlock: the report for a task that never ran", "[deadlock]") {
  host::NativeHost real;
  host::VirtualTimeHost virtual_time(real);
  aio::Loop loop(virtual_time);
  auto body = []() -> aio::Task<void> { co_return {}; };
  auto task = aio::spawn(loop, body(), "idle");
  REQUIRE(loop.deadlock_report().find("  idle waits on nothing (it was never resumed)\n") !=
          std::string::npos);
  loop.run_once();
  REQUIRE(task.done());
}

// Regression: a timer at infinity used to jump the virtual clock to inf and wake the
// task (and on the native host, overflow sleep_for's nanoseconds and spin). CPython would
// hang forever; like every other hang, it is now a deadlock report.
TEST_CASE("deadlock: sleep(inf) with nothing else to do is a deadlock", "[deadlock]") {
  CountedScope counting;
  host::NativeHost real;
  host::VirtualTimeHost virtual_time(real);
  auto forever = [](Counted held) -> aio::Task<void> {
    aio::Result<void> slept = co_await aio::sleep(std::numeric_limits<double>::infinity());
    (void)held;
    co_return slept;
  };
  aio::Result<void> outcome = aio::run(virtual_time, forever(Counted(1)));
  REQUIRE(outcome.error().is(aio::ErrorKind::deadlock));
  REQUIRE(outcome.error().message().find("Task-") != std::string::npos);
  REQUIRE(virtual_time.now() == 0.0);
  aio::Result<void> native = aio::run(real, forever(Counted(2)));
  REQUIRE(native.error().is(aio::ErrorKind::deadlock));
  REQUIRE(Counted::live() == 0);
}
