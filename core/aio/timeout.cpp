#include "core/aio/timeout.hpp"

namespace aio {

namespace detail {

// What the scope and its timer share (the fields of CPython's Timeout).
class TimeoutState final : public RefCounted {
 public:
  enum class Phase { entered, expiring, expired, exited };

  TimeoutState(std::optional<double> when, TaskCore& task)
      : when(when), task(&task), cancelling_on_entry(task.cancelling()) {}

  // _on_timeout: cancels the task; the scope is now expiring.
  static void on_timeout(RefCounted* self, FutureBase*) {
    auto& state = *static_cast<TimeoutState*>(self);
    state.task->cancel();
    state.phase = Phase::expiring;
    state.soon = Handle();
    state.timer = TimerHandle();
  }

  void cancel_timer() {
    soon.cancel();
    timer.cancel();
    soon = Handle();
    timer = TimerHandle();
  }

  Phase phase = Phase::entered;
  std::optional<double> when;  // deadline in loop time; none: never
  Ref<TaskCore> task;          // the task the timer cancels
  int cancelling_on_entry;     // task.cancelling() when the scope was entered
  Handle soon;                 // the timer, when the deadline had passed already
  TimerHandle timer;           // the timer, otherwise
};

namespace {
const char* phase_name(TimeoutState::Phase phase) {
  switch (phase) {
    case TimeoutState::Phase::entered: return "active";
    case TimeoutState::Phase::expiring: return "expiring";
    case TimeoutState::Phase::expired: return "expired";
    case TimeoutState::Phase::exited: return "finished";
  }
  return "finished";
}
}  // namespace

}  // namespace detail

using detail::TimeoutState;

Timeout::Timeout(std::optional<double> when)
    : state_(make_ref<TimeoutState>(when, TaskCore::current_or_abort())) {
  reschedule(when).value();
}

Timeout::Timeout(Timeout&& other) noexcept : state_(std::move(other.state_)) {}

Timeout::~Timeout() {
  if (state_) (void)exit(false);
}

std::optional<double> Timeout::when() const { return state_->when; }

bool Timeout::expired() const {
  return state_->phase == TimeoutState::Phase::expiring ||
         state_->phase == TimeoutState::Phase::expired;
}

Result<void> Timeout::reschedule(std::optional<double> when) {
  TimeoutState& state = *state_;
  if (state.phase != TimeoutState::Phase::entered) {
    return Error(ErrorKind::runtime_error, std::string("Cannot change state of ") +
                                               detail::phase_name(state.phase) + " Timeout");
  }
  state.when = when;
  state.cancel_timer();
  if (!when) return {};
  Loop& loop = state.task->loop();
  Callback on_timeout(&TimeoutState::on_timeout, Ref<RefCounted>(state_.get()));
  if (*when <= loop.time()) state.soon = loop.call_soon(std::move(on_timeout));
  else state.timer = loop.call_at(*when, std::move(on_timeout));
  return {};
}

bool Timeout::exit(bool outcome_is_cancelled) {
  TimeoutState& state = *state_;
  state.cancel_timer();
  if (state.phase == TimeoutState::Phase::expiring) {
    state.phase = TimeoutState::Phase::expired;
    // No cancel request newer than ours: the CancelledError is ours to handle.
    return state.task->uncancel() <= state.cancelling_on_entry && outcome_is_cancelled;
  }
  if (state.phase == TimeoutState::Phase::entered) state.phase = TimeoutState::Phase::exited;
  return false;
}

Timeout timeout(std::optional<double> delay) {
  if (!delay) return Timeout(std::nullopt);
  return Timeout(TaskCore::current_or_abort().loop().time() + *delay);
}

Timeout timeout_at(std::optional<double> when) { return Timeout(when); }

}  // namespace aio
