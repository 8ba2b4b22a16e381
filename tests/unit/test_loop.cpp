// aio::Loop: the ready queue, the timer heap and the driver (DESIGN.md decision 2).
// Orders were checked against CPython 3.11's BaseEventLoop._run_once; each test quotes the
// Python it mirrors. One deliberate difference is documented in "timers with equal
// deadlines": CPython's heapq is not stable for exactly equal `when` values.
#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/aio/future.hpp"
#include "core/aio/loop.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"
#include "tests/unit/support/counted.hpp"

using test_support::Counted;
using test_support::CountedScope;

namespace {

// A loop on virtual time: waits jump the clock, so tests are instant and exact.
struct VirtualLoop {
  host::NativeHost real;
  host::VirtualTimeHost host{real};
  aio::Loop loop{host};

  // Runs until nothing is ready and no timer is left (run_forever until idle).
  void drain() {
    for (;;) {
      if (!loop.has_ready()) {
        std::optional<double> deadline = loop.next_deadline();
        if (!deadline) return;
        host.wait_until(deadline);
      }
      loop.run_once();
    }
  }
};

// A host whose user pressed Stop.
class InterruptedHost final : public host::Host {
 public:
  double now() override { return 0; }
  void wait_until(std::optional<double>) override {}
  bool has_pending_io() override { return false; }
  void write(host::Stream, std::string_view) override {}
  bool interrupted() override { return true; }
};

}  // namespace

TEST_CASE("loop: call_soon runs callbacks in FIFO order", "[loop]") {
  VirtualLoop v;
  std::vector<int> order;
  for (int i = 0; i < 5; ++i) v.loop.call_soon([&order, i] { order.push_back(i); });
  REQUIRE(order.empty());  // scheduling runs nothing
  REQUIRE(v.loop.run_once() == 5);
  REQUIRE(order == std::vector<int>{0, 1, 2, 3, 4});
  REQUIRE_FALSE(v.loop.has_ready());
}

TEST_CASE("loop: run_once runs only the callbacks ready when it starts", "[loop]") {
  // Python: loop.call_soon(a) where a calls loop.call_soon(b): one _run_once runs a only.
  VirtualLoop v;
  std::vector<std::string> order;
  v.loop.call_soon([&] {
    order.push_back("a");
    v.loop.call_soon([&] { order.push_back("b"); });
  });
  v.loop.call_soon([&] { order.push_back("c"); });
  REQUIRE(v.loop.run_once() == 2);
  REQUIRE(order == std::vector<std::string>{"a", "c"});
  REQUIRE(v.loop.has_ready());
  REQUIRE(v.loop.run_once() == 1);
  REQUIRE(order == std::vector<std::string>{"a", "c", "b"});
  REQUIRE(v.loop.run_once() == 0);
}

TEST_CASE("loop: timers fire by deadline, equal deadlines in scheduling order", "[loop]") {
  // Python (real clock, so each call_later gets a slightly later `when`):
  //   for name, d in [("a",.3),("b",.1),("c",.2),("d",.1)]: loop.call_later(d, log, name)
  //   loop.call_at(loop.time() + .2, log, "e")                  # prints b d c e a
  // Difference from CPython: for *exactly* equal `when` values CPython's heapq is not stable
  // (20 x call_at(t) fire as 0 2 6 14 13 19 ...). Here (deadline, sequence) models the real
  // clock advancing between calls, which is what virtual time needs: tasks that sleep(1) in
  // one step wake in the order they went to sleep, as they do in CPython.
  VirtualLoop v;
  std::vector<std::pair<std::string, double>> fired;
  auto log = [&](std::string name) {
    return aio::Callback::from([&fired, &v, name] { fired.emplace_back(name, v.loop.time()); });
  };
  v.loop.call_later(0.3, log("a"));
  v.loop.call_later(0.1, log("b"));
  v.loop.call_later(0.2, log("c"));
  v.loop.call_later(0.1, log("d"));
  v.loop.call_at(v.loop.time() + 0.2, log("e"));
  REQUIRE(v.loop.next_deadline() == 0.1);
  v.drain();
  using Fired = std::vector<std::pair<std::string, double>>;
  REQUIRE(fired == Fired{{"b", 0.1}, {"d", 0.1}, {"c", 0.2}, {"e", 0.2}, {"a", 0.3}});
}

TEST_CASE("loop: many timers with equal deadlines keep scheduling order", "[loop]") {
  VirtualLoop v;
  std::vector<int> order;
  for (int i = 0; i < 200; ++i) {
    v.loop.call_at(1.0 + (i % 3), aio::Callback::from([&order, i] { order.push_back(i); }));
  }
  v.drain();
  std::vector<int> expected;
  for (int r = 0; r < 3; ++r)
    for (int i = r; i < 200; i += 3) expected.push_back(i);
  REQUIRE(order == expected);
}

TEST_CASE("loop: a due timer runs after the callbacks already ready", "[loop]") {
  // Python: loop.call_later(0, log, "timer"); loop.call_soon(log, "soon") -> soon, timer,
  // both in one _run_once (due timers are appended to _ready after the select).
  VirtualLoop v;
  std::vector<std::string> order;
  v.loop.call_later(0, [&] { order.push_back("timer"); });
  v.loop.call_soon([&] { order.push_back("soon"); });
  REQUIRE(v.loop.run_once() == 2);
  REQUIRE(order == std::vector<std::string>{"soon", "timer"});
}

TEST_CASE("loop: a timer cancelled after it became ready does not run", "[loop]") {
  // Python (checked with python3): a, b, c due in one iteration, a cancels b -> ['a', 'c'].
  VirtualLoop v;
  std::vector<std::string> order;
  aio::TimerHandle b;
  v.loop.call_at(1.0, aio::Callback::from([&] {
    order.push_back("a");
    b.cancel();
  }));
  b = v.loop.call_at(1.0, aio::Callback::from([&] { order.push_back("b"); }));
  v.loop.call_at(1.0, aio::Callback::from([&] { order.push_back("c"); }));
  v.host.wait_until(1.0);
  v.loop.run_once();  // all three move to the ready queue, then run
  REQUIRE(order == std::vector<std::string>{"a", "c"});
  REQUIRE(b.cancelled());
  REQUIRE_FALSE(v.loop.next_deadline());
}

TEST_CASE("loop: Handle.cancel stops a call_soon callback", "[loop]") {
  VirtualLoop v;
  std::vector<int> order;
  v.loop.call_soon([&] { order.push_back(1); });
  aio::Handle second = v.loop.call_soon([&] { order.push_back(2); });
  v.loop.call_soon([&] { order.push_back(3); });
  REQUIRE_FALSE(second.cancelled());
  second.cancel();
  REQUIRE(second.cancelled());
  REQUIRE(v.loop.run_once() == 2);  // the cancelled call is skipped, not counted
  REQUIRE(order == std::vector<int>{1, 3});
  second.cancel();  // cancelling again, after its turn, is harmless
  aio::Handle empty;
  empty.cancel();
  REQUIRE_FALSE(empty.cancelled());
}

TEST_CASE("loop: a callback may cancel a later call_soon in the same iteration", "[loop]") {
  VirtualLoop v;
  std::vector<int> order;
  aio::Handle victim;
  v.loop.call_soon([&] {
    order.push_back(1);
    victim.cancel();
  });
  victim = v.loop.call_soon([&] { order.push_back(2); });
  v.loop.run_once();
  REQUIRE(order == std::vector<int>{1});
}

TEST_CASE("loop: next_deadline skips cancelled timers", "[loop]") {
  VirtualLoop v;
  REQUIRE_FALSE(v.loop.next_deadline());
  aio::TimerHandle first = v.loop.call_later(1.0, [] {});
  aio::TimerHandle second = v.loop.call_later(2.0, [] {});
  REQUIRE(v.loop.next_deadline() == 1.0);
  first.cancel();
  REQUIRE(first.cancelled());
  REQUIRE(v.loop.next_deadline() == 2.0);
  second.cancel();
  REQUIRE_FALSE(v.loop.next_deadline());
  first.cancel();  // twice: harmless
  REQUIRE(first.when() == 1.0);
}

TEST_CASE("loop: cancelling a timer frees its callback at once", "[loop]") {
  CountedScope counting;
  {
    VirtualLoop v;
    aio::TimerHandle timer = v.loop.call_later(5.0, [c = Counted(1)] { (void)c; });
    REQUIRE(Counted::live() == 1);
    timer.cancel();
    REQUIRE(Counted::live() == 0);
  }
  REQUIRE(Counted::live() == 0);
}

TEST_CASE("loop: sweeping many cancelled timers keeps the heap ordered", "[loop]") {
  // Cancelling most of 2000 timers crosses asyncio's sweep threshold (more than 100
  // scheduled, more than half cancelled) many times; the survivors must still fire exactly
  // once each, in (deadline, sequence) order, and late cancels must stay harmless.
  CountedScope counting;
  {
    VirtualLoop v;
    std::mt19937 random(12345);
    std::uniform_int_distribution<int> deadline(1, 50);
    struct Scheduled {
      int index;
      double when;
      aio::TimerHandle handle;
    };
    std::vector<Scheduled> timers;
    std::vector<int> fired;
    for (int i = 0; i < 2000; ++i) {
      double when = deadline(random);
      timers.push_back({i, when, v.loop.call_at(when, aio::Callback::from([&fired, i, c = Counted(i)] {
                                                  (void)c;
                                                  fired.push_back(i);
                                                }))});
    }
    std::vector<int> expected;
    std::bernoulli_distribution cancel_it(0.8);
    std::vector<bool> cancelled(timers.size());
    for (auto& t : timers) {
      if (cancel_it(random)) {
        t.handle.cancel();
        cancelled[t.index] = true;
      }
    }
    for (auto& t : timers) {
      if (cancelled[t.index]) t.handle.cancel();  // already swept: must be a no-op
    }
    REQUIRE(Counted::live() == int64_t(std::count(cancelled.begin(), cancelled.end(), false)));
    std::vector<Scheduled> survivors;
    for (auto& t : timers)
      if (!cancelled[t.index]) survivors.push_back(t);
    std::stable_sort(survivors.begin(), survivors.end(),
                     [](const Scheduled& a, const Scheduled& b) { return a.when < b.when; });
    for (auto& t : survivors) expected.push_back(t.index);
    v.drain();
    REQUIRE(fired == expected);
    for (auto& t : timers) t.handle.cancel();  // after firing: harmless
    REQUIRE_FALSE(v.loop.next_deadline());
  }
  REQUIRE(Counted::live() == 0);
}

TEST_CASE("loop: run_until_done on virtual time jumps the clock", "[loop]") {
  VirtualLoop v;
  auto future = aio::Future<int>::create(v.loop);
  v.loop.call_later(100.0, [&] { future->set_result(5).value(); });
  auto started = std::chrono::steady_clock::now();
  REQUIRE(v.loop.run_until_done(future.state()));
  REQUIRE(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
  REQUIRE(v.loop.time() == 100.0);
  REQUIRE(future->result().value() == 5);
}

TEST_CASE("loop: run_until_done on the native host takes real time", "[loop][realtime]") {
  host::NativeHost native;
  aio::Loop loop(native);
  auto future = aio::Future<void>::create(loop);
  double start = loop.time();
  loop.call_later(0.05, [&] { future->set_result().value(); });
  REQUIRE(loop.run_until_done(future.state()));
  double elapsed = loop.time() - start;
  CHECK(elapsed >= 0.05);
  CHECK(elapsed < 0.15);
}

TEST_CASE("loop: run_until_done reports a deadlock instead of hanging", "[loop]") {
  VirtualLoop v;
  auto never = aio::Future<int>::create(v.loop);
  v.loop.call_soon([] {});
  aio::Result<void> outcome = v.loop.run_until_done(never.state());
  REQUIRE_FALSE(outcome);
  REQUIRE(outcome.error().is(aio::ErrorKind::deadlock));
  REQUIRE_FALSE(never->done());
}

TEST_CASE("loop: run_until_done stops when the host is interrupted", "[loop]") {
  InterruptedHost stopped;
  aio::Loop loop(stopped);
  auto future = aio::Future<int>::create(loop);
  loop.call_later(1.0, [&] { future->set_result(1).value(); });
  aio::Result<void> outcome = loop.run_until_done(future.state());
  REQUIRE_FALSE(outcome);
  REQUIRE(outcome.error().is(aio::ErrorKind::interrupted));
}

TEST_CASE("loop: Loop::running is the newest loop and is restored", "[loop]") {
  REQUIRE(aio::Loop::running() == nullptr);
  {
    VirtualLoop outer;
    REQUIRE(aio::Loop::running() == &outer.loop);
    {
      VirtualLoop inner;
      REQUIRE(aio::Loop::running() == &inner.loop);
    }
    REQUIRE(aio::Loop::running() == &outer.loop);
  }
  REQUIRE(aio::Loop::running() == nullptr);
}

TEST_CASE("loop: destroying the loop frees pending callbacks and timers", "[loop]") {
  CountedScope counting;
  aio::TimerHandle survivor;
  {
    VirtualLoop v;
    v.loop.call_soon([c = Counted(1)] { (void)c; });
    v.loop.call_later(1.0, [c = Counted(2)] { (void)c; });
    survivor = v.loop.call_later(2.0, [c = Counted(3)] { (void)c; });
    REQUIRE(Counted::live() == 3);
  }
  survivor.cancel();  // the loop is gone: cancelling must not touch it
  REQUIRE(Counted::live() == 0);
}
