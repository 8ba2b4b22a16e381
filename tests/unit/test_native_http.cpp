// The native Host's HTTP (libcurl's multi interface, core/host/curl_http.*) against a real
// httpbin on loopback: ctest runs this file through scripts/httpbin_server.py, which puts
// the server's URL in AWAITPAD_HTTPBIN. The Host contract (core/host/host.hpp): `done` runs
// exactly once per request, only inside a later wait_until, never after cancel_http, and
// has_pending_io() holds until it has run.
#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/aio/future.hpp"
#include "core/aio/run.hpp"
#include "core/aio/sleep.hpp"
#include "core/aio/task.hpp"
#include "core/host/native_host.hpp"
#include "core/host/virtual_time_host.hpp"

namespace {

// `path` on the test server.
std::string httpbin(std::string_view path) {
  const char* base = std::getenv("AWAITPAD_HTTPBIN");
  if (!base || !*base) {
    FAIL(
        "AWAITPAD_HTTPBIN is not set: these tests need httpbin on loopback; ctest runs them "
        "as scripts/httpbin_server.py -- build/native/unit_tests \"[http]\"");
  }
  return base + std::string(path);
}

host::HttpRequest request(std::string method, std::string url,
                          std::vector<host::HttpHeader> headers = {}, std::string body = {}) {
  return host::HttpRequest{std::move(method), std::move(url), std::move(headers), std::move(body)};
}

// What `done` delivered to one request, and how often it was called.
struct Delivery {
  int calls = 0;
  host::HttpOutcome outcome;
};

host::HttpRequestId start(host::Host& host, host::HttpRequest request, Delivery& delivery) {
  return host.start_http(std::move(request), [&delivery](host::HttpOutcome outcome) {
    ++delivery.calls;
    delivery.outcome = std::move(outcome);
  });
}

// Waits on `host` until every delivery has come; false when `limit` seconds pass first.
bool wait_for(host::Host& host, const std::vector<const Delivery*>& deliveries, double limit = 10) {
  double give_up = host.now() + limit;
  auto all_came = [&] {
    for (const Delivery* delivery : deliveries) {
      if (delivery->calls == 0) return false;
    }
    return true;
  };
  while (!all_came()) {
    if (host.now() >= give_up) return false;
    host.wait_until(give_up);
  }
  return true;
}

// Makes one request and waits for its outcome.
host::HttpOutcome fetch(host::Host& host, host::HttpRequest request) {
  Delivery delivery;
  start(host, std::move(request), delivery);
  REQUIRE(wait_for(host, {&delivery}));
  REQUIRE(delivery.calls == 1);
  REQUIRE_FALSE(host.has_pending_io());
  return std::move(delivery.outcome);
}

// The response, failing the test with the failure's message when there is none.
host::HttpResponse response_of(host::HttpOutcome outcome) {
  INFO("failure: " << outcome.message);
  REQUIRE(outcome.response);
  return std::move(*outcome.response);
}

// The value of the response's header `name` (any case), or "(none)".
std::string header(const host::HttpResponse& response, std::string_view name) {
  for (const host::HttpHeader& header : response.headers) {
    if (header.name.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size(); ++i) {
      same = same && std::tolower(header.name[i]) == std::tolower(name[i]);
    }
    if (same) return header.value;
  }
  return "(none)";
}

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

}  // namespace

TEST_CASE("native http: GET gives status, reason, headers, body and URL", "[http]") {
  host::NativeHost native;
  std::string url = httpbin("/get?q=1");
  host::HttpResponse response =
      response_of(fetch(native, request("GET", url, {{"X-Awaitpad-Test", "hello"}})));
  CHECK(response.status == 200);
  CHECK(response.reason == "OK");
  CHECK(response.url == url);
  CHECK(header(response, "Content-Type") == "application/json");
  CHECK(header(response, "content-length") == std::to_string(response.body.size()));
  CHECK_THAT(response.body, Catch::Contains(R"("X-Awaitpad-Test":"hello")"));
  CHECK_THAT(response.body, Catch::Contains(R"("args":{"q":"1"})"));
  // Nothing the caller did not ask for but Host and Accept (no curl User-Agent).
  CHECK_THAT(response.body, !Catch::Contains("User-Agent"));
}

TEST_CASE("native http: POST sends a binary body and the headers as given", "[http]") {
  host::NativeHost native;
  std::string body = std::string("\x00\x01\xfe\xff", 4) + "awaitpad";
  host::HttpResponse response = response_of(
      fetch(native, request("POST", httpbin("/post"), {{"X-Echo", "42"}, {"X-Empty", ""}}, body)));
  CHECK(response.status == 200);
  // httpbin shows a body that is not UTF-8 as a base64 data URL: all 12 bytes arrived.
  CHECK_THAT(response.body,
             Catch::Contains(R"("data":"data:application/octet-stream;base64,AAH+/2F3YWl0cGFk")"));
  CHECK_THAT(response.body, Catch::Contains(R"("Content-Length":"12")"));
  CHECK_THAT(response.body, Catch::Contains(R"("X-Echo":"42")"));
  CHECK_THAT(response.body, Catch::Contains(R"("X-Empty":"")"));
  // curl's own additions are gone: no Expect, no form Content-Type.
  CHECK_THAT(response.body, !Catch::Contains("Expect"));
  CHECK_THAT(response.body, !Catch::Contains("Content-Type"));

  response = response_of(fetch(
      native, request("POST", httpbin("/post"), {{"Content-Type", "application/json"}}, "[1]")));
  CHECK_THAT(response.body, Catch::Contains(R"("json":[1])"));

  // Over 1 MiB curl would ask `Expect: 100-continue` and wait for the server's go-ahead.
  std::string large(2 << 20, 'a');
  response = response_of(fetch(native, request("POST", httpbin("/post"), {}, large)));
  CHECK(response.body.find(R"("data":")" + large + '"') != std::string::npos);
  CHECK(response.body.find("Expect") == std::string::npos);
}

TEST_CASE("native http: PUT, PATCH and DELETE name their method; HEAD has no body", "[http]") {
  host::NativeHost native;
  for (std::string method : {"PUT", "PATCH", "DELETE"}) {
    INFO(method);
    host::HttpResponse response =
        response_of(fetch(native, request(method, httpbin("/anything"), {}, "x=1")));
    CHECK(response.status == 200);
    CHECK_THAT(response.body, Catch::Contains(R"("method":")" + method + '"'));
    CHECK_THAT(response.body, Catch::Contains(R"("data":"x=1")"));
  }
  host::HttpResponse response = response_of(fetch(native, request("DELETE", httpbin("/delete"))));
  CHECK(response.status == 200);
  CHECK_THAT(response.body, Catch::Contains(R"("data":"")"));

  response = response_of(fetch(native, request("HEAD", httpbin("/get"))));
  CHECK(response.status == 200);
  CHECK(response.reason == "OK");
  CHECK(response.body.empty());
  CHECK(header(response, "Content-Type") == "application/json");
  CHECK(std::stoi(header(response, "Content-Length")) > 0);  // what a GET would have sent
}

TEST_CASE("native http: error statuses are responses, with their reason", "[http]") {
  host::NativeHost native;
  host::HttpResponse response = response_of(fetch(native, request("GET", httpbin("/status/404"))));
  CHECK(response.status == 404);
  CHECK(response.reason == "NOT FOUND");
  response = response_of(fetch(native, request("GET", httpbin("/status/500"))));
  CHECK(response.status == 500);
  CHECK(response.reason == "INTERNAL SERVER ERROR");
}

TEST_CASE("native http: redirects are followed to the final response", "[http]") {
  host::NativeHost native;
  host::HttpResponse response = response_of(fetch(native, request("GET", httpbin("/redirect/2"))));
  CHECK(response.status == 200);
  CHECK(response.reason == "OK");
  CHECK(ends_with(response.url, "/get"));
  // Only the final response's headers: the redirects' Location is gone.
  CHECK(header(response, "Location") == "(none)");
  CHECK(header(response, "Content-Type") == "application/json");
  CHECK_THAT(response.body, Catch::Contains(R"("url":")" + response.url + '"'));
}

TEST_CASE("native http: concurrent requests overlap in one wait", "[http]") {
  host::NativeHost native;
  std::vector<Delivery> deliveries(4);
  auto started = std::chrono::steady_clock::now();
  for (Delivery& delivery : deliveries) {
    start(native, request("GET", httpbin("/delay/1")), delivery);
  }
  REQUIRE(native.has_pending_io());
  REQUIRE(wait_for(native, {&deliveries[0], &deliveries[1], &deliveries[2], &deliveries[3]}));
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  for (Delivery& delivery : deliveries) {
    CHECK(delivery.calls == 1);
    CHECK(response_of(std::move(delivery.outcome)).status == 200);
  }
  CHECK(took.count() >= 1.0);
  CHECK(took.count() < 1.8);  // one after another would take 4 s
  CHECK_FALSE(native.has_pending_io());
}

TEST_CASE("native http: a cancelled request never calls done", "[http]") {
  host::NativeHost native;
  Delivery slow;
  host::HttpRequestId id = start(native, request("GET", httpbin("/delay/3")), slow);
  REQUIRE(id != 0);
  native.wait_until(native.now() + 0.2);  // the request is on its way
  REQUIRE(native.has_pending_io());
  native.cancel_http(id);
  CHECK_FALSE(native.has_pending_io());
  native.wait_until(native.now() + 0.1);
  CHECK(slow.calls == 0);

  // Also when it has finished but is not delivered yet.
  Delivery rejected;
  id = start(native, request("GET", "not a url"), rejected);
  REQUIRE(native.has_pending_io());
  native.cancel_http(id);
  CHECK_FALSE(native.has_pending_io());
  native.wait_until(native.now() + 0.01);
  CHECK(rejected.calls == 0);
  native.cancel_http(id);  // a second cancel, and an unknown id, are ignored
  native.cancel_http(12345);
}

TEST_CASE("native http: a refused connection fails as CPython words it", "[http]") {
  host::NativeHost native;
  host::HttpOutcome outcome = fetch(native, request("GET", "http://127.0.0.1:1/"));
  CHECK_FALSE(outcome.response);
  CHECK(outcome.failure == host::HttpFailure::connection);
  CHECK(outcome.message == "Connect call failed ('127.0.0.1', 1)");
}

TEST_CASE("native http: a URL the host cannot use fails as invalid_url", "[http]") {
  host::NativeHost native;
  for (std::string url : {"http://[::1", "not a url", "127.0.0.1/get", "ftp://127.0.0.1/x"}) {
    INFO(url);
    host::HttpOutcome outcome = fetch(native, request("GET", url));
    CHECK_FALSE(outcome.response);
    CHECK(outcome.failure == host::HttpFailure::invalid_url);
    CHECK_FALSE(outcome.message.empty());
  }
}

TEST_CASE("native http: done is called only from a later wait, and once", "[http]") {
  host::NativeHost native;
  // An outcome known at once (a bad URL), one known soon (refused), one from the server.
  Delivery rejected, refused, answered;
  start(native, request("GET", "http://[::1"), rejected);
  start(native, request("GET", "http://127.0.0.1:1/"), refused);
  start(native, request("GET", httpbin("/get")), answered);
  CHECK(rejected.calls + refused.calls + answered.calls == 0);
  CHECK(native.has_pending_io());
  REQUIRE(wait_for(native, {&rejected, &refused, &answered}));
  CHECK_FALSE(native.has_pending_io());
  native.wait_until(native.now() + 0.05);
  native.wait_until(std::nullopt);  // nothing in flight: returns at once
  CHECK(rejected.calls == 1);
  CHECK(refused.calls == 1);
  CHECK(answered.calls == 1);

  // A request started by a `done` is not answered inside the same wait either.
  Delivery first, second;
  native.start_http(request("GET", "http://[::1"), [&](host::HttpOutcome outcome) {
    first.outcome = std::move(outcome);
    ++first.calls;
    start(native, request("GET", "http://[::1"), second);
  });
  native.wait_until(std::nullopt);
  CHECK(first.calls == 1);
  CHECK(second.calls == 0);
  CHECK(native.has_pending_io());
  native.wait_until(std::nullopt);
  CHECK(second.calls == 1);
  CHECK_FALSE(native.has_pending_io());
}

TEST_CASE("native http: under virtual time the clock follows the request", "[http]") {
  host::NativeHost native;
  host::VirtualTimeHost virtual_time(native);
  Delivery delivery;
  double virtual_start = virtual_time.now();
  auto started = std::chrono::steady_clock::now();
  host::HttpRequestId id = start(virtual_time, request("GET", httpbin("/delay/1")), delivery);
  CHECK(id != 0);
  CHECK(virtual_time.has_pending_io());
  REQUIRE(wait_for(virtual_time, {&delivery}));
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  CHECK(response_of(std::move(delivery.outcome)).status == 200);
  CHECK_FALSE(virtual_time.has_pending_io());
  double advanced = virtual_time.now() - virtual_start;
  CHECK(advanced >= 1.0);
  CHECK(advanced <= took.count());
  CHECK(advanced == Approx(took.count()).margin(0.05));
}

TEST_CASE("native http: the loop waits for a request while a task sleeps", "[http]") {
  host::NativeHost native;
  std::vector<std::string> lines;
  auto get = [&](std::string url) -> aio::Task<int> {
    aio::Loop& loop = *aio::Loop::running();
    auto answered = aio::Future<host::HttpOutcome>::create(loop);
    loop.host().start_http(request("GET", std::move(url)), [answered](host::HttpOutcome outcome) {
      (void)answered->set_result(std::move(outcome));
    });
    host::HttpOutcome outcome = (co_await answered).value();
    lines.push_back("answered");
    co_return outcome.response ? outcome.response->status : -1;
  };
  auto sleeper = [&]() -> aio::Task<void> {
    (co_await aio::sleep(0.2)).value();
    lines.push_back("slept");
    co_return {};
  };
  auto main = [&]() -> aio::Task<int> {
    auto sleeping = aio::spawn(*aio::Loop::running(), sleeper());
    int status = (co_await get(httpbin("/delay/1"))).value();
    (co_await sleeping).value();
    co_return status;
  };
  auto result = aio::run(native, main());
  INFO((result ? std::string() : result.error().message()));
  REQUIRE(result);
  CHECK(result.value() == 200);
  CHECK(lines == std::vector<std::string>{"slept", "answered"});
}
