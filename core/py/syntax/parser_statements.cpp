// Statements: Grammar/python.gram from statements down to simple statements and blocks,
// with the checks of its invalid_* rules for statements in the second pass
// (core/py/syntax/parser_impl.hpp explains the passes).
#include "core/py/syntax/parser_impl.hpp"

namespace py::parser_detail {

using ast::Expr;
using ast::ExprKind;
using ast::Stmt;

const char* expression_name(const Expr* e);  // parser_expressions.cpp

namespace {

bool starts_expression_token(TokenKind kind) {
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

// The operator of an augmented assignment token, or false.
bool augmented_operator(TokenKind kind, ast::BinaryOperator& op) {
  switch (kind) {
    case TokenKind::PLUSEQUAL: op = ast::BinaryOperator::Add; return true;
    case TokenKind::MINEQUAL: op = ast::BinaryOperator::Sub; return true;
    case TokenKind::STAREQUAL: op = ast::BinaryOperator::Mult; return true;
    case TokenKind::ATEQUAL: op = ast::BinaryOperator::MatMult; return true;
    case TokenKind::SLASHEQUAL: op = ast::BinaryOperator::Div; return true;
    case TokenKind::PERCENTEQUAL: op = ast::BinaryOperator::Mod; return true;
    case TokenKind::AMPEREQUAL: op = ast::BinaryOperator::BitAnd; return true;
    case TokenKind::VBAREQUAL: op = ast::BinaryOperator::BitOr; return true;
    case TokenKind::CIRCUMFLEXEQUAL: op = ast::BinaryOperator::BitXor; return true;
    case TokenKind::LEFTSHIFTEQUAL: op = ast::BinaryOperator::LShift; return true;
    case TokenKind::RIGHTSHIFTEQUAL: op = ast::BinaryOperator::RShift; return true;
    case TokenKind::DOUBLESTAREQUAL: op = ast::BinaryOperator::Pow; return true;
    case TokenKind::DOUBLESLASHEQUAL: op = ast::BinaryOperator::FloorDiv; return true;
    default: return false;
  }
}

// Whether an expression could be CPython's bitwise_or (an operand of |): not a
// comparison, boolean operation, conditional, lambda, starred or bare yield.
bool is_bitwise_or_level(const Expr* e, bool parenthesized) {
  switch (e->kind) {
    case ExprKind::BoolOp: case ExprKind::Compare: case ExprKind::IfExp: case ExprKind::Lambda:
    case ExprKind::Starred: case ExprKind::NamedExpr:
      return parenthesized;
    case ExprKind::Yield: case ExprKind::YieldFrom:
      return parenthesized;
    case ExprKind::UnaryOp:
      return parenthesized || e->as<ast::UnaryOp>()->op != ast::UnaryOperator::Not;
    default:
      return true;
  }
}

// For `target = value` where target is no target: whether CPython's
// invalid_named_expression (a=bitwise_or '=' bitwise_or !('='|':=')) takes it, which
// excludes sources starting with a list, tuple, generator expression, True, None or False.
bool assignment_looks_like_comparison(const Expr* target, const Expr* value, const Token& start) {
  if (start.kind == TokenKind::TRUE || start.kind == TokenKind::NONE ||
      start.kind == TokenKind::FALSE) {
    return false;
  }
  const Expr* leftmost = target;
  for (;;) {
    if (leftmost->kind == ExprKind::Attribute) leftmost = leftmost->as<ast::Attribute>()->value;
    else if (leftmost->kind == ExprKind::Subscript) leftmost = leftmost->as<ast::Subscript>()->value;
    else if (leftmost->kind == ExprKind::Call) leftmost = leftmost->as<ast::Call>()->func;
    else if (leftmost->kind == ExprKind::BinOp) leftmost = leftmost->as<ast::BinOp>()->left;
    else break;
  }
  bool starts_at_leftmost = leftmost->lineno == start.line && leftmost->col_offset == start.column;
  if ((start.kind == TokenKind::LSQB || start.kind == TokenKind::LPAR) && starts_at_leftmost &&
      (leftmost->kind == ExprKind::List || leftmost->kind == ExprKind::Tuple ||
       leftmost->kind == ExprKind::GeneratorExp)) {
    return false;
  }
  bool target_parenthesized = start.kind == TokenKind::LPAR && !starts_at_leftmost;
  if (!is_bitwise_or_level(target, target_parenthesized)) return false;
  const Expr* first_value = value;
  if (value->kind == ExprKind::Tuple && !value->as<ast::Tuple>()->elts.empty() &&
      value->col_offset == value->as<ast::Tuple>()->elts[0]->col_offset) {
    first_value = value->as<ast::Tuple>()->elts[0];  // `= a, b`: bitwise_or takes `a`
  }
  return is_bitwise_or_level(first_value, false);
}

bool is_single_target(const Expr* e) {
  return e->kind == ExprKind::Name || e->kind == ExprKind::Attribute ||
         e->kind == ExprKind::Subscript;
}

}  // namespace

// --- Statement lists ---------------------------------------------------------------------------

bool Parser::statements(std::vector<Stmt*>& body, bool until_dedent) {
  for (;;) {
    TokenKind next = kind();
    if (next == TokenKind::ENDMARKER || (until_dedent && next == TokenKind::DEDENT)) return true;
    if (!statement(body)) return false;
  }
}

bool Parser::statement(std::vector<Stmt*>& body) {
  switch (kind()) {
    case TokenKind::DEF: case TokenKind::AT: case TokenKind::ASYNC: case TokenKind::IF:
    case TokenKind::CLASS: case TokenKind::WITH: case TokenKind::FOR: case TokenKind::TRY:
    case TokenKind::WHILE: {
      Stmt* compound = compound_statement();
      if (compound == nullptr) return false;
      body.push_back(compound);
      return true;
    }
    case TokenKind::NAME:
      if (peek().text == "match") {
        size_t saved = position_;
        Stmt* match = match_statement();
        if (match != nullptr) {
          body.push_back(match);
          return true;
        }
        if (!backtrack(saved)) return false;
      }
      return simple_statements(body);
    default:
      return simple_statements(body);
  }
}

bool Parser::simple_statements(std::vector<Stmt*>& body) {
  for (;;) {
    Stmt* statement = simple_statement();
    if (statement == nullptr) return false;
    body.push_back(statement);
    if (accept(TokenKind::NEWLINE)) return true;
    if (!accept(TokenKind::SEMI)) {
      fail();
      return false;
    }
    if (accept(TokenKind::NEWLINE)) return true;
  }
}

Stmt* Parser::simple_statement() {
  const Token& start = peek();
  switch (start.kind) {
    case TokenKind::RETURN: return return_statement();
    case TokenKind::IMPORT: return import_name();
    case TokenKind::FROM: return import_from();
    case TokenKind::RAISE: return raise_statement();
    case TokenKind::DEL: return del_statement();
    case TokenKind::ASSERT: return assert_statement();
    case TokenKind::GLOBAL: return global_statement(false);
    case TokenKind::NONLOCAL: return global_statement(true);
    case TokenKind::PASS: advance(); return finish(node_at<ast::Pass>(start));
    case TokenKind::BREAK: advance(); return finish(node_at<ast::Break>(start));
    case TokenKind::CONTINUE: advance(); return finish(node_at<ast::Continue>(start));
    default: return expression_or_assignment_statement();
  }
}

Stmt* Parser::expression_or_assignment_statement() {
  const Token& start = peek();
  Expr* first = at(TokenKind::YIELD) ? yield_expression() : star_expressions();
  if (first == nullptr) return nullptr;
  auto right_hand_side = [&]() -> Expr* {
    return at(TokenKind::YIELD) ? yield_expression() : star_expressions();
  };

  if (at(TokenKind::COLON)) {  // an annotated assignment
    if (!is_single_target(first)) {
      if (invalid_pass_) {
        size_t saved = position_;
        advance();
        if (expression() != nullptr) {
          if (first->kind == ExprKind::Tuple || first->kind == ExprKind::List) {
            bool parenthesized = start.kind == TokenKind::LPAR || start.kind == TokenKind::LSQB;
            if (parenthesized && first->col_offset == start.column) {
              return raise_at(*first, std::string("only single target (not ") +
                                          (first->kind == ExprKind::Tuple ? "tuple" : "list") +
                                          ") can be annotated");
            }
            return raise_at(*first->as<ast::Tuple>()->elts[0],
                            "only single target (not tuple) can be annotated");
          }
          return raise_at(*first, "illegal target for annotation");
        }
        if (!backtrack(saved)) return nullptr;
      }
      return fail();
    }
    advance();
    auto* statement = node_at<ast::AnnAssign>(start);
    set_context(first, ast::ExprContext::Store);
    statement->target = first;
    statement->simple = first->kind == ExprKind::Name && start.kind == TokenKind::NAME;
    statement->annotation = expression();
    if (statement->annotation == nullptr) return nullptr;
    if (accept(TokenKind::EQUAL)) {
      statement->value = right_hand_side();
      if (statement->value == nullptr) return nullptr;
    }
    return finish(statement);
  }

  if (at(TokenKind::EQUAL)) {
    std::vector<Expr*> items{first};
    std::vector<const Token*> equals;
    while (at(TokenKind::EQUAL)) {
      equals.push_back(&advance());
      Expr* next = right_hand_side();
      if (next == nullptr) return nullptr;
      items.push_back(next);
    }
    auto* statement = node_at<ast::Assign>(start);
    for (size_t i = 0; i + 1 < items.size(); ++i) {
      Expr* target = items[i];
      if (!set_context(target, ast::ExprContext::Store)) {
        if (!invalid_pass_) return fail();
        if (i == 0 && target->kind != ExprKind::Tuple && items.size() == 2 &&
            assignment_looks_like_comparison(target, items[1], start)) {
          // invalid_named_expression through star_named_expression:
          // a=bitwise_or b='=' bitwise_or !('='|':=')
          return raise_at(*target, std::string("cannot assign to ") + expression_name(target) +
                                       " here. Maybe you meant '==' instead of '='?");
        }
        if (target->kind == ExprKind::Yield || target->kind == ExprKind::YieldFrom) {
          return raise_at(*target, "assignment to yield expression not possible");
        }
        if (raise_invalid_target(TargetsType::star, target)) return nullptr;
        return fail();
      }
      statement->targets.push_back(target);
    }
    statement->value = items.back();
    return finish(statement);
  }

  ast::BinaryOperator op;
  if (augmented_operator(kind(), op)) {
    advance();
    Expr* value = right_hand_side();
    if (value == nullptr) return nullptr;
    if (!is_single_target(first)) {
      if (invalid_pass_) {
        return raise_at(*first, std::string("'") + expression_name(first) +
                                    "' is an illegal expression for augmented assignment");
      }
      return fail();
    }
    set_context(first, ast::ExprContext::Store);
    auto* statement = node_at<ast::AugAssign>(start);
    statement->target = first;
    statement->op = op;
    statement->value = value;
    return finish(statement);
  }

  auto* statement = node_at<ast::ExprStmt>(start);
  statement->value = first;
  return finish(statement);
}

// --- Simple statements -------------------------------------------------------------------------

Stmt* Parser::return_statement() {
  const Token& start = advance();
  auto* statement = node_at<ast::Return>(start);
  if (starts_expression_token(kind())) {
    statement->value = star_expressions();
    if (statement->value == nullptr) return nullptr;
  }
  return finish(statement);
}

Stmt* Parser::raise_statement() {
  const Token& start = advance();
  auto* statement = node_at<ast::Raise>(start);
  if (starts_expression_token(kind()) && !at(TokenKind::STAR)) {
    statement->exc = expression();
    if (statement->exc == nullptr) return nullptr;
    if (accept(TokenKind::FROM)) {
      statement->cause = expression();
      if (statement->cause == nullptr) return nullptr;
    }
  }
  return finish(statement);
}

Stmt* Parser::global_statement(bool nonlocal) {
  const Token& start = advance();
  auto* statement = node_at<ast::Global>(start);
  if (nonlocal) statement->kind = ast::StmtKind::Nonlocal;
  do {
    if (!at(TokenKind::NAME)) return fail();
    statement->names.emplace_back(advance().text);
  } while (accept(TokenKind::COMMA));
  return finish(statement);
}

Stmt* Parser::del_statement() {
  const Token& start = advance();
  auto* statement = node_at<ast::Delete>(start);
  size_t targets_start = position_;
  bool valid = true;
  for (;;) {
    if (!at(TokenKind::NAME) && !at(TokenKind::LPAR) && !at(TokenKind::LSQB)) {
      valid = false;
      break;
    }
    Expr* target = primary();
    if (target == nullptr) {
      valid = false;
      break;
    }
    if (!set_context(target, ast::ExprContext::Del)) {
      valid = false;
      break;
    }
    statement->targets.push_back(target);
    if (!accept(TokenKind::COMMA)) break;
    if (at(TokenKind::SEMI) || at(TokenKind::NEWLINE)) break;
  }
  if (valid && (at(TokenKind::SEMI) || at(TokenKind::NEWLINE))) return finish(statement);
  if (!invalid_pass_ || error_) return fail();
  // invalid_del_stmt: 'del' star_expressions
  position_ = targets_start;
  failed_ = false;
  Expr* expressions = star_expressions();
  if (expressions != nullptr && raise_invalid_target(TargetsType::del, expressions)) return nullptr;
  return fail();
}

Stmt* Parser::assert_statement() {
  const Token& start = advance();
  auto* statement = node_at<ast::Assert>(start);
  statement->test = expression();
  if (statement->test == nullptr) return nullptr;
  if (accept(TokenKind::COMMA)) {
    statement->msg = expression();
    if (statement->msg == nullptr) return nullptr;
  }
  return finish(statement);
}

bool Parser::dotted_name(std::string& name) {
  if (!at(TokenKind::NAME)) {
    fail();
    return false;
  }
  name.assign(advance().text);
  while (at(TokenKind::DOT) && at(TokenKind::NAME, 1)) {
    advance();
    name += '.';
    name += advance().text;
  }
  return true;
}

Stmt* Parser::import_name() {
  const Token& start = advance();
  auto* statement = node_at<ast::Import>(start);
  do {
    const Token& name_start = peek();
    auto* item = node_at<ast::alias>(name_start);
    if (!dotted_name(item->name)) return nullptr;
    if (accept(TokenKind::AS)) {
      if (!at(TokenKind::NAME)) return fail();
      item->has_asname = true;
      item->asname.assign(advance().text);
    }
    statement->names.push_back(finish(item));
  } while (accept(TokenKind::COMMA));
  return finish(statement);
}

Stmt* Parser::import_from() {
  const Token& start = advance();
  auto* statement = node_at<ast::ImportFrom>(start);
  for (;;) {
    if (accept(TokenKind::DOT)) {
      statement->level += 1;
    } else if (accept(TokenKind::ELLIPSIS)) {
      statement->level += 3;
    } else {
      break;
    }
  }
  if (!at(TokenKind::IMPORT) || statement->level == 0) {
    statement->has_module = true;
    if (!dotted_name(statement->module)) return nullptr;
  }
  if (!expect(TokenKind::IMPORT)) return nullptr;
  if (at(TokenKind::STAR)) {
    const Token& star = advance();
    auto* item = node_at<ast::alias>(star);
    item->name.assign(1, '*');  // (not = "*": GCC 12 warns falsely)
    statement->names.push_back(finish(item));
    return finish(statement);
  }
  bool parenthesized = accept(TokenKind::LPAR);
  for (;;) {
    if (!at(TokenKind::NAME)) return fail();
    const Token& name = advance();
    auto* item = node_at<ast::alias>(name);
    item->name.assign(name.text);
    if (accept(TokenKind::AS)) {
      if (!at(TokenKind::NAME)) return fail();
      item->has_asname = true;
      item->asname.assign(advance().text);
    }
    statement->names.push_back(finish(item));
    if (!accept(TokenKind::COMMA)) break;
    if (parenthesized && at(TokenKind::RPAR)) break;
    if (!parenthesized && at(TokenKind::NEWLINE)) {
      if (invalid_pass_) return raise_here("trailing comma not allowed without surrounding parentheses");
      return fail();
    }
  }
  if (parenthesized && !expect(TokenKind::RPAR)) return nullptr;
  return finish(statement);
}

// --- Blocks ------------------------------------------------------------------------------------

bool Parser::block(std::vector<Stmt*>& body, const Token& keyword, const char* what) {
  if (accept(TokenKind::NEWLINE)) {
    if (!at(TokenKind::INDENT)) {
      if (invalid_pass_) {
        std::string message = "expected an indented block";
        if (what != nullptr) {
          message += " after ";
          message += what;
          message += " on line " + std::to_string(keyword.line);
        }
        raise_here(std::move(message), SyntaxErrorKind::indentation_error);
      } else {
        fail();
      }
      return false;
    }
    advance();
    if (!statements(body, true)) return false;
    if (!expect(TokenKind::DEDENT)) return false;
    return true;
  }
  return simple_statements(body);
}

bool Parser::else_block(std::vector<Stmt*>& body) {
  const Token& keyword = advance();  // 'else'
  if (!expect_forced(TokenKind::COLON)) return false;
  return block(body, keyword, "'else' statement");
}

Stmt* Parser::compound_statement() {
  const Token& start = peek();
  switch (start.kind) {
    case TokenKind::AT: {
      std::vector<Expr*> decorators;
      while (accept(TokenKind::AT)) {
        Expr* decorator = named_expression();
        if (decorator == nullptr || !expect(TokenKind::NEWLINE)) return nullptr;
        decorators.push_back(decorator);
      }
      const Token& definition = peek();
      if (definition.kind == TokenKind::CLASS) return class_definition(std::move(decorators), definition);
      if (definition.kind == TokenKind::DEF ||
          (definition.kind == TokenKind::ASYNC && at(TokenKind::DEF, 1))) {
        return function_definition(std::move(decorators), definition);
      }
      return fail();
    }
    case TokenKind::DEF: return function_definition({}, start);
    case TokenKind::CLASS: return class_definition({}, start);
    case TokenKind::IF: return if_statement(advance());
    case TokenKind::WHILE: return while_statement();
    case TokenKind::FOR: return for_statement(nullptr);
    case TokenKind::WITH: return with_statement(nullptr);
    case TokenKind::TRY: return try_statement();
    case TokenKind::ASYNC: {
      const Token& async_token = advance();
      switch (kind()) {
        case TokenKind::DEF: --position_; return function_definition({}, async_token);
        case TokenKind::FOR: return for_statement(&async_token);
        case TokenKind::WITH: return with_statement(&async_token);
        default: return fail();
      }
    }
    default:
      return fail();
  }
}

Stmt* Parser::function_definition(std::vector<Expr*> decorators, const Token& start) {
  bool is_async = accept(TokenKind::ASYNC);
  const Token& keyword = advance();  // 'def'
  auto* function = node_at<ast::FunctionDef>(start);
  if (is_async) function->kind = ast::StmtKind::AsyncFunctionDef;
  function->decorator_list = std::move(decorators);
  if (!at(TokenKind::NAME)) return fail();
  function->name.assign(advance().text);
  if (!expect_forced(TokenKind::LPAR)) return nullptr;
  function->args = parameters(false);
  if (function->args == nullptr || !expect(TokenKind::RPAR)) return nullptr;
  if (accept(TokenKind::RARROW)) {
    function->returns = expression();
    if (function->returns == nullptr) return nullptr;
  }
  if (!expect_forced(TokenKind::COLON)) return nullptr;
  if (!block(function->body, keyword, "function definition")) return nullptr;
  return finish(function);
}

Stmt* Parser::class_definition(std::vector<Expr*> decorators, const Token& start) {
  const Token& keyword = advance();  // 'class'
  auto* definition = node_at<ast::ClassDef>(start);
  definition->decorator_list = std::move(decorators);
  if (!at(TokenKind::NAME)) return fail();
  definition->name.assign(advance().text);
  if (accept(TokenKind::LPAR)) {
    if (!call_arguments(definition->bases, definition->keywords, TokenKind::RPAR)) return nullptr;
    if (!expect(TokenKind::RPAR)) return nullptr;
  }
  if (!at(TokenKind::COLON)) {
    if (invalid_pass_ && at(TokenKind::NEWLINE)) return raise_here("expected ':'");
    return fail();
  }
  advance();
  if (!block(definition->body, keyword, "class definition")) return nullptr;
  return finish(definition);
}

Stmt* Parser::if_statement(const Token& keyword) {
  auto* statement = node_at<ast::If>(keyword);
  statement->test = named_expression();
  if (statement->test == nullptr) return nullptr;
  if (!at(TokenKind::COLON)) {
    if (invalid_pass_ && at(TokenKind::NEWLINE)) return raise_here("expected ':'");
    return fail();
  }
  advance();
  const char* what = keyword.kind == TokenKind::IF ? "'if' statement" : "'elif' statement";
  if (!block(statement->body, keyword, what)) return nullptr;
  if (at(TokenKind::ELIF)) {
    Stmt* elif = if_statement(advance());
    if (elif == nullptr) return nullptr;
    statement->orelse.push_back(elif);
  } else if (at(TokenKind::ELSE)) {
    if (!else_block(statement->orelse)) return nullptr;
  }
  return finish(statement);
}

Stmt* Parser::while_statement() {
  const Token& keyword = advance();
  auto* statement = node_at<ast::While>(keyword);
  statement->test = named_expression();
  if (statement->test == nullptr) return nullptr;
  if (!at(TokenKind::COLON)) {
    if (invalid_pass_ && at(TokenKind::NEWLINE)) return raise_here("expected ':'");
    return fail();
  }
  advance();
  if (!block(statement->body, keyword, "'while' statement")) return nullptr;
  if (at(TokenKind::ELSE) && !else_block(statement->orelse)) return nullptr;
  return finish(statement);
}

Stmt* Parser::for_statement(const Token* async_token) {
  const Token& keyword = advance();  // 'for'
  auto* statement = node_at<ast::For>(async_token ? *async_token : keyword);
  if (async_token) statement->kind = ast::StmtKind::AsyncFor;
  size_t target_start = position_;
  statement->target = star_targets();
  if (statement->target == nullptr || !at(TokenKind::IN)) {
    if (invalid_pass_ && !error_) {
      position_ = target_start;
      failed_ = false;
      Expr* targets = star_expressions();
      if (targets != nullptr && raise_invalid_target(TargetsType::for_loop, targets)) return nullptr;
    }
    return fail();
  }
  advance();  // 'in'
  statement->iter = star_expressions();
  if (statement->iter == nullptr) return nullptr;
  if (!at(TokenKind::COLON)) {
    if (invalid_pass_ && at(TokenKind::NEWLINE)) return raise_here("expected ':'");
    return fail();
  }
  advance();
  if (!block(statement->body, keyword, "'for' statement")) return nullptr;
  if (at(TokenKind::ELSE) && !else_block(statement->orelse)) return nullptr;
  return finish(statement);
}

ast::withitem* Parser::with_item() {
  auto* item = arena_.make<ast::withitem>();
  item->context_expr = expression();
  if (item->context_expr == nullptr) return nullptr;
  if (accept(TokenKind::AS)) {
    size_t target_start = position_;
    item->optional_vars = star_target();
    if (item->optional_vars == nullptr ||
        !(at(TokenKind::COMMA) || at(TokenKind::RPAR) || at(TokenKind::COLON))) {
      if (invalid_pass_ && !error_) {
        position_ = target_start;
        failed_ = false;
        Expr* target = expression();
        if (target != nullptr &&
            (at(TokenKind::COMMA) || at(TokenKind::RPAR) || at(TokenKind::COLON)) &&
            raise_invalid_target(TargetsType::star, target)) {
          return nullptr;
        }
      }
      return fail();
    }
  }
  return item;
}

Stmt* Parser::with_statement(const Token* async_token) {
  const Token& keyword = advance();  // 'with'
  auto* statement = node_at<ast::With>(async_token ? *async_token : keyword);
  if (async_token) statement->kind = ast::StmtKind::AsyncWith;
  if (at(TokenKind::LPAR)) {  // 'with' '(' items ','? ')' ':'
    size_t saved = position_;
    advance();
    bool parsed = true;
    while (parsed) {
      ast::withitem* item = with_item();
      if (item == nullptr) {
        parsed = false;
        break;
      }
      statement->items.push_back(item);
      if (!accept(TokenKind::COMMA) || at(TokenKind::RPAR)) break;
    }
    if (parsed && accept(TokenKind::RPAR) && at(TokenKind::COLON)) {
      advance();
      if (!block(statement->body, keyword, "'with' statement")) return nullptr;
      return finish(statement);
    }
    if (!backtrack(saved)) return nullptr;
    statement->items.clear();
  }
  do {
    ast::withitem* item = with_item();
    if (item == nullptr) return nullptr;
    statement->items.push_back(item);
  } while (accept(TokenKind::COMMA));
  if (!at(TokenKind::COLON)) {
    if (invalid_pass_ && at(TokenKind::NEWLINE)) return raise_here("expected ':'");
    return fail();
  }
  advance();
  if (!block(statement->body, keyword, "'with' statement")) return nullptr;
  return finish(statement);
}

Stmt* Parser::try_statement() {
  const Token& keyword = advance();  // 'try'
  auto* statement = node_at<ast::Try>(keyword);
  if (!expect_forced(TokenKind::COLON)) return nullptr;
  if (!block(statement->body, keyword, "'try' statement")) return nullptr;
  bool star = false;
  bool first = true;
  while (at(TokenKind::EXCEPT)) {
    ast::ExceptHandler* handler = except_block(star, first);
    if (handler == nullptr) return nullptr;
    statement->handlers.push_back(handler);
    first = false;
  }
  if (star) statement->kind = ast::StmtKind::TryStar;
  if (statement->handlers.empty() && !at(TokenKind::FINALLY)) {
    if (invalid_pass_) return raise_here("expected 'except' or 'finally' block");
    return fail();
  }
  if (!statement->handlers.empty() && at(TokenKind::ELSE) && !else_block(statement->orelse)) {
    return nullptr;
  }
  if (at(TokenKind::FINALLY)) {
    const Token& finally = advance();
    if (!expect_forced(TokenKind::COLON)) return nullptr;
    if (!block(statement->finalbody, finally, "'finally' statement")) return nullptr;
  }
  return finish(statement);
}

ast::ExceptHandler* Parser::except_block(bool& star, bool first) {
  const Token& keyword = advance();  // 'except'
  auto* handler = node_at<ast::ExceptHandler>(keyword);
  bool this_star = false;
  if (at(TokenKind::STAR)) {
    advance();
    this_star = true;
    if (at(TokenKind::NEWLINE) || at(TokenKind::COLON)) {
      if (invalid_pass_) return raise_here("expected one or more exception types");
      return fail();
    }
  }
  if (!first && this_star != star) {
    if (invalid_pass_) {
      if (this_star) return raise_range_tokens(keyword, tokens_[position_ - 1],
                                               "cannot have both 'except' and 'except*' on the same 'try'");
      return raise_at_token(keyword, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    return fail();
  }
  star = this_star;
  if (!at(TokenKind::COLON)) {
    handler->type = expression();
    if (handler->type == nullptr) return nullptr;
    if (invalid_pass_ && at(TokenKind::COMMA)) {
      size_t saved = position_;
      advance();
      if (expression() != nullptr) {
        while (accept(TokenKind::COMMA) && expression() != nullptr) {
        }
        if (accept(TokenKind::AS)) expect(TokenKind::NAME);
        if (!failed_ && at(TokenKind::COLON)) {
          advance();  // CPython's rule consumed the ':'; the error ends at its cursor
          return raise_starting_from(*handler->type, "multiple exception types must be parenthesized");
        }
      }
      if (!backtrack(saved)) return nullptr;
    }
    if (accept(TokenKind::AS)) {
      if (!at(TokenKind::NAME)) return fail();
      handler->has_name = true;
      handler->name.assign(advance().text);
    }
  }
  if (!at(TokenKind::COLON)) {
    if (invalid_pass_ && at(TokenKind::NEWLINE)) return raise_here("expected ':'");
    return fail();
  }
  advance();
  if (!block(handler->body, keyword, this_star ? "'except*' statement" : "'except' statement")) {
    return nullptr;
  }
  return finish(handler);
}

// --- Parameters --------------------------------------------------------------------------------

ast::arg* Parser::parameter(bool lambda, bool star_annotation) {
  if (!at(TokenKind::NAME)) return fail();
  const Token& name = advance();
  auto* parameter = node_at<ast::arg>(name);
  parameter->arg.assign(name.text);
  if (!lambda && accept(TokenKind::COLON)) {
    parameter->annotation = star_annotation ? star_expression() : expression();
    if (parameter->annotation == nullptr) return nullptr;
  }
  return finish(parameter);
}

ast::arguments* Parser::parameters(bool lambda) {
  auto* arguments = arena_.make<ast::arguments>();
  TokenKind close = lambda ? TokenKind::COLON : TokenKind::RPAR;
  const char* owner_error = lambda ? "Lambda expression parameters cannot be parenthesized"
                                   : "Function parameters cannot be parenthesized";
  bool seen_slash = false;     // '/' seen
  bool seen_star = false;      // '*' or *args seen
  bool seen_default = false;   // a positional parameter with a default seen
  while (!at(close)) {
    const Token& token = peek();
    if (token.kind == TokenKind::SLASH) {
      advance();
      if (invalid_pass_) {
        if (arguments->args.empty() && !seen_slash && !seen_star) {
          return raise_at_token(token, "at least one argument must precede /");
        }
        if (seen_slash) return raise_at_token(token, "/ may appear only once");
        if (seen_star) return raise_at_token(token, "/ must be ahead of *");
      }
      if (arguments->args.empty() || seen_slash || seen_star) return fail();
      seen_slash = true;
      arguments->posonlyargs = std::move(arguments->args);
      arguments->args.clear();
      if (!at(TokenKind::COMMA) && !at(close)) {
        if (invalid_pass_ && at(TokenKind::STAR)) {
          return raise_at_token(peek(), "expected comma between / and *");
        }
        return fail();
      }
    } else if (token.kind == TokenKind::STAR) {
      advance();
      if (seen_star) {
        if (invalid_pass_) return raise_at_token(token, "* argument may appear only once");
        return fail();
      }
      seen_star = true;
      if (at(TokenKind::COMMA) || at(close)) {
        // A bare '*' must be followed by keyword-only parameters.
        bool bare_end = at(close) || (at(TokenKind::COMMA) && (at(close, 1) || at(TokenKind::DOUBLESTAR, 1)));
        if (bare_end) {
          if (invalid_pass_) {
            if (lambda) return raise_here("named arguments must follow bare *");
            return raise_at_token(token, "named arguments must follow bare *");
          }
          return fail();
        }
      } else {
        arguments->vararg = parameter(lambda, true);
        if (arguments->vararg == nullptr) return nullptr;
        if (at(TokenKind::EQUAL)) {
          if (invalid_pass_) return raise_at_token(peek(), "var-positional argument cannot have default value");
          return fail();
        }
      }
    } else if (token.kind == TokenKind::DOUBLESTAR) {
      advance();
      arguments->kwarg = parameter(lambda, false);
      if (arguments->kwarg == nullptr) return nullptr;
      if (at(TokenKind::EQUAL)) {
        if (invalid_pass_) return raise_at_token(peek(), "var-keyword argument cannot have default value");
        return fail();
      }
      if (accept(TokenKind::COMMA) && !at(close)) {
        if (invalid_pass_) {
          if (at(TokenKind::NAME)) {
            ast::arg* after = parameter(lambda, false);
            if (after != nullptr) return raise_at(*after, "arguments cannot follow var-keyword argument");
            return nullptr;
          }
          if (at(TokenKind::STAR) || at(TokenKind::DOUBLESTAR) || at(TokenKind::SLASH)) {
            return raise_at_token(peek(), "arguments cannot follow var-keyword argument");
          }
        }
        return fail();
      }
      break;
    } else if (token.kind == TokenKind::LPAR) {
      if (invalid_pass_) {
        advance();
        while (at(TokenKind::NAME)) {
          if (parameter(true, false) == nullptr) return nullptr;
          if (!accept(TokenKind::COMMA)) break;
        }
        if (at(TokenKind::RPAR)) return raise_range_tokens(token, peek(), owner_error);
      }
      return fail();
    } else {
      ast::arg* parameter_node = parameter(lambda, false);
      if (parameter_node == nullptr) return nullptr;
      if (at(TokenKind::EQUAL)) {
        const Token& equal = advance();
        if (invalid_pass_ && (at(TokenKind::COMMA) || at(close))) {
          return raise_at_token(equal, "expected default value expression");
        }
        Expr* value = expression();
        if (value == nullptr) return nullptr;
        if (seen_star) {
          arguments->kwonlyargs.push_back(parameter_node);
          arguments->kw_defaults.push_back(value);
        } else {
          arguments->args.push_back(parameter_node);
          arguments->defaults.push_back(value);
          seen_default = true;
        }
      } else if (seen_star) {
        arguments->kwonlyargs.push_back(parameter_node);
        arguments->kw_defaults.push_back(nullptr);
      } else {
        if (seen_default) {
          if (invalid_pass_) {
            return raise_at(*parameter_node, "non-default argument follows default argument");
          }
          return fail();
        }
        arguments->args.push_back(parameter_node);
      }
    }
    if (!accept(TokenKind::COMMA)) break;
  }
  if (!at(close)) return fail();
  return arguments;
}

}  // namespace py::parser_detail
