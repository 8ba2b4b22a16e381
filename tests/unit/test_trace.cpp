// Trace events (DESIGN.md decision 8): the loop reports each task's life — created,
// resumed, suspended on what, done / failed / cancelled — and output, with loop times.
// The program below is traced whole and its event list compared line by line.
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
  Lines events;  // "time kind task what line" per event

  VirtualLoop() {
    loop.set_trace_sink([this](const aio::TraceEvent& event) {
      char time[32];
      std::snprintf(time, sizeof time, "%.1f", event.time);
      std::string line = std::string(time) + " " + aio::trace_kind_name(event.kind) + " " +
                         std::string(event.task_name);
      if (!event.what.empty()) line += " [" + std::string(event.what) + "]";
      if (event.line) line += " @" + std::to_string(event.line);
      events.push_back(line);
    });
  }
};

aio::Task<int> fails() { co_return aio::Error(aio::ErrorKind::value_error, "bad"); }

}  // namespace

TEST_CASE("trace: the life of every task in a small program", "[trace]") {
  aio::TaskCore::reset_name_counter();
  VirtualLoop v;
  auto work = [&]() -> aio::Task<void> {
    aio::current_task()->set_wait_line(12);  // a language binding reports the await's line
    (co_await aio::sleep(0.5)).value();
    v.loop.trace(aio::TraceKind::output, aio::current_task(), "hello\n");
    co_return {};
  };
  auto victim = []() -> aio::Task<void> {
    aio::Result<void> slept = co_await aio::sleep(5);
    if (!slept) co_return slept.error();
    co_return {};
  };
  auto main_body = [&]() -> aio::Task<void> {
    auto worker = aio::create_task(work(), "worker");
    auto failing = aio::create_task(fails(), "failing");
    auto doomed = aio::create_task(victim(), "victim");
    (co_await aio::sleep(1)).value();
    doomed.cancel();
    (co_await worker).value();  // already done: no suspension
    (void)co_await doomed;
    (void)co_await failing;
    co_return {};
  };
  REQUIRE(aio::run_until_complete(v.loop, main_body()));
  REQUIRE(v.events == Lines{
                          "0.0 created Task-1",
                          "0.0 resumed Task-1",
                          "0.0 created worker",
                          "0.0 created failing",
                          "0.0 created victim",
                          "0.0 suspended Task-1 [sleep()]",
                          "0.0 resumed worker",
                          "0.0 suspended worker [sleep()] @12",
                          "0.0 resumed failing",
                          "0.0 failed failing [ValueError: bad]",
                          "0.0 resumed victim",
                          "0.0 suspended victim [sleep()]",
                          "0.5 resumed worker",
                          "0.5 output worker [hello\n]",
                          "0.5 done worker",
                          "1.0 resumed Task-1",
                          "1.0 suspended Task-1 [victim]",
                          "1.0 resumed victim",
                          "1.0 cancelled victim",
                          "1.0 resumed Task-1",
                          "1.0 done Task-1",
                      });
}

TEST_CASE("trace: sleep(0), cancel before the first step, output outside tasks", "[trace]") {
  aio::TaskCore::reset_name_counter();
  VirtualLoop v;
  auto yielder = []() -> aio::Task<void> {
    (co_await aio::sleep(0)).value();
    co_return {};
  };
  auto never = []() -> aio::Task<void> { co_return {}; };
  auto a = aio::spawn(v.loop, yielder());
  auto b = aio::spawn(v.loop, never());
  b.cancel();
  v.loop.trace(aio::TraceKind::output, nullptr, "between");
  v.loop.run_once();
  v.loop.run_once();
  REQUIRE(a.done());
  REQUIRE(b.cancelled());
  REQUIRE(v.events == Lines{
                          "0.0 created Task-1",
                          "0.0 created Task-2",
                          "0.0 output  [between]",
                          "0.0 resumed Task-1",
                          "0.0 suspended Task-1 [sleep(0)]",
                          "0.0 resumed Task-2",
                          "0.0 cancelled Task-2",
                          "0.0 resumed Task-1",
                          "0.0 done Task-1",
                      });
}

TEST_CASE("trace: no sink, no events, clearing the sink stops them", "[trace]") {
  VirtualLoop v;
  REQUIRE(v.loop.tracing());
  v.loop.set_trace_sink({});
  REQUIRE_FALSE(v.loop.tracing());
  auto quick = []() -> aio::Task<int> { co_return 1; };
  auto task = aio::spawn(v.loop, quick());
  v.loop.run_once();
  REQUIRE(task.done());
  REQUIRE(v.events.empty());
}

TEST_CASE("trace: every kind has a name", "[trace]") {
  REQUIRE(std::string(aio::trace_kind_name(aio::TraceKind::task_created)) == "created");
  REQUIRE(std::string(aio::trace_kind_name(aio::TraceKind::task_resumed)) == "resumed");
  REQUIRE(std::string(aio::trace_kind_name(aio::TraceKind::task_suspended)) == "suspended");
  REQUIRE(std::string(aio::trace_kind_name(aio::TraceKind::task_done)) == "done");
  REQUIRE(std::string(aio::trace_kind_name(aio::TraceKind::task_failed)) == "failed");
  REQUIRE(std::string(aio::trace_kind_name(aio::TraceKind::task_cancelled)) == "cancelled");
  REQUIRE(std::string(aio::trace_kind_name(aio::TraceKind::output)) == "output");
}
