#!/usr/bin/env python3
"""Record what CPython 3.11's random module gives for seeded calls, for the random core test.

CPython is the oracle (DESIGN.md, Tests): every expected value in the file is what
random.Random (or hashlib.sha512) returned, recorded by this script, never written by hand.
The cases themselves (seeds, operations, arguments) are listed below in this script.

Usage
    python3 scripts/record_random_cases.py [--check] [CASES.txt]

    CASES.txt  default: tests/unit/data/random_cases.txt
    --check    record again and compare with the file; exit 1 if anything differs

The file (UTF-8; lines starting with # are comments), one case a line
    SEED | OPERATION ARGUMENTS => RESULTS ; after AFTER
    sha512 | INPUT => DIGEST

  SEED is `int HEX` (Python's hex() of a signed int), `str HEX` (the str's UTF-8 bytes,
  which is what seed(str) hashes) or `bytes HEX`; an empty str or bytes is `-`. Each case
  starts from a fresh random.Random(seed), runs OPERATION with ARGUMENTS (below) and then
  draws one random(), AFTER, so the test also checks how much of the stream was consumed.
  RESULTS are the values returned, space-separated, or `!ExceptionClass message` when the
  call raised (then the values returned before the raise are not listed).
  INPUT and DIGEST are hex; INPUT `-` is empty.

Formats: floats are float.hex(); ints up to 64 bits are decimal; ints of getrandbits and
_randbelow are hex(); bytes are hex. Lists of numbers in ARGUMENTS are comma-separated.

Operations (N: how many calls in a row)
    random N                          random()
    getrandbits K N                   getrandbits(K)
    randbytes K                       randbytes(K)
    randbelow HEX N                   _randbelow(n)
    randrange STOP N                  randrange(STOP)
    randrange START STOP STEP N       randrange(START, STOP, STEP)
    randint A B N                     randint(A, B)
    choice SIZE N                     choice(range(SIZE))
    shuffle SIZE                      x = list(range(SIZE)); shuffle(x); x
    sample SIZE K                     sample(range(SIZE), K)
    sample_counts K COUNTS            sample(range(len(COUNTS)), K, counts=COUNTS)
    choices SIZE K                    choices(range(SIZE), k=K)
    choices_weights SIZE K WEIGHTS    choices(range(SIZE), weights=WEIGHTS, k=K)
    choices_cum SIZE K CUMULATIVE     choices(range(SIZE), cum_weights=CUMULATIVE, k=K)
    uniform A B N  |  triangular LOW HIGH MODE N (MODE `none`: omitted)
    gauss MU SIGMA N  |  normalvariate MU SIGMA N  |  lognormvariate MU SIGMA N
    expovariate LAMBD N  |  vonmisesvariate MU KAPPA N  |  gammavariate ALPHA BETA N
    betavariate ALPHA BETA N  |  paretovariate ALPHA N  |  weibullvariate ALPHA BETA N
    mixed N                           N rounds of: gauss(), randint(1, 6), gauss(),
                                      random(), choice(range(10)) — gauss's saved value
                                      outlives the other calls
    reseed_gauss                      gauss(); seed(SEED) again; gauss(): seeding forgets
                                      the saved value
"""

import argparse
import hashlib
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FILE = os.path.join(ROOT, "tests", "unit", "data", "random_cases.txt")

SEEDS = [0, 1, 42, 2**32, 2**64 + 5, -7,
         int("31415926535897932384626433832795028841971693993751"
             "05820974944592307816406286208998628034825342117067"),
         "hello", "", "ünïcode", b"\x00\xffbytes", b""]
# Seeds that get every case; the others get a shorter list.
FULL_SEEDS = [0, 42, 2**64 + 5, "hello"]


def render(value):
    if isinstance(value, float):
        return value.hex()
    if isinstance(value, bool):
        raise TypeError("bool result")
    if isinstance(value, int):
        return str(value) if -2**63 <= value < 2**63 else hex(value)
    if isinstance(value, bytes):
        return value.hex() or "-"
    raise TypeError(f"cannot render {value!r}")


def hex_float_list(values):
    return ",".join(v.hex() if isinstance(v, float) else str(v) for v in values)


def argument(value):
    if value is None:
        return "none"
    if isinstance(value, float):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return hex_float_list(value) or "-"
    return str(value)


def seed_text(seed):
    if isinstance(seed, int):
        return f"int {hex(seed)}"
    if isinstance(seed, str):
        return f"str {seed.encode().hex() or '-'}"
    return f"bytes {seed.hex() or '-'}"


def repeat(call, count):
    return lambda r: [call(r) for _ in range(count)]


def shuffled(size):
    def run(r):
        items = list(range(size))
        r.shuffle(items)
        return items
    return run


def mixed(rounds):
    def run(r):
        out = []
        for _ in range(rounds):
            out += [r.gauss(), r.randint(1, 6), r.gauss(), r.random(), r.choice(range(10))]
        return out
    return run


def reseed_gauss(seed):
    def run(r):
        first = r.gauss()
        r.seed(seed)
        return [first, r.gauss()]
    return run


def f(value):
    return float(value)


def cases_for(seed, full):
    """(operation text, function of a Random returning a list of results) pairs."""
    cases = [("random 12", repeat(lambda r: r.random(), 12))]
    bit_counts = range(1, 101) if full else [1, 7, 31, 32, 33, 53, 63, 64, 65, 96, 100]
    for k in bit_counts:
        cases.append((f"getrandbits {k} 3", repeat(lambda r, k=k: r.getrandbits(k), 3)))
    cases.append(("getrandbits 0 2", repeat(lambda r: r.getrandbits(0), 2)))
    cases.append(("getrandbits 1000 1", repeat(lambda r: r.getrandbits(1000), 1)))
    for k in [-1, 2**31, -2**40]:
        cases.append((f"getrandbits {k} 1", repeat(lambda r, k=k: r.getrandbits(k), 1)))
    for n in [0, 1, 5, 9, 33, -1, 2**28, 2**61]:
        cases.append((f"randbytes {n}", lambda r, n=n: [r.randbytes(n)]))
    for n in [1, 2, 3, 6, 1000, 2**32, 2**32 + 1, 2**63 + 3, 2**64 - 1, 2**64, 3**50, 10**40]:
        cases.append((f"randbelow {hex(n)} 6", repeat(lambda r, n=n: r._randbelow(n), 6)))
    for stop in [1, 2, 10, 1000, 2**40, 0, -5]:
        cases.append((f"randrange {stop} 8", repeat(lambda r, s=stop: r.randrange(s), 8)))
    ranges = [(0, 10, 1), (5, 6, 1), (-10, 10, 3), (10, -10, -3), (100, 0, -1), (0, 100, 7),
              (0, 0, 1), (5, 1, 1), (0, 10, 0), (10, 0, 2), (0, 10, -2), (3, 3, -1),
              (-2**63, 2**63 - 1, 1), (-2**63, 2**63 - 1, 2**62), (2**63 - 1, -2**63, -5),
              (-2**63, 2**63 - 1, -1)]
    for start, stop, step in ranges:
        cases.append((f"randrange {start} {stop} {step} 8",
                      repeat(lambda r, a=start, b=stop, c=step: r.randrange(a, b, c), 8)))
    for low, high in [(1, 6), (0, 0), (-100, 100), (5, 3), (0, 2**40),
                      (-2**63, 2**63 - 1), (2**63 - 2, 2**63 - 1)]:
        cases.append((f"randint {low} {high} 8",
                      repeat(lambda r, a=low, b=high: r.randint(a, b), 8)))
    for size in [1, 2, 10, 1000, 0]:
        cases.append((f"choice {size} 10", repeat(lambda r, s=size: r.choice(range(s)), 10)))
    for size in [0, 1, 2, 5, 10, 52, 200]:
        cases.append((f"shuffle {size}", shuffled(size)))
    samples = [(10, 0), (10, 3), (10, 10), (21, 5), (22, 5), (26, 6), (27, 6), (100, 6),
               (100, 20), (1000, 5), (1000, 50), (1000, 300), (1000, 1000), (10**12, 10),
               (85, 7), (86, 7), (5, 6), (5, -1), (0, 0)]
    for size, k in samples:
        cases.append((f"sample {size} {k}", lambda r, n=size, k=k: r.sample(range(n), k)))
    counts_cases = [(5, [1, 2, 3]), (3, [0, 0, 5, 1]), (1, [0, 0]), (2, []), (4, [2, -1, 3]),
                    (0, [1]), (7, [3, 3]), (3, [2**62, 2**62, 2**62 - 1]),
                    (1, [2**62, 2**62])]
    for k, counts in counts_cases:
        cases.append((f"sample_counts {k} {argument(counts)}",
                      lambda r, k=k, c=counts: r.sample(range(len(c)), k, counts=c)))
    for size, k in [(1, 3), (10, 12), (1000, 5), (3, 0), (3, -2), (0, 0), (0, 3)]:
        cases.append((f"choices {size} {k}", lambda r, n=size, k=k: r.choices(range(n), k=k)))
    weighted = [(3, 10, [1.0, 2.0, 3.0]), (4, 8, [0.0, 1.0, 0.0, 5.5]),
                (3, 6, [1e-300, 1e300, 1.0]), (2, 3, [1.0]), (0, 2, []), (2, 3, [0.0, 0.0]),
                (2, 3, [float("inf"), 1.0]), (2, 3, [-1.0, 3.0]), (3, 0, [1.0, 1.0, 1.0]),
                (5, 7, [0.1, 0.2, 0.3, 0.4, 0.5]), (2, 2, [float("nan"), 1.0])]
    for size, k, weights in weighted:
        weights = [f(w) for w in weights]
        cases.append((f"choices_weights {size} {k} {argument(weights)}",
                      lambda r, n=size, k=k, w=weights: r.choices(range(n), w, k=k)))
    for size, k, cumulative in [(3, 10, [1.0, 3.0, 6.0]), (3, 5, [2.0, 1.0, 4.0]),
                                (2, 3, [0.0, 0.0]), (1, 4, [float("nan")])]:
        cases.append((f"choices_cum {size} {k} {argument(cumulative)}",
                      lambda r, n=size, k=k, c=cumulative: r.choices(range(n), cum_weights=c,
                                                                    k=k)))
    for low, high in [(0.0, 1.0), (-5.5, 10.25), (3.0, 3.0), (10.0, -10.0), (1e308, -1e308)]:
        cases.append((f"uniform {argument(low)} {argument(high)} 6",
                      repeat(lambda r, a=low, b=high: r.uniform(a, b), 6)))
    for low, high, mode in [(0.0, 1.0, None), (0.0, 10.0, 2.5), (5.0, 5.0, 5.0),
                            (5.0, 5.0, None), (10.0, 0.0, 1.0), (0.0, 1.0, 3.0)]:
        cases.append((f"triangular {argument(low)} {argument(high)} {argument(mode)} 6",
                      repeat(lambda r, a=low, b=high, c=mode: r.triangular(a, b, c), 6)))
    distributions = [
        ("gauss", (0.0, 1.0), 11), ("gauss", (100.0, 15.0), 6),
        ("normalvariate", (0.0, 1.0), 10), ("normalvariate", (-3.0, 0.5), 5),
        ("lognormvariate", (0.0, 1.0), 5), ("lognormvariate", (1000.0, 1.0), 1),
        ("expovariate", (1.0,), 8), ("expovariate", (-0.5,), 4), ("expovariate", (0.0,), 1),
        ("vonmisesvariate", (0.0, 0.0), 3), ("vonmisesvariate", (1.0, 4.0), 6),
        ("vonmisesvariate", (-7.0, 0.5), 6),
        ("gammavariate", (0.5, 2.0), 8), ("gammavariate", (1.0, 3.0), 4),
        ("gammavariate", (5.5, 1.0), 8), ("gammavariate", (0.0, 1.0), 1),
        ("gammavariate", (2.0, -1.0), 1),
        ("betavariate", (2.0, 5.0), 6), ("betavariate", (0.3, 0.7), 6),
        ("betavariate", (2.0, 0.0), 1),
        ("paretovariate", (3.0,), 6), ("paretovariate", (0.0,), 1),
        ("paretovariate", (1e-300,), 1),
        ("weibullvariate", (1.0, 1.5), 6), ("weibullvariate", (2.0, 0.0), 1),
    ]
    for name, args, count in distributions:
        text = " ".join(argument(a) for a in args)
        cases.append((f"{name} {text} {count}",
                      repeat(lambda r, m=name, a=args: getattr(r, m)(*a), count)))
    cases.append(("mixed 4", mixed(4)))
    cases.append(("reseed_gauss", reseed_gauss(seed)))
    return cases


def record():
    lines = ["# Recorded by scripts/record_random_cases.py from CPython "
             f"{sys.version.split()[0]}; do not edit by hand."]
    for seed in SEEDS:
        for operation, run in cases_for(seed, seed in FULL_SEEDS):
            generator = random.Random(seed)
            try:
                results = " ".join(render(v) for v in run(generator))
            except (ValueError, IndexError, ZeroDivisionError, OverflowError) as error:
                results = f"!{type(error).__name__} {error}"
            after = generator.random().hex()
            lines.append(f"{seed_text(seed)} | {operation} => {results} ; after {after}")
    pattern = bytes(range(256)) * 5
    inputs = [b"", b"abc", "ünïcode".encode(), pattern[:111], pattern[:112], pattern[:127],
              pattern[:128], pattern[:129], pattern[:239], pattern[:240], pattern[:256],
              pattern[:1000]]
    for data in inputs:
        lines.append(f"sha512 | {data.hex() or '-'} => {hashlib.sha512(data).hexdigest()}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", default=DEFAULT_FILE)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = record()
    if args.check:
        with open(args.file, encoding="utf-8") as file:
            if file.read() != text:
                print(f"{args.file} differs from what CPython records now", file=sys.stderr)
                return 1
        return 0
    with open(args.file, "w", encoding="utf-8") as file:
        file.write(text)
    print(f"wrote {text.count(chr(10)) - 1} cases to {args.file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
