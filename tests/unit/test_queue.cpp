// aio::Queue, LifoQueue and PriorityQueue against asyncio's. Each ordering
// test replays a Python program (in the comment beside it) and expects the
// lines CPython 3.11.7 printed; rerun the program with python3 to check.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/aio/queue.hpp"
#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"
#include "tests/unit/support/counted.hpp"
#include "tests/unit/support/scenario.hpp"

namespace {

using test_support::Lines;
using test_support::expect_ok;
using test_support::yes_no;
using test_support::number;

// The value as text, or the error's description (a bug then fails the
// comparison instead of aborting the test binary on value()).
std::string shown(const aio::Result<std::string>& result) {
  return result ? result.value() : result.error().describe();
}
std::string shown(const aio::Result<int>& result) {
  return result ? std::to_string(result.value()) : result.error().describe();
}

// print(type(error).__name__, repr(str(error))) / print(type(error).__name__, error)
std::string python_print(const aio::Error& error, bool quoted) {
  std::string message = quoted ? "'" + error.message() + "'" : error.message();
  return std::string(aio::error_kind_name(error.kind())) + " " + message;
}

aio::Task<void> basics(Lines& out) {
  aio::Queue<std::string> queue(2);
  out.push_back("maxsize " + number(queue.maxsize()) + " qsize " + number(queue.qsize()) +
                " empty " + yes_no(queue.empty()) + " full " + yes_no(queue.full()));
  aio::Result<std::string> nothing = queue.get_nowait();
  if (!nothing) out.push_back(python_print(nothing.error(), true));
  expect_ok(queue.put_nowait("x"));
  expect_ok(queue.put_nowait("y"));
  out.push_back("qsize " + number(queue.qsize()) + " empty " + yes_no(queue.empty()) + " full " +
                yes_no(queue.full()));
  aio::Result<void> no_room = queue.put_nowait("z");
  if (!no_room) out.push_back(python_print(no_room.error(), true));
  std::string first = shown(queue.get_nowait());
  out.push_back(first + " " + shown(queue.get_nowait()));
  aio::Queue<std::string> unbounded;
  for (int item = 0; item < 1000; ++item) expect_ok(unbounded.put_nowait(std::to_string(item)));
  out.push_back("unbounded full " + yes_no(unbounded.full()) + " qsize " +
                number(unbounded.qsize()));
  aio::LifoQueue<std::string> lifo;
  for (const char* item : {"a", "b", "c"}) expect_ok(lifo.put_nowait(item));
  std::string top = shown(lifo.get_nowait());
  std::string middle = shown(lifo.get_nowait());
  out.push_back("lifo " + top + " " + middle + " " + shown(lifo.get_nowait()));
  co_return {};
}

aio::Task<void> producer(aio::Queue<int>& queue, int count, Lines& out) {
  for (int item = 0; item < count; ++item) {
    out.push_back("put " + number(item) + " starts");
    expect_ok(co_await queue.put(item));
    out.push_back("put " + number(item) + " done; qsize " + number(queue.qsize()));
  }
  out.push_back("producer done");
  co_return {};
}

aio::Task<void> consumer(std::string name, aio::Queue<int>& queue, int count, Lines& out) {
  for (int i = 0; i < count; ++i) {
    aio::Result<int> item = co_await queue.get();
    if (!item) co_return item.error();
    out.push_back(name + " got " + number(item.value()) + " qsize " + number(queue.qsize()));
    expect_ok(co_await aio::sleep(1));
  }
  co_return {};
}

aio::Task<void> bounded(Lines& out) {
  aio::Queue<int> queue(2);
  std::vector<aio::TaskHandle<void>> tasks;
  tasks.push_back(aio::create_task(producer(queue, 6, out)));
  tasks.push_back(aio::create_task(consumer("x", queue, 3, out)));
  tasks.push_back(aio::create_task(consumer("y", queue, 3, out)));
  for (auto& task : tasks) expect_ok(co_await task);
  out.push_back("qsize " + number(queue.qsize()) + " getters " + number(queue.waiting_getters()) +
                " putters " + number(queue.waiting_putters()));
  co_return {};
}

aio::Task<void> join_worker(std::string name, aio::Queue<int>& queue, Lines& out) {
  while (true) {
    aio::Result<int> item = co_await queue.get();
    if (!item) co_return item.error();
    expect_ok(co_await aio::sleep(item.value()));
    out.push_back(name + " processed " + number(item.value()) + " unfinished " +
                  number(queue.unfinished_tasks()));
    expect_ok(queue.task_done());
  }
}

aio::Task<void> join_and_task_done(Lines& out) {
  aio::Queue<int> queue;
  expect_ok(co_await queue.join());
  out.push_back("join on a fresh queue returns at once");
  for (int item : {5, 1, 2, 1}) expect_ok(queue.put_nowait(item));
  std::vector<aio::TaskHandle<void>> workers;
  for (const char* name : {"w1", "w2"}) workers.push_back(aio::create_task(join_worker(name, queue, out)));
  expect_ok(co_await queue.join());
  out.push_back("joined; unfinished " + number(queue.unfinished_tasks()));
  for (auto& task : workers) task.cancel();
  for (auto& task : workers) {
    aio::Result<void> ended = co_await task;
    if (!ended && ended.error().is(aio::ErrorKind::cancelled)) {
      out.push_back(task.name() + " cancelled in get; getters " + number(queue.waiting_getters()));
    }
  }
  aio::Result<void> extra = queue.task_done();
  if (!extra) out.push_back(python_print(extra.error(), false));
  co_return {};
}

aio::Task<void> cancellable_getter(std::string name, aio::Queue<std::string>& queue, Lines& out) {
  aio::Result<std::string> item = co_await queue.get();
  if (!item) {
    out.push_back(name + " cancelled; getters " + number(queue.waiting_getters()));
    co_return item.error();
  }
  out.push_back(name + " got " + item.value());
  co_return {};
}

aio::Task<void> cancel_getters(Lines& out) {
  aio::Queue<std::string> queue;
  auto a = aio::create_task(cancellable_getter("a", queue, out));
  auto b = aio::create_task(cancellable_getter("b", queue, out));
  auto c = aio::create_task(cancellable_getter("c", queue, out));
  expect_ok(co_await aio::sleep(0));
  a.cancel();
  expect_ok(co_await aio::sleep(0));
  out.push_back("getters " + number(queue.waiting_getters()));
  expect_ok(queue.put_nowait("item"));
  b.cancel();
  expect_ok(co_await aio::sleep(0));
  expect_ok(co_await c);
  out.push_back("b cancelled " + yes_no(b.cancelled()) + " qsize " + number(queue.qsize()) +
                " getters " + number(queue.waiting_getters()));
  co_return {};
}

aio::Task<void> cancellable_putter(std::string name, aio::Queue<std::string>& queue,
                                   std::string item, Lines& out) {
  aio::Result<void> put = co_await queue.put(item);
  if (!put) {
    out.push_back(name + " cancelled; putters " + number(queue.waiting_putters()));
    co_return put.error();
  }
  out.push_back(name + " put " + item);
  co_return {};
}

aio::Task<void> cancel_putters(Lines& out) {
  aio::Queue<std::string> queue(1);
  expect_ok(queue.put_nowait("first"));
  auto a = aio::create_task(cancellable_putter("a", queue, "A", out));
  auto b = aio::create_task(cancellable_putter("b", queue, "B", out));
  auto c = aio::create_task(cancellable_putter("c", queue, "C", out));
  expect_ok(co_await aio::sleep(0));
  a.cancel();
  expect_ok(co_await aio::sleep(0));
  out.push_back("putters " + number(queue.waiting_putters()));
  out.push_back("took " + shown(queue.get_nowait()));
  b.cancel();
  expect_ok(co_await c);
  std::string left = shown(queue.get_nowait());
  out.push_back("b cancelled " + yes_no(b.cancelled()) + " items " + left + " putters " +
                number(queue.waiting_putters()));
  co_return {};
}

aio::Task<void> plain_getter(aio::Queue<int>& queue, Lines& out) {
  aio::Result<int> item = co_await queue.get();
  if (!item) co_return item.error();
  out.push_back("getter got " + number(item.value()));
  co_return {};
}

aio::Task<void> stolen_item(Lines& out) {
  aio::Queue<int> queue;
  auto task = aio::create_task(plain_getter(queue, out));
  expect_ok(co_await aio::sleep(0));
  expect_ok(queue.put_nowait(1));
  out.push_back("main took " + shown(queue.get_nowait()));
  expect_ok(co_await aio::sleep(0));
  out.push_back("getter waits again; getters " + number(queue.waiting_getters()));
  expect_ok(queue.put_nowait(2));
  expect_ok(co_await task);
  auto pending = aio::create_task(queue.get());
  expect_ok(co_await aio::sleep(0));
  expect_ok(queue.put_nowait(3));
  aio::Result<int> got = co_await pending;
  out.push_back("task got " + shown(got));
  co_return {};
}

// asyncio's PriorityQueue compares with `<`; this one ties on equal priority.
struct Entry {
  int priority;
  std::string name;
};
struct ByPriority {
  bool operator()(const Entry& a, const Entry& b) const { return a.priority < b.priority; }
};

// Runs the operations of the priority test: "3c0" puts an entry of priority
// 3 named "3c0", "-" gets one. Returns the names in the order they came out.
std::string pop_order(const std::string& operations) {
  aio::PriorityQueue<Entry, ByPriority> queue;
  std::istringstream tokens(operations);
  std::string token;
  std::string popped;
  auto pop = [&] { popped += (popped.empty() ? "" : " ") + queue.get_nowait().value().name; };
  while (tokens >> token) {
    if (token == "-") pop();
    else queue.put_nowait(Entry{token[0] - '0', token}).value();
  }
  while (!queue.empty()) pop();
  return popped;
}

aio::Task<void> get_forever(aio::Queue<int>& queue) {
  aio::Result<int> item = co_await queue.get();
  if (!item) co_return item.error();
  co_return {};
}
aio::Task<void> put_forever(aio::Queue<int>& queue) { co_return co_await queue.put(2); }
aio::Task<void> stuck_everywhere(aio::Queue<int>& empty, aio::Queue<int>& full) {
  expect_ok(full.put_nowait(1));
  auto getter = aio::create_task(get_forever(empty), "getter");
  auto putter = aio::create_task(put_forever(full), "putter");
  co_return co_await full.join();
}

aio::Task<void> leave_items_behind(aio::Queue<test_support::Counted>& queue,
                                   aio::PriorityQueue<int>& priorities) {
  expect_ok(queue.put_nowait(test_support::Counted(1)));
  auto blocked = aio::create_task(queue.put(test_support::Counted(2)));
  for (int item : {3, 1, 2}) expect_ok(priorities.put_nowait(item));
  expect_ok(co_await aio::sleep(0));
  co_return {};
}

}  // namespace

// import asyncio
//
// async def main():
//     queue = asyncio.Queue(2)
//     print("maxsize", queue.maxsize, "qsize", queue.qsize(), "empty", queue.empty(),
//           "full", queue.full())
//     try:
//         queue.get_nowait()
//     except asyncio.QueueEmpty as error:
//         print(type(error).__name__, repr(str(error)))
//     queue.put_nowait("x")
//     queue.put_nowait("y")
//     print("qsize", queue.qsize(), "empty", queue.empty(), "full", queue.full())
//     try:
//         queue.put_nowait("z")
//     except asyncio.QueueFull as error:
//         print(type(error).__name__, repr(str(error)))
//     print(queue.get_nowait(), queue.get_nowait())
//     unbounded = asyncio.Queue()
//     for item in range(1000):
//         unbounded.put_nowait(str(item))
//     print("unbounded full", unbounded.full(), "qsize", unbounded.qsize())
//     lifo = asyncio.LifoQueue()
//     for item in "abc":
//         lifo.put_nowait(item)
//     print("lifo", lifo.get_nowait(), lifo.get_nowait(), lifo.get_nowait())
//
// asyncio.run(main())
TEST_CASE("Queue: sizes, QueueEmpty and QueueFull from the nowait calls, LIFO order") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, basics(out)).ok());
  CHECK(out == Lines{"maxsize 2 qsize 0 empty True full False", "QueueEmpty ''",
                     "qsize 2 empty False full True", "QueueFull ''", "x y",
                     "unbounded full False qsize 1000", "lifo c b a"});
}

// import asyncio
//
// async def producer(queue, count):
//     for item in range(count):
//         print("put", item, "starts")
//         await queue.put(item)
//         print("put", item, "done; qsize", queue.qsize())
//     print("producer done")
//
// async def consumer(name, queue, count):
//     for _ in range(count):
//         item = await queue.get()
//         print(name, "got", item, "qsize", queue.qsize())
//         await asyncio.sleep(1)
//
// async def main():
//     queue = asyncio.Queue(maxsize=2)
//     tasks = [asyncio.create_task(producer(queue, 6)),
//              asyncio.create_task(consumer("x", queue, 3)),
//              asyncio.create_task(consumer("y", queue, 3))]
//     for task in tasks:
//         await task
//     print("qsize", queue.qsize(), "getters", len(queue._getters),
//           "putters", len(queue._putters))
//
// asyncio.run(main())
TEST_CASE("Queue: put blocks at maxsize until a get makes room") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, bounded(out)).ok());
  CHECK(out == Lines{"put 0 starts", "put 0 done; qsize 1", "put 1 starts", "put 1 done; qsize 2",
                     "put 2 starts", "x got 0 qsize 1", "y got 1 qsize 0", "put 2 done; qsize 1",
                     "put 3 starts", "put 3 done; qsize 2", "put 4 starts", "x got 2 qsize 1",
                     "y got 3 qsize 0", "put 4 done; qsize 1", "put 5 starts",
                     "put 5 done; qsize 2", "producer done", "x got 4 qsize 1",
                     "y got 5 qsize 0", "qsize 0 getters 0 putters 0"});
}

// import asyncio
//
// async def worker(name, queue):
//     while True:
//         item = await queue.get()
//         await asyncio.sleep(item)
//         print(name, "processed", item, "unfinished", queue._unfinished_tasks)
//         queue.task_done()
//
// async def main():
//     queue = asyncio.Queue()
//     await queue.join()
//     print("join on a fresh queue returns at once")
//     for item in (5, 1, 2, 1):
//         queue.put_nowait(item)
//     workers = [asyncio.create_task(worker(name, queue)) for name in ("w1", "w2")]
//     await queue.join()
//     print("joined; unfinished", queue._unfinished_tasks)
//     for task in workers:
//         task.cancel()
//     for task in workers:
//         try:
//             await task
//         except asyncio.CancelledError:
//             print(task.get_name(), "cancelled in get; getters", len(queue._getters))
//     try:
//         queue.task_done()
//     except ValueError as error:
//         print(type(error).__name__, error)
//
// asyncio.run(main())
TEST_CASE("Queue: join waits for task_done on every item, one too many is a ValueError") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  aio::TaskCore::reset_name_counter();
  Lines out;
  REQUIRE(aio::run(host, join_and_task_done(out)).ok());
  CHECK(out == Lines{"join on a fresh queue returns at once", "w2 processed 1 unfinished 4",
                     "w2 processed 2 unfinished 3", "w2 processed 1 unfinished 2",
                     "w1 processed 5 unfinished 1", "joined; unfinished 0",
                     "Task-2 cancelled in get; getters 0", "Task-3 cancelled in get; getters 0",
                     "ValueError task_done() called too many times"});
}

// import asyncio
//
// async def getter(name, queue):
//     try:
//         item = await queue.get()
//     except asyncio.CancelledError:
//         print(name, "cancelled; getters", len(queue._getters))
//         raise
//     print(name, "got", item)
//
// async def main():
//     queue = asyncio.Queue()
//     a = asyncio.create_task(getter("a", queue))
//     b = asyncio.create_task(getter("b", queue))
//     c = asyncio.create_task(getter("c", queue))
//     await asyncio.sleep(0)
//     # Cancelled while waiting: its getter leaves the list.
//     a.cancel()
//     await asyncio.sleep(0)
//     print("getters", len(queue._getters))
//     # Cancelled after put_nowait() woke it: the wakeup passes to c.
//     queue.put_nowait("item")
//     b.cancel()
//     await asyncio.sleep(0)
//     await c
//     print("b cancelled", b.cancelled(), "qsize", queue.qsize(),
//           "getters", len(queue._getters))
//
// asyncio.run(main())
TEST_CASE("Queue: a get cancelled while waiting or after being woken loses no item") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, cancel_getters(out)).ok());
  CHECK(out == Lines{"a cancelled; getters 2", "getters 2", "b cancelled; getters 0",
                     "c got item", "b cancelled True qsize 0 getters 0"});
}

// import asyncio
//
// async def putter(name, queue, item):
//     try:
//         await queue.put(item)
//     except asyncio.CancelledError:
//         print(name, "cancelled; putters", len(queue._putters))
//         raise
//     print(name, "put", item)
//
// async def main():
//     queue = asyncio.Queue(1)
//     queue.put_nowait("first")
//     a = asyncio.create_task(putter("a", queue, "A"))
//     b = asyncio.create_task(putter("b", queue, "B"))
//     c = asyncio.create_task(putter("c", queue, "C"))
//     await asyncio.sleep(0)
//     a.cancel()
//     await asyncio.sleep(0)
//     print("putters", len(queue._putters))
//     # Cancelled after get_nowait() woke it: the slot passes to c.
//     print("took", queue.get_nowait())
//     b.cancel()
//     await c
//     print("b cancelled", b.cancelled(), "items", queue.get_nowait(),
//           "putters", len(queue._putters))
//
// asyncio.run(main())
TEST_CASE("Queue: a put cancelled while waiting or after being woken loses no slot") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, cancel_putters(out)).ok());
  CHECK(out == Lines{"a cancelled; putters 2", "putters 2", "took first",
                     "b cancelled; putters 0", "c put C", "b cancelled True items C putters 0"});
}

// import asyncio
//
// async def getter(queue):
//     item = await queue.get()
//     print("getter got", item)
//
// async def main():
//     queue = asyncio.Queue()
//     task = asyncio.create_task(getter(queue))
//     await asyncio.sleep(0)
//     queue.put_nowait(1)          # wakes the getter...
//     print("main took", queue.get_nowait())  # ...but main takes the item first
//     await asyncio.sleep(0)
//     print("getter waits again; getters", len(queue._getters))
//     queue.put_nowait(2)
//     await task
//     # A get() wrapped in a task, as asyncio.create_task(queue.get()).
//     pending = asyncio.create_task(queue.get())
//     await asyncio.sleep(0)
//     queue.put_nowait(3)
//     print("task got", await pending)
//
// asyncio.run(main())
TEST_CASE("Queue: a woken get that finds the item taken waits again, get() as a task") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  Lines out;
  REQUIRE(aio::run(host, stolen_item(out)).ok());
  CHECK(out == Lines{"main took 1", "getter waits again; getters 1", "getter got 2",
                     "task got 3"});
}

// import asyncio
//
// OPS = ("1a0 1b0 3c0 3d0 3e0 1f0 1g0 3h0 3i0 1j0 3k0 - 2m0 1n0 1o0 1p0 3q0 3r0 3s0 1t0 3u0 - "
//        "3w0 3x0 2y0 2z0 1a1 - - 3d1 2e1 - - 1h1 2i1 2j1 2k1 3l1 3m1 2n1")
//
// class Entry:
//     def __init__(self, token):
//         self.priority, self.name = int(token[0]), token
//     def __lt__(self, other):
//         return self.priority < other.priority  # equal priorities tie
//
// async def main():
//     queue = asyncio.PriorityQueue()
//     popped = []
//     for op in OPS.split():
//         if op == "-":
//             popped.append(queue.get_nowait().name)
//         else:
//             queue.put_nowait(Entry(op))
//     while not queue.empty():
//         popped.append(queue.get_nowait().name)
//     print(" ".join(popped))
//
// asyncio.run(main())
TEST_CASE("PriorityQueue: smallest first, and ties leave in heapq's (unstable) order") {
  std::string popped = pop_order(
      "1a0 1b0 3c0 3d0 3e0 1f0 1g0 3h0 3i0 1j0 3k0 - 2m0 1n0 1o0 1p0 3q0 3r0 3s0 1t0 3u0 - "
      "3w0 3x0 2y0 2z0 1a1 - - 3d1 2e1 - - 1h1 2i1 2j1 2k1 3l1 3m1 2n1");
  CHECK(popped ==
        "1a0 1f0 1g0 1p0 1n0 1o0 1b0 1j0 1a1 1h1 1t0 2m0 2n1 2z0 2e1 2j1 2i1 2y0 2k1 3u0 3c0 "
        "3x0 3q0 3r0 3e0 3d1 3s0 3l1 3w0 3m1 3h0 3i0 3k0 3d0");

  // With the default std::less, pairs order like Python tuples.
  aio::PriorityQueue<std::pair<int, std::string>> tuples;
  for (auto item : {std::pair<int, std::string>{2, "b"}, {1, "z"}, {1, "a"}, {3, "c"}}) {
    tuples.put_nowait(item).value();
  }
  std::string order;
  while (!tuples.empty()) order += tuples.get_nowait().value().second;
  CHECK(order == "azbc");
}

// Hand-written expectation: asyncio has no deadlock report; this is ours (DESIGN.md 7).
TEST_CASE("Queue: tasks stuck in get, put and join are reported with those names") {
  host::NativeHost real;
  host::VirtualTimeHost host(real);
  aio::TaskCore::reset_name_counter();
  aio::Queue<int> empty;
  aio::Queue<int> full(1);
  aio::Result<void> outcome = aio::run(host, stuck_everywhere(empty, full));
  REQUIRE(!outcome.ok());
  CHECK(outcome.error().kind() == aio::ErrorKind::deadlock);
  CHECK_THAT(outcome.error().message(), Catch::Contains("Task-1 waits on Queue.join()"));
  CHECK_THAT(outcome.error().message(), Catch::Contains("getter waits on Queue.get()"));
  CHECK_THAT(outcome.error().message(), Catch::Contains("putter waits on Queue.put()"));
  CHECK(empty.waiting_getters() == 0);  // the run cancelled them, and they cleaned up
  CHECK(full.waiting_putters() == 0);
}

TEST_CASE("Queue: items left in a queue or in a cancelled put are freed") {
  test_support::CountedScope counting;
  {
    host::NativeHost real;
    host::VirtualTimeHost host(real);
    aio::Queue<test_support::Counted> queue(1);
    aio::PriorityQueue<int> priorities;
    REQUIRE(aio::run(host, leave_items_behind(queue, priorities)).ok());
    CHECK(queue.qsize() == 1);
    CHECK(queue.waiting_putters() == 0);  // the blocked put was cancelled by the run
    CHECK(test_support::Counted::live() == 1);
  }
  CHECK(test_support::Counted::live() == 0);
}
