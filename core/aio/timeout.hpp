// aio::Timeout — asyncio.timeout() / timeout_at() from CPython 3.11's
// timeouts.py, as a scope object instead of an `async with` block:
//
//   aio::Timeout scope = aio::timeout(1.0);          // __aenter__
//   Result<int> r = scope.finish(co_await work());   // __aexit__
//
// or, for one awaitable, `Result<int> r = co_await aio::with_timeout(1.0, work());`.
//
// Entering binds the scope to the current task and schedules a timer at the
// deadline (call_soon when it has already passed). When the timer fires it
// cancels the task, so whatever the task awaits fails with CancelledError.
// finish() then converts that CancelledError into TimeoutError if the scope
// expired and no other cancel request is pending (the task's uncancel()
// falls back to the count it had on entry) — so nested timeouts and outside
// cancels behave as in CPython. Neither entering nor finishing suspends.
#pragma once

#include <optional>

#include "core/aio/task.hpp"

namespace aio {

namespace detail {
class TimeoutState;
}

class Timeout {
 public:
  // Enters a scope expiring at loop time `when` (never, if empty) for the
  // current task; aborts when called outside a task.
  explicit Timeout(std::optional<double> when);
  Timeout(Timeout&& other) noexcept;
  Timeout& operator=(Timeout&&) = delete;
  // A scope left without finish() is left as if its body had succeeded:
  // the timer is cancelled, and an expired scope takes back its cancel.
  ~Timeout();

  // The current deadline (loop time), or none.
  std::optional<double> when() const;
  // Moves the deadline; RuntimeError once the scope expired or finished.
  Result<void> reschedule(std::optional<double> when);
  // True once the deadline passed while the scope was active.
  bool expired() const;

  // Leaves the scope with the body's outcome: TimeoutError in place of the
  // CancelledError this scope caused, else `outcome` unchanged. Call once;
  // later calls return `outcome` unchanged.
  template <class T>
  Result<T> finish(Result<T> outcome) {
    bool cancelled = !outcome && outcome.error().is(ErrorKind::cancelled);
    if (exit(cancelled)) return Error(ErrorKind::timeout);
    return outcome;
  }

 private:
  // __aexit__: true when the outcome must become TimeoutError.
  bool exit(bool outcome_is_cancelled);

  Ref<detail::TimeoutState> state_;  // shared with the scheduled timer
};

// asyncio.timeout(delay): a scope expiring `delay` seconds from now.
Timeout timeout(std::optional<double> delay);
// asyncio.timeout_at(when): a scope expiring at loop time `when`.
Timeout timeout_at(std::optional<double> when);

// Awaits `work` inside timeout(delay): its result, or TimeoutError.
template <class T>
Task<T> with_timeout(std::optional<double> delay, Task<T> work) {
  Timeout scope = timeout(delay);
  Result<T> outcome = co_await std::move(work);
  co_return scope.finish(std::move(outcome));
}

}  // namespace aio
