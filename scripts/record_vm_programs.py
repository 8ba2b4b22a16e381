#!/usr/bin/env python3
"""Records what CPython 3.11 prints for the VM's end-to-end programs.

For each tests/unit/data/vm_programs/NAME.py this writes NAME.out (stdout) and, when
CPython wrote to stderr, NAME.err (all of stderr: tracebacks with their carets, warnings).
Each program runs in a temporary directory compiled under the name "main.py", as the
playground names it, with an uncaught exception printed by sys.excepthook as CPython does.
tests/unit/test_vm.cpp runs the same programs through the Interpreter and compares.

    python3 scripts/record_vm_programs.py [--check]
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

PROGRAMS = pathlib.Path(__file__).resolve().parent.parent / "tests/unit/data/vm_programs"

BOOTSTRAP = """\
import sys
sys.argv[:] = ["main.py"]
namespace = {"__name__": "__main__", "__file__": "main.py", "__builtins__": __builtins__}
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
"""


def record(program):
    with tempfile.TemporaryDirectory() as directory:
        shutil.copyfile(program, os.path.join(directory, "main.py"))
        done = subprocess.run([sys.executable, "-c", BOOTSTRAP], cwd=directory,
                              capture_output=True, timeout=60)
    return done.stdout, done.stderr


def main():
    check = "--check" in sys.argv[1:]
    different = 0
    for program in sorted(PROGRAMS.glob("*.py")):
        out, err = record(program)
        for suffix, data in ((".out", out), (".err", err)):
            target = program.with_suffix(suffix)
            if check:
                old = target.read_bytes() if target.exists() else b""
                if old != data:
                    print("differs:", target)
                    different += 1
            elif data or suffix == ".out":
                target.write_bytes(data)
            elif target.exists():
                target.unlink()
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
