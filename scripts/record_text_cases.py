#!/usr/bin/env python3
"""Records str and bytes behaviour from CPython into tests/unit/data/text_cases.txt.

Run with CPython 3.11: python3 scripts/record_text_cases.py
(it re-runs itself under PYTHONHASHSEED=0 so the recorded hash() values are the ones our
SipHash with the zero key must give).

Each line is one case, tab-separated:
    method <receiver> <name> <argument>... => <expected>
    op <operator> <operand>... => <expected>
Values: s<hex of UTF-8> (str), b<hex> (bytes), i<decimal> (int), f<repr> (float), N (None),
T / F (bool), (v,v) tuple, [v,v] list, {k:v,k:v} dict; an argument name=v is a keyword.
Expected: ok <hex of repr(result) in UTF-8>, or error <ExceptionType> <hex of str(exception)>.
Operators: + * % [] in < == hash repr str ascii len list format str() bytes() call
("call" calls a method on the type: str.maketrans, bytes.fromhex).
"""
import os
import subprocess
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "unit", "data",
                   "text_cases.txt")


def encode(value):
    if value is None:
        return "N"
    if value is True:
        return "T"
    if value is False:
        return "F"
    if isinstance(value, str):
        return "s" + value.encode("utf-8").hex()
    if isinstance(value, bytes):
        return "b" + value.hex()
    if isinstance(value, int):
        return "i%d" % value
    if isinstance(value, float):
        return "f" + repr(value)
    if isinstance(value, tuple):
        return "(" + ",".join(encode(v) for v in value) + ")"
    if isinstance(value, list):
        return "[" + ",".join(encode(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(encode(k) + ":" + encode(v) for k, v in value.items()) + "}"
    raise TypeError(value)


def outcome(function):
    try:
        result = function()
    except Exception as error:  # recorded as the expected outcome
        return "error %s %s" % (type(error).__name__, str(error).encode("utf-8").hex())
    return "ok " + repr(result).encode("utf-8").hex()


lines = []


def method(receiver, name, /, *args, **kwargs):
    fields = ["method", encode(receiver), name] + [encode(a) for a in args]
    fields += ["%s=%s" % (k, encode(v)) for k, v in kwargs.items()]
    result = outcome(lambda: getattr(receiver, name)(*args, **kwargs))
    lines.append("\t".join(fields) + "\t=>\t" + result)


OPERATORS = {
    "+": lambda a, b: a + b,
    "*": lambda a, b: a * b,
    "%": lambda a, b: a % b,
    "[]": lambda a, b: a[b],
    "in": lambda a, b: a in b,
    "<": lambda a, b: a < b,
    "==": lambda a, b: a == b,
    "hash": hash,
    "repr": repr,
    "str": str,
    "ascii": ascii,
    "len": len,
    "list": list,
    "format": format,
    "str()": str,
    "bytes()": bytes,
}


def op(operator, /, *operands, **kwargs):
    fields = ["op", operator] + [encode(a) for a in operands]
    fields += ["%s=%s" % (k, encode(v)) for k, v in kwargs.items()]
    result = outcome(lambda: OPERATORS[operator](*operands, **kwargs))
    lines.append("\t".join(fields) + "\t=>\t" + result)


def call(type_name, name, *args):
    fields = ["op", "call", encode(type_name), encode(name)] + [encode(a) for a in args]
    kind = {"str": str, "bytes": bytes}[type_name]
    result = outcome(lambda: getattr(kind, name)(*args))
    lines.append("\t".join(fields) + "\t=>\t" + result)


TEXTS = [
    "", "a", "abc", "Hello World", "  spaced  out  ", "a,b,,c", "ß", "ÉCOLE", "straße",
    "ΣΑΣ ΟΔΟΣ", "ὈΔΥΣΣΕΎΣ", "Ὀδυσσεύς", "привет мир", "ǅungla", "ﬁ", "İstanbul", "x\ty\tz",
    "line1\nline2\r\nline3\rline4\x0cf\x1ce\x85n\u2028l", "日本語テキスト", "😀 emoji 🎉", "123", "١٢٣",
    "½", "²³", "Ⅷ", "abc_def1", "_x", "1abc", "MiXeD CaSe", "it's", "say \"hi\"", "both ' and \"",
    "The quick brown fox", "\x00\x7f\x80\xad", "\u2028sep", "naïve café", " \u3000x\u2003\t",
    "ǈ", "-42", "+7", "aaa", "ababab", "hello\\world", "tab\there", "Σ", "ΑΣ.", "ᾼ", "ŉ",
    "ﬃ", "ΐ", "aΣb", "ΣΣ", "'ΣΑ'", "x\u0301y", "\ufeffbom", "\U0010ffff", "ÀÉÎÕÜ àéîõü",
    "ĳ Ĳ", "Ǆ ǅ ǆ", "ﬀ", "ǰ", "ẞ", "ſ", "µ", "Ω", "K", "Å", "ẛ", "ᾳ", "\u0345", "Ⓐⓐ",
]

SUBS = ["", "a", "é", "o", " ", "Σ", "l", "日本"]
BOUNDS = [(), (1, 5), (-3,), (-100, 100), (5, 2), (None, -1), (100,)]
# The texts the search methods (find, count, index...) run on: ASCII, Latin-1, Greek with
# final sigma, CJK, astral, and control characters.
SEARCHED = ["", "abc", "Hello World", "a,b,,c", "straße", "ΣΑΣ ΟΔΟΣ", "привет мир", "日本語テキスト",
            "😀 emoji 🎉", "hello\\world", "aΣb", "naïve café", "line1\nline2\r\nline3"]


def record_str_methods():
    for text in TEXTS:
        for name in ["capitalize", "casefold", "lower", "upper", "swapcase", "title",
                     "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier",
                     "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper"]:
            method(text, name)
        for name in ["hash", "repr", "str", "ascii", "len", "list"]:
            op(name, text)
        for name in ["splitlines"]:
            method(text, name)
            method(text, name, True)
            method(text, name, keepends=True)
        for index in [0, 1, -1, 3, -4, 100]:
            op("[]", text, index)
        for sub in SUBS:
            for bounds in BOUNDS if text in SEARCHED else [(), (1, 5)]:
                for name in ["find", "rfind", "count", "index", "rindex"]:
                    method(text, name, sub, *bounds)
            for name in ["startswith", "endswith", "partition", "rpartition", "removeprefix",
                         "removesuffix"]:
                method(text, name, sub)
            method(text, "startswith", sub, 1)
            method(text, "endswith", sub, 0, -1)
            op("in", sub, text)
        method(text, "startswith", ("x", "a", "Σ"))
        method(text, "endswith", ("c", "é", "d"), -5)
        for separator in [None, " ", ",", "ab", "é", "\n"]:
            for limit in [-1, 0, 1, 2]:
                method(text, "split", separator, limit)
                method(text, "rsplit", separator, limit)
            method(text, "split", separator)
            method(text, "rsplit", sep=separator, maxsplit=1)
        for chars in [None, " ", "ab", "xé", "", "\t "]:
            for name in ["strip", "lstrip", "rstrip"]:
                method(text, name, chars)
        for name in ["strip", "lstrip", "rstrip"]:
            method(text, name)
        for width in [0, 5, 12, 20]:
            for name in ["center", "ljust", "rjust"]:
                method(text, name, width)
                method(text, name, width, "*")
                method(text, name, width, "é")
            method(text, "zfill", width)
        for old, new, count in [("a", "X", -1), ("a", "", -1), ("", "-", -1), ("", "-", 2),
                                ("ab", "ba", 1), ("é", "e", -1), ("Σ", "s", 0), ("l", "LL", 3)]:
            method(text, "replace", old, new)
            method(text, "replace", old, new, count)
        for args in [(), (4,), (0,), (1,), (13,)]:
            method(text, "expandtabs", *args)
        for encoding, errors in [("utf-8", "strict"), ("ascii", "strict"), ("ascii", "replace"),
                                 ("ascii", "ignore"), ("latin-1", "strict"), ("latin1", "replace"),
                                 ("UTF8", "strict"), ("bad", "strict"), ("ascii", "bad")]:
            method(text, "encode", encoding, errors)
        method(text, "encode")
        method(text, "encode", errors="ignore", encoding="ascii")
        method(text, "translate", {97: "A", 98: None, 233: 101, 931: "[S]"})
        method(text, "translate", str.maketrans("abé", "xyz", "l"))
        for other in ["", "abc", "é", "Σ", "a"]:
            op("<", text, other)
            op("==", text, other)
            op("+", text, other)
        for times in [0, 1, 3, -1]:
            op("*", text, times)
        op("format", text, "")
        op("format", text, "^15")
        op("format", text, "*<10.3")


def record_str_errors():
    receiver = "abc"
    for name, args, kwargs in [
        ("find", (), {}), ("find", (1,), {}), ("find", ("a", "x"), {}), ("find", ("a", 1, 2, 3), {}),
        ("count", (), {}), ("count", ("a", 1.5), {}), ("index", ("z",), {}), ("rindex", ("z",), {}),
        ("center", (), {}), ("center", ("a",), {}), ("center", (3, "ab"), {}), ("center", (3, 1), {}),
        ("ljust", (1, 2, 3), {}), ("zfill", (), {}), ("zfill", ("x",), {}),
        ("replace", ("a",), {}), ("replace", (1, 2), {}), ("replace", ("a", 2), {}),
        ("replace", ("a", "b", "c"), {}), ("join", (), {}), ("join", ([1],), {}),
        ("join", (1,), {}), ("join", (["a", "b", 3],), {}), ("upper", (1,), {}),
        ("split", (1,), {}), ("split", (), {"x": 1}), ("split", ("",), {}), ("split", (None, "x"), {}),
        ("split", (None, 1, 2), {}), ("rsplit", (), {"maxsplit": 1.5}), ("strip", (1,), {}),
        ("partition", ("",), {}), ("partition", (1,), {}), ("rpartition", ("",), {}),
        ("startswith", (1,), {}), ("startswith", ((1,),), {}), ("endswith", (1,), {}),
        ("startswith", (), {}), ("removeprefix", (1,), {}), ("removesuffix", (None,), {}),
        ("expandtabs", ("x",), {}), ("encode", (1,), {}), ("encode", (), {"errors": 1}),
        ("encode", ("zz",), {}), ("splitlines", (), {"keepends": 1, "x": 2}),
        ("translate", (1,), {}), ("translate", ({97: 1.5},), {}), ("translate", ({97: -1},), {}),
        ("format_map", (1,), {}), ("casefold", (1,), {}), ("isalpha", (1,), {}),
        ("join", (["x", "y"],), {}), ("join", (("x",),), {}), ("join", ([],), {}),
        ("join", ("xyz",), {}),
    ]:
        method(receiver, name, *args, **kwargs)
    for args in [({"a": 1, "é": "x", 98: None},), ("ab", "c"), (1,), ("ab", "cd", 1), ({"ab": 1},),
                 ({1.5: 1},), ("abc", "xyz", "q")]:
        call("str", "maketrans", *args)


FORMATS = [
    ("{}", (1,), {}), ("{0}{1}{0}", ("a", "b"), {}), ("{x}-{y}", (), {"x": 1, "y": 2.5}),
    ("{:>10}", ("hi",), {}), ("{:*^11}", ("mid",), {}), ("{0!r}", ("q",), {}), ("{0!s:>5}", (3,), {}),
    ("{0!a}", ("é",), {}), ("{:{}}", ("x", 5), {}), ("{:{w}.{p}f}", (3.14159,), {"w": 10, "p": 2}),
    ("{{}}", (), {}), ("{{{0}}}", (7,), {}), ("{0[1]}", ([5, 6],), {}), ("{0[a]}", ({"a": 3},), {}),
    ("{0.real}", (4,), {}), ("{0.imag}", (4,), {}), ("{[0]}", ([9],), {}), ("{}{0}", (1, 2), {}),
    ("{0}{}", (1, 2), {}), ("{1}", (1,), {}), ("{x}", (), {}), ("{", (), {}), ("}", (), {}),
    ("x}y", (), {}), ("{0!x}", (1,), {}), ("{0!}", (1,), {}), ("{0!rr}", (1,), {}),
    ("{0:{1:{2}}}", (1, 2, 3), {}), ("{a{b}}", (), {}), ("{0[}]}", ({"}": 1},), {}),
    ("{0[]}", ([1],), {}), ("{0.}", (1,), {}), ("{0[1]x}", ([1, 2],), {}), ("{0[}", (1,), {}),
    ("{99999999999999999999}", (), {}), ("{0:d}", ("s",), {}), ("{0:,}", (1234567,), {}),
    ("{:08.3f}", (-3.14159,), {}), ("{:x} {:o} {:b} {:#X}", (255, 8, 5, 255), {}),
    ("{:e}", (12345.678,), {}), ("{:%}", (0.25,), {}), ("{:c}", (233,), {}), ("{:>{}}", ("é", 4), {}),
    ("{0.zz}", (1,), {}), ("{:=+8}", (42,), {}), ("{0:^}", ("x",), {}), ("Σ{}Σ", ("α",), {}),
    ("{!r:^9}", ("ab",), {}), ("{0!r:>{1}}", ("x", 6), {}), ("{:s}", (1,), {}), ("{:10}", (None,), {}),
    ("{0} {1}", ("only",), {}), ("{name}", (), {"name": "é"}), ("{0[0][1]}", ([[1, 2]],), {}),
    ("{:.3}", ("abcdef",), {}), ("{:.0f}", (2.5,), {}), ("{:g}", (1e20,), {}), ("{:n}", (1234,), {}),
]

PERCENTS = [
    ("%s", (1,)), ("%s %s", ("a", "b")), ("%d", (42,)), ("%5d|", (42,)), ("%-5d|", (42,)),
    ("%05d", (-42,)), ("%+d", (5,)), ("% d", (5,)), ("%x %X %o", (255, 255, 8)), ("%#x %#o", (255, 8)),
    ("%f", (3.14159,)), ("%.2f", (2.675,)), ("%10.3e", (12345.678,)), ("%g %G", (1e-5, 1e20)),
    ("%c%c", (65, "é")), ("%%", ()), ("%r", ("q",)), ("%a", ("é",)), ("%.2s", ("abc",)),
    ("%(a)s-%(b)d", {"a": "x", "b": 3}), ("%*d", (5, 3)), ("%-*d|", (-5, 3)), ("%.*f", (2, 1.5)),
    ("%d", ("a",)), ("%x", (1.5,)), ("%x", ("a",)), ("%f", ("a",)), ("%c", ("ab",)), ("%c", (1.5,)),
    ("%c", (0x110000,)), ("%y", (1,)), ("%(a)s", (1,)), ("%(a)s %(b)s", {"a": 1}), ("%s", [1, 2]),
    ("%s %s", (1,)), ("%s", (1, 2)), ("%*d", ("a", 1)), ("%", ()), ("%(a", {"a": 1}), ("%s", ()),
    ("a", (1,)), ("a", []), ("a", {}), ("%d", (True,)), ("%d", (3.9,)), ("%i", (10 ** 30,)),
    ("%x", (-255,)), ("%05.1f", (-2.25,)), ("%5c", (65,)), ("%s", None), ("%d%%", (5,)),
    ("%(a)d %d", {"a": 1}), ("%s", "str"), ("%s", 5), ("%5%", ()), ("%é", (1,)), ("Σ%sΣ", ("α",)),
    ("%10s|", ("é",)), ("%-10r|", ("é",)), ("%u", (7,)), ("%F", (float("inf"),)), ("%e", (0.0,)),
    ("%.0f", (0.5,)), ("%.3g", (1234567.0,)), ("%#.3g", (1.0,)), ("%s", ((1, 2),)),
]


def record_formatting():
    for template, args, kwargs in FORMATS:
        method(template, "format", *args, **kwargs)
    for template, mapping in [("{a}", {"a": 1}), ("{0}", {}), ("{}", {}), ("{a}", {}),
                              ("{a[0]}", {"a": [4]})]:
        method(template, "format_map", mapping)
    for template, values in PERCENTS:
        op("%", template, values)


BYTES = [b"", b"abc", b"a b  c", b"\x00\xff", b"it's", b"hello world", b"say \"hi\"",
         b"both ' and \"", b"\t\n\r\\", b"caf\xc3\xa9", b"\xe4\xb8", b"\xf0\x9f\x98A", b"\xff\xfe",
         b"\xed\xa0\x80", b"\xc0\xaf", b"a\x80b\x80", b"ABCdef", b"  pad  ", b"1,2,,3", b"\xe2\x82\xac"]


def record_bytes():
    for data in BYTES:
        for name in ["hash", "repr", "str", "len", "list"]:
            op(name, data)
        for encoding in ["utf-8", "ascii", "latin-1", "bad"]:
            for errors in ["strict", "replace", "ignore", "oops"]:
                method(data, "decode", encoding, errors)
        method(data, "decode")
        op("str()", data, "utf-8", "replace")
        for name in ["hex", "upper", "lower", "isalpha", "isdigit", "isspace", "isalnum", "isascii",
                     "strip", "lstrip", "rstrip", "split", "rsplit"]:
            method(data, name)
        method(data, "hex", ":")
        for sub in [b"", b"a", b"b ", 97, b"\xff", b"xyz"]:
            for bounds in [(), (1,), (-2,), (1, 3), (10,)]:
                for name in ["find", "rfind", "count", "index", "rindex"]:
                    method(data, name, sub, *bounds)
            op("in", sub, data)
        for prefix in [b"a", b"", (b"x", b"h"), "a"]:
            method(data, "startswith", prefix)
            method(data, "endswith", prefix)
        for separator in [b" ", b",", b"ab"]:
            for limit in [-1, 1]:
                method(data, "split", separator, limit)
                method(data, "rsplit", separator, limit)
        for chars in [b" ", b"ab", None]:
            method(data, "strip", chars)
        for old, new in [(b"a", b"X"), (b"", b"-"), (b"l", b"")]:
            method(data, "replace", old, new)
            method(data, "replace", old, new, 1)
        for index in [0, -1, 5, True]:
            op("[]", data, index)
        for other in [b"", b"abc", "abc"]:
            op("+", data, other)
            op("==", data, other)
            op("<", data, other)
        op("*", data, 2)
    for args in [(), (3,), ([1, 2, 255],), (b"xy",), ("abc", "utf-8"), ("é", "latin-1"), ("é", "ascii"),
                 ("é", "ascii", "replace"), (-1,), ("a",), ([300],), (["a"],), (1.5,), (1, "utf-8"),
                 (b"a", "utf-8"), ((65, 66),), ("a", "x"), (range(3),)]:
        if args and isinstance(args[0], range):
            continue
        op("bytes()", *args)
    for args in [(b"abc",), (b"\xff", "utf-8", "strict"), (b"\xff", "utf-8", "replace"), (), (1, "utf-8"),
                 ("a", "utf-8")]:
        op("str()", *args)
    for args in [("616263",), ("61 62",), ("zz",), ("a b",), ("6",), ("",), (b"61",)]:
        call("bytes", "fromhex", *args)
    for method_name, args in [("find", ("a",)), ("count", ()), ("split", ("a",)), ("split", (b"",)),
                              ("join", ([1],)), ("join", (1,)), ("join", ([b"x", b"y"],)),
                              ("strip", ("a",)), ("replace", ("a", b"")), ("find", (300,)),
                              ("index", (b"z",)), ("upper", (1,)), ("startswith", ("a",)),
                              ("hex", (1,)), ("decode", (1,)), ("decode", (), )]:
        method(b"abc", method_name, *args)
    op("in", "a", b"a")
    op("in", 300, b"a")
    op("*", b"a", 1.5)


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        environment = dict(os.environ, PYTHONHASHSEED="0")
        sys.exit(subprocess.call([sys.executable] + sys.argv, env=environment))
    record_str_methods()
    record_str_errors()
    record_formatting()
    record_bytes()
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write("# Recorded from CPython %s by scripts/record_text_cases.py; do not edit.\n"
                     % sys.version.split()[0])
        handle.write("\n".join(lines) + "\n")
    print("%d cases -> %s" % (len(lines), OUT))


if __name__ == "__main__":
    main()
