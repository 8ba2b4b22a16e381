// TaskCore: the type-independent half of a task — asyncio.Task's state
// machine. A task owns a body coroutine and runs it one step at a time on the
// loop; between steps it waits on exactly one future (or on nothing, when a
// step is already scheduled). Cancellation follows asyncio 3.11: cancel()
// cancels the future being waited on, or, when the wakeup is already
// scheduled, marks the task so its next step delivers CancelledError instead
// of the awaited result. cancelling()/uncancel() count requests, as
// TaskGroup and timeout() need.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/aio/coro.hpp"
#include "core/aio/future.hpp"

namespace aio {

class TaskCore : public FutureBase {
 public:
  // The task whose step is running. Awaiting outside a task is a programming
  // error; this aborts with a message instead of corrupting state.
  static TaskCore& current_or_abort();

  // Restarts "Task-N" numbering (the interpreter does so for each program).
  static void reset_name_counter();

  uint64_t id() const { return id_; }
  // The name given at creation, or "Task-N".
  std::string name() const;
  void set_name(std::string name);

  bool cancel(std::string message = {}) override;
  // Number of pending cancel requests; uncancel() decrements and returns it.
  int cancelling() const { return cancel_requests_; }
  int uncancel();

  std::string describe() const override { return name(); }

  // What the task waits on now ("Queue.get()", "Task-3", ...), or "" if it
  // is ready or running.
  std::string waiting_on() const;
  // Source line of the current wait, as set by a language binding (0: none).
  int32_t wait_line() const { return wait_line_; }
  void set_wait_line(int32_t line) { wait_line_ = line; }

  // --- used by awaiters ---------------------------------------------------
  // Suspends this task until `future` is done; `resume_at` continues then.
  void wait_on(FutureBase& future, co::coroutine_handle<> resume_at);
  // Suspends this task for exactly one loop iteration (asyncio.sleep(0)).
  void yield_once(co::coroutine_handle<> resume_at);
  // True (once) when a cancel arrived while this task's wakeup was pending.
  bool take_pending_cancel();
  // CancelledError carrying the message of the last cancel().
  Error cancelled_error() const;

 protected:
  explicit TaskCore(Loop& loop, std::string name);
  ~TaskCore() override;

  // Schedules the first step; called once the subclass is fully built.
  void start();
  // The coroutine that runs first.
  virtual co::coroutine_handle<> body() = 0;
  // The body finished: take its Result and complete this future with it.
  virtual void complete_from_body() = 0;
  // Destroys the body's frames unfinished (the loop is going away).
  virtual void discard_body() = 0;
  // Completes from the body's outcome the way Task.__step does.
  void complete_with_error(Error error);
  bool must_cancel_before_result();

 private:
  friend class Loop;
  static void wakeup(RefCounted* task, FutureBase* finished);
  void step();
  void trace_finish();
  // Breaks the task <-> future reference cycle of a task that will never run
  // again, destroying its frames; used when its loop is destroyed.
  void abandon();

  // What few tasks have, behind one pointer: a custom name, a cancel message.
  struct Rare {
    std::optional<std::string> name;  // custom name, if any
    std::string cancel_message;       // message of the last cancel(); "" for none
  };
  Rare& rare();  // creates it on first use

  uint64_t id_;                           // N of "Task-N"; also the trace id
  std::unique_ptr<Rare> rare_;            // absent until a name or cancel message
  co::coroutine_handle<> resume_at_;      // where the next step continues
  Ref<FutureBase> waiting_for_;           // the future awaited (asyncio's _fut_waiter)
  int32_t wait_line_ = 0;                 // line of the current wait, if known
  int32_t cancel_requests_ = 0;           // asyncio's _num_cancels_requested
  bool must_cancel_ = false;              // deliver CancelledError on next step
  bool started_ = false;                  // the first step has run
  bool listed_ = false;                   // in the loop's list of unfinished tasks
  TaskCore* previous_ = nullptr;          // the loop's list of unfinished tasks
  TaskCore* next_ = nullptr;
};

}  // namespace aio

// FutureAwaiter (future.hpp) needs the complete TaskCore.
namespace aio {

template <class State>
void FutureAwaiter<State>::await_suspend(co::coroutine_handle<> waiter) {
  suspended_ = true;
  TaskCore::current_or_abort().wait_on(*future_, waiter);
}

template <class State>
Result<typename State::value_type> FutureAwaiter<State>::await_resume() {
  if (suspended_) {
    TaskCore& task = TaskCore::current_or_abort();
    if (task.take_pending_cancel()) {
      // As Task.__step: a CancelledError the future already carries is kept.
      if (future_->cancelled()) return *future_->error();
      return task.cancelled_error();
    }
  }
  return future_->result();
}

}  // namespace aio
