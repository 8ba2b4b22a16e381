// The parser's internal class, shared by the parser_*.cpp files (not part of the API:
// include core/py/syntax/parser.hpp).
//
// Design decision: CPython's two passes. The first pass parses the grammar alone; when it
// fails, the furthest token it looked at is where "invalid syntax" points. A second pass
// then parses again with `invalid_pass_` set, which turns on the checks of CPython's
// invalid_* grammar rules (each placed where the rule sits in Grammar/python.gram), so the
// first specific message raised in source order wins, as in CPython. Every parse function
// returns null (or false) on failure; `failed_` says the parse failed and `error_` holds a
// specific error once one is raised. Speculative parses (targets, match statements) save
// the position and restore it on a failure that raised nothing.
// The cost: each invalid_ check is code of its own that must stay next to the rule it
// mirrors, and an input with an error is parsed twice.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/py/syntax/ast.hpp"
#include "core/py/syntax/lexer.hpp"
#include "core/py/syntax/parser.hpp"
#include "core/py/syntax/syntax_error.hpp"
#include "core/py/syntax/token.hpp"

namespace py::parser_detail {

// CPython's parser stack limit (MAXSTACK in Parser/parser.c): deeper nesting raises
// MemoryError. Our counter approximates its levels for the constructs that nest without
// brackets (unary operators, not, lambda, conditional expressions, **).
inline constexpr int kMaxLevels = 6000;
// Levels CPython uses above the first expression of a statement.
inline constexpr int kBaseLevels = 30;
// The work one pass may do, in enter() calls: this many per token, plus kBaseSteps. A
// parse is about linear, but alternatives tried and abandoned at each level of nesting
// can multiply (CPython memoizes where we do not): a 455-byte line of unclosed nested
// comprehensions took 10 s. Past the budget a pass gives up, as when it finds nothing
// specific: "invalid syntax" at the furthest token, or the unclosed bracket.
inline constexpr size_t kStepsPerToken = 200;
inline constexpr size_t kBaseSteps = 100000;

// The source, split into lines, and what CPython's tokenizer state would be: shared by
// the passes and by the parsers of f-string replacement fields.
struct SourceText {
  std::string_view source;             // the source without a UTF-8 BOM
  std::vector<size_t> line_starts;     // byte offset of each line (index 0 = line 1)
  // Line `line` (1-based) without its line break; "" past the end.
  std::string_view line(int32_t line) const;
  explicit SourceText(std::string_view source);
};

// A position for an error, as CPython's RAISE_ERROR_KNOWN_LOCATION takes it: 1-based byte
// columns; an end of -1 means none.
struct ErrorSpan {
  int32_t line = 0;
  int32_t offset = 0;
  int32_t end_line = 0;
  int32_t end_offset = -1;
};

class Parser {
public:
  // `tokens` are py::lex's; `tokens_complete` is false when a tokenizer error stopped them
  // (reading past the last one is then that error). An f-string field's parser gets its
  // own tokens and `fstring_depth` > 0.
  Parser(const SourceText& text, const std::vector<Token>& tokens, bool tokens_complete,
         ast::Arena& arena, bool invalid_pass, size_t first_pass_furthest, int fstring_depth);

  // Makes this an f-string field's parser: its tokens' line 1 is line `line` of the file
  // and starts at byte column `column`.
  void shift_positions(int32_t line, int32_t column) {
    line_shift_ = line - 1;
    first_line_column_shift_ = column;
  }

  // file: [statements] ENDMARKER.
  ast::Module* parse_file();
  // fstring: star_expressions, for the text "(expression)" of a replacement field.
  ast::Expr* parse_fstring_expression();

  // Whether the parse failed (then error() holds the error if a specific one was raised).
  bool failed() const { return failed_; }
  const std::optional<SyntaxError>& error() const { return error_; }
  // Whether error() was raised by the parser of a nested f-string field (CPython says
  // "f-string: " once, where the error is made).
  bool error_adopted() const { return error_adopted_; }
  // The furthest token index this parse looked at (CPython's p->fill - 1).
  size_t furthest() const { return furthest_; }
  // Whether the parse needed a token past a tokenizer error.
  bool reached_tokenizer_error() const { return reached_tokenizer_error_; }
  // Whether nesting went past CPython's parser stack (kMaxLevels).
  bool memory_error() const { return memory_error_; }
  // Whether the pass used up its work budget (kStepsPerToken) and gave up.
  bool exhausted() const { return exhausted_; }
  // The first use of a feature the interpreter does not support (complex literals, \N{}).
  const std::optional<SyntaxError>& unsupported() const { return unsupported_; }

  // Builds CPython's SyntaxError for a span, with the text and character offsets
  // _PyPegen_raise_error_known_location computes.
  SyntaxError build_error(SyntaxErrorKind kind, std::string message, ErrorSpan span) const;
  // CPython's token position for an error at tokens[index] (NEWLINE ends where it starts).
  ErrorSpan token_span(size_t index) const;
  // CPython's RAISE_SYNTAX_ERROR: at the furthest token fetched.
  SyntaxError error_at_last_token(SyntaxErrorKind kind, std::string message) const;

private:
  // --- Tokens -------------------------------------------------------------------------
  const Token& peek(size_t ahead = 0);
  TokenKind kind(size_t ahead = 0) { return peek(ahead).kind; }
  bool at(TokenKind k, size_t ahead = 0) { return kind(ahead) == k; }
  bool at_name(std::string_view text, size_t ahead = 0) {
    const Token& t = peek(ahead);
    return t.kind == TokenKind::NAME && t.text == text;
  }
  const Token& advance() { return tokens_[position_++]; }
  bool accept(TokenKind k) {
    if (!at(k)) return false;
    ++position_;
    return true;
  }
  // Consumes a `k` token or fails (generic failure, no message).
  bool expect(TokenKind k);
  // `&&'x'`: consumes a `k` token or raises "expected 'x'" at the current token.
  bool expect_forced(TokenKind k);
  const Token& previous() const { return tokens_[position_ - 1]; }
  // The last consumed token that is not NEWLINE, INDENT or DEDENT.
  const Token& last_significant() const;

  // --- Failure -------------------------------------------------------------------------
  // A generic failure; returns null so `return fail();` reads well.
  std::nullptr_t fail() {
    failed_ = true;
    return nullptr;
  }
  std::nullptr_t raise(SyntaxError error);
  // A node's position in this parser's own token coordinates (see shift_positions).
  ast::Location unshifted(const ast::Location& node) const;
  // RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node) / KNOWN_RANGE(a, b).
  std::nullptr_t raise_at(const ast::Location& node, std::string message);
  std::nullptr_t raise_range(const ast::Location& start, const ast::Location& end,
                             std::string message);
  std::nullptr_t raise_at_token(const Token& token, std::string message);
  std::nullptr_t raise_range_tokens(const Token& start, const Token& end, std::string message);
  // RAISE_SYNTAX_ERROR_STARTING_FROM(node): from the node to the tokenizer's cursor.
  std::nullptr_t raise_starting_from(const ast::Location& start, std::string message);
  // RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the furthest token.
  std::nullptr_t raise_here(std::string message,
                            SyntaxErrorKind kind = SyntaxErrorKind::syntax_error);
  void note_unsupported(const Token& token, std::string message);
  // Restores the position after a speculative parse that failed without an error;
  // returns false (and keeps the failure) when an error was raised.
  bool backtrack(size_t saved);


  // --- Nodes ---------------------------------------------------------------------------
  template <class T>
  T* node_at(const Token& start) {
    T* node = arena_.make<T>();
    node->lineno = shifted_line(start.line);
    node->col_offset = shifted_column(start.line, start.column);
    return node;
  }
  // Positions in an f-string field's parser are relative to "(expression)": these give
  // the position in the file (0 shifts elsewhere).
  int32_t shifted_line(int32_t line) const { return line + line_shift_; }
  int32_t shifted_column(int32_t line, int32_t column) const {
    return line == 1 ? column + first_line_column_shift_ : column;
  }
  template <class T>
  T* node_at(const ast::Location& start) {
    T* node = arena_.make<T>();
    node->lineno = start.lineno;
    node->col_offset = start.col_offset;
    return node;
  }
  // Ends `node` at the last consumed significant token.
  template <class T>
  T* finish(T* node) {
    const Token& last = last_significant();
    node->end_lineno = shifted_line(last.end_line);
    node->end_col_offset = shifted_column(last.end_line, last.end_column);
    return node;
  }
  template <class T>
  T* finish_at(T* node, const ast::Location& end) {
    node->end_lineno = end.end_lineno;
    node->end_col_offset = end.end_col_offset;
    return node;
  }
  ast::Name* name_node(const Token& token, ast::ExprContext ctx);

  // --- Depth ---------------------------------------------------------------------------
  // Counts `levels` CPython parser levels; false (MemoryError) past kMaxLevels.
  bool enter(int levels = 1);
  void leave(int levels = 1) { levels_ -= levels; }

  // --- Statements (parser_statements.cpp) -------------------------------------------------
  bool statements(std::vector<ast::Stmt*>& body, bool until_dedent);
  bool statement(std::vector<ast::Stmt*>& body);
  bool simple_statements(std::vector<ast::Stmt*>& body);
  ast::Stmt* simple_statement();
  ast::Stmt* expression_or_assignment_statement();
  bool block(std::vector<ast::Stmt*>& body, const Token& keyword, const char* what);
  ast::Stmt* compound_statement();
  ast::Stmt* function_definition(std::vector<ast::Expr*> decorators, const Token& start);
  ast::Stmt* class_definition(std::vector<ast::Expr*> decorators, const Token& start);
  ast::Stmt* if_statement(const Token& keyword);
  ast::Stmt* while_statement();
  ast::Stmt* for_statement(const Token* async_token);
  ast::Stmt* with_statement(const Token* async_token);
  ast::withitem* with_item();
  ast::Stmt* try_statement();
  ast::ExceptHandler* except_block(bool& star, bool first);
  ast::Stmt* import_name();
  ast::Stmt* import_from();
  bool dotted_name(std::string& name);
  ast::Stmt* return_statement();
  ast::Stmt* raise_statement();
  ast::Stmt* global_statement(bool nonlocal);
  ast::Stmt* del_statement();
  ast::Stmt* assert_statement();
  bool else_block(std::vector<ast::Stmt*>& body);
  ast::arguments* parameters(bool lambda);
  ast::arg* parameter(bool lambda, bool star_annotation);

  // --- Match (parser_patterns.cpp) ---------------------------------------------------------
  ast::Stmt* match_statement();
  ast::Expr* subject_expression();
  ast::match_case* case_block();
  ast::Pattern* patterns();
  ast::Pattern* pattern();
  ast::Pattern* or_pattern();
  ast::Pattern* closed_pattern();
  ast::Pattern* maybe_star_pattern();
  bool maybe_sequence_pattern(std::vector<ast::Pattern*>& out, TokenKind close);
  ast::Pattern* mapping_pattern();
  ast::Pattern* class_pattern(ast::Expr* cls, const Token& start);
  ast::Expr* literal_expression();
  ast::Expr* signed_number();
  ast::Expr* name_or_attribute();

  // --- Expressions (parser_expressions.cpp) ----------------------------------------------
  ast::Expr* star_expressions();
  ast::Expr* star_expression();
  ast::Expr* star_named_expression();
  bool star_named_expressions(std::vector<ast::Expr*>& out, TokenKind close);
  ast::Expr* named_expression();
  ast::Expr* expression();
  ast::Expr* lambda_expression();
  ast::Expr* disjunction();
  ast::Expr* conjunction();
  ast::Expr* inversion();
  ast::Expr* comparison();
  ast::Expr* bitwise_or();
  ast::Expr* bitwise_xor();
  ast::Expr* bitwise_and();
  ast::Expr* shift_expression();
  ast::Expr* sum();
  ast::Expr* term();
  ast::Expr* factor();
  ast::Expr* power();
  ast::Expr* await_primary();
  ast::Expr* primary();
  ast::Expr* primary_trailer(ast::Expr* value, const Token& start, bool& stop);
  ast::Expr* atom();
  ast::Expr* parenthesized();
  ast::Expr* bracketed();
  ast::Expr* braced();
  // One of those three at the current token, or a failure at once where it failed before.
  ast::Expr* bracket_atom(ast::Expr* (Parser::*rule)());
  ast::Expr* slices();
  ast::Expr* slice();
  ast::Expr* call(ast::Expr* func, const Token& start);
  // Arguments up to `close`; `open` is a call's '(' (a lone generator expression argument
  // starts there), null for class bases.
  bool call_arguments(std::vector<ast::Expr*>& args, std::vector<ast::keyword*>& keywords,
                      TokenKind close, const Token* open = nullptr);
  bool comprehension_clauses(std::vector<ast::comprehension*>& out);
  ast::Expr* yield_expression();
  ast::Expr* strings();
  // f-strings (fstring_parser.cpp), after CPython 3.11's Parser/string_parser.c.
  struct FStringState;
  bool fstring_concatenate(FStringState& state, std::string_view body, bool raw, int recursion,
                           const Token& first, const Token& token, const Token& last,
                           size_t& cursor);
  bool fstring_find_literal(FStringState& state, std::string_view body, bool raw, int recursion,
                            size_t& cursor, bool& doubled_brace);
  ast::Expr* fstring_find_expression(FStringState& state, std::string_view body, bool raw,
                                     int recursion, const Token& first, const Token& token,
                                     const Token& last, size_t& cursor);
  ast::Expr* fstring_compile_expression(std::string_view token_text, std::string_view body,
                                        size_t start, size_t end, const Token& token);
  ast::Expr* fstring_finish(FStringState& state, const Token& first, const Token& last);
  ast::Expr* string_constant(std::string value, const Token& first, const Token& last);
  ast::Expr* number(const Token& token);
  void invalid_expression_checks(ast::Expr* start_expression, size_t start);
  // The bracket nesting after tokens_[index], as CPython records it on each token.
  int bracket_level(size_t index);

  // --- Targets (parser_targets.cpp) -------------------------------------------------------
  // star_targets for `for`, comprehensions and `with ... as`: a list of primaries.
  ast::Expr* star_targets();
  ast::Expr* star_target();
  // Sets `ctx` on a parsed expression used as a target; false when it cannot be one.
  bool set_context(ast::Expr* target, ast::ExprContext ctx);
  // CPython's _PyPegen_get_invalid_target.
  enum class TargetsType { star, del, for_loop };
  static ast::Expr* invalid_target(ast::Expr* expression, TargetsType type);
  // RAISE_SYNTAX_ERROR_INVALID_TARGET: raises when `expression` holds an invalid target.
  bool raise_invalid_target(TargetsType type, ast::Expr* expression);

  // --- State ---------------------------------------------------------------------------
  const SourceText& text_;              // the source lines, for errors
  const std::vector<Token>& tokens_;    // py::lex's tokens
  bool tokens_complete_;                // tokens end with ENDMARKER (no tokenizer error)
  Token stop_token_;                    // returned past the last token: an OP no rule takes
  ast::Arena& arena_;                   // where nodes go
  bool invalid_pass_;                   // the second pass: invalid_ rules are checked
  int fstring_depth_;                   // nesting of f-string fields being parsed (0: none)
  size_t position_ = 0;                 // index of the next token
  size_t furthest_ = 0;                 // the furthest token index looked at
  bool failed_ = false;                 // the parse failed
  bool reached_tokenizer_error_ = false;  // needed a token past a tokenizer error
  bool memory_error_ = false;           // nesting went past kMaxLevels
  bool exhausted_ = false;              // steps_left_ ran out: the pass gave up
  size_t steps_left_;                   // enter() calls this pass may still make
  std::optional<SyntaxError> error_;    // the specific error raised, if any
  bool error_adopted_ = false;          // error_ came from a nested f-string field's parser
  std::optional<SyntaxError> unsupported_;  // first unsupported feature seen
  int levels_ = kBaseLevels;            // approximate CPython parser levels in use
  std::vector<int> bracket_levels_;     // bracket_level() per token, computed when needed
  // Per token: a bracketed atom starting there failed (bracket_atom), sized when needed.
  std::vector<bool> bracket_atom_failed_;
  int32_t line_shift_ = 0;              // added to token lines (f-string fields)
  int32_t first_line_column_shift_ = 0; // added to columns on token line 1 (f-string fields)
};

// The outcome of CPython's _PyPegen_run_parser over one token stream.
struct RunResult {
  ast::Module* module = nullptr;      // for a file
  ast::Expr* expression = nullptr;    // for an f-string field
  std::optional<SyntaxError> error;   // the error CPython reports
  ParseErrorKind error_kind = ParseErrorKind::syntax_error;
};

// Parses `tokens` of `text` in CPython's two passes and picks the error it reports. For an
// f-string field, `field_line` and `field_column` place its line 1 in the file.
RunResult run_parser(const SourceText& text, const LexResult& lexed,
                     ast::Arena& arena, bool fstring_field, int fstring_depth,
                     int32_t field_line = 1, int32_t field_column = 0);

}  // namespace py::parser_detail
