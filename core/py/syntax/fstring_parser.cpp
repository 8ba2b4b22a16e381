// String literals in the grammar: implicit concatenation of STRING tokens, and f-strings
// parsed into JoinedStr / FormattedValue, after CPython 3.11's Parser/string_parser.c
// (_PyPegen_concatenate_strings, fstring_find_literal, fstring_find_expr,
// fstring_compile_expr). As in 3.11, an f-string is one STRING token: its replacement
// fields are scanned here and each field's text is parsed as "(text)" by a parser of its
// own, whose node positions are moved to where the field sits in the file.
//
// Design decision: follow string_parser.c function by function, errors included, since
// their messages and positions are what programs print. The cost: the odd positions of
// 3.11 (every Constant and FormattedValue spans the whole concatenation) are kept too.
#include "core/py/syntax/lexer.hpp"
#include "core/py/syntax/parser_impl.hpp"
#include "core/py/syntax/string_literal.hpp"

namespace py::parser_detail {

using ast::Expr;

namespace {

// A STRING token's text as CPython's tokenizer hands it over: line breaks read as "\n".
std::string translated(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

constexpr int kMaxFieldBrackets = 200;  // CPython's MAXLEVEL for brackets in a field

}  // namespace

// FstringParser of string_parser.c: the pieces of a JoinedStr being built.
struct Parser::FStringState {
  std::string last_str;             // literal text not yet made a Constant
  std::vector<Expr*> values;        // the JoinedStr's values so far
  bool fmode = false;               // an f-string took part (else the result is a Constant)
  std::string_view token_text;      // the token being read (translated), for positions
};

Expr* Parser::string_constant(std::string value, const Token& first, const Token& last) {
  auto* constant = node_at<ast::Constant>(first);
  constant->value.kind = ast::ConstantValue::Kind::Str;
  constant->value.text = std::move(value);
  constant->u_prefix = !first.text.empty() && first.text[0] == 'u';
  constant->end_lineno = shifted_line(last.end_line);
  constant->end_col_offset = shifted_column(last.end_line, last.end_column);
  return constant;
}

Expr* Parser::strings() {
  size_t first_index = position_;
  while (at(TokenKind::STRING)) advance();
  size_t last_index = position_ - 1;
  peek();  // CPython's STRING+ looked at the token after the strings
  const Token& first = tokens_[first_index];
  const Token& last = tokens_[last_index];

  FStringState state;
  bool bytes_mode = false;
  std::string bytes_value;
  for (size_t index = first_index; index <= last_index; ++index) {
    const Token& token = tokens_[index];
    std::string text = translated(token.text);
    literal::StringParts parts = literal::split_string_token(text);
    if (index != first_index && bytes_mode != parts.bytes) {
      return raise_here("cannot mix bytes and nonbytes literals");
    }
    bytes_mode = parts.bytes;
    if (parts.formatted) {
      state.token_text = text;
      size_t cursor = 0;
      if (!fstring_concatenate(state, parts.body, parts.raw, 0, first, token, last, cursor)) {
        return nullptr;
      }
      continue;
    }
    std::string value;
    std::string error_message;
    if (parts.bytes) {
      for (char c : parts.body) {
        if (static_cast<unsigned char>(c) >= 0x80) {
          return raise_at_token(token, "bytes can only contain ASCII literal characters");
        }
      }
      if (!literal::decode_bytes_body(parts.body, parts.raw, value, error_message)) {
        return raise_here(error_message);
      }
      bytes_value += value;
    } else {
      bool unsupported = false;
      if (!literal::decode_string_body(parts.body, parts.raw, value, error_message, unsupported)) {
        return raise_here(error_message);
      }
      if (unsupported) note_unsupported(token, "\\N{...} escapes are not supported");
      state.last_str += value;
    }
  }
  if (bytes_mode) {
    auto* constant = node_at<ast::Constant>(first);
    constant->value.kind = ast::ConstantValue::Kind::Bytes;
    constant->value.text = std::move(bytes_value);
    constant->end_lineno = shifted_line(last.end_line);
    constant->end_col_offset = shifted_column(last.end_line, last.end_column);
    return constant;
  }
  return fstring_finish(state, first, last);
}

Expr* Parser::fstring_finish(FStringState& state, const Token& first, const Token& last) {
  if (!state.fmode) return string_constant(std::move(state.last_str), first, last);
  if (!state.last_str.empty()) {
    state.values.push_back(string_constant(std::move(state.last_str), first, last));
    state.last_str.clear();
  }
  auto* joined = node_at<ast::JoinedStr>(first);
  joined->values = std::move(state.values);
  joined->end_lineno = shifted_line(last.end_line);
  joined->end_col_offset = shifted_column(last.end_line, last.end_column);
  return joined;
}

bool Parser::fstring_concatenate(FStringState& state, std::string_view body, bool raw,
                                 int recursion, const Token& first, const Token& token,
                                 const Token& last, size_t& cursor) {
  state.fmode = true;
  for (;;) {
    bool doubled_brace = false;
    if (!fstring_find_literal(state, body, raw, recursion, cursor, doubled_brace)) return false;
    if (doubled_brace) continue;
    if (cursor >= body.size() || body[cursor] == '}') break;
    Expr* field = fstring_find_expression(state, body, raw, recursion, first, token, last, cursor);
    if (field == nullptr) return false;
    if (!state.last_str.empty()) {
      state.values.push_back(string_constant(std::move(state.last_str), first, last));
      state.last_str.clear();
    }
    state.values.push_back(field);
  }
  if (recursion == 0 && cursor + 1 < body.size()) {
    raise_here("f-string: unexpected end of string");
    return false;
  }
  if (recursion != 0 && (cursor >= body.size() || body[cursor] != '}')) {
    raise_here("f-string: expecting '}'");
    return false;
  }
  return true;
}

bool Parser::fstring_find_literal(FStringState& state, std::string_view body, bool raw,
                                  int recursion, size_t& cursor, bool& doubled_brace) {
  size_t start = cursor;
  size_t s = cursor;
  size_t literal_end = std::string_view::npos;
  while (s < body.size()) {
    char c = body[s++];
    if (!raw && c == '\\' && s < body.size()) {
      c = body[s++];
      if (c == 'N') {  // skip "\N{name}": its brace does not start a field
        if (s < body.size() && body[s++] == '{') {
          while (s < body.size() && body[s++] != '}') {
          }
        }
        continue;
      }
    }
    if (c == '{' || c == '}') {
      if (recursion == 0) {
        if (s < body.size() && body[s] == c) {  // a doubled brace: literal up to one of them
          literal_end = s;
          cursor = s + 1;
          doubled_brace = true;
          break;
        }
        if (c == '}') {
          cursor = s - 1;
          raise_here("f-string: single '}' is not allowed");
          return false;
        }
      }
      --s;
      break;
    }
  }
  if (!doubled_brace) {
    literal_end = s;
    cursor = s;
  }
  if (literal_end == start) return true;
  std::string_view literal_text = body.substr(start, literal_end - start);
  if (raw) {
    state.last_str += literal_text;
    return true;
  }
  std::string decoded;
  std::string error_message;
  bool unsupported = false;
  if (!literal::decode_string_body(literal_text, false, decoded, error_message, unsupported)) {
    raise_here(error_message);
    return false;
  }
  if (unsupported) {
    note_unsupported(tokens_[std::min(furthest_, tokens_.size() - 1)],
                     "\\N{...} escapes are not supported");
  }
  state.last_str += decoded;
  return true;
}

Expr* Parser::fstring_find_expression(FStringState& state, std::string_view body, bool raw,
                                      int recursion, const Token& first, const Token& token,
                                      const Token& last, size_t& cursor) {
  if (recursion >= 2) return raise_here("f-string: expressions nested too deeply");
  ++cursor;  // '{'
  size_t expression_start = cursor;
  char quote = 0;        // the quote of a string inside the field, or 0
  int string_type = 0;   // 1 or 3 quotes
  std::vector<char> brackets;
  for (; cursor < body.size(); ++cursor) {
    char c = body[cursor];
    if (c == '\\') return raise_here("f-string expression part cannot include a backslash");
    if (quote) {
      if (c == quote) {
        if (string_type == 3) {
          if (cursor + 2 < body.size() && body[cursor + 1] == c && body[cursor + 2] == c) {
            cursor += 2;
            quote = 0;
            string_type = 0;
          }
        } else {
          quote = 0;
          string_type = 0;
        }
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      if (cursor + 2 < body.size() && body[cursor + 1] == c && body[cursor + 2] == c) {
        string_type = 3;
        cursor += 2;
      } else {
        string_type = 1;
      }
      quote = c;
    } else if (c == '[' || c == '{' || c == '(') {
      if (brackets.size() >= kMaxFieldBrackets) {
        return raise_here("f-string: too many nested parenthesis");
      }
      brackets.push_back(c);
    } else if (c == '#') {
      return raise_here("f-string expression part cannot include '#'");
    } else if (brackets.empty() &&
               (c == '!' || c == ':' || c == '}' || c == '=' || c == '>' || c == '<')) {
      if (cursor + 1 < body.size()) {
        char next = body[cursor + 1];
        if ((c == '!' && next == '=') || (c == '=' && next == '=') || (c == '<' && next == '=') ||
            (c == '>' && next == '=')) {
          ++cursor;
          continue;
        }
      }
      if (c == '>' || c == '<') continue;
      break;
    } else if (c == ']' || c == '}' || c == ')') {
      if (brackets.empty()) return raise_here(std::string("f-string: unmatched '") + c + "'");
      char opening = brackets.back();
      brackets.pop_back();
      if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
            (opening == '{' && c == '}'))) {
        return raise_here(std::string("f-string: closing parenthesis '") + c +
                          "' does not match opening parenthesis '" + opening + "'");
      }
    }
  }
  size_t expression_end = cursor;
  if (quote) return raise_here("f-string: unterminated string");
  if (!brackets.empty()) {
    return raise_here(std::string("f-string: unmatched '") + brackets.back() + "'");
  }
  if (cursor >= body.size()) return raise_here("f-string: expecting '}'");

  Expr* value = fstring_compile_expression(state.token_text, body, expression_start,
                                           expression_end, token);
  if (value == nullptr) return nullptr;

  auto* field = node_at<ast::FormattedValue>(first);
  field->value = value;
  bool debug = false;
  if (body[cursor] == '=') {  // {expression=}: the text goes in front
    ++cursor;
    while (cursor < body.size() &&
           (body[cursor] == ' ' || body[cursor] == '\t' || body[cursor] == '\n' ||
            body[cursor] == '\r' || body[cursor] == '\f' || body[cursor] == '\v')) {
      ++cursor;
    }
    if (cursor >= body.size()) return raise_here("f-string: expecting '}'");
    state.last_str += body.substr(expression_start, cursor - expression_start);
    debug = true;
  }
  if (body[cursor] == '!') {
    ++cursor;
    if (cursor >= body.size()) return raise_here("f-string: expecting '}'");
    char conversion = body[cursor++];
    if (conversion != 's' && conversion != 'r' && conversion != 'a') {
      return raise_here("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    field->conversion = conversion;
  }
  if (cursor < body.size() && body[cursor] == ':') {
    ++cursor;
    if (cursor >= body.size()) return raise_here("f-string: expecting '}'");
    FStringState spec;
    spec.token_text = state.token_text;
    if (!fstring_concatenate(spec, body, raw, recursion + 1, first, token, last, cursor)) {
      return nullptr;
    }
    field->format_spec = fstring_finish(spec, token, token);
  }
  if (cursor >= body.size() || body[cursor] != '}') return raise_here("f-string: expecting '}'");
  ++cursor;
  if (debug && field->format_spec == nullptr && field->conversion == -1) field->conversion = 'r';
  field->end_lineno = shifted_line(last.end_line);
  field->end_col_offset = shifted_column(last.end_line, last.end_column);
  return field;
}

Expr* Parser::fstring_compile_expression(std::string_view token_text, std::string_view body,
                                         size_t start, size_t end, const Token& token) {
  size_t s = start;
  while (s < end && (body[s] == ' ' || body[s] == '\t' || body[s] == '\n' || body[s] == '\f')) ++s;
  if (s == end) {
    char after = end < body.size() ? body[end] : '\0';
    if (after == '!' || after == ':' || after == '=') {
      return raise_here(std::string("f-string: expression required before '") + after + "'");
    }
    return raise_here("f-string: empty expression not allowed");
  }
  // Where the field is: CPython's fstring_find_expr_location, from the token's text.
  size_t brace = static_cast<size_t>(body.data() - token_text.data()) + start - 1;
  int32_t lines = 0;
  for (size_t i = 0; i < brace; ++i) lines += token_text[i] == '\n';
  bool newline_after_brace = true;
  for (size_t i = brace + 1; i < token_text.size() && token_text[i] != '}' && token_text[i] != '\n'; ++i) {
    if (token_text[i] != ' ' && token_text[i] != '\t' && token_text[i] != '\f') {
      newline_after_brace = false;
      break;
    }
  }
  int32_t columns = 0;
  if (!newline_after_brace) {
    size_t i = brace;
    while (i > 0 && token_text[i] != '\n') --i;
    columns = static_cast<int32_t>(brace - i);
    if (token_text[i] == '\n') columns -= 1;
  }
  int32_t field_line = shifted_line(token.line + lines);
  int32_t field_column = lines != 0 ? columns : shifted_column(token.line, token.column) + columns;

  std::string source = "(";
  source += body.substr(start, end - start);
  source += ')';
  LexResult lexed = lex(source);
  SourceText text(source);
  RunResult run = run_parser(text, lexed, arena_, true, fstring_depth_ + 1, field_line, field_column);
  if (run.error_kind == ParseErrorKind::memory_error) {
    memory_error_ = true;
    return fail();
  }
  if (run.error_kind == ParseErrorKind::unsupported_feature && run.expression != nullptr) {
    if (!unsupported_) unsupported_ = run.error;
    return run.expression;
  }
  if (run.error) {
    SyntaxError error = std::move(*run.error);
    if (error.line > 0) {
      error.line += field_line - 1;
      error.end_line += field_line - 1;
    }
    if (!error_) error_adopted_ = true;
    return raise(std::move(error));
  }
  if (run.expression == nullptr) return fail();
  return run.expression;
}

}  // namespace py::parser_detail
