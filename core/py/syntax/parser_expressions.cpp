// Expressions: Grammar/python.gram from star_expressions down to atom, with the checks of
// its invalid_expression, invalid_named_expression, invalid_group, invalid_comprehension,
// invalid_dict_comprehension, invalid_double_starred_kvpairs and invalid_arguments rules in
// the second pass (core/py/syntax/parser_impl.hpp explains the passes).
#include "core/py/syntax/parser_impl.hpp"
#include "core/py/syntax/string_literal.hpp"

namespace py::parser_detail {

using ast::Expr;
using ast::ExprKind;

namespace {

// Whether a token can begin an expression (star_expression included).
bool starts_expression(TokenKind kind) {
  switch (kind) {
    case TokenKind::NAME: case TokenKind::NUMBER: case TokenKind::STRING:
    case TokenKind::LPAR: case TokenKind::LSQB: case TokenKind::LBRACE:
    case TokenKind::MINUS: case TokenKind::PLUS: case TokenKind::TILDE:
    case TokenKind::NOT: case TokenKind::LAMBDA: case TokenKind::AWAIT:
    case TokenKind::NONE: case TokenKind::TRUE: case TokenKind::FALSE:
    case TokenKind::ELLIPSIS: case TokenKind::STAR:
      return true;
    default:
      return false;
  }
}

// CPython's _PyPegen_check_legacy_stmt: `print` and `exec` were statements in Python 2.
bool is_legacy_statement_name(const Expr* expression) {
  if (expression->kind != ExprKind::Name) return false;
  const std::string& id = expression->as<ast::Name>()->id;
  return id == "print" || id == "exec";
}

}  // namespace

// CPython's _PyPegen_get_expr_name.
const char* expression_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
      switch (e->as<ast::Constant>()->value.kind) {
        case ast::ConstantValue::Kind::None: return "None";
        case ast::ConstantValue::Kind::False: return "False";
        case ast::ConstantValue::Kind::True: return "True";
        case ast::ConstantValue::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

int Parser::bracket_level(size_t index) {
  if (bracket_levels_.empty()) {
    bracket_levels_.reserve(tokens_.size());
    int level = 0;
    for (const Token& token : tokens_) {
      switch (token.kind) {
        case TokenKind::LPAR: case TokenKind::LSQB: case TokenKind::LBRACE: ++level; break;
        case TokenKind::RPAR: case TokenKind::RSQB: case TokenKind::RBRACE: --level; break;
        default: break;
      }
      bracket_levels_.push_back(level);
    }
  }
  return index < bracket_levels_.size() ? bracket_levels_[index] : 0;
}

// --- Expression lists -----------------------------------------------------------------------

Expr* Parser::star_expressions() {
  const Token& start = peek();
  Expr* first = star_expression();
  if (first == nullptr) return nullptr;
  if (!at(TokenKind::COMMA)) return first;
  auto* tuple = node_at<ast::Tuple>(start);
  tuple->elts.push_back(first);
  while (accept(TokenKind::COMMA)) {
    if (!starts_expression(kind())) break;
    Expr* item = star_expression();
    if (item == nullptr) return nullptr;
    tuple->elts.push_back(item);
  }
  return finish(tuple);
}

Expr* Parser::star_expression() {
  if (at(TokenKind::STAR)) {
    const Token& star = advance();
    Expr* value = bitwise_or();
    if (value == nullptr) return nullptr;
    auto* starred = node_at<ast::Starred>(star);
    starred->value = value;
    return finish(starred);
  }
  return expression();
}

Expr* Parser::star_named_expression() {
  if (at(TokenKind::STAR)) {
    const Token& star = advance();
    Expr* value = bitwise_or();
    if (value == nullptr) return nullptr;
    auto* starred = node_at<ast::Starred>(star);
    starred->value = value;
    return finish(starred);
  }
  return named_expression();
}

bool Parser::star_named_expressions(std::vector<Expr*>& out, TokenKind close) {
  while (!at(close) && starts_expression(kind())) {
    Expr* item = star_named_expression();
    if (item == nullptr) return false;
    out.push_back(item);
    if (!accept(TokenKind::COMMA)) break;
  }
  return true;
}

// --- named_expression and expression ----------------------------------------------------------

Expr* Parser::named_expression() {
  const Token& start = peek();
  if (start.kind == TokenKind::NAME && at(TokenKind::COLONEQUAL, 1)) {
    advance();
    advance();
    Expr* value = expression();
    if (value == nullptr) return nullptr;
    auto* named = node_at<ast::NamedExpr>(start);
    named->target = name_node(start, ast::ExprContext::Store);
    named->value = value;
    return finish(named);
  }
  size_t start_position = position_;
  Expr* value = expression();
  if (value == nullptr) return nullptr;
  if (invalid_pass_) {
    // invalid_named_expression
    if (at(TokenKind::COLONEQUAL)) {
      size_t saved = position_;
      advance();
      if (expression() != nullptr) {
        return raise_at(*value, std::string("cannot use assignment expressions with ") +
                                    expression_name(value));
      }
      if (!backtrack(saved)) return nullptr;
    }
    if (at(TokenKind::EQUAL)) {
      bool single_name = value->kind == ExprKind::Name && position_ == start_position + 1;
      bool bitwise_level = value->kind != ExprKind::BoolOp && value->kind != ExprKind::Compare &&
                           value->kind != ExprKind::IfExp && value->kind != ExprKind::Lambda &&
                           !(value->kind == ExprKind::UnaryOp &&
                             value->as<ast::UnaryOp>()->op == ast::UnaryOperator::Not);
      // !(list|tuple|genexp|'True'|'None'|'False'): what the expression starts with.
      bool excluded = start.kind == TokenKind::TRUE || start.kind == TokenKind::NONE ||
                      start.kind == TokenKind::FALSE;
      if (start.kind == TokenKind::LSQB || start.kind == TokenKind::LPAR) {
        const Expr* leftmost = value;
        for (;;) {
          if (leftmost->kind == ExprKind::Attribute) leftmost = leftmost->as<ast::Attribute>()->value;
          else if (leftmost->kind == ExprKind::Subscript) leftmost = leftmost->as<ast::Subscript>()->value;
          else if (leftmost->kind == ExprKind::Call) leftmost = leftmost->as<ast::Call>()->func;
          else if (leftmost->kind == ExprKind::BinOp) leftmost = leftmost->as<ast::BinOp>()->left;
          else break;
        }
        excluded = leftmost->kind == ExprKind::List || leftmost->kind == ExprKind::Tuple ||
                   leftmost->kind == ExprKind::GeneratorExp;
      }
      size_t saved = position_;
      advance();
      Expr* right = (single_name || (bitwise_level && !excluded)) ? bitwise_or() : nullptr;
      if (right != nullptr && !at(TokenKind::EQUAL) && !at(TokenKind::COLONEQUAL)) {
        if (single_name) {
          return raise_range(*value, *right,
                             "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        return raise_at(*value, std::string("cannot assign to ") + expression_name(value) +
                                    " here. Maybe you meant '==' instead of '='?");
      }
      if (!backtrack(saved)) return nullptr;
    }
  }
  if (at(TokenKind::COLONEQUAL)) return fail();
  return value;
}

void Parser::invalid_expression_checks(Expr* first, size_t start) {
  // invalid_expression: !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
  const Token& first_token = tokens_[start];
  bool name_string = first_token.kind == TokenKind::NAME &&
                     start + 1 < tokens_.size() && tokens_[start + 1].kind == TokenKind::STRING;
  bool soft_keyword = first_token.kind == TokenKind::NAME &&
                      (first_token.text == "match" || first_token.text == "case" ||
                       first_token.text == "_");
  size_t saved = position_;
  if (!name_string && !soft_keyword && starts_expression(kind()) && !at(TokenKind::STAR)) {
    invalid_pass_ = false;
    Expr* second = expression();
    invalid_pass_ = true;
    if (second != nullptr && !is_legacy_statement_name(first) &&
        bracket_level(position_ - 1) != 0) {
      raise_range(*first, *second, "invalid syntax. Perhaps you forgot a comma?");
      return;
    }
    if (!backtrack(saved)) return;
  }
  // invalid_legacy_expression: a=NAME !'(' b=star_expressions
  if (first->kind == ExprKind::Name && position_ == start + 1 && is_legacy_statement_name(first) &&
      !at(TokenKind::LPAR) && starts_expression(kind())) {
    Expr* arguments = star_expressions();
    if (arguments != nullptr) {
      const std::string& id = first->as<ast::Name>()->id;
      raise_range(*first, *arguments,
                  "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
      return;
    }
    backtrack(saved);
  }
}

Expr* Parser::expression() {
  if (!enter()) return nullptr;
  Expr* result = nullptr;
  if (at(TokenKind::LAMBDA)) {
    result = lambda_expression();
    leave();
    return result;
  }
  size_t start = position_;
  const Token& start_token = peek();
  Expr* body = disjunction();
  if (body != nullptr && invalid_pass_) {
    invalid_expression_checks(body, start);
    if (error_ || failed_) body = nullptr;
  }
  if (body != nullptr && at(TokenKind::IF)) {
    advance();
    Expr* test = disjunction();
    if (test == nullptr) {
      result = nullptr;
    } else if (!at(TokenKind::ELSE)) {
      if (invalid_pass_ && !at(TokenKind::COLON)) {
        raise_range(*body, *test, "expected 'else' after 'if' expression");
      } else {
        fail();
      }
    } else {
      advance();
      Expr* orelse = expression();
      if (orelse != nullptr) {
        auto* conditional = node_at<ast::IfExp>(start_token);
        conditional->test = test;
        conditional->body = body;
        conditional->orelse = orelse;
        result = finish(conditional);
      }
    }
  } else {
    result = body;
  }
  leave();
  return result;
}

Expr* Parser::yield_expression() {
  const Token& start = advance();  // 'yield'
  if (accept(TokenKind::FROM)) {
    Expr* value = expression();
    if (value == nullptr) return nullptr;
    auto* yield_from = node_at<ast::YieldFrom>(start);
    yield_from->value = value;
    return finish(yield_from);
  }
  auto* yield = node_at<ast::Yield>(start);
  if (starts_expression(kind())) {
    yield->value = star_expressions();
    if (yield->value == nullptr) return nullptr;
  }
  return finish(yield);
}

Expr* Parser::lambda_expression() {
  if (!enter()) return nullptr;
  const Token& start = advance();  // 'lambda'
  ast::arguments* arguments = parameters(true);
  Expr* result = nullptr;
  if (arguments != nullptr && expect(TokenKind::COLON)) {
    Expr* body = expression();
    if (body != nullptr) {
      auto* lambda = node_at<ast::Lambda>(start);
      lambda->args = arguments;
      lambda->body = body;
      result = finish(lambda);
    }
  }
  leave();
  return result;
}

// --- Boolean operators and comparisons ------------------------------------------------------------

Expr* Parser::disjunction() {
  const Token& start = peek();
  Expr* first = conjunction();
  if (first == nullptr || !at(TokenKind::OR)) return first;
  auto* operation = node_at<ast::BoolOp>(start);
  operation->op = ast::BooleanOperator::Or;
  operation->values.push_back(first);
  while (accept(TokenKind::OR)) {
    Expr* next = conjunction();
    if (next == nullptr) return nullptr;
    operation->values.push_back(next);
  }
  return finish(operation);
}

Expr* Parser::conjunction() {
  const Token& start = peek();
  Expr* first = inversion();
  if (first == nullptr || !at(TokenKind::AND)) return first;
  auto* operation = node_at<ast::BoolOp>(start);
  operation->op = ast::BooleanOperator::And;
  operation->values.push_back(first);
  while (accept(TokenKind::AND)) {
    Expr* next = inversion();
    if (next == nullptr) return nullptr;
    operation->values.push_back(next);
  }
  return finish(operation);
}

Expr* Parser::inversion() {
  if (!at(TokenKind::NOT)) return comparison();
  if (!enter()) return nullptr;
  const Token& start = advance();
  Expr* operand = inversion();
  leave();
  if (operand == nullptr) return nullptr;
  auto* operation = node_at<ast::UnaryOp>(start);
  operation->op = ast::UnaryOperator::Not;
  operation->operand = operand;
  return finish(operation);
}

Expr* Parser::comparison() {
  const Token& start = peek();
  Expr* left = bitwise_or();
  if (left == nullptr) return nullptr;
  ast::Compare* compare = nullptr;
  for (;;) {
    ast::CompareOperator op;
    size_t width = 1;
    switch (kind()) {
      case TokenKind::EQEQUAL: op = ast::CompareOperator::Eq; break;
      case TokenKind::NOTEQUAL:
        if (peek().text != "!=") return compare ? finish(compare) : left;
        op = ast::CompareOperator::NotEq;
        break;
      case TokenKind::LESS: op = ast::CompareOperator::Lt; break;
      case TokenKind::LESSEQUAL: op = ast::CompareOperator::LtE; break;
      case TokenKind::GREATER: op = ast::CompareOperator::Gt; break;
      case TokenKind::GREATEREQUAL: op = ast::CompareOperator::GtE; break;
      case TokenKind::IN: op = ast::CompareOperator::In; break;
      case TokenKind::NOT:
        if (!at(TokenKind::IN, 1)) return compare ? finish(compare) : left;
        op = ast::CompareOperator::NotIn;
        width = 2;
        break;
      case TokenKind::IS:
        if (at(TokenKind::NOT, 1)) {
          op = ast::CompareOperator::IsNot;
          width = 2;
        } else {
          op = ast::CompareOperator::Is;
        }
        break;
      default:
        return compare ? finish(compare) : left;
    }
    position_ += width;
    Expr* right = bitwise_or();
    if (right == nullptr) return nullptr;
    if (compare == nullptr) {
      compare = node_at<ast::Compare>(start);
      compare->left = left;
    }
    compare->ops.push_back(op);
    compare->comparators.push_back(right);
  }
}

// --- Binary operators: one loop per precedence level ------------------------------------------------

#define PY_BINARY_LEVEL(function, next, ...)                                        \
  Expr* Parser::function() {                                                        \
    const Token& start = peek();                                                    \
    Expr* left = next();                                                            \
    if (left == nullptr) return nullptr;                                            \
    static constexpr std::pair<TokenKind, ast::BinaryOperator> operators[] = {__VA_ARGS__}; \
    for (;;) {                                                                      \
      TokenKind current = kind();                                                   \
      const std::pair<TokenKind, ast::BinaryOperator>* match = nullptr;             \
      for (const auto& candidate : operators) {                                     \
        if (candidate.first == current) match = &candidate;                         \
      }                                                                             \
      if (match == nullptr) return left;                                            \
      advance();                                                                    \
      Expr* right = next();                                                         \
      if (right == nullptr) return nullptr;                                         \
      auto* operation = node_at<ast::BinOp>(start);                                 \
      operation->left = left;                                                       \
      operation->op = match->second;                                                \
      operation->right = right;                                                     \
      left = finish(operation);                                                     \
    }                                                                               \
  }

PY_BINARY_LEVEL(bitwise_or, bitwise_xor, {TokenKind::VBAR, ast::BinaryOperator::BitOr})
PY_BINARY_LEVEL(bitwise_xor, bitwise_and, {TokenKind::CIRCUMFLEX, ast::BinaryOperator::BitXor})
PY_BINARY_LEVEL(bitwise_and, shift_expression, {TokenKind::AMPER, ast::BinaryOperator::BitAnd})
PY_BINARY_LEVEL(shift_expression, sum, {TokenKind::LEFTSHIFT, ast::BinaryOperator::LShift},
                {TokenKind::RIGHTSHIFT, ast::BinaryOperator::RShift})
PY_BINARY_LEVEL(sum, term, {TokenKind::PLUS, ast::BinaryOperator::Add},
                {TokenKind::MINUS, ast::BinaryOperator::Sub})
PY_BINARY_LEVEL(term, factor, {TokenKind::STAR, ast::BinaryOperator::Mult},
                {TokenKind::SLASH, ast::BinaryOperator::Div},
                {TokenKind::DOUBLESLASH, ast::BinaryOperator::FloorDiv},
                {TokenKind::PERCENT, ast::BinaryOperator::Mod},
                {TokenKind::AT, ast::BinaryOperator::MatMult})
#undef PY_BINARY_LEVEL

Expr* Parser::factor() {
  ast::UnaryOperator op;
  switch (kind()) {
    case TokenKind::PLUS: op = ast::UnaryOperator::UAdd; break;
    case TokenKind::MINUS: op = ast::UnaryOperator::USub; break;
    case TokenKind::TILDE: op = ast::UnaryOperator::Invert; break;
    default: return power();
  }
  if (!enter()) return nullptr;
  const Token& start = advance();
  Expr* operand = factor();
  leave();
  if (operand == nullptr) return nullptr;
  auto* operation = node_at<ast::UnaryOp>(start);
  operation->op = op;
  operation->operand = operand;
  return finish(operation);
}

Expr* Parser::power() {
  const Token& start = peek();
  Expr* base = await_primary();
  if (base == nullptr || !at(TokenKind::DOUBLESTAR)) return base;
  if (!enter(2)) return nullptr;
  advance();
  Expr* exponent = factor();
  leave(2);
  if (exponent == nullptr) return nullptr;
  auto* operation = node_at<ast::BinOp>(start);
  operation->left = base;
  operation->op = ast::BinaryOperator::Pow;
  operation->right = exponent;
  return finish(operation);
}

Expr* Parser::await_primary() {
  if (!at(TokenKind::AWAIT)) return primary();
  const Token& start = advance();
  Expr* value = primary();
  if (value == nullptr) return nullptr;
  auto* await = node_at<ast::Await>(start);
  await->value = value;
  return finish(await);
}

// --- Primaries ------------------------------------------------------------------------------------

Expr* Parser::primary() {
  const Token& start = peek();
  Expr* value = atom();
  if (value == nullptr) return nullptr;
  bool stop = false;
  while (!stop && value != nullptr) value = primary_trailer(value, start, stop);
  return value;
}

// One trailer after `value` (.name, (args), [slices]), a node that starts at `start` (a
// parenthesized atom's '(' included, as CPython's EXTRA does); `stop` when there is none.
Expr* Parser::primary_trailer(Expr* value, const Token& start, bool& stop) {
  switch (kind()) {
    case TokenKind::DOT: {
      advance();
      if (!at(TokenKind::NAME)) return fail();
      const Token& name = advance();
      auto* attribute = node_at<ast::Attribute>(start);
      attribute->value = value;
      attribute->attr.assign(name.text);
      return finish(attribute);
    }
    case TokenKind::LPAR:
      return call(value, start);
    case TokenKind::LSQB: {
      advance();
      Expr* slice = slices();
      if (slice == nullptr || !expect(TokenKind::RSQB)) return nullptr;
      auto* subscript = node_at<ast::Subscript>(start);
      subscript->value = value;
      subscript->slice = slice;
      return finish(subscript);
    }
    default:
      stop = true;
      return value;
  }
}

Expr* Parser::slices() {
  const Token& start = peek();
  auto one = [&]() -> Expr* {
    if (at(TokenKind::STAR)) {
      const Token& star = advance();
      Expr* value = expression();
      if (value == nullptr) return nullptr;
      auto* starred = node_at<ast::Starred>(star);
      starred->value = value;
      return finish(starred);
    }
    return slice();
  };
  bool starred_first = at(TokenKind::STAR);
  Expr* first = one();
  if (first == nullptr) return nullptr;
  if (!at(TokenKind::COMMA) && !starred_first) return first;
  auto* tuple = node_at<ast::Tuple>(start);
  tuple->elts.push_back(first);
  while (accept(TokenKind::COMMA)) {
    if (at(TokenKind::RSQB)) break;
    Expr* item = one();
    if (item == nullptr) return nullptr;
    tuple->elts.push_back(item);
  }
  return finish(tuple);
}

Expr* Parser::slice() {
  const Token& start = peek();
  Expr* lower = nullptr;
  if (!at(TokenKind::COLON)) {
    lower = at(TokenKind::COLON) ? nullptr : named_expression();
    if (lower == nullptr) return nullptr;
    if (!at(TokenKind::COLON)) return lower;
    if (lower->kind == ExprKind::NamedExpr && tokens_[position_ - 1].kind != TokenKind::RPAR) {
      return fail();  // slice bounds are `expression`, not an assignment expression
    }
  }
  advance();  // ':'
  auto* result = node_at<ast::Slice>(start);
  result->lower = lower;
  if (!at(TokenKind::COLON) && !at(TokenKind::COMMA) && !at(TokenKind::RSQB)) {
    result->upper = expression();
    if (result->upper == nullptr) return nullptr;
  }
  if (accept(TokenKind::COLON)) {
    if (!at(TokenKind::COMMA) && !at(TokenKind::RSQB)) {
      result->step = expression();
      if (result->step == nullptr) return nullptr;
    }
  }
  return finish(result);
}

Expr* Parser::call(Expr* func, const Token& start) {
  const Token& open = advance();  // '('
  auto* result = node_at<ast::Call>(start);
  result->func = func;
  if (!call_arguments(result->args, result->keywords, TokenKind::RPAR, &open)) return nullptr;
  if (!expect(TokenKind::RPAR)) return nullptr;
  return finish(result);
}

bool Parser::call_arguments(std::vector<Expr*>& args, std::vector<ast::keyword*>& keywords,
                            TokenKind close, const Token* open) {
  auto at_comprehension = [&] {
    return at(TokenKind::FOR) || (at(TokenKind::ASYNC) && at(TokenKind::FOR, 1));
  };
  bool seen_keyword = false;         // name=value or **mapping seen
  bool seen_double_star = false;     // **mapping seen
  while (!at(close)) {
    const Token& start = peek();
    if (start.kind == TokenKind::STAR) {
      advance();
      if (seen_double_star) {
        if (invalid_pass_) {
          raise_at_token(start, "iterable argument unpacking follows keyword argument unpacking");
        } else {
          fail();
        }
        return false;
      }
      Expr* value = expression();
      if (value == nullptr) return false;
      auto* starred = node_at<ast::Starred>(start);
      starred->value = value;
      bool alone = args.empty() && keywords.empty();
      args.push_back(finish(starred));
      if (invalid_pass_ && at_comprehension()) {
        std::vector<ast::comprehension*> clauses;
        if (!comprehension_clauses(clauses)) return false;
        const ast::comprehension* last = clauses.back();
        const Expr* end = last->ifs.empty() ? last->iter : last->ifs.back();
        if (alone && open != nullptr) {
          raise_at(*starred, "iterable unpacking cannot be used in comprehension");
        } else {
          raise_range(*starred, *end, "Generator expression must be parenthesized");
        }
        return false;
      }
    } else if (start.kind == TokenKind::DOUBLESTAR) {
      advance();
      Expr* value = expression();
      if (value == nullptr) return false;
      auto* item = node_at<ast::keyword>(start);
      item->value = value;
      keywords.push_back(finish(item));
      seen_keyword = seen_double_star = true;
    } else if (start.kind == TokenKind::NAME && at(TokenKind::EQUAL, 1)) {
      advance();
      const Token& equal = advance();
      Expr* value = expression();
      if (value == nullptr) return false;
      if (invalid_pass_ && (at(TokenKind::FOR) || (at(TokenKind::ASYNC) && at(TokenKind::FOR, 1)))) {
        raise_range_tokens(start, equal,
                           "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return false;
      }
      auto* item = node_at<ast::keyword>(start);
      item->has_arg = true;
      item->arg.assign(start.text);
      item->value = value;
      keywords.push_back(finish(item));
      seen_keyword = true;
    } else {
      if (invalid_pass_ && (start.kind == TokenKind::TRUE || start.kind == TokenKind::FALSE ||
                            start.kind == TokenKind::NONE) &&
          at(TokenKind::EQUAL, 1)) {
        raise_range_tokens(start, peek(1),
                           std::string("cannot assign to ") + std::string(start.text));
        return false;
      }
      Expr* value = start.kind == TokenKind::NAME && at(TokenKind::COLONEQUAL, 1)
                        ? named_expression()
                        : expression();
      if (value == nullptr) return false;
      if (at(TokenKind::COLONEQUAL)) {
        fail();
        return false;
      }
      if (at(TokenKind::EQUAL)) {
        if (invalid_pass_) {
          raise_range_tokens(start, peek(),
                             "expression cannot contain assignment, perhaps you meant \"==\"?");
          return false;
        }
        fail();
        return false;
      }
      if (at_comprehension()) {
        // f(x for x in y): a generator expression as the only argument, from '(' to ')'.
        if (open == nullptr) {  // class bases take no generator expression
          fail();
          return false;
        }
        bool alone = args.empty() && keywords.empty();
        std::vector<ast::comprehension*> clauses;
        if (!comprehension_clauses(clauses)) return false;
        if (alone && at(close)) {
          auto* generator = node_at<ast::GeneratorExp>(*open);
          generator->elt = value;
          generator->generators = std::move(clauses);
          const Token& end = peek();
          generator->end_lineno = shifted_line(end.end_line);
          generator->end_col_offset = shifted_column(end.end_line, end.end_column);
          args.push_back(generator);
          return true;
        }
        if (invalid_pass_ && (!alone || at(TokenKind::COMMA))) {
          const ast::comprehension* last = clauses.back();
          const Expr* end = last->ifs.empty() ? last->iter : last->ifs.back();
          raise_range(*value, *end, "Generator expression must be parenthesized");
          return false;
        }
        fail();
        return false;
      }
      if (seen_keyword) {
        if (invalid_pass_) {
          // invalid_arguments: a=args ',' args -> _PyPegen_arguments_parsing_error
          while (accept(TokenKind::COMMA) && !at(close)) {
            if (named_expression() == nullptr) return false;
          }
          peek();
          raise_here(seen_double_star ? "positional argument follows keyword argument unpacking"
                                      : "positional argument follows keyword argument");
        } else {
          fail();
        }
        return false;
      }
      args.push_back(value);
    }
    if (!accept(TokenKind::COMMA)) break;
  }
  return true;
}

bool Parser::comprehension_clauses(std::vector<ast::comprehension*>& out) {
  while (at(TokenKind::FOR) || (at(TokenKind::ASYNC) && at(TokenKind::FOR, 1))) {
    auto* clause = arena_.make<ast::comprehension>();
    clause->is_async = accept(TokenKind::ASYNC);
    advance();  // 'for'
    size_t target_start = position_;
    clause->target = star_targets();
    if (clause->target == nullptr || !at(TokenKind::IN)) {
      if (invalid_pass_ && !error_) {
        // invalid_for_target: 'for' star_expressions
        position_ = target_start;
        failed_ = false;
        Expr* targets = star_expressions();
        if (targets != nullptr && raise_invalid_target(TargetsType::for_loop, targets)) return false;
      }
      fail();
      return false;
    }
    advance();  // 'in'
    clause->iter = disjunction();
    if (clause->iter == nullptr) return false;
    while (at(TokenKind::IF)) {
      advance();
      Expr* condition = disjunction();
      if (condition == nullptr) return false;
      clause->ifs.push_back(condition);
    }
    out.push_back(clause);
  }
  return true;
}

// --- Atoms ----------------------------------------------------------------------------------------

Expr* Parser::atom() {
  const Token& token = peek();
  switch (token.kind) {
    case TokenKind::NAME:
      advance();
      return name_node(token, ast::ExprContext::Load);
    case TokenKind::TRUE: case TokenKind::FALSE: case TokenKind::NONE: case TokenKind::ELLIPSIS: {
      advance();
      auto* constant = node_at<ast::Constant>(token);
      constant->value.kind = token.kind == TokenKind::TRUE    ? ast::ConstantValue::Kind::True
                             : token.kind == TokenKind::FALSE ? ast::ConstantValue::Kind::False
                             : token.kind == TokenKind::NONE  ? ast::ConstantValue::Kind::None
                                                              : ast::ConstantValue::Kind::Ellipsis;
      return finish(constant);
    }
    case TokenKind::NUMBER:
      advance();
      return number(token);
    case TokenKind::STRING:
      return strings();
    case TokenKind::LPAR:
      return bracket_atom(&Parser::parenthesized);
    case TokenKind::LSQB:
      return bracket_atom(&Parser::bracketed);
    case TokenKind::LBRACE:
      return bracket_atom(&Parser::braced);
    default:
      return fail();
  }
}

// What a bracketed atom parses depends only on where it starts, so one that failed there
// fails again. The alternatives tried around an atom (a target, then an expression; a
// generator, then a call's arguments) re-parse it, and around nested brackets the retries
// multiply: remembering the failures keeps an unclosed nest linear (CPython memoizes).
Expr* Parser::bracket_atom(Expr* (Parser::*rule)()) {
  const size_t start = position_;
  if (start < bracket_atom_failed_.size() && bracket_atom_failed_[start]) return fail();
  Expr* atom = (this->*rule)();
  if (atom == nullptr) {
    if (bracket_atom_failed_.empty()) bracket_atom_failed_.resize(tokens_.size() + 1);
    if (start < bracket_atom_failed_.size()) bracket_atom_failed_[start] = true;
  }
  return atom;
}

Expr* Parser::number(const Token& token) {
  auto* constant = node_at<ast::Constant>(token);
  if (!literal::decode_number(token.text, constant->value)) {
    note_unsupported(token, "complex numbers are not supported");
    constant->value.kind = ast::ConstantValue::Kind::Float;
  }
  constant->end_lineno = shifted_line(token.end_line);
  constant->end_col_offset = shifted_column(token.end_line, token.end_column);
  // CPython converts a decimal literal as int() does, under the default 4300-digit limit
  // (a program cannot raise it before it is compiled), and says so at the literal's line.
  constexpr size_t max_decimal_digits = 4300;
  const ast::ConstantValue& value = constant->value;
  if (value.kind == ast::ConstantValue::Kind::BigInt && value.int_base == 10 &&
      value.text.size() > max_decimal_digits) {
    return raise(build_error(
        SyntaxErrorKind::syntax_error,
        "Exceeds the limit (" + std::to_string(max_decimal_digits) +
            " digits) for integer string conversion: value has " +
            std::to_string(value.text.size()) +
            " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
            "hexadecimal for huge integer literals to avoid decimal conversion limits.",
        {token.line, 0, token.end_line, 0}));
  }
  return constant;
}

Expr* Parser::parenthesized() {
  const Token& open = advance();
  if (accept(TokenKind::RPAR)) return finish(node_at<ast::Tuple>(open));
  if (at(TokenKind::YIELD)) {
    Expr* value = yield_expression();
    if (value == nullptr || !expect(TokenKind::RPAR)) return nullptr;
    return value;
  }
  if (at(TokenKind::DOUBLESTAR)) {
    if (invalid_pass_) {
      const Token& star = advance();
      if (expression() != nullptr && at(TokenKind::RPAR)) {
        return raise_at_token(star, "cannot use double starred expression here");
      }
    }
    return fail();
  }
  Expr* first = star_named_expression();
  if (first == nullptr) return nullptr;
  if (at(TokenKind::FOR) || (at(TokenKind::ASYNC) && at(TokenKind::FOR, 1))) {
    if (first->kind == ExprKind::Starred) {
      if (invalid_pass_) {
        std::vector<ast::comprehension*> clauses;
        if (comprehension_clauses(clauses)) {
          return raise_at(*first, "iterable unpacking cannot be used in comprehension");
        }
      }
      return fail();
    }
    auto* generator = node_at<ast::GeneratorExp>(open);
    generator->elt = first;
    if (!comprehension_clauses(generator->generators) || !expect(TokenKind::RPAR)) return nullptr;
    return finish(generator);
  }
  if (at(TokenKind::COMMA)) {
    auto* tuple = node_at<ast::Tuple>(open);
    tuple->elts.push_back(first);
    advance();
    if (!star_named_expressions(tuple->elts, TokenKind::RPAR)) return nullptr;
    if (!expect(TokenKind::RPAR)) return nullptr;
    return finish(tuple);
  }
  if (!at(TokenKind::RPAR)) return fail();
  if (first->kind == ExprKind::Starred) {
    if (invalid_pass_) return raise_at(*first, "cannot use starred expression here");
    return fail();
  }
  advance();
  return first;
}

Expr* Parser::bracketed() {
  const Token& open = advance();
  if (accept(TokenKind::RSQB)) return finish(node_at<ast::List>(open));
  Expr* first = star_named_expression();
  if (first == nullptr) return nullptr;
  if (at(TokenKind::FOR) || (at(TokenKind::ASYNC) && at(TokenKind::FOR, 1))) {
    if (first->kind == ExprKind::Starred) {
      if (invalid_pass_) {
        std::vector<ast::comprehension*> clauses;
        if (comprehension_clauses(clauses)) {
          return raise_at(*first, "iterable unpacking cannot be used in comprehension");
        }
      }
      return fail();
    }
    auto* comprehension = node_at<ast::ListComp>(open);
    comprehension->elt = first;
    if (!comprehension_clauses(comprehension->generators) || !expect(TokenKind::RSQB)) return nullptr;
    return finish(comprehension);
  }
  auto* list = node_at<ast::List>(open);
  list->elts.push_back(first);
  if (accept(TokenKind::COMMA)) {
    const Token& comma = previous();
    if (!star_named_expressions(list->elts, TokenKind::RSQB)) return nullptr;
    if (invalid_pass_ && (at(TokenKind::FOR) || (at(TokenKind::ASYNC) && at(TokenKind::FOR, 1)))) {
      std::vector<ast::comprehension*> clauses;
      if (comprehension_clauses(clauses)) {
        if (list->elts.size() == 1) {
          return raise_range(*first, ast::Location{comma.line, comma.column, comma.end_line, comma.end_column},
                             "did you forget parentheses around the comprehension target?");
        }
        return raise_range(*first, *list->elts.back(),
                           "did you forget parentheses around the comprehension target?");
      }
      return nullptr;
    }
  }
  if (!expect(TokenKind::RSQB)) return nullptr;
  return finish(list);
}

Expr* Parser::braced() {
  const Token& open = advance();
  if (accept(TokenKind::RBRACE)) return finish(node_at<ast::Dict>(open));
  auto is_comprehension_start = [&] {
    return at(TokenKind::FOR) || (at(TokenKind::ASYNC) && at(TokenKind::FOR, 1));
  };
  // A dict: the first entry is `**mapping` or `key: value`.
  Expr* first_key = nullptr;
  Expr* first_value = nullptr;
  if (at(TokenKind::DOUBLESTAR)) {
    const Token& stars = advance();
    first_value = bitwise_or();
    if (first_value == nullptr) return nullptr;
    if (is_comprehension_start()) {
      if (invalid_pass_) {
        std::vector<ast::comprehension*> clauses;
        if (comprehension_clauses(clauses) && at(TokenKind::RBRACE)) {
          return raise_at_token(stars, "dict unpacking cannot be used in dict comprehension");
        }
      }
      return fail();
    }
  } else {
    bool bare_walrus = at(TokenKind::NAME) && at(TokenKind::COLONEQUAL, 1);
    Expr* first = star_named_expression();
    if (first == nullptr) return nullptr;
    if (!at(TokenKind::COLON) || first->kind == ExprKind::Starred || bare_walrus) {
      if (at(TokenKind::COLON)) return fail();
      // A set.
      if (is_comprehension_start()) {
        if (first->kind == ExprKind::Starred) {
          if (invalid_pass_) {
            std::vector<ast::comprehension*> clauses;
            if (comprehension_clauses(clauses)) {
              return raise_at(*first, "iterable unpacking cannot be used in comprehension");
            }
          }
          return fail();
        }
        auto* comprehension = node_at<ast::SetComp>(open);
        comprehension->elt = first;
        if (!comprehension_clauses(comprehension->generators) || !expect(TokenKind::RBRACE)) {
          return nullptr;
        }
        return finish(comprehension);
      }
      auto* set = node_at<ast::Set>(open);
      set->elts.push_back(first);
      if (accept(TokenKind::COMMA)) {
        const Token& comma = previous();
        if (!star_named_expressions(set->elts, TokenKind::RBRACE)) return nullptr;
        if (invalid_pass_ && is_comprehension_start()) {
          std::vector<ast::comprehension*> clauses;
          if (comprehension_clauses(clauses)) {
            if (set->elts.size() == 1) {
              return raise_range(*first, ast::Location{comma.line, comma.column, comma.end_line, comma.end_column},
                                 "did you forget parentheses around the comprehension target?");
            }
            return raise_range(*first, *set->elts.back(),
                               "did you forget parentheses around the comprehension target?");
          }
          return nullptr;
        }
      }
      if (!expect(TokenKind::RBRACE)) return nullptr;
      return finish(set);
    }
    const Token& colon = advance();  // ':'
    first_key = first;
    if (invalid_pass_ && (at(TokenKind::RBRACE) || at(TokenKind::COMMA))) {
      return raise_at_token(colon, "expression expected after dictionary key and ':'");
    }
    if (invalid_pass_ && at(TokenKind::STAR)) {
      const Token& star = advance();
      Expr* starred = bitwise_or();
      if (starred != nullptr) {
        return raise_range(ast::Location{star.line, star.column, star.end_line, star.end_column},
                           *starred, "cannot use a starred expression in a dictionary value");
      }
      return nullptr;
    }
    first_value = expression();
    if (first_value == nullptr) return nullptr;
    if (is_comprehension_start()) {
      auto* comprehension = node_at<ast::DictComp>(open);
      comprehension->key = first_key;
      comprehension->value = first_value;
      if (!comprehension_clauses(comprehension->generators) || !expect(TokenKind::RBRACE)) {
        return nullptr;
      }
      return finish(comprehension);
    }
  }
  auto* dict = node_at<ast::Dict>(open);
  dict->keys.push_back(first_key);
  dict->values.push_back(first_value);
  while (accept(TokenKind::COMMA)) {
    if (at(TokenKind::RBRACE)) break;
    size_t key_start = position_;
    if (accept(TokenKind::DOUBLESTAR)) {
      Expr* value = bitwise_or();
      if (value == nullptr) return nullptr;
      dict->keys.push_back(nullptr);
      dict->values.push_back(value);
      continue;
    }
    // A key after a comma: CPython reports a missing ':' before a missing comma in it.
    bool checks = invalid_pass_;
    invalid_pass_ = false;
    Expr* key = expression();
    invalid_pass_ = checks;
    if (key == nullptr) {
      if (!checks) return nullptr;
      position_ = key_start;
      failed_ = false;
      key = expression();
      if (key == nullptr) return nullptr;
    }
    if (!at(TokenKind::COLON)) {
      if (invalid_pass_) {
        // invalid_kvpair: a=expression !(':')
        SyntaxError error = build_error(SyntaxErrorKind::syntax_error,
                                        "':' expected after dictionary key",
                                        {key->lineno, key->end_col_offset, key->end_lineno, 0});
        return raise(std::move(error));
      }
      return fail();
    }
    const Token& colon = advance();
    if (invalid_pass_ && (at(TokenKind::RBRACE) || at(TokenKind::COMMA))) {
      return raise_at_token(colon, "expression expected after dictionary key and ':'");
    }
    if (invalid_pass_ && at(TokenKind::STAR)) {
      const Token& star = advance();
      Expr* starred = bitwise_or();
      if (starred != nullptr) {
        return raise_range(ast::Location{star.line, star.column, star.end_line, star.end_column},
                           *starred, "cannot use a starred expression in a dictionary value");
      }
      return nullptr;
    }
    Expr* value = expression();
    if (value == nullptr) return nullptr;
    dict->keys.push_back(key);
    dict->values.push_back(value);
  }
  if (!expect(TokenKind::RBRACE)) return nullptr;
  return finish(dict);
}

}  // namespace py::parser_detail
