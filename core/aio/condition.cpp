#include "core/aio/condition.hpp"

namespace aio {

Task<void> Condition::wait() {
  if (!locked()) co_return Error(ErrorKind::runtime_error, "cannot wait on un-acquired lock");
  release().value();
  Waiter waiter = waiters_.append();
  Result<void> woken = co_await waiter;
  waiters_.remove(waiter);
  // Must re-acquire the lock even if the wait is cancelled; a cancel that
  // arrives while re-acquiring is remembered and raised afterwards, as a new
  // bare CancelledError (asyncio's `raise exceptions.CancelledError`).
  bool cancelled = false;
  while (true) {
    Result<void> acquired = co_await acquire();
    if (acquired) break;
    cancelled = true;  // only CancelledError arrives here
  }
  if (cancelled) co_return Error(ErrorKind::cancelled);
  co_return woken;
}

Result<void> Condition::notify(int64_t n) {
  if (!locked()) return Error(ErrorKind::runtime_error, "cannot notify on un-acquired lock");
  int64_t woken = 0;
  for (const Waiter& waiter : waiters_) {
    if (woken >= n) break;
    if (!waiter->done()) {
      ++woken;
      waiter->set_result().value();
    }
  }
  return {};
}

}  // namespace aio
