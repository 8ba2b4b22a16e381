#!/usr/bin/env python3
"""Check awaitpad's Python-written standard library (core/py/modules/lib) under CPython.

Usage: check_pylib_with_cpython.py [-v] [PROGRAM.py|DIRECTORY ...]
       (default: every corpus program that imports one of the modules of the library)
       check_pylib_with_cpython.py --compare PROGRAM.py ...
       (no recording needed: runs each program on our library and on CPython's own
       modules, and compares the two outputs; for trying cases beyond the corpus)

Each program of the corpus runs in a CPython 3.11 subprocess exactly as
scripts/record_cpython.py recorded it (as main.py, under the virtual clock), except that
`import NAME` gives core/py/modules/lib/NAME.py instead of CPython's own module for every
NAME the library has. The output must equal the recorded .out (and .err) byte for byte:
so the library is checked against CPython's recorded behaviour before awaitpad's
interpreter can run it, and again, through the same corpus, once it can
(scripts/check_programs.py).

The substitution happens after the virtual clock and asyncio are imported, so CPython's
own machinery keeps CPython's modules; only the program's imports see ours. Our modules
load under their real names (their classes' __module__ and reprs must say "collections",
as in awaitpad), and are dropped from sys.modules first so nothing shadows them.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIBRARY = os.path.join(ROOT, "core", "py", "modules", "lib")
RECORDER = os.path.join(ROOT, "scripts", "record_cpython.py")

# The child: the recorder's bootstrap, with our library put in front of CPython's.
_BOOTSTRAP = """\
def _bootstrap():
    import importlib.abc, importlib.util, os, sys
    recorder_path, library, time_file = sys.argv[1:4]
    spec = importlib.util.spec_from_file_location("_awaitpad_recorder", recorder_path)
    recorder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recorder)
    recorder.install_virtual_time(time_file)
    names = {file[:-3]: os.path.join(library, file)
             for file in os.listdir(library) if file.endswith(".py")}

    class LibraryFinder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path=None, target=None):
            if fullname not in names:
                return None
            has_children = any(name.startswith(fullname + ".") for name in names)
            return importlib.util.spec_from_file_location(
                fullname, names[fullname],
                submodule_search_locations=[] if has_children else None)

    for name in names:
        sys.modules.pop(name, None)
    sys.meta_path.insert(0, LibraryFinder())
    sys.argv[:] = ["main.py"]
    sys.path[0] = os.getcwd()
    namespace = sys.modules["__main__"].__dict__
    del namespace["_bootstrap"]
    namespace["__file__"] = "main.py"
    with open("main.py", encoding="utf-8") as source:
        code = compile(source.read(), "main.py", "exec")
    try:
        exec(code, namespace)
    except SystemExit:
        raise
    except BaseException as error:
        error.__traceback__ = error.__traceback__.tb_next
        sys.excepthook(type(error), error, error.__traceback__)
        sys.exit(1)
_bootstrap()
"""


def library_names():
    return sorted(file[:-3] for file in os.listdir(LIBRARY)
                  if file.endswith(".py") and not file.startswith("_"))


def programs_using_library():
    """Corpus programs that import a module of the library."""
    top_names = sorted({name.split(".")[0] for name in library_names()})
    pattern = re.compile(r"^\s*(?:import|from)\s+(?:[\w.]+\s*,\s*)*(%s)\b" %
                         "|".join(map(re.escape, top_names)), re.MULTILINE)
    found = []
    for base in ("tests/programs", "tests/scenarios"):
        for directory, _, files in os.walk(os.path.join(ROOT, base)):
            for file in files:
                path = os.path.join(directory, file)
                if file.endswith(".py") and pattern.search(open(path, encoding="utf-8").read()):
                    found.append(path)
    return sorted(found)


def expand(arguments):
    """The programs named, and the *.py files under the directories named."""
    programs = []
    for argument in arguments:
        if os.path.isdir(argument):
            for directory, _, files in sorted(os.walk(argument)):
                programs += sorted(os.path.join(directory, name) for name in files
                                   if name.endswith(".py"))
        elif argument.endswith(".py"):
            programs.append(argument)
    return programs


def run(program, substitute=True):
    """(stdout bytes, exit status, last non-empty stderr line) of `program` on our library."""
    with tempfile.TemporaryDirectory(prefix="check_pylib_") as scratch:
        work = os.path.join(scratch, "program")
        os.mkdir(work)
        shutil.copyfile(program, os.path.join(work, "main.py"))
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8",
                   PYTHONDONTWRITEBYTECODE="1")
        for name in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONDEVMODE"):
            env.pop(name, None)
        library = LIBRARY if substitute else os.path.join(scratch, "no_library")
        os.makedirs(library, exist_ok=True)
        done = subprocess.run(
            [sys.executable, "-c", _BOOTSTRAP, RECORDER, library,
             os.path.join(scratch, "elapsed")],
            cwd=work, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    lines = [line for line in done.stderr.decode("utf-8", "replace").splitlines()
             if line.strip()]
    return done.stdout, done.returncode, (lines[-1] if lines else ""), done.stderr


def check(program, verbose):
    """A list of problems; empty when the program printed what CPython recorded."""
    stem = program[:-3]
    expected_out = open(stem + ".out", "rb").read()
    expected_err = None
    if os.path.exists(stem + ".err"):
        expected_err = open(stem + ".err", encoding="utf-8").read()
    stdout, status, last_line, stderr = run(program)
    problems = []
    if stdout != expected_out:
        problems.append("stdout differs:\n  expected: %r\n  got:      %r" %
                        (expected_out.decode(), stdout.decode("utf-8", "replace")))
    got_err = None if status == 0 and not last_line else \
        f"exit: {status}\nstderr: {last_line}\n"
    if got_err != expected_err:
        problems.append(f"stderr/exit differs: expected {expected_err!r}, got {got_err!r}")
    if problems and verbose:
        problems.append("stderr:\n" + stderr.decode("utf-8", "replace"))
    return problems


def compare(program, verbose):
    """A list of problems; empty when our library and CPython's printed the same."""
    ours, theirs = run(program), run(program, substitute=False)
    problems = []
    if ours[0] != theirs[0]:
        problems.append("stdout differs:\n" + "\n".join(
            f"  ours:    {a!r}\n  CPython: {b!r}" for a, b in
            zip_longest_lines(ours[0], theirs[0]) if a != b))
    if ours[1:3] != theirs[1:3]:
        problems.append(f"exit/stderr differs: ours {ours[1:3]!r}, CPython {theirs[1:3]!r}")
    if problems and verbose:
        problems.append("stderr:\n" + ours[3].decode("utf-8", "replace"))
    return problems


def zip_longest_lines(first, second):
    first = first.decode("utf-8", "replace").splitlines()
    second = second.decode("utf-8", "replace").splitlines()
    first += [None] * (len(second) - len(first))
    second += [None] * (len(first) - len(second))
    return zip(first, second)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="show stderr of failures")
    parser.add_argument("--compare", action="store_true",
                        help="compare with CPython's own modules instead of recordings")
    parser.add_argument("programs", nargs="*")
    options = parser.parse_args()
    programs = expand(options.programs) if options.programs else programs_using_library()
    failures = 0
    for program in programs:
        problems = (compare if options.compare else check)(program, options.verbose)
        name = os.path.relpath(program, ROOT)
        print(("FAIL " if problems else "ok   ") + name)
        for problem in problems:
            print("     " + problem.replace("\n", "\n     "))
        failures += bool(problems)
    print(f"{len(programs) - failures} passed, {failures} failed (of {len(programs)})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
