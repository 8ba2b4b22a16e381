#include "core/aio/task_core.hpp"

#include <cstdio>
#include <cstdlib>

namespace aio {

namespace {
uint64_t next_task_number = 1;  // asyncio's process-wide _task_name_counter
}

TaskCore& TaskCore::current_or_abort() {
  Loop* loop = Loop::running();
  TaskCore* task = loop ? loop->current_task() : nullptr;
  if (!task) {
    std::fputs("aio: awaited a runtime future outside a running task\n", stderr);
    std::abort();
  }
  return *task;
}

void TaskCore::reset_name_counter() { next_task_number = 1; }

TaskCore::Rare& TaskCore::rare() {
  if (!rare_) rare_ = std::make_unique<Rare>();
  return *rare_;
}

TaskCore::TaskCore(Loop& loop, std::string name)
    : FutureBase(loop), id_(next_task_number++) {
  if (!name.empty()) rare().name = std::move(name);
}

TaskCore::~TaskCore() {
  // A task dies unfinished only when its loop is torn down with it pending.
  if (listed_) loop().task_finished(*this);
}

std::string TaskCore::name() const {
  return rare_ && rare_->name ? *rare_->name : "Task-" + std::to_string(id_);
}

void TaskCore::set_name(std::string name) {
  rare().name = std::move(name);
}

void TaskCore::start() {
  loop().task_started(*this);
  loop().schedule(Callback(&TaskCore::wakeup, Ref<RefCounted>(this)), nullptr);
  loop().trace(TraceKind::task_created, this);
}

bool TaskCore::cancel(std::string message) {
  if (done()) return false;
  ++cancel_requests_;
  // Leave waiting_for_ set: it may be a task that swallows the cancel, and a
  // later cancel() must reach it again.
  if (waiting_for_ && waiting_for_->cancel(message)) return true;
  must_cancel_ = true;
  if (rare_ || !message.empty()) rare().cancel_message = std::move(message);
  return true;
}

int TaskCore::uncancel() {
  if (cancel_requests_ > 0) --cancel_requests_;
  return cancel_requests_;
}

std::string TaskCore::waiting_on() const {
  if (!waiting_for_ || waiting_for_->done()) return {};
  return waiting_for_->describe();
}

void TaskCore::wait_on(FutureBase& future, co::coroutine_handle<> resume_at) {
  resume_at_ = resume_at;
  waiting_for_ = Ref<FutureBase>(&future);
  future.add_done_callback(Callback(&TaskCore::wakeup, Ref<RefCounted>(this)));
  if (must_cancel_) {
    // cancel() arrived during this step: pass it on to what we now wait for.
    if (future.cancel(rare_ ? rare_->cancel_message : std::string())) must_cancel_ = false;
  }
}

void TaskCore::yield_once(co::coroutine_handle<> resume_at) {
  resume_at_ = resume_at;
  loop().schedule(Callback(&TaskCore::wakeup, Ref<RefCounted>(this)), nullptr);
}

bool TaskCore::take_pending_cancel() {
  if (!must_cancel_) return false;
  must_cancel_ = false;
  return true;
}

Error TaskCore::cancelled_error() const {
  if (rare_ && !rare_->cancel_message.empty()) {
    return Error(ErrorKind::cancelled, rare_->cancel_message);
  }
  return Error(ErrorKind::cancelled);
}

void TaskCore::wakeup(RefCounted* task, FutureBase*) {
  static_cast<TaskCore*>(task)->step();
}

void TaskCore::step() {
  if (done()) return;  // cancelled before a scheduled step ran
  waiting_for_ = nullptr;
  wait_line_ = 0;
  Loop& loop = this->loop();
  TaskCore* outer = loop.current_task_;
  loop.current_task_ = this;
  loop.trace(TraceKind::task_resumed, this);
  if (!started_) {
    started_ = true;
    if (must_cancel_) {
      // Cancelled before its first step: the body never runs (asyncio throws
      // CancelledError into the unstarted coroutine).
      must_cancel_ = false;
      loop.current_task_ = outer;
      finish_cancelled(cancelled_error());
      trace_finish();
      return;
    }
    resume_at_ = body();
  }
  // No keep-alive needed: the ready entry that called wakeup() holds a reference
  // to this task until the step returns, even if the body drops its last handle.
  co::coroutine_handle<> resume_at = std::exchange(resume_at_, nullptr);
  resume_at.resume();
  loop.current_task_ = outer;
  if (body().done()) {
    complete_from_body();
    trace_finish();
  } else if (loop.tracing()) {
    loop.trace(TraceKind::task_suspended, this, waiting_for_ ? waiting_for_->describe() : "sleep(0)",
               wait_line_);
  }
}

void TaskCore::abandon() {
  Ref<RefCounted> keep_alive(this);
  loop().task_finished(*this);
  waiting_for_ = nullptr;
  resume_at_ = nullptr;
  drop_done_callbacks();
  discard_body();
}

bool TaskCore::must_cancel_before_result() {
  // The task was cancelled right as its body returned: cancelled wins.
  if (!must_cancel_) return false;
  must_cancel_ = false;
  finish_cancelled(cancelled_error());
  return true;
}

void TaskCore::complete_with_error(Error error) {
  if (error.is(ErrorKind::cancelled)) finish_cancelled(std::move(error));
  else set_error(std::move(error)).value();
}

void TaskCore::trace_finish() {
  loop().task_finished(*this);
  if (!loop().tracing()) return;
  switch (state()) {
    case State::succeeded: loop().trace(TraceKind::task_done, this); break;
    case State::cancelled: loop().trace(TraceKind::task_cancelled, this); break;
    default: loop().trace(TraceKind::task_failed, this, error()->describe()); break;
  }
}

}  // namespace aio
