#include "core/aio/sleep.hpp"

namespace aio {

namespace {
void finish_sleep(RefCounted* future, FutureBase*) {
  auto* done = static_cast<FutureState<void>*>(future);
  if (!done->done()) done->set_result().value();  // unless cancelled meanwhile
}
}  // namespace

void Sleep::await_suspend(co::coroutine_handle<> waiter) {
  TaskCore& task = TaskCore::current_or_abort();
  if (delay_ <= 0) return task.yield_once(waiter);
  Loop& loop = task.loop();
  done_ = make_ref<FutureState<void>>(loop);
  done_->set_label("sleep()");
  timer_ = loop.call_later(delay_, Callback(&finish_sleep, Ref<RefCounted>(done_.get())));
  task.wait_on(*done_, waiter);
}

Result<void> Sleep::await_resume() {
  timer_.cancel();
  TaskCore& task = TaskCore::current_or_abort();
  if (task.take_pending_cancel()) {
    // As Task.__step: a CancelledError the sleep already carries is kept.
    if (done_ && done_->cancelled()) return *done_->error();
    return task.cancelled_error();
  }
  if (done_) return done_->result();
  return {};
}

}  // namespace aio
