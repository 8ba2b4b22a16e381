#!/usr/bin/env python3
"""Parse every file of CPython's standard library with our parser and compare the trees.

Records ast.dump(ast.parse(source)) of each .py file under the standard library with the
running CPython 3.11 (the oracle), then runs the hidden Catch2 test "[.stdlib]" of
tests/unit/test_parser.cpp, which parses each file with py::parse, compares its
ast::dump with CPython's, and prints the counts: same tree, different tree, unsupported
feature (complex literals, \\N{name} escapes), not parsed.

Usage
    python3 scripts/check_parser_stdlib.py UNIT_TESTS_BINARY [--limit N] [--all]

    UNIT_TESTS_BINARY  e.g. build/h-parser/unit_tests
    --limit N          only the first N files (sorted by path)
    --all              site-packages and test suites too (default: the library proper,
                       Lib/*.py and its packages, without test/ and site-packages/)
Files CPython itself cannot read (not UTF-8, or invalid on purpose) are skipped.
"""

import argparse
import ast
import os
import subprocess
import sys
import sysconfig
import tempfile
import warnings


def library_files(include_all):
    root = sysconfig.get_paths()["stdlib"]
    for directory, subdirectories, names in os.walk(root):
        relative = os.path.relpath(directory, root)
        top = relative.split(os.sep)[0]
        if not include_all and top in ("test", "site-packages", "idlelib", "lib2to3", "tkinter"):
            subdirectories[:] = []
            continue
        subdirectories.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                yield os.path.join(directory, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("unit_tests")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        manifest = os.path.join(directory, "manifest.tsv")
        count = 0
        with open(manifest, "w", encoding="utf-8") as out:
            for path in library_files(args.all):
                if args.limit and count >= args.limit:
                    break
                try:
                    with open(path, encoding="utf-8") as file:
                        source = file.read()
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        tree = ast.parse(source)
                except (SyntaxError, UnicodeDecodeError, ValueError):
                    continue
                dump_path = os.path.join(directory, "%d.dump" % count)
                with open(dump_path, "w", encoding="utf-8") as file:
                    file.write(ast.dump(tree))
                out.write("%s\t%s\n" % (path, dump_path))
                count += 1
        print("recorded %d files; running %s" % (count, args.unit_tests), flush=True)
        environment = dict(os.environ, AWAITPAD_STDLIB_MANIFEST=manifest)
        run = subprocess.run([args.unit_tests, "[.stdlib]"], env=environment)
        return run.returncode


if __name__ == "__main__":
    sys.exit(main())
