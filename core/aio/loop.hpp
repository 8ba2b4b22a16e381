// The event loop: a FIFO ready queue, a timer heap ordered by
// (deadline, sequence), and the tasks that live on it. Scheduling is
// CPython's (DESIGN.md decision 2): one run_once() is one iteration of
// asyncio's BaseEventLoop._run_once — move the due timers onto the ready
// queue, then run exactly the callbacks that were ready at that moment.
//
// The loop never waits by itself. A driver (run_until_done) waits on the Host
// between steps, so the loop can be stepped by hand in tests and, one day, by
// the page.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/aio/callback.hpp"
#include "core/aio/error.hpp"
#include "core/aio/trace.hpp"
#include "core/host/host.hpp"

namespace aio {

class FutureBase;
class TaskCore;

// The cancel flag shared by a scheduled call and the handle its caller holds.
// The loop checks it when the call's turn comes, as asyncio checks
// Handle._cancelled, so a cancel still wins after a timer became ready.
class CallState : public RefCounted {
 public:
  bool cancelled = false;
};

// A timer scheduled with call_later/call_at; cancelling it is O(1).
class Timer final : public CallState {
 public:
  double when() const { return when_; }

 private:
  friend class Loop;
  friend class TimerHandle;
  Timer(double when, uint64_t sequence, Callback callback)
      : when_(when), sequence_(sequence), callback_(std::move(callback)) {}
  double when_;         // loop time at which the callback becomes ready
  uint64_t sequence_;   // tie-break: equal deadlines fire in scheduling order
  Callback callback_;   // dropped on cancel so its target is freed at once
  bool scheduled_ = true;  // still in the heap
  class Loop* loop_ = nullptr;
};

class TimerHandle {
 public:
  TimerHandle() = default;
  explicit TimerHandle(Ref<Timer> timer) : timer_(std::move(timer)) {}
  // Cancels the timer if it has not fired yet; harmless otherwise.
  void cancel();
  bool cancelled() const { return timer_ && timer_->cancelled; }
  double when() const { return timer_ ? timer_->when() : 0.0; }
  explicit operator bool() const { return bool(timer_); }

 private:
  Ref<Timer> timer_;
};

// A call scheduled with call_soon that the caller may still cancel.
class Handle {
 public:
  Handle() = default;
  void cancel() {
    if (state_) state_->cancelled = true;
  }
  bool cancelled() const { return state_ && state_->cancelled; }

 private:
  friend class Loop;
  Ref<CallState> state_;
};

class Loop {
 public:
  // The host must outlive the loop.
  explicit Loop(host::Host& host);
  ~Loop();
  Loop(const Loop&) = delete;
  Loop& operator=(const Loop&) = delete;

  // The loop running on this thread, or nullptr (asyncio._get_running_loop).
  static Loop* running();

  host::Host& host() { return host_; }

  // Loop time in seconds, from the host's monotonic clock.
  double time() { return host_.now(); }

  // Schedules `callback` to run on the next iteration, after those already
  // scheduled (FIFO).
  Handle call_soon(Callback callback);
  template <class F>
  Handle call_soon(F callable) {
    static_assert(std::is_invocable_v<F&>, "a scheduled call takes no arguments");
    return call_soon(Callback::from(std::move(callable)));
  }

  // Schedules `callback` at loop time `when` / after `delay` seconds.
  TimerHandle call_at(double when, Callback callback);
  TimerHandle call_later(double delay, Callback callback) {
    return call_at(time() + delay, std::move(callback));
  }
  template <class F>
  TimerHandle call_later(double delay, F callable) {
    static_assert(std::is_invocable_v<F&>, "a scheduled call takes no arguments");
    return call_later(delay, Callback::from(std::move(callable)));
  }

  // Internal fast path: schedules a done callback with the future it is for.
  void schedule(Callback callback, FutureBase* finished);

  // Runs one iteration: moves due timers to the ready queue, then runs the
  // callbacks that are ready now. Returns the number of callbacks run.
  size_t run_once();

  // The deadline of the earliest live timer, if any.
  std::optional<double> next_deadline();

  bool has_ready() const { return !ready_.empty(); }

  // Drives the loop until `future` is done: runs steps, waits on the host in
  // between, and never hangs silently. Fails with ErrorKind::deadlock (and a
  // report naming every waiting task) when nothing can ever wake a task, and
  // with ErrorKind::interrupted when the host asks to stop.
  Result<void> run_until_done(FutureBase& future);

  // The task whose step is running, or nullptr between steps.
  TaskCore* current_task() const { return current_task_; }

  // Every task created on this loop that has not finished, oldest first.
  std::vector<TaskCore*> all_tasks() const;

  // The report used when a deadlock is detected: one line per waiting task.
  std::string deadlock_report() const;

  // Installs (or clears, with an empty function) the trace event sink.
  void set_trace_sink(TraceSink sink) { trace_sink_ = std::move(sink); }
  bool tracing() const { return bool(trace_sink_); }
  // Records an event when a sink is installed; without one it costs a test.
  void trace(TraceKind kind, const TaskCore* task, std::string_view what = {}, int32_t line = 0) {
    if (trace_sink_) emit_trace(kind, task, what, line);
  }

 private:
  friend class TaskCore;
  friend class TimerHandle;

  struct ReadyEntry {
    Callback callback;
    Ref<FutureBase> finished;  // the future a done callback is for, if any
    Ref<CallState> cancel_flag;  // present when the caller may cancel the call
  };
  struct TimerOrder {
    bool operator()(const Ref<Timer>& a, const Ref<Timer>& b) const {
      if (a->when_ != b->when_) return a->when_ > b->when_;
      return a->sequence_ > b->sequence_;
    }
  };

  void emit_trace(TraceKind kind, const TaskCore* task, std::string_view what, int32_t line);
  void on_timer_cancelled(Timer& timer);
  void drop_cancelled_timers();
  void task_started(TaskCore& task);
  void task_finished(TaskCore& task);

  host::Host& host_;
  std::deque<ReadyEntry> ready_;              // FIFO of callbacks to run
  std::vector<Ref<Timer>> timers_;            // min-heap by (when, sequence)
  size_t live_timers_ = 0;                    // timers in the heap not cancelled
  uint64_t next_timer_sequence_ = 0;
  TaskCore* current_task_ = nullptr;          // task whose step is running
  TaskCore* first_task_ = nullptr;            // unfinished tasks, oldest first
  TaskCore* last_task_ = nullptr;
  TraceSink trace_sink_;
  Loop* previous_running_ = nullptr;          // restored when this loop stops
};

}  // namespace aio
