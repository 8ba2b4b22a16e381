// The match statement and its patterns: Grammar/python.gram from match_stmt to
// keyword_pattern, with invalid_match_stmt, invalid_case_block, invalid_as_pattern and
// invalid_class_pattern in the second pass. `match`, `case` and `_` are soft keywords: NAME
// tokens that mean a keyword only here.
#include "core/py/syntax/parser_impl.hpp"

namespace py::parser_detail {

using ast::Expr;
using ast::Pattern;

ast::Stmt* Parser::match_statement() {
  const Token& keyword = advance();  // "match"
  if (!at(TokenKind::NAME) && !at(TokenKind::LPAR) && !at(TokenKind::LSQB) &&
      !at(TokenKind::LBRACE) && !at(TokenKind::NUMBER) && !at(TokenKind::STRING) &&
      !at(TokenKind::MINUS) && !at(TokenKind::PLUS) && !at(TokenKind::TILDE) &&
      !at(TokenKind::STAR) && !at(TokenKind::NOT) && !at(TokenKind::AWAIT) &&
      !at(TokenKind::LAMBDA) && !at(TokenKind::NONE) && !at(TokenKind::TRUE) &&
      !at(TokenKind::FALSE) && !at(TokenKind::ELLIPSIS)) {
    return fail();
  }
  auto* statement = node_at<ast::Match>(keyword);
  statement->subject = subject_expression();
  if (statement->subject == nullptr) return nullptr;
  if (!at(TokenKind::COLON)) {
    if (invalid_pass_ && at(TokenKind::NEWLINE)) return raise_here("expected ':'");
    return fail();
  }
  advance();
  if (!expect(TokenKind::NEWLINE)) return nullptr;
  if (!at(TokenKind::INDENT)) {
    if (invalid_pass_) {
      return raise_here("expected an indented block after 'match' statement on line " +
                            std::to_string(keyword.line),
                        SyntaxErrorKind::indentation_error);
    }
    return fail();
  }
  advance();
  do {
    ast::match_case* item = case_block();
    if (item == nullptr) return nullptr;
    statement->cases.push_back(item);
  } while (!at(TokenKind::DEDENT));
  advance();
  return finish(statement);
}

Expr* Parser::subject_expression() {
  const Token& start = peek();
  Expr* first = star_named_expression();
  if (first == nullptr) return nullptr;
  if (!at(TokenKind::COMMA)) {
    if (first->kind == ast::ExprKind::Starred) return fail();
    return first;
  }
  auto* tuple = node_at<ast::Tuple>(start);
  tuple->elts.push_back(first);
  advance();
  if (!star_named_expressions(tuple->elts, TokenKind::COLON)) return nullptr;
  return finish(tuple);
}

ast::match_case* Parser::case_block() {
  if (!at_name("case")) return fail();
  const Token& keyword = advance();
  auto* item = arena_.make<ast::match_case>();
  item->pattern = patterns();
  if (item->pattern == nullptr) return nullptr;
  if (accept(TokenKind::IF)) {
    item->guard = named_expression();
    if (item->guard == nullptr) return nullptr;
  }
  if (!at(TokenKind::COLON)) {
    if (invalid_pass_ && at(TokenKind::NEWLINE)) return raise_here("expected ':'");
    return fail();
  }
  advance();
  if (!block(item->body, keyword, "'case' statement")) return nullptr;
  return item;
}

Pattern* Parser::patterns() {
  const Token& start = peek();
  Pattern* first = maybe_star_pattern();
  if (first == nullptr) return nullptr;
  if (!at(TokenKind::COMMA)) {
    if (first->kind == ast::PatternKind::MatchStar) return fail();
    return first;
  }
  auto* sequence = node_at<ast::MatchSequence>(start);
  sequence->patterns.push_back(first);
  advance();
  if (!maybe_sequence_pattern(sequence->patterns, TokenKind::COLON)) return nullptr;
  return finish(sequence);
}

// ','.maybe_star_pattern+ ','? up to (not including) `close` or an `if` guard.
bool Parser::maybe_sequence_pattern(std::vector<Pattern*>& out, TokenKind close) {
  while (!at(close) && !(close == TokenKind::COLON && at(TokenKind::IF))) {
    Pattern* item = maybe_star_pattern();
    if (item == nullptr) return false;
    out.push_back(item);
    if (!accept(TokenKind::COMMA)) break;
  }
  return true;
}

Pattern* Parser::maybe_star_pattern() {
  if (!at(TokenKind::STAR)) return pattern();
  const Token& star = advance();
  if (!at(TokenKind::NAME)) return fail();
  const Token& name = advance();
  auto* result = node_at<ast::MatchStar>(star);
  if (name.text != "_") {
    result->has_name = true;
    result->name.assign(name.text);
  }
  return finish(result);
}

Pattern* Parser::pattern() {
  const Token& start = peek();
  Pattern* alternatives = or_pattern();
  if (alternatives == nullptr || !at(TokenKind::AS)) return alternatives;
  advance();
  const Token& target = peek();
  bool capture = target.kind == TokenKind::NAME && target.text != "_" &&
                 !at(TokenKind::DOT, 1) && !at(TokenKind::LPAR, 1) && !at(TokenKind::EQUAL, 1);
  if (!capture) {
    if (invalid_pass_) {
      if (target.kind == TokenKind::NAME && target.text == "_") {
        return raise_at_token(target, "cannot use '_' as a target");
      }
      if (target.kind != TokenKind::NAME) {
        Expr* bad = expression();
        if (bad != nullptr) return raise_at(*bad, "invalid pattern target");
        return nullptr;
      }
    }
    return fail();
  }
  advance();
  auto* result = node_at<ast::MatchAs>(start);
  result->pattern = alternatives;
  result->has_name = true;
  result->name.assign(target.text);
  return finish(result);
}

Pattern* Parser::or_pattern() {
  const Token& start = peek();
  Pattern* first = closed_pattern();
  if (first == nullptr || !at(TokenKind::VBAR)) return first;
  auto* result = node_at<ast::MatchOr>(start);
  result->patterns.push_back(first);
  while (accept(TokenKind::VBAR)) {
    Pattern* next = closed_pattern();
    if (next == nullptr) return nullptr;
    result->patterns.push_back(next);
  }
  return finish(result);
}

Expr* Parser::signed_number() {
  const Token& start = peek();
  bool negative = accept(TokenKind::MINUS);
  if (!at(TokenKind::NUMBER)) return fail();
  Expr* value = number(advance());
  if (!negative) return value;
  auto* negation = node_at<ast::UnaryOp>(start);
  negation->op = ast::UnaryOperator::USub;
  negation->operand = value;
  return finish(negation);
}

// literal_expr: signed_number !('+' | '-') | complex_number | strings | None | True | False.
Expr* Parser::literal_expression() {
  const Token& start = peek();
  switch (start.kind) {
    case TokenKind::NUMBER: case TokenKind::MINUS: {
      Expr* real = signed_number();
      if (real == nullptr) return nullptr;
      if (!at(TokenKind::PLUS) && !at(TokenKind::MINUS)) return real;
      bool plus = advance().kind == TokenKind::PLUS;
      if (!at(TokenKind::NUMBER)) return fail();
      const Token& imaginary_token = peek();
      Expr* imaginary = number(advance());
      char last = imaginary_token.text.back();
      if (last != 'j' && last != 'J') {
        return raise_at(*imaginary, "imaginary number required in complex literal");
      }
      auto* sum = node_at<ast::BinOp>(start);
      sum->left = real;
      sum->op = plus ? ast::BinaryOperator::Add : ast::BinaryOperator::Sub;
      sum->right = imaginary;
      return finish(sum);
    }
    case TokenKind::STRING:
      return strings();
    case TokenKind::NONE: case TokenKind::TRUE: case TokenKind::FALSE:
      return atom();
    default:
      return fail();
  }
}

// name_or_attr: NAME ('.' NAME)*.
Expr* Parser::name_or_attribute() {
  const Token& first = advance();
  Expr* value = name_node(first, ast::ExprContext::Load);
  while (at(TokenKind::DOT)) {
    advance();
    if (!at(TokenKind::NAME)) return fail();
    const Token& name = advance();
    auto* attribute = node_at<ast::Attribute>(first);
    attribute->value = value;
    attribute->attr.assign(name.text);
    value = finish(attribute);
  }
  return value;
}

Pattern* Parser::closed_pattern() {
  const Token& start = peek();
  switch (start.kind) {
    case TokenKind::NUMBER: case TokenKind::MINUS: case TokenKind::STRING: {
      Expr* value = literal_expression();
      if (value == nullptr) return nullptr;
      auto* result = node_at<ast::MatchValue>(*value);
      result->value = value;
      return finish_at(result, *value);
    }
    case TokenKind::NONE: case TokenKind::TRUE: case TokenKind::FALSE: {
      advance();
      auto* result = node_at<ast::MatchSingleton>(start);
      result->value.kind = start.kind == TokenKind::NONE   ? ast::ConstantValue::Kind::None
                           : start.kind == TokenKind::TRUE ? ast::ConstantValue::Kind::True
                                                           : ast::ConstantValue::Kind::False;
      return finish(result);
    }
    case TokenKind::NAME: {
      if (start.text == "_" ) {
        advance();
        return finish(node_at<ast::MatchAs>(start));
      }
      if (!at(TokenKind::DOT, 1) && !at(TokenKind::LPAR, 1)) {
        if (at(TokenKind::EQUAL, 1)) return fail();
        advance();
        auto* result = node_at<ast::MatchAs>(start);
        result->has_name = true;
        result->name.assign(start.text);
        return finish(result);
      }
      Expr* name = name_or_attribute();
      if (name == nullptr) return nullptr;
      if (at(TokenKind::LPAR)) return class_pattern(name, start);
      if (at(TokenKind::EQUAL)) return fail();
      auto* result = node_at<ast::MatchValue>(*name);
      result->value = name;
      return finish_at(result, *name);
    }
    case TokenKind::LPAR: {
      advance();
      if (accept(TokenKind::RPAR)) return finish(node_at<ast::MatchSequence>(start));
      Pattern* first = maybe_star_pattern();
      if (first == nullptr) return nullptr;
      if (accept(TokenKind::COMMA)) {
        auto* sequence = node_at<ast::MatchSequence>(start);
        sequence->patterns.push_back(first);
        if (!maybe_sequence_pattern(sequence->patterns, TokenKind::RPAR)) return nullptr;
        if (!expect(TokenKind::RPAR)) return nullptr;
        return finish(sequence);
      }
      if (first->kind == ast::PatternKind::MatchStar || !expect(TokenKind::RPAR)) return fail();
      return first;
    }
    case TokenKind::LSQB: {
      advance();
      auto* sequence = node_at<ast::MatchSequence>(start);
      if (!maybe_sequence_pattern(sequence->patterns, TokenKind::RSQB)) return nullptr;
      if (!expect(TokenKind::RSQB)) return nullptr;
      return finish(sequence);
    }
    case TokenKind::LBRACE:
      return mapping_pattern();
    default:
      return fail();
  }
}

Pattern* Parser::mapping_pattern() {
  const Token& start = advance();  // '{'
  auto* mapping = node_at<ast::MatchMapping>(start);
  while (!at(TokenKind::RBRACE)) {
    if (at(TokenKind::DOUBLESTAR)) {
      advance();
      const Token& rest = peek();
      if (rest.kind != TokenKind::NAME || rest.text == "_" || at(TokenKind::DOT, 1) ||
          at(TokenKind::LPAR, 1) || at(TokenKind::EQUAL, 1)) {
        return fail();
      }
      advance();
      mapping->has_rest = true;
      mapping->rest.assign(rest.text);
      accept(TokenKind::COMMA);
      break;
    }
    Expr* key = nullptr;
    if (at(TokenKind::NAME)) {
      if (!at(TokenKind::DOT, 1)) return fail();
      key = name_or_attribute();
    } else {
      key = literal_expression();
    }
    if (key == nullptr || !expect(TokenKind::COLON)) return nullptr;
    Pattern* value = pattern();
    if (value == nullptr) return nullptr;
    mapping->keys.push_back(key);
    mapping->patterns.push_back(value);
    if (!accept(TokenKind::COMMA)) break;
  }
  if (!expect(TokenKind::RBRACE)) return nullptr;
  return finish(mapping);
}

Pattern* Parser::class_pattern(Expr* cls, const Token& start) {
  advance();  // '('
  auto* result = node_at<ast::MatchClass>(start);
  result->cls = cls;
  std::vector<Pattern*> late_positionals;  // positional patterns after keyword ones
  while (!at(TokenKind::RPAR)) {
    if (at(TokenKind::NAME) && at(TokenKind::EQUAL, 1)) {
      const Token& name = advance();
      advance();
      Pattern* value = pattern();
      if (value == nullptr) return nullptr;
      result->kwd_attrs.emplace_back(name.text);
      result->kwd_patterns.push_back(value);
    } else {
      Pattern* value = pattern();
      if (value == nullptr) return nullptr;
      if (!result->kwd_attrs.empty()) {
        late_positionals.push_back(value);
      } else {
        result->patterns.push_back(value);
      }
    }
    if (!accept(TokenKind::COMMA)) break;
  }
  if (!late_positionals.empty()) {
    if (invalid_pass_) {
      return raise_range(*late_positionals.front(), *late_positionals.back(),
                         "positional patterns follow keyword patterns");
    }
    return fail();
  }
  if (!expect(TokenKind::RPAR)) return nullptr;
  return finish(result);
}

}  // namespace py::parser_detail
