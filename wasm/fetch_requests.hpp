// The web Host's HTTP: each request goes to the JavaScript half (wasm/fetch_requests.mjs),
// which runs it with fetch while the module does other things. Starting and aborting do
// not suspend. A finished request waits in JavaScript until the Host's wait takes it:
// the result's fields are copied, one byte array at a time, into memory this side
// allocates, so bodies and headers stay binary-safe and nothing is freed across the line.
#pragma once

#include <cstddef>
#include <unordered_map>

#include "core/host/http.hpp"

namespace web {

class FetchRequests {
 public:
  // Starts `request` with fetch; `done` gets its outcome from deliver_finished().
  host::HttpRequestId start(host::HttpRequest request, host::HttpDone done);
  // Aborts a request; its `done` is never called. Unknown ids are ignored.
  void cancel(host::HttpRequestId id);
  // True while a request is in flight or finished but not yet delivered.
  bool pending() const { return !done_.empty(); }
  // Calls `done` for every request that has finished, in the order they finished;
  // returns how many. Never suspends.
  size_t deliver_finished();

 private:
  // The callbacks of the requests not yet delivered. Requests still in flight when the
  // run ends are aborted by the JavaScript half (session.mjs), even after a trap.
  std::unordered_map<host::HttpRequestId, host::HttpDone> done_;
  host::HttpRequestId next_id_ = 1;
};

}  // namespace web
