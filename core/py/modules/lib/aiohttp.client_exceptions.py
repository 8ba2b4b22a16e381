"""aiohttp.client_exceptions: the client's exception classes, as aiohttp 3.8 defines them
(the same hierarchy, attributes, str() and repr()), for awaitpad's aiohttp."""

import asyncio

__all__ = ["ClientError", "ClientConnectionError", "ClientOSError", "ClientConnectorError",
           "ServerConnectionError", "ServerDisconnectedError", "ServerTimeoutError",
           "ClientResponseError", "ContentTypeError", "TooManyRedirects", "ClientPayloadError",
           "InvalidURL"]


class ClientError(Exception):
    """Base class for client errors."""


class ClientResponseError(ClientError):
    """The server's response says something went wrong (raise_for_status, json())."""

    def __init__(self, request_info, history, *, code=None, status=None, message="",
                 headers=None):
        self.request_info = request_info
        if status is None:
            status = code if code is not None else 0
        self.status = status
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    def __str__(self):
        return "{}, message={!r}, url={!r}".format(self.status, self.message,
                                                   self.request_info.real_url)

    def __repr__(self):
        args = f"{self.request_info!r}, {self.history!r}"
        if self.status != 0:
            args += f", status={self.status!r}"
        if self.message != "":
            args += f", message={self.message!r}"
        if self.headers is not None:
            args += f", headers={self.headers!r}"
        return f"{type(self).__name__}({args})"


class ContentTypeError(ClientResponseError):
    """json() met a Content-Type that is not JSON."""


class TooManyRedirects(ClientResponseError):
    """The redirects did not end."""


class ClientConnectionError(ClientError):
    """Base class for failures to talk to the server."""


class ClientOSError(ClientConnectionError, OSError):
    """An OS-level connection failure."""


class ClientConnectorError(ClientOSError):
    """No connection to the server: refused, unreachable, unresolved — or, in the browser,
    a server that does not allow cross-origin requests."""

    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key.host

    @property
    def port(self):
        return self._conn_key.port

    @property
    def ssl(self):
        return self._conn_key.ssl

    def __str__(self):
        return "Cannot connect to host {0.host}:{0.port} ssl:{1} [{2}]".format(
            self, "default" if self.ssl is None else self.ssl, self.strerror)


class ServerConnectionError(ClientConnectionError):
    """The server broke the connection."""


class ServerDisconnectedError(ServerConnectionError):
    """The server closed the connection early."""

    def __init__(self, message=None):
        if message is None:
            message = "Server disconnected"
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    """A read or connect timeout of the server."""


class ClientPayloadError(ClientError):
    """The response body could not be read."""


class InvalidURL(ClientError, ValueError):
    """The URL cannot be requested; str() is the URL."""

    def __init__(self, url):
        super().__init__(url)

    @property
    def url(self):
        return self.args[0]

    def __repr__(self):
        return f"<{self.__class__.__name__} {self.url}>"
