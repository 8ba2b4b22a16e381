#!/usr/bin/env python3
"""Record the errors CPython 3.11 raises after parsing — in scope analysis and code
generation — and the SyntaxWarnings its compiler issues, for the compiler's tests
(tests/unit/test_compiler.cpp).

Usage
    python3 scripts/record_compile_errors.py [--check] [TABLE.tsv]

    TABLE.tsv  default: tests/unit/data/compile_errors.tsv
    --check    record again and compare; exit 1 if anything differs

The table (UTF-8, tab-separated, one source per row, # starts a comment line):
    source  class  msg  lineno  offset  end_lineno  end_offset
You write the source; this script fills in the rest from
compile(source, "main.py", "exec"). class is SyntaxError or RecursionError (then the
position columns are 0). Fields escape backslash, tab and newline as \\\\ \\t \\n.
A source that ast.parse() already rejects belongs to the parser's table
(syntax_errors.tsv) and makes this script fail; so does a source that compiles without
a warning. A source that compiles with SyntaxWarnings gets class SyntaxWarning, msg
"LINE:MESSAGE" entries joined by " || " (in the order issued), and 0 positions.
"""
import ast
import os
import sys
import warnings


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def unescape(text):
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            following = text[index + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\"}[following])
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def record(source):
    try:
        ast.parse(source)
    except SyntaxError as error:
        raise SystemExit(f"the parser rejects {source!r}: {error.msg}")
    except RecursionError:
        pass  # too deep for ast objects; compile() below decides
    try:
        with warnings.catch_warnings(record=True) as issued:
            warnings.simplefilter("default")
            compile(source, "main.py", "exec")
    except RecursionError as error:
        return ["RecursionError", str(error), "0", "0", "0", "0"]
    except SyntaxError as error:
        return ["SyntaxError", error.msg, str(error.lineno), str(error.offset),
                str(error.end_lineno), str(error.end_offset)]
    found = [f"{w.lineno}:{w.message}" for w in issued if w.category is SyntaxWarning]
    if not found:
        raise SystemExit(f"{source!r} compiles")
    return ["SyntaxWarning", " || ".join(found), "0", "0", "0", "0"]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = args[0] if args else os.path.join(root, "tests/unit/data/compile_errors.tsv")
    with open(path, encoding="utf-8") as handle:
        original = handle.read()
    lines = []
    for line in original.rstrip("\n").split("\n"):
        if line.startswith("#") or not line:
            lines.append(line)
            continue
        source = unescape(line.split("\t")[0])
        lines.append("\t".join([escape(source)] + record(source)))
    text = "\n".join(lines) + "\n"
    if check:
        if text != original:
            print(f"{path}: differs from CPython's answers", file=sys.stderr)
            return 1
        return 0
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
