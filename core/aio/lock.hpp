// aio::Lock: asyncio.Lock (CPython 3.11 locks.py), transliterated, and
// aio::hold(), the C++ spelling of `async with lock:`.
//
// Fairness is 3.11's: acquire() takes the lock at once only when it is free
// and every queued waiter was cancelled; otherwise it queues. release() wakes
// only the first waiter (_wake_up_first) and leaves the lock unlocked until
// that waiter runs and locks it. A waiter cancelled after being woken passes
// the wakeup on to the next one, so no wakeup is lost.
//
// Design decision: acquire() is a Task<void> coroutine, as Lock.acquire is an
// `async def` (see event.hpp); release() returns its RuntimeError as a value.
#pragma once

#include <utility>

#include "core/aio/task.hpp"
#include "core/aio/waiters.hpp"

namespace aio {

class Lock {
 public:
  Lock() = default;
  Lock(const Lock&) = delete;
  Lock& operator=(const Lock&) = delete;

  bool locked() const { return locked_; }

  // Completes once this task holds the lock. Fails with CancelledError when
  // the task is cancelled while queued; the lock is then not held. The lock
  // must outlive the call.
  Task<void> acquire();

  // Unlocks and wakes the first queued waiter. RuntimeError "Lock is not
  // acquired." when the lock is not locked.
  Result<void> release();

  // Number of queued acquire() calls (the "waiters:N" of asyncio's repr).
  size_t waiting() const { return waiters_.size(); }

 private:
  // Wakes the first waiter unless it is already done (woken or cancelled):
  // a done waiter will run and either take the lock or pass the wakeup on.
  void wake_up_first();

  Waiters waiters_{"Lock.acquire()"};  // futures of queued acquire() calls
  bool locked_ = false;                // held by some task
};

// Releases a held Lock (or Semaphore, Condition) when it goes out of scope.
template <class Primitive>
class [[nodiscard]] Held {
 public:
  explicit Held(Primitive& primitive) : primitive_(&primitive) {}
  Held(Held&& other) noexcept : primitive_(std::exchange(other.primitive_, nullptr)) {}
  Held& operator=(Held&&) = delete;
  ~Held() {
    // Like __aexit__, a release error (someone released it by hand) is dropped.
    if (primitive_) static_cast<void>(primitive_->release());
  }

 private:
  Primitive* primitive_;  // released on destruction; null once moved from
};

// `async with primitive:` — acquires, and yields a Held that releases on
// scope exit. Fails like primitive.acquire() (then nothing is held):
//   Result<Held<Lock>> held = co_await hold(lock);
//   if (!held) co_return held.error();
template <class Primitive>
Task<Held<Primitive>> hold(Primitive& primitive) {
  Result<void> acquired = co_await primitive.acquire();
  if (!acquired) co_return acquired.error();
  co_return Held<Primitive>(primitive);
}

}  // namespace aio
