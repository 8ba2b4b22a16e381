// Virtual time is a Host decorator (DESIGN.md decision 3). When the loop has
// nothing ready and no I/O is in flight, waiting jumps the clock straight to
// the deadline, so a program that sleeps for minutes finishes at once with the
// same output and the same timeline. While I/O is in flight the clock follows
// real time, so a request still takes as long as it really takes and a timer
// racing it fires in the right order.
#pragma once

#include <utility>

#include "core/host/host.hpp"

namespace host {

class VirtualTimeHost final : public Host {
 public:
  // `inner` provides I/O, output and interruption; it must outlive this.
  explicit VirtualTimeHost(Host& inner) : inner_(inner) {}

  double now() override { return clock_; }
  void wait_until(std::optional<double> deadline) override;
  bool has_pending_io() override { return inner_.has_pending_io(); }
  HttpRequestId start_http(HttpRequest request, HttpDone done) override {
    return inner_.start_http(std::move(request), std::move(done));
  }
  void cancel_http(HttpRequestId id) override { inner_.cancel_http(id); }
  void write(Stream stream, std::string_view text) override { inner_.write(stream, text); }
  bool interrupted() override { return inner_.interrupted(); }
  void poll() override { inner_.poll(); }
  std::optional<std::string> module_source(std::string_view name) override {
    return inner_.module_source(name);
  }

 private:
  Host& inner_;
  double clock_ = 0.0;  // virtual seconds since the run started
};

}  // namespace host
