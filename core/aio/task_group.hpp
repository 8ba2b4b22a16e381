// aio::TaskGroup — asyncio.TaskGroup from CPython 3.11's taskgroups.py, as a
// scope object instead of an `async with` block:
//
//   aio::TaskGroup group;                               // __aenter__
//   group.create_task(child()).value();
//   Result<void> body = co_await something();
//   Result<void> r = co_await group.wait(body);         // __aexit__
//
// The task constructing the group is its parent. The first child that fails
// cancels every sibling and the parent task itself (so the body's current
// await fails with CancelledError); wait() then waits for all children and
// fails with an exception group of every child error (plus the body's own,
// if it failed with anything but CancelledError), e.g.
// "unhandled errors in a TaskGroup (2 sub-exceptions)". A cancel of the parent
// from outside cancels the children and comes out of wait() as
// CancelledError. The cancel the group itself sent is taken back with
// uncancel(), so an enclosing timeout or group sees only its own.
//
// Differences: CPython keeps the children in a set, so the order in which
// they are cancelled on abort follows their addresses; here it is creation
// order. A child failing after its parent finished is dropped silently
// (CPython reports it to the loop's exception handler).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/aio/task.hpp"

namespace aio {

namespace detail {

// The group's state, shared with the children's done callbacks.
class GroupState final : public RefCounted {
 public:
  explicit GroupState(TaskCore& parent) : parent(&parent) {}

  // _on_task_done: forgets the child and reacts to its failure.
  static void on_task_done(RefCounted* self, FutureBase* child);
  // _abort: cancels every unfinished child.
  void abort();
  // CPython's repr, for error messages: "<TaskGroup tasks=2 cancelling>".
  std::string describe() const;

  Ref<TaskCore> parent;                 // the task that entered the group
  std::vector<Ref<TaskCore>> tasks;     // unfinished children, creation order
  std::vector<Error> errors;            // child errors (and the body's), in order
  std::optional<Error> base_error;      // first KeyboardInterrupt-like error
  Ref<FutureState<void>> on_completed;  // wait() sleeps on it until no child is left
  bool exiting = false;                 // wait() has started
  bool aborting = false;                // children are being cancelled
  bool parent_cancel_requested = false;  // the group cancelled the parent
};

}  // namespace detail

class TaskGroup {
 public:
  // Enters the group with the current task as parent; aborts outside a task.
  TaskGroup();
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;

  // Starts `body` as a child task. RuntimeError once the group is shutting
  // down (a child failed or the parent was cancelled) or has finished.
  template <class T>
  Result<TaskHandle<T>> create_task(Task<T> body, std::string name = {}) {
    Result<void> allowed = check_open();
    if (!allowed) return allowed.error();
    TaskHandle<T> task = spawn(state_->parent->loop(), std::move(body), std::move(name));
    adopt(task.state());
    return task;
  }

  // __aexit__: waits until every child is done. `body_error` is the error
  // the block ended with, if any. Fails with the CancelledError to
  // propagate, or with Error::group of the collected errors.
  Task<void> wait(std::optional<Error> body_error = std::nullopt);
  template <class T>
  Task<void> wait(const Result<T>& body) {
    return body ? wait() : wait(body.error());
  }

 private:
  Result<void> check_open() const;
  void adopt(TaskCore& child);

  Ref<detail::GroupState> state_;
};

}  // namespace aio
