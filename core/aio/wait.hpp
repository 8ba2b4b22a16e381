// aio::wait_for, aio::wait and aio::as_completed — transliterated from
// CPython 3.11's tasks.py, with the same futures and callbacks:
//
// - wait_for(x, timeout) waits on a private `waiter` future released either by
//   x's done callback or by a timer; on timeout it cancels x and waits for it
//   to finish (_cancel_and_wait) before failing with TimeoutError. A task
//   finishing in the same loop iteration as the timer wins when its wakeup was
//   queued first (its timer was scheduled first), exactly as in CPython.
// - wait(fs, timeout, return_when) waits on one `waiter` released by a
//   counting done callback; it never fails with TimeoutError.
// - as_completed(fs, timeout) feeds finished futures through a queue with
//   asyncio.Queue's get semantics; each awaitable it hands out yields the next
//   result, or TimeoutError once the timer fired.
//
// These are coroutines (Task<T>) awaited inline, as in Python. Differences
// from CPython, where its order depends on set iteration: wait() returns
// `done` and `pending` in argument order, and as_completed() wraps its
// arguments into tasks in argument order.
#pragma once

#include <deque>
#include <optional>
#include <unordered_set>
#include <vector>

#include "core/aio/ensure_future.hpp"

namespace aio {

enum class ReturnWhen { first_completed, first_exception, all_completed };

namespace detail {

// _release_waiter(waiter) as a callback: completes `waiter` unless done.
Callback release_waiter(const Ref<FutureState<void>>& waiter);

// _cancel_and_wait: cancels `future` and waits (on a private waiter, so this
// wait is itself cancellable) until it is done. Fails only with
// CancelledError, when the awaiting task is cancelled meanwhile.
Task<void> cancel_and_wait(Ref<FutureBase> future);

// _wait over distinct futures. ValueError when there are none.
Task<void> wait_on_all(std::vector<Ref<FutureBase>> futures, std::optional<double> timeout,
                       ReturnWhen return_when);

// wait_for's final word on a future it cancelled: CancelledError becomes TimeoutError.
template <class T>
Result<T> timeout_if_cancelled(Result<T> outcome) {
  if (!outcome && outcome.error().is(ErrorKind::cancelled)) return Error(ErrorKind::timeout);
  return outcome;
}

// Cancels a timer when the enclosing coroutine ends (a `finally:` clause).
class CancelOnExit {
 public:
  explicit CancelOnExit(TimerHandle& timer) : timer_(timer) {}
  ~CancelOnExit() { timer_.cancel(); }

 private:
  TimerHandle& timer_;
};

}  // namespace detail

// asyncio.wait_for: the result of `awaitable` (a Task<T> becomes a task), or
// TimeoutError after `timeout` seconds, by which time it has been cancelled
// and has finished. No timeout: awaits it directly (a Task<T> inline). A
// timeout <= 0 cancels it at once unless it is already done. If the caller
// is cancelled, the awaitable is cancelled too and waited for.
template <FutureLike A>
Task<AwaitedValue<A>> wait_for(A awaitable, std::optional<double> timeout) {
  using S = EnsuredFuture<A>;
  if (!timeout) {
    if constexpr (is_lazy_task<A>) co_return co_await std::move(awaitable);
    else co_return co_await FutureAwaiter<S>(ensure_future(awaitable));
  }
  Loop& loop = TaskCore::current_or_abort().loop();

  if (*timeout <= 0) {
    Ref<S> future = ensure_future(std::move(awaitable));
    if (future->done()) co_return future->result();
    Result<void> waited = co_await detail::cancel_and_wait(future);
    if (!waited) co_return waited.error();
    co_return detail::timeout_if_cancelled(future->result());
  }

  auto waiter = make_ref<FutureState<void>>(loop);
  waiter->set_label("wait_for()");
  TimerHandle timeout_handle = loop.call_later(*timeout, detail::release_waiter(waiter));
  detail::CancelOnExit finally(timeout_handle);
  Callback release = detail::release_waiter(waiter);
  Ref<S> future = ensure_future(std::move(awaitable));
  future->add_done_callback(release);

  Result<void> waited = co_await FutureAwaiter<FutureState<void>>(waiter);
  if (future->done()) co_return future->result();
  future->remove_done_callback(release);
  // Make sure the awaitable is not running once wait_for returns.
  Result<void> cancelled = co_await detail::cancel_and_wait(future);
  if (!cancelled) co_return cancelled.error();
  if (!waited) co_return waited.error();  // the caller was cancelled
  co_return detail::timeout_if_cancelled(future->result());
}

// What wait() returns: the distinct inputs split by whether they are done,
// each in argument order.
template <class Handle>
struct WaitResult {
  std::vector<Handle> done;
  std::vector<Handle> pending;
};

// asyncio.wait: waits until `return_when` holds or `timeout` passes (no
// TimeoutError), then splits the distinct handles (TaskHandle<T>, Future<T>,
// GatherFuture<V>) into done and pending. Lazy Task<T>s are refused, as 3.11
// does: create tasks first. ValueError for an empty vector.
template <class Handle>
  requires requires(const Handle& handle) { handle.ref(); }
Task<WaitResult<Handle>> wait(std::vector<Handle> handles,
                              std::optional<double> timeout = std::nullopt,
                              ReturnWhen return_when = ReturnWhen::all_completed) {
  std::vector<Handle> distinct;
  std::vector<Ref<FutureBase>> futures;
  std::unordered_set<const FutureBase*> seen;
  for (auto& handle : handles) {
    if (!seen.insert(handle.ref().get()).second) continue;
    futures.push_back(handle.ref());
    distinct.push_back(std::move(handle));
  }
  Result<void> waited = co_await detail::wait_on_all(std::move(futures), timeout, return_when);
  if (!waited) co_return waited.error();
  WaitResult<Handle> split;
  for (auto& handle : distinct) {
    (handle.ref()->done() ? split.done : split.pending).push_back(handle);
  }
  co_return split;
}

namespace detail {

// as_completed's shared state: the futures not yet finished, and an
// unbounded queue (with asyncio.Queue's get/put_nowait semantics) of those
// that did — a null entry stands for the timeout.
class CompletionQueue final : public RefCounted {
 public:
  // Watches `futures` (distinct) and, with a timeout, starts its timer.
  CompletionQueue(Loop& loop, std::vector<Ref<FutureBase>> futures,
                  std::optional<double> timeout);

  // Queue.get(): the next finished future, or null after the timeout.
  static Task<Ref<FutureBase>> get(Ref<CompletionQueue> queue);

 private:
  static void on_completion(RefCounted* self, FutureBase* finished);
  static void on_timeout(RefCounted* self, FutureBase*);
  Callback completion_callback();
  void put(Ref<FutureBase> item);  // Queue.put_nowait
  void wake_next_getter();         // Queue._wakeup_next(getters)

  Loop& loop_;
  std::vector<Ref<FutureBase>> todo_;               // watched, not yet finished
  std::deque<Ref<FutureBase>> done_;                // the queue's items
  std::deque<Ref<FutureState<void>>> getters_;      // waiting get() calls, oldest first
  TimerHandle timeout_handle_;                      // fires on_timeout, if any
};

// _wait_for_one: the next result in completion order.
template <class S>
Task<typename S::value_type> wait_for_one(Ref<CompletionQueue> queue) {
  Result<Ref<FutureBase>> next = co_await CompletionQueue::get(std::move(queue));
  if (!next) co_return next.error();
  if (!next.value()) co_return Error(ErrorKind::timeout);
  co_return static_cast<S&>(*next.value()).result();
}

}  // namespace detail

// What as_completed() returns: size() awaitables, each yielding the next
// result in completion order. Iterate it, or call next() size() times:
//   for (auto next : aio::as_completed(std::move(tasks))) {
//     Result<int> r = co_await std::move(next);
//   }
template <class S>
class AsCompleted {
 public:
  using Value = typename S::value_type;

  AsCompleted(Ref<detail::CompletionQueue> queue, size_t size)
      : queue_(std::move(queue)), size_(size) {}

  size_t size() const { return size_; }
  // A new awaitable for the next completion (a lazy Task<T>).
  Task<Value> next() const { return detail::wait_for_one<S>(queue_); }

  class iterator {
   public:
    iterator(const AsCompleted* owner, size_t index) : owner_(owner), index_(index) {}
    Task<Value> operator*() const { return owner_->next(); }
    iterator& operator++() {
      ++index_;
      return *this;
    }
    bool operator!=(const iterator& other) const { return index_ != other.index_; }

   private:
    const AsCompleted* owner_;
    size_t index_;
  };
  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, size_); }

 private:
  Ref<detail::CompletionQueue> queue_;  // shared with every awaitable handed out
  size_t size_;                         // distinct arguments
};

// asyncio.as_completed: wraps the distinct arguments into futures (a Task<T>
// becomes a task, in argument order) and starts watching them at once — the
// moment CPython's generator does so when a for loop starts iterating it.
// After `timeout` seconds the remaining awaitables fail with TimeoutError.
template <FutureLike A>
AsCompleted<EnsuredFuture<A>> as_completed(std::vector<A> arguments,
                                           std::optional<double> timeout = std::nullopt) {
  Loop& loop = running_loop_or_abort("as_completed()");
  std::vector<Ref<FutureBase>> futures;
  std::unordered_set<const FutureBase*> seen;
  for (auto& argument : arguments) {
    Ref<FutureBase> future = ensure_future(std::move(argument));
    if (seen.insert(future.get()).second) futures.push_back(std::move(future));
  }
  size_t size = futures.size();
  auto queue = make_ref<detail::CompletionQueue>(loop, std::move(futures), timeout);
  return AsCompleted<EnsuredFuture<A>>(std::move(queue), size);
}

}  // namespace aio
