// The Python asyncio binding (core/py/modules/asyncio_*.cpp) beyond what the program
// corpus checks: programs run twice in one process (per-run state is reset: task names,
// exception classes, the loop object, warnings shown), heap use that does not grow with
// the number of asyncio.run() calls (futures, tasks and their done callbacks are freed),
// cancellation at an await, the deadlock report and the trace events (these two have no
// CPython counterpart: their expected text is ours). Expected outputs are CPython's: the
// corpus's .out files and tests/unit/data/asyncio/*.out, recorded by
// scripts/record_asyncio_cases.py.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/host/host.hpp"
#include "core/host/virtual_time_host.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/vm/interpreter.hpp"
#include "support/expected_output.hpp"
#include "support/string_host.hpp"

namespace {

struct Outcome {
  std::string out;       // stdout
  std::string err;       // stderr
  int status = 0;        // exit status
  size_t heap_bytes = 0;  // live heap after the program ended, before the run's teardown
};

// Runs `source` as main.py under virtual time, sending trace events to `sink` if given.
Outcome run_program(const std::string& source, aio::TraceSink sink = {}) {
  test_support::StringHost capture;
  host::VirtualTimeHost host(capture);
  py::RunOptions options;
  options.virtual_time = true;
  options.trace_sink = std::move(sink);
  Outcome outcome;
  {
    py::Interpreter interpreter(host, options);
    outcome.status = interpreter.run_main(source);
    outcome.heap_bytes = py::runtime().heap_bytes;
  }
  outcome.out = capture.out;
  outcome.err = capture.err;
  return outcome;
}

}  // namespace

TEST_CASE("asyncio programs print what CPython printed when run twice in one process", "[asyncio]") {
  const char* programs[] = {
      "tests/programs/asyncio/gather_result_order",
      "tests/programs/asyncio/task_default_name_numbers",
      "tests/programs/asyncio/queue_bounded_put_waits",
      "tests/programs/asyncio/task_cancel_sleeping",
      "tests/programs/asyncio/future_set_result_await",
      "tests/scenarios/06_producer_consumer_deadlock",
  };
  for (const char* program : programs) {
    INFO(program);
    std::string source = test_support::read_source_file(std::string(program) + ".py");
    std::string expected = test_support::read_source_file(std::string(program) + ".out");
    Outcome first = run_program(source);
    Outcome second = run_program(source);
    CHECK(first.out == expected);
    CHECK(second.out == expected);
  }
}

TEST_CASE("each run shows its own 'never awaited' warnings, as each CPython process does",
          "[asyncio]") {
  const std::string program = "tests/programs/bad_input/coroutine_never_awaited";
  std::string source = test_support::read_source_file(program + ".py");
  std::string expected = test_support::read_source_file(program + ".stderr");
  CHECK(run_program(source).err == expected);
  CHECK(run_program(source).err == expected);
}

TEST_CASE("asyncio binding cases print what CPython printed", "[asyncio]") {
  const char* cases[] = {"cancel_at_future_await", "cancel_pending_wakeup", "bad_yield_and_blocking",
                         "future_outlives_its_loop"};
  for (const char* name : cases) {
    INFO(name);
    std::string base = std::string("tests/unit/data/asyncio/") + name;
    Outcome outcome = run_program(test_support::read_source_file(base + ".py"));
    CHECK(outcome.out == test_support::read_source_file(base + ".out"));
    CHECK(outcome.status == 0);
  }
}

// CPython hangs here, so the expected text is ours: the recorder's marker as the last
// stdout line (the waiting coroutines' `finally` blocks never run, as in the hung CPython)
// and the report on stderr.
TEST_CASE("a deadlock prints the marker and names each waiting task and its line", "[asyncio]") {
  Outcome outcome = run_program(
      "import asyncio\n"
      "async def stuck(queue):\n"
      "    try:\n"
      "        await queue.get()\n"
      "    finally:\n"
      "        print('never: finally')\n"
      "async def main():\n"
      "    queue = asyncio.Queue()\n"
      "    await asyncio.create_task(stuck(queue), name='consumer')\n"
      "asyncio.run(main())\n"
      "print('never')\n");
  CHECK(outcome.out == "--- deadlock ---\n");
  CHECK(outcome.status == 1);
  CHECK(outcome.err ==
        "Deadlock: every task is waiting and nothing can wake them\n"
        "  task 'Task-1' waits on consumer (main.py, line 9)\n"
        "  task 'consumer' waits on Queue.get() (main.py, line 4)\n");
}

TEST_CASE("a wait inside an embedded module is reported at the program's line", "[asyncio]") {
  // contextlib is written in Python: its __aenter__, called from line 7, waits on the
  // generator through anext(), where the chain of suspended frames ends (the report cannot
  // see line 4 behind it). Line 7 is the program's innermost line the chain shows.
  Outcome outcome = run_program(
      "import asyncio, contextlib\n"
      "@contextlib.asynccontextmanager\n"
      "async def opened(event):\n"
      "    await event.wait()\n"
      "    yield\n"
      "async def main():\n"
      "    async with opened(asyncio.Event()):\n"
      "        pass\n"
      "asyncio.run(main())\n");
  CHECK(outcome.err ==
        "Deadlock: every task is waiting and nothing can wake them\n"
        "  task 'Task-1' waits on Event.wait() (main.py, line 7)\n");
}

TEST_CASE("heap use does not grow with the number of asyncio.run calls", "[asyncio]") {
  // Futures with results and callbacks, tasks (finished, failed, cancelled), a gather, a
  // queue and a lock: everything one run makes is freed when it ends.
  auto program = [](int runs) {
    return "import asyncio\n"
           "async def work(n, queue, lock):\n"
           "    async with lock:\n"
           "        await queue.put([n] * 10)\n"
           "    await asyncio.sleep(0.01)\n"
           "    if n == 2:\n"
           "        raise ValueError(n)\n"
           "    return await queue.get()\n"
           "async def main():\n"
           "    loop = asyncio.get_running_loop()\n"
           "    future = loop.create_future()\n"
           "    future.add_done_callback(lambda f: f.result())\n"
           "    loop.call_soon(future.set_result, list(range(20)))\n"
           "    await future\n"
           "    queue, lock = asyncio.Queue(), asyncio.Lock()\n"
           "    await asyncio.gather(*(work(n, queue, lock) for n in range(4)), return_exceptions=True)\n"
           "    sleeper = asyncio.create_task(asyncio.sleep(10))\n"
           "    await asyncio.sleep(0)\n"
           "    sleeper.cancel()\n"
           "for _ in range(" +
           std::to_string(runs) +
           "):\n"
           "    asyncio.run(main())\n"
           "del _\n";
  };
  Outcome once = run_program(program(1));
  Outcome many = run_program(program(40));
  INFO(once.err << many.err);
  REQUIRE(once.status == 0);
  REQUIRE(many.status == 0);
  CHECK(many.heap_bytes <= once.heap_bytes + 256);
}

TEST_CASE("printed output and each wait with its line become trace events", "[asyncio]") {
  std::vector<std::string> events;
  auto sink = [&](const aio::TraceEvent& event) {
    if (event.kind != aio::TraceKind::output && event.kind != aio::TraceKind::task_suspended) return;
    events.push_back(std::string(aio::trace_kind_name(event.kind)) + " " + std::string(event.task_name) +
                     " " + std::string(event.what) + " " + std::to_string(event.line) + " " +
                     std::to_string(event.time));
  };
  Outcome outcome = run_program(
      "import asyncio\n"
      "async def child():\n"
      "    print('child')\n"
      "    await asyncio.sleep(1)\n"
      "async def main():\n"
      "    await asyncio.create_task(child(), name='kid')\n"
      "    print('main')\n"
      "asyncio.run(main())\n",
      sink);
  REQUIRE(outcome.status == 0);
  CHECK(events == std::vector<std::string>{
                      "suspended Task-1 kid 6 0.000000",
                      "output kid child\n 0 0.000000",
                      "suspended kid sleep() 4 0.000000",
                      "output Task-1 main\n 0 1.000000",
                  });
}
