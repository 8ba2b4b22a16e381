// The lexer: Python 3.11 source text to tokens, exactly as CPython's tokenizer
// (Parser/tokenizer.c) splits it and with the SyntaxErrors it raises, messages and
// positions included.
//
// Design decision: the whole source is lexed before parsing, into one token vector.
// CPython instead tokenizes lazily under its parser, which decides whether a parse error
// or a tokenizer error is reported; LexResult keeps what the parser needs to make the same
// choice (the tokens up to where CPython's tokenizer stops, the error, and whether CPython
// lets it win over a parse error found earlier). The cost is memory: 40 bytes per token,
// the whole file at once — small for the programs of a playground. Lexing is one linear
// pass (about 9 ms for 1 MB of Python natively; string literals are scanned 8 bytes at a
// time).
//
// Like CPython the lexer reads the source as if its line endings were translated to "\n"
// ("\r\n" and a lone "\r" end lines; a missing final newline is supplied), skips a UTF-8
// BOM, drops comments and blank lines, tracks indentation with tabs to multiples of 8 and
// the tab-size-1 consistency check (TabError), joins lines inside brackets and after a
// backslash, and keeps literals raw: a STRING token is the literal as written (f-strings
// included, as in 3.11) and a NUMBER its digits — the parser decodes them. Keywords have
// their own kinds; the soft keywords match, case and _ are NAME.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/py/syntax/syntax_error.hpp"
#include "core/py/syntax/token.hpp"

namespace py {

struct LexResult {
  // The tokens CPython's tokenizer produces before it stops: all of them, ending with
  // ENDMARKER, unless a tokenizer error stops it earlier (then the tokens before that
  // error, with no ENDMARKER). A character no grammar rule accepts ($ ? ` or a lone !)
  // does not stop it: it is an OP token, and tokens go on after it.
  std::vector<Token> tokens;
  // The error CPython would report if its parser accepted every token before it: a
  // tokenizer error, or "invalid syntax" at the first OP token (the parser's report for
  // it) — whichever comes first, except that an error that overrides parse errors (below)
  // wins over an earlier OP.
  std::optional<SyntaxError> error;
  // Whether CPython reports `error` even when its parser fails earlier in the source. True
  // for what its tokenizer raises itself (invalid or unterminated literals, bracket
  // mismatches, invalid characters, null bytes, invalid UTF-8): after most parse errors
  // CPython tokenizes the rest of the file, and such an error replaces the parse error.
  // The exceptions are "unexpected indent" and "unexpected unindent", which CPython
  // reports without looking further. False for what the tokenizer only flags for the
  // parser to raise when it gets there (IndentationError, TabError, a character after a
  // line-continuation backslash, end of input inside brackets or after a backslash) and
  // for an OP token: an earlier parse error wins over those — except that, when the
  // tokens stop at such an error with brackets open, CPython reports "'(' was never
  // closed" for the innermost one if it opened on a line before the parse error's line.
  bool error_overrides_parse_errors = false;
  // CPython's tokenizer warnings for the tokens above ("invalid decimal literal" for
  // `1if`), in source order: the ones CPython prints while compiling this source.
  std::vector<SyntaxWarning> warnings;
  // The NAME tokens whose NFKC form differs from their spelling (`ﬁle`) hold a view of
  // it here instead of into the source (a deque: moving the result keeps the strings put).
  std::deque<std::string> normalized_names;

  bool ok() const { return !error.has_value(); }
};

// Lexes `source` (UTF-8). The tokens' text views point into `source`, which must outlive
// them (a normalized name's into the result). `filename` only appears in the message for
// bytes that are not UTF-8, where CPython names the file.
LexResult lex(std::string_view source, std::string_view filename = "main.py");

}  // namespace py
