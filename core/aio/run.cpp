#include "core/aio/run.hpp"

namespace aio {

namespace {

// Completes `stop` (asyncio's _run_until_complete_cb calling loop.stop()).
void set_stopped(RefCounted* stop, FutureBase*) {
  auto* future = static_cast<FutureState<void>*>(stop);
  if (!future->done()) future->set_result().value();
}

// gather(*tasks, return_exceptions=True) reduced to what the clean-up needs:
// `all_done` completes from the done callback of the last task to finish.
struct Gathering final : RefCounted {
  explicit Gathering(Loop& loop, size_t count)
      : all_done(make_ref<FutureState<void>>(loop)), remaining(count) {}
  Ref<FutureState<void>> all_done;  // the gathering future
  size_t remaining;                 // tasks whose done callback has not run yet

  static void task_done(RefCounted* self, FutureBase*) {
    auto* gathering = static_cast<Gathering*>(self);
    if (--gathering->remaining == 0) gathering->all_done->set_result().value();
  }
};

// loop.run_until_complete(coroutine that returns at once): its task's only
// step, then the iteration of the done callback that stops the loop.
Result<void> run_empty_coroutine(Loop& loop) {
  Ref<FutureState<void>> finished = make_ref<FutureState<void>>(loop);
  loop.call_soon(Callback(&set_stopped, Ref<RefCounted>(finished.get())));
  return run_until_complete(loop, *finished);
}

}  // namespace

Result<void> run_until_complete(Loop& loop, FutureBase& future) {
  Ref<FutureState<void>> stop = make_ref<FutureState<void>>(loop);
  future.add_done_callback(Callback(&set_stopped, Ref<RefCounted>(stop.get())));
  return loop.run_until_done(*stop);
}

void cancel_remaining_tasks(Loop& loop) {
  std::vector<Ref<TaskCore>> remaining;
  for (TaskCore* task : loop.all_tasks()) remaining.emplace_back(task);
  if (remaining.empty()) return;
  for (auto& task : remaining) task->cancel();
  Ref<Gathering> gathering = make_ref<Gathering>(loop, remaining.size());
  for (auto& task : remaining) {
    task->add_done_callback(Callback(&Gathering::task_done, Ref<RefCounted>(gathering.get())));
  }
  (void)run_until_complete(loop, *gathering->all_done);  // stuck for good: abandon them
}

void close_run(Loop& loop) {
  cancel_remaining_tasks(loop);
  if (!run_empty_coroutine(loop)) return;  // shutdown_asyncgens()
  (void)run_empty_coroutine(loop);         // shutdown_default_executor()
}

}  // namespace aio
