// The hosts' clocks (DESIGN.md decision 3): VirtualTimeHost jumps to the deadline when
// no I/O is in flight and follows the inner host's real time while I/O is; NativeHost's
// clock is monotonic and its wait really waits.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/aio/task.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"

namespace {

// An inner host with a hand-driven clock and I/O that completes `io_latency` seconds
// into any wait.
class FakeHost final : public host::Host {
 public:
  double clock = 100.0;       // its "real" time, far from the virtual origin
  bool io_pending = false;    // has_pending_io() answer
  double io_latency = 0.0;    // a wait ends this long after it starts, if I/O is pending
  std::vector<std::optional<double>> waits;  // deadlines passed to wait_until
  std::string written;        // everything written, both streams
  bool stop = false;          // interrupted() answer

  double now() override { return clock; }
  void wait_until(std::optional<double> deadline) override {
    waits.push_back(deadline);
    double end = io_pending ? clock + io_latency : clock;
    if (deadline && (!io_pending || *deadline < end)) end = std::max(clock, *deadline);
    clock = end;
  }
  bool has_pending_io() override { return io_pending; }
  void write(host::Stream stream, std::string_view text) override {
    written += (stream == host::Stream::stdout_stream ? "out:" : "err:") + std::string(text);
  }
  bool interrupted() override { return stop; }
};

}  // namespace

TEST_CASE("virtual time: waits jump the clock to the deadline, never back", "[virtual_time]") {
  FakeHost inner;
  host::VirtualTimeHost virtual_time(inner);
  REQUIRE(virtual_time.now() == 0.0);
  virtual_time.wait_until(5.0);
  REQUIRE(virtual_time.now() == 5.0);
  virtual_time.wait_until(3.0);  // a deadline in the past: no jump back
  REQUIRE(virtual_time.now() == 5.0);
  virtual_time.wait_until(std::nullopt);
  REQUIRE(virtual_time.now() == 5.0);
  virtual_time.wait_until(3600.0 * 24);
  REQUIRE(virtual_time.now() == 86400.0);
  REQUIRE(inner.waits.empty());  // no real waiting happened
  REQUIRE(inner.clock == 100.0);
}

TEST_CASE("virtual time: with I/O in flight the clock follows real time", "[virtual_time]") {
  FakeHost inner;
  host::VirtualTimeHost virtual_time(inner);
  virtual_time.wait_until(10.0);
  inner.io_pending = true;
  inner.io_latency = 0.25;
  REQUIRE(virtual_time.has_pending_io());
  virtual_time.wait_until(12.0);  // the I/O completes first, 0.25 s into the wait
  REQUIRE(virtual_time.now() == Approx(10.25));
  REQUIRE(inner.waits.back() == Approx(100.0 + 2.0));  // the deadline, in real time
  inner.io_latency = 5.0;
  virtual_time.wait_until(11.0);  // the timer comes first: 0.75 s more
  REQUIRE(virtual_time.now() == Approx(11.0));
  virtual_time.wait_until(std::nullopt);  // I/O only: waits as long as it takes
  REQUIRE_FALSE(inner.waits.back());
  REQUIRE(virtual_time.now() == Approx(16.0));
}

TEST_CASE("virtual time: output and interruption go to the inner host", "[virtual_time]") {
  FakeHost inner;
  host::VirtualTimeHost virtual_time(inner);
  virtual_time.write(host::Stream::stdout_stream, "a");
  virtual_time.write(host::Stream::stderr_stream, "b");
  REQUIRE(inner.written == "out:aerr:b");
  REQUIRE_FALSE(virtual_time.interrupted());
  inner.stop = true;
  REQUIRE(virtual_time.interrupted());
}

TEST_CASE("virtual time: an hour of sleeps takes no real time", "[virtual_time]") {
  host::NativeHost real;
  host::VirtualTimeHost virtual_time(real);
  std::vector<double> wakeups;
  auto body = [&]() -> aio::Task<int> {
    for (int i = 0; i < 60; ++i) {
      (co_await aio::sleep(60)).value();
      wakeups.push_back(aio::Loop::running()->time());
    }
    co_return 1;
  };
  auto started = std::chrono::steady_clock::now();
  REQUIRE(aio::run(virtual_time, body()).value() == 1);
  REQUIRE(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  REQUIRE(wakeups.size() == 60);
  for (size_t i = 0; i < wakeups.size(); ++i) REQUIRE(wakeups[i] == Approx(60.0 * (i + 1)));
  REQUIRE(virtual_time.now() == Approx(3600.0));
}

TEST_CASE("native host: the clock is monotonic and waits wait", "[virtual_time][realtime]") {
  host::NativeHost native;
  double previous = native.now();
  for (int i = 0; i < 10000; ++i) {
    double now = native.now();
    REQUIRE(now >= previous);
    previous = now;
  }
  double start = native.now();
  native.wait_until(start + 0.02);
  double waited = native.now() - start;
  CHECK(waited >= 0.02);
  CHECK(waited < 0.2);
  start = native.now();
  native.wait_until(start - 1.0);  // a past deadline returns at once
  native.wait_until(std::nullopt);  // no deadline and no I/O: returns at once
  CHECK(native.now() - start < 0.05);
  REQUIRE_FALSE(native.has_pending_io());
  REQUIRE_FALSE(native.interrupted());
}
