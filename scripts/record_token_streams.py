#!/usr/bin/env python3
"""Record the tokens CPython 3.11's tokenize module gives for Python sources, for the lexer test.

CPython is the oracle (DESIGN.md, Tests): each expected token stream is what Python's own
tokenize module produced, recorded by this script, never written by hand.

Usage
    python3 scripts/record_token_streams.py [--check] [STREAMS.txt]

    STREAMS.txt  default: tests/unit/data/token_streams.txt
    --check      record again and compare with the file; exit 1 if anything differs

The file (UTF-8; lines starting with # are comments)
    === SOURCE                one case: the source, escaped
    === file PATH             one case: the file at PATH (relative to the repository)
    KIND L:C-L:C TEXT         the recorded tokens, one per line, after the === line
    SyntaxWarning L MESSAGE   a warning CPython's tokenizer issues for the source

  You write the === lines; this script writes the token and warning lines under them. Escapes are
  those of scripts/record_syntax_errors.py (\\\\ \\t \\n \\r \\xHH \\uHHHH \\UHHHHHHHH).

What is recorded, to match core/py/syntax/lexer.hpp
    tokenize's tokens without COMMENT, NL and ENCODING (the C tokenizer the parser uses
    has none of them), each as its exact type (LPAR rather than OP), except that a NAME
    that is a keyword (keyword.kwlist) is recorded as the keyword in capitals (IF) — the
    lexer gives keywords their own kinds. tokenize reads the source with its line breaks
    translated to "\\n" and without a UTF-8 BOM, as CPython's compiler does; the test
    translates the lexer's token text the same way before comparing. Columns are
    converted from tokenize's characters to UTF-8 bytes, CPython's col_offset. A source that
    tokenize cannot tokenize (an ERRORTOKEN or a TokenError) is refused, and so is one for
    which compile() raises a tokenizer error (tokenize.py is more lenient than the C
    tokenizer: it splits "1.real" into 1. and real): error cases belong in
    tests/unit/data/syntax_errors.tsv.

    The warnings are those compile(source, "main.py", "exec") issues with the tokenizer's
    only warning text in 3.11, "invalid <kind> literal" (a number running into a keyword,
    as in 1if); the compiler's own SyntaxWarnings are not the lexer's.
"""

import argparse
import io
import keyword
import os
import re
import sys
import token
import tokenize
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from record_syntax_errors import ROOT, escape, unescape  # noqa: E402

DEFAULT_FILE = os.path.join(ROOT, "tests", "unit", "data", "token_streams.txt")
SKIPPED = {token.COMMENT, token.NL, token.ENCODING}
# The messages of the errors CPython 3.11's tokenizer raises or flags.
TOKENIZER_ERROR = re.compile(
    r"invalid .*literal|invalid digit|leading zeros|unterminated|unmatched|closing paren"
    r"|was never closed|too many nested|invalid (non-printable )?character|unindent does"
    r"|inconsistent use of tabs|too many levels|unexpected character after line"
    r"|unexpected EOF|source code string cannot contain null")
TOKENIZER_WARNING = re.compile(r"invalid (decimal|hexadecimal|octal|binary|imaginary) literal")


def case_source(spec):
    """The source a === line names."""
    if spec.startswith("file "):
        with open(os.path.join(ROOT, spec[len("file "):]), encoding="utf-8", newline="") as file:
            return file.read()
    return unescape(spec)


def token_lines(source):
    text = source[1:] if source.startswith("\ufeff") else source
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source_lines = text.split("\n")

    def byte_column(line, column):  # tokenize counts characters; col_offset counts bytes
        if line > len(source_lines):
            return column
        text = source_lines[line - 1]  # past its end is the newline: one byte
        return len(text[:column].encode("utf-8")) + max(0, column - len(text))

    lines = []
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in SKIPPED:
            continue
        if tok.type == token.ERRORTOKEN:
            raise ValueError("tokenize gives an ERRORTOKEN at %s: %r" % (tok.start, tok.string))
        kind = token.tok_name[tok.exact_type]
        if tok.type == token.NAME and keyword.iskeyword(tok.string):
            kind = tok.string.upper()
        (line, column), (end_line, end_column) = tok.start, tok.end
        lines.append("%s %d:%d-%d:%d %s" % (kind, line, byte_column(line, column), end_line,
                                            byte_column(end_line, end_column),
                                            escape(tok.string)))
    return lines + warning_lines(source)


def warning_lines(source):
    code = source.encode("utf-8") if source.startswith("\ufeff") else source
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(code, "main.py", "exec")
        except SyntaxError as error:  # a valid token stream need not be a valid program...
            if TOKENIZER_ERROR.match(error.msg):  # ...but must be one for the C tokenizer
                raise ValueError("CPython's tokenizer rejects it: %s" % error.msg)
    return ["SyntaxWarning %d %s" % (w.lineno, escape(str(w.message))) for w in caught
            if w.category is SyntaxWarning and TOKENIZER_WARNING.fullmatch(str(w.message))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", default=DEFAULT_FILE)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    with open(args.file, encoding="utf-8", newline="") as file:
        old = file.read().split("\n")
    out = []
    cases = 0
    for line in old:
        if line.startswith("=== "):
            spec = line[len("=== "):]
            try:
                tokens = token_lines(case_source(spec))
            except (ValueError, tokenize.TokenError, SyntaxError) as error:
                print("%s: %s" % (spec, error), file=sys.stderr)
                return 1
            out.append(line)
            out.extend(tokens)
            cases += 1
        elif line.startswith("#") or not line.strip():
            out.append(line)
        # token lines are dropped and recorded again under their === line
    text = "\n".join(out).rstrip("\n") + "\n"
    if args.check:
        if text != "\n".join(old):
            print("%s is out of date: run scripts/record_token_streams.py" % args.file,
                  file=sys.stderr)
            return 1
        return 0
    with open(args.file, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    print("recorded %d token streams in %s" % (cases, os.path.relpath(args.file, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
