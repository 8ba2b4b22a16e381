#!/usr/bin/env python3
"""Record CPython 3.11's ast.dump for the parser tests (tests/unit/test_parser.cpp).

CPython is the oracle (DESIGN.md, Tests): each case's expected tree is what
ast.dump(ast.parse(source)) printed, recorded by this script, never written by hand.

Usage
    python3 scripts/record_ast_dumps.py [--check] [CASES.txt]

    CASES.txt   default: tests/unit/data/ast_dumps.txt
    --check     record again and compare; exit 1 if anything differs (nothing is written)

The file (UTF-8, "\\n" line breaks) is a list of cases:

    === NAME                  a case; NAME is free text (no newline)
    === NAME [attributes]     the same, dumped with include_attributes=True (positions)
    SOURCE LINES              the program: every line up to the "---" line, each ending in
                              a line break
    --- ast.dump
    DUMP                      filled in by this script (one line)

Lines before the first "===" are comments. Write the "===" line and the source (a "---"
line may be left out); this script writes the "--- ast.dump" line and the dump.
"""

import argparse
import ast
import os
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CASES = os.path.join(ROOT, "tests", "unit", "data", "ast_dumps.txt")
CASE_MARK = "=== "
DUMP_MARK = "--- ast.dump"
ATTRIBUTES_FLAG = " [attributes]"


def read_cases(text):
    """(header lines, [(title, source)]) from the file's text."""
    header, cases = [], []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    while i < len(lines) and not lines[i].startswith(CASE_MARK):
        header.append(lines[i])
        i += 1
    while i < len(lines):
        title = lines[i][len(CASE_MARK):]
        i += 1
        source = []
        while i < len(lines) and not lines[i].startswith("---") and not lines[i].startswith(CASE_MARK):
            source.append(lines[i])
            i += 1
        if i < len(lines) and lines[i].startswith("---"):
            i += 1
            while i < len(lines) and not lines[i].startswith(CASE_MARK):
                i += 1  # the old dump
        cases.append((title, "".join(line + "\n" for line in source)))
    return header, cases


def dump(title, source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = ast.parse(source, "main.py")
    return ast.dump(tree, include_attributes=title.endswith(ATTRIBUTES_FLAG))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="?", default=DEFAULT_CASES)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    with open(args.cases, encoding="utf-8", newline="") as file:
        text = file.read()
    header, cases = read_cases(text)
    out = list(header)
    for title, source in cases:
        out.append(CASE_MARK + title)
        out.extend(source.split("\n")[:-1])
        out.append(DUMP_MARK)
        out.append(dump(title, source))
    new_text = "\n".join(out) + "\n"
    if args.check:
        if new_text != text:
            print("%s differs from what CPython records" % args.cases, file=sys.stderr)
            return 1
        return 0
    with open(args.cases, "w", encoding="utf-8", newline="") as file:
        file.write(new_text)
    print("recorded %d cases in %s" % (len(cases), os.path.relpath(args.cases, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
