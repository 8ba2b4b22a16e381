#include "core/py/modules/time_module.hpp"

#include <chrono>
#include <cmath>
#include <ctime>

#include "core/host/host.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/vm/execution.hpp"

namespace py {

namespace {

// The epoch time and the Host clock when the module was imported: time() moves with the
// Host clock from there, so virtual time shows in time.time() too.
double epoch_at_import = 0;
double host_clock_at_import = 0;

double host_now() { return runtime().host->now(); }

Ref<> seconds(double value) { return make_float(value); }
Ref<> nanoseconds(double value) { return make_int(int64_t(std::llround(value * 1e9))); }

Ref<> time_time(Object*, CallArgs args) {
  if (!check_positional("time", args, 0, 0)) return nullptr;
  return seconds(epoch_at_import + (host_now() - host_clock_at_import));
}
Ref<> time_time_ns(Object*, CallArgs args) {
  if (!check_positional("time_ns", args, 0, 0)) return nullptr;
  return nanoseconds(epoch_at_import + (host_now() - host_clock_at_import));
}
Ref<> time_monotonic(Object*, CallArgs args) {
  if (!check_positional("monotonic", args, 0, 0)) return nullptr;
  return seconds(host_now());
}
Ref<> time_monotonic_ns(Object*, CallArgs args) {
  if (!check_positional("monotonic_ns", args, 0, 0)) return nullptr;
  return nanoseconds(host_now());
}
Ref<> time_perf_counter(Object*, CallArgs args) {
  if (!check_positional("perf_counter", args, 0, 0)) return nullptr;
  return seconds(host_now());
}
Ref<> time_perf_counter_ns(Object*, CallArgs args) {
  if (!check_positional("perf_counter_ns", args, 0, 0)) return nullptr;
  return nanoseconds(host_now());
}
// CPU time of the process: the real processor clock, also under virtual time.
Ref<> time_process_time(Object*, CallArgs args) {
  if (!check_positional("process_time", args, 0, 0)) return nullptr;
  return seconds(double(std::clock()) / CLOCKS_PER_SEC);
}
Ref<> time_process_time_ns(Object*, CallArgs args) {
  if (!check_positional("process_time_ns", args, 0, 0)) return nullptr;
  return nanoseconds(double(std::clock()) / CLOCKS_PER_SEC);
}

// time.sleep(seconds) waiting in the driver.
class SleepCall final : public BlockingCall {
 public:
  explicit SleepCall(double duration) : duration_(duration) {}
  Ref<> complete() override {
    host::Host& host = *runtime().host;
    const double deadline = host.now() + duration_;
    // wait_until may return early to deliver I/O; a sleep waits its whole time.
    while (host.now() < deadline) {
      if (host.interrupted()) return raise_empty(keyboard_interrupt_type);
      host.wait_until(deadline);
    }
    return none();
  }
  const char* name() const override { return "time.sleep()"; }

 private:
  double duration_;  // seconds
};

Ref<> time_sleep(Object*, CallArgs args) {
  if (!check_positional("sleep", args, 1, 1)) return nullptr;
  Object* value = args.values[0];
  double duration = 0;
  if (is_float(value)) {
    duration = static_cast<Float*>(value)->value;
  } else {
    // CPython reads a non-float through __index__: "'str' object cannot be interpreted
    // as an integer".
    int64_t whole = 0;
    if (!index_to_int64(value, &whole)) return nullptr;
    duration = double(whole);
  }
  if (std::isnan(duration)) return raise(value_error_type, "Invalid value NaN (not a number)");
  if (duration < 0) return raise(value_error_type, "sleep length must be non-negative");
  return request_blocking_call(new SleepCall(duration));
}

const NativeMethod time_functions[] = {
    {"time", time_time},
    {"time_ns", time_time_ns},
    {"monotonic", time_monotonic},
    {"monotonic_ns", time_monotonic_ns},
    {"perf_counter", time_perf_counter},
    {"perf_counter_ns", time_perf_counter_ns},
    {"process_time", time_process_time},
    {"process_time_ns", time_process_time_ns},
    {"sleep", time_sleep},
    {nullptr, nullptr},
};

}  // namespace

int init_time_module(Module* module) {
  epoch_at_import = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  host_clock_at_import = host_now();
  for (const NativeMethod* row = time_functions; row->name; ++row) {
    Ref<NativeFunction> function = make_native_function(row, nullptr);
    if (!function || dict_set_str(module->dict.get(), row->name, function.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace py
