// Task<T>: the coroutine type of the runtime, and TaskHandle<T>: a Task<T>
// scheduled on the loop (asyncio's Task object).
//
// A Task<T> is lazy: calling the coroutine function runs nothing. Awaiting it
// from another coroutine runs it inline in the awaiting task, as awaiting a
// coroutine does in Python — no loop iteration passes. create_task() wraps it
// in a TaskHandle whose first step is scheduled with call_soon.
//
// The body's outcome is a Result<T>: `co_return value;` or `co_return error;`
// (a Task<void> body ends with `co_return {};`). Because em++ 3.1.6 cannot
// combine symmetric transfer with Asyncify (TOOLCHAIN.md §1), a finished child
// resumes its parent with a plain resume() from its final suspend point, and
// a child that finishes without ever suspending is detected so the parent
// simply continues.
#pragma once

#include <atomic>
#include <concepts>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "core/aio/coro.hpp"
#include "core/aio/error.hpp"
#include "core/aio/future.hpp"
#include "core/aio/task_core.hpp"

namespace aio {

template <class T = void>
class [[nodiscard]] Task {
 public:
  struct promise_type;
  using Handle = co::coroutine_handle<promise_type>;

  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    void await_suspend(Handle finished) noexcept {
      promise_type& promise = finished.promise();
      if (!promise.outcome) {
        std::fputs("aio: a Task body ended without co_return\n", stderr);
        std::abort();
      }
      if (promise.starting_inline) {
        promise.finished_inline = true;  // the awaiter's await_suspend returns false
      } else if (promise.continuation) {
        promise.continuation.resume();  // `finished` may be destroyed after this
        // Keeps resume() from being the last call before returning, which clang 14
        // (em++ 3.1.6) would turn into a musttail call that wasm cannot compile.
        std::atomic_signal_fence(std::memory_order_seq_cst);
      }
      // A task's root body: TaskCore::step() sees it done and completes.
    }
    void await_resume() noexcept {}
  };

  struct promise_type {
    std::optional<Result<T>> outcome;    // set by co_return
    co::coroutine_handle<> continuation; // the awaiting coroutine, if any
    bool starting_inline = false;        // inside the awaiter's first resume()
    bool finished_inline = false;        // finished during that first resume()

    Task get_return_object() { return Task(Handle::from_promise(*this)); }
    co::suspend_always initial_suspend() noexcept { return {}; }
    FinalAwaiter final_suspend() noexcept { return {}; }
    void return_value(Result<T> result) { outcome.emplace(std::move(result)); }
    void unhandled_exception() { std::abort(); }  // core builds without exceptions
  };

  // Awaiting a Task<T> runs it inline and yields its Result<T>.
  struct Awaiter {
    Handle child;
    bool await_ready() noexcept { return false; }
    bool await_suspend(co::coroutine_handle<> parent) noexcept {
      if (!child || child.done()) {
        // Python: "cannot reuse already awaited coroutine".
        std::fputs("aio: a Task was awaited twice, or after it was moved from\n", stderr);
        std::abort();
      }
      promise_type& promise = child.promise();
      promise.continuation = parent;
      promise.starting_inline = true;
      child.resume();
      promise.starting_inline = false;
      return !promise.finished_inline;
    }
    Result<T> await_resume() { return std::move(*child.promise().outcome); }
  };

  Task() = default;
  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  Task& operator=(Task&& other) noexcept {
    if (this != &other) {
      destroy();
      handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
  }
  ~Task() { destroy(); }

  Awaiter operator co_await() && noexcept { return Awaiter{handle_}; }
  Awaiter operator co_await() & noexcept { return Awaiter{handle_}; }

  explicit operator bool() const { return bool(handle_); }
  Handle handle() const { return handle_; }
  // Moves the outcome out of a finished body.
  Result<T> take_outcome() { return std::move(*handle_.promise().outcome); }

 private:
  explicit Task(Handle handle) : handle_(handle) {}
  void destroy() {
    if (handle_) handle_.destroy();
    handle_ = nullptr;
  }
  Handle handle_;
};

// A Task<T> running on the loop; completes when its body returns.
template <class T>
class TaskState final : public WithValue<T, TaskCore> {
 public:
  TaskState(Loop& loop, Task<T> body, std::string name)
      : WithValue<T, TaskCore>(loop, std::move(name)), body_(std::move(body)) {
    this->start();
  }

 private:
  co::coroutine_handle<> body() override { return body_.handle(); }
  void discard_body() override { body_ = Task<T>(); }
  void complete_from_body() override {
    Result<T> outcome = body_.take_outcome();
    body_ = Task<T>();  // free the frame now; done tasks keep only the result
    if (!outcome) return this->complete_with_error(outcome.error());
    if (this->must_cancel_before_result()) return;
    this->set(std::move(outcome)).value();
  }

  Task<T> body_;
};

// asyncio's Task object: awaitable, cancellable, named.
template <class T = void>
class TaskHandle {
 public:
  TaskHandle() = default;
  explicit TaskHandle(Ref<TaskState<T>> state) : state_(std::move(state)) {}

  bool done() const { return state_->done(); }
  bool cancelled() const { return state_->cancelled(); }
  // Requests cancellation; false when the task is already done.
  bool cancel(std::string message = {}) { return state_->cancel(std::move(message)); }
  int cancelling() const { return state_->cancelling(); }
  int uncancel() { return state_->uncancel(); }
  Result<T> result() const { return state_->result(); }
  std::string name() const { return state_->name(); }
  void set_name(std::string name) { state_->set_name(std::move(name)); }
  template <class F>
  void add_done_callback(F callable) { state_->add_done_callback(Callback::from(std::move(callable))); }

  TaskState<T>& state() const { return *state_; }
  const Ref<TaskState<T>>& ref() const { return state_; }
  explicit operator bool() const { return bool(state_); }

  FutureAwaiter<TaskState<T>> operator co_await() const {
    return FutureAwaiter<TaskState<T>>(state_);
  }

 private:
  Ref<TaskState<T>> state_;
};

// Schedules `body` on `loop` as a task named `name` ("Task-N" if empty).
template <class T>
TaskHandle<T> spawn(Loop& loop, Task<T> body, std::string name = {}) {
  return TaskHandle<T>(make_ref<TaskState<T>>(loop, std::move(body), std::move(name)));
}

// asyncio.create_task: schedules `body` on the running loop.
template <class T>
TaskHandle<T> create_task(Task<T> body, std::string name = {}) {
  Loop* loop = Loop::running();
  if (!loop) {
    std::fputs("aio: create_task() called with no running loop\n", stderr);
    std::abort();
  }
  return spawn(*loop, std::move(body), std::move(name));
}

// asyncio.current_task(): the task whose step is running, or nullptr.
inline TaskCore* current_task() {
  Loop* loop = Loop::running();
  return loop ? loop->current_task() : nullptr;
}

// asyncio.all_tasks(): unfinished tasks of the running loop.
inline std::vector<TaskCore*> all_tasks() {
  Loop* loop = Loop::running();
  return loop ? loop->all_tasks() : std::vector<TaskCore*>{};
}

}  // namespace aio
