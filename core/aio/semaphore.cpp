#include "core/aio/semaphore.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace aio {

Semaphore::Semaphore(int64_t value) : value_(value) {
  if (value < 0) {
    std::fputs("aio: Semaphore initial value must be >= 0\n", stderr);
    std::abort();
  }
}

Result<void> Semaphore::check_initial_value(int64_t value) {
  if (value < 0) return Error(ErrorKind::value_error, "Semaphore initial value must be >= 0");
  return {};
}

bool Semaphore::locked() const {
  return value_ == 0 || std::any_of(waiters_.begin(), waiters_.end(),
                                    [](const Waiter& w) { return !w->cancelled(); });
}

Task<void> Semaphore::acquire() {
  if (!locked()) {
    --value_;
    co_return {};
  }
  Waiter waiter = waiters_.append();
  Result<void> woken = co_await waiter;
  // Removed in a `finally` before the CancelledError handler, as asyncio does.
  waiters_.remove(waiter);
  if (!woken) {
    // Only CancelledError arrives here. Woken (a unit was taken for us) and
    // then cancelled: give the unit back and wake the next waiter.
    if (!waiter->cancelled()) {
      ++value_;
      wake_up_next();
    }
    co_return woken.error();
  }
  if (value_ > 0) wake_up_next();
  co_return {};
}

Result<void> Semaphore::release() {
  ++value_;
  wake_up_next();
  return {};
}

void Semaphore::wake_up_next() {
  for (const Waiter& waiter : waiters_) {
    if (!waiter->done()) {
      --value_;
      waiter->set_result().value();
      return;
    }
  }
}

Result<void> BoundedSemaphore::release() {
  if (value() >= bound_value_) {
    return Error(ErrorKind::value_error, "BoundedSemaphore released too many times");
  }
  return Semaphore::release();
}

}  // namespace aio
