// aio::Future: asyncio.Future's state machine and its done callbacks. Callbacks are
// scheduled with call_soon semantics, in registration order, never run inline — the
// ordering that decides which task prints first. Python reference (checked with python3):
//   f = loop.create_future(); f.add_done_callback(a); f.add_done_callback(b)
//   loop.call_soon(x); f.set_result(1)   # nothing runs yet
//   -> x, a, b on the next iteration; a callback added after done runs after them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/aio/future.hpp"
#include "core/aio/task.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"
#include "tests/unit/support/counted.hpp"

using test_support::Counted;
using test_support::CountedScope;

namespace {

struct VirtualLoop {
  host::NativeHost real;
  host::VirtualTimeHost host{real};
  aio::Loop loop{host};
};

}  // namespace

TEST_CASE("future: set_result moves pending to succeeded once", "[future]") {
  VirtualLoop v;
  auto future = aio::Future<int>::create(v.loop);
  REQUIRE(future->state() == aio::FutureBase::State::pending);
  REQUIRE_FALSE(future->done());
  REQUIRE(future->error() == nullptr);
  aio::Result<int> early = future->result();
  REQUIRE(early.error().is(aio::ErrorKind::invalid_state));

  REQUIRE(future->set_result(42));
  REQUIRE(future->done());
  REQUIRE_FALSE(future->cancelled());
  REQUIRE(future->state() == aio::FutureBase::State::succeeded);
  REQUIRE(future->result().value() == 42);
  REQUIRE(future->error() == nullptr);

  // Python: set_result / set_exception on a done future raise InvalidStateError;
  // cancel() returns False.
  aio::Result<void> again = future->set_result(7);
  REQUIRE(again.error().is(aio::ErrorKind::invalid_state));
  aio::Result<void> fail = future->set_error(aio::Error(aio::ErrorKind::user, "late"));
  REQUIRE(fail.error().is(aio::ErrorKind::invalid_state));
  REQUIRE_FALSE(future->cancel());
  REQUIRE(future->result().value() == 42);
}

TEST_CASE("future: set_error fails the future", "[future]") {
  VirtualLoop v;
  auto future = aio::Future<std::string>::create(v.loop);
  REQUIRE(future->set_error(aio::Error(aio::ErrorKind::value_error, "bad")));
  REQUIRE(future->state() == aio::FutureBase::State::failed);
  REQUIRE_FALSE(future->cancelled());
  REQUIRE(future->error() != nullptr);
  REQUIRE(future->error()->describe() == "ValueError: bad");
  aio::Result<std::string> result = future->result();
  REQUIRE(result.error().message() == "bad");
  REQUIRE(future->set_result("x").error().is(aio::ErrorKind::invalid_state));
  REQUIRE_FALSE(future->cancel());
}

TEST_CASE("future: cancel, with and without a message", "[future]") {
  VirtualLoop v;
  auto plain = aio::Future<int>::create(v.loop);
  REQUIRE(plain->cancel());
  REQUIRE(plain->cancelled());
  REQUIRE(plain->state() == aio::FutureBase::State::cancelled);
  REQUIRE(plain->result().error().describe() == "CancelledError");
  REQUIRE_FALSE(plain->cancel());
  REQUIRE(plain->set_result(1).error().is(aio::ErrorKind::invalid_state));
  REQUIRE(plain->set_error(aio::Error(aio::ErrorKind::user)).error().is(aio::ErrorKind::invalid_state));

  auto with_message = aio::Future<void>::create(v.loop);
  REQUIRE(with_message->cancel("stop"));
  REQUIRE(with_message->result().error().describe() == "CancelledError: stop");
  REQUIRE(with_message->error()->message() == "stop");
}

TEST_CASE("future: done callbacks are scheduled, in registration order", "[future]") {
  VirtualLoop v;
  std::vector<std::string> order;
  auto future = aio::Future<int>::create(v.loop);
  for (const char* name : {"a", "b", "c"}) {
    future->add_done_callback(aio::Callback::from([&order, &future, name](aio::FutureBase& done) {
      REQUIRE(&done == &future.state());  // the callback receives the finished future
      order.push_back(name);
    }));
  }
  v.loop.call_soon([&] { order.push_back("x"); });
  REQUIRE(future->set_result(1));
  REQUIRE(order.empty());  // never inline
  REQUIRE(v.loop.run_once() == 4);
  REQUIRE(order == std::vector<std::string>{"x", "a", "b", "c"});
  REQUIRE(v.loop.run_once() == 0);  // each ran once
}

TEST_CASE("future: cancel and set_error schedule the callbacks too", "[future]") {
  VirtualLoop v;
  std::vector<std::string> order;
  auto cancelled = aio::Future<int>::create(v.loop);
  auto failed = aio::Future<int>::create(v.loop);
  cancelled->add_done_callback(aio::Callback::from([&] { order.push_back("cancelled"); }));
  failed->add_done_callback(aio::Callback::from([&] { order.push_back("failed"); }));
  failed->set_error(aio::Error(aio::ErrorKind::user)).value();
  cancelled->cancel();
  REQUIRE(order.empty());
  v.loop.run_once();
  REQUIRE(order == std::vector<std::string>{"failed", "cancelled"});
}

TEST_CASE("future: a callback added after done is still scheduled, not run inline", "[future]") {
  VirtualLoop v;
  std::vector<std::string> order;
  auto future = aio::Future<int>::create(v.loop);
  future->add_done_callback(aio::Callback::from([&] { order.push_back("before"); }));
  future->set_result(3).value();
  future->add_done_callback(aio::Callback::from([&] { order.push_back("after"); }));
  REQUIRE(order.empty());
  v.loop.run_once();
  REQUIRE(order == std::vector<std::string>{"before", "after"});
}

TEST_CASE("future: remove_done_callback removes every copy and keeps the order", "[future]") {
  VirtualLoop v;
  std::vector<std::string> order;
  auto future = aio::Future<int>::create(v.loop);
  auto a = aio::Callback::from([&] { order.push_back("a"); });
  auto b = aio::Callback::from([&] { order.push_back("b"); });
  auto c = aio::Callback::from([&] { order.push_back("c"); });
  // Python: f.add_done_callback(a); (b); (a); (c); f.remove_done_callback(a) == 2
  future->add_done_callback(a);
  future->add_done_callback(b);
  future->add_done_callback(a);
  future->add_done_callback(c);
  REQUIRE(future->remove_done_callback(a) == 2);
  REQUIRE(future->remove_done_callback(a) == 0);
  future->add_done_callback(a);  // re-added: now last
  future->set_result(0).value();
  v.loop.run_once();
  REQUIRE(order == std::vector<std::string>{"b", "c", "a"});
}

TEST_CASE("future: remove_done_callback of the only callback", "[future]") {
  VirtualLoop v;
  int calls = 0;
  auto future = aio::Future<int>::create(v.loop);
  auto only = aio::Callback::from([&] { ++calls; });
  future->add_done_callback(only);
  REQUIRE(future->remove_done_callback(only) == 1);
  future->set_result(0).value();
  v.loop.run_once();
  REQUIRE(calls == 0);
}

TEST_CASE("future: a value that is not copyable or default-constructible", "[future]") {
  CountedScope counting;
  {
    VirtualLoop v;
    auto future = aio::Future<Counted>::create(v.loop);
    REQUIRE(Counted::live() == 0);  // an empty future holds no value
    future->set_result(Counted(9)).value();
    REQUIRE(Counted::live() == 1);
    REQUIRE(future->result().value().id == 9);
  }
  REQUIRE(Counted::live() == 0);
}

TEST_CASE("future: a task awaiting a future gets its value after one wakeup", "[future]") {
  VirtualLoop v;
  auto future = aio::Future<int>::create(v.loop);
  std::vector<std::string> order;
  auto waiter = [&]() -> aio::Task<int> {
    order.push_back("wait");
    aio::Result<int> value = co_await future;
    order.push_back("woke " + std::to_string(value.value()));
    co_return value.value() * 2;
  };
  auto task = aio::spawn(v.loop, waiter());
  v.loop.run_once();
  REQUIRE(order == std::vector<std::string>{"wait"});
  REQUIRE(task.state().waiting_on() == "Future");
  future->set_result(21).value();
  v.loop.run_once();  // the done callback steps the task
  REQUIRE(task.done());
  REQUIRE(task.result().value() == 42);
}

TEST_CASE("future: awaiting a done future does not suspend", "[future]") {
  VirtualLoop v;
  auto future = aio::Future<int>::create(v.loop);
  future->set_result(5).value();
  auto failed = aio::Future<void>::create(v.loop);
  failed->set_error(aio::Error(aio::ErrorKind::timeout)).value();
  auto body = [&]() -> aio::Task<int> {
    int value = (co_await future).value();
    aio::Result<void> error = co_await failed;
    if (error) co_return 0;
    co_return value + (error.error().is(aio::ErrorKind::timeout) ? 1 : 0);
  };
  auto task = aio::spawn(v.loop, body());
  REQUIRE(v.loop.run_once() == 1);
  REQUIRE(task.done());
  REQUIRE(task.result().value() == 6);
}

TEST_CASE("future: labels describe what a task waits on", "[future]") {
  VirtualLoop v;
  auto future = aio::Future<int>::create(v.loop);
  REQUIRE(future->describe() == "Future");
  future->set_label("Queue.get()");
  REQUIRE(future->describe() == "Queue.get()");
}

TEST_CASE("future: a pending future and its callbacks are freed with their owners", "[future]") {
  CountedScope counting;
  {
    VirtualLoop v;
    auto future = aio::Future<int>::create(v.loop);
    future->add_done_callback(aio::Callback::from([c = Counted(1)] { (void)c; }));
    future->add_done_callback(aio::Callback::from([c = Counted(2)] { (void)c; }));
    REQUIRE(Counted::live() == 2);
  }
  REQUIRE(Counted::live() == 0);
  {
    VirtualLoop v;  // done callbacks scheduled but never run: freed with the loop
    auto future = aio::Future<int>::create(v.loop);
    future->add_done_callback(aio::Callback::from([c = Counted(3)] { (void)c; }));
    future->set_result(1).value();
  }
  REQUIRE(Counted::live() == 0);
}
