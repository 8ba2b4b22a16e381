"""requests for awaitpad: blocking HTTP on the Host (the browser's fetch in the
playground, libcurl natively), through the native `_http`.

Blocking, as in CPython: a request made inside a coroutine stalls every task until the
response arrives — the point of the sync-vs-async examples.

Differences from requests 2.28, because the Host does the transfer: redirects are always
followed (`history` is empty), there are no cookies, proxies, auth helpers, streaming or
sessions' connection reuse, and `elapsed` is a float of seconds, not a timedelta. A
browser lowercases response header names, may refuse to send some request headers, and
reports a server that does not allow cross-origin requests as a ConnectionError.
"""

import builtins as _builtins
import json as _json
import time as _time

import _http
import requests.exceptions as exceptions
from requests.exceptions import (ConnectionError, ConnectTimeout, HTTPError, InvalidSchema,
                                 InvalidURL, JSONDecodeError, MissingSchema, ReadTimeout,
                                 RequestException, Timeout, TooManyRedirects)
from urllib.parse import urlencode, urlsplit

__version__ = "2.28.1"
__all__ = ["request", "get", "head", "post", "put", "patch", "delete", "options", "Session",
           "session", "Response", "PreparedRequest", "codes", "exceptions",
           "RequestException", "ConnectionError", "HTTPError", "Timeout", "ConnectTimeout",
           "ReadTimeout", "TooManyRedirects", "MissingSchema", "InvalidSchema", "InvalidURL",
           "JSONDecodeError"]

# As requests sends them with brotli installed (Debian's python3-requests, the recordings'
# oracle); a browser replaces Accept-Encoding and Connection with its own.
_DEFAULT_HEADERS = [("User-Agent", "python-requests/" + __version__),
                    ("Accept-Encoding", "gzip, deflate, br"), ("Accept", "*/*"),
                    ("Connection", "keep-alive")]


class CaseInsensitiveDict(dict):
    """Headers: lookups ignore case, iteration keeps the names as given."""

    def __init__(self, data=None, **kwargs):
        super().__init__()
        self._names = {}
        for name, value in dict(data or {}, **kwargs).items():
            self[name] = value

    def __setitem__(self, key, value):
        lower = key.lower()
        if lower in self._names:
            super().__delitem__(self._names[lower])
        self._names[lower] = key
        super().__setitem__(key, value)

    def __getitem__(self, key):
        return super().__getitem__(self._names[key.lower()])

    def __delitem__(self, key):
        super().__delitem__(self._names.pop(key.lower()))

    def __contains__(self, key):
        return isinstance(key, str) and key.lower() in self._names

    def get(self, key, default=None):
        return self[key] if key in self else default

    def lower_items(self):
        return [(name.lower(), value) for name, value in self.items()]

    def copy(self):
        return CaseInsensitiveDict(self.items())


class _Codes:
    """requests.codes: status codes by name (codes.ok == 200)."""

    def __init__(self):
        for code, names in {200: ("ok", "okay", "all_ok"), 201: ("created",),
                            202: ("accepted",), 204: ("no_content",),
                            301: ("moved_permanently", "moved"), 302: ("found",),
                            304: ("not_modified",), 400: ("bad_request", "bad"),
                            401: ("unauthorized",), 403: ("forbidden",),
                            404: ("not_found",), 405: ("method_not_allowed",),
                            408: ("request_timeout",), 409: ("conflict",), 418: ("teapot",),
                            429: ("too_many_requests", "too_many"),
                            500: ("internal_server_error", "server_error"),
                            502: ("bad_gateway",), 503: ("service_unavailable", "unavailable"),
                            504: ("gateway_timeout",)}.items():
            for name in names:
                setattr(self, name, code)
                setattr(self, name.upper(), code)

    def __getitem__(self, name):
        return getattr(self, name, None)


codes = _Codes()


class PreparedRequest:
    """What was sent: method, url, headers and body."""

    def __init__(self, method, url, headers, body):
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body

    def __repr__(self):
        return f"<PreparedRequest [{self.method}]>"


class Response:
    """A finished response: status line, headers and the whole body."""

    def __init__(self, request, result, elapsed):
        status, reason, url, headers, body = result
        self.request = request
        self.status_code = status
        self.reason = reason
        self.url = url
        self.headers = CaseInsensitiveDict(_joined_headers(headers))
        self.content = body
        self.elapsed = elapsed
        self.history = []
        self.encoding = _encoding_of(self.headers.get("Content-Type"))

    @property
    def ok(self):
        try:
            self.raise_for_status()
        except HTTPError:
            return False
        return True

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return f"<Response [{self.status_code}]>"

    @property
    def apparent_encoding(self):
        try:
            self.content.decode("utf-8")
        except UnicodeDecodeError:
            return "ISO-8859-1"
        return "utf-8" if any(byte > 127 for byte in self.content) else "ascii"

    @property
    def text(self):
        if not self.content:
            return ""
        return self.content.decode(self.encoding or self.apparent_encoding, "replace")

    def json(self, **kwargs):
        try:
            return _json.loads(self.text, **kwargs)
        except _json.JSONDecodeError as error:
            raise JSONDecodeError(error.msg, error.doc, error.pos) from None

    @property
    def links(self):
        return {}

    def iter_content(self, chunk_size=1, decode_unicode=False):
        data = self.text if decode_unicode else self.content
        size = chunk_size or len(data) or 1
        for start in range(0, len(data), size):
            yield data[start:start + size]

    def iter_lines(self, chunk_size=512, decode_unicode=False, delimiter=None):
        data = self.text if decode_unicode else self.content
        yield from (data.split(delimiter) if delimiter else data.splitlines())

    def raise_for_status(self):
        if 400 <= self.status_code < 500:
            message = f"{self.status_code} Client Error: {self.reason} for url: {self.url}"
        elif 500 <= self.status_code < 600:
            message = f"{self.status_code} Server Error: {self.reason} for url: {self.url}"
        else:
            return
        raise HTTPError(message, response=self)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def _joined_headers(pairs):
    """Repeated names joined with ", ", as urllib3 gives them to requests."""
    joined = {}
    names = {}
    for name, value in pairs:
        lower = name.lower()
        if lower in joined:
            joined[lower] += ", " + value
        else:
            joined[lower] = value
            names[lower] = name
    return {names[lower]: value for lower, value in joined.items()}


def _encoding_of(content_type):
    if not content_type:
        return None
    mimetype, _, parameters = content_type.partition(";")
    for parameter in parameters.split(";"):
        name, _, value = parameter.strip().partition("=")
        if name.strip().lower() == "charset":
            return value.strip("'\" ")
    mimetype = mimetype.strip().lower()
    if mimetype.startswith("text"):
        return "ISO-8859-1"
    if mimetype == "application/json":
        return "utf-8"
    return None


def _checked_url(url, params):
    """The URL to request, with params; raises requests' errors for a bad one."""
    if isinstance(url, bytes):
        url = url.decode("utf8")
    url = str(url).strip()
    if ":" in url and not url.lower().startswith("http"):
        raise InvalidSchema(f"No connection adapters were found for {url!r}")
    parts = urlsplit(url)
    if not parts.scheme:
        raise MissingSchema(f"Invalid URL {url!r}: No scheme supplied. "
                            f"Perhaps you meant http://{url}?")
    if parts.scheme not in ("http", "https"):
        raise InvalidSchema(f"No connection adapters were found for {url!r}")
    if not parts.hostname:
        raise InvalidURL(f"Invalid URL {url!r}: No host supplied")
    if not parts.path:
        url = url.replace(parts.netloc, parts.netloc + "/", 1) if not parts.query else url
    if params:
        if not isinstance(params, (str, bytes)):
            params = urlencode(params, doseq=True)
        url += ("&" if parts.query else "?") + params
    return url


def _encoded_body(data, json):
    """(body bytes or None, Content-Type or None)."""
    if not data and json is not None:
        return _json.dumps(json, allow_nan=False).encode("utf-8"), "application/json"
    if data is None or data == {} or data == []:
        return None, None
    if isinstance(data, str):
        return data.encode("utf-8"), None
    if isinstance(data, bytes):
        return data, None
    return urlencode(data, doseq=True).encode("ascii"), "application/x-www-form-urlencoded"


def _connection_pool(url):
    parts = urlsplit(url)
    scheme = "HTTPSConnectionPool" if parts.scheme == "https" else "HTTPConnectionPool"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{scheme}(host={parts.hostname!r}, port={port})"


def _read_timeout(timeout):
    if isinstance(timeout, tuple):
        connect, read = timeout
        limits = [limit for limit in (connect, read) if limit is not None]
        return (sum(limits) if limits else None), read
    return timeout, timeout


class Session:
    """Requests sharing default headers and params; a context manager."""

    def __init__(self):
        self.headers = CaseInsensitiveDict(_DEFAULT_HEADERS)
        self.params = {}
        self.auth = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        pass

    def request(self, method, url, params=None, data=None, headers=None, cookies=None,
                files=None, auth=None, timeout=None, allow_redirects=True, proxies=None,
                hooks=None, stream=None, verify=None, cert=None, json=None):
        method = method.upper()
        if not isinstance(params, (str, bytes)):
            params = {**self.params, **dict(params or {})}
        url = _checked_url(url, params)
        body, content_type = _encoded_body(data, json)
        sent = CaseInsensitiveDict(self.headers)
        for name, value in (headers or {}).items():
            if value is None:
                if name in sent:
                    del sent[name]
            else:
                sent[name] = value
        if content_type and "Content-Type" not in sent:
            sent["Content-Type"] = content_type
        if body is None and method not in ("GET", "HEAD"):
            sent["Content-Length"] = "0"
        request = PreparedRequest(method, url, sent, body)
        total, read = _read_timeout(timeout)
        started = _time.perf_counter()
        try:
            result = _http.fetch_blocking(method, url, list(sent.items()), body, total)
        except TimeoutError:
            raise ReadTimeout(f"{_connection_pool(url)}: Read timed out. (read timeout={read})",
                              request=request) from None
        except _builtins.ConnectionError as error:
            raise ConnectionError(f"{_connection_pool(url)}: Max retries exceeded with url: "
                                  f"{_path_of(url)} (Caused by {_urllib3_cause(error)})",
                                  request=request) from None
        except ValueError as error:
            raise InvalidURL(f"Invalid URL {url!r}: {error}", request=request) from None
        return Response(request, result, _time.perf_counter() - started)

    def get(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", True)
        return self.request("GET", url, **kwargs)

    def options(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", True)
        return self.request("OPTIONS", url, **kwargs)

    def head(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        return self.request("HEAD", url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request("POST", url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request("PATCH", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)


def _urllib3_cause(error):
    """The failure as urllib3 words it, where the host's words map onto its."""
    reason = str(error)
    if reason.startswith("Connect call failed"):
        reason = "[Errno 111] Connection refused"
    elif reason == "Name or service not known":
        reason = "[Errno -2] Name or service not known"
    else:
        return reason
    return ("NewConnectionError('<urllib3.connection.HTTPConnection object>: "
            f"Failed to establish a new connection: {reason}')")


def _path_of(url):
    parts = urlsplit(url)
    return (parts.path or "/") + ("?" + parts.query if parts.query else "")


def session():
    return Session()


def request(method, url, **kwargs):
    with Session() as one_off:
        return one_off.request(method=method, url=url, **kwargs)


def get(url, params=None, **kwargs):
    return request("get", url, params=params, **kwargs)


def options(url, **kwargs):
    return request("options", url, **kwargs)


def head(url, **kwargs):
    kwargs.setdefault("allow_redirects", False)
    return request("head", url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("post", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request("put", url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request("patch", url, data=data, **kwargs)


def delete(url, **kwargs):
    return request("delete", url, **kwargs)
