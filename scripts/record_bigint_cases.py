#!/usr/bin/env python3
"""Record what CPython 3.11's int does, for the BigInt test (tests/unit/test_bigint.cpp).

CPython is the oracle (DESIGN.md, Tests): every expected value below is computed by this
Python's own int, float and str, never written by hand. The operands come from a fixed
random seed, so recording twice gives the same file.

Usage
    python3 scripts/record_bigint_cases.py [--check] [CASES.txt]

    CASES.txt  default: tests/unit/data/bigint_cases.txt
    --check    record again and compare with the file; exit 1 if anything differs

The file: one case a line, fields separated by one space; lines starting with # are
comments. Integers are written as hex() prints them (-0x1f, 0x0), whatever their size, so
that values beyond the 4300-digit str() limit can be written too. A float is written as
float.hex() prints it. An error is written as the exception's name.

    add A B R            R = A + B                 sub, mul likewise
    cmp A B R            R = -1, 0 or 1
    divmod A B Q R       (Q, R) = divmod(A, B), or: divmod A B ZeroDivisionError
    pow A E R            R = A ** E                E in decimal, >= 0
    powmod A E M R       R = pow(A, E, M), or: powmod A E M ValueError (M == 0)
    lshift A N R         R = A << N                rshift likewise; N in decimal
    and A B R            R = A & B                 or, xor likewise
    invert A R           R = ~A
    neg A R              R = -A                    abs likewise
    bitlen A N           N = A.bit_length(), decimal
    int64 A R            R = A in decimal when -2**63 <= A < 2**63, else: int64 A overflow
    float A F            F = float(A).hex(), or: float A OverflowError
    fromfloat F R        R = int(float.fromhex(F))
    hash A H             H = hash(A), decimal
    str BASE LIMIT A TEXT    TEXT = format(A, "b" / "o" / "d" / "x") under
                             sys.set_int_max_str_digits(LIMIT) (0: none; default 4300),
                             or: str 10 LIMIT A ValueError
    defaultlimit LIMIT       LIMIT = sys.int_info.default_max_str_digits
    parse BASE LIMIT TEXT R  R = int(TEXT, BASE) for TEXT of digits only, under the
                             same LIMIT, or one of
                             parse BASE LIMIT TEXT ValueError:limit  (too many digits)
                             parse BASE LIMIT TEXT ValueError:digit  (a character is no digit)
"""

import argparse
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "tests" / "unit" / "data" / "bigint_cases.txt"
SEED = 20261126
DEFAULT_LIMIT = sys.int_info.default_max_str_digits  # 4300
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def h(value):
    return hex(value)


class Values:
    """Operands: special values around limb boundaries, patterned limbs, random bits."""

    def __init__(self, rng):
        self.rng = rng
        specials = [0, 1, 2, 3, 10, 255, 2**31 - 1, 2**31, 2**31 + 1]
        for bits in (32, 33, 53, 63, 64, 65, 96, 127, 128, 129, 1000, 1024):
            specials += [2**bits - 1, 2**bits, 2**bits + 1]
        self.specials = specials + [-value for value in specials if value]

    def sign(self, value):
        return -value if self.rng.random() < 0.5 else value

    def random_bits(self, bits):
        return self.rng.getrandbits(bits) | (1 << (bits - 1)) if bits > 0 else 0

    def patterned(self, limb_count):
        """Limbs drawn from edge patterns: these drive division's rare correction steps."""
        choices = [0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE]
        value = 0
        for _ in range(limb_count):
            limb = self.rng.choice(choices) if self.rng.random() < 0.8 else self.rng.getrandbits(32)
            value = (value << 32) | limb
        return value

    def any(self, max_bits=300):
        kind = self.rng.random()
        if kind < 0.2:
            return self.rng.choice(self.specials)
        if kind < 0.45:
            return self.sign(self.patterned(self.rng.randint(1, max(1, max_bits // 32))))
        if kind < 0.55:
            return self.sign(2 ** self.rng.randint(0, max_bits) + self.rng.choice([-1, 0, 1]))
        return self.sign(self.random_bits(self.rng.randint(1, max_bits)))

    def large(self, low_bits, high_bits):
        bits = self.rng.randint(low_bits, high_bits)
        if self.rng.random() < 0.3:
            return self.sign(self.patterned(bits // 32 + 1))
        return self.sign(self.random_bits(bits))


def nonzero(values, make):
    value = make()
    while value == 0:
        value = make()
    return value


def record_arithmetic(values, rng, lines):
    for name, function in (("add", lambda a, b: a + b), ("sub", lambda a, b: a - b),
                           ("mul", lambda a, b: a * b)):
        for _ in range(250):
            a, b = values.any(), values.any()
            lines.append(f"{name} {h(a)} {h(b)} {h(function(a, b))}")
        for _ in range(12 if name == "mul" else 4):  # Karatsuba and lopsided sizes
            a, b = values.large(1500, 16000), values.large(1500, 16000)
            lines.append(f"{name} {h(a)} {h(b)} {h(function(a, b))}")
    for _ in range(2):  # two 10,000-digit factors (33,220 bits)
        a, b = values.large(33000, 33300), values.large(33000, 33300)
        lines.append(f"mul {h(a)} {h(b)} {h(a * b)}")
    for _ in range(6):  # squares take their own path
        a = values.large(100, 20000)
        lines.append(f"mul {h(a)} {h(a)} {h(a * a)}")
    for _ in range(200):
        a = values.any()
        b = a if rng.random() < 0.2 else values.any()
        lines.append(f"cmp {h(a)} {h(b)} {(a > b) - (a < b)}")
    for value in values.specials[:20] + [values.any() for _ in range(30)]:
        lines.append(f"neg {h(value)} {h(-value)}")
        lines.append(f"abs {h(value)} {h(abs(value))}")


def record_division(values, rng, lines):
    def divmod_line(a, b):
        if b == 0:
            return f"divmod {h(a)} {h(b)} ZeroDivisionError"
        q, r = divmod(a, b)
        return f"divmod {h(a)} {h(b)} {h(q)} {h(r)}"

    small = [0, 1, -1, 2, -2, 3, -3, 7, -7, 2**32, -(2**32), 2**32 + 1, -(2**32 + 1)]
    for a in small:
        for b in small:
            lines.append(divmod_line(a, b))
    for _ in range(500):
        b = values.any(200)
        a = values.any(400) if rng.random() < 0.7 else b * values.any(200) + rng.choice([0, 1, -1])
        lines.append(divmod_line(a, b))
    for _ in range(120):  # patterned limbs: estimated quotient digits off by one or two
        b = values.sign(values.patterned(rng.randint(2, 6)))
        a = values.sign(values.patterned(rng.randint(2, 12)))
        lines.append(divmod_line(a, b))
    for _ in range(12):
        a, b = values.large(2000, 16000), values.large(500, 8000)
        lines.append(divmod_line(a, b))
    for _ in range(1):  # 20,000 digits by 10,000 digits
        a, b = values.large(66300, 66400), values.large(33000, 33200)
        lines.append(divmod_line(a, b))


def record_powers(values, rng, lines):
    for base in (0, 1, -1, 2, -2, 3, -3, 2**32, -(2**32), 2**32 + 1, 10):
        for exponent in (0, 1, 2, 3, 31, 32, 33, 64, 100):
            lines.append(f"pow {h(base)} {exponent} {h(base ** exponent)}")
    for _ in range(60):
        base = values.any(100)
        exponent = rng.randint(0, 60 if abs(base) > 2**20 else 400)
        lines.append(f"pow {h(base)} {exponent} {h(base ** exponent)}")
    lines.append(f"pow {h(3)} 20000 {h(3 ** 20000)}")
    lines.append(f"pow {h(-(2**35))} 1001 {h((-(2**35)) ** 1001)}")
    for _ in range(180):
        base = values.any(300)
        exponent = abs(values.any(200))
        modulus = values.any(200) if rng.random() < 0.95 else 0
        if modulus == 0:
            lines.append(f"powmod {h(base)} {h(exponent)} {h(modulus)} ValueError")
        else:
            lines.append(f"powmod {h(base)} {h(exponent)} {h(modulus)} "
                         f"{h(pow(base, exponent, modulus))}")
    for modulus in (1, -1, 2, -2, 7, -7):
        for base in (0, 5, -5):
            for exponent in (0, 1, 3):
                lines.append(f"powmod {h(base)} {h(exponent)} {h(modulus)} "
                             f"{h(pow(base, exponent, modulus))}")
    base, modulus = values.large(3000, 3000), values.large(3000, 3000)
    exponent = abs(values.large(3000, 3000))
    lines.append(f"powmod {h(base)} {h(exponent)} {h(modulus)} "
                 f"{h(pow(base, exponent, modulus))}")


def record_bits(values, rng, lines):
    counts = [0, 1, 2, 31, 32, 33, 63, 64, 65, 100, 1000]
    for _ in range(300):
        a = values.any()
        count = rng.choice(counts) if rng.random() < 0.5 else rng.randint(0, 400)
        lines.append(f"lshift {h(a)} {count} {h(a << count)}")
        lines.append(f"rshift {h(a)} {count} {h(a >> count)}")
    for a in (-1, -2, -5, -(2**32), -(2**32) - 1, -(2**64), -(2**64) + 1):
        for count in (1, 31, 32, 33, 64, 65, 10**6):
            lines.append(f"rshift {h(a)} {count} {h(a >> count)}")
    for name, function in (("and", lambda a, b: a & b), ("or", lambda a, b: a | b),
                           ("xor", lambda a, b: a ^ b)):
        for _ in range(200):
            a, b = values.any(), values.any()
            lines.append(f"{name} {h(a)} {h(b)} {h(function(a, b))}")
        for _ in range(3):
            a, b = values.large(1000, 5000), values.large(1000, 5000)
            lines.append(f"{name} {h(a)} {h(b)} {h(function(a, b))}")
    for _ in range(80):
        a = values.any()
        lines.append(f"invert {h(a)} {h(~a)}")
    for _ in range(150):
        a = values.any(2000)
        lines.append(f"bitlen {h(a)} {a.bit_length()}")
    for a in values.specials + [values.any(80) for _ in range(80)]:
        fits = -(2**63) <= a < 2**63
        lines.append(f"int64 {h(a)} {a if fits else 'overflow'}")


def record_floats(values, rng, lines):
    def float_line(a):
        try:
            return f"float {h(a)} {float(a).hex()}"
        except OverflowError:
            return f"float {h(a)} OverflowError"

    cases = []
    for _ in range(60):  # ties and near-ties at every scale: (2 m + 1) 2**k, +-1, +-deep bit
        mantissa = values.random_bits(53)
        shift = rng.randint(1, 960)
        tie = (2 * mantissa + 1) << shift
        cases += [tie, tie - 1, tie + 1, tie + (1 << rng.randint(0, shift - 1))]
    for bits in (53, 54, 55, 64, 65):  # odd and even mantissas at the first inexact sizes
        for low in range(8):
            cases.append((1 << (bits - 1)) + low)
    top = 2**1024
    cases += [top, top - 1, top - 2**970, top - 2**970 - 1, top - 2**971, top + 1, 2**1023,
              2**2000, 2**1024 - 2**970 + 2**500]
    cases += [values.any(1100) for _ in range(100)] + values.specials
    for a in cases:
        lines.append(float_line(a))
        lines.append(float_line(-a))
    floats = [0.0, -0.0, 0.5, -0.5, 0.9999999999999999, -1.5, 1e308, -1e308, 2.0**53 + 2,
              2.0**64, 2.0**63, -(2.0**63), 5e-324, 1.7976931348623157e308]
    for _ in range(150):
        floats.append(rng.uniform(-1, 1) * 2.0 ** rng.randint(-10, 1023))
    for value in floats:
        lines.append(f"fromfloat {value.hex()} {h(int(value))}")


def record_hashes(values, rng, lines):
    modulus = sys.hash_info.modulus
    cases = [-1, -2, modulus, modulus - 1, modulus + 1, -modulus, -modulus - 1, -modulus + 1,
             2 * modulus - 1, 2**61, 2**64, -(2**64)]
    cases += values.specials + [values.any(500) for _ in range(150)]
    cases += [values.large(3000, 30000) for _ in range(5)]
    for a in cases:
        lines.append(f"hash {h(a)} {hash(a)}")


def record_strings(values, rng, lines):
    formats = {2: "b", 8: "o", 10: "d", 16: "x"}
    lines.append(f"defaultlimit {DEFAULT_LIMIT}")

    def str_line(base, a, limit=DEFAULT_LIMIT):
        sys.set_int_max_str_digits(limit)
        try:
            return f"str {base} {limit} {h(a)} {format(a, formats[base])}"
        except ValueError:
            return f"str {base} {limit} {h(a)} ValueError"
        finally:
            sys.set_int_max_str_digits(DEFAULT_LIMIT)

    for base in formats:
        for a in values.specials[:30] + [values.any(600) for _ in range(60)]:
            lines.append(str_line(base, a))
    for digits in (4299, 4300, 4301, 5000):  # the int -> str limit, with and without sign
        a = 10**digits - 1 if digits <= 4300 else 10 ** (digits - 1) + rng.getrandbits(64)
        lines.append(str_line(10, a))
        lines.append(str_line(10, -a))
    lines.append(str_line(10, 10**4300 - 1))
    lines.append(str_line(10, 10**4300))
    lines.append(str_line(16, 10**5000 + 1))
    lines.append(str_line(10, values.large(5000, 14000)))
    for limit in (0, 640):  # 640 is the smallest limit CPython accepts
        for digits in (639, 640, 641, 5000):
            a = 10**digits - 1 if digits <= 640 else 10 ** (digits - 1) + rng.getrandbits(64)
            lines.append(str_line(10, a, limit))
            lines.append(str_line(10, -a, limit))

    def parse_line(base, text, limit=DEFAULT_LIMIT):
        sys.set_int_max_str_digits(limit)
        try:
            return f"parse {base} {limit} {text} {h(int(text, base))}"
        except ValueError as error:
            kind = "limit" if "Exceeds the limit" in str(error) else "digit"
            return f"parse {base} {limit} {text} ValueError:{kind}"
        finally:
            sys.set_int_max_str_digits(DEFAULT_LIMIT)

    for base in range(2, 37):
        for _ in range(9):
            length = rng.choice([1, 2, 5, 9, 10, 19, 20, 40, rng.randint(1, 300)])
            text = "".join(rng.choice(DIGITS[:base]) for _ in range(length))
            if rng.random() < 0.3:
                text = text.upper()
            lines.append(parse_line(base, text))
        bad = DIGITS[base] if base < 36 else "_"
        lines.append(parse_line(base, "1" + bad))
    for text in ("0" * 40, "0" * 40 + "1", "4294967295", "4294967296", "18446744073709551616"):
        lines.append(parse_line(10, text))
    for base, length in ((10, 4300), (10, 4301), (7, 4301), (36, 4301), (16, 5000), (2, 9000)):
        text = "1" + "".join(rng.choice(DIGITS[:base]) for _ in range(length - 1))
        lines.append(parse_line(base, text))
    lines.append(parse_line(10, "0" * 4301))
    for limit in (0, 640):
        for base, length in ((10, 640), (10, 641), (10, 5000), (3, 641), (8, 641)):
            text = "1" + "".join(rng.choice(DIGITS[:base]) for _ in range(length - 1))
            lines.append(parse_line(base, text, limit))


def record():
    rng = random.Random(SEED)
    values = Values(rng)
    lines = [f"# Recorded by scripts/record_bigint_cases.py (seed {SEED}) from CPython "
             f"{sys.version.split()[0]}; do not edit."]
    for section in (record_arithmetic, record_division, record_powers, record_bits,
                    record_floats, record_hashes, record_strings):
        lines.append(f"# {section.__name__}")
        section(values, rng, lines)
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("cases", nargs="?", default=str(DEFAULT_FILE))
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 11):
        sys.exit("record with CPython 3.11, the oracle")
    text = record()
    path = pathlib.Path(args.cases)
    if args.check:
        if path.read_text() != text:
            sys.exit(f"{path} differs from what CPython records now")
        print(f"{path}: up to date")
        return
    path.write_text(text)
    cases = sum(1 for line in text.splitlines() if not line.startswith("#"))
    print(f"{path}: {cases} cases")


if __name__ == "__main__":
    main()
