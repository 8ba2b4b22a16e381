#include "core/host/curl_http.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace host {

struct CurlHttp::Transfer {
  HttpRequestId id = 0;
  HttpRequest request;  // kept alive: CURLOPT_POSTFIELDS reads the body from it
  HttpDone done;
  HttpResponse response;  // filled in as the response arrives
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;     // the request's header lines
  char error[CURL_ERROR_SIZE] = {};  // curl's words for a failure (CURLOPT_ERRORBUFFER)

  ~Transfer() {
    curl_easy_cleanup(easy);
    curl_slist_free_all(headers);
  }
};

namespace {

CURLM* as_multi(void* multi) { return static_cast<CURLM*>(multi); }

// curl_global_init is not thread-safe and costs a little; the first request does it, once.
bool curl_ready() {
  static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return ready;
}

bool same_name(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

// The request's first header called `name`, or nullptr.
const HttpHeader* find_header(const HttpRequest& request, std::string_view name) {
  for (const HttpHeader& header : request.headers) {
    if (same_name(header.name, name)) return &header;
  }
  return nullptr;
}

std::string_view trim(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// "HTTP/1.1 404 NOT FOUND" → "NOT FOUND". HTTP/2 has no phrase: "HTTP/2 200" → "".
std::string reason_phrase(std::string_view status_line) {
  size_t code = status_line.find(' ');
  if (code == std::string_view::npos) return {};
  size_t reason = status_line.find(' ', code + 1);
  if (reason == std::string_view::npos) return {};
  return std::string(trim(status_line.substr(reason + 1)));
}

size_t on_body(char* data, size_t size, size_t count, void* transfer) {
  static_cast<CurlHttp::Transfer*>(transfer)->response.body.append(data, size * count);
  return size * count;
}

// curl passes every header line of every response, redirects and 1xx included; a status
// line starts a new response, so only the final one's headers remain.
size_t on_header(char* data, size_t size, size_t count, void* transfer) {
  HttpResponse& response = static_cast<CurlHttp::Transfer*>(transfer)->response;
  std::string_view line(data, size * count);
  if (line.substr(0, 5) == "HTTP/") {
    response.headers.clear();
    response.reason = reason_phrase(trim(line));
  } else if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
    // An obsolete folded line continues the previous header's value.
    if (!response.headers.empty() && !trim(line).empty()) {
      response.headers.back().value += ' ';
      response.headers.back().value += trim(line);
    }
  } else if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    response.headers.push_back(HttpHeader{std::string(trim(line.substr(0, colon))),
                                          std::string(trim(line.substr(colon + 1)))});
  }
  return size * count;
}

// The request's header lines, and out of curl's own additions the ones the request would
// not have made in CPython: `Expect: 100-continue` (curl sends it for large bodies, then
// waits for the server's go-ahead) and a form Content-Type on any body.
curl_slist* header_lines(const HttpRequest& request, const HttpHeader* accept_encoding,
                         bool sends_body) {
  curl_slist* lines = nullptr;
  for (const HttpHeader& header : request.headers) {
    if (&header == accept_encoding) continue;  // sent through CURLOPT_ACCEPT_ENCODING
    // "Name;" is how curl sends an empty value; "Name:" would remove the header.
    std::string line = header.name + (header.value.empty() ? ";" : ": " + header.value);
    lines = curl_slist_append(lines, line.c_str());
  }
  // "Name:" with nothing after it removes a header curl adds by itself.
  if (!find_header(request, "Expect")) lines = curl_slist_append(lines, "Expect:");
  if (sends_body && !find_header(request, "Content-Type")) {
    lines = curl_slist_append(lines, "Content-Type:");
  }
  return lines;
}

// Sets up the transfer's easy handle to make its request.
void configure(CurlHttp::Transfer& transfer) {
  CURL* easy = transfer.easy;
  const HttpRequest& request = transfer.request;
  curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, &transfer);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.error);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
  // As requests does (aiohttp stops at 10); the final response is the one delivered.
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 30L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  // aiohttp and requests speak HTTP/1.1 only, and their programs print its reason phrases
  // ("OK"); curl would negotiate HTTP/2 over TLS, which has none.
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));

  // Content encodings the request accepts are decoded here, as aiohttp, requests and
  // fetch all do; the headers still say how the body was sent.
  const HttpHeader* accept_encoding = find_header(request, "Accept-Encoding");
  if (accept_encoding && accept_encoding->value.empty()) accept_encoding = nullptr;
  if (accept_encoding) {
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, accept_encoding->value.c_str());
  }

  const std::string& method = request.method;
  bool sends_body = false;
  if (method == "HEAD") {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else {
    sends_body = !request.body.empty() || method == "POST";
    if (sends_body) {
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
    }
    // curl names GET and POST itself, and turns a POST into a GET on a 301/302/303 as
    // aiohttp and requests do; any other method (or a GET with a body, which POSTFIELDS
    // would make a POST) is named for every request, redirects included.
    if (!method.empty() && method != "POST" && (method != "GET" || sends_body)) {
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.c_str());
    }
  }
  transfer.headers = header_lines(request, accept_encoding, sends_body);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer.headers);
}

// Why curl cannot use `url` as an absolute URL, or nothing. Parsed without guessing a
// missing scheme, which curl_easy would do ("example.com" → http://example.com).
std::optional<std::string> url_problem(const std::string& url) {
  CURLU* parsed = curl_url();
  CURLUcode code = curl_url_set(parsed, CURLUPART_URL, url.c_str(), 0);
  curl_url_cleanup(parsed);
  if (code == CURLUE_OK) return std::nullopt;
  return std::string("URL rejected: ") + curl_url_strerror(code);
}

// The host and port `url` names ("[::1]" without its brackets), or an empty host.
std::pair<std::string, long> url_host_and_port(const char* url) {
  std::pair<std::string, long> address{"", 0};
  CURLU* parsed = curl_url();
  char* host = nullptr;
  char* port = nullptr;
  if (url && curl_url_set(parsed, CURLUPART_URL, url, 0) == CURLUE_OK &&
      curl_url_get(parsed, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
      curl_url_get(parsed, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
    std::string_view name = host;
    if (name.size() > 2 && name.front() == '[') name = name.substr(1, name.size() - 2);
    address = {std::string(name), std::strtol(port, nullptr, 10)};
  }
  curl_free(host);
  curl_free(port);
  curl_url_cleanup(parsed);
  return address;
}

// CPython's asyncio says a connect failed as "Connect call failed ('127.0.0.1', 1)": the
// socket address as a tuple, whose IPv6 form is ('::1', 1, 0, 0). curl does not tell which
// address it tried (CURLINFO_PRIMARY_IP stays empty when no connection was made), so this
// names the URL's host as written: a name such as localhost stays a name, where CPython
// would list each address it resolved to.
std::string connect_call_failed(const CurlHttp::Transfer& transfer) {
  char* url = nullptr;
  curl_easy_getinfo(transfer.easy, CURLINFO_EFFECTIVE_URL, &url);  // after any redirects
  auto [name, port] = url_host_and_port(url);
  if (name.empty()) return transfer.error;
  std::string address = "'" + name + "', " + std::to_string(port);
  if (name.find(':') != std::string::npos) address += ", 0, 0";
  return "Connect call failed (" + address + ")";
}

HttpOutcome failure(HttpFailure kind, std::string message) {
  HttpOutcome outcome;
  outcome.failure = kind;
  outcome.message = std::move(message);
  return outcome;
}

// The transfer's response, or its failure, once curl has finished it with `result`.
HttpOutcome outcome_of(CurlHttp::Transfer& transfer, CURLcode result) {
  if (result != CURLE_OK) {
    std::string message = transfer.error[0] ? transfer.error : curl_easy_strerror(result);
    switch (result) {
      case CURLE_URL_MALFORMAT:
      case CURLE_UNSUPPORTED_PROTOCOL:  // ftp://…, or a redirect to it
        return failure(HttpFailure::invalid_url, std::move(message));
      case CURLE_COULDNT_CONNECT:
        return failure(HttpFailure::connection, connect_call_failed(transfer));
      case CURLE_COULDNT_RESOLVE_HOST:  // as CPython's getaddrinfo says it on Linux
        return failure(HttpFailure::connection, "Name or service not known");
      default:
        return failure(HttpFailure::connection, std::move(message));
    }
  }
  long status = 0;
  char* url = nullptr;
  curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(transfer.easy, CURLINFO_EFFECTIVE_URL, &url);
  HttpOutcome outcome;
  outcome.response = std::move(transfer.response);
  outcome.response->status = int(status);
  outcome.response->url = url ? url : transfer.request.url;
  return outcome;
}

}  // namespace

CurlHttp::CurlHttp() = default;  // here, where Transfer is complete

CurlHttp::~CurlHttp() {
  for (auto& [id, transfer] : transfers_) {
    curl_multi_remove_handle(as_multi(multi_), transfer->easy);
  }
  transfers_.clear();
  if (multi_) curl_multi_cleanup(as_multi(multi_));
}

HttpRequestId CurlHttp::start(HttpRequest request, HttpDone done) {
  HttpRequestId id = ++last_id_;
  // Failures found here wait in finished_ like any outcome: `done` is never called from
  // inside start.
  auto fail = [&](HttpFailure kind, std::string message) {
    finished_.push_back(Finished{id, std::move(done), failure(kind, std::move(message))});
    return id;
  };
  if (!curl_ready()) return fail(HttpFailure::connection, "libcurl failed to initialise");
  if (std::optional<std::string> problem = url_problem(request.url)) {
    return fail(HttpFailure::invalid_url, std::move(*problem));
  }
  if (!multi_) multi_ = curl_multi_init();
  auto transfer = std::make_unique<Transfer>();
  transfer->easy = multi_ ? curl_easy_init() : nullptr;
  if (!transfer->easy) return fail(HttpFailure::connection, "libcurl failed to initialise");
  transfer->id = id;
  transfer->request = std::move(request);
  transfer->done = std::move(done);
  configure(*transfer);
  if (curl_multi_add_handle(as_multi(multi_), transfer->easy) != CURLM_OK) {
    done = std::move(transfer->done);
    return fail(HttpFailure::connection, "libcurl could not start the transfer");
  }
  transfers_.emplace(id, std::move(transfer));
  return id;
}

void CurlHttp::cancel(HttpRequestId id) {
  if (transfers_.count(id)) {
    drop(id);
    return;
  }
  auto finished = std::find_if(finished_.begin(), finished_.end(),
                               [&](const Finished& outcome) { return outcome.id == id; });
  if (finished != finished_.end()) finished_.erase(finished);
}

size_t CurlHttp::wait(std::optional<double> timeout_seconds) {
  if (finished_.empty() && !transfers_.empty()) {
    progress();
    // At most a day per wait, as NativeHost's sleep and asyncio's select.
    constexpr double longest_wait = 24 * 3600;
    double seconds = std::clamp(timeout_seconds.value_or(longest_wait), 0.0, longest_wait);
    int milliseconds = int(std::ceil(seconds * 1000));  // up, or a short wait would spin
    if (finished_.empty() && milliseconds > 0) {
      // Returns when a socket is ready, the time is up, or curl has a timer of its own due.
      curl_multi_poll(as_multi(multi_), nullptr, 0, milliseconds, nullptr);
      progress();
    }
  }
  // One at a time, as a `done` may cancel requests (finished ones too) or start new ones.
  // Outcomes of requests started meanwhile (a rejected URL has one at once) wait for the
  // next wait: no `done` runs inside the call that started its request.
  HttpRequestId newest = last_id_;
  size_t delivered = 0;
  while (!finished_.empty() && finished_.front().id <= newest) {
    Finished next = std::move(finished_.front());
    finished_.pop_front();
    next.done(std::move(next.outcome));
    ++delivered;
  }
  return delivered;
}

void CurlHttp::progress() {
  int running = 0;
  curl_multi_perform(as_multi(multi_), &running);
  int queued = 0;
  while (CURLMsg* message = curl_multi_info_read(as_multi(multi_), &queued)) {
    if (message->msg != CURLMSG_DONE) continue;
    CURLcode result = message->data.result;
    char* private_data = nullptr;
    curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &private_data);
    Transfer& transfer = *reinterpret_cast<Transfer*>(private_data);
    finished_.push_back(
        Finished{transfer.id, std::move(transfer.done), outcome_of(transfer, result)});
    drop(transfer.id);
  }
}

void CurlHttp::drop(HttpRequestId id) {
  auto transfer = transfers_.find(id);
  curl_multi_remove_handle(as_multi(multi_), transfer->second->easy);
  transfers_.erase(transfer);
}

}  // namespace host
