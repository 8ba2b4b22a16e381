#!/usr/bin/env python3
"""Record CPython 3.11's scope analysis of small programs, the oracle for the compiler's
symbol table (tests/unit/test_compiler.cpp).

Usage
    python3 scripts/record_symbol_tables.py [--check] [FILE]

    FILE     default: tests/unit/data/symbol_tables.txt
    --check  record again and compare with FILE; exit 1 if anything differs

Each case of FILE is a source between "### case NAME" and "### scopes"; the lines after
"### scopes" (up to the next case) are written by this script from CPython's `symtable`:

    scope <module|function|class> <name> line <lineno> nested <0|1> params <a,b,...>
      <symbol> flags <DEF_* bits> scope <LOCAL=1 GLOBAL_EXPLICIT=2 GLOBAL_IMPLICIT=3 FREE=4 CELL=5>

Scopes are listed depth first in source order, symbols sorted by name. You write the
sources; this script fills in the scopes, never by hand.
"""
import os
import sys
import symtable

SCOPE_OFFSET = 11
FLAG_MASK = (1 << SCOPE_OFFSET) - 1


def dump(table, out):
    raw = table._table
    params = ",".join(raw.varnames) if table.get_type() == "function" else ""
    out.append(f"scope {table.get_type()} {table.get_name()} line {table.get_lineno()} "
               f"nested {int(table.is_nested())} params {params}")
    for name in sorted(raw.symbols):
        value = raw.symbols[name]
        out.append(f"  {name} flags {value & FLAG_MASK} scope {(value >> SCOPE_OFFSET) & 7}")
    for child in table.get_children():
        dump(child, out)


def read_cases(path):
    cases = []
    name, lines, mode = None, [], None
    with open(path, encoding="utf-8") as handle:
        for line in handle.read().split("\n"):
            if line.startswith("### case "):
                if name is not None:
                    cases.append((name, "\n".join(lines)))
                name, lines, mode = line[len("### case "):], [], "source"
            elif line == "### scopes":
                mode = "scopes"
            elif mode == "source":
                lines.append(line)
    if name is not None:
        cases.append((name, "\n".join(lines)))
    return cases


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = args[0] if args else os.path.join(root, "tests/unit/data/symbol_tables.txt")
    out = []
    for name, source in read_cases(path):
        out.append(f"### case {name}")
        out.append(source)
        out.append("### scopes")
        dump(symtable.symtable(source + "\n", "main.py", "exec"), out)
    text = "\n".join(out) + "\n"
    if check:
        with open(path, encoding="utf-8") as handle:
            if handle.read() != text:
                print(f"{path}: differs from CPython's answers", file=sys.stderr)
                return 1
        return 0
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
