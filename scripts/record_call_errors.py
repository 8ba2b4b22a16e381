#!/usr/bin/env python3
"""Records CPython's argument-binding errors for tests/unit/test_vm.cpp.

Each row of tests/unit/data/call_errors.tsv is one call of a function `f` with a given
signature, and the TypeError message CPython printed (or "ok" when the call binds):

    signature<TAB>positional_count<TAB>keyword_names<TAB>message

signature = positional_only;positional;default_count;varargs;keyword_only;keyword_defaults;varkeywords
(parameter names comma-separated; default_count applies to the last positional
parameters; keyword_defaults names the keyword-only parameters that have defaults;
varargs/varkeywords are 0 or 1). The test builds the same function from a hand-assembled
code object and checks that binding raises the recorded message. Rerun with python3 3.11:

    python3 scripts/record_call_errors.py > tests/unit/data/call_errors.tsv
"""
import itertools
import sys

SIGNATURES = [
    ("", "x", 0, 0, "", "", 0),
    ("", "a,b", 0, 0, "", "", 0),
    ("", "a,b,c", 0, 0, "", "", 0),
    ("", "a,b", 1, 0, "", "", 0),
    ("", "a,b,c", 2, 0, "", "", 0),
    ("", "", 0, 0, "", "", 0),
    ("", "a", 0, 1, "", "", 0),
    ("", "a", 0, 0, "k", "", 0),
    ("", "a", 0, 0, "k,m", "m", 0),
    ("", "a", 0, 0, "k,m,n", "", 0),
    ("a,b", "c", 0, 0, "", "", 0),
    ("a,b", "c", 0, 0, "", "", 1),
    ("a", "b", 1, 1, "k", "k", 1),
    ("", "x", 0, 0, "", "", 1),
]
CALLS = [
    (0, ""), (1, ""), (2, ""), (3, ""), (4, ""),
    (0, "x"), (1, "x"), (0, "a"), (1, "a"), (0, "a,b"), (0, "z"), (1, "z"),
    (1, "k"), (2, "k"), (1, "k,m"), (0, "a,b,c"), (2, "c"), (3, "k"), (0, "k"),
]


def define(signature):
    positional_only, positional, default_count, varargs, keyword_only, keyword_defaults, varkeywords = signature
    parts = []
    names_po = [n for n in positional_only.split(",") if n]
    names_p = [n for n in positional.split(",") if n]
    all_positional = names_po + names_p
    defaulted = set(all_positional[len(all_positional) - default_count:]) if default_count else set()
    for name in names_po:
        parts.append(f"{name}=0" if name in defaulted else name)
    if names_po:
        parts.append("/")
    for name in names_p:
        parts.append(f"{name}=0" if name in defaulted else name)
    names_k = [n for n in keyword_only.split(",") if n]
    kw_defaulted = set(n for n in keyword_defaults.split(",") if n)
    if varargs:
        parts.append("*args")
    elif names_k:
        parts.append("*")
    for name in names_k:
        parts.append(f"{name}=0" if name in kw_defaulted else name)
    if varkeywords:
        parts.append("**kwargs")
    namespace = {}
    exec(f"def f({', '.join(parts)}): pass", namespace)
    return namespace["f"]


def main():
    out = sys.stdout
    for signature, (count, keywords) in itertools.product(SIGNATURES, CALLS):
        function = define(signature)
        keyword_names = [n for n in keywords.split(",") if n]
        try:
            function(*range(count), **{name: 0 for name in keyword_names})
            message = "ok"
        except TypeError as error:
            message = str(error)
        out.write(";".join(str(part) for part in signature) + "\t" + str(count) + "\t" +
                  keywords + "\t" + message + "\n")


if __name__ == "__main__":
    main()
