// The nine seed scenarios (tests/scenarios/NN_*.py) written against core/aio.
//
// Each TEST_CASE mirrors one Python program await for await and task for task, prints the
// same lines into a vector, and must equal what CPython 3.11 printed for that program
// (NN_*.out, recorded by scripts/record_cpython.py under a virtual clock) and take the
// same virtual time (NN_*.time). Nothing here is a hand-written expectation: change a
// scenario, rerun `python3 scripts/record_cpython.py tests/scenarios/*.py`, and the C++
// must follow. Python's formatting is reproduced by hand for the simple values printed:
// "%.1f" for `:.1f`, and repr() of short dicts, lists and strings.
//
// Coroutine bodies use CHECK, never REQUIRE: an exception cannot leave a coroutine of a
// core built with -fno-exceptions. Errors propagate as values (co_return error), as an
// exception would propagate through the Python program.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/aio/event.hpp"
#include "core/aio/gather.hpp"
#include "core/aio/queue.hpp"
#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"
#include "tests/unit/support/expected_output.hpp"

// Returns the error of an awaited Result<void> from the enclosing coroutine, the way an
// exception raised by an `await` leaves the Python function.
#define PROPAGATE(awaited)                 \
  do {                                     \
    aio::Result<void> propagated_ = (awaited); \
    if (!propagated_) co_return propagated_.error(); \
  } while (0)

namespace {

using Lines = std::vector<std::string>;

// A run on virtual time: sleeps jump the clock, so every scenario is instant and exact.
struct VirtualRun {
  host::NativeHost real;
  host::VirtualTimeHost host{real};
};

// Python's f"{value:.{digits}f}".
std::string fixed(double value, int digits) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

// repr() of a str without quotes or backslashes in it: 'text'.
std::string repr(const std::string& text) { return "'" + text + "'"; }

// repr() of a list of such strings: ['a', 'b'].
std::string repr(const std::vector<std::string>& items) {
  std::string text = "[";
  for (size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + repr(items[i]);
  return text + "]";
}

// The running loop's time(): what the Python programs read with time.perf_counter(),
// which the recorder ties to the same virtual clock.
double loop_time() { return aio::Loop::running()->time(); }

// time.sleep(seconds) in the recorder blocks every task and advances the virtual clock.
// Modelled by waiting on the host from inside the task: the loop runs nothing meanwhile,
// exactly as the interpreter's driver will resume no other frame during a blocking call.
void block(double seconds) {
  host::Host& host = aio::Loop::running()->host();
  host.wait_until(host.now() + seconds);
}

// Compares a scenario's output and virtual duration with CPython's recording.
void expect_as_recorded(const char* program, const Lines& printed, double elapsed) {
  test_support::RecordedRun recorded =
      test_support::load_recorded_run(std::string("tests/scenarios/") + program);
  REQUIRE_FALSE(recorded.deadlocked());
  CHECK(printed == recorded.lines);
  CHECK(elapsed == Approx(recorded.seconds).margin(1e-9).epsilon(0));
}

// --- 01_basic_await ---------------------------------------------------------------------

struct Profile {
  int user_id;
  std::string nickname;
  bool admin;
};

aio::Task<Profile> load_profile(Lines& out) {
  out.push_back("Loading the profile...");
  PROPAGATE(co_await aio::sleep(1));
  out.push_back("Profile loaded.");
  co_return Profile{42, "ada", false};
}

aio::Task<void> basic_main(Lines& out) {
  aio::Result<Profile> profile = co_await load_profile(out);
  if (!profile) co_return profile.error();
  const Profile& p = profile.value();
  out.push_back("Got: {'user_id': " + std::to_string(p.user_id) + ", 'nickname': " +
                repr(p.nickname) + ", 'admin': " + (p.admin ? "True" : "False") + "}");
  co_return {};
}

// --- 02_gather_three_tasks --------------------------------------------------------------

aio::Task<std::string> job(std::string label, int seconds, Lines& out) {
  out.push_back("Job " + label + " started");
  PROPAGATE(co_await aio::sleep(seconds));
  out.push_back("Job " + label + " finished after " + std::to_string(seconds) + "s");
  co_return label + " is done";
}

aio::Task<void> gather_main(Lines& out) {
  double started = loop_time();
  std::vector<aio::Task<std::string>> jobs;
  jobs.push_back(job("red", 2, out));
  jobs.push_back(job("green", 1, out));
  jobs.push_back(job("blue", 3, out));
  aio::Result<std::vector<std::string>> outcomes = co_await aio::gather(std::move(jobs));
  if (!outcomes) co_return outcomes.error();
  double elapsed = loop_time() - started;
  out.push_back("All jobs finished in " + fixed(elapsed, 1) + " seconds");
  out.push_back("Outcomes: " + repr(outcomes.value()));
  co_return {};
}

// --- 03_async_context_manager -----------------------------------------------------------

struct Book {
  std::string title;
  int year;
};

// RecordStore: enter() and exit() are __aenter__ and __aexit__.
struct RecordStore {
  Lines& out;

  aio::Task<void> enter() {
    out.push_back("Opening the record store...");
    PROPAGATE(co_await aio::sleep(0.4));
    out.push_back("Record store open.");
    co_return {};
  }
  aio::Task<void> exit() {
    out.push_back("Closing the record store...");
    PROPAGATE(co_await aio::sleep(0.15));
    out.push_back("Record store closed.");
    co_return {};
  }
  aio::Task<std::vector<Book>> find(std::string query) {
    out.push_back("Running query: " + query);
    PROPAGATE(co_await aio::sleep(0.25));
    co_return std::vector<Book>{{"The Dispossessed", 1974}};
  }
};

aio::Task<void> context_manager_main(Lines& out) {
  RecordStore store{out};
  PROPAGATE(co_await store.enter());  // async with RecordStore() as store:
  aio::Result<std::vector<Book>> books = co_await store.find("author = 'Le Guin'");
  if (books) {
    std::string text = "[";
    for (const Book& book : books.value()) {
      text += "{'title': " + repr(book.title) + ", 'year': " + std::to_string(book.year) + "}";
    }
    out.push_back("Found: " + text + "]");
  }
  PROPAGATE(co_await store.exit());  // __aexit__ runs whether or not the block failed
  if (!books) co_return books.error();
  out.push_back("Back outside the block.");
  co_return {};
}

// --- 04_async_iterator ------------------------------------------------------------------

// Countdown: next() is __anext__; an empty optional is StopAsyncIteration.
struct Countdown {
  int remaining;

  aio::Task<std::optional<int>> next() {
    if (remaining == 0) co_return std::optional<int>();
    PROPAGATE(co_await aio::sleep(0.25));
    int value = remaining;
    remaining -= 1;
    co_return std::optional<int>(value);
  }
};

aio::Task<void> async_iterator_main(Lines& out) {
  Countdown countdown{3};
  for (;;) {  // async for seconds_left in Countdown(3):
    aio::Result<std::optional<int>> seconds_left = co_await countdown.next();
    if (!seconds_left) co_return seconds_left.error();
    if (!seconds_left.value()) break;
    out.push_back("T minus " + std::to_string(*seconds_left.value()));
  }
  out.push_back("Liftoff!");
  co_return {};
}

// --- 05_http_client_simulated -----------------------------------------------------------

struct SimulatedAnswer {
  std::string url;
  double seconds;             // until the answer
  std::optional<int> status;  // none: the connection fails
  std::string body;           // the body, or the connection error's message
};

// SIMULATED_SERVER, in the same (insertion) order.
const std::vector<SimulatedAnswer>& simulated_server() {
  static const std::vector<SimulatedAnswer> answers = {
      {"https://example.test/slow/1", 1.0, 200, std::string(310, 'a')},
      {"https://example.test/slow/2", 2.0, 200, std::string(325, 'b')},
      {"https://example.test/data.json", 0.25, 200, "{\"items\": [1, 2, 3]}"},
      {"https://example.test/missing", 0.5, 404, "Not Found"},
      {"https://unreachable.test/", 1.5, std::nullopt,
       "Cannot connect to host unreachable.test:443"},
  };
  return answers;
}

struct SimulatedResponse {
  int status;
  std::string body;

  aio::Task<std::string> text() const {
    PROPAGATE(co_await aio::sleep(0));  // the body is already buffered: one loop turn
    co_return body;
  }
};

// session.get(url)'s __aenter__: the answer after its delay, or a ConnectionError.
aio::Task<SimulatedResponse> simulated_get(std::string url) {
  for (const SimulatedAnswer& answer : simulated_server()) {
    if (answer.url != url) continue;
    PROPAGATE(co_await aio::sleep(answer.seconds));
    if (!answer.status) co_return aio::Error(aio::ErrorKind::user, answer.body);
    co_return SimulatedResponse{*answer.status, answer.body};
  }
  co_return aio::Error(aio::ErrorKind::user, "KeyError: " + url);
}

struct FetchResult {
  std::string url;
  int status = 0;
  size_t length = 0;
  std::optional<std::string> error;  // the connection error, caught
};

aio::Task<FetchResult> fetch(std::string url) {
  aio::Result<SimulatedResponse> response = co_await simulated_get(url);
  if (!response) {
    if (response.error().is(aio::ErrorKind::cancelled)) co_return response.error();
    co_return FetchResult{url, 0, 0, response.error().message()};  // except ConnectionError
  }
  aio::Result<std::string> text = co_await response.value().text();
  if (!text) co_return text.error();
  co_return FetchResult{url, response.value().status, text.value().size(), std::nullopt};
}

aio::Task<void> http_main(Lines& out) {
  std::vector<aio::Task<FetchResult>> fetches;
  for (const SimulatedAnswer& answer : simulated_server()) fetches.push_back(fetch(answer.url));
  double started = loop_time();
  aio::Result<std::vector<FetchResult>> results = co_await aio::gather(std::move(fetches));
  if (!results) co_return results.error();
  double elapsed = loop_time() - started;
  out.push_back("Fetched " + std::to_string(simulated_server().size()) + " URLs in " +
                fixed(elapsed, 1) + " seconds");
  for (const FetchResult& result : results.value()) {
    if (result.error) {
      out.push_back(result.url + ": failed (" + *result.error + ")");
    } else {
      out.push_back(result.url + ": " + std::to_string(result.status) + " (" +
                    std::to_string(result.length) + " chars)");
    }
  }
  co_return {};
}

// --- 06_producer_consumer_deadlock ------------------------------------------------------

const double cook_seconds[] = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
const double serve_seconds[] = {0.6, 0.5, 0.7, 0.4, 0.3, 0.5};

// None is the empty optional ("closing time").
using DishQueue = aio::Queue<std::optional<int>>;

void log(Lines& out, const std::string& message) {
  std::string line = "[";
  line += fixed(loop_time(), 1);  // STARTED is 0.0, where the virtual clock starts
  line += "s] ";
  line += message;
  out.push_back(std::move(line));
}

aio::Task<void> kitchen(DishQueue& queue, Lines& out) {
  int number = 0;
  for (double seconds : cook_seconds) {
    PROPAGATE(co_await aio::sleep(seconds));
    PROPAGATE(co_await queue.put(number));
    log(out, "kitchen cooked dish " + std::to_string(number) + " (queue: " +
                 std::to_string(queue.qsize()) + ")");
    ++number;
  }
  PROPAGATE(co_await queue.put(std::nullopt));  // one None for two waiters: the bug
  log(out, "kitchen closed");
  co_return {};
}

aio::Task<void> waiter(DishQueue& queue, std::string name, Lines& out) {
  for (;;) {
    aio::Result<std::optional<int>> dish = co_await queue.get();
    if (!dish) co_return dish.error();
    if (!dish.value()) {
      CHECK(queue.task_done().ok());
      break;
    }
    int number = *dish.value();
    PROPAGATE(co_await aio::sleep(serve_seconds[number]));
    log(out, name + " served dish " + std::to_string(number));
    CHECK(queue.task_done().ok());
  }
  log(out, name + " went home");
  co_return {};
}

aio::Task<void> producer_consumer_main(Lines& out) {
  DishQueue queue(3);
  aio::TaskHandle<void> cook = aio::create_task(kitchen(queue, out), "kitchen");
  aio::TaskHandle<void> a = aio::create_task(waiter(queue, "waiter-A", out), "waiter-A");
  aio::TaskHandle<void> b = aio::create_task(waiter(queue, "waiter-B", out), "waiter-B");
  auto all = co_await aio::gather(cook, a, b);
  if (!all) co_return all.error();
  log(out, "all done");  // never reached: one waiter is still waiting
  co_return {};
}

// --- 07_gather_errors -------------------------------------------------------------------

aio::Task<std::string> read_sensor(std::string name, double seconds, bool broken, Lines& out) {
  PROPAGATE(co_await aio::sleep(seconds));
  if (broken) co_return aio::Error(aio::ErrorKind::value_error, "sensor " + repr(name) + " did not answer");
  out.push_back("  " + name + " answered");
  co_return name + " reads " + std::to_string(name.size() * 3);
}

std::vector<aio::Task<std::string>> three_sensors(Lines& out) {
  std::vector<aio::Task<std::string>> sensors;
  sensors.push_back(read_sensor("thermometer", 0.3, false, out));
  sensors.push_back(read_sensor("hygrometer", 0.1, true, out));
  sensors.push_back(read_sensor("barometer", 0.2, false, out));
  return sensors;
}

aio::Task<void> gather_errors_main(Lines& out) {
  out.push_back("With return_exceptions=True:");
  auto results = co_await aio::gather(aio::return_exceptions, three_sensors(out));
  if (!results) co_return results.error();
  int index = 0;
  for (const aio::Result<std::string>& result : results.value()) {
    if (!result) {
      out.push_back("Sensor " + std::to_string(index) + " failed: " + result.error().describe());
    } else {
      out.push_back("Sensor " + std::to_string(index) + " succeeded: " + result.value());
    }
    ++index;
  }

  out.push_back("Without it:");
  auto first_error = co_await aio::gather(three_sensors(out));
  if (first_error) co_return aio::Error(aio::ErrorKind::runtime_error, "gather did not fail");
  if (!first_error.error().is(aio::ErrorKind::value_error)) co_return first_error.error();
  out.push_back("gather raised ValueError: " + first_error.error().message());
  co_return {};  // asyncio.run then cancels the two sensors still sleeping
}

// --- 08_sync_vs_async_timing ------------------------------------------------------------

const std::vector<std::string>& report_urls() {
  static const std::vector<std::string> urls = {"https://example.test/report/1",
                                                "https://example.test/report/2",
                                                "https://example.test/report/3"};
  return urls;
}

std::string fetched(const std::string& url) { return url.substr(url.size() - 1) + ": ok"; }

aio::Task<std::string> fetch_async(std::string url) {
  PROPAGATE(co_await aio::sleep(1));
  co_return fetched(url);
}

// An async def that never awaits: the blocking call holds the loop.
aio::Task<std::string> fetch_blocking_in_coroutine(std::string url) {
  block(1);
  co_return fetched(url);
}

struct TimedResults {
  std::vector<std::string> results;
  double seconds;
};

aio::Task<TimedResults> sync_vs_async_main_async() {
  double started = loop_time();
  std::vector<aio::Task<std::string>> fetches;
  for (const std::string& url : report_urls()) fetches.push_back(fetch_async(url));
  auto results = co_await aio::gather(std::move(fetches));
  if (!results) co_return results.error();
  co_return TimedResults{std::move(results.value()), loop_time() - started};
}

aio::Task<double> sync_vs_async_main_blocking_gathered() {
  double started = loop_time();
  std::vector<aio::Task<std::string>> fetches;
  for (const std::string& url : report_urls()) fetches.push_back(fetch_blocking_in_coroutine(url));
  auto results = co_await aio::gather(std::move(fetches));
  if (!results) co_return results.error();
  co_return loop_time() - started;
}

// --- 09_cpu_bound_blocks_loop -----------------------------------------------------------

// The module globals `ticks` and `beats`.
struct Witnesses {
  int ticks = 0;  // loop turns the ticker got
  int beats = 0;  // heartbeats so far
};

aio::Task<void> ticker(aio::Event& stop, Witnesses& seen) {
  while (!stop.is_set()) {
    seen.ticks += 1;
    PROPAGATE(co_await aio::sleep(0));
  }
  co_return {};
}

aio::Task<void> heartbeat(Witnesses& seen) {
  for (;;) {
    PROPAGATE(co_await aio::sleep(0.15));
    seen.beats += 1;
  }
}

int64_t sum_of_squares(int64_t from, int64_t to) {
  int64_t total = 0;
  for (int64_t i = from; i < to; ++i) total += i * i;
  return total;
}

// CPU-bound: never awaits, so no other task runs until it returns.
int64_t crunch(int64_t limit) { return sum_of_squares(0, limit); }

aio::Task<int64_t> crunch_in_slices(int64_t limit, int64_t slices) {
  int64_t total = 0;
  int64_t size = limit / slices;
  for (int64_t start = 0; start < limit; start += size) {
    total += sum_of_squares(start, std::min(start + size, limit));
    PROPAGATE(co_await aio::sleep(0));
  }
  co_return total;
}

aio::Task<void> cpu_bound_main(Lines& out) {
  Witnesses seen;
  aio::Event stop;
  aio::TaskHandle<void> ticking = aio::create_task(ticker(stop, seen));
  PROPAGATE(co_await aio::sleep(0));  // let the ticker start

  int before = seen.ticks;
  int64_t total = crunch(300000);
  out.push_back("crunch in one piece: total=" + std::to_string(total) +
                ", ticker turns meanwhile: " + std::to_string(seen.ticks - before));

  before = seen.ticks;
  aio::Result<int64_t> sliced = co_await crunch_in_slices(300000, 4);
  if (!sliced) co_return sliced.error();
  out.push_back("crunch in 4 slices:  total=" + std::to_string(sliced.value()) +
                ", ticker turns meanwhile: " + std::to_string(seen.ticks - before));

  stop.set();
  PROPAGATE(co_await ticking);
  out.push_back("ticker stopped after " + std::to_string(seen.ticks) + " turns");

  aio::TaskHandle<void> beating = aio::create_task(heartbeat(seen));
  before = seen.beats;
  PROPAGATE(co_await aio::sleep(0.5));  // I/O-bound wait: the loop runs other tasks
  out.push_back("await asyncio.sleep(0.5): heartbeats meanwhile: " +
                std::to_string(seen.beats - before));

  before = seen.beats;
  block(0.5);  // time.sleep(0.5): nothing else runs
  out.push_back("time.sleep(0.5):          heartbeats meanwhile: " +
                std::to_string(seen.beats - before));

  beating.cancel();
  co_return {};
}

}  // namespace

TEST_CASE("seed scenario 01: a coroutine awaits another", "[scenarios]") {
  VirtualRun run;
  Lines out;
  REQUIRE(aio::run(run.host, basic_main(out)).ok());
  expect_as_recorded("01_basic_await", out, run.host.now());
}

TEST_CASE("seed scenario 02: gather runs three jobs concurrently", "[scenarios]") {
  VirtualRun run;
  Lines out;
  REQUIRE(aio::run(run.host, gather_main(out)).ok());
  expect_as_recorded("02_gather_three_tasks", out, run.host.now());
}

TEST_CASE("seed scenario 03: an async context manager", "[scenarios]") {
  VirtualRun run;
  Lines out;
  REQUIRE(aio::run(run.host, context_manager_main(out)).ok());
  expect_as_recorded("03_async_context_manager", out, run.host.now());
}

TEST_CASE("seed scenario 04: an async iterator", "[scenarios]") {
  VirtualRun run;
  Lines out;
  REQUIRE(aio::run(run.host, async_iterator_main(out)).ok());
  expect_as_recorded("04_async_iterator", out, run.host.now());
}

TEST_CASE("seed scenario 05: concurrent HTTP fetches (simulated)", "[scenarios]") {
  VirtualRun run;
  Lines out;
  REQUIRE(aio::run(run.host, http_main(out)).ok());
  expect_as_recorded("05_http_client_simulated", out, run.host.now());
}

TEST_CASE("seed scenario 06: producer/consumer ends in a reported deadlock", "[scenarios]") {
  VirtualRun run;
  Lines out;
  aio::Result<void> outcome = aio::run(run.host, producer_consumer_main(out));

  test_support::RecordedRun recorded =
      test_support::load_recorded_run("tests/scenarios/06_producer_consumer_deadlock");
  REQUIRE(recorded.deadlocked());  // CPython hangs where aio reports
  CHECK(out == recorded.lines_before_deadlock());
  CHECK(run.host.now() == Approx(recorded.seconds).margin(1e-9).epsilon(0));

  REQUIRE_FALSE(outcome.ok());
  REQUIRE(outcome.error().is(aio::ErrorKind::deadlock));
  const std::string& report = outcome.error().message();
  INFO(report);
  // waiter-B took the only None and went home; waiter-A waits for an item forever.
  CHECK(report.find("waiter-A waits on Queue.get()") != std::string::npos);
  CHECK(report.find("waiter-B") == std::string::npos);
  CHECK(report.find("kitchen") == std::string::npos);
  CHECK(report.find("waits on gather()") != std::string::npos);  // the main task
}

TEST_CASE("seed scenario 07: gather with and without return_exceptions", "[scenarios]") {
  VirtualRun run;
  Lines out;
  REQUIRE(aio::run(run.host, gather_errors_main(out)).ok());
  expect_as_recorded("07_gather_errors", out, run.host.now());
}

TEST_CASE("seed scenario 08: blocking calls against awaited ones", "[scenarios]") {
  VirtualRun run;
  Lines out;
  // The sequential part runs before any loop exists: each time.sleep(1) waits on the host.
  double started = run.host.now();
  std::vector<std::string> sync_results;
  for (const std::string& url : report_urls()) {
    run.host.wait_until(run.host.now() + 1);
    sync_results.push_back(fetched(url));
  }
  double sync_time = run.host.now() - started;

  aio::Result<TimedResults> concurrent = aio::run(run.host, sync_vs_async_main_async());
  REQUIRE(concurrent.ok());
  aio::Result<double> gathered_blocking = aio::run(run.host, sync_vs_async_main_blocking_gathered());
  REQUIRE(gathered_blocking.ok());

  double async_time = concurrent.value().seconds;
  out.push_back("Sync results:  " + repr(sync_results));
  out.push_back("Async results: " + repr(concurrent.value().results));
  out.push_back("Sync time: " + fixed(sync_time, 1) + "s");
  out.push_back("Async time: " + fixed(async_time, 1) + "s");
  out.push_back("Speedup: " + fixed(sync_time / async_time, 1) + "x");
  out.push_back("Blocking calls inside gather: " + fixed(gathered_blocking.value(), 1) + "s");
  expect_as_recorded("08_sync_vs_async_timing", out, run.host.now());
}

TEST_CASE("seed scenario 09: CPU-bound work holds the loop", "[scenarios]") {
  VirtualRun run;
  Lines out;
  REQUIRE(aio::run(run.host, cpu_bound_main(out)).ok());
  expect_as_recorded("09_cpu_bound_blocks_loop", out, run.host.now());
}
