// The native module `_http`: HTTP requests through the run's Host (core/host/http.hpp),
// for the Python-written `aiohttp` and `requests` (modules/lib), which give them their
// APIs.
//
//   await _http.fetch(method, url, headers, body)
//       → (status, reason, url, headers, body). reason: the status line's phrase, or the
//       standard one when it has none (HTTP/2). headers: a list of (name, value) str
//       pairs; body: bytes or None. Other tasks run meanwhile; the task waits on
//       "GET http://…", and cancelling it cancels the request.
//   _http.fetch_blocking(method, url, headers, body, timeout)
//       → the same, blocking every task as CPython's blocking sockets do (a BlockingCall:
//       the driver waits, DESIGN decision 6). timeout: None or seconds; TimeoutError
//       when it runs out.
// A failure to connect raises ConnectionError(message), a URL the host cannot use
// ValueError(message).
#pragma once

#include "core/py/objects/module.hpp"

namespace py {

// Fills `_http` (registered in modules/registry.cpp).
int init_http_module(Module* module);

}  // namespace py
