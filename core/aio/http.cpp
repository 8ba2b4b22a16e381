#include "core/aio/http.hpp"

namespace aio {

bool HttpFuture::cancel(std::string message) {
  if (done()) return false;
  loop().host().cancel_http(request_);
  return FutureBase::cancel(std::move(message));
}

void HttpCall::await_suspend(co::coroutine_handle<> waiter) {
  TaskCore& task = TaskCore::current_or_abort();
  Loop& loop = task.loop();
  done_ = make_ref<HttpFuture>(loop, request_.method + " " + request_.url);
  Ref<HttpFuture> done = done_;
  host::HttpRequestId id =
      loop.host().start_http(std::move(request_), [done](host::HttpOutcome outcome) {
        if (!done->done()) done->set_result(std::move(outcome)).value();
      });
  if (id == 0) {
    host::HttpOutcome unavailable;
    unavailable.message = "this build of awaitpad cannot make HTTP requests";
    done_->set_result(std::move(unavailable)).value();
  }
  done_->set_request(id);
  task.wait_on(*done_, waiter);
}

Result<host::HttpOutcome> HttpCall::await_resume() {
  TaskCore& task = TaskCore::current_or_abort();
  if (task.take_pending_cancel()) {
    // As Sleep: a CancelledError the request already carries is kept.
    if (done_->cancelled()) return *done_->error();
    return task.cancelled_error();
  }
  return done_->result();
}

HttpCall::~HttpCall() {
  // A task destroyed mid-request (its loop closed) must not leave the transfer running.
  if (done_ && !done_->done()) done_->cancel();
}

}  // namespace aio
