#include "core/aio/lock.hpp"

#include <algorithm>

namespace aio {

Task<void> Lock::acquire() {
  bool every_waiter_cancelled = std::all_of(
      waiters_.begin(), waiters_.end(), [](const Waiter& w) { return w->cancelled(); });
  if (!locked_ && every_waiter_cancelled) {
    locked_ = true;
    co_return {};
  }
  Waiter waiter = waiters_.append();
  Result<void> woken = co_await waiter;
  // asyncio removes the future in a `finally` that runs before the
  // CancelledError handler, so the handler never wakes this waiter itself.
  waiters_.remove(waiter);
  if (!woken) {
    // Only CancelledError arrives here: waiters are only ever completed or
    // cancelled. Woken and then cancelled: hand the wakeup to the next one.
    if (!locked_) wake_up_first();
    co_return woken.error();
  }
  locked_ = true;
  co_return {};
}

Result<void> Lock::release() {
  if (!locked_) return Error(ErrorKind::runtime_error, "Lock is not acquired.");
  locked_ = false;
  wake_up_first();
  return {};
}

void Lock::wake_up_first() {
  if (waiters_.empty()) return;
  const Waiter& first = waiters_.front();
  if (!first->done()) first->set_result().value();
}

}  // namespace aio
