// Task cancellation per asyncio 3.11 (tasks.py Task.cancel / __step / __wakeup). Each test
// is a scenario from one Python program, run under python3 3.11.7; the expected lines are
// what CPython printed (quoted above each test, "p" appends a line to the log).
#include <catch2/catch.hpp>

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

using Lines = std::vector<std::string>;

struct VirtualLoop {
  host::NativeHost real;
  host::VirtualTimeHost host{real};
  aio::Loop loop{host};
  Lines lines;  // what the scenario printed

  void p(std::string line) { lines.push_back(std::move(line)); }

  template <class T>
  void run(aio::Task<T> main) {
    aio::Result<T> outcome = aio::run_until_complete(loop, std::move(main));
    REQUIRE(outcome.ok());
  }
};

std::string args_of(const aio::Error& error) {
  // Python's e.args for a CancelledError: () or ('message',)
  return error.message().empty() ? "()" : "('" + error.message() + "',)";
}

std::string py_bool(bool value) { return value ? "True" : "False"; }

}  // namespace

// async def sleeper():
//     p("sleeper start")
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError as e: p("sleeper cancelled", e.args, loop.time() - t0); raise
// t = asyncio.create_task(sleeper()); await asyncio.sleep(1)
// p("cancel returns", t.cancel()); p("cancelling", t.cancelling(), "done", t.done())
// try: await t
// except asyncio.CancelledError as e: p("main sees cancelled", e.args, t.cancelled())
// p("cancel again", t.cancel())
TEST_CASE("cancel: a sleeping task", "[cancel]") {
  VirtualLoop v;
  auto sleeper = [&]() -> aio::Task<void> {
    v.p("sleeper start");
    aio::Result<void> slept = co_await aio::sleep(10);
    if (!slept) {
      v.p("sleeper cancelled " + args_of(slept.error()) + " " + std::to_string(v.loop.time()));
      co_return slept.error();
    }
    co_return {};
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto t = aio::create_task(sleeper());
    (co_await aio::sleep(1)).value();
    v.p("cancel returns " + py_bool(t.cancel()));
    v.p("cancelling " + std::to_string(t.cancelling()) + " done " + py_bool(t.done()));
    aio::Result<void> awaited = co_await t;
    if (!awaited) v.p("main sees cancelled " + args_of(awaited.error()) + " " + py_bool(t.cancelled()));
    v.p("cancel again " + py_bool(t.cancel()));
    co_return {};
  };
  v.run(main_body());
  REQUIRE(v.lines == Lines{"sleeper start", "cancel returns True", "cancelling 1 done False",
                           "sleeper cancelled () 1.000000", "main sees cancelled () True",
                           "cancel again False"});
  REQUIRE(v.loop.time() == 1.0);  // nothing waited for the 10 s timer
}

// async def body(): p("body ran")
// t = asyncio.create_task(body()); p("cancel", t.cancel("early"))
// try: await t
// except asyncio.CancelledError as e: p("cancelled before start", e.args, t.cancelled())
TEST_CASE("cancel: before the first step the body never runs", "[cancel]") {
  CountedScope counting;
  {
    VirtualLoop v;
    auto body = [&](Counted) -> aio::Task<void> {
      v.p("body ran");
      co_return {};
    };
    auto main_body = [&]() -> aio::Task<void> {
      auto t = aio::create_task(body(Counted(1)));
      v.p("cancel " + py_bool(t.cancel("early")));
      aio::Result<void> awaited = co_await t;
      if (!awaited) {
        v.p("cancelled before start " + args_of(awaited.error()) + " " + py_bool(t.cancelled()));
      }
      co_return {};
    };
    v.run(main_body());
    REQUIRE(v.lines == Lines{"cancel True", "cancelled before start ('early',) True"});
  }
  REQUIRE(Counted::live() == 0);
}

// async def stubborn():
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError:
//         p("caught; cancelling =", current_task().cancelling())
//         p("uncancel ->", current_task().uncancel())
//     await asyncio.sleep(1); p("continued"); return 42
// t = asyncio.create_task(stubborn()); await asyncio.sleep(0); t.cancel()
// p("result", await t, t.cancelled())
TEST_CASE("cancel: caught inside the task, which then continues", "[cancel]") {
  VirtualLoop v;
  auto stubborn = [&]() -> aio::Task<int> {
    aio::Result<void> slept = co_await aio::sleep(10);
    if (!slept) {
      aio::TaskCore& self = *aio::current_task();
      v.p("caught; cancelling = " + std::to_string(self.cancelling()));
      v.p("uncancel -> " + std::to_string(self.uncancel()));
    }
    (co_await aio::sleep(1)).value();
    v.p("continued");
    co_return 42;
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto t = aio::create_task(stubborn());
    (co_await aio::sleep(0)).value();
    t.cancel();
    int result = (co_await t).value();
    v.p("result " + std::to_string(result) + " " + py_bool(t.cancelled()));
    co_return {};
  };
  v.run(main_body());
  REQUIRE(v.lines == Lines{"caught; cancelling = 1", "uncancel -> 0", "continued", "result 42 False"});
  REQUIRE(v.loop.time() == 1.0);
}

// async def s():
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError as e: p("inner message", e.args); raise
// t = asyncio.create_task(s()); await asyncio.sleep(0); t.cancel("stop now")
// try: await t
// except asyncio.CancelledError as e: p("outer message", e.args)
TEST_CASE("cancel: the message reaches the task and whoever awaits it", "[cancel]") {
  VirtualLoop v;
  auto s = [&]() -> aio::Task<void> {
    aio::Result<void> slept = co_await aio::sleep(10);
    if (!slept) {
      v.p("inner message " + args_of(slept.error()));
      co_return slept.error();
    }
    co_return {};
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto t = aio::create_task(s());
    (co_await aio::sleep(0)).value();
    t.cancel("stop now");
    aio::Result<void> awaited = co_await t;
    v.p("outer message " + args_of(awaited.error()));
    co_return {};
  };
  v.run(main_body());
  REQUIRE(v.lines == Lines{"inner message ('stop now',)", "outer message ('stop now',)"});
}

// fut = loop.create_future()
// async def w():
//     try: v = await fut; p("got", v); return v
//     except asyncio.CancelledError as e:
//         p("w cancelled although fut has result", fut.result(), e.args); raise
// t = asyncio.create_task(w()); await asyncio.sleep(0)
// fut.set_result(7); p("cancel", t.cancel("late"))          # wakeup already scheduled
// try: await t
// except asyncio.CancelledError as e: p("t cancelled", t.cancelled(), e.args)
TEST_CASE("cancel: while the wakeup is already scheduled, CancelledError wins", "[cancel]") {
  VirtualLoop v;
  auto fut = aio::Future<int>::create(v.loop);
  auto w = [&]() -> aio::Task<int> {
    aio::Result<int> got = co_await fut;
    if (got) {
      v.p("got " + std::to_string(got.value()));
      co_return got.value();
    }
    v.p("w cancelled although fut has result " + std::to_string(fut->result().value()) + " " +
        args_of(got.error()));
    co_return got.error();
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto t = aio::create_task(w());
    (co_await aio::sleep(0)).value();
    fut->set_result(7).value();
    v.p("cancel " + py_bool(t.cancel("late")));
    aio::Result<int> awaited = co_await t;
    if (!awaited) v.p("t cancelled " + py_bool(t.cancelled()) + " " + args_of(awaited.error()));
    co_return {};
  };
  v.run(main_body());
  REQUIRE(v.lines == Lines{"cancel True", "w cancelled although fut has result 7 ('late',)",
                           "t cancelled True ('late',)"});
}

// async def w():
//     asyncio.current_task().cancel("self"); p("body returns"); return 1
// t = asyncio.create_task(w())
// try: await t
// except asyncio.CancelledError as e: p("cancelled wins over return", t.cancelled(), e.args)
TEST_CASE("cancel: a cancel during the last step beats the return value", "[cancel]") {
  VirtualLoop v;
  auto w = [&]() -> aio::Task<int> {
    aio::current_task()->cancel("self");
    v.p("body returns");
    co_return 1;
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto t = aio::create_task(w());
    aio::Result<int> awaited = co_await t;
    if (!awaited) {
      v.p("cancelled wins over return " + py_bool(t.cancelled()) + " " + args_of(awaited.error()));
    }
    co_return {};
  };
  v.run(main_body());
  REQUIRE(v.lines == Lines{"body returns", "cancelled wins over return True ('self',)"});
}

// async def s(): await asyncio.sleep(10)
// t = asyncio.create_task(s()); await asyncio.sleep(0)
// p(t.cancel(), t.cancelling(), t.cancel(), t.cancelling(), t.uncancel(), t.uncancel(), t.uncancel())
// try: await t
// except asyncio.CancelledError: p("cancelled", t.cancelling())
TEST_CASE("cancel: cancelling() counts requests, uncancel() takes them back", "[cancel]") {
  VirtualLoop v;
  auto s = []() -> aio::Task<void> {
    aio::Result<void> slept = co_await aio::sleep(10);
    if (!slept) co_return slept.error();
    co_return {};
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto t = aio::create_task(s());
    (co_await aio::sleep(0)).value();
    std::string line = py_bool(t.cancel());
    line += " " + std::to_string(t.cancelling());
    line += " " + py_bool(t.cancel());
    line += " " + std::to_string(t.cancelling());
    line += " " + std::to_string(t.uncancel());
    line += " " + std::to_string(t.uncancel());
    line += " " + std::to_string(t.uncancel());
    v.p(line);
    aio::Result<void> awaited = co_await t;
    if (!awaited) v.p("cancelled " + std::to_string(t.cancelling()));
    co_return {};
  };
  v.run(main_body());
  REQUIRE(v.lines == Lines{"True 1 True 2 1 0 0", "cancelled 0"});
}

// async def b():
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError as e: p("B cancelled", e.args); raise
// async def a(tb):
//     try: await tb
//     except asyncio.CancelledError as e: p("A cancelled", e.args, "B cancelled:", tb.cancelled()); raise
// tb = asyncio.create_task(b(), name="B"); ta = asyncio.create_task(a(tb), name="A")
// await asyncio.sleep(0); ta.cancel("from main")
// p("after cancel: A cancelling", ta.cancelling(), "B cancelling", tb.cancelling())
// try: await ta
// except asyncio.CancelledError as e: p("main: A", ta.cancelled(), "B", tb.cancelled(), e.args)
TEST_CASE("cancel: propagates to the task being awaited", "[cancel]") {
  VirtualLoop v;
  auto b = [&]() -> aio::Task<void> {
    aio::Result<void> slept = co_await aio::sleep(10);
    if (!slept) {
      v.p("B cancelled " + args_of(slept.error()));
      co_return slept.error();
    }
    co_return {};
  };
  auto a = [&](aio::TaskHandle<void> tb) -> aio::Task<void> {
    aio::Result<void> awaited = co_await tb;
    if (!awaited) {
      v.p("A cancelled " + args_of(awaited.error()) + " B cancelled: " + py_bool(tb.cancelled()));
      co_return awaited.error();
    }
    co_return {};
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto tb = aio::create_task(b(), "B");
    auto ta = aio::create_task(a(tb), "A");
    (co_await aio::sleep(0)).value();
    REQUIRE(ta.state().waiting_on() == "B");
    ta.cancel("from main");
    v.p("after cancel: A cancelling " + std::to_string(ta.cancelling()) + " B cancelling " +
        std::to_string(tb.cancelling()));
    aio::Result<void> awaited = co_await ta;
    if (!awaited) {
      v.p("main: A " + py_bool(ta.cancelled()) + " B " + py_bool(tb.cancelled()) + " " +
          args_of(awaited.error()));
    }
    co_return {};
  };
  v.run(main_body());
  REQUIRE(v.lines == Lines{"after cancel: A cancelling 1 B cancelling 1",
                           "B cancelled ('from main',)",
                           "A cancelled ('from main',) B cancelled: True",
                           "main: A True B True ('from main',)"});
}

// fut = loop.create_future()
// async def w():
//     try: await fut
//     except asyncio.CancelledError as e: p("w sees", e.args); raise
// t = asyncio.create_task(w()); await asyncio.sleep(0)
// fut.cancel("first"); t.cancel("second")      # second: wakeup already scheduled
// try: await t
// except asyncio.CancelledError as e: p("main sees", e.args)
// Regression: the task used to see "second"; __step keeps the future's CancelledError.
TEST_CASE("cancel: a pending cancel keeps the awaited future's own CancelledError", "[cancel]") {
  VirtualLoop v;
  auto fut = aio::Future<void>::create(v.loop);
  auto w = [&]() -> aio::Task<void> {
    aio::Result<void> awaited = co_await fut;
    if (!awaited) {
      v.p("w sees " + args_of(awaited.error()));
      co_return awaited.error();
    }
    co_return {};
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto t = aio::create_task(w());
    (co_await aio::sleep(0)).value();
    fut->cancel("first");
    t.cancel("second");
    aio::Result<void> awaited = co_await t;
    if (!awaited) v.p("main sees " + args_of(awaited.error()));
    co_return {};
  };
  v.run(main_body());
  REQUIRE(v.lines == Lines{"w sees ('first',)", "main sees ('first',)"});
}

// A task that is cancelled during its own step, then awaits: the cancel moves on to the
// future it waits for (Task.__step: `if self._must_cancel: self._fut_waiter.cancel(...)`).
// async def w():
//     asyncio.current_task().cancel("now")
//     try: await asyncio.sleep(5)
//     except asyncio.CancelledError as e: p("sleep cancelled", e.args, loop.time()); raise
TEST_CASE("cancel: a cancel during the step cancels the next awaited future", "[cancel]") {
  VirtualLoop v;
  auto w = [&]() -> aio::Task<void> {
    aio::current_task()->cancel("now");
    aio::Result<void> slept = co_await aio::sleep(5);
    if (!slept) {
      v.p("sleep cancelled " + args_of(slept.error()) + " " + std::to_string(v.loop.time()));
      co_return slept.error();
    }
    co_return {};
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto t = aio::create_task(w());
    aio::Result<void> awaited = co_await t;
    v.p(std::string("main: ") + (awaited ? "ok" : awaited.error().describe()));
    co_return {};
  };
  v.run(main_body());
  REQUIRE(v.lines == Lines{"sleep cancelled ('now',) 0.000000", "main: CancelledError: now"});
}

// async def w():
//     try: await asyncio.sleep(0)
//     except asyncio.CancelledError as e: p("yield cancelled", e.args); raise
// t = asyncio.create_task(w()); await asyncio.sleep(0); p(t.cancel("y"))  # t sits in sleep(0)
// try: await t / except CancelledError: pass; p("cancelled", t.cancelled())
TEST_CASE("cancel: a task suspended in sleep(0) gets CancelledError on its next step", "[cancel]") {
  VirtualLoop v;
  auto w = [&]() -> aio::Task<void> {
    aio::Result<void> yielded = co_await aio::sleep(0);
    if (!yielded) {
      v.p("yield cancelled " + args_of(yielded.error()));
      co_return yielded.error();
    }
    v.p("not cancelled");
    co_return {};
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto t = aio::create_task(w());
    (co_await aio::sleep(0)).value();
    v.p(py_bool(t.cancel("y")));
    aio::Result<void> awaited = co_await t;
    v.p(std::string("cancelled ") + py_bool(t.cancelled()));
    (void)awaited;
    co_return {};
  };
  v.run(main_body());
  REQUIRE(v.lines == Lines{"True", "yield cancelled ('y',)", "cancelled True"});
}

TEST_CASE("cancel: a failed or finished task cannot be cancelled", "[cancel]") {
  VirtualLoop v;
  auto ok = []() -> aio::Task<int> { co_return 1; };
  auto t = aio::spawn(v.loop, ok());
  v.loop.run_once();
  REQUIRE(t.done());
  REQUIRE_FALSE(t.cancel());
  REQUIRE(t.cancelling() == 0);
  REQUIRE(t.result().value() == 1);
}

TEST_CASE("cancel: run() cancels the tasks main left behind and frees them", "[cancel]") {
  // asyncio.run: after main returns, leftover tasks are cancelled and run to completion.
  CountedScope counting;
  std::vector<std::string> lines;
  {
    host::NativeHost real;
    host::VirtualTimeHost virtual_time(real);
    auto leftover = [&](Counted c) -> aio::Task<void> {
      aio::Result<void> slept = co_await aio::sleep(100);
      lines.push_back("leftover " + std::to_string(c.id) + " " +
                      (slept ? std::string("woke") : slept.error().describe()));
      co_return {};
    };
    auto main_body = [&]() -> aio::Task<int> {
      aio::create_task(leftover(Counted(1)));
      aio::create_task(leftover(Counted(2)));
      (co_await aio::sleep(1)).value();
      co_return 5;
    };
    aio::Result<int> outcome = aio::run(virtual_time, main_body());
    REQUIRE(outcome.value() == 5);
    REQUIRE(virtual_time.now() == 1.0);
  }
  REQUIRE(lines == std::vector<std::string>{"leftover 1 CancelledError", "leftover 2 CancelledError"});
  REQUIRE(Counted::live() == 0);
}
