#include "core/aio/loop.hpp"

#include <algorithm>
#include <cmath>

#include "core/aio/future.hpp"
#include "core/aio/task_core.hpp"

namespace aio {

namespace {
thread_local Loop* running_loop = nullptr;
}

void TimerHandle::cancel() {
  if (!timer_ || timer_->cancelled) return;
  timer_->cancelled = true;
  timer_->callback_ = Callback();
  if (timer_->scheduled_ && timer_->loop_) timer_->loop_->on_timer_cancelled(*timer_);
}

Loop::Loop(host::Host& host) : host_(host), previous_running_(running_loop) {
  running_loop = this;
}

Loop::~Loop() {
  // Tasks still listed will never run again: free their frames, which also
  // breaks the task <-> awaited-future reference cycles.
  std::vector<Ref<TaskCore>> unfinished;
  for (TaskCore* task = first_task_; task; task = task->next_) unfinished.emplace_back(task);
  for (auto& task : unfinished) task->abandon();
  unfinished.clear();
  ready_.clear();
  // Break the timer -> loop links so late cancels of surviving handles are safe.
  for (auto& timer : timers_) timer->loop_ = nullptr;
  running_loop = previous_running_;
}

Loop* Loop::running() { return running_loop; }

Handle Loop::call_soon(Callback callback) {
  Handle handle;
  handle.state_ = make_ref<CallState>();
  ready_.push_back(ReadyEntry{std::move(callback), nullptr, handle.state_});
  return handle;
}

void Loop::schedule(Callback callback, FutureBase* finished) {
  ready_.push_back(ReadyEntry{std::move(callback), Ref<FutureBase>(finished), nullptr});
}

TimerHandle Loop::call_at(double when, Callback callback) {
  Ref<Timer> timer(new Timer(when, next_timer_sequence_++, std::move(callback)));
  timer->loop_ = this;
  timers_.push_back(timer);
  std::push_heap(timers_.begin(), timers_.end(), TimerOrder{});
  ++live_timers_;
  return TimerHandle(std::move(timer));
}

void Loop::on_timer_cancelled(Timer&) {
  --live_timers_;
  // asyncio also sweeps when cancelled timers dominate the heap.
  if (timers_.size() > 100 && live_timers_ * 2 < timers_.size()) {
    std::erase_if(timers_, [](const Ref<Timer>& t) {
      if (!t->cancelled) return false;
      t->scheduled_ = false;
      return true;
    });
    std::make_heap(timers_.begin(), timers_.end(), TimerOrder{});
  }
}

void Loop::drop_cancelled_timers() {
  while (!timers_.empty() && timers_.front()->cancelled) {
    std::pop_heap(timers_.begin(), timers_.end(), TimerOrder{});
    timers_.back()->scheduled_ = false;
    timers_.pop_back();
  }
}

std::optional<double> Loop::next_deadline() {
  drop_cancelled_timers();
  if (timers_.empty()) return std::nullopt;
  return timers_.front()->when_;
}

size_t Loop::run_once() {
  // Timers that are due join the ready queue in (deadline, sequence) order.
  if (!timers_.empty()) {
    double now = time();
    for (drop_cancelled_timers(); !timers_.empty() && timers_.front()->when_ <= now;
         drop_cancelled_timers()) {
      std::pop_heap(timers_.begin(), timers_.end(), TimerOrder{});
      Ref<Timer> timer = std::move(timers_.back());
      timers_.pop_back();
      timer->scheduled_ = false;
      --live_timers_;
      Callback callback = std::move(timer->callback_);
      ready_.push_back(ReadyEntry{std::move(callback), nullptr, std::move(timer)});
    }
  }
  // Run only what is ready now; callbacks scheduled meanwhile wait a turn.
  size_t count = ready_.size();
  size_t ran = 0;
  for (size_t i = 0; i < count; ++i) {
    ReadyEntry entry = std::move(ready_.front());
    ready_.pop_front();
    if (entry.cancel_flag && entry.cancel_flag->cancelled) continue;
    entry.callback(entry.finished.get());
    ++ran;
  }
  return ran;
}

Result<void> Loop::run_until_done(FutureBase& future) {
  Ref<FutureBase> keep_alive(&future);
  while (!future.done()) {
    if (host_.interrupted()) return Error(ErrorKind::interrupted);
    if (ready_.empty()) {
      std::optional<double> deadline = next_deadline();
      // A timer at infinity (sleep(math.inf)) never fires: it wakes nobody.
      if (deadline && !std::isfinite(*deadline)) deadline = std::nullopt;
      if (!deadline && !host_.has_pending_io()) {
        return Error(ErrorKind::deadlock, deadlock_report());
      }
      if (!deadline || *deadline > time()) host_.wait_until(deadline);
    } else if (host_.has_pending_io()) {
      host_.wait_until(time());  // poll: deliver finished I/O without blocking
    }
    run_once();
  }
  return {};
}

std::vector<TaskCore*> Loop::all_tasks() const {
  std::vector<TaskCore*> tasks;
  for (TaskCore* task = first_task_; task; task = task->next_) tasks.push_back(task);
  return tasks;
}

std::string Loop::deadlock_report() const {
  std::string report =
      "every task is waiting and nothing can wake one up "
      "(no ready callbacks, no timers, no I/O in flight).\n";
  for (TaskCore* task = first_task_; task; task = task->next_) {
    report += "  " + task->name() + " waits on ";
    std::string what = task->waiting_on();
    report += what.empty() ? "nothing (it was never resumed)" : what;
    if (task->wait_line() > 0) report += " at line " + std::to_string(task->wait_line());
    report += "\n";
  }
  return report;
}

void Loop::emit_trace(TraceKind kind, const TaskCore* task, std::string_view what, int32_t line) {
  std::string name = task ? task->name() : std::string();
  trace_sink_(TraceEvent{kind, time(), task ? task->id() : 0, name, what, line});
}

void Loop::task_started(TaskCore& task) {
  task.listed_ = true;
  task.previous_ = last_task_;
  task.next_ = nullptr;
  if (last_task_) last_task_->next_ = &task;
  else first_task_ = &task;
  last_task_ = &task;
}

void Loop::task_finished(TaskCore& task) {
  if (!task.listed_) return;
  task.listed_ = false;
  if (task.previous_) task.previous_->next_ = task.next_;
  else first_task_ = task.next_;
  if (task.next_) task.next_->previous_ = task.previous_;
  else last_task_ = task.previous_;
  task.previous_ = task.next_ = nullptr;
}

const char* trace_kind_name(TraceKind kind) {
  switch (kind) {
    case TraceKind::task_created: return "created";
    case TraceKind::task_resumed: return "resumed";
    case TraceKind::task_suspended: return "suspended";
    case TraceKind::task_done: return "done";
    case TraceKind::task_failed: return "failed";
    case TraceKind::task_cancelled: return "cancelled";
    case TraceKind::output: return "output";
  }
  return "unknown";
}

}  // namespace aio
