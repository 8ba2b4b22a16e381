// aio::Condition: asyncio.Condition (CPython 3.11 locks.py), transliterated.
// A list of waiters bound to a Lock: wait() releases the lock, blocks until
// notified, then re-acquires the lock before returning — also when the wait
// is cancelled, as 3.11 does, so a cancelled waiter still holds the lock when
// its CancelledError arrives. notify(n) wakes the first n waiters that are
// not done; each then queues for the lock in wakeup order.
//
// Design decision: the lock is either the condition's own (Condition()) or a
// caller's Lock shared by reference (Condition(lock)), as asyncio's
// Condition(lock=None). wait() and wait_for() are Task coroutines (see
// event.hpp); the "un-acquired lock" RuntimeErrors are values.
#pragma once

#include <cstdint>
#include <optional>
#include <type_traits>

#include "core/aio/lock.hpp"
#include "core/aio/task.hpp"
#include "core/aio/waiters.hpp"

namespace aio {

class Condition {
 public:
  // A condition with a lock of its own.
  Condition() : own_lock_(std::in_place), lock_(&*own_lock_) {}
  // A condition on `lock`, which must outlive it.
  explicit Condition(Lock& lock) : lock_(&lock) {}
  Condition(const Condition&) = delete;
  Condition& operator=(const Condition&) = delete;

  // The underlying lock's locked(), acquire() and release().
  bool locked() const { return lock_->locked(); }
  Task<void> acquire() { return lock_->acquire(); }
  Result<void> release() { return lock_->release(); }
  Lock& lock() const { return *lock_; }

  // Releases the lock, waits for a notify, re-acquires the lock. RuntimeError
  // "cannot wait on un-acquired lock" when the lock is not locked. When
  // cancelled, it still re-acquires the lock before failing with
  // CancelledError. The condition must outlive the call.
  Task<void> wait();

  // Waits until predicate() is truthy and returns its last value; predicate
  // is called with the lock held, first before any wait. R must not be a
  // Result: its truthiness is `static_cast<bool>(value)`.
  template <class Predicate, class R = std::invoke_result_t<Predicate&>>
  Task<R> wait_for(Predicate predicate);

  // Wakes up to `n` waiters that are not done yet, oldest first.
  // RuntimeError "cannot notify on un-acquired lock" when not locked.
  Result<void> notify(int64_t n = 1);
  // notify(number of waiters).
  Result<void> notify_all() { return notify(static_cast<int64_t>(waiters_.size())); }

  // Number of blocked wait() calls (the "waiters:N" of asyncio's repr).
  size_t waiting() const { return waiters_.size(); }

 private:
  std::optional<Lock> own_lock_;           // present when no lock was given
  Lock* lock_;                             // the lock wait() releases and re-takes
  Waiters waiters_{"Condition.wait()"};    // futures of blocked wait() calls
};

template <class Predicate, class R>
Task<R> Condition::wait_for(Predicate predicate) {
  R result = predicate();
  while (!static_cast<bool>(result)) {
    Result<void> waited = co_await wait();
    if (!waited) co_return waited.error();
    result = predicate();
  }
  co_return result;
}

}  // namespace aio
