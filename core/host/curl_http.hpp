// The native Host's HTTP: libcurl's multi interface, driven from the Host's one wait.
// Transfers run side by side on one thread; they progress only inside wait(), which polls
// their sockets and hands each finished outcome to its `done`. No threads, no callbacks
// from elsewhere: the price is that nothing moves while the driver is not waiting, which
// is already the loop's rule (DESIGN.md decision 6).
//
// The request goes out as aiohttp or requests would send it. libcurl adds `Host`,
// `Accept: */*` (theirs too) and `Content-Length` for a body; we take out what it would add
// besides (`Expect: 100-continue`, a form Content-Type for a body); it sends no User-Agent
// unless the request has one. HTTP/1.1 only, as theirs, so reason phrases are there. An
// Accept-Encoding the request gives is decoded here, as they and fetch decode.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>

#include "core/host/http.hpp"

namespace host {

class CurlHttp {
 public:
  CurlHttp();  // cheap: libcurl is set up on the first start
  // Aborts the transfers in flight; their `done` is never called.
  ~CurlHttp();
  CurlHttp(const CurlHttp&) = delete;
  CurlHttp& operator=(const CurlHttp&) = delete;

  // Starts a request; `done` gets its outcome from a later wait(), never from here (a URL
  // rejected at once is delivered by the next wait too). Returns its id, never 0.
  HttpRequestId start(HttpRequest request, HttpDone done);

  // Aborts a request in flight or drops its undelivered outcome: `done` is never called.
  // Unknown ids (finished and delivered ones) are ignored.
  void cancel(HttpRequestId id);

  // True while a request is in flight or a finished one waits to be delivered.
  bool pending() const { return !transfers_.empty() || !finished_.empty(); }

  // Lets the transfers progress for up to `timeout_seconds` (none: up to a day), returning
  // early once one finishes, and calls `done` for every finished request. Returns how many
  // outcomes it delivered; 0 means the time ran out (or curl woke up early).
  size_t wait(std::optional<double> timeout_seconds);

  // One request in flight: its curl handle and what it received so far. Defined, and used,
  // only in curl_http.cpp.
  struct Transfer;

 private:
  // A finished request whose outcome waits for the next wait() to deliver it.
  struct Finished {
    HttpRequestId id;
    HttpDone done;
    HttpOutcome outcome;
  };

  // Performs what the sockets allow and moves finished transfers to finished_.
  void progress();
  // Removes a transfer from the multi handle and frees it.
  void drop(HttpRequestId id);

  void* multi_ = nullptr;  // the CURLM*, made on the first start (curl.h stays in the .cpp)
  HttpRequestId last_id_ = 0;
  std::unordered_map<HttpRequestId, std::unique_ptr<Transfer>> transfers_;  // in flight
  std::deque<Finished> finished_;  // in the order they finished
};

}  // namespace host
