#!/usr/bin/env python3
"""Records list, tuple, dict, set, frozenset, range and slice behaviour from CPython into
tests/unit/data/container_cases.txt (tests/unit/test_containers.cpp).

Run with CPython 3.11: python3 scripts/record_container_cases.py
(it re-runs itself under PYTHONHASHSEED=0, the hash key our str hashing uses, so sets of
strings iterate in the recorded order).

One case per line, tab-separated, every text field hex-encoded UTF-8:
    case <setup> <expression> => <outcome>
`setup` (statements, may be empty) runs in a fresh function, then `expression` is
evaluated there. Outcome: "ok <repr(result)>" or "error <ExceptionType> <str(e)>".
"""
import os
import subprocess
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    environment = dict(os.environ, PYTHONHASHSEED="0")
    sys.exit(subprocess.call([sys.executable] + sys.argv, env=environment))

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "unit", "data", "container_cases.txt")

L = "a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"

CASES = [
    # list slices: read
    (L, "(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])"),
    (L, "(a[5:2], a[100:], a[-100:2], a[::100], a[::-100], a[3:3], a[:], a[:] is a)"),
    (L, "a[::0]"),
    (L, "a['x':]"),
    (L, "a[1.5]"),
    (L, "(a[slice(2, 4)], a[slice(None, None, -3)], a[True])"),
    (L, "a[10]"),
    (L, "a[-11]"),
    (L, "a[2**70]"),
    (L, "a[2**70:]"),
    (L, "a[-2**70:2]"),
    # list slices: assignment and deletion
    (L + "\na[2:5] = ['x']", "a"),
    (L + "\na[2:2] = [7, 7, 7]", "a"),
    (L + "\na[:] = []", "a"),
    (L + "\na[8:2] = ['in']", "a"),
    (L + "\na[::2] = 'abcde'", "a"),
    (L + "\na[::-3] = [None] * 4", "a"),
    (L + "\na[::2] = [1, 2]", "a"),
    (L + "\na[1:3] = 5", "a"),
    (L + "\na[::2] = 5", "a"),
    (L + "\na[::2] = []", "a"),
    (L + "\na[1:4] = a", "a"),
    (L + "\na[::-1] = a", "a"),
    (L + "\ndel a[2:5]", "a"),
    (L + "\ndel a[::3]", "a"),
    (L + "\ndel a[::-2]", "a"),
    (L + "\ndel a[7:1:-2]", "a"),
    (L + "\ndel a[:]", "a"),
    (L + "\ndel a[5:1]", "a"),
    (L + "\ndel a[-1]", "a"),
    (L + "\ndel a[10]", "a"),
    (L + "\na[10] = 1", "a"),
    (L + "\na[-1] = 'last'", "a"),
    (L + "\na['k'] = 1", "a"),
    # list operators
    ("", "[1, 2] + [3]"),
    ("", "[1] + (2,)"),
    ("", "[1] + 'ab'"),
    ("", "[1, 2] * 3"),
    ("", "3 * [1, 2]"),
    ("", "[1] * -2"),
    ("", "[1] * 0"),
    ("", "[] * 5"),
    ("", "[1] * 2.0"),
    ("", "2.0 * [1]"),
    ("", "[1] * [2]"),
    ("", "[0] * (2 ** 62)"),
    ("", "[0] * (2 ** 100)"),
    ("", "[True] * True"),
    ("a = [1]\nb = a\na += (2, 3)\na += 'xy'", "(a, a is b)"),
    ("a = [1]\na += 5", "a"),
    ("a = [1, 2]\nb = a\na *= 2", "(a, a is b)"),
    ("a = [1, 2]\na *= 0", "a"),
    ("a = [1, 2]\na *= 'x'", "a"),
    ("class R:\n    def __radd__(self, other):\n        return 'radd'\n    def __rmul__(self, other):\n        return 'rmul'",
     "([1] + R(), [1] * R(), (1,) + R(), (1,) * R())"),
    # list comparisons and repr
    ("", "([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [1] != [1], [] <= [])"),
    ("", "[1] < ['a']"),
    ("", "([1] == (1,), [1] != (1,))"),
    ("", "[1] < (1,)"),
    ("a = [1]\na.append(a)", "repr(a)"),
    ("a = [1]\nb = [a]\na.append(b)", "repr(a)"),
    ("d = {}\nd['self'] = d", "repr(d)"),
    ("d = {}\nd[1] = [d]", "repr(d)"),
    ("a = []\nt = (a,)\na.append(t)", "(repr(a), repr(t))"),
    ("", "repr([1, [2, (3, {'k': {4}})]])"),
    ("", "repr(((1,), [()], [{}], {(): []}))"),
    ("", "str([1, 'a', None, 2.5])"),
    ("a = []\nfor i in range(5000):\n    a = [a]", "len(repr(a)) > 0"),
    ("a = []\nb = []\nfor i in range(5000):\n    a = [a]\n    b = [b]", "a == b"),
    # list methods
    ("a = [1, 2]\na.insert(0, 'x')\na.insert(100, 'end')\na.insert(-1, 'm')\na.insert(-100, 'first')", "a"),
    ("a = []", "a.insert(0)"),
    ("a = []", "a.insert('x', 1)"),
    ("a = [1, 2, 1]\na.remove(1)", "a"),
    ("a = [1]", "a.remove(5)"),
    ("a = [1, 2, 3]", "(a.pop(), a.pop(0), a)"),
    ("a = []", "a.pop()"),
    ("a = [1]", "a.pop(5)"),
    ("a = [1]", "a.pop(-2)"),
    ("a = [1]", "a.pop('x')"),
    ("a = [1, 2, 3, 2]", "(a.index(2), a.index(2, 2), a.index(3, -2), a.index(2, 0, 2))"),
    ("a = [1, 2]", "a.index(5)"),
    ("a = [1, 2]", "a.index('x')"),
    ("a = [1, 2]", "a.index(2, 0, 1)"),
    ("a = [1, 2]", "a.index()"),
    ("a = [1, 2, 1, 1.0, True]", "(a.count(1), a.count(2), a.count('x'))"),
    ("a = [1, 2, 3]\na.reverse()", "a"),
    ("a = [3, 1, 2]\na.sort()", "a"),
    ("a = ['bb', 'a', 'ccc']\na.sort(key=len, reverse=True)", "a"),
    ("a = [(1, 'b'), (0, 'a'), (1, 'a')]\na.sort(key=lambda p: p[0])", "a"),
    ("a = [3, 1]", "a.sort(lambda x: x)"),
    ("a = [3, 'a']", "a.sort()"),
    ("a = [3, 1]", "a.sort(bogus=1)"),
    ("a = [1, 2]\nb = a.copy()\nb.append(3)", "(a, b)"),
    ("a = [1, 2]\na.clear()", "a"),
    ("a = [1]\na.extend(range(3))\na.extend('ab')", "a"),
    ("a = [1]", "a.extend(5)"),
    ("a = [1, 2]\na.extend(a)", "a"),
    ("", "list.append([], 1, 2)"),
    ("", "sorted([3, 1, 2], reverse=True)"),
    ("", "sorted('bca')"),
    ("", "sorted([1], bogus=1)"),
    ("", "sum([[1], [2]], [])"),
    # tuples
    ("t = (0, 1, 2, 3, 4, 5)", "(t[1:3], t[::-1], t[::2], t[-2:], t[10:], t[:] is t)"),
    ("t = (1, 2)", "t[5]"),
    ("t = (1, 2)", "t['x']"),
    ("t = (1, 2)", "t[::0]"),
    ("", "((1, 2) + (3,), (1,) * 3, 2 * (1, 2), () * 5, (1,) * -1)"),
    ("", "(1,) + [2]"),
    ("", "(1,) * 1.5"),
    ("t = (1, 2, 1, 1)", "(t.count(1), t.count(5), t.index(2), t.index(1, 1), t.index(1, -1))"),
    ("t = (1, 2)", "t.index(9)"),
    ("t = (1, 2)", "t.index(1, 1)"),
    ("", "((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (1,) == (1,), () < (0,))"),
    ("", "(repr(()), repr((1,)), repr((1, 'a')), repr(((),)))"),
    ("", "(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))))"),
    ("", "hash((1, []))"),
    ("", "tuple.count((1,))"),
    # dicts
    ("d = {'a': 1}", "(d.get('a'), d.get('z'), d.get('z', 0))"),
    ("d = {'a': 1}", "(d.setdefault('b', 2), d.setdefault('a', 99), d.setdefault('c'), d)"),
    ("d = {'a': 1}", "(d.pop('a'), d.pop('zz', 'default'), d)"),
    ("d = {'a': 1}", "d.pop('missing')"),
    ("d = {'a': 1}", "d.pop()"),
    ("d = {'a': 1}\nd.update({'c': 3}, d2=4)\nd.update([('e', 5)])\nd.update(f=6)", "d"),
    ("d = {}", "d.update([1])"),
    ("d = {}", "d.update([(1, 2, 3)])"),
    ("d = {}", "d.update({}, {})"),
    ("d = {}", "d.update(5)"),
    ("d = {'a': 1, 'b': 2, 'c': 3}", "(d.popitem(), d.popitem(), d)"),
    ("d = {'a': 1, 'b': 2}\nd.popitem()\nd['z'] = 26", "(list(d), d.popitem())"),
    ("d = {}", "d.popitem()"),
    ("", "(dict.fromkeys('xy', 0), dict.fromkeys([1, 2]), {}.fromkeys('a'))"),
    ("class D(dict):\n    pass", "type(D.fromkeys('ab')).__name__"),
    ("d = {'a': 1}", "(d.copy() == d, d.copy() is d)"),
    ("d = {'a': 1}\nd.clear()", "d"),
    ("a = {'x': 1, 'y': 2}\nb = {'y': 20, 'z': 30}", "(a | b, b | a, a)"),
    ("a = {'x': 1}\nb = a\na |= {'y': 2}\na |= [('z', 3)]", "(a, a is b)"),
    ("", "{'a': 1} | [('b', 2)]"),
    ("a = {'x': 1}\na |= 5", "a"),
    ("", "(dict(zip('abc', range(3))), dict(a=1, b=2), dict([('k', 'v')]), dict({1: 2}, x=3))"),
    ("", "dict(1, 2)"),
    ("", "dict([[1, 2], 'ab'])"),
    ("d = {'a': 1, 'b': 2}", "(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.items())))"),
    ("d = {'a': 1, 'b': 2}", "({'a': 1} == {'a': 1}, {'a': 1} != {'a': 2}, d == {'b': 2, 'a': 1})"),
    ("", "{'a': 1} < {'a': 2}"),
    ("d = {}", "d['missing']"),
    ("d = {}", "d[[1]]"),
    ("d = {1: 'a', 2: 'b'}", "(repr(d), repr({}), str({'k': [1]}))"),
    ("d = {'a': 1}\nfor k in d:\n    d['b'] = 2", "d"),
    # dict views
    ("d = {'a': 1, 'b': 2}\nkeys = d.keys()\nvalues = d.values()\nitems = d.items()\nd['c'] = 3",
     "(keys, values, items, len(keys), 'a' in keys, 2 in values, ('b', 2) in items, ('b', 3) in items)"),
    ("d = {'a': 1, 'b': 2, 'c': 3}\nkeys = d.keys()", "(keys & {'a', 'z'}, sorted(keys | {'z'}), sorted(keys - {'a'}), sorted(keys ^ {'a', 'q'}))"),
    ("d = {'a': 1, 'b': 2}", "({'a', 'z'} & d.keys(), {'a', 'z'} - d.keys(), sorted({'z'} | d.keys()))"),
    ("d = {'a': 1, 'b': 2}", "(d.keys() == {'a', 'b'}, d.keys() < {'a', 'b', 'c'}, d.keys() >= {'a'}, d.keys() == ['a', 'b'])"),
    ("d = {'a': 1, 'b': 2}", "(d.items() & {('a', 1)}, d.keys().isdisjoint(['x']), d.keys().isdisjoint('a'))"),
    ("d = {'a': 1}", "d.keys() & 5"),
    ("d = {'a': 1}", "d.values() & {1}"),
    ("d = {'a': 1}\nit = iter(d)\nd['b'] = 2", "next(it)"),
    ("", "(type(iter({})).__name__, type(iter({}.values())).__name__, type(reversed({})).__name__)"),
    # sets
    ("a = {1, 2, 3, 4}\nb = {3, 4, 5}", "(a | b, a & b, a - b, a ^ b, b - a, b ^ a)"),
    ("a = {1, 2, 3, 4}\nb = {3, 4, 5}", "(a.union([9]), a.intersection(b), a.issuperset({1, 2}), {1} <= a, {1} < {1}, {1} < a)"),
    ("a = {1, 2, 3}", "(a.union(), a.union([4], (5,)), a.intersection([1, 2], {2, 9}), a.difference([1], [2]), a.symmetric_difference([3, 4]))"),
    ("a = {1, 2, 3}", "(a.issubset([1, 2, 3, 4]), a.issubset([1]), a.issuperset([1, 1]), a.isdisjoint([4]), a.isdisjoint({3}))"),
    ("a = {1, 2, 3}", "(a == {3, 2, 1}, a != {1}, a == [1, 2, 3], a > {1}, a >= a, a < a)"),
    ("", "{1} | [2]"),
    ("", "{1} & 'a'"),
    ("", "{1} < [1]"),
    ("s = set()\ns.add(3)\ns.add(1)\ns.add(3)\ns.update([2, 5], (7,))\ns.discard(100)\ns.remove(5)", "(s, len(s), 3 in s)"),
    ("s = {1}", "s.remove(100)"),
    ("s = {1}", "s.add([])"),
    ("s = {1}", "[] in s"),
    ("s = {1, 2, 3}", "(s.pop(), s.pop(), s.pop(), s)"),
    ("s = set()", "s.pop()"),
    ("s = {1, 2, 3, 4}\ns.intersection_update({2, 3, 9})", "s"),
    ("s = {1, 2, 3, 4}\ns.difference_update({2}, [3])", "s"),
    ("s = {1, 2, 3}\ns.symmetric_difference_update([3, 4])", "s"),
    ("s = {1, 2}\nt = s\ns |= {3}\ns &= {1, 3, 4}\ns -= {1}\ns ^= {9}", "(s, s is t)"),
    ("s = {1}\ns |= [2]", "s"),
    ("s = {1, 2}\nc = s.copy()\nc.add(3)\ns.clear()", "(s, c)"),
    ("", "(set(), set('abc') == {'a', 'b', 'c'}, sorted({'b', 'a'}), set([1, 1, 2]))"),
    ("", "set(1)"),
    ("", "set([], [])"),
    ("", "set(x=1)"),
    ("", "{'x', 'y', 'z', 'w'}"),
    ("", "set(range(20, 0, -1))"),
    ("x = -1", "{x, -2, 2 ** 40, 7, 8, 16, 1000}"),
    ("", "set([-1, -2, 2 ** 40, 7, 8, 16, 1000])"),
    ("", "(set(range(100)) - set(range(3, 97)), frozenset([5, 37, 69, 101, 133]) | {1})"),
    ("a = set(range(0, 200, 7))\na -= set(range(0, 200, 3))", "a"),
    ("", "(1,)[2 ** 70]"),
    ("a = set(range(50))\nb = set(range(40, 60))", "(a & b, b - a, a ^ b == b ^ a)"),
    ("a = set(range(100))", "a - {5, 6}"),
    ("s = {1, 2, 3}\nfor x in s:\n    s.add(9)", "s"),
    # frozenset
    ("fs = frozenset([1, 2, 2, 3])", "(fs, len(fs), fs == {1, 2, 3}, {fs: 'as a key'}[frozenset({3, 2, 1})])"),
    ("fs = frozenset([1, 2, 3])", "(fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__, fs & {1}, fs - {1}, fs ^ {9})"),
    ("fs = frozenset([1])", "fs.add(4)"),
    ("fs = frozenset([1])", "(fs.copy() is fs, frozenset(fs) is fs, fs.union([2]), type(fs.union()).__name__)"),
    ("", "(frozenset(), {frozenset(), frozenset()}, repr(frozenset({1, 2})))"),
    ("", "(hash(frozenset({1, 2, 3})), hash(frozenset(range(10))), hash(frozenset({frozenset({1})})))"),
    ("class S(set):\n    pass", "(repr(S([1])), type(S([1]) | {2}).__name__, repr(S()))"),
    # ranges
    ("r = range(10)", "(r[2:5], r[::-1], r[::3], r[-3:], r[5:2], r[1:8:2][1:])"),
    ("r = range(0, 20, 3)", "(list(r[::-2]), r[2:4], len(r[100:]))"),
    ("r = range(10)", "r[::0]"),
    ("r = range(10)", "(list(reversed(r)), list(reversed(range(5, 0, -2))))"),
    ("r = range(2, 20, 3)", "(r.index(8), r.count(5), r.count(8), r.count(8.0), r.start, r.stop, r.step, 11 in r, 12 in r)"),
    ("r = range(3)", "r.index(5)"),
    ("r = range(3)", "r[2 ** 70]"),
    # slice objects
    ("s = slice(1, 10, 2)", "(s.start, s.stop, s.step, s.indices(5), repr(s), s == slice(1, 10, 2))"),
    ("", "(slice(None, None, -1).indices(4), slice(-100, 100).indices(3), slice(5).indices(10))"),
    ("", "slice(1, 2).indices(-1)"),
    ("", "'abcdef'[slice(1, None, 2)]"),
]

lines = ["# Recorded from CPython %s by scripts/record_container_cases.py; do not edit."
         % sys.version.split()[0]]


def hexed(text):
    return text.encode("utf-8").hex()


def run_case(setup, expression):
    body = "".join("    " + line + "\n" for line in setup.splitlines())
    source = "def case():\n" + body + "    return " + expression + "\n"
    namespace = {"__name__": "__main__"}
    exec(source, namespace)
    try:
        result = namespace["case"]()
    except Exception as error:
        return "error %s %s" % (type(error).__name__, hexed(str(error)))
    return "ok " + hexed(repr(result))


for setup, expression in CASES:
    lines.append("case\t%s\t%s\t=>\t%s" % (hexed(setup), hexed(expression), run_case(setup, expression)))

with open(OUT, "w") as handle:
    handle.write("\n".join(lines) + "\n")
print("wrote %d cases to %s" % (len(lines) - 1, os.path.normpath(OUT)))
