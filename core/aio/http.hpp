// aio::http(request): sends an HTTP request through the loop's Host and waits for its
// outcome without blocking other tasks — four requests in flight overlap. The waiting
// task waits on "GET http://…" (traces, deadlock reports), and cancelling it cancels the
// request: the host aborts the transfer.
#pragma once

#include "core/aio/future.hpp"
#include "core/aio/task.hpp"
#include "core/host/http.hpp"

namespace aio {

// The future an HTTP request completes; cancelling it cancels the request.
class HttpFuture final : public WithValue<host::HttpOutcome, FutureBase> {
 public:
  HttpFuture(Loop& loop, std::string description)
      : WithValue(loop), description_(std::move(description)) {}
  std::string describe() const override { return description_; }
  bool cancel(std::string message = {}) override;
  void set_request(host::HttpRequestId id) { request_ = id; }

 private:
  std::string description_;       // "GET http://…"
  host::HttpRequestId request_ = 0;  // in flight on the loop's host until done
};

class [[nodiscard]] HttpCall {
 public:
  explicit HttpCall(host::HttpRequest request) : request_(std::move(request)) {}
  HttpCall(HttpCall&&) = default;
  ~HttpCall();
  bool await_ready() const noexcept { return false; }
  void await_suspend(co::coroutine_handle<> waiter);
  Result<host::HttpOutcome> await_resume();

 private:
  host::HttpRequest request_;
  Ref<HttpFuture> done_;
};

// Sends `request` and waits for the response or the failure. A host without HTTP gives a
// connection failure saying so.
inline HttpCall http(host::HttpRequest request) { return HttpCall(std::move(request)); }

}  // namespace aio
