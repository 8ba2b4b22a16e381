#!/usr/bin/env python3
"""Record what CPython 3.11 prints for calls into sys, math, random and json, for
tests/unit/test_stdlib_modules.cpp.

CPython is the oracle (DESIGN.md, Tests): every expected output in the file is what this
script saw CPython print; the cases (one-line programs) are listed below.

Usage
    python3 scripts/record_stdlib_cases.py [--check] [CASES.txt]

    CASES.txt  default: tests/unit/data/stdlib_cases.txt
    --check    record again and compare with the file; exit 1 if anything differs

The file (UTF-8): comment lines start with '#'; then blocks separated by blank lines.
The first block is the prelude, run before every case:
    prelude
    | LINE OF SOURCE ...
Every other block is one case: its program (a first line, then continuation lines), then
what CPython printed, one '| '-prefixed line per output line:
    >>> FIRST LINE OF PROGRAM
    ... NEXT LINE OF PROGRAM
    | OUTPUT LINE ...
Each case runs as its own program (prelude + PROGRAM) under the name main.py with
sys.argv == ['main.py']. show(thunk) prints repr(thunk()) or "ExceptionClass: message", so
floats are compared by their repr (bit for bit). A case ending in an uncaught SystemExit
prints "exit status CODE" last.
"""
import pathlib
import subprocess
import sys
import tempfile

DEFAULT_PATH = pathlib.Path(__file__).resolve().parent.parent / "tests/unit/data/stdlib_cases.txt"

PRELUDE = """\
import json, math, random, sys
def show(thunk):
    try:
        print(repr(thunk()))
    except Exception as error:
        print(f"{type(error).__name__}: {error}")"""

MATH = """
math.pi
math.e
math.tau
math.inf
-math.inf
math.nan
math.sqrt(2)
math.sqrt(16)
math.sqrt(-1)
math.sqrt('a')
math.sqrt()
math.sqrt(2 ** 2000)
math.exp(1)
math.exp(1000)
math.exp(-1000)
math.log(10)
math.log(0)
math.log(-1)
math.log(8, 2)
math.log(100, 10)
math.log(10, 1)
math.log(2 ** 2000)
math.log(10 ** 400, 10)
math.log(-(2 ** 2000))
math.log('x')
math.log2(1024)
math.log2(3)
math.log2(0)
math.log10(1000)
math.log10(2 ** 5000)
math.log1p(1e-10)
math.expm1(1e-10)
math.pow(2, 10)
math.pow(2, 0.5)
math.pow(0, -1)
math.pow(-1, 0.5)
math.pow(10, 400)
math.pow(math.inf, 0)
math.pow(1)
math.fabs(-3)
math.fabs(-0.0)
math.floor(-2.5)
math.floor(3)
math.floor(2 ** 70)
math.floor(1e300)
math.floor(math.inf)
math.floor(math.nan)
math.floor('a')
math.ceil(-2.5)
math.ceil(2.1)
math.trunc(-2.7)
math.trunc(7)
math.trunc('a')
math.factorial(0)
math.factorial(20)
math.factorial(30)
math.factorial(-1)
math.factorial(2.0)
math.factorial(True)
math.gcd(48, 18)
math.gcd()
math.gcd(0, 0)
math.gcd(-12, 18, 30)
math.gcd(2 ** 100, 6 ** 50)
math.gcd(1.5)
math.lcm(4, 6)
math.lcm()
math.lcm(0, 5)
math.lcm(-4, 6, 10)
math.comb(10, 3)
math.comb(3, 5)
math.comb(100, 50)
math.comb(-1, 2)
math.comb(5, -1)
math.comb(5.0, 2)
math.perm(5, 2)
math.perm(5)
math.perm(5, 7)
math.perm(-1)
math.perm(5, -1)
math.isqrt(99)
math.isqrt(0)
math.isqrt(2 ** 64)
math.isqrt(10 ** 40 + 12345)
math.isqrt(-1)
math.isqrt(2.0)
math.prod([1, 2, 3, 4])
math.prod([])
math.prod([1, 2], start=2)
math.prod([1.5, 2])
math.prod('ab')
math.fsum([0.1] * 10)
math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
math.fsum([1e-16, 1, 1e16])
math.fsum([math.inf, -math.inf])
math.fsum([1e308, 1e308])
math.fsum([math.inf, 1])
math.fsum([])
math.hypot(3, 4)
math.hypot()
math.hypot(1, 2, 3)
math.hypot(1e-320, 1e-320)
math.hypot(math.inf, math.nan)
math.hypot(0.1, 0.2, 0.3, 0.4)
math.dist((0, 0), (3, 4))
math.dist([1, 2, 3], [4, 5, 6.5])
math.dist([1], [1, 2])
math.sin(0)
math.sin(1)
math.sin(math.inf)
math.cos(1)
math.tan(1)
math.asin(0.5)
math.acos(2)
math.acos(0.3)
math.atan(1)
math.atan2(1, -1)
math.atan2(-0.0, -1)
math.sinh(1)
math.sinh(1000)
math.cosh(1000)
math.tanh(0.5)
math.asinh(1)
math.acosh(2)
math.atanh(1)
math.atanh(0.5)
math.degrees(math.pi)
math.degrees(True)
math.radians(180)
math.isclose(0.1 + 0.2, 0.3)
math.isclose(1, 1.1)
math.isclose(1, 1.05, rel_tol=0.1)
math.isclose(0, 1e-10, abs_tol=1e-9)
math.isclose(1, 2, rel_tol=-1)
math.isclose(math.inf, math.inf)
math.isfinite(1e308)
math.isinf(-math.inf)
math.isinf(2 ** 2000)
math.isnan(math.nan)
math.copysign(3, -0.0)
math.copysign(1, math.nan)
math.fmod(-7, 3)
math.fmod(7, math.inf)
math.fmod(1, 0)
math.modf(-1.5)
math.modf(math.inf)
math.frexp(8.0)
math.frexp(0.0)
math.ldexp(0.5, 4)
math.ldexp(1.0, 10000)
math.ldexp(1.0, -10000)
math.ldexp(1.0, 2.0)
math.erf(0.5)
math.erfc(0.5)
math.cbrt(27)
math.exp2(10)
math.remainder(7, 3)
math.nextafter(1.0, 2.0)
math.ulp(1.0)
math.ulp(0.0)
type(math.floor(2.5)).__name__
math.squareroot(4)
math.ceil(2 ** 70)
math.fsum([2 ** 70, 1, -2 ** 70])
math.fsum([2 ** 1100])
math.prod([1, 2], start=1.5)
math.gcd(True, 4)
math.comb(1000, 500) % 1000007
math.isqrt(10 ** 200)
math.log(True)
math.pow(-0.0, -1)
math.pow(-8, 1 / 3)
math.pow(math.nan, 0)
math.pow(1, math.nan)
math.isfinite(10 ** 400)
math.factorial(100)
math.perm(20, 10)
math.lcm(2 ** 64, 3 ** 40)
math.gcd(-2 ** 63, 2 ** 62)
math.hypot(*range(20))
math.dist((1.5, 2.5), (-3, 7))
[math.hypot(x * 0.1, 0.7) for x in range(5)]
math.log(10 ** 400)
math.log2(2 ** 3000)
math.log(2 ** 1024 - 1)
math.atan2(math.inf, math.inf)
math.ldexp(3, -1075)
math.frexp(-1e-310)
math.modf(2 ** 60)
math.copysign(2 ** 60, -1)
math.fmod(-0.0, 1)
math.exp(710)
math.exp(math.inf)
math.exp(-math.inf)
math.sqrt(math.inf)
math.cos(math.inf)
math.isclose(1e-300, 0)
math.isclose(a=1, b=1)
math.isclose(1, 1, 1)
math.prod(range(1, 25))
math.trunc(-0.0)
math.floor(-0.5)
math.cbrt(-8)
math.ulp(-math.inf)
math.ulp(1e308)
math.ulp(5e-324)
math.remainder(math.inf, 1)
"""

MATH_OTHER = """
class F: ⏎    def __floor__(self): return "floor!" ⏎    def __ceil__(self): return "ceil!" ⏎    def __trunc__(self): return "trunc!" ⏎show(lambda: (math.floor(F()), math.ceil(F()), math.trunc(F())))
class G: ⏎    def __float__(self): return 2.5 ⏎show(lambda: (math.floor(G()), math.ceil(G()), math.sqrt(G()))) ⏎show(lambda: math.trunc(G()))
class H: ⏎    def __index__(self): return 7 ⏎show(lambda: (math.factorial(H()), math.gcd(H(), 14), math.isqrt(H()), math.comb(H(), 2), math.sqrt(H())))
class MyFloat(float): pass ⏎show(lambda: (math.floor(MyFloat(2.5)), math.fabs(MyFloat(-1))))
"""

RANDOM_SEEDS = ["0", "1", "42", "2 ** 70", "-5", "'hello'", "b'bytes seed'", "3.5", "''"]
RANDOM_CALLS = [
    "[random.random() for _ in range(3)]",
    "[random.randint(1, 6) for _ in range(10)]",
    "[random.randrange(10) for _ in range(5)]",
    "[random.randrange(5, 10) for _ in range(5)]",
    "[random.randrange(0, 100, 10) for _ in range(5)]",
    "[random.randrange(10, 0, -3) for _ in range(5)]",
    "random.randrange(2 ** 80)",
    "random.randrange(-2 ** 70, 2 ** 70, 3)",
    "random.getrandbits(32)",
    "random.getrandbits(100)",
    "[random.choice('abcdef') for _ in range(5)]",
    "random.choices(range(10), k=5)",
    "random.choices('abc', weights=[10, 1, 1], k=6)",
    "random.choices('abc', cum_weights=[1, 2, 3], k=4)",
    "random.sample(range(100), 5)",
    "random.sample('abcdef', 3)",
    "random.sample(['x', 'y'], 3, counts=[2, 3])",
    "[random.uniform(1, 10) for _ in range(3)]",
    "[random.triangular(0, 10, 3) for _ in range(3)]",
    "[random.gauss(0, 1) for _ in range(4)]",
    "[random.normalvariate(5, 2) for _ in range(3)]",
    "[random.expovariate(1.5) for _ in range(3)]",
    "[random.gammavariate(2.0, 3.0) for _ in range(3)]",
    "[random.betavariate(2, 5) for _ in range(2)]",
    "random.randbytes(5)",
]
RANDOM_OTHER = """
random.seed(99); x = list(range(10)); random.shuffle(x); show(lambda: x)
random.seed(7); show(lambda: (random.random(), random.getrandbits(8), random.random()))
r = random.Random(1); s = random.Random(1); show(lambda: (r.random() == s.random(), r.randint(0, 1000)))
r = random.Random(5); state = r.getstate(); x = r.random(); r.setstate(state); show(lambda: r.random() == x)
show(lambda: random.choice([]))
show(lambda: random.randrange(5, 5))
show(lambda: random.randrange(5, 1))
show(lambda: random.randint(5, 1))
show(lambda: random.randrange(1, 2, 0))
show(lambda: random.randrange(10, step=2))
show(lambda: random.randrange(1.5))
show(lambda: random.sample([1, 2], 3))
show(lambda: random.sample({1, 2}, 1))
show(lambda: random.choices([1, 2], [1]))
show(lambda: random.choices([1, 2], [0, 0]))
show(lambda: random.choices([1, 2], 2))
show(lambda: random.choices([1, 2], weights=[1, 1], cum_weights=[1, 2]))
show(lambda: random.getrandbits(-1))
show(lambda: random.seed([1]))
show(lambda: random.expovariate(0))
show(lambda: random.gammavariate(-1, 1))
random.seed(3); show(lambda: random.triangular(1, 1, 1))
show(lambda: type(random.Random()).__name__)
class MyRandom(random.Random): ⏎    def __init__(self, x, extra): ⏎        super().__init__(x) ⏎        self.extra = extra ⏎r = MyRandom(5, "e") ⏎show(lambda: (r.random(), r.extra, type(r).__name__, isinstance(r, random.Random)))
class Bare(random.Random): pass ⏎show(lambda: Bare(9).randint(1, 100))
show(lambda: random.Random(3).choices([], k=0))
show(lambda: random.Random(3).choices([], k=2))
show(lambda: random.Random(3).choices([1, 2], k=-1))
show(lambda: random.Random(3).sample([], 0))
show(lambda: random.Random(3).sample(range(10 ** 6), 3))
show(lambda: random.Random(3).sample(("a", "b", "c"), k=3))
show(lambda: random.Random(3).sample("abc", 2, counts=[1, 0, 5]))
show(lambda: random.Random(3).sample("abc", 2, counts=[1, 0]))
show(lambda: random.Random(3).choice(range(100)))
show(lambda: random.Random(3).choice({}))
show(lambda: random.Random(3).randrange(-10, -2))
show(lambda: random.Random(3).randrange(10, 2, -2))
show(lambda: random.Random(3).randrange(2 ** 64))
show(lambda: random.Random(3).randrange(2 ** 64 - 1))
show(lambda: random.Random(3).randint(-2 ** 65, 2 ** 65))
show(lambda: random.Random(3).randint(True, 5))
show(lambda: random.Random(3).randrange(2.0, 10.0))
show(lambda: [random.Random(3).getrandbits(n) for n in (0, 1, 31, 32, 33, 63, 64, 65, 200)])
show(lambda: random.Random(-3).random() == random.Random(3).random())
show(lambda: [random.Random(seed).random() for seed in (2 ** 100, -2.5, 0.0, b"", "é", True, 2 ** 64 - 1, -2 ** 64)])
show(lambda: random.Random(3).uniform(5, 1))
show(lambda: random.Random(3).triangular())
show(lambda: random.Random(3).triangular(1, 1))
show(lambda: random.Random(3).triangular(1, 1, 1.0))
show(lambda: random.Random(3).lognormvariate(0, 1))
show(lambda: random.Random(3).vonmisesvariate(1, 2))
show(lambda: random.Random(3).paretovariate(2))
show(lambda: random.Random(3).weibullvariate(1, 2))
show(lambda: random.Random(3).gauss())
show(lambda: random.Random(3).gauss(mu=5, sigma=0))
class Seq: ⏎    def __init__(self): self.d = list("abcde") ⏎    def __len__(self): return 5 ⏎    def __getitem__(self, i): return self.d[i] ⏎    def __setitem__(self, i, v): self.d[i] = v ⏎s = Seq(); random.Random(4).shuffle(s); show(lambda: s.d)
show(lambda: random.Random(4).shuffle("abc"))
show(lambda: random.Random(4).choices(population=[1, 2, 3], k=2))
show(lambda: random.Random(4).sample(population=[1, 2, 3], k=2))
show(lambda: random.Random(4).choice(seq=[1]))
show(lambda: random.Random(4).seed(5, version=2))
show(lambda: random.Random(4).random(1))
show(lambda: random.Random(1, 2))
show(lambda: random.Random(x=5).random())
show(lambda: random.Random(4).choices([1, 2, 3], [1, 2, 3], k=5))
show(lambda: random.Random(4).choices([1, 2, 3], cum_weights=(1, 2, 3), k=5))
show(lambda: random.Random(4).choices([1, 2, 3], [1, 2, 3, 4]))
show(lambda: random.Random(4).choices([1], [math.inf]))
show(lambda: random.Random(4).randbytes(0))
show(lambda: random.Random(4).binomialvariate)
show(lambda: random.Random.__name__)
show(lambda: random.Random)
"""

JSON = r"""
json.dumps({"name": "Ada", "langs": ["en", "fr"], "age": 36, "admin": False, "manager": None, "score": 9.5})
json.dumps({"b": 1, "a": 2}, sort_keys=True)
json.dumps({"a": [1, {"b": 2}], "c": {}}, indent=2)
json.dumps([1, [2, {}], []], indent=4)
json.dumps({"a": [1, 2]}, indent=0)
json.dumps([1, [2, []]], indent="\t")
json.dumps({"a": 1, "b": 2}, separators=(",", ":"))
json.dumps({"a": 1}, indent=2, separators=(", ", " = "))
json.dumps({1.5: 1, True: 2, None: 3, 2: 4, False: 5})
json.dumps({(1, 2): 3})
json.dumps({(1, 2): 3, "a": 1}, skipkeys=True)
json.dumps({1: 1, "a": 2}, sort_keys=True)
json.dumps({"s": {1, 2}})
json.dumps(b"x")
json.dumps(float("inf"))
json.dumps([float("nan"), -float("inf")])
json.dumps([float("nan")], allow_nan=False)
json.dumps(2 ** 100)
json.dumps(1e100)
json.dumps(-0.0)
json.dumps(0.1)
json.dumps(1e-7)
json.dumps(True)
json.dumps((1, 2))
json.dumps([])
json.dumps({})
json.dumps("é")
json.dumps("é", ensure_ascii=False)
json.dumps("😀 \u2028 \x7f \x00 \x1f")
json.dumps("😀 \u2028 \x7f \x00 \x1f", ensure_ascii=False)
json.dumps('say "hi"\n\t\\ / \b\f\r')
json.dumps({"city": "Zürich"})
json.dumps({"city": "Zürich"}, ensure_ascii=False)
json.dumps(object(), default=lambda o: "custom")
json.dumps([1, object()], default=lambda o: [o.__class__.__name__])
json.dumps(1, 2)
json.dumps(1, foo=2)
json.loads('{"a": [1, 2.5, -3e2], "b": {"c": null, "d": true, "e": false}, "s": "line\\nnext \\u00e9"}')
json.loads("[]")
json.loads('"plain"')
json.loads("12345678901234567890")
json.loads("-0")
json.loads("1.5e3")
json.loads("1E+2")
json.loads("  [1 , 2 ]  ")
json.loads('"\\ud83d\\ude00"')
json.loads('"\\u00e9\\/\\b"')
json.loads("NaN")
json.loads("[Infinity, -Infinity]")
json.loads('{"a": 1, "a": 2}')
json.loads(b'[1, "x"]')
json.loads(b'\xef\xbb\xbf[1]')
json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items()))
json.loads('{"x": 1, "y": 2}', object_pairs_hook=lambda pairs: pairs)
json.loads('[1.5, 2]', parse_float=str, parse_int=float)
json.loads('NaN', parse_constant=lambda name: name)
json.loads('"a\tb"', strict=False)
json.loads(1)
json.loads("{}", foo=1)
json.loads('{"a": 1,}')
json.loads("[1, 2")
json.loads("")
json.loads('{"a" 1}')
json.loads("nul")
json.loads('{"a": 1}\n  x')
json.loads("[1]\n[2]")
json.loads("[1,]")
json.loads('{"a":1')
json.loads('"abc')
json.loads('"a\x01"')
json.loads('"\\x"')
json.loads('"\\u12"')
json.loads('"\\u12zz"')
json.loads("[1 2]")
json.loads("-")
json.loads("1.")
json.loads("01")
json.loads("tru")
json.loads("\ufeff1")
json.loads("[")
json.loads("{")
json.loads("{1:2}")
json.loads("[" * 100000)
json.dumps({"a": [], "b": {}, "c": [{}]}, indent=2, sort_keys=True)
json.dumps([[]], indent=-1)
json.dumps([1], indent=1.5)
json.dumps([1, 2], separators=(";",))
json.dumps([1, 2], separators=(",", ":", "!"))
json.dumps([1, 2], separators=(1, 2))
json.dumps(object(), default=lambda o: object())
json.dumps([1, {2: 3}], default=str)
json.dumps({"a": 1, 2: 3, None: 4}, sort_keys=False)
json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True)
json.dumps({"x": float("nan")}, allow_nan=False)
json.dumps({float("nan"): 1})
json.dumps({float("inf"): 1}, allow_nan=False)
json.dumps(1e16)
json.dumps(123456789.123456789)
json.dumps(10 ** 5000)
json.dumps({"a": 1}, check_circular=False)
json.dumps(range(3))
json.dumps(None)
json.dumps(1, cls=None)
json.dumps(True, indent=2)
json.loads("\t\n 5 \r")
json.loads('"\\u0041\\u00"')
json.loads('"\\ud83dx"')
json.loads('"\\ud83d\\u0041"')
json.loads('"\\ud83d\\')
json.loads('"abc\\')
json.loads("[1e400, -1e400, 1e-400]")
json.loads("1" * 5000)
json.loads("-a")
json.loads("[-]")
json.loads("[2.]")
json.loads("[1e]")
json.loads("[1e+]")
json.loads("0.5e-3")
json.loads("é")
json.loads('["é", "😀"] x')
json.loads('{"a":1,"b":}')
json.loads('{"a"}')
json.loads('{"a":1 "b":2}')
json.loads("[1,,2]")
json.loads(" ")
json.loads("[] []")
json.loads(b'"\xff"')
json.loads("[" * 900 + "]" * 900) is not None
json.loads('{"__complex__": true}', object_hook=lambda d: "hooked")
json.loads('[{"a": {"b": 1}}]', object_hook=lambda d: len(d))
json.loads('{"a": 1}', object_hook=lambda d: 1 / 0)
json.loads("1.5", parse_float=lambda s: 1 / 0)
json.JSONDecodeError("m", "doc", 1)
"""

JSON_OTHER = r"""
show(lambda: issubclass(json.JSONDecodeError, ValueError))
l = []; l.append(l); show(lambda: json.dumps(l))
d = {}; d["self"] = d; show(lambda: json.dumps(d))
try: json.loads('{\n  "a": 1,\n  "b" 2}') ⏎except json.JSONDecodeError as e: print(e.msg, e.pos, e.lineno, e.colno, repr(e.doc[:5]))
show(lambda: json.loads(json.dumps({1: (1, 2), "nested": {"x": [True, None]}})))
class D(dict): pass ⏎class L(list): pass ⏎class I(int): ⏎    def __repr__(self): return "I!" ⏎class S(str): pass ⏎show(lambda: json.dumps(D(a=L([1, 2])))) ⏎show(lambda: json.dumps({I(3): I(4), S("k"): S("v")}))
def deep(n): ⏎    value = [] ⏎    for _ in range(n): value = [value] ⏎    return value ⏎show(lambda: len(json.dumps(deep(900)))) ⏎show(lambda: len(json.dumps(deep(5000))))
try: json.loads('[1,\n 2\n x]') ⏎except json.JSONDecodeError as e: print(repr(e), e.args, e.msg, e.pos, e.lineno, e.colno, type(e).__module__, type(e).__name__)
class Point: ⏎    def __init__(self, x, y): self.x, self.y = x, y ⏎class PointEncoder(json.JSONEncoder): ⏎    def default(self, o): ⏎        if isinstance(o, Point): return {"x": o.x, "y": o.y} ⏎        return super().default(o) ⏎show(lambda: json.dumps([Point(1, 2)], cls=PointEncoder)) ⏎show(lambda: json.dumps([Point(1, 2)], cls=PointEncoder, indent=2, sort_keys=True)) ⏎show(lambda: json.dumps([object()], cls=PointEncoder)) ⏎show(lambda: json.dumps([1], cls=PointEncoder, foo=1)) ⏎show(lambda: PointEncoder(indent=1).encode({"a": Point(0, 0)}))
show(lambda: json.JSONEncoder().encode({"a": float("nan")}))
class Upper(json.JSONDecoder): ⏎    def decode(self, s): ⏎        return [x.upper() for x in super().decode(s)] ⏎show(lambda: json.loads('["a", "b"]', cls=Upper))
show(lambda: json.JSONDecoder(object_hook=len).decode('{"a": 1, "b": 2}'))
show(lambda: json.loads("[1]", cls=None))
show(lambda: (json.JSONEncoder.__module__, json.JSONDecoder.__module__))
class W: ⏎    def __init__(self): self.parts = [] ⏎    def write(self, s): self.parts.append(s) ⏎    def read(self): return '{"r": [1]}' ⏎w = W(); json.dump({"a": 1}, w); show(lambda: "".join(w.parts)) ⏎show(lambda: json.load(W()))
"""

SYS = """
show(lambda: sys.argv)
show(lambda: sys.maxsize == 2 ** 63 - 1)
show(lambda: sys.version_info[:2])
show(lambda: (sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 8)))
show(lambda: sys.version_info)
show(lambda: sys.version.startswith("3.11"))
show(lambda: sys.getrecursionlimit())
sys.setrecursionlimit(2000); show(lambda: sys.getrecursionlimit())
show(lambda: sys.setrecursionlimit(0))
show(lambda: sys.setrecursionlimit(1.5))
show(lambda: "json" in sys.modules and sys.modules["sys"] is sys)
show(lambda: sys.stdout.write("no newline"))
show(lambda: sys.stdout.write(5))
show(lambda: sys.byteorder)
show(lambda: sys.exit(3))
try: sys.exit("message") ⏎except SystemExit as e: print(repr(e.code), e.args)
try: sys.exit() ⏎except SystemExit as e: print(repr(e.code), e.args)
try: 1 / 0 ⏎except ZeroDivisionError: show(lambda: sys.exc_info()[0].__name__)
show(lambda: sys.exc_info())
show(lambda: sys.stdin.read())
show(lambda: sys.intern("abc"))
show(lambda: (sys.version_info.micro, sys.version_info.releaselevel, sys.version_info.serial, len(sys.version_info), sys.version_info == (3, 11, 7, "final", 0)))
show(lambda: type(sys.version_info).__name__)
show(lambda: (sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig))
show(lambda: (sys.stdout, sys.stderr, sys.stdin))
show(lambda: (sys.stdout.name, sys.stdout.encoding, sys.stdout.mode, sys.stdout.fileno(), sys.stdout.writable(), sys.stdout.readable(), sys.stdout.isatty()))
show(lambda: sys.stdout.flush())
show(lambda: sys.stdout.writelines(["a\\n", "b\\n"]))
show(lambda: (sys.stdin.readline(), sys.stdin.readlines(), sys.stdin.read(5), list(sys.stdin)))
show(lambda: sys.stdin.readline("x"))
show(lambda: sys.getrecursionlimit(1))
show(lambda: sys.setrecursionlimit())
show(lambda: sys.intern(1))
show(lambda: sys.exit(1, 2))
show(lambda: sys.exception())
try: raise KeyError("k") ⏎except KeyError: ⏎    show(lambda: repr(sys.exception())) ⏎    t, v, tb = sys.exc_info() ⏎    show(lambda: (t, v, tb is not None))
class Capture: ⏎    def __init__(self): self.parts = [] ⏎    def write(self, text): self.parts.append(text); return len(text) ⏎saved = sys.stdout ⏎sys.stdout = Capture() ⏎print("captured", 1, 2) ⏎print("more", end="") ⏎captured = sys.stdout.parts ⏎sys.stdout = saved ⏎show(lambda: captured) ⏎sys.stdout = sys.__stdout__ ⏎print("back") ⏎show(lambda: sys.stdout is sys.__stdout__)
def f(n): return f(n + 1) if n < 5000 else n ⏎sys.setrecursionlimit(10000) ⏎show(lambda: f(0))
show(lambda: sys.setrecursionlimit(2 ** 40))
import math ⏎del sys.modules["math"] ⏎import math as math2 ⏎show(lambda: math2 is math)
sys.exit("message to stderr")
"""


# A case is one line of this script; " ⏎" in it starts a new line of the program (written
# to the file as a "... " continuation line).
NEWLINE = " \u23ce"


def cases():
    for expression in MATH.strip().splitlines():
        yield f"show(lambda: {expression})"
    yield from MATH_OTHER.strip().splitlines()
    for seed in RANDOM_SEEDS:
        for call in RANDOM_CALLS:
            yield f"random.seed({seed}); show(lambda: {call})"
    yield from RANDOM_OTHER.strip().splitlines()
    for expression in JSON.strip().splitlines():
        yield f"show(lambda: {expression})"
    yield from JSON_OTHER.strip().splitlines()
    yield from SYS.strip().splitlines()


def run_case(program, directory):
    """What CPython prints for PRELUDE + program, run as `python3 main.py` with empty stdin
    (plus "exit status N" when it exits with a non-zero status)."""
    path = pathlib.Path(directory) / "main.py"
    path.write_text(PRELUDE + "\n" + program + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "main.py"], cwd=directory, capture_output=True,
                            text=True, stdin=subprocess.DEVNULL, check=False)
    status = f"exit status {result.returncode}\n" if result.returncode else ""
    return result.stdout + status


def record():
    lines = [
        "# Recorded by scripts/record_stdlib_cases.py from CPython "
        + sys.version.split()[0] + "; do not edit by hand.",
        "",
        "prelude",
    ]
    lines += ["| " + line for line in PRELUDE.splitlines()]
    with tempfile.TemporaryDirectory() as directory:
        for program in cases():
            program_lines = program.split(NEWLINE)
            lines += ["", ">>> " + program_lines[0]] + ["... " + line for line in program_lines[1:]]
            output = run_case("\n".join(program_lines), directory)
            lines += ["| " + line for line in output.splitlines()]
    return "\n".join(lines) + "\n"


def main():
    arguments = sys.argv[1:]
    check = "--check" in arguments
    paths = [argument for argument in arguments if argument != "--check"]
    path = pathlib.Path(paths[0]) if paths else DEFAULT_PATH
    text = record()
    if check:
        if path.read_text(encoding="utf-8") != text:
            print(f"{path} differs from a fresh recording", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10) + '>>> ')} cases to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
