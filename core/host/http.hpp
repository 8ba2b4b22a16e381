// HTTP as the Host sees it: one request in, one response or failure out. The hosts do the
// transfer (libcurl natively, fetch in the browser); the Python modules `aiohttp` and
// `requests` give it their APIs on top (core/py/modules/http_module.cpp).
//
// A request always follows redirects (as aiohttp and requests do by default) and always
// reads the whole body. Timeouts are the caller's: it cancels a request whose time is up.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace host {

struct HttpHeader {
  std::string name;
  std::string value;
};

struct HttpRequest {
  std::string method;               // "GET", "POST", … as given
  std::string url;                  // absolute http:// or https:// URL
  std::vector<HttpHeader> headers;  // sent as given, in order
  std::string body;                 // bytes; empty sends none
};

struct HttpResponse {
  int status = 0;                   // 200
  std::string reason;               // the status line's phrase: "OK", "NOT FOUND"
  std::string url;                  // the final URL, after redirects
  std::vector<HttpHeader> headers;  // as received, in order (a browser lowercases names)
  std::string body;                 // bytes
};

enum class HttpFailure {
  connection,  // no response: refused, unreachable, DNS, TLS, or blocked by CORS
  invalid_url,  // the host could not use the URL at all
};

// A response, or why there is none.
struct HttpOutcome {
  std::optional<HttpResponse> response;
  HttpFailure failure = HttpFailure::connection;  // when there is no response
  std::string message;  // what went wrong, for the exception: "Connection refused"
};

// Called exactly once per started request, from inside a later Host::wait_until.
using HttpDone = std::function<void(HttpOutcome)>;

// Identifies a request in flight, for cancel_http; 0 is never a request's.
using HttpRequestId = uint64_t;

}  // namespace host
