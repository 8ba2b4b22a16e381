#!/usr/bin/env python3
"""Record CPython 3.11's number and string formatting, for tests/unit/test_number_format.cpp.

CPython is the oracle (DESIGN.md, Tests): every expected result in the file is what this
interpreter computed, never written by hand. The cases are generated here (edge values,
every spec form, errors, and seeded random ones), so rerunning gives the same file.

Usage
    python3 scripts/record_format_cases.py [--check] [CASES.txt]

    CASES.txt  default: tests/unit/data/format_cases.txt
    --check    record again and compare with the file; exit 1 if anything differs

The file (UTF-8; lines starting with # are comments), one case a line, tab-separated:
    repr    FLOAT  RESULT                repr(FLOAT)
    ffmt    FLOAT  SPEC  RESULT          format(FLOAT, SPEC)
    ifmt    INT    SPEC  RESULT          format(INT, SPEC)
    sfmt    STR    SPEC  RESULT          format(STR, SPEC)
    round   FLOAT  NDIGITS  RESULT       round(FLOAT, NDIGITS), RESULT a FLOAT
    roundi  FLOAT  RESULT                float(round(FLOAT)) for a finite FLOAT
    pfloat  STR    REPR  RESULT          float(STR), RESULT a FLOAT; REPR is repr(STR)
    pint    STR    BASE  REPR  RESULT    int(STR, BASE), RESULT hex() of the int
    pct     SPEC   KIND  VALUE  RESULT   ('%' + SPEC) % VALUE; KIND i (INT), f (FLOAT), s (STR)

    FLOAT is float.hex() of the double ('inf', '-inf', 'nan' as such); INT is hex() of the
    int (hexadecimal has no 4300-digit limit in CPython 3.11).
    RESULT is '=' followed by the value or text, or '!' + exception class + ':' + message.
    Text fields escape backslash, tab, newline, carriage return and other ASCII control
    characters (\\\\ \\t \\n \\r \\xHH) and lone surrogates (\\uHHHH, to be encoded as three
    UTF-8-style bytes, as the formatter writes them); other characters are written as UTF-8.
"""

import argparse
import math
import pathlib
import random
import struct
import sys

DEFAULT_PATH = pathlib.Path(__file__).resolve().parent.parent / "tests/unit/data/format_cases.txt"


def escape(text):
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append("\\x%02x" % code)
        elif 0xD800 <= code < 0xE000:  # a lone surrogate has no UTF-8
            out.append("\\u%04x" % code)
        else:
            out.append(ch)
    return "".join(out)


def outcome(function, render=str):
    try:
        return "=" + escape(render(function()))
    except (ValueError, TypeError, OverflowError) as error:
        return "!%s:%s" % (type(error).__name__, escape(str(error)))


def double_from_bits(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def edge_doubles():
    values = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 1e-323,
              2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
              -1.7976931348623157e308, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, -1 / 3, 1e22, 1e23,
              9007199254740993.0, 2.0 ** 53, 2.0 ** 53 + 2, 123456789012345678.0, 0.5, 1.5,
              2.5, -2.5, 2.675, 1.005, 1e16, 9999999999999998.0, 1e-4, 1e-5, 123.0, 1.0,
              -1.0, 100.0, 1234567.891, 0.000123456, 12345.6789, 1e100, 1e-100, 0.05, 0.15,
              0.25, 0.35, 999.9999, 9.5, 99.5, 0.995, 0.0005, 1e15, 1e17, 3.14159265358979,
              2.718281828459045, 6.02214076e23, 1.602176634e-19]
    for exponent in [-5, -4, -1, 0, 1, 5, 15, 16, 17, 22]:
        power = float("1e%d" % exponent)
        values += [power, math.nextafter(power, math.inf), math.nextafter(power, -math.inf)]
    return values


def all_repr_doubles(rng):
    values = edge_doubles()
    for exponent in range(-330, 310):
        power = float("1e%d" % exponent)
        values += [power, math.nextafter(power, math.inf), math.nextafter(power, -math.inf)]
    values += [math.ldexp(1.0, exponent) for exponent in range(-1074, 1024)]
    values += [math.nextafter(math.ldexp(1.0, exponent), 0.0) for exponent in range(-1073, 1024)]
    for _ in range(3000):
        values.append(double_from_bits(rng.getrandbits(64)))
    for _ in range(1000):
        values.append(rng.random() * 10.0 ** rng.randint(-30, 30))
    for _ in range(500):
        values.append(float("%.*g" % (rng.randint(1, 17), rng.random() * 10 ** rng.randint(-5, 20))))
    for _ in range(300):
        values.append(float(rng.randint(-10 ** 18, 10 ** 18)))
    return values


def format_doubles(rng):
    values = edge_doubles()
    for _ in range(25):
        values.append(double_from_bits(rng.getrandbits(64)))
    for _ in range(25):
        values.append(rng.uniform(-1, 1) * 10.0 ** rng.randint(-12, 22))
    return values


FLOAT_SPECS = [
    "", "e", "E", "f", "F", "g", "G", "%", "n", ".0e", ".1e", ".3e", ".10e", ".17e", ".30e",
    ".0f", ".1f", ".2f", ".5f", ".20f", ".0g", ".1g", ".2g", ".6g", ".10g", ".15g", ".16g",
    ".17g", ".20g", ".0", ".1", ".3", ".10", ".16", ".17", "#", "#.0f", "#.0e", "#g", "#.3g",
    "#.0", "#.3", "+", " ", "-", "+.2f", " .3e", "z", "z.1f", "z.0f", "z.2e", "z.3g", "z%",
    "+z.1f", "10", "<10", ">10", "^10", "=10", "010", "+010.2f", "*^15.3e", "0<12", "x>12.3g",
    "-=12,.2f", ",", ",.2f", "_", "_.3f", ",g", ",e", "015,.2f", "020_.4f", ",%", ".2%",
    "#,.0f", ".3n", "010n", "é^11.2f", "025,", "012_.1e", "+012,.0%", " =09.3", "\U0001F40D>8.2F",
]
FLOAT_ERROR_SPECS = ["d", "x", "s", "c", ",n", "_d", "abc", "..", ".", "99999999999999999999",
                     ".99999999999999999999", ",_", "_,", "1..2", ".2d", "\u00e9", "=", "=^10",
                     "10.2.f", ".99999999999f", "+ 5"]

INT_VALUES = [0, 1, -1, 7, -7, 42, 255, -255, 1000, 65, 0x10FFFF, 0x110000, 1234567, -1234567,
              2 ** 31, 2 ** 53 + 1, 2 ** 63 - 1, -2 ** 63, 999, 1000000, -999999, 4095, 65535]
BIG_INT_VALUES = [2 ** 64, -2 ** 100, 10 ** 30 + 7, -(10 ** 40) - 1, 2 ** 1024 - 1, 3 ** 300]
INT_SPECS = [
    "", "d", "b", "o", "x", "X", "c", "n", "#b", "#o", "#x", "#X", "+d", " d", "-d", "10",
    "<10", "^10", "=10", "010", "#010x", "+#010b", ",", "_", ",d", "_d", "_b", "_x", "#_X",
    "_o", "012,", "012_", "015_x", "020,d", "e", "E", "f", "F", "g", "G", "%", ".2f", ".3e",
    ",.2f", "z.1f", "+c", "#c", ">5c", "s", "*^+12,d", "0=10d", "=010d", "é>9x", "_n", ",c",
    ".2", "z", "zd", ".2d", "c<3", "#012_b", " 08_o", "n", "010n", ".0%", "#.0e", "\0<6", "\x7f",
]
STRING_VALUES = ["", "a", "abc", "h\u00e9llo", "\u65e5\u672c\u8a9e", "\U0001F40Dx", "tab\there",
                 "x" * 20, "0123456789", "-5", " spaced "]
STRING_SPECS = [
    "", "s", "5", "<5", ">5", "^5", "^6", "*^7", ".2", ".0", "10.3", ".10", "\U0001F600^9",
    "05", "0>5", "=5", "+", " ", "-", "z", "#", ",", "_", "d", "x", ".", "xx", "<", ">", "^",
    "\x00<5", "<<8", ">>8", "^^8", "==8", "\u0661\u0662", ".\u0663", "3s", "<0", ".2s", "099",
    "é^12.4s", "\t>4",
]


def random_spec(rng, types):
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(["", "*", "0", "\u00e9", " ", "_", "=", "<"]) + rng.choice("<>^="))
    elif rng.random() < 0.2:
        parts.append(rng.choice("<>^="))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.1:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.2:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randint(0, 25)))
    if rng.random() < 0.25:
        parts.append(rng.choice([",", "_"]))
    if rng.random() < 0.4:
        parts.append("." + str(rng.randint(0, 20)))
    if rng.random() < 0.8:
        parts.append(rng.choice(types))
    return "".join(parts)


def float_cases(rng, lines):
    for value in all_repr_doubles(rng):
        lines.append("repr\t%s\t%s" % (value.hex(), outcome(lambda: repr(value))))
    for value in format_doubles(rng):
        for spec in FLOAT_SPECS:
            lines.append("ffmt\t%s\t%s\t%s" % (value.hex(), escape(spec), outcome(lambda: format(value, spec))))
    for spec in FLOAT_ERROR_SPECS:
        lines.append("ffmt\t%s\t%s\t%s" % ((1.5).hex(), escape(spec), outcome(lambda: format(1.5, spec))))
    for _ in range(4000):
        value = rng.choice([double_from_bits(rng.getrandbits(64)), rng.uniform(-1e6, 1e6),
                            rng.choice(edge_doubles()), float(rng.randint(-10 ** 9, 10 ** 9)) / 100])
        spec = random_spec(rng, "eEfFgGn%" + "\0" * 3 + "dx")
        spec = spec.replace("\0", "")
        lines.append("ffmt\t%s\t%s\t%s" % (value.hex(), escape(spec), outcome(lambda: format(value, spec))))


def int_cases(rng, lines):
    for value in INT_VALUES + BIG_INT_VALUES:
        for spec in INT_SPECS:
            lines.append("ifmt\t%s\t%s\t%s" % (hex(value), escape(spec), outcome(lambda: format(value, spec))))
    huge = 10 ** 5000
    for spec in ["", "d", ",", "e", "x", "n", "c"]:
        lines.append("ifmt\t%s\t%s\t%s" % (hex(huge), escape(spec), outcome(lambda: format(huge, spec))))
    for _ in range(3000):
        value = rng.choice([rng.randint(-1000, 1000), rng.randint(-2 ** 63, 2 ** 63 - 1),
                            rng.randint(0, 0x10FFFF), rng.randint(-10 ** 12, 10 ** 12)])
        spec = random_spec(rng, "bcdoxXn" * 3 + "eEfFgG%s")
        lines.append("ifmt\t%s\t%s\t%s" % (hex(value), escape(spec), outcome(lambda: format(value, spec))))


def string_cases(rng, lines):
    for value in STRING_VALUES:
        for spec in STRING_SPECS:
            lines.append("sfmt\t%s\t%s\t%s" % (escape(value), escape(spec), outcome(lambda: format(value, spec))))
    for _ in range(1000):
        value = rng.choice(STRING_VALUES)
        spec = random_spec(rng, "s" * 6 + "dr")
        lines.append("sfmt\t%s\t%s\t%s" % (escape(value), escape(spec), outcome(lambda: format(value, spec))))


def round_cases(rng, lines):
    values = edge_doubles() + [0.125, 0.375, 2.5e-5, 1234.5, 1250.0, 1350.0, 25.0, 35.0, 45.0,
                               -45.0, 5e15 + 0.5, 4503599627370495.5, 0.4, -0.4, 0.6, -0.5]
    values += [rng.uniform(-1e6, 1e6) for _ in range(40)]
    values += [double_from_bits(rng.getrandbits(64)) for _ in range(20)]
    digit_counts = [-400, -309, -308, -307, -300, -25, -20, -16, -5, -3, -2, -1, 0, 1, 2, 3, 4,
                    5, 10, 15, 16, 17, 20, 22, 100, 300, 322, 323, 324, 400, 2 ** 62]
    for value in values:
        for ndigits in digit_counts:
            lines.append("round\t%s\t%d\t%s" % (value.hex(), ndigits,
                                                 outcome(lambda: round(value, ndigits), float.hex)))
    for _ in range(1000):
        value = rng.choice(values)
        ndigits = rng.randint(-20, 20)
        lines.append("round\t%s\t%d\t%s" % (value.hex(), ndigits,
                                             outcome(lambda: round(value, ndigits), float.hex)))
    halves = [k + 0.5 for k in range(-10, 10)] + [2.0 ** 52 + 0.5, 2.0 ** 52 - 0.5, 0.49999999999999994]
    for value in values + halves:
        if math.isfinite(value):
            lines.append("roundi\t%s\t%s" % (value.hex(), outcome(lambda: float(round(value)), float.hex)))


FLOAT_TEXTS = [
    "1", " 1.5 ", "-1e5", "+.5", "5.", ".", "", " ", "inf", "-Infinity", "nan", "-NaN", "iNf",
    "infinit", "infinityy", "+inf", "- inf", "1_000", "1__000", "_1", "1_", "1_.5", "1._5",
    "1e1_0", "1e_10", "0x10", "1e", "1e+", "1e-5", "1E+05", "\u0661\u0662\u0663", "\uff11\uff12.\uff15",
    "\u30001.5\u3000", "\xa01\xa0", "1\x00", "\x1c1", "1 2", "- 1", "--1", "1e999", "-1e999",
    "1e-400", "4.9e-324", "2.4703282292062328e-324", "2.4703282292062327e-324",
    "1.7976931348623158e308", "1.7976931348623159e308", "nan(123)", "inF ", " \t\n1\r\f\v",
    "0.1", "000.000", "-0", "-0.0e-5", "1.e5", ".e5", "e5", "1e5.5", "1,5", "1.5f", "١.٥",
    "1_2.3_4e5_6", "0_0.0_0", "12\u00e9", "9" * 400, "0." + "0" * 300 + "1",
    "1" + "0" * 400 + "e-400", "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203124", "\u2003-2.5\u2028",
    "\x85" + "3", "3\x1f",
]

INT_TEXTS = [
    "0", "-0", "+12", " 12 ", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "0o17", "0b101",
    "0x_1f", "0x__1f", "0_x1f", "010", "00", "0_0", "0_7", "08", "0b2", "z", "Z", "zz", "1e5",
    "1.0", "", " ", "\u0661\u0662\u0663", "12\x00", "abc", "x" * 300, "9" * 30, "-" + "7" * 50,
    "1" * 4301, "1" * 4300, "0x" + "f" * 5000, "1" * 4301 + "x", "0b", "0x", "0o", "-0x10",
    "- 5", "+-5", "\t\n 42 \r", "\x1c42", "0B1_0", "0O7_7", "1\u00a0", "\u20031", "\uff17",
    "12\u00e9", "Ff", "0_", "0b_", "0b_1", "-_1", "0 0", "\u0967\u0968",
]
INT_BASES = [0, 2, 3, 7, 8, 10, 16, 36]


def parse_cases(rng, lines):
    texts = list(FLOAT_TEXTS)
    for _ in range(1500):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 25)))
        point = rng.randint(0, len(digits))
        text = digits[:point] + "." + digits[point:]
        if rng.random() < 0.5:
            text += "e%d" % rng.randint(-330, 310)
        texts.append(rng.choice(["", "-", "+"]) + text)
    for text in texts:
        lines.append("pfloat\t%s\t%s\t%s" % (escape(text), escape(repr(text)),
                                              outcome(lambda: float(text), float.hex)))
    for text in INT_TEXTS:
        for base in INT_BASES if len(text) < 1000 else [0, 10, 16]:
            lines.append("pint\t%s\t%d\t%s\t%s" % (escape(text), base, escape(repr(text)),
                                                    outcome(lambda: int(text, base), hex)))
    for _ in range(800):
        base = rng.choice(INT_BASES)
        alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEF_ x"
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.3:
            text = rng.choice(["0x", "0o", "0b", "-0x", " 0"]) + text
        lines.append("pint\t%s\t%d\t%s\t%s" % (escape(text), base, escape(repr(text)),
                                                outcome(lambda: int(text, base), hex)))


PERCENT_FLAGS = ["", "-", "+", " ", "#", "0", "-0", "+0", " 0", "#0", "-#", "+#0", "- ", "0-+"]
PERCENT_WIDTHS = ["", "1", "5", "12"]
PERCENT_PRECISIONS = ["", ".0", ".1", ".3", ".10"]
PERCENT_INTS = [0, 1, -1, 42, -42, 255, -255, 65, 1234567, 2 ** 64 + 1, -2 ** 70]
PERCENT_FLOATS = [0.0, -0.0, 1.5, -1.5, 0.1, 1e20, 1e-7, 123456.789, math.inf, -math.inf,
                  math.nan, 2.5, 1e16, 0.0001]


def percent_cases(rng, lines):
    for _ in range(6000):
        spec = rng.choice(PERCENT_FLAGS) + rng.choice(PERCENT_WIDTHS) + rng.choice(PERCENT_PRECISIONS)
        conversion = rng.choice("diuoxXeEfFgGcs")
        if conversion in "diuoxX":
            kind, value = "i", rng.choice(PERCENT_INTS)
        elif conversion == "c":
            kind, value = rng.choice([("i", rng.choice([65, 0x1F40D, 0x110000, -1, 0xE9])),
                                      ("s", rng.choice(["A", "\u00e9", "\U0001F40D"]))])
        elif conversion == "s":
            kind, value = "s", rng.choice(STRING_VALUES)
        else:
            kind, value = "f", rng.choice(PERCENT_FLOATS)
        field = {"i": hex, "f": float.hex, "s": escape}[kind](value)
        lines.append("pct\t%s\t%s\t%s\t%s" % (escape(spec + conversion), kind, field,
                                               outcome(lambda: ("%" + spec + conversion) % (value,))))


def record():
    rng = random.Random(20261126)
    lines = ["# Recorded by scripts/record_format_cases.py from CPython %s; do not edit."
             % sys.version.split()[0]]
    float_cases(rng, lines)
    int_cases(rng, lines)
    string_cases(rng, lines)
    round_cases(rng, lines)
    parse_cases(rng, lines)
    percent_cases(rng, lines)
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 11):
        sys.exit("record_format_cases.py: needs CPython 3.11, this is %s" % sys.version.split()[0])
    text = record()
    path = pathlib.Path(args.path)
    if args.check:
        if path.read_text(encoding="utf-8") != text:
            print("%s differs from what CPython records now" % path)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print("%s: %d cases" % (path, text.count("\n") - 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
