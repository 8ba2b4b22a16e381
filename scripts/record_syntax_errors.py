#!/usr/bin/env python3
"""Record what CPython 3.11 raises for bad Python sources, for the lexer and parser tests.

CPython is the oracle (DESIGN.md, Tests): the expected SyntaxError of each source is what
compile(source, "main.py", "exec") raised, recorded by this script, never written by hand.

Usage
    python3 scripts/record_syntax_errors.py [--check] [--file-mode] [TABLE.tsv]

    TABLE.tsv    default: tests/unit/data/syntax_errors.tsv
    --check      record again and compare with the table; exit 1 if anything differs
                 (nothing is written)
    --file-mode  also run each source as a file (`python3 main.py`) and list the rows where
                 what that prints differs from the recorded compile() error (information
                 only: compile() of a str and reading a file differ in a few corners)

The table (UTF-8, tab-separated, one source per row; lines starting with # are comments)
    detected_by  source  class  msg  lineno  offset  end_lineno  end_offset  text  printed

  You write the first two columns; this script fills in the others.
    detected_by  "lexer" when CPython's answer is an error the lexer alone must produce
                 (a tokenizer error, or a character no grammar rule accepts), "parser"
                 when only a parser can (tests/unit/test_lexer.cpp skips those, the parser
                 tests use them)
    source       the program
    class        SyntaxError, IndentationError or TabError
    msg .. text  the exception's attributes
    printed      what CPython writes to stderr for the error left uncaught (PyErr_Display
                 via sys.__excepthook__, without a traceback)

  Fields are escaped: \\\\ \\t \\n \\r, \\xHH \\uHHHH \\UHHHHHHHH for other characters
  Python does not print (controls, format characters, separators...), and \\N alone for
  None. Other characters are written as themselves.

How a source is compiled
    As a str, so a coding declaration is ignored (the playground's source is text) — except
    a source starting with U+FEFF: CPython skips a UTF-8 BOM only in bytes, as when it
    reads a file, so those rows are compiled as their UTF-8 bytes. Compiling happens in a
    fresh temporary directory, so no file named main.py is read for the error's text.
"""

import argparse
import io
import os
import subprocess
import sys
import tempfile
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TABLE = os.path.join(ROOT, "tests", "unit", "data", "syntax_errors.tsv")
COLUMNS = ["detected_by", "source", "class", "msg", "lineno", "offset", "end_lineno",
           "end_offset", "text", "printed"]
DETECTORS = ("lexer", "parser")
NONE = "\\N"


def escape(value):
    if value is None:
        return NONE
    out = []
    for ch in str(value):
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch.isprintable():
            out.append(ch)
        elif ord(ch) < 0x100:
            out.append("\\x%02x" % ord(ch))
        elif ord(ch) < 0x10000:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append("\\U%08x" % ord(ch))
    return "".join(out)


def unescape(field):
    if field == NONE:
        return None
    out = []
    i = 0
    while i < len(field):
        ch = field[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        kind = field[i + 1]
        if kind in "\\tnr":
            out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[kind])
            i += 2
        else:
            width = {"x": 2, "u": 4, "U": 8}[kind]
            out.append(chr(int(field[i + 2:i + 2 + width], 16)))
            i += 2 + width
    return "".join(out)


def compile_error(source):
    """The SyntaxError CPython raises for `source`, or None when it compiles."""
    code = source.encode("utf-8") if source.startswith("\ufeff") else source
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarnings ("invalid decimal literal" for 1if)
        try:
            compile(code, "main.py", "exec")
        except SyntaxError as error:
            return error
    return None


def printed(error):
    """What CPython writes to stderr for `error` left uncaught, without a traceback."""
    error.__traceback__ = None
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        sys.__excepthook__(type(error), error, None)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


def record(source):
    error = compile_error(source)
    if error is None:
        return None
    return [type(error).__name__, error.msg, error.lineno, error.offset, error.end_lineno,
            error.end_offset, error.text, printed(error)]


def file_mode_output(source):
    """What `python3 main.py` prints to stderr for `source` saved as main.py."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "main.py")
        with open(path, "wb") as file:
            file.write(source.encode("utf-8"))
        run = subprocess.run([sys.executable, "main.py"], cwd=directory, capture_output=True,
                             timeout=60)
        return run.stderr.decode("utf-8", "replace").replace(path, "main.py")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("table", nargs="?", default=DEFAULT_TABLE)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--file-mode", action="store_true")
    args = parser.parse_args()

    with open(args.table, encoding="utf-8", newline="") as file:
        lines = file.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()

    problems = []
    out = []
    with tempfile.TemporaryDirectory() as directory:
        os.chdir(directory)  # no main.py here for CPython to read the error's text from
        for number, line in enumerate(lines, 1):
            if line.startswith("#") or not line.strip():
                out.append(line)
                continue
            fields = line.split("\t")
            detected_by, source = fields[0], unescape(fields[1])
            if detected_by not in DETECTORS:
                problems.append("line %d: detected_by must be lexer or parser" % number)
            recorded = record(source)
            if recorded is None:
                problems.append("line %d: CPython compiles this source: %r" % (number, source))
                out.append(line)
                continue
            new_line = "\t".join([detected_by, escape(source)] + [escape(v) for v in recorded])
            if args.check and new_line != line:
                problems.append("line %d differs:\n  table:  %s\n  CPython: %s" %
                                (number, line, new_line))
            out.append(new_line)
            if args.file_mode:
                as_file = file_mode_output(source)
                if as_file != recorded[-1]:
                    print("line %d: python3 main.py prints differently for %r:\n%s---\n%s" %
                          (number, source, recorded[-1], as_file))

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    if not args.check:
        with open(args.table, "w", encoding="utf-8", newline="") as file:
            file.write("\n".join(out) + "\n")
        print("recorded %d rows in %s" % (sum(1 for l in out if l and not l.startswith("#")),
                                          os.path.relpath(args.table, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
