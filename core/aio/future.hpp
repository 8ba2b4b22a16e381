// Futures: a result that arrives later, as asyncio.Future. A future is
// pending, then done with a value, failed with an error, or cancelled. When
// it finishes, each done callback is scheduled on the loop with call_soon, in
// the order they were added — never called inline, exactly as asyncio does,
// because that ordering decides which task prints first.
//
// FutureBase holds everything but the value; FutureState<T> adds the value;
// Future<T> is the owning handle user code passes around and awaits.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/aio/callback.hpp"
#include "core/aio/coro.hpp"
#include "core/aio/error.hpp"
#include "core/aio/loop.hpp"

namespace aio {

class FutureBase : public RefCounted {
 public:
  enum class State : uint8_t { pending, succeeded, failed, cancelled };

  explicit FutureBase(Loop& loop) : loop_(&loop) {}

  Loop& loop() const { return *loop_; }
  State state() const { return state_; }
  bool done() const { return state_ != State::pending; }
  bool cancelled() const { return state_ == State::cancelled; }

  // The error of a failed or cancelled future (CancelledError carries the
  // cancel message); nullptr while pending or after success.
  const Error* error() const { return done() && state_ != State::succeeded ? &error_ : nullptr; }

  // Cancels a pending future: returns false when it was already done.
  // Tasks override this to deliver CancelledError at their current await.
  virtual bool cancel(std::string message = {});

  // Fails a pending future with `error`; InvalidStateError when done.
  Result<void> set_error(Error error);

  // Adds a callback run (via call_soon) when the future finishes; if it is
  // already done, the callback is scheduled at once.
  void add_done_callback(Callback callback);
  // Removes every callback with the same function and target; returns how many.
  size_t remove_done_callback(const Callback& callback);

  // What a task waiting on this future waits on, for traces and deadlock
  // reports: "Queue.get()", "sleep(1.5)", "Task-3", ...
  virtual std::string describe() const { return label_ ? label_ : "Future"; }
  // Sets a static label for describe(); primitives name their futures.
  void set_label(const char* label) { label_ = label; }

 protected:
  // Marks the future finished and schedules its callbacks.
  void finish(State state);
  // Finishes cancelled with `error` (a CancelledError, maybe with message).
  void finish_cancelled(Error error);
  // Forgets the done callbacks unrun: the future will never finish, and they
  // would keep their targets (a gather, a waiting task) alive forever.
  void drop_done_callbacks() {
    first_callback_ = Callback();
    more_callbacks_.reset();
  }

  // First, so it fits in RefCounted's tail padding (saves 8 bytes per future).
  State state_ = State::pending;
  Error error_{ErrorKind::cancelled};  // meaningful when failed or cancelled

 private:
  Loop* loop_;
  const char* label_ = nullptr;  // static text for describe(), if set
  Callback first_callback_;               // most futures have exactly one waiter
  // The rest, in order; allocated only for a second waiter (8 bytes, not 24).
  std::unique_ptr<std::vector<Callback>> more_callbacks_;
};

// The value slot; void futures store nothing.
template <class T>
struct StoredValue {
  using type = std::optional<T>;
};
template <>
struct StoredValue<void> {
  struct type {};  // takes no space under [[no_unique_address]]
};

// Adds a value of T to a future class (FutureBase or TaskCore).
template <class T, class Base>
class WithValue : public Base {
 public:
  using Base::Base;
  using value_type = T;

  // Completes a pending future with a value; InvalidStateError when done.
  template <class... V>
  Result<void> set_result(V&&... value) {
    if (this->done()) return Error(ErrorKind::invalid_state, "invalid state");
    if constexpr (!std::is_void_v<T>) value_.emplace(std::forward<V>(value)...);
    this->finish(FutureBase::State::succeeded);
    return {};
  }

  // Completes from a Result: its value or its error.
  Result<void> set(Result<T> result) {
    if (!result) return this->set_error(result.error());
    if constexpr (std::is_void_v<T>) return set_result();
    else return set_result(std::move(result).value());
  }

  // The outcome: the value, the error, or InvalidStateError while pending.
  Result<T> result() const {
    if (!this->done()) return Error(ErrorKind::invalid_state, "Result is not set.");
    if (this->state() != FutureBase::State::succeeded) return this->error_;
    if constexpr (std::is_void_v<T>) return {};
    else return *value_;
  }

 private:
  [[no_unique_address]] typename StoredValue<T>::type value_;
};

template <class T>
class FutureState final : public WithValue<T, FutureBase> {
 public:
  using WithValue<T, FutureBase>::WithValue;
};

// Suspends the current task until the future `State` is done, then yields
// its result. Awaiting a done future does not suspend (as asyncio). If the
// task was cancelled while its wakeup was already scheduled, CancelledError
// wins, as in asyncio's Task.__step.
template <class State>
class FutureAwaiter {
 public:
  explicit FutureAwaiter(Ref<State> future) : future_(std::move(future)) {}
  bool await_ready() const { return future_->done(); }
  void await_suspend(co::coroutine_handle<> waiter);
  Result<typename State::value_type> await_resume();

 private:
  Ref<State> future_;
  bool suspended_ = false;
};

// The handle user code holds: shares the state, awaitable from a task.
template <class T = void>
class Future {
 public:
  Future() = default;
  explicit Future(Ref<FutureState<T>> state) : state_(std::move(state)) {}
  // A new pending future on `loop` (loop.create_future()).
  static Future create(Loop& loop) { return Future(make_ref<FutureState<T>>(loop)); }

  FutureState<T>& state() const { return *state_; }
  FutureState<T>* operator->() const { return state_.get(); }
  const Ref<FutureState<T>>& ref() const { return state_; }
  explicit operator bool() const { return bool(state_); }

  FutureAwaiter<FutureState<T>> operator co_await() const {
    return FutureAwaiter<FutureState<T>>(state_);
  }

 private:
  Ref<FutureState<T>> state_;
};

}  // namespace aio

// The awaiter bodies need TaskCore, which needs FutureBase: they live there.
#include "core/aio/task_core.hpp"
