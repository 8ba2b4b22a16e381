// aio::Semaphore and aio::BoundedSemaphore: asyncio's (CPython 3.11
// locks.py), transliterated. A counter that acquire() decrements and
// release() increments; acquire() blocks at zero.
//
// 3.11's wakeup rule is kept exactly: waking a waiter (_wake_up_next) takes
// its unit from the counter at once, so a task that arrives between the
// wakeup and the waiter's resumption cannot steal it; locked() is also true
// while any queued waiter is not cancelled, so newcomers queue behind woken
// waiters. A waiter cancelled after being woken gives its unit back and wakes
// the next one; a waiter that finds units left over wakes the next one too.
//
// Design decision: acquire() is a Task<void> coroutine (see event.hpp);
// release() is virtual because BoundedSemaphore overrides it, as in Python.
// `co_await hold(semaphore)` (lock.hpp) is `async with semaphore:`.
#pragma once

#include <cstdint>

#include "core/aio/task.hpp"
#include "core/aio/waiters.hpp"

namespace aio {

class Semaphore {
 public:
  // `value` must be >= 0 (aborts otherwise): a binding checks it first with
  // check_initial_value(), which gives asyncio's ValueError.
  explicit Semaphore(int64_t value = 1);
  virtual ~Semaphore() = default;
  Semaphore(const Semaphore&) = delete;
  Semaphore& operator=(const Semaphore&) = delete;

  // ValueError "Semaphore initial value must be >= 0" for a negative value.
  static Result<void> check_initial_value(int64_t value);

  // The counter (asyncio's _value): units available right now.
  int64_t value() const { return value_; }

  // True when acquire() would block: no unit left, or a queued waiter that is
  // not cancelled (woken waiters keep their place).
  bool locked() const;

  // Completes once this task holds one unit. Fails with CancelledError when
  // the task is cancelled while queued; no unit is then held. The semaphore
  // must outlive the call.
  Task<void> acquire();

  // Gives a unit back and wakes the first queued waiter that is not done.
  // Never fails here; BoundedSemaphore may.
  virtual Result<void> release();

  // Number of queued acquire() calls (the "waiters:N" of asyncio's repr).
  size_t waiting() const { return waiters_.size(); }

 private:
  // Wakes the first waiter that is not done, taking a unit for it.
  void wake_up_next();

  Waiters waiters_{"Semaphore.acquire()"};  // futures of queued acquire() calls
  int64_t value_;                           // units available
};

class BoundedSemaphore final : public Semaphore {
 public:
  explicit BoundedSemaphore(int64_t value = 1) : Semaphore(value), bound_value_(value) {}

  // ValueError "BoundedSemaphore released too many times" when the counter
  // is already at its initial value.
  Result<void> release() override;

 private:
  int64_t bound_value_;  // the initial value, which release() may not exceed
};

}  // namespace aio
