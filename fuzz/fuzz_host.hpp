// The fuzz targets' Host: no I/O, output thrown away, time standing still (run_fuzzer
// puts VirtualTimeHost on top, which jumps the clock), and a budget. The budget is what
// the run may compute before the host asks it to stop through Host::interrupted(), which
// the interpreter turns into KeyboardInterrupt:
//   - VM poll periods: the VM calls poll() once every host_poll_interval loop iterations
//     (core/py/vm/eval_support.hpp) and asks interrupted() right after;
//   - checks: interrupted() is also asked once per event-loop turn (aio::Loop) and per
//     time.sleep() step, so a program that only awaits or sleeps runs out too.
// Once spent, interrupted() stays true: the run ends at its next loop end or loop turn.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/host/host.hpp"

namespace fuzz {

class FuzzHost final : public host::Host {
 public:
  FuzzHost() = default;
  FuzzHost(int64_t polls_allowed, int64_t checks_allowed)
      : polls_left_(polls_allowed), checks_left_(checks_allowed) {}

  double now() override { return 0; }
  void wait_until(std::optional<double>) override {}
  bool has_pending_io() override { return false; }
  // HTTP: start_http's default makes no request (returns 0, never completes).
  void write(host::Stream, std::string_view) override {}
  void poll() override { --polls_left_; }
  bool interrupted() override { return --checks_left_ < 0 || polls_left_ < 0; }

 private:
  int64_t polls_left_ = INT64_MAX / 2;   // VM poll periods before interrupted() turns true
  int64_t checks_left_ = INT64_MAX / 2;  // interrupted() calls before it turns true
};

}  // namespace fuzz
