#!/usr/bin/env python3
"""Check core/py/syntax/unicode_identifier.cpp's character ranges against CPython 3.11.

core/py/syntax/unicode_identifier.cpp approximates XID_Start, XID_Continue and printability with
a short table of ranges (its header says why). The promise that keeps the approximation
safe is that every listed range is exactly right: a "symbol" or "non-printable" range holds
no character that may appear in an identifier, and a "continue-only" range holds only
characters that may follow the first one. So a program CPython accepts is never rejected;
the approximation only lets through some identifiers CPython would refuse.

Usage
    python3 scripts/check_unicode_ranges.py

Prints how closely the whole classification agrees with CPython's (str.isidentifier and
str.isprintable of this interpreter, Unicode 14.0 in 3.11) and exits 1 if any listed range
breaks the promise.
"""

import bisect
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, "core", "py", "unicode_identifier.cpp")


def cpython(code_point):
    """(printable, identifier start, identifier continue) as CPython sees the character."""
    if 0xD800 <= code_point <= 0xDFFF:
        return (False, False, False)
    ch = chr(code_point)
    return (ch.isprintable(), ch.isidentifier(), ("a" + ch).isidentifier())


def main():
    with open(TABLE, encoding="utf-8") as file:
        ranges = [(int(first, 16), int(last, 16), kind) for first, last, kind in
                  re.findall(r"\{0x([0-9A-F]+), 0x([0-9A-F]+), ([NSC])\}", file.read())]
    firsts = [first for first, _, _ in ranges]

    def ours(code_point):
        i = bisect.bisect_right(firsts, code_point) - 1
        if i >= 0 and ranges[i][0] <= code_point <= ranges[i][1]:
            kind = ranges[i][2]
            return (kind != "N", False, kind == "C")
        return (True, True, True)  # not listed: a letter

    broken = 0
    for first, last, kind in ranges:
        for code_point in range(first, last + 1):
            _, start, cont = cpython(code_point)
            if start or cont != (kind == "C"):
                broken += 1
                if broken <= 20:
                    print("U+%04X in a %s range: CPython says start=%s continue=%s" %
                          (code_point, kind, start, cont))

    exact = total = 0
    for code_point in range(0x80, 0x10000):
        if 0xD800 <= code_point <= 0xDFFF or unicodedata.category(chr(code_point)) == "Cn":
            continue
        total += 1
        exact += cpython(code_point) == ours(code_point)
    print("%d ranges; assigned BMP characters classified exactly: %d of %d (%.1f%%)" %
          (len(ranges), exact, total, 100.0 * exact / total))
    if broken:
        print("%d characters break the promise" % broken)
        return 1
    print("every range is exact: no character CPython allows in an identifier is refused")
    return 0


if __name__ == "__main__":
    sys.exit(main())
