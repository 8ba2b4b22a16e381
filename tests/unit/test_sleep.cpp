// aio::sleep: sleep(0) yields for exactly one loop iteration (asyncio's bare `yield`), a
// positive delay waits on a timer-completed future, sleep(delay, value) returns the value.
//
// Python reference (python3 3.11.7):
//   async def w(name, n):
//       for i in range(n): p(name, i); await asyncio.sleep(0)
//   async def main():
//       a = create_task(w("a", 3)); b = create_task(w("b", 2)); loop.call_soon(p, "soon")
//       await asyncio.sleep(0); p("main after sleep0"); await w("main", 2)
//       await a; p("a done"); await b; p("b done")
//       r = await asyncio.sleep(0.5, "value"); p(r, loop.time() - t0 >= 0.5)
//       ts = [create_task(sleeper(d)) for d in (0.3, 0.1, 0.2, 0.1, -1)]  # sleeper: p("woke", d)
//   -> a 0 / b 0 / soon / main after sleep0 / main 0 / a 1 / b 1 / main 1 / a 2 / a done /
//      b done / value True / woke -1 / woke 0.1 / woke 0.1 / woke 0.2 / woke 0.3
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/aio/task.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"

namespace {

using Lines = std::vector<std::string>;

struct VirtualLoop {
  host::NativeHost real;
  host::VirtualTimeHost host{real};
  aio::Loop loop{host};
  Lines lines;

  void p(std::string line) { lines.push_back(std::move(line)); }
};

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

}  // namespace

TEST_CASE("sleep: sleep(0) interleaves tasks exactly as CPython", "[sleep]") {
  VirtualLoop v;
  auto w = [&](std::string name, int n) -> aio::Task<void> {
    for (int i = 0; i < n; ++i) {
      v.p(name + " " + std::to_string(i));
      (co_await aio::sleep(0)).value();
    }
    co_return {};
  };
  auto sleeper = [&](double delay) -> aio::Task<void> {
    (co_await aio::sleep(delay)).value();
    v.p("woke " + number(delay));
    co_return {};
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto a = aio::create_task(w("a", 3));
    auto b = aio::create_task(w("b", 2));
    v.loop.call_soon([&] { v.p("soon"); });
    (co_await aio::sleep(0)).value();
    v.p("main after sleep0");
    (co_await w("main", 2)).value();
    (co_await a).value();
    v.p("a done");
    (co_await b).value();
    v.p("b done");
    double start = v.loop.time();
    std::string r = (co_await aio::sleep(0.5, std::string("value"))).value();
    v.p(r + " " + (v.loop.time() - start >= 0.5 ? "True" : "False"));
    std::vector<aio::TaskHandle<void>> sleepers;
    for (double delay : {0.3, 0.1, 0.2, 0.1, -1.0}) sleepers.push_back(aio::create_task(sleeper(delay)));
    for (auto& t : sleepers) (co_await t).value();
    co_return {};
  };
  REQUIRE(aio::run_until_complete(v.loop, main_body()));
  REQUIRE(v.lines == Lines{"a 0", "b 0", "soon", "main after sleep0", "main 0", "a 1", "b 1",
                           "main 1", "a 2", "a done", "b done", "value True", "woke -1",
                           "woke 0.1", "woke 0.1", "woke 0.2", "woke 0.3"});
  REQUIRE(v.loop.time() == Approx(0.8));
}

TEST_CASE("sleep: sleep(0) costs exactly one iteration and no timer", "[sleep]") {
  VirtualLoop v;
  int steps = 0;
  auto body = [&]() -> aio::Task<void> {
    for (int i = 0; i < 3; ++i) {
      ++steps;
      REQUIRE_FALSE(v.loop.next_deadline());
      (co_await aio::sleep(0)).value();
    }
    co_return {};
  };
  auto task = aio::spawn(v.loop, body());
  for (int iteration = 1; iteration <= 3; ++iteration) {
    REQUIRE(v.loop.run_once() == 1);
    REQUIRE(steps == iteration);
    REQUIRE_FALSE(task.done());
    REQUIRE(v.loop.has_ready());  // the next step is already queued: a yield, not a wait
    REQUIRE_FALSE(v.loop.next_deadline());
  }
  v.loop.run_once();
  REQUIRE(task.done());
  REQUIRE(v.loop.time() == 0.0);
}

TEST_CASE("sleep: a positive delay waits for the clock", "[sleep]") {
  VirtualLoop v;
  std::vector<double> woke_at;
  auto body = [&]() -> aio::Task<void> {
    (co_await aio::sleep(1.5)).value();
    woke_at.push_back(v.loop.time());
    (co_await aio::sleep(0.25)).value();
    woke_at.push_back(v.loop.time());
    co_return {};
  };
  auto task = aio::spawn(v.loop, body());
  REQUIRE(v.loop.run_until_done(task.state()));
  REQUIRE(woke_at == std::vector<double>{1.5, 1.75});
  REQUIRE(task.state().waiting_on().empty());
}

TEST_CASE("sleep: a sleeping task says what it waits on", "[sleep]") {
  VirtualLoop v;
  auto body = []() -> aio::Task<void> {
    (co_await aio::sleep(3)).value();
    co_return {};
  };
  auto task = aio::spawn(v.loop, body());
  v.loop.run_once();
  REQUIRE(task.state().waiting_on() == "sleep()");
  REQUIRE(v.loop.next_deadline() == 3.0);
}

TEST_CASE("sleep: sleep(delay, value) returns the value after the delay", "[sleep]") {
  host::NativeHost real;
  host::VirtualTimeHost virtual_time(real);
  aio::Result<std::string> outcome = aio::run(virtual_time, aio::sleep(2.0, std::string("done")));
  REQUIRE(outcome.value() == "done");
  REQUIRE(virtual_time.now() == 2.0);
}

TEST_CASE("sleep: cancelling a sleeping task cancels its timer", "[sleep]") {
  VirtualLoop v;
  auto body = []() -> aio::Task<void> {
    aio::Result<void> slept = co_await aio::sleep(60);
    if (!slept) co_return slept.error();
    co_return {};
  };
  auto task = aio::spawn(v.loop, body());
  v.loop.run_once();
  REQUIRE(v.loop.next_deadline() == 60.0);
  task.cancel();
  v.loop.run_once();  // the task steps and ends cancelled; its timer goes with it
  REQUIRE(task.cancelled());
  REQUIRE_FALSE(v.loop.next_deadline());
  REQUIRE(v.loop.time() == 0.0);
}

TEST_CASE("sleep: on the native host a 50 ms sleep takes 50 to 150 ms", "[sleep][realtime]") {
  host::NativeHost native;
  double start = native.now();
  aio::Result<int> outcome = aio::run(native, aio::sleep(0.05, 1));
  double elapsed = native.now() - start;
  REQUIRE(outcome.value() == 1);
  CHECK(elapsed >= 0.05);
  CHECK(elapsed < 0.15);
}
