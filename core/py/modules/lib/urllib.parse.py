"""urllib.parse, the part HTTP clients use: quote, unquote, urlencode, parse_qs(l),
urlsplit/urlparse and urlunsplit/urljoin, written in Python for awaitpad's interpreter.

Left out: bytes in and out (str only), the `encoding`/`errors` arguments beyond UTF-8
and 'strict', params (the ;-part of urlparse is always ''), and urldefrag.
"""

from collections import namedtuple

__all__ = ["quote", "quote_plus", "unquote", "unquote_plus", "urlencode", "parse_qs",
           "parse_qsl", "urlsplit", "urlparse", "urlunsplit", "urlunparse", "urljoin",
           "SplitResult", "ParseResult"]

_ALWAYS_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")


def quote(string, safe="/", encoding=None, errors=None):
    if isinstance(string, str):
        data = string.encode(encoding or "utf-8", errors or "strict")
    else:
        data = bytes(string)
    safe = _ALWAYS_SAFE | frozenset(safe)
    pieces = []
    for byte in data:
        char = chr(byte)
        pieces.append(char if byte < 128 and char in safe else "%{:02X}".format(byte))
    return "".join(pieces)


def quote_plus(string, safe="", encoding=None, errors=None):
    if isinstance(string, str) and " " not in string:
        return quote(string, safe, encoding, errors)
    return quote(string, safe + " ", encoding, errors).replace(" ", "+")


_HEX = "0123456789abcdefABCDEF"


def unquote(string, encoding="utf-8", errors="replace"):
    if "%" not in string:
        return string
    data = []  # byte values
    index = 0
    while index < len(string):
        escape = string[index + 1:index + 3]
        if string[index] == "%" and len(escape) == 2 and all(char in _HEX for char in escape):
            data.append(int(escape, 16))
            index += 3
        else:
            data.extend(string[index].encode("utf-8"))
            index += 1
    return bytes(data).decode(encoding, errors)


def unquote_plus(string, encoding="utf-8", errors="replace"):
    return unquote(string.replace("+", " "), encoding, errors)


def urlencode(query, doseq=False, safe="", encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError:
            raise TypeError("not a valid non-string sequence or mapping object") from None
    pairs = []
    for key, value in query:
        key = quote_via(key if isinstance(key, (str, bytes)) else str(key), safe)
        if isinstance(value, (str, bytes)):
            pairs.append(key + "=" + quote_via(value, safe))
        elif doseq and not isinstance(value, (int, float)) and hasattr(value, "__iter__"):
            for item in value:
                item = item if isinstance(item, (str, bytes)) else str(item)
                pairs.append(key + "=" + quote_via(item, safe))
        else:
            pairs.append(key + "=" + quote_via(str(value), safe))
    return "&".join(pairs)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8",
              errors="replace", max_num_fields=None, separator="&"):
    pairs = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        name, equals, value = field.partition("=")
        if not equals and strict_parsing:
            raise ValueError("bad query field: %r" % (field,))
        if value or keep_blank_values:
            pairs.append((unquote_plus(name, encoding, errors),
                          unquote_plus(value, encoding, errors)))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8",
             errors="replace", max_num_fields=None, separator="&"):
    parsed = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields, separator):
        parsed.setdefault(name, []).append(value)
    return parsed


class _NetlocParts:
    @property
    def username(self):
        userinfo, at, _ = self.netloc.rpartition("@")
        return (userinfo.partition(":")[0] or None) if at else None

    @property
    def password(self):
        userinfo, at, _ = self.netloc.rpartition("@")
        name, colon, password = userinfo.partition(":")
        return password if at and colon else None

    @property
    def hostname(self):
        host = self.netloc.rpartition("@")[2]
        if host.startswith("["):
            return host[1:].partition("]")[0].lower() or None
        return host.partition(":")[0].lower() or None

    @property
    def port(self):
        host = self.netloc.rpartition("@")[2]
        if host.startswith("["):
            host = host.partition("]")[2]
        _, colon, port = host.partition(":")
        if not colon or not port:
            return None
        if not port.isdigit() or not port.isascii():
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        if not 0 <= int(port) <= 65535:
            raise ValueError("Port out of range 0-65535")
        return int(port)

    def geturl(self):
        return urlunsplit(self[:2] + self[-3:]) if len(self) == 6 else urlunsplit(self)


class SplitResult(namedtuple("SplitResult", "scheme netloc path query fragment"), _NetlocParts):
    __slots__ = ()


class ParseResult(namedtuple("ParseResult", "scheme netloc path params query fragment"),
                  _NetlocParts):
    __slots__ = ()


_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.")


def urlsplit(url, scheme="", allow_fragments=True):
    url = url.lstrip().replace("\t", "").replace("\r", "").replace("\n", "")
    netloc = query = fragment = ""
    colon = url.find(":")
    if colon > 0 and url[0].isascii() and url[0].isalpha() and \
            all(char in _SCHEME_CHARS for char in url[:colon]):
        scheme, url = url[:colon].lower(), url[colon + 1:]
    if url[:2] == "//":
        end = len(url)
        for delimiter in "/?#":
            found = url.find(delimiter, 2)
            if found >= 0:
                end = min(end, found)
        netloc, url = url[2:end], url[end:]
        if ("[" in netloc) != ("]" in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and "#" in url:
        url, fragment = url.split("#", 1)
    if "?" in url:
        url, query = url.split("?", 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def urlparse(url, scheme="", allow_fragments=True):
    parts = urlsplit(url, scheme, allow_fragments)
    return ParseResult(parts.scheme, parts.netloc, parts.path, "", parts.query, parts.fragment)


def urlunsplit(components):
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and url[:2] != "//" and scheme in ("http", "https", "ftp", "file")):
        if url and url[:1] != "/":
            url = "/" + url
        url = "//" + (netloc or "") + url
    if scheme:
        url = scheme + ":" + url
    if query:
        url = url + "?" + query
    if fragment:
        url = url + "#" + fragment
    return url


def urlunparse(components):
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = "%s;%s" % (url, params)
    return urlunsplit((scheme, netloc, url, query, fragment))


def _remove_dot_segments(path):
    output = []
    for segment in path.split("/"):
        if segment == "..":
            if len(output) > 1:
                output.pop()
        elif segment != ".":
            output.append(segment)
    if path.split("/")[-1] in (".", ".."):
        output.append("")
    return "/".join(output)


def urljoin(base, url, allow_fragments=True):
    if not base:
        return url
    if not url:
        return base
    base_parts = urlsplit(base, "", allow_fragments)
    parts = urlsplit(url, base_parts.scheme, allow_fragments)
    scheme = parts.scheme or base_parts.scheme
    if parts.scheme and parts.scheme != base_parts.scheme:
        return url
    if parts.netloc:
        return urlunsplit((scheme, parts.netloc, _remove_dot_segments(parts.path) or parts.path,
                           parts.query, parts.fragment))
    path, query = parts.path, parts.query
    if not path:
        return urlunsplit((scheme, base_parts.netloc, base_parts.path,
                           query or base_parts.query, parts.fragment))
    if not path.startswith("/"):
        path = base_parts.path.rpartition("/")[0] + "/" + path
    return urlunsplit((scheme, base_parts.netloc, _remove_dot_segments(path), query,
                       parts.fragment))
