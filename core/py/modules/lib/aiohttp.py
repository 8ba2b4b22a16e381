"""aiohttp's client for awaitpad: ClientSession and its responses on the Host's HTTP
(the browser's fetch in the playground, libcurl natively), through the native `_http`.

Requests in flight overlap as in aiohttp: each one waits on the loop, not on the
interpreter, and the timeline shows the wait as "GET url". A timeout or a cancelled task
aborts the request.

Differences from aiohttp 3.8, because the Host does the transfer: the whole body arrives
before the response is returned (timeouts cover it, `content` reads from memory); redirects
are always followed; there are no cookies, proxies, auth helpers or websockets; a browser
lowercases response header names and may refuse to send some request headers (its own
User-Agent, Host and Accept-Encoding win). Under a browser, a server that does not allow
cross-origin requests looks the same as one that is down: ClientConnectorError.
"""

import asyncio
import json as _json
from collections import namedtuple

import _http
from aiohttp.client_exceptions import *
from urllib.parse import quote, urlencode, urlsplit, urljoin

__version__ = "3.8.4"
__all__ = ["ClientSession", "ClientResponse", "ClientTimeout", "TCPConnector", "request",
           "RequestInfo", "CIMultiDictProxy", "StreamReader", "URL", "ClientError",
           "ClientConnectionError", "ClientOSError", "ClientConnectorError",
           "ServerConnectionError", "ServerDisconnectedError", "ServerTimeoutError",
           "ClientResponseError", "ContentTypeError", "TooManyRedirects", "ClientPayloadError",
           "InvalidURL"]

_USER_AGENT = "Python/3.11 aiohttp/" + __version__
_GET_METHODS = {"GET", "HEAD", "OPTIONS", "CONNECT", "TRACE"}  # sent without a body


class URL:
    """The part of yarl.URL a response shows: str() is the URL, repr() URL('…')."""

    def __init__(self, value):
        # yarl escapes what may not stand in a URL as it is: "not a url" → "not%20a%20url".
        self._value = quote(str(value), safe="/:?#[]@!$&'()*+,;=%~")
        self._parts = urlsplit(self._value)

    def __str__(self):
        return self._value

    def __repr__(self):
        return f"URL({self._value!r})"

    def __eq__(self, other):
        return isinstance(other, URL) and self._value == other._value

    def __hash__(self):
        return hash(self._value)

    def human_repr(self):
        return self._value

    def is_absolute(self):
        return bool(self._parts.netloc)

    def join(self, url):
        return URL(urljoin(self._value, str(url)))

    @property
    def scheme(self):
        return self._parts.scheme

    @property
    def host(self):
        return self._parts.hostname

    @property
    def port(self):
        port = self._parts.port
        if port is None:
            port = {"http": 80, "https": 443}.get(self._parts.scheme)
        return port

    @property
    def path(self):
        return self._parts.path or ("/" if self._parts.netloc else "")

    @property
    def query_string(self):
        return self._parts.query

    @property
    def name(self):
        return self.path.rpartition("/")[2]


class CIMultiDictProxy:
    """Response headers: case-insensitive lookups, repeated names kept in order."""

    def __init__(self, pairs=()):
        self._pairs = list(pairs)

    def _values(self, key):
        key = key.lower()
        return [value for name, value in self._pairs if name.lower() == key]

    def __getitem__(self, key):
        values = self._values(key)
        if not values:
            raise KeyError(key)
        return values[0]

    def get(self, key, default=None):
        values = self._values(key)
        return values[0] if values else default

    getone = __getitem__

    def getall(self, key, default=None):
        values = self._values(key)
        if values:
            return values
        if default is None:
            raise KeyError(key)
        return default

    def __contains__(self, key):
        return isinstance(key, str) and bool(self._values(key))

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self._pairs)

    def keys(self):
        return [name for name, _ in self._pairs]

    def values(self):
        return [value for _, value in self._pairs]

    def items(self):
        return list(self._pairs)

    def __eq__(self, other):
        if isinstance(other, CIMultiDictProxy):
            return self._pairs == other._pairs
        return dict(self.items()) == other

    def __repr__(self):
        body = ", ".join(f"{name!r}: {value!r}" for name, value in self._pairs)
        return f"<{type(self).__name__}({body})>"


RequestInfo = namedtuple("RequestInfo", "url method headers real_url")
_ConnectionKey = namedtuple("ConnectionKey", "host port is_ssl ssl")


class ClientTimeout:
    """Timeouts in seconds; `total` bounds the whole request (aiohttp's default: 5 min).
    The Host does connecting and reading in one step, so `connect`, `sock_connect` and
    `sock_read` count toward the same deadline."""

    __slots__ = ("total", "connect", "sock_read", "sock_connect", "ceil_threshold")

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None,
                 ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def _seconds(self):
        limits = [limit for limit in (self.total, self.connect, self.sock_read,
                                      self.sock_connect) if limit]
        return min(limits) if limits else None

    def __repr__(self):
        return ("ClientTimeout(total={!r}, connect={!r}, sock_read={!r}, sock_connect={!r}, "
                "ceil_threshold={!r})").format(self.total, self.connect, self.sock_read,
                                               self.sock_connect, self.ceil_threshold)

    def __eq__(self, other):
        return isinstance(other, ClientTimeout) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__)


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60)


class TCPConnector:
    """Limits how many requests a session has in flight at once (`limit`, 0 = no limit)."""

    def __init__(self, *, limit=100, limit_per_host=0, ssl=None, force_close=False):
        self.limit = limit
        self.limit_per_host = limit_per_host
        self._slots = None
        self.closed = False

    async def _acquire(self):
        if self.limit:
            if self._slots is None:
                self._slots = asyncio.Semaphore(self.limit)
            await self._slots.acquire()

    def _release(self):
        if self._slots is not None:
            self._slots.release()

    async def close(self):
        self.closed = True


class StreamReader:
    """resp.content: the body, read from memory in the ways aiohttp's stream offers."""

    def __init__(self, body):
        self._body = body
        self._position = 0

    def at_eof(self):
        return self._position >= len(self._body)

    async def read(self, n=-1):
        end = len(self._body) if n < 0 else self._position + n
        chunk = self._body[self._position:end]
        self._position += len(chunk)
        return chunk

    async def readany(self):
        return await self.read()

    async def readexactly(self, n):
        chunk = await self.read(n)
        if len(chunk) < n:
            raise asyncio.IncompleteReadError(chunk, n)
        return chunk

    async def readline(self):
        end = self._body.find(b"\n", self._position)
        end = len(self._body) if end < 0 else end + 1
        return await self.read(end - self._position)

    async def iter_chunked(self, n):
        while not self.at_eof():
            yield await self.read(n)

    async def iter_any(self):
        while not self.at_eof():
            yield await self.read()

    def __aiter__(self):
        return self._lines()

    async def _lines(self):
        while not self.at_eof():
            yield await self.readline()


def _mimetype_and_charset(content_type):
    mimetype, _, parameters = content_type.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.strip().partition("=")
        if name.lower() == "charset":
            charset = value.strip('"') or None
    return mimetype.strip().lower(), charset


class ClientResponse:
    """A finished response: status line, headers and the whole body."""

    def __init__(self, method, request_url, request_headers, result):
        status, reason, url, headers, body = result
        self.method = method
        self.status = status
        self.reason = reason
        self.url = URL(url)
        self.real_url = self.url
        # The host hands over header bytes as Latin-1 text; aiohttp decodes them as UTF-8,
        # keeping any other byte as a surrogate.
        self.raw_headers = tuple((name.encode("latin-1"), value.encode("latin-1"))
                                 for name, value in headers)
        self.headers = CIMultiDictProxy(
            [(name.decode("utf-8", "surrogateescape"), value.decode("utf-8", "surrogateescape"))
             for name, value in self.raw_headers])
        self.history = ()
        self.request_info = RequestInfo(request_url, method, request_headers, request_url)
        self.content = StreamReader(body)
        self._body = body
        self.closed = False

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        return _mimetype_and_charset(self.headers.get("Content-Type", "application/octet-stream"))[0]

    @property
    def charset(self):
        return _mimetype_and_charset(self.headers.get("Content-Type", ""))[1]

    @property
    def content_length(self):
        length = self.headers.get("Content-Length")
        return int(length) if length is not None else None

    def get_encoding(self):
        return self.charset or "utf-8"

    async def read(self):
        return self._body

    async def text(self, encoding=None, errors="strict"):
        return self._body.decode(encoding or self.get_encoding(), errors)

    async def json(self, *, encoding=None, loads=_json.loads, content_type="application/json"):
        if content_type:
            ctype = self.headers.get("Content-Type", "").lower()
            if not _is_expected_content_type(ctype, content_type):
                raise ContentTypeError(
                    self.request_info, self.history,
                    message="Attempt to decode JSON with unexpected mimetype: %s" % ctype,
                    headers=self.headers)
        stripped = self._body.strip()
        if not stripped:
            return None
        return loads(stripped.decode(encoding or self.get_encoding()))

    def raise_for_status(self):
        if not self.ok:
            self.release()
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    def release(self):
        self.closed = True

    def close(self):
        self.closed = True

    async def wait_for_close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, traceback):
        self.release()

    def __repr__(self):
        reason = self.reason.encode("ascii", "backslashreplace").decode("ascii")
        return "<ClientResponse({}) [{} {}]>\n{}\n".format(self.url, self.status, reason,
                                                         self.headers)


def _is_expected_content_type(response_type, expected_type):
    if expected_type == "application/json":
        mimetype = _mimetype_and_charset(response_type)[0]
        if not mimetype.startswith("application/"):
            return False
        subtype = mimetype[len("application/"):]
        return subtype.startswith("json") or subtype.partition("+")[2].startswith("json")
    return expected_type in response_type


class _RequestContextManager:
    """What session.get() returns: awaited, the response; entered, the response, released
    on exit."""

    def __init__(self, coroutine):
        self._coroutine = coroutine
        self._response = None

    def __await__(self):
        return self._coroutine.__await__()

    async def __aenter__(self):
        self._response = await self._coroutine
        return self._response

    async def __aexit__(self, exc_type, exc, traceback):
        self._response.release()


def _query_text(params):
    if isinstance(params, str):
        return params
    pairs = params.items() if hasattr(params, "items") else params
    for name, value in pairs:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise TypeError("Invalid variable type: value should be str, int or float, got "
                            f"{value!r} of type {type(value)}")
    return urlencode(list(pairs), safe="?/:@")


def _encode_body(data, json, json_serialize):
    """(body bytes or None, Content-Type or None) for data= or json=."""
    if data is not None and json is not None:
        raise ValueError("data and json parameters can not be used at the same time")
    if json is not None:
        return json_serialize(json).encode("utf-8"), "application/json"
    if data is None:
        return None, None
    if isinstance(data, str):
        return data.encode("utf-8"), "text/plain; charset=utf-8"
    if isinstance(data, bytes):
        return data, "application/octet-stream"
    if hasattr(data, "items") or isinstance(data, (list, tuple)):
        return urlencode(data, doseq=True).encode("ascii"), "application/x-www-form-urlencoded"
    raise TypeError(f"Unsupported data type: {type(data).__name__}")


class ClientSession:
    """A set of requests sharing headers, a base URL, a timeout and a connection limit."""

    def __init__(self, base_url=None, *, connector=None, headers=None, timeout=None,
                 raise_for_status=False, json_serialize=_json.dumps, connector_owner=True):
        self._base_url = URL(base_url) if base_url is not None else None
        self._connector = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self._default_headers = list(dict(headers).items()) if headers else []
        self._timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self._raise_for_status = raise_for_status
        self._json_serialize = json_serialize
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def connector(self):
        return self._connector

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return CIMultiDictProxy(self._default_headers)

    async def close(self):
        if not self._closed:
            self._closed = True
            if self._connector_owner:
                await self._connector.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, traceback):
        await self.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return self.request("GET", url, allow_redirects=allow_redirects, **kwargs)

    def options(self, url, *, allow_redirects=True, **kwargs):
        return self.request("OPTIONS", url, allow_redirects=allow_redirects, **kwargs)

    def head(self, url, *, allow_redirects=False, **kwargs):
        return self.request("HEAD", url, allow_redirects=allow_redirects, **kwargs)

    def post(self, url, *, data=None, **kwargs):
        return self.request("POST", url, data=data, **kwargs)

    def put(self, url, *, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def patch(self, url, *, data=None, **kwargs):
        return self.request("PATCH", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    def _full_url(self, url, params):
        url = str(url)
        if self._base_url is not None:
            url = str(self._base_url.join(url))
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InvalidURL(URL(url))
        if params:
            url += ("&" if parts.query else "?") + _query_text(params)
        return URL(url)

    async def _request(self, method, str_or_url, *, params=None, data=None, json=None,
                       headers=None, timeout=None, allow_redirects=True,
                       raise_for_status=None, ssl=None):
        if self._closed:
            raise RuntimeError("Session is closed")
        url = self._full_url(str_or_url, params)
        body, content_type = _encode_body(data, json, self._json_serialize)
        sent = [("Accept", "*/*"), ("Accept-Encoding", "gzip, deflate"),
                ("User-Agent", _USER_AGENT)] + self._default_headers
        if headers:
            sent += list(dict(headers).items())
        if content_type and not any(name.lower() == "content-type" for name, _ in sent):
            sent.append(("Content-Type", content_type))
        if body is None and method.upper() not in _GET_METHODS:
            sent.append(("Content-Length", "0"))
        sent = _without_repeats(sent)
        if timeout is None:
            timeout = self._timeout
        elif not isinstance(timeout, ClientTimeout):
            timeout = ClientTimeout(total=timeout)
        request_headers = CIMultiDictProxy(sent)
        await self._connector._acquire()
        try:
            async with asyncio.timeout(timeout._seconds()):
                result = await _http.fetch(method.upper(), str(url), sent, body)
        except TimeoutError:
            raise asyncio.TimeoutError from None
        except ConnectionError as error:
            key = _ConnectionKey(url.host, url.port, url.scheme == "https", ssl)
            raise ClientConnectorError(key, OSError(None, str(error))) from None
        except ValueError:
            raise InvalidURL(url) from None
        finally:
            self._connector._release()
        response = ClientResponse(method.upper(), url, request_headers, result)
        if raise_for_status is None:
            raise_for_status = self._raise_for_status
        if raise_for_status:
            response.raise_for_status()
        return response


def _without_repeats(headers):
    """The headers with each name once: the last value given wins (as a CIMultiDict
    updated in that order), kept at the place it was first given."""
    last = {}
    for name, value in headers:
        last[name.lower()] = (name, value)
    seen = set()
    kept = []
    for name, _ in headers:
        if name.lower() not in seen:
            seen.add(name.lower())
            kept.append(last[name.lower()])
    return kept


class _SessionRequestContextManager:
    def __init__(self, session, method, url, kwargs):
        self._session = session
        self._request = session.request(method, url, **kwargs)

    async def __aenter__(self):
        try:
            return await self._request.__aenter__()
        except BaseException:
            await self._session.close()
            raise

    async def __aexit__(self, exc_type, exc, traceback):
        await self._request.__aexit__(exc_type, exc, traceback)
        await self._session.close()


def request(method, url, **kwargs):
    """One request in its own session: `async with aiohttp.request("GET", url) as resp:`."""
    session_options = {}
    for name in ("timeout", "raise_for_status", "connector"):
        if name in kwargs:
            session_options[name] = kwargs.pop(name)
    return _SessionRequestContextManager(ClientSession(**session_options), method, url, kwargs)
