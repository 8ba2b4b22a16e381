#include "core/aio/wait.hpp"

namespace aio::detail {

namespace {

void release(RefCounted* waiter, FutureBase*) {
  auto& future = *static_cast<FutureState<void>*>(waiter);
  if (!future.done()) future.set_result().value();
}

// _wait's _on_completion closure: counts finished futures and releases the
// waiter when `return_when` is met.
class WaitCounter final : public RefCounted {
 public:
  WaitCounter(Ref<FutureState<void>> waiter, size_t pending, ReturnWhen return_when)
      : waiter_(std::move(waiter)), pending_(pending), return_when_(return_when) {}

  TimerHandle timeout_handle;  // releases the waiter after the timeout, if any

  static void on_completion(RefCounted* self, FutureBase* finished) {
    auto& counter = *static_cast<WaitCounter*>(self);
    --counter.pending_;
    if (counter.pending_ == 0 || counter.return_when_ == ReturnWhen::first_completed ||
        (counter.return_when_ == ReturnWhen::first_exception &&
         finished->state() == FutureBase::State::failed)) {
      counter.timeout_handle.cancel();
      if (!counter.waiter_->done()) counter.waiter_->set_result().value();
    }
  }

 private:
  Ref<FutureState<void>> waiter_;  // what wait() awaits
  size_t pending_;                 // futures not yet finished (counter)
  ReturnWhen return_when_;
};

}  // namespace

Callback release_waiter(const Ref<FutureState<void>>& waiter) {
  return Callback(&release, Ref<RefCounted>(waiter.get()));
}

Task<void> cancel_and_wait(Ref<FutureBase> future) {
  auto waiter = make_ref<FutureState<void>>(future->loop());
  waiter->set_label("cancel_and_wait()");
  Callback release = release_waiter(waiter);
  future->add_done_callback(release);
  future->cancel();
  // Not `co_await future`: this wait must stay cancellable on its own.
  Result<void> waited = co_await FutureAwaiter<FutureState<void>>(waiter);
  future->remove_done_callback(release);
  co_return waited;
}

Task<void> wait_on_all(std::vector<Ref<FutureBase>> futures, std::optional<double> timeout,
                       ReturnWhen return_when) {
  if (futures.empty()) co_return Error(ErrorKind::value_error, "Set of Tasks/Futures is empty.");
  Loop& loop = futures.front()->loop();
  auto waiter = make_ref<FutureState<void>>(loop);
  waiter->set_label("wait()");
  auto counter = make_ref<WaitCounter>(waiter, futures.size(), return_when);
  if (timeout) counter->timeout_handle = loop.call_later(*timeout, release_waiter(waiter));
  Callback on_completion(&WaitCounter::on_completion, Ref<RefCounted>(counter.get()));
  for (auto& future : futures) future->add_done_callback(on_completion);

  Result<void> waited = co_await FutureAwaiter<FutureState<void>>(waiter);
  counter->timeout_handle.cancel();
  for (auto& future : futures) future->remove_done_callback(on_completion);
  co_return waited;
}

CompletionQueue::CompletionQueue(Loop& loop, std::vector<Ref<FutureBase>> futures,
                                 std::optional<double> timeout)
    : loop_(loop), todo_(std::move(futures)) {
  for (auto& future : todo_) future->add_done_callback(completion_callback());
  if (!todo_.empty() && timeout) {
    timeout_handle_ = loop.call_later(*timeout, Callback(&on_timeout, Ref<RefCounted>(this)));
  }
}

Callback CompletionQueue::completion_callback() {
  return Callback(&CompletionQueue::on_completion, Ref<RefCounted>(this));
}

void CompletionQueue::on_completion(RefCounted* self, FutureBase* finished) {
  auto& queue = *static_cast<CompletionQueue*>(self);
  if (queue.todo_.empty()) return;  // the timeout came first
  std::erase(queue.todo_, Ref<FutureBase>(finished));
  queue.put(Ref<FutureBase>(finished));
  if (queue.todo_.empty()) queue.timeout_handle_.cancel();
}

void CompletionQueue::on_timeout(RefCounted* self, FutureBase*) {
  auto& queue = *static_cast<CompletionQueue*>(self);
  Callback completion = queue.completion_callback();
  for (auto& future : queue.todo_) {
    future->remove_done_callback(completion);
    queue.put(nullptr);  // one TimeoutError for each awaitable still to come
  }
  queue.todo_.clear();
}

void CompletionQueue::put(Ref<FutureBase> item) {
  done_.push_back(std::move(item));
  wake_next_getter();
}

void CompletionQueue::wake_next_getter() {
  while (!getters_.empty()) {
    Ref<FutureState<void>> getter = std::move(getters_.front());
    getters_.pop_front();
    if (!getter->done()) {
      getter->set_result().value();
      return;
    }
  }
}

Task<Ref<FutureBase>> CompletionQueue::get(Ref<CompletionQueue> queue) {
  while (queue->done_.empty()) {
    auto getter = make_ref<FutureState<void>>(queue->loop_);
    getter->set_label("as_completed()");
    queue->getters_.push_back(getter);
    Result<void> woken = co_await FutureAwaiter<FutureState<void>>(getter);
    if (!woken) {
      getter->cancel();  // in case it is not done yet
      std::erase(queue->getters_, getter);
      if (!queue->done_.empty() && !getter->cancelled()) {
        queue->wake_next_getter();  // woken by put(), cancelled before taking it
      }
      co_return woken.error();
    }
  }
  Ref<FutureBase> item = std::move(queue->done_.front());
  queue->done_.pop_front();
  co_return item;
}

}  // namespace aio::detail
