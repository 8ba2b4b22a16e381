// asyncio.sleep: sleep(0) yields for exactly one loop iteration without a
// timer (asyncio's bare `yield`); a positive delay waits on a future that a
// timer completes, so cancelling the task cancels the sleep. The awaitable
// is a plain object, not a coroutine: a sleep allocates no coroutine frame.
#pragma once

#include "core/aio/future.hpp"
#include "core/aio/task.hpp"

namespace aio {

class [[nodiscard]] Sleep {
 public:
  explicit Sleep(double delay) : delay_(delay) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(co::coroutine_handle<> waiter);
  Result<void> await_resume();

 private:
  double delay_;                  // seconds; <= 0 yields once
  Ref<FutureState<void>> done_;   // completed by the timer (positive delays)
  TimerHandle timer_;
};

// Suspends the current task for `delay` seconds (<= 0: one iteration).
inline Sleep sleep(double delay) { return Sleep(delay); }

// sleep(delay, result): the result comes back after the delay.
template <class T>
Task<T> sleep(double delay, T result) {
  Result<void> slept = co_await Sleep(delay);
  if (!slept) co_return slept.error();
  co_return std::move(result);
}

}  // namespace aio
