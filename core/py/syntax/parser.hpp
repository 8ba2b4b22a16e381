// The parser: Python 3.11 source to the AST of core/py/syntax/ast.hpp, with the
// SyntaxErrors CPython 3.11 raises (message and position) for bad sources.
//
// Design decision: a hand-written recursive-descent parser over the token vector of
// py::lex, one function per rule of CPython's Grammar/python.gram that builds a node,
// binary operators by precedence levels, lookahead by saving and restoring the token
// index where the grammar needs it (the parenthesized `with`, `match` as a soft keyword).
// Errors follow CPython's two passes (core/py/syntax/parser_impl.hpp): a failed first
// pass is parsed again with the checks of the grammar's invalid_* rules, so the specific
// messages ("expected ':'", "Perhaps you forgot a comma?", "cannot assign to ...") and
// otherwise "invalid syntax" come out where CPython puts them. The cost: each invalid_
// check is written by hand; the ones not written give "invalid syntax" instead.
//
// Nesting: the lexer stops brackets at 200 levels and indentation at 100, as CPython's
// tokenizer; the chains that nest without brackets (unary operators, not, lambda,
// conditional expressions, **) count CPython's parser levels and stop at its 6000 with a
// memory_error, so no input overflows the C++ stack (under 1 MB natively at the limit;
// the wasm stack is ~5 MB). Trees that deep are the compiler's to refuse (CPython's
// compiler raises RecursionError past ~3000 levels).
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/py/syntax/ast.hpp"
#include "core/py/syntax/syntax_error.hpp"

namespace py {

// Why a parse failed.
enum class ParseErrorKind : uint8_t {
  syntax_error,         // the source is not Python 3.11: CPython raises `error` too
  unsupported_feature,  // valid Python this interpreter does not run (complex literals,
                        // \N{name} escapes); `error` holds the message and position to report
  memory_error,         // nesting too deep for CPython's parser stack: CPython raises a bare
                        // MemoryError, so `error` is empty (no message, no location)
};

struct ParseResult {
  // Owns every node of `module`; null when the parse failed.
  std::unique_ptr<ast::Arena> arena;
  // The tree, valid while `arena` lives; null when `error` is set.
  ast::Module* module = nullptr;
  // The first error, as CPython reports it (format_syntax_error renders it).
  std::optional<SyntaxError> error;
  ParseErrorKind error_kind = ParseErrorKind::syntax_error;
  // SyntaxWarnings CPython prints while compiling this source (from the lexer).
  std::vector<SyntaxWarning> warnings;

  bool ok() const { return module != nullptr; }
};

// Parses `source` (UTF-8) as a module, as compile(source, filename, "exec") does.
// Identifiers and literal values are copied into the arena; `source` need not outlive the
// result. `filename` only appears in messages that name the file.
ParseResult parse(std::string_view source, std::string_view filename = "main.py");

}  // namespace py
