// Assignment and deletion targets: star_targets, del_targets, and the context (Store, Del)
// of an expression parsed first and found to be a target, with CPython's
// _PyPegen_get_invalid_target for the "cannot assign to ..." messages.
//
// Design decision: statements parse `a, b = c` as expressions and then turn the
// expressions left of '=' into targets (set_context), instead of trying star_targets
// first and backtracking as CPython's PEG parser does; `for` and comprehension targets,
// which `in` ends, are parsed as primaries. The cost: the checks that an expression is a
// valid target live here rather than in the grammar.
#include "core/py/syntax/parser_impl.hpp"

namespace py::parser_detail {

using ast::Expr;
using ast::ExprKind;

const char* expression_name(const Expr* e);  // parser_expressions.cpp

namespace {

bool starts_target(TokenKind kind) {
  return kind == TokenKind::NAME || kind == TokenKind::LPAR || kind == TokenKind::LSQB ||
         kind == TokenKind::STAR;
}

}  // namespace

Expr* Parser::star_targets() {
  const Token& start = peek();
  Expr* first = star_target();
  if (first == nullptr) return nullptr;
  if (!at(TokenKind::COMMA)) return first;
  auto* tuple = node_at<ast::Tuple>(start);
  tuple->ctx = ast::ExprContext::Store;
  tuple->elts.push_back(first);
  while (accept(TokenKind::COMMA)) {
    if (!starts_target(kind())) break;
    Expr* item = star_target();
    if (item == nullptr) return nullptr;
    tuple->elts.push_back(item);
  }
  return finish(tuple);
}

Expr* Parser::star_target() {
  if (at(TokenKind::STAR)) {
    const Token& star = advance();
    if (at(TokenKind::STAR)) return fail();
    Expr* value = star_target();
    if (value == nullptr) return nullptr;
    auto* starred = node_at<ast::Starred>(star);
    starred->value = value;
    starred->ctx = ast::ExprContext::Store;
    return finish(starred);
  }
  if (!starts_target(kind())) return fail();
  Expr* target = primary();
  if (target == nullptr) return nullptr;
  if (!set_context(target, ast::ExprContext::Store)) return fail();
  return target;
}

bool Parser::set_context(Expr* target, ast::ExprContext ctx) {
  switch (target->kind) {
    case ExprKind::Name: target->as<ast::Name>()->ctx = ctx; return true;
    case ExprKind::Attribute: target->as<ast::Attribute>()->ctx = ctx; return true;
    case ExprKind::Subscript: target->as<ast::Subscript>()->ctx = ctx; return true;
    case ExprKind::Starred: {
      if (ctx == ast::ExprContext::Del) return false;
      auto* starred = target->as<ast::Starred>();
      starred->ctx = ctx;
      return set_context(starred->value, ctx);
    }
    case ExprKind::Tuple: {
      auto* tuple = target->as<ast::Tuple>();
      tuple->ctx = ctx;
      for (Expr* element : tuple->elts) {
        if (!set_context(element, ctx)) return false;
      }
      return true;
    }
    case ExprKind::List: {
      auto* list = target->as<ast::List>();
      list->ctx = ctx;
      for (Expr* element : list->elts) {
        if (!set_context(element, ctx)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

Expr* Parser::invalid_target(Expr* e, TargetsType type) {
  if (e == nullptr) return nullptr;
  switch (e->kind) {
    case ExprKind::List:
      for (Expr* element : e->as<ast::List>()->elts) {
        if (Expr* child = invalid_target(element, type)) return child;
      }
      return nullptr;
    case ExprKind::Tuple:
      for (Expr* element : e->as<ast::Tuple>()->elts) {
        if (Expr* child = invalid_target(element, type)) return child;
      }
      return nullptr;
    case ExprKind::Starred:
      if (type == TargetsType::del) return e;
      return invalid_target(e->as<ast::Starred>()->value, type);
    case ExprKind::Compare:
      // `for a in b` parses `a in b` as a comparison: look at its left side.
      if (type == TargetsType::for_loop) {
        auto* compare = e->as<ast::Compare>();
        if (compare->ops[0] == ast::CompareOperator::In) return invalid_target(compare->left, type);
        return nullptr;
      }
      return e;
    case ExprKind::Name: case ExprKind::Subscript: case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

bool Parser::raise_invalid_target(TargetsType type, Expr* expression) {
  Expr* invalid = invalid_target(expression, type);
  if (invalid == nullptr) return false;
  std::string message = type == TargetsType::del ? "cannot delete " : "cannot assign to ";
  raise_at(*invalid, message + expression_name(invalid));
  return true;
}

}  // namespace py::parser_detail
