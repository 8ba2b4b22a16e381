#include "core/aio/future.hpp"

namespace aio {

bool FutureBase::cancel(std::string message) {
  if (done()) return false;
  finish_cancelled(message.empty() ? Error(ErrorKind::cancelled)
                                   : Error(ErrorKind::cancelled, std::move(message)));
  return true;
}

Result<void> FutureBase::set_error(Error error) {
  if (done()) return Error(ErrorKind::invalid_state, "invalid state");
  error_ = std::move(error);
  finish(State::failed);
  return {};
}

void FutureBase::finish_cancelled(Error error) {
  error_ = std::move(error);
  finish(State::cancelled);
}

void FutureBase::add_done_callback(Callback callback) {
  if (done()) {
    loop_->schedule(std::move(callback), this);
  } else if (!first_callback_) {
    first_callback_ = std::move(callback);
  } else {
    if (!more_callbacks_) more_callbacks_ = std::make_unique<std::vector<Callback>>();
    more_callbacks_->push_back(std::move(callback));
  }
}

size_t FutureBase::remove_done_callback(const Callback& callback) {
  auto same = [&](const Callback& c) {
    return c && c.function() == callback.function() && c.target() == callback.target();
  };
  size_t removed = 0;
  if (same(first_callback_)) {
    first_callback_ = Callback();
    ++removed;
  }
  if (!more_callbacks_) return removed;
  std::vector<Callback>& more = *more_callbacks_;
  for (auto it = more.begin(); it != more.end();) {
    if (same(*it)) {
      it = more.erase(it);
      ++removed;
    } else {
      ++it;
    }
  }
  // Keep "first" meaning "earliest still registered" so order is preserved.
  if (!first_callback_ && !more.empty()) {
    first_callback_ = std::move(more.front());
    more.erase(more.begin());
  }
  return removed;
}

void FutureBase::finish(State state) {
  state_ = state;
  if (first_callback_) loop_->schedule(std::move(first_callback_), this);
  first_callback_ = Callback();
  if (!more_callbacks_) return;
  std::unique_ptr<std::vector<Callback>> more = std::move(more_callbacks_);
  for (auto& callback : *more) loop_->schedule(std::move(callback), this);
}

}  // namespace aio
