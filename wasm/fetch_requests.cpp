#include "wasm/fetch_requests.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <emscripten.h>

namespace {

// A finished request's kind, as OUTCOME in wasm/fetch_requests.mjs.
enum class FetchOutcome : int32_t { response = 0, connection_failure = 1, invalid_url = 2 };

// What takeFinished() tells about the request it took; its fields follow as parts.
struct TakenRequest {
  FetchOutcome kind;
  int32_t status;      // of a response
  int32_t part_count;  // byte arrays: [reason, url, body, name, value, ...] or [message]
};

// The JavaScript bodies are left as written: clang-format would split `=>` and `!==`.
// clang-format off
// Ids cross as doubles: exact up to 2^53, and no BigInt needed.
// `header_spans` holds four numbers per header: name address, name size, value address,
// value size.
EM_JS(void, awaitpad_js_fetch_start,
      (double id, const char* method, size_t method_size, const char* url, size_t url_size,
       const uint32_t* header_spans, size_t header_count, const char* body, size_t body_size),
      {
        // Copies: the heap may grow (and its buffer be replaced) before fetch reads them.
        const bytes = (address, size) => HEAPU8.slice(address, address + size);
        const spans = HEAPU32.subarray(header_spans >> 2, (header_spans >> 2) + 4 * header_count);
        const headers = [];
        for (let i = 0; i < spans.length; i += 4) {
          headers.push([bytes(spans[i], spans[i + 1]), bytes(spans[i + 2], spans[i + 3])]);
        }
        Module.awaitpad.fetches.start(id, bytes(method, method_size), bytes(url, url_size),
                                      headers, bytes(body, body_size));
      });

EM_JS(void, awaitpad_js_fetch_abort, (double id), { Module.awaitpad.fetches.abort(id); });

// Takes the first finished request: returns its id (0 when none) and fills `taken`.
EM_JS(double, awaitpad_js_fetch_take, (TakenRequest* taken), {
  const fetches = Module.awaitpad.fetches;
  const id = fetches.takeFinished();
  if (id !== 0) {
    HEAP32.set([fetches.taken.kind, fetches.taken.status, fetches.taken.parts.length],
               taken >> 2);
  }
  return id;
});

EM_JS(size_t, awaitpad_js_fetch_part_size, (int32_t index), {
  return Module.awaitpad.fetches.taken.parts[index].length;
});

EM_JS(void, awaitpad_js_fetch_part_copy, (int32_t index, char* destination), {
  HEAPU8.set(Module.awaitpad.fetches.taken.parts[index], destination);
});

// clang-format on

// Part `index` of the request taken last.
std::string taken_part(int32_t index) {
  std::string bytes(awaitpad_js_fetch_part_size(index), '\0');
  awaitpad_js_fetch_part_copy(index, bytes.data());
  return bytes;
}

host::HttpOutcome taken_outcome(const TakenRequest& taken) {
  host::HttpOutcome outcome;
  if (taken.kind != FetchOutcome::response) {
    outcome.failure = taken.kind == FetchOutcome::invalid_url ? host::HttpFailure::invalid_url
                                                              : host::HttpFailure::connection;
    outcome.message = taken_part(0);
    return outcome;
  }
  host::HttpResponse& response = outcome.response.emplace();
  response.status = taken.status;
  response.reason = taken_part(0);
  response.url = taken_part(1);
  response.body = taken_part(2);
  for (int32_t index = 3; index + 1 < taken.part_count; index += 2) {
    response.headers.push_back({taken_part(index), taken_part(index + 1)});
  }
  return outcome;
}

}  // namespace

namespace web {

host::HttpRequestId FetchRequests::start(host::HttpRequest request, host::HttpDone done) {
  const host::HttpRequestId id = next_id_++;
  std::vector<uint32_t> header_spans;
  for (const host::HttpHeader& header : request.headers) {
    header_spans.insert(header_spans.end(),
                        {reinterpret_cast<uintptr_t>(header.name.data()), header.name.size(),
                         reinterpret_cast<uintptr_t>(header.value.data()), header.value.size()});
  }
  awaitpad_js_fetch_start(double(id), request.method.data(), request.method.size(),
                          request.url.data(), request.url.size(), header_spans.data(),
                          request.headers.size(), request.body.data(), request.body.size());
  done_.emplace(id, std::move(done));
  return id;
}

void FetchRequests::cancel(host::HttpRequestId id) {
  if (done_.erase(id) > 0) awaitpad_js_fetch_abort(double(id));
}

size_t FetchRequests::deliver_finished() {
  size_t delivered = 0;
  TakenRequest taken;
  while (const double id = awaitpad_js_fetch_take(&taken)) {
    host::HttpOutcome outcome = taken_outcome(taken);
    // Still here: cancel() makes the JavaScript half drop a finished request too.
    auto found = done_.find(host::HttpRequestId(id));
    host::HttpDone done = std::move(found->second);
    done_.erase(found);
    done(std::move(outcome));
    ++delivered;
  }
  return delivered;
}

}  // namespace web
