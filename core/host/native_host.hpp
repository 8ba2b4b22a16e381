// The native Host: std::chrono::steady_clock, a sleeping wait, stdio output, and HTTP
// through libcurl (CurlHttp), whose sockets the wait watches while requests are in flight.
//
// The wasm build has no libcurl (the browser's HTTP is fetch, in the web Host), yet its unit
// tests use NativeHost as a real-time host; there it makes no requests. CMake defines
// AWAITPAD_NATIVE_HTTP for native builds only, on the library and everything linking it,
// so this header reads the same to every file of one build.
#pragma once

#include <utility>

#include "core/host/host.hpp"
#if AWAITPAD_NATIVE_HTTP
#include "core/host/curl_http.hpp"
#endif

namespace host {

class NativeHost final : public Host {
 public:
  double now() override;
  void wait_until(std::optional<double> deadline) override;
  void write(Stream stream, std::string_view text) override;
  bool interrupted() override { return false; }
#if AWAITPAD_NATIVE_HTTP
  bool has_pending_io() override { return http_.pending(); }
  HttpRequestId start_http(HttpRequest request, HttpDone done) override {
    return http_.start(std::move(request), std::move(done));
  }
  void cancel_http(HttpRequestId id) override { http_.cancel(id); }

 private:
  CurlHttp http_;  // sets libcurl up on the first request, so a host that makes none is free
#else
  bool has_pending_io() override { return false; }
#endif
};

}  // namespace host
