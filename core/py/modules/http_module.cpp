#include "core/py/modules/http_module.hpp"

#include <memory>
#include <optional>

#include "core/aio/http.hpp"
#include "core/host/host.hpp"
#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/vm/execution.hpp"

namespace py {

namespace {

// --- arguments ----------------------------------------------------------------------------

bool read_text(const char* what, Object* value, std::string* text) {
  if (!is_str(value)) {
    raise_format(type_error_type, "_http: {} must be str", what);
    return false;
  }
  *text = as_str(value)->value;
  return true;
}

// (method, url, headers, body) → a request; false with TypeError.
bool read_request(CallArgs args, host::HttpRequest* request) {
  if (!read_text("method", args.values[0], &request->method) ||
      !read_text("url", args.values[1], &request->url))
    return false;
  Object* headers = args.values[2];
  if (!is_list(headers)) {
    raise(type_error_type, "_http: headers must be a list of (name, value) pairs");
    return false;
  }
  for (const Ref<>& pair : static_cast<List*>(headers)->items) {
    host::HttpHeader header;
    if (!is_tuple(pair.get()) || tuple_size(static_cast<Tuple*>(pair.get())) != 2) {
      raise(type_error_type, "_http: headers must be a list of (name, value) pairs");
      return false;
    }
    auto* items = static_cast<Tuple*>(pair.get());
    if (!read_text("a header name", items->items[0].get(), &header.name) ||
        !read_text("a header value", items->items[1].get(), &header.value))
      return false;
    request->headers.push_back(std::move(header));
  }
  Object* body = args.values[3];
  if (is_bytes(body)) {
    request->body = static_cast<Bytes*>(body)->value;
  } else if (!is_none(body)) {
    raise(type_error_type, "_http: body must be bytes or None");
    return false;
  }
  return true;
}

// --- the outcome --------------------------------------------------------------------------

// Python's http.HTTPStatus phrases, for responses whose status line has none (HTTP/2, and
// every response a browser's fetch got over HTTP/2).
struct StatusPhrase {
  int status;
  const char* phrase;
};
const StatusPhrase standard_phrases[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {102, "Processing"},
    {103, "Early Hints"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {207, "Multi-Status"},
    {208, "Already Reported"},
    {226, "IM Used"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {305, "Use Proxy"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Request Entity Too Large"},
    {414, "Request-URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Requested Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {418, "I'm a Teapot"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Entity"},
    {423, "Locked"},
    {424, "Failed Dependency"},
    {425, "Too Early"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
    {506, "Variant Also Negotiates"},
    {507, "Insufficient Storage"},
    {508, "Loop Detected"},
    {510, "Not Extended"},
    {511, "Network Authentication Required"},
};

std::string_view standard_phrase(int status) {
  for (const StatusPhrase& row : standard_phrases)
    if (row.status == status) return row.phrase;
  return "";
}

// Header bytes are ISO-8859-1, as CPython's http.client reads them.
Ref<> latin1_text(std::string_view bytes) { return decode_bytes(bytes, "latin-1", "strict"); }

Ref<> response_tuple(const host::HttpResponse& response) {
  std::vector<Ref<>> headers;
  for (const host::HttpHeader& header : response.headers) {
    Ref<> name = latin1_text(header.name);
    Ref<> value = latin1_text(header.value);
    if (!name || !value) return nullptr;
    Ref<Tuple> pair = make_tuple({name.get(), value.get()});
    if (!pair) return nullptr;
    headers.push_back(std::move(pair));
  }
  Ref<> status = make_int(response.status);
  Ref<> reason = latin1_text(response.reason.empty() ? standard_phrase(response.status)
                                                     : std::string_view(response.reason));
  Ref<> url = latin1_text(response.url);
  Ref<> header_list = make_list(std::move(headers));
  Ref<> body = make_bytes(response.body);
  if (!status || !reason || !url || !header_list || !body) return nullptr;
  return make_tuple({status.get(), reason.get(), url.get(), header_list.get(), body.get()});
}

// The response as a tuple, or null with ConnectionError / ValueError raised.
Ref<> response_or_raise(const host::HttpOutcome& outcome) {
  if (outcome.response) return response_tuple(*outcome.response);
  Type& type =
      outcome.failure == host::HttpFailure::invalid_url ? value_error_type : connection_error_type;
  return raise(type, outcome.message);
}

// --- fetch: awaited -----------------------------------------------------------------------

aio::Task<asyncio::Value> fetch_body(host::HttpRequest request) {
  aio::Result<host::HttpOutcome> outcome = co_await aio::http(std::move(request));
  if (!outcome) co_return outcome.error();
  Ref<> response = response_or_raise(outcome.value());
  if (!response) co_return asyncio::error_from_pending_exception();
  co_return response;
}

Ref<> fetch(Object*, CallArgs args) {
  host::HttpRequest request;
  if (!check_positional("fetch", args, 4, 4) || !read_request(args, &request)) return nullptr;
  return asyncio::make_operation(fetch_body(std::move(request)), "fetch");
}

// --- fetch_blocking: every task waits -----------------------------------------------------

class BlockingFetch final : public BlockingCall {
 public:
  BlockingFetch(host::HttpRequest request, std::optional<double> timeout)
      : request_(std::move(request)), timeout_(timeout) {}

  Ref<> complete() override {
    host::Host& host = *runtime().host;
    auto outcome = std::make_shared<std::optional<host::HttpOutcome>>();
    host::HttpRequestId id = host.start_http(
        std::move(request_), [outcome](host::HttpOutcome result) { *outcome = std::move(result); });
    if (id == 0) return raise(connection_error_type, "this build of awaitpad cannot make HTTP requests");
    std::optional<double> deadline;
    if (timeout_) deadline = host.now() + *timeout_;
    while (!*outcome) {
      if (host.interrupted()) {
        host.cancel_http(id);
        return raise_empty(keyboard_interrupt_type);
      }
      if (deadline && host.now() >= *deadline) {
        host.cancel_http(id);
        return raise(timeout_error_type, "timed out");
      }
      host.wait_until(deadline);
    }
    return response_or_raise(**outcome);
  }
  const char* name() const override { return "requests"; }

 private:
  host::HttpRequest request_;
  std::optional<double> timeout_;  // seconds
};

Ref<> fetch_blocking(Object*, CallArgs args) {
  host::HttpRequest request;
  if (!check_positional("fetch_blocking", args, 5, 5) || !read_request(args, &request))
    return nullptr;
  std::optional<double> timeout;
  Object* timeout_value = args.values[4];
  if (!is_none(timeout_value)) {
    double seconds = 0;
    if (!to_double(timeout_value, &seconds)) return nullptr;
    timeout = seconds;
  }
  return request_blocking_call(new BlockingFetch(std::move(request), timeout));
}

const NativeMethod http_functions[] = {
    {"fetch", fetch},
    {"fetch_blocking", fetch_blocking},
    {nullptr, nullptr},
};

}  // namespace

int init_http_module(Module* module) {
  for (const NativeMethod* row = http_functions; row->name; ++row) {
    Ref<NativeFunction> function = make_native_function(row, nullptr);
    if (!function || dict_set_str(module->dict.get(), row->name, function.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace py
