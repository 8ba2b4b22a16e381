// The parser's driver, token access and error machinery (core/py/syntax/parser.hpp,
// core/py/syntax/parser_impl.hpp). The grammar is in parser_statements.cpp,
// parser_expressions.cpp, parser_targets.cpp, parser_patterns.cpp and fstring_parser.cpp.
#include "core/py/syntax/parser.hpp"

#include "core/py/syntax/lexer.hpp"
#include "core/py/syntax/parser_impl.hpp"

namespace py {

namespace parser_detail {

namespace {

// Whether a token kind is made of line structure rather than text.
bool is_layout(TokenKind kind) {
  return kind == TokenKind::NEWLINE || kind == TokenKind::INDENT || kind == TokenKind::DEDENT ||
         kind == TokenKind::ENDMARKER;
}

// CPython's _PyPegen_byte_offset_to_character_offset: the characters in the first
// `byte_offset` bytes of `text` (past its end, each missing byte counts as one).
int32_t character_offset(std::string_view text, int32_t byte_offset) {
  if (byte_offset <= 0) return byte_offset < 0 ? byte_offset : 0;
  auto bytes = static_cast<size_t>(byte_offset);
  if (bytes > text.size() + 1) bytes = text.size() + 1;
  if (bytes <= text.size()) return utf8::count_characters(text.substr(0, bytes));
  return utf8::count_characters(text) + static_cast<int32_t>(bytes - text.size());
}

}  // namespace

SourceText::SourceText(std::string_view source) : source(source) {
  if (this->source.starts_with("\xEF\xBB\xBF")) this->source.remove_prefix(3);
  line_starts.push_back(0);
  std::string_view text = this->source;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (i + 1 < text.size()) line_starts.push_back(i + 1);
    }
  }
}

std::string_view SourceText::line(int32_t line) const {
  if (line < 1 || static_cast<size_t>(line) > line_starts.size()) return {};
  std::string_view rest = source.substr(line_starts[line - 1]);
  return rest.substr(0, rest.find_first_of("\r\n"));
}

Parser::Parser(const SourceText& text, const std::vector<Token>& tokens, bool tokens_complete,
               ast::Arena& arena, bool invalid_pass, size_t first_pass_furthest,
               int fstring_depth)
    : text_(text),
      tokens_(tokens),
      tokens_complete_(tokens_complete),
      arena_(arena),
      invalid_pass_(invalid_pass),
      fstring_depth_(fstring_depth),
      furthest_(first_pass_furthest),
      steps_left_(kStepsPerToken * tokens.size() + kBaseSteps) {
  stop_token_.kind = TokenKind::OP;
  const Token* last = tokens.empty() ? nullptr : &tokens.back();
  stop_token_.line = stop_token_.end_line = last ? last->end_line : 1;
  stop_token_.column = stop_token_.end_column = last ? last->end_column : 0;
}

const Token& Parser::peek(size_t ahead) {
  size_t index = position_ + ahead;
  if (index >= tokens_.size()) {
    // CPython's tokenizer raises its error when asked for this token, unless the parser
    // already raised one.
    if (!tokens_complete_ && !error_) {
      reached_tokenizer_error_ = true;
      failed_ = true;
    }
    if (!tokens_.empty() && furthest_ < tokens_.size() - 1) furthest_ = tokens_.size() - 1;
    return stop_token_;
  }
  if (index > furthest_) furthest_ = index;
  return tokens_[index];
}

bool Parser::expect(TokenKind k) {
  if (accept(k)) return true;
  fail();
  return false;
}

bool Parser::expect_forced(TokenKind k) {
  if (accept(k)) return true;
  const Token& token = peek();
  std::string message = "expected '";
  message += token_kind_spelling(k);
  message += "'";
  raise_at_token(token, std::move(message));
  return false;
}

const Token& Parser::last_significant() const {
  size_t index = position_;
  while (index > 0 && is_layout(tokens_[index - 1].kind)) --index;
  return tokens_[index > 0 ? index - 1 : 0];
}

bool Parser::enter(int levels) {
  if (steps_left_ == 0) {
    exhausted_ = failed_ = true;
    return false;
  }
  --steps_left_;
  levels_ += levels;
  if (levels_ > kMaxLevels) {
    if (!memory_error_) memory_error_ = true;
    failed_ = true;
    levels_ -= levels;
    return false;
  }
  return true;
}

bool Parser::backtrack(size_t saved) {
  if (error_ || memory_error_ || exhausted_ || reached_tokenizer_error_) return false;
  failed_ = false;
  position_ = saved;
  return true;
}

ast::Name* Parser::name_node(const Token& token, ast::ExprContext ctx) {
  auto* name = node_at<ast::Name>(token);
  name->id.assign(token.text);
  name->ctx = ctx;
  name->end_lineno = shifted_line(token.end_line);
  name->end_col_offset = shifted_column(token.end_line, token.end_column);
  return name;
}

void Parser::note_unsupported(const Token& token, std::string message) {
  if (unsupported_) return;
  ErrorSpan span{token.line, token.column + 1, token.end_line, token.end_column + 1};
  unsupported_ = build_error(SyntaxErrorKind::syntax_error, std::move(message), span);
}

// --- Errors -------------------------------------------------------------------------------

ErrorSpan Parser::token_span(size_t index) const {
  const Token& token = index < tokens_.size() ? tokens_[index] : stop_token_;
  switch (token.kind) {
    case TokenKind::NEWLINE:
      return {token.line, token.column + 1, token.line, token.column + 1};
    default:
      return {token.line, token.column + 1, token.end_line, token.end_column + 1};
  }
}

namespace {

// Where CPython's tokenizer is after producing tokens[index]: its line number, the
// column of its cursor in that line, and the line where its buffer starts.
struct TokenizerState {
  int32_t line;          // tok->lineno
  int32_t cursor;        // tok->cur - tok->line_start, in bytes
  int32_t buffer_start;  // the first line of tok->buf
};

TokenizerState tokenizer_state(const SourceText& text, const std::vector<Token>& tokens,
                               size_t index) {
  auto last_line = static_cast<int32_t>(text.line_starts.size());
  if (tokens.empty()) return {1, 0, 1};
  if (index >= tokens.size()) index = tokens.size() - 1;
  const Token& token = tokens[index];
  bool at_end = true;  // only DEDENTs and ENDMARKER from here: the tokenizer hit EOF
  for (size_t i = index; i < tokens.size() && at_end; ++i) {
    at_end = tokens[i].kind == TokenKind::DEDENT || tokens[i].kind == TokenKind::ENDMARKER;
  }
  if (at_end && (token.kind == TokenKind::DEDENT || token.kind == TokenKind::ENDMARKER)) {
    bool complete = tokens.back().kind == TokenKind::ENDMARKER;
    if (complete) {
      auto length = static_cast<int32_t>(text.line(last_line).size());
      return {last_line, length + 1, last_line};
    }
  }
  if (token.kind == TokenKind::INDENT || token.kind == TokenKind::DEDENT) {
    int32_t column = token.kind == TokenKind::INDENT
                         ? static_cast<int32_t>(token.text.size())
                         : token.column;
    return {token.line, column, token.line};
  }
  int32_t buffer_start = token.line;
  // A string token that began on an earlier line, or a line continued by a backslash,
  // keeps the tokenizer's buffer on the line where it began.
  for (;;) {
    bool moved = false;
    for (size_t i = index + 1; i-- > 0;) {
      const Token& other = tokens[i];
      if (other.end_line < buffer_start) break;
      if (other.line < buffer_start && other.kind == TokenKind::STRING) {
        buffer_start = other.line;
        moved = true;
      }
    }
    if (buffer_start > 1) {
      std::string_view previous = text.line(buffer_start - 1);
      if (!previous.empty() && previous.back() == '\\') {
        --buffer_start;
        moved = true;
      }
    }
    if (!moved) break;
  }
  int32_t cursor = token.kind == TokenKind::NEWLINE ? token.column + 1 : token.end_column;
  return {token.end_line, cursor, buffer_start};
}

// When the tokens stop at the end of the input inside brackets (CPython's tokenizer then
// sets E_EOF with brackets open): "'(' was never closed" for the innermost one, as CPython
// raises it after tokenizing the rest of the source. nullopt when the tokens stop for
// another reason.
std::optional<SyntaxError> unclosed_bracket_error(const SourceText& text,
                                                  const std::vector<Token>& tokens) {
  std::vector<const Token*> open;
  for (const Token& token : tokens) {
    switch (token.kind) {
      case TokenKind::LPAR: case TokenKind::LSQB: case TokenKind::LBRACE:
        open.push_back(&token);
        break;
      case TokenKind::RPAR: case TokenKind::RSQB: case TokenKind::RBRACE:
        if (!open.empty()) open.pop_back();
        break;
      default:
        break;
    }
  }
  if (open.empty() || tokens.empty()) return std::nullopt;
  // Only blanks and comments may follow the last token.
  const Token& last = tokens.back();
  size_t position = text.line_starts[static_cast<size_t>(last.end_line) - 1] +
                    static_cast<size_t>(last.end_column);
  bool in_comment = false;
  for (size_t i = position; i < text.source.size(); ++i) {
    char c = text.source[i];
    if (c == '\n' || c == '\r') {
      in_comment = false;
    } else if (c == '#') {
      in_comment = true;
    } else if (!in_comment && c != ' ' && c != '\t' && c != '\f') {
      return std::nullopt;
    }
  }
  const Token& bracket = *open.back();
  SyntaxError error;
  error.message = std::string("'") + bracket.text[0] + "' was never closed";
  error.line = error.end_line = bracket.line;
  error.text = std::string(text.line(bracket.line));
  keep_last_file_buffer_piece(error.text);
  error.offset = character_offset(error.text, bracket.column + 1);
  error.end_offset = 0;
  return error;
}

}  // namespace

SyntaxError Parser::build_error(SyntaxErrorKind kind, std::string message, ErrorSpan span) const {
  SyntaxError error;
  error.kind = kind;
  error.message = std::move(message);
  error.line = span.line;
  error.end_line = span.end_line;
  TokenizerState state = tokenizer_state(text_, tokens_, furthest_);
  if (state.line <= span.line) {
    for (int32_t line = state.buffer_start; line <= state.line; ++line) {
      error.text += text_.line(line);
      error.text += '\n';
    }
  } else {
    error.text = std::string(text_.line(span.line));
  }
  keep_last_file_buffer_piece(error.text);
  error.offset = character_offset(error.text, span.offset);
  error.end_offset =
      span.end_offset > 0 ? character_offset(error.text, span.end_offset) : span.end_offset;
  return error;
}

SyntaxError Parser::error_at_last_token(SyntaxErrorKind kind, std::string message) const {
  size_t index = furthest_ < tokens_.size() ? furthest_ : tokens_.size() - 1;
  const Token& token = tokens_[index];
  ErrorSpan span;
  if (token.kind == TokenKind::INDENT || token.kind == TokenKind::DEDENT ||
      token.kind == TokenKind::ENDMARKER) {
    TokenizerState state = tokenizer_state(text_, tokens_, index);
    span = {state.line, state.cursor, state.line, -1};
  } else {
    span = token_span(index);
  }
  return build_error(kind, std::move(message), span);
}

std::nullptr_t Parser::raise(SyntaxError error) {
  if (!error_ && !reached_tokenizer_error_) error_ = std::move(error);
  failed_ = true;
  return nullptr;
}

ast::Location Parser::unshifted(const ast::Location& node) const {
  ast::Location location = node;
  location.lineno -= line_shift_;
  location.end_lineno -= line_shift_;
  if (location.lineno == 1) location.col_offset -= first_line_column_shift_;
  if (location.end_lineno == 1) location.end_col_offset -= first_line_column_shift_;
  return location;
}

std::nullptr_t Parser::raise_at(const ast::Location& shifted_node, std::string message) {
  ast::Location node = unshifted(shifted_node);
  return raise(build_error(SyntaxErrorKind::syntax_error, std::move(message),
                           {node.lineno, node.col_offset + 1, node.end_lineno,
                            node.end_col_offset + 1}));
}

std::nullptr_t Parser::raise_range(const ast::Location& shifted_start,
                                   const ast::Location& shifted_end, std::string message) {
  ast::Location start = unshifted(shifted_start);
  ast::Location end = unshifted(shifted_end);
  return raise(build_error(SyntaxErrorKind::syntax_error, std::move(message),
                           {start.lineno, start.col_offset + 1, end.end_lineno,
                            end.end_col_offset + 1}));
}

std::nullptr_t Parser::raise_at_token(const Token& token, std::string message) {
  size_t index = static_cast<size_t>(&token - tokens_.data());
  ErrorSpan span = index < tokens_.size() ? token_span(index) : token_span(tokens_.size());
  return raise(build_error(SyntaxErrorKind::syntax_error, std::move(message), span));
}

std::nullptr_t Parser::raise_range_tokens(const Token& start, const Token& end,
                                          std::string message) {
  return raise(build_error(SyntaxErrorKind::syntax_error, std::move(message),
                           {start.line, start.column + 1, end.end_line, end.end_column + 1}));
}

std::nullptr_t Parser::raise_starting_from(const ast::Location& shifted_start,
                                           std::string message) {
  ast::Location start = unshifted(shifted_start);
  TokenizerState state = tokenizer_state(text_, tokens_, furthest_);
  return raise(build_error(SyntaxErrorKind::syntax_error, std::move(message),
                           {start.lineno, start.col_offset + 1, state.line, state.cursor}));
}

std::nullptr_t Parser::raise_here(std::string message, SyntaxErrorKind kind) {
  return raise(error_at_last_token(kind, std::move(message)));
}

// --- The driver ---------------------------------------------------------------------------

ast::Expr* Parser::parse_fstring_expression() { return star_expressions(); }

ast::Module* Parser::parse_file() {
  auto* module = arena_.make<ast::Module>();
  if (!statements(module->body, false)) return nullptr;
  if (!at(TokenKind::ENDMARKER)) return fail();
  return module;
}

RunResult run_parser(const SourceText& text, const LexResult& lexed, ast::Arena& arena,
                     bool fstring_field, int fstring_depth, int32_t field_line,
                     int32_t field_column) {
  RunResult result;
  bool complete = !lexed.tokens.empty() && lexed.tokens.back().kind == TokenKind::ENDMARKER;
  Parser first(text, lexed.tokens, complete, arena, false, 0, fstring_depth);
  first.shift_positions(field_line, field_column);
  bool parsed;
  if (fstring_field) {
    result.expression = first.parse_fstring_expression();
    parsed = result.expression != nullptr && !first.failed();
  } else {
    result.module = first.parse_file();
    parsed = result.module != nullptr && !first.failed();
  }
  if (parsed) {
    if (first.unsupported()) {
      result.error = first.unsupported();
      result.error_kind = ParseErrorKind::unsupported_feature;
      result.module = nullptr;  // an f-string field keeps its expression for the caller
    }
    return result;
  }
  result.module = nullptr;
  result.expression = nullptr;
  if (first.memory_error()) {
    result.error_kind = ParseErrorKind::memory_error;
    result.error = SyntaxError{};
    return result;
  }

  std::optional<SyntaxError> error;
  bool adopted_in_second_pass = false;  // the error comes from a nested f-string field
  bool generic_indentation = false;  // "unexpected indent/unindent": no look further
  size_t last_token_index = first.furthest();
  size_t error_token_index = last_token_index;
  if (first.error()) {
    error = first.error();
  } else if (first.reached_tokenizer_error()) {
    error = lexed.error;
  } else if (first.exhausted()) {
    error = first.build_error(SyntaxErrorKind::syntax_error, "invalid syntax",
                              first.token_span(last_token_index));
  } else {
    Parser second(text, lexed.tokens, complete, arena, true, first.furthest(), fstring_depth);
    second.shift_positions(field_line, field_column);
    if (fstring_field) {
      second.parse_fstring_expression();
    } else {
      second.parse_file();
    }
    error_token_index = second.furthest();
    if (second.memory_error()) {
      result.error_kind = ParseErrorKind::memory_error;
      result.error = SyntaxError{};
      return result;
    }
    if (second.error()) {
      error = second.error();
      adopted_in_second_pass = second.error_adopted();
    } else if (second.reached_tokenizer_error()) {
      error = lexed.error;
    } else {
      const Token& last = lexed.tokens[std::min(last_token_index, lexed.tokens.size() - 1)];
      if (last.kind == TokenKind::INDENT || last.kind == TokenKind::DEDENT) {
        error = second.error_at_last_token(
            SyntaxErrorKind::indentation_error,
            last.kind == TokenKind::INDENT ? "unexpected indent" : "unexpected unindent");
        generic_indentation = true;
      } else {
        // "invalid syntax" at the first pass's furthest token, text as the tokenizer is now.
        ErrorSpan span = second.token_span(last_token_index);
        error = second.build_error(SyntaxErrorKind::syntax_error, "invalid syntax", span);
      }
    }
  }
  // A tokenizer error further on replaces a parse error (CPython tokenizes the rest).
  if (lexed.error && !generic_indentation) {
    if (lexed.error_overrides_parse_errors) {
      error = lexed.error;
    } else if (!complete) {
      std::optional<SyntaxError> unclosed = unclosed_bracket_error(text, lexed.tokens);
      size_t index = std::min(error_token_index, lexed.tokens.size() - 1);
      if (unclosed && lexed.tokens[index].line > unclosed->line) error = unclosed;
    }
  }
  // Errors the parser of an f-string field raises say so (the tokenizer's do not).
  bool from_tokenizer = lexed.error && error == lexed.error && lexed.error_overrides_parse_errors;
  bool adopted = (first.error() && first.error_adopted()) || adopted_in_second_pass;
  if (fstring_field && error && !from_tokenizer && !adopted) {
    error->message = "f-string: " + error->message;
  }
  result.error = std::move(error);
  return result;
}

}  // namespace parser_detail

ParseResult parse(std::string_view source, std::string_view filename) {
  ParseResult result;
  result.arena = std::make_unique<ast::Arena>();
  LexResult lexed = lex(source, filename);
  result.warnings = lexed.warnings;
  parser_detail::SourceText text(source);
  parser_detail::RunResult run = parser_detail::run_parser(text, lexed, *result.arena, false, 0);
  if (run.module != nullptr && !run.error) {
    result.module = run.module;
    return result;
  }
  result.arena.reset();
  result.error = std::move(run.error);
  if (!result.error) result.error = lexed.error;
  result.error_kind = run.error_kind;
  return result;
}

}  // namespace py
