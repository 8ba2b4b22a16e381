#!/usr/bin/env python3
"""Records the behaviour of the builtin functions and the exception classes' attributes
from CPython into tests/unit/data/builtin_cases.txt (tests/unit/test_builtins.cpp).

Run with CPython 3.11: python3 scripts/record_builtin_cases.py
(it re-runs itself under PYTHONHASHSEED=0, the hash key our str hashing uses).

Two kinds of line, tab-separated, every text field hex-encoded UTF-8:
    case <setup> <expression> => <outcome>
        `setup` (statements, may be empty) runs in a fresh function, then `expression` is
        evaluated there. Outcome: "ok <repr(result)>" or "error <ExceptionType> <str(e)>".
    program <source> <stdin> => <stdout> <exit status> <last line of stderr>
        a whole program run as main.py with that stdin.
"""
import os
import subprocess
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    environment = dict(os.environ, PYTHONHASHSEED="0")
    sys.exit(subprocess.call([sys.executable] + sys.argv, env=environment))

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "unit", "data", "builtin_cases.txt")

CASES = [
    # map / filter / reversed / iter / next
    ("", "list(map(str.upper, ['a', 'b']))"),
    ("", "list(map(lambda a, b: a * b, [1, 2, 3], [4, 5]))"),
    ("", "list(map(pow, [2, 3], [5, 2], [7, 5]))"),
    ("", "map(len)"),
    ("", "map()"),
    ("", "map(len, 5)"),
    ("", "map(len, [], x=1)"),
    ("", "type(map(len, [])).__name__"),
    ("m = map(len, ['ab', 'c'])", "(next(m), next(m), next(m, 'end'))"),
    ("", "list(filter(None, [0, 1, '', 'x', None, [], [0]]))"),
    ("", "list(filter(lambda n: n % 2, range(10)))"),
    ("", "list(filter(bool, [0, 3, 0.0, 4]))"),
    ("", "filter(None)"),
    ("", "filter(None, 5)"),
    ("", "filter(None, [], None)"),
    ("", "type(filter(None, [])).__name__"),
    ("", "list(reversed([1, 2, 3]))"),
    ("", "''.join(reversed('abc'))"),
    ("", "list(reversed(range(3)))"),
    ("", "list(reversed((1, 'a', None)))"),
    ("", "list(reversed({'a': 1, 'b': 2}))"),
    ("", "list(reversed({'a': 1, 'b': 2}.items()))"),
    ("", "list(reversed({'a': 1, 'b': 2}.values()))"),
    ("", "reversed({1, 2})"),
    ("", "reversed(5)"),
    ("", "reversed()"),
    ("", "reversed([], [])"),
    ("class R:\n    def __reversed__(self):\n        return iter(['custom'])", "list(reversed(R()))"),
    ("class S:\n    def __len__(self):\n        return 3\n    def __getitem__(self, i):\n        return i * 10",
     "list(reversed(S()))"),
    ("class N:\n    __reversed__ = None", "reversed(N())"),
    ("", "type(reversed([])).__name__ in ('reversed', 'list_reverseiterator')"),
    ("it = iter([5, 3, 0, 7])", "list(iter(lambda: next(it), 0))"),
    ("", "iter(5, 0)"),
    ("", "iter(5)"),
    ("values = [1, 2]", "list(iter(values.pop, 1))"),
    ("", "next(iter([]), 'default')"),
    ("", "next(iter([]))"),
    ("", "next([1])"),
    ("", "next(iter('ab'))"),
    # aiter / anext argument errors
    ("", "aiter(5)"),
    ("", "anext(5)"),
    ("", "anext(5, None)"),
    # vars / dir / globals / locals
    ("class P:\n    kind = '2d'\n    def __init__(self):\n        self.x = 1\n        self.y = 2", "vars(P())"),
    ("class P:\n    kind = '2d'", "sorted(k for k in vars(P) if not k.startswith('__'))"),
    ("", "vars(5)"),
    ("marker = 1\nother = 'x'", "vars()"),
    ("a = 1\nb = 2", "sorted(locals().items())"),
    ("a = 1", "locals()"),
    ("a = 1\nb = [1]", "dir()"),
    ("class Base:\n    base_attr = 1\n    def base_method(self): pass\nclass Child(Base):\n    child_attr = 2",
     "[n for n in dir(Child) if not n.startswith('__')]"),
    ("class Base:\n    base_attr = 1\nclass Child(Base):\n    child_attr = 2\nobj = Child()\nobj.instance_attr = 3",
     "[n for n in dir(obj) if not n.startswith('__')]"),
    ("", "[n for n in dir('') if not n.startswith('_')][:6]"),
    ("", "[n for n in dir([]) if not n.startswith('_')]"),
    ("", "[n for n in dir({}) if not n.startswith('_')]"),
    ("class D:\n    def __dir__(self):\n        return ['b', 'a', 'c']", "dir(D())"),
    ("class D:\n    def __dir__(self):\n        return 5", "dir(D())"),
    ("", "'__name__' in globals() and 'CASE_MARKER' in globals()"),
    ("", "type(globals()).__name__"),
    ("", "globals(1)"),
    ("", "locals(1)"),
    ("", "dir(1, 2)"),
    # getattr & co.
    ("class C:\n    x = 1", "(getattr(C, 'x'), getattr(C, 'y', 'dflt'), hasattr(C, 'x'), hasattr(C, 'y'))"),
    ("class C:\n    pass", "getattr(C(), 'y')"),
    ("", "getattr(1, 2)"),
    ("", "setattr(1, 'x', 2)"),
    ("class C:\n    pass\nc = C()\nsetattr(c, 'v', 5)", "(c.v, delattr(c, 'v'), hasattr(c, 'v'))"),
    ("class C:\n    pass", "delattr(C(), 'nothing')"),
    ("", "(callable(len), callable(1), callable(int), callable(lambda: 0))"),
    ("", "(isinstance(1, int), isinstance(True, (str, int)), issubclass(bool, int))"),
    ("", "isinstance(1, 2)"),
    ("", "(repr('a'), ascii('é'), repr([1, 'b']))"),
    ("", "(hash(1), hash(-1), hash((1, 2)), hash(None) == hash(None))"),
    ("", "hash([])"),
    ("", "hash({})"),
    ("", "hash({1})"),
    ("", "(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset({(1, 2)})))"),
    ("", "hash(frozenset([1, 2])) == hash(frozenset([2, 1]))"),
    ("", "id(1) == id(1)"),
    # exit / quit raise SystemExit
    ("", "exit(3)"),
    ("", "quit('bye')"),
    ("try:\n    exit()\nexcept SystemExit as e:\n    caught = e", "(caught.code, caught.args)"),
    ("try:\n    quit(2)\nexcept SystemExit as e:\n    caught = e", "(caught.code, caught.args)"),
    # print to a file object
    ("class F:\n    def __init__(self):\n        self.parts = []\n    def write(self, text):\n        self.parts.append(text)\nf = F()\nprint('a', 1, sep='-', end='!', file=f)\nprint(file=f)",
     "f.parts"),
    ("class F:\n    def __init__(self):\n        self.parts = []\n    def write(self, text):\n        self.parts.append(text)\n    def flush(self):\n        self.parts.append('FLUSH')\nf = F()\nprint('x', file=f, flush=True)",
     "f.parts"),
    ("", "print('x', file=5)"),
    ("", "print('x', sep=5)"),
    ("", "print('x', end=[])"),
    ("", "print('x', bogus=1)"),
    # exception attributes
    ("try:\n    undefined_name_here\nexcept NameError as e:\n    caught = e", "(str(caught), caught.args)"),
    ("", "(NameError('x').name, NameError('m', name='n').name, NameError('m', name='n').args)"),
    ("", "NameError('m', foo=1)"),
    ("", "(AttributeError('m').name, AttributeError('m').obj)"),
    ("e = AttributeError('m', name='n', obj=5)", "(e.name, e.obj, e.args, str(e))"),
    ("class A:\n    pass\ntry:\n    A().missing\nexcept AttributeError as e:\n    caught = e", "(caught.name, type(caught.obj).__name__, str(caught))"),
    ("", "AttributeError('m', x=1)"),
    ("e = ImportError('a', 'b', name='n', path='p')", "(repr(e), str(e), e.msg, e.name, e.path, e.args)"),
    ("e = ImportError('a', name='n')", "(repr(e), str(e), e.msg, e.name, e.path)"),
    ("e = ImportError()", "(repr(e), str(e), e.msg)"),
    ("", "ImportError('m', foo=1)"),
    ("e = ModuleNotFoundError('No module', name='x')", "(str(e), e.name, e.msg, isinstance(e, ImportError))"),
    ("s = SyntaxError('invalid syntax', ('main.py', 1, 5, 'x = = 1\\n', 1, 6))",
     "(str(s), s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset, s.args)"),
    ("s = SyntaxError('invalid syntax', ('main.py', 1, 5, 'x = = 1\\n'))", "(str(s), s.end_lineno, s.end_offset, repr(s))"),
    ("s = SyntaxError('m')", "(str(s), s.lineno, s.filename, s.msg, s.args)"),
    ("", "str(SyntaxError())"),
    ("", "str(SyntaxError('m', ('/a/b/c.py', None, None, None)))"),
    ("", "str(SyntaxError('m', (None, 3, None, None)))"),
    ("", "SyntaxError('m', (1, 2))"),
    ("", "SyntaxError('m', (1, 2, 3, 4, 5, 6, 7))"),
    ("", "(IndentationError('m', ('f.py', 2, 1, 'x', 2, 2)).lineno, str(TabError('t')))"),
    ("o = OSError(2, 'No such file')", "(type(o).__name__, o.errno, o.strerror, o.filename, str(o), o.args)"),
    ("o = OSError(2, 'No such file', 'x.txt')", "(type(o).__name__, str(o), o.args, o.filename)"),
    ("o = OSError('plain')", "(o.errno, o.strerror, str(o))"),
    ("o = OSError(1, 2, 3, 4, 5, 6)", "(str(o), o.args, o.errno)"),
    ("o = ConnectionResetError(104, 'reset')", "(type(o).__name__, o.errno, str(o))"),
    ("", "[type(OSError(n, 'x')).__name__ for n in (1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 999)]"),
    ("", "(IOError is OSError, EnvironmentError is OSError, issubclass(TimeoutError, OSError))"),
    ("", "(StopIteration().value, StopIteration(1).value, StopIteration(1, 2).value)"),
    ("", "(SystemExit().code, SystemExit(1).code, SystemExit(1, 2).code, SystemExit('m').code)"),
    ("def g():\n    yield 1\n    return 'done'\nit = g()\nnext(it)\ntry:\n    next(it)\nexcept StopIteration as e:\n    caught = e",
     "(caught.value, caught.args)"),
    ("", "(str(KeyError('k')), str(KeyError()), str(KeyError(1, 2)), repr(KeyError('k')))"),
    ("e = ValueError('a')\ne.add_note('n1')\ne.add_note('n2')", "e.__notes__"),
    ("", "ValueError('a').add_note(5)"),
    ("", "ValueError('m', x=1)"),
    # exception groups
    ("", "BaseExceptionGroup(1, [ValueError()])"),
    ("", "BaseExceptionGroup('m', 5)"),
    ("", "BaseExceptionGroup('m', [])"),
    ("", "BaseExceptionGroup('m', [1])"),
    ("", "BaseExceptionGroup('m', {1: 2})"),
    ("", "ExceptionGroup('m', [KeyboardInterrupt()])"),
    ("", "BaseExceptionGroup('m')"),
    ("", "BaseExceptionGroup('m', [ValueError()], 3)"),
    ("", "ExceptionGroup('m', [ValueError()], x=1)"),
    ("class M(BaseExceptionGroup, Exception):\n    pass", "M('m', [KeyboardInterrupt()])"),
    ("e = BaseExceptionGroup('m', [ValueError(1), TypeError(2)])",
     "(type(e).__name__, str(e), repr(e), e.message, e.exceptions, e.args)"),
    ("e = BaseExceptionGroup('m', [KeyboardInterrupt()])", "(type(e).__name__, str(e))"),
    ("e = ExceptionGroup('m', (ValueError(1),))", "(str(e), repr(e))"),
    ("", "[c.__name__ for c in ExceptionGroup.__mro__]"),
    ("", "(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))"),
    ("e = ExceptionGroup('m', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3), KeyError(4)])])",
     "(e.subgroup(ValueError), e.split(TypeError), e.split(lambda x: isinstance(x, LookupError)))"),
    ("e = ExceptionGroup('m', [ValueError(1), TypeError(2)])",
     "(e.subgroup(lambda x: True) is e, e.subgroup(OSError), e.split(OSError)[1] is e, e.subgroup((TypeError, OSError)))"),
    ("e = ExceptionGroup('m', [ValueError(1)])", "e.derive([TypeError(9)])"),
    ("e = ExceptionGroup('m', [ValueError(1)])", "e.subgroup(5)"),
    ("e = ExceptionGroup('m', [ValueError(1), TypeError(2)])\ne.add_note('note')\ne.__cause__ = KeyError('c')\ns = e.subgroup(ValueError)",
     "(s.__notes__, s.__cause__, s is e)"),
    ("class MyGroup(ExceptionGroup):\n    pass\ne = MyGroup('m', [ValueError(1), TypeError(2)])",
     "(type(e).__name__, type(e.subgroup(ValueError)).__name__, type(e.derive([ValueError()])).__name__)"),
]

PROGRAMS = [
    ("print(input('Your name? '))\nprint(input())\n", "Ada\nBob\n"),
    ("try:\n    name = input('Your name? ')\nexcept EOFError as error:\n    print()\n    print('EOFError:', repr(error))\n", ""),
    ("print(input('> '))\nprint(input('> '))\n", "only one line"),
    ("print('before')\nexit(3)\n", ""),
    ("print('before')\nquit('fatal: giving up')\n", ""),
    ("try:\n    exit(0)\nfinally:\n    print('finally')\n", ""),
    ("print('a', 'b', sep='')\nprint('c', end='')\nprint()\nprint(1, 2, 3, sep=', ', end='.\\n')\n", ""),
    ("top = 1\ndef f(a):\n    b = 2\n    return sorted(locals().items())\nprint(f(0))\nprint('top' in globals(), globals()['top'], __name__)\n", ""),
    ("m = map(print, ['lazy'])\nprint('map created')\nlist(m)\n", ""),
]

lines = ["# Recorded from CPython %s by scripts/record_builtin_cases.py; do not edit."
         % sys.version.split()[0]]


def hexed(text):
    return text.encode("utf-8").hex()


def run_case(setup, expression):
    body = "".join("    " + line + "\n" for line in setup.splitlines())
    source = "def case():\n" + body + "    return " + expression + "\n"
    namespace = {"CASE_MARKER": True, "__name__": "__main__"}
    exec(source, namespace)
    try:
        result = namespace["case"]()
    except SystemExit as error:  # exit()/quit() are recorded like any exception
        return "error SystemExit " + hexed(str(error))
    except Exception as error:
        return "error %s %s" % (type(error).__name__, hexed(str(error)))
    return "ok " + hexed(repr(result))


for setup, expression in CASES:
    lines.append("case\t%s\t%s\t=>\t%s" % (hexed(setup), hexed(expression), run_case(setup, expression)))

for source, stdin in PROGRAMS:
    path = os.path.join("/tmp", "main.py")
    with open(path, "w") as handle:
        handle.write(source)
    completed = subprocess.run([sys.executable, "main.py"], cwd="/tmp", input=stdin.encode(),
                               capture_output=True)
    stderr_lines = completed.stderr.decode().strip().splitlines()
    lines.append("program\t%s\t%s\t=>\t%s\t%d\t%s" % (
        hexed(source), hexed(stdin), hexed(completed.stdout.decode()), completed.returncode,
        hexed(stderr_lines[-1] if stderr_lines else "")))

with open(OUT, "w") as handle:
    handle.write("\n".join(lines) + "\n")
print("wrote %d cases to %s" % (len(lines) - 1, os.path.normpath(OUT)))
