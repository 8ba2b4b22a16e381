#include "core/aio/event.hpp"

namespace aio {

void Event::set() {
  if (value_) return;
  value_ = true;
  for (const Waiter& waiter : waiters_) {
    if (!waiter->done()) waiter->set_result().value();
  }
}

Task<void> Event::wait() {
  if (value_) co_return {};
  Waiter waiter = waiters_.append();
  Result<void> woken = co_await waiter;
  waiters_.remove(waiter);  // asyncio's `finally: self._waiters.remove(fut)`
  co_return woken;
}

}  // namespace aio
