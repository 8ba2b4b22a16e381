#!/usr/bin/env python3
"""Record CPython 3.11's int, bool and float behaviour, for tests/unit/test_numbers.cpp.

CPython is the oracle (DESIGN.md, Tests): every expected result in the file is what this
interpreter computed, never written by hand. The cases are generated here (edge values
around int64 and the double range, every operator over a cross product of operands,
seeded random big ints for division, comparison and hashing, constructors, methods and
their errors), so rerunning gives the same file.

Usage
    python3 scripts/record_number_cases.py [--check] [CASES.txt]

    CASES.txt  default: tests/unit/data/number_cases.txt
    --check    record again and compare with the file; exit 1 if anything differs

The file (UTF-8; lines starting with # are comments), one case a line, tab-separated,
the last field always the RESULT:
    binary   OP  A  B          A OP B         (OP: + - * / // % ** << >> & | ^ @)
    unary    OP  A             OP A           (OP: - + ~ abs)
    compare  OP  A  B          A OP B         (OP: < <= == != > >=)
    hash     A                 hash(A)
    repr     A                 repr(A)
    str      A                 str(A)
    truth    A                 bool(A)
    format   A  SPEC           format(A, SPEC)
    divmod   A  B              divmod(A, B)
    pow3     A  B  C           pow(A, B, C)
    call     F  ARG...         F(ARG...)
    method   NAME  A  ARG...   A.NAME(ARG...)
    attr     NAME  A           A.NAME

Operands: i:DECIMAL (an int; i:0xHEX or i:-0xHEX beyond 14000 bits), b:True / b:False, f:HEX (a float as float.hex(), or inf,
-inf, nan), s:TEXT (a str), y:HEX (a bytes object, two hex digits a byte), n: (None), t:NAME (the builtin type int, bool or float),
k:NAME=OPERAND (a keyword argument, in call/method argument lists only). TEXT and SPEC
escape backslash, tab and newline as \\\\ \\t \\n.
RESULT: TYPE:REPR of the value (a tuple's items by their repr), or
!EXCEPTION: MESSAGE (just !EXCEPTION when the message is empty).
"""

import argparse
import math
import operator
import pathlib
import random
import sys

DEFAULT_PATH = pathlib.Path(__file__).resolve().parent.parent / "tests/unit/data/number_cases.txt"

BINARY = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow, "<<": operator.lshift,
    ">>": operator.rshift, "&": operator.and_, "|": operator.or_, "^": operator.xor,
    "@": operator.matmul,
}
UNARY = {"-": operator.neg, "+": operator.pos, "~": operator.invert, "abs": abs}
COMPARE = {"<": operator.lt, "<=": operator.le, "==": operator.eq, "!=": operator.ne,
           ">": operator.gt, ">=": operator.ge}
TYPES = {"int": int, "bool": bool, "float": float}

# Results bigger than this many bits are not recorded (CPython computes them; the test
# would only spend time printing them).
MAX_RESULT_BITS = 2000


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def operand(value):
    if value is None:
        return "n:"
    if isinstance(value, bool):
        return f"b:{value}"
    if isinstance(value, int):
        if value.bit_length() > 14000:  # no decimal form under CPython's 4300-digit limit
            return f"i:{'-' if value < 0 else ''}0x{abs(value):x}"
        return f"i:{value}"
    if isinstance(value, float):
        return "f:" + (repr(value) if math.isinf(value) or math.isnan(value) else value.hex())
    if isinstance(value, str):
        return "s:" + escape(value)
    if isinstance(value, bytes):
        return "y:" + value.hex()
    if isinstance(value, type):
        return "t:" + value.__name__
    raise ValueError(value)


def result_of(compute):
    """The RESULT field: the value's type and repr, or the exception computing or
    printing it raised (an int over 4300 digits has no repr)."""
    try:
        value = compute()
        if isinstance(value, tuple):
            items = ", ".join(repr(item) for item in value)
            return "tuple:(" + items + ("," if len(value) == 1 else "") + ")"
        return f"{type(value).__name__}:{escape(repr(value))}"
    except Exception as error:  # the recorded outcome
        message = str(error)
        return f"!{type(error).__name__}: {message}" if message else f"!{type(error).__name__}"


def too_big(op, a, b):
    """Powers and shifts whose results are huge (or would take CPython forever)."""
    if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, int) or not isinstance(b, int):
        return False
    if op == "**" and b > 0 and abs(a) > 1:
        return b * a.bit_length() > MAX_RESULT_BITS
    if op == "<<" and b > 0 and a != 0:
        return b + a.bit_length() > MAX_RESULT_BITS
    return False


INTS = [0, 1, -1, 2, 3, -7, 10, 256, 257, -5, -6, 2**31, 2**53 + 1, -(2**53) - 1, 2**63 - 1,
        -(2**63), 2**63, -(2**63) - 1, 2**64 + 1, -(2**100) + 12345, 10**30 + 7, 2**1024 + 1]
FLOATS = [0.0, -0.0, 0.5, 1.5, -2.5, 3.0, 0.1, 1e16, 1e300, -1e300, 5e-324, 2.0**63,
          1.7976931348623157e308, math.inf, -math.inf, math.nan]
BOOLS = [True, False]
# The operands of the cross products (every operator, every comparison, divmod).
CROSS = [0, 1, -1, 3, -7, 256, -6, 2**31, 2**53 + 1, 2**63 - 1, -(2**63), 2**63, 2**64 + 1,
         -(2**100) + 12345, 2**1024 + 1, 0.0, -0.0, 0.5, -2.5, 0.1, 1e300, 5e-324, 2.0**63,
         1.7976931348623157e308, math.inf, -math.inf, math.nan, True, False]


def cases():
    out = []

    def add(*fields):
        out.append("\t".join(fields))

    operands = INTS + FLOATS + BOOLS
    # The cross product, every binary operator.
    for op, function in BINARY.items():
        for a in CROSS:
            for b in CROSS:
                if too_big(op, a, b):
                    continue
                add("binary", op, operand(a), operand(b), result_of(lambda: function(a, b)))
    for op, function in UNARY.items():
        for a in operands:
            add("unary", op, operand(a), result_of(lambda: function(a)))
    for op, function in COMPARE.items():
        for a in CROSS:
            for b in CROSS:
                add("compare", op, operand(a), operand(b), result_of(lambda: function(a, b)))
    for a in operands:
        add("repr", operand(a), result_of(lambda: repr(a)))
        add("str", operand(a), result_of(lambda: str(a)))
        add("truth", operand(a), result_of(lambda: bool(a)))
        if not (isinstance(a, float) and math.isnan(a)):
            add("hash", operand(a), result_of(lambda: hash(a)))
    # CPython 3.11's 4300-digit limit on int -> str (not on hexadecimal).
    for a in [10**4299, -(10**4299), 10**4300]:
        add("repr", operand(a), result_of(lambda: repr(a)))
        for spec in ("", "d", "x", ","):
            add("format", operand(a), spec, result_of(lambda: format(a, spec)))
    for a in CROSS:
        for b in CROSS:
            add("divmod", operand(a), operand(b), result_of(lambda: divmod(a, b)))

    rng = random.Random(20261126)

    def random_int(max_bits):
        bits = rng.randint(1, max_bits)
        value = rng.getrandbits(bits)
        return -value if rng.random() < 0.5 else value

    # True division, correctly rounded, over ints of all sizes (subnormal and overflowing
    # quotients included).
    for _ in range(400):
        a, b = random_int(600), random_int(600)
        add("binary", "/", operand(a), operand(b), result_of(lambda: a / b))
    for _ in range(100):
        a, b = random_int(120), random_int(60)
        add("binary", "/", operand(a), operand(b), result_of(lambda: a / b))
    # Exact int/float comparison near the rounding boundaries.
    for _ in range(300):
        a = random_int(1100) if rng.random() < 0.2 else random_int(200)
        try:
            near = float(a)
        except OverflowError:
            near = math.inf
        for f in (near, math.nextafter(near, math.inf), math.nextafter(near, -math.inf)):
            op = rng.choice(list(COMPARE))
            add("compare", op, operand(a), operand(f), result_of(lambda: COMPARE[op](a, f)))
            add("compare", op, operand(f), operand(a), result_of(lambda: COMPARE[op](f, a)))
    # Hashes of big ints and of floats of every magnitude; int conversions of floats.
    for _ in range(300):
        a = random_int(1000)
        add("hash", operand(a), result_of(lambda: hash(a)))
        f = rng.choice([rng.uniform(-1e6, 1e6), rng.random() * 10.0 ** rng.randint(-320, 308),
                        float(rng.getrandbits(rng.randint(1, 1000))), rng.randint(-10**6, 10**6) / 8])
        add("hash", operand(f), result_of(lambda: hash(f)))
        add("call", "t:int", operand(f), result_of(lambda: int(f)))
        add("method", "__round__", operand(f), result_of(lambda: f.__round__()))
        add("method", "as_integer_ratio", operand(f), result_of(lambda: f.as_integer_ratio()))
        add("method", "hex", operand(f), result_of(lambda: f.hex()))
    # Big-int arithmetic beyond the cross product.
    for _ in range(300):
        a, b = random_int(400), random_int(200)
        op = rng.choice(["+", "-", "*", "//", "%", "&", "|", "^"])
        add("binary", op, operand(a), operand(b), result_of(lambda: BINARY[op](a, b)))
        shift = rng.randint(0, 300)
        for op in ("<<", ">>"):
            add("binary", op, operand(a), operand(shift), result_of(lambda: BINARY[op](a, shift)))
        exponent = rng.randint(0, 12)
        add("binary", "**", operand(a), operand(exponent), result_of(lambda: a ** exponent))
        modulus = random_int(200) or 7
        e = random_int(300)
        add("pow3", operand(a), operand(e), operand(modulus), result_of(lambda: pow(a, e, modulus)))

    # Three-argument pow: errors, inverses, signs.
    for a, b, c in [(2, 10, 1000), (2, -1, 7), (3, -2, 7), (2, -1, 4), (0, -1, 5), (5, 0, 1),
                    (5, 0, -1), (7, 3, -10), (-7, 3, 10), (-7, -1, -10), (2, 3, 0), (2**100, 2**70, 10**9 + 7),
                    (2.0, 3, 5), (2, 3, 5.0), (2, 3.0, 5), (True, True, 3), (2, 3, "5"), (10**40, -3, 10**20 + 39)]:
        add("pow3", operand(a), operand(b), operand(c), result_of(lambda: pow(a, b, c)))

    # format(): the plumbing into the format-spec mini-language (which has its own tests).
    specs = ["", "d", "x", "#X", "b", "o", "c", ",", "_", ">12", "^9", "<7", "+", " ", "=+8",
             "08", "e", ".3f", "g", "%", "n", "z", ".2", "010.3", "s", ",.2f", "#o", "_x", "+.1e"]
    for value in [0, 7, -42, 255, 2**70, -(10**25), True, False, 0.0, -0.0, 1.5, -2.25, 1e20,
                  1e-7, math.inf, math.nan, 123456.789]:
        for spec in specs:
            add("format", operand(value), escape(spec), result_of(lambda: format(value, spec)))
    add("method", "__format__", operand(5), operand(5), result_of(lambda: (5).__format__(5)))
    add("method", "__format__", operand(1.5), operand(None), result_of(lambda: (1.5).__format__(None)))

    # Constructors.
    int_texts = ["0", "12", "-12", "  +7  ", "1_000", "1__0", "_1", "0x1f", "0b101", "0o17",
                 "017", "000", "abc", "", " ", "1e5", "1.5", "12345678901234567890",
                 "-99999999999999999999999999", "\u0661\u0662", "zz", "Zz", "0x", "9" * 4300,
                 "9" * 4301, "\t\n42\n", "4 2"]
    for text in int_texts:
        for base in (None, 0, 2, 8, 10, 16, 36):
            args = [text] if base is None else [text, base]
            add("call", "t:int", *map(operand, args), result_of(lambda: int(*args)))
    for args in [[], [0], [7], [-3.9], [3.9], [1e300], [math.inf], [-math.inf], [math.nan],
                 [True], [2**70], [None], [1.5, 10], ["10", 1], ["10", 37], ["10", -1],
                 ["10", 2.0], [5, 10], ["10", None], [-0.0], [5e-324], [2.0**63], [-(2.0**63)]]:
        add("call", "t:int", *map(operand, args), result_of(lambda: int(*args)))
    add("call", "t:int", "k:base=i:16", result_of(lambda: int(base=16)))
    add("call", "t:int", "s:ff", "k:base=i:16", result_of(lambda: int("ff", base=16)))
    add("call", "t:int", "k:x=i:1", result_of(lambda: int(x=1)))
    add("call", "t:int", "i:1", "i:2", "i:3", result_of(lambda: int(1, 2, 3)))
    float_texts = ["0", "1.5", " -2.5e3 ", "1_0.5", "inf", "-Infinity", "nan", "-nan", "1e400",
                   "-1e-400", "abc", "", "0x10", "1e", ".5", "5.", ".", "1__0", "\u0661.\u0662",
                   "  12  ", "infinit", "1.7976931348623157e308", "4.9e-324", "2.5e-324"]
    for text in float_texts:
        add("call", "t:float", operand(text), result_of(lambda: float(text)))
    for args in [[], [7], [-0.0], [True], [2**1023], [2**1024], [-(2**1100)], [None],
                 [2**53 + 1], [1, 2]]:
        add("call", "t:float", *map(operand, args), result_of(lambda: float(*args)))
    add("call", "t:float", "k:x=i:1", result_of(lambda: float(x=1)))
    for args in [[], [0], [7], [0.0], [math.nan], [""], ["a"], [None], [1, 2]]:
        add("call", "t:bool", *map(operand, args), result_of(lambda: bool(*args)))
    add("call", "t:bool", "k:x=i:1", result_of(lambda: bool(x=1)))

    # Methods and attributes.
    for a in INTS + BOOLS:
        for name in ("bit_length", "bit_count", "as_integer_ratio", "conjugate", "__trunc__",
                     "__floor__", "__ceil__", "__round__", "__index__", "__int__", "__float__"):
            add("method", name, operand(a), result_of(lambda: getattr(a, name)()))
        for name in ("real", "imag", "numerator", "denominator"):
            add("attr", name, operand(a), result_of(lambda: getattr(a, name)))
        for places in (-1, -2, -5, -20, 0, 3, None):
            add("method", "__round__", operand(a), operand(places), result_of(lambda: a.__round__(places)))
    for a, places in [(125, -1), (135, -1), (-125, -1), (150, -2), (250, -2), (2**64, -19),
                      (10**30 + 5 * 10**9, -10), (5, 1.5), (5, "x"), (5, 2**70)]:
        add("method", "__round__", operand(a), operand(places), result_of(lambda: a.__round__(places)))
    add("method", "bit_length", operand(5), operand(1), result_of(lambda: (5).bit_length(1)))
    add("method", "__round__", operand(5), operand(1), operand(2), result_of(lambda: (5).__round__(1, 2)))
    for a in FLOATS + [2.5, 3.5, -0.5, 0.49999999999999994, 1e22, 2.675, 1.005, 123.456]:
        for name in ("is_integer", "as_integer_ratio", "hex", "conjugate", "__trunc__",
                     "__floor__", "__ceil__", "__round__", "__int__", "__float__"):
            add("method", name, operand(a), result_of(lambda: getattr(a, name)()))
        for name in ("real", "imag"):
            add("attr", name, operand(a), result_of(lambda: getattr(a, name)))
        for places in (0, 1, 2, -1, -3, 400, -400, None):
            add("method", "__round__", operand(a), operand(places), result_of(lambda: a.__round__(places)))
    add("method", "__round__", operand(1.5), operand(2**70), result_of(lambda: (1.5).__round__(2**70)))
    add("method", "__round__", operand(1.5), operand(-(2**70)), result_of(lambda: (1.5).__round__(-(2**70))))
    add("method", "__round__", operand(1e308), operand(-308), result_of(lambda: (1e308).__round__(-308)))
    hex_texts = ["0x1.8p1", " -0X1.8P+1 ", "inf", "-Infinity", "nan", "0x.8", "0x1.", "1", ".",
                 "0x", "1p", "1p+", "0x1p-1074", "0x1p-1075", "0x3p-1075", "0x1.fffffffffffffp1023",
                 "0x1.fffffffffffff8p1023", "0x1.00000000000008p0", "0x1.00000000000018p0",
                 "0x1.000000000000080000001p0", "0x0.0000000000001p-1022", "0x1p10000", "0x1p-10000",
                 "0x123456789abcdef123456789p-50", "-0x0p0", "0x1 p0", "1.5", "ff", "0x1.8p1 x",
                 "0x0.00000000000000000000000000001p100"]
    for text in hex_texts:
        add("call", "t:float.fromhex", operand(text), result_of(lambda: float.fromhex(text)))
    add("call", "t:float.fromhex", operand(1), result_of(lambda: float.fromhex(1)))
    # to_bytes / from_bytes, and bytes in int() and float().
    for a in [0, 1, 127, 128, 255, 256, -1, -128, -129, 2**64 + 1, -(2**70), 2**63 - 1]:
        for length in (1, 2, 9, 0):
            for order in ("big", "little"):
                for signed in (False, True):
                    add("method", "to_bytes", operand(a), operand(length), operand(order),
                        f"k:signed={operand(signed)}",
                        result_of(lambda: a.to_bytes(length, order, signed=signed)))
    add("method", "to_bytes", operand(5), result_of(lambda: (5).to_bytes()))
    add("method", "to_bytes", operand(5), operand(-1), result_of(lambda: (5).to_bytes(-1)))
    add("method", "to_bytes", operand(5), operand(1), operand("x"), result_of(lambda: (5).to_bytes(1, "x")))
    add("method", "to_bytes", operand(5), operand(1), operand("big"), operand(True),
        result_of(lambda: (5).to_bytes(1, "big", True)))
    add("method", "to_bytes", operand(5), operand(1.5), result_of(lambda: (5).to_bytes(1.5)))
    add("method", "to_bytes", operand(5), "k:length=i:2", "k:byteorder=s:little",
        result_of(lambda: (5).to_bytes(length=2, byteorder="little")))
    for data in [b"", b"\x01", b"\xff", b"\x00\x80", b"\x12\x34\x56\x78\x9a\xbc\xde\xf0\x11"]:
        for order in ("big", "little"):
            for signed in (False, True):
                add("call", "t:int.from_bytes", operand(data), operand(order), f"k:signed={operand(signed)}",
                    result_of(lambda: int.from_bytes(data, order, signed=signed)))
    add("call", "t:int.from_bytes", operand("ab"), result_of(lambda: int.from_bytes("ab")))
    add("call", "t:int.from_bytes", operand(b"ab"), operand("x"), result_of(lambda: int.from_bytes(b"ab", "x")))
    add("call", "t:int.from_bytes", result_of(lambda: int.from_bytes()))
    for data, base in [(b"12", None), (b" -0x1f ", 16), (b"ab", None), (b"1_0", 0), (b"\xd9\xa1", None)]:
        args = [data] if base is None else [data, base]
        add("call", "t:int", *map(operand, args), result_of(lambda: int(*args)))
    for data in [b"1.5", b" -inf ", b"x", b"\xd9\xa1"]:
        add("call", "t:float", operand(data), result_of(lambda: float(data)))
    for a, b in [(7, 2), (-7, 2), (7.5, 2), (7, 0), (7.0, 0), (2**70, 3), (1, "x"), (1.0, "x")]:
        add("method", "__divmod__", operand(a), operand(b), result_of(lambda: a.__divmod__(b)))
        add("method", "__rdivmod__", operand(a), operand(b), result_of(lambda: a.__rdivmod__(b)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
    parser.add_argument("--check", action="store_true")
    arguments = parser.parse_args()
    header = "# Recorded by scripts/record_number_cases.py from CPython %s; do not edit.\n" % (
        sys.version.split()[0])
    text = header + "\n".join(cases()) + "\n"
    path = pathlib.Path(arguments.path)
    if arguments.check:
        if path.read_text(encoding="utf-8") != text:
            print(f"{path} differs from what CPython records now", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10)) - 1} cases to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
