#include "core/aio/task_group.hpp"

namespace aio {

namespace detail {

namespace {

// KeyboardInterrupt (and SystemExit) outrank every other error.
bool is_base_error(const Error& error) { return error.is(ErrorKind::interrupted); }

// __aexit__ proper; `group` stays alive while the children's callbacks need it.
Task<void> exit_group(Ref<GroupState> group, std::optional<Error> body_error) {
  group->exiting = true;
  if (body_error && is_base_error(*body_error) && !group->base_error) {
    group->base_error = body_error;
  }
  std::optional<Error> propagate_cancellation;
  if (body_error && body_error->is(ErrorKind::cancelled)) propagate_cancellation = body_error;
  if (group->parent_cancel_requested) {
    // The group cancelled the parent itself: take that request back. With no
    // other request pending, the CancelledError stops here.
    if (group->parent->uncancel() == 0) propagate_cancellation.reset();
  }
  if (body_error && !group->aborting) group->abort();

  // A loop: the parent may be cancelled again while it waits.
  while (!group->tasks.empty()) {
    if (!group->on_completed) {
      group->on_completed = make_ref<FutureState<void>>(group->parent->loop());
      group->on_completed->set_label("TaskGroup");
    }
    Result<void> woken = co_await FutureAwaiter<FutureState<void>>(group->on_completed);
    if (!woken && !group->aborting) {
      // The parent is cancelled from outside while the children still run.
      propagate_cancellation = woken.error();
      group->abort();
    }
    group->on_completed = nullptr;
  }

  if (group->base_error) co_return *group->base_error;
  // CancelledError propagates, unless there are errors: those win.
  if (propagate_cancellation && group->errors.empty()) co_return *propagate_cancellation;
  if (body_error && !body_error->is(ErrorKind::cancelled)) group->errors.push_back(*body_error);
  if (group->errors.empty()) co_return {};

  std::vector<Error> errors = std::move(group->errors);
  group->errors.clear();
  size_t count = errors.size();
  std::string message = "unhandled errors in a TaskGroup (" + std::to_string(count) +
                        (count == 1 ? " sub-exception)" : " sub-exceptions)");
  co_return Error::group(std::move(message), std::move(errors));
}

}  // namespace

void GroupState::on_task_done(RefCounted* self, FutureBase* child) {
  auto& group = *static_cast<GroupState*>(self);
  std::erase(group.tasks, Ref<TaskCore>(static_cast<TaskCore*>(child)));
  if (group.on_completed && group.tasks.empty() && !group.on_completed->done()) {
    group.on_completed->set_result().value();
  }
  if (child->cancelled() || !child->error()) return;

  const Error& error = *child->error();
  group.errors.push_back(error);
  if (is_base_error(error) && !group.base_error) group.base_error = error;
  if (group.parent->done()) return;  // CPython logs this to the loop's handler
  if (!group.aborting && !group.parent_cancel_requested) {
    // Interrupt whatever the parent's block awaits; wait() takes it back.
    group.abort();
    group.parent_cancel_requested = true;
    group.parent->cancel();
  }
}

void GroupState::abort() {
  aborting = true;
  for (auto& task : tasks) {
    if (!task->done()) task->cancel();
  }
}

std::string GroupState::describe() const {
  std::string text = "<TaskGroup";
  if (!tasks.empty()) text += " tasks=" + std::to_string(tasks.size());
  if (!errors.empty()) text += " errors=" + std::to_string(errors.size());
  if (aborting) text += " cancelling";
  else text += " entered";
  return text + ">";
}

}  // namespace detail

TaskGroup::TaskGroup() : state_(make_ref<detail::GroupState>(TaskCore::current_or_abort())) {}

Result<void> TaskGroup::check_open() const {
  if (state_->exiting && state_->tasks.empty()) {
    return Error(ErrorKind::runtime_error, "TaskGroup " + state_->describe() + " is finished");
  }
  if (state_->aborting) {
    return Error(ErrorKind::runtime_error,
                 "TaskGroup " + state_->describe() + " is shutting down");
  }
  return {};
}

void TaskGroup::adopt(TaskCore& child) {
  child.add_done_callback(
      Callback(&detail::GroupState::on_task_done, Ref<RefCounted>(state_.get())));
  state_->tasks.emplace_back(&child);
}

Task<void> TaskGroup::wait(std::optional<Error> body_error) {
  return detail::exit_group(state_, std::move(body_error));
}

}  // namespace aio
