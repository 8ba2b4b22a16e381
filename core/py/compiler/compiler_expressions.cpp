// Expressions, assignment targets and conditional jumps (compiler.hpp): each function
// follows the compile.c function it names.

#include "core/py/compiler/compiler_unit.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {

using namespace ast;

bool Compiler::check_recursion(const Location& location) {
  if (++depth_ <= kMaxCompileNesting) return true;
  recursion_error_ = true;
  return fail(kCompileRecursionMessage, location);
}

bool Compiler::visit_expressions(const std::vector<Expr*>& expressions) {
  for (const Expr* expression : expressions) {
    if (!visit_expression(expression)) return false;
  }
  return true;
}

// Every instruction an expression emits carries the expression's span; the enclosing
// position comes back afterwards (compiler_visit_expr's SET_LOC and restore).
bool Compiler::visit_expression(const Expr* expression) {
  if (!check_recursion(*expression)) return false;
  SourcePosition saved = unit_->position;
  set_position(*expression);
  bool ok = visit_expression_kind(expression);
  unit_->position = saved;
  --depth_;
  return ok;
}

static Opcode unary_opcode(UnaryOperator op) {
  switch (op) {
    case UnaryOperator::Invert: return Opcode::UNARY_INVERT;
    case UnaryOperator::Not: return Opcode::UNARY_NOT;
    case UnaryOperator::UAdd: return Opcode::UNARY_POSITIVE;
    case UnaryOperator::USub: return Opcode::UNARY_NEGATIVE;
  }
  return Opcode::UNARY_NOT;
}

bool Compiler::visit_expression_kind(const Expr* expression) {
  switch (expression->kind) {
    case ExprKind::BoolOp:
      return visit_bool_operation(expression->as<BoolOp>());
    case ExprKind::NamedExpr:
      return visit_named_expression(expression->as<NamedExpr>());
    case ExprKind::BinOp: {
      auto* binary = expression->as<BinOp>();
      if (!visit_expression(binary->left) || !visit_expression(binary->right)) return false;
      emit(Opcode::BINARY_OP, uint32_t(binary_operator(binary->op)));
      return true;
    }
    case ExprKind::UnaryOp: {
      auto* unary = expression->as<UnaryOp>();
      if (!visit_expression(unary->operand)) return false;
      emit(unary_opcode(unary->op));
      return true;
    }
    case ExprKind::Lambda:
      return visit_lambda(expression->as<Lambda>());
    case ExprKind::IfExp:
      return visit_if_expression(expression->as<IfExp>());
    case ExprKind::Dict:
      return visit_dict(expression->as<ast::Dict>());
    case ExprKind::Set:
      return starunpack_helper(expression->as<ast::Set>()->elts, 0, Opcode::BUILD_SET,
                               Opcode::SET_ADD, Opcode::SET_UPDATE, false);
    case ExprKind::ListComp: {
      auto* comprehension = expression->as<ListComp>();
      return visit_comprehension(expression, comprehension->generators, comprehension->elt,
                                 nullptr);
    }
    case ExprKind::SetComp: {
      auto* comprehension = expression->as<SetComp>();
      return visit_comprehension(expression, comprehension->generators, comprehension->elt,
                                 nullptr);
    }
    case ExprKind::DictComp: {
      auto* comprehension = expression->as<DictComp>();
      return visit_comprehension(expression, comprehension->generators, comprehension->key,
                                 comprehension->value);
    }
    case ExprKind::GeneratorExp: {
      auto* comprehension = expression->as<GeneratorExp>();
      return visit_comprehension(expression, comprehension->generators, comprehension->elt,
                                 nullptr);
    }
    case ExprKind::Await:
      return visit_await(expression->as<Await>());
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return visit_yield(expression);
    case ExprKind::Compare:
      return visit_compare(expression->as<Compare>());
    case ExprKind::Call:
      return visit_call(expression->as<Call>());
    case ExprKind::FormattedValue:
      return visit_formatted_value(expression->as<FormattedValue>());
    case ExprKind::JoinedStr:
      return visit_joined_string(expression->as<JoinedStr>());
    case ExprKind::Constant:
      load_constant(expression->as<Constant>()->value);
      return !error_;
    case ExprKind::Attribute: {
      auto* attribute = expression->as<Attribute>();
      if (attribute->ctx != ExprContext::Load) return visit_store(expression);
      if (!visit_expression(attribute->value)) return false;
      emit_name(Opcode::LOAD_ATTR, attribute->attr);
      return true;
    }
    case ExprKind::Subscript:
      if (expression->as<Subscript>()->ctx != ExprContext::Load) return visit_store(expression);
      return visit_subscript(expression->as<Subscript>());
    case ExprKind::Starred:
      if (expression->as<Starred>()->ctx == ExprContext::Store) {
        return fail("starred assignment target must be in a list or tuple", *expression);
      }
      return fail("can't use starred expression here", *expression);
    case ExprKind::Name: {
      auto* name = expression->as<Name>();
      if (name->ctx != ExprContext::Load) return visit_store(expression);
      return name_operation(name->id, ExprContext::Load, *expression);
    }
    case ExprKind::List: {
      auto* list = expression->as<ast::List>();
      if (list->ctx != ExprContext::Load) return visit_store(expression);
      return starunpack_helper(list->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND,
                               Opcode::LIST_EXTEND, false);
    }
    case ExprKind::Tuple: {
      auto* tuple = expression->as<ast::Tuple>();
      if (tuple->ctx != ExprContext::Load) return visit_store(expression);
      return starunpack_helper(tuple->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND,
                               Opcode::LIST_EXTEND, true);
    }
    case ExprKind::Slice:
      return visit_slice(expression->as<Slice>());
  }
  return true;
}

// compiler_boolop: `a and b` keeps a when it decides the result.
bool Compiler::visit_bool_operation(const BoolOp* expression) {
  Opcode jump = expression->op == BooleanOperator::And ? Opcode::JUMP_IF_FALSE_OR_POP
                                                       : Opcode::JUMP_IF_TRUE_OR_POP;
  BasicBlock* end = new_block();
  size_t last = expression->values.size() - 1;
  for (size_t index = 0; index < last; ++index) {
    if (!visit_expression(expression->values[index])) return false;
    emit_jump(jump, end);
  }
  if (!visit_expression(expression->values[last])) return false;
  use_next_block(end);
  return true;
}

bool Compiler::visit_named_expression(const NamedExpr* expression) {
  if (!visit_expression(expression->value)) return false;
  emit(Opcode::DUP_TOP);
  return visit_store(expression->target);
}

bool Compiler::visit_if_expression(const IfExp* expression) {
  BasicBlock* end = new_block();
  BasicBlock* next = new_block();
  if (!jump_if(expression->test, next, false)) return false;
  if (!visit_expression(expression->body)) return false;
  emit_jump(Opcode::JUMP_FORWARD, end);
  use_next_block(next);
  if (!visit_expression(expression->orelse)) return false;
  use_next_block(end);
  return true;
}

bool Compiler::emit_compare_operator(CompareOperator op) {
  switch (op) {
    case CompareOperator::Is: emit(Opcode::IS_OP, 0); break;
    case CompareOperator::IsNot: emit(Opcode::IS_OP, 1); break;
    case CompareOperator::In: emit(Opcode::CONTAINS_OP, 0); break;
    case CompareOperator::NotIn: emit(Opcode::CONTAINS_OP, 1); break;
    case CompareOperator::Eq: emit(Opcode::COMPARE_OP, uint32_t(CompareOp::equal)); break;
    case CompareOperator::NotEq: emit(Opcode::COMPARE_OP, uint32_t(CompareOp::not_equal)); break;
    case CompareOperator::Lt: emit(Opcode::COMPARE_OP, uint32_t(CompareOp::less)); break;
    case CompareOperator::LtE: emit(Opcode::COMPARE_OP, uint32_t(CompareOp::less_equal)); break;
    case CompareOperator::Gt: emit(Opcode::COMPARE_OP, uint32_t(CompareOp::greater)); break;
    case CompareOperator::GtE:
      emit(Opcode::COMPARE_OP, uint32_t(CompareOp::greater_equal));
      break;
  }
  return true;
}

// The type a literal expression evaluates to (infer_type), or null for anything else. A
// negated number counts as a constant: CPython's AST optimizer has folded it.
static const char* literal_type_name(const Expr* expression) {
  switch (expression->kind) {
    case ExprKind::Tuple: return "tuple";
    case ExprKind::List: case ExprKind::ListComp: return "list";
    case ExprKind::Dict: case ExprKind::DictComp: return "dict";
    case ExprKind::Set: case ExprKind::SetComp: return "set";
    case ExprKind::GeneratorExp: return "generator";
    case ExprKind::Lambda: return "function";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "str";
    case ExprKind::UnaryOp: {
      auto* unary = expression->as<UnaryOp>();
      if (unary->op != UnaryOperator::USub || unary->operand->kind != ExprKind::Constant) {
        return nullptr;
      }
      const char* operand = literal_type_name(unary->operand);
      return operand && (std::string_view(operand) == "int" ||
                         std::string_view(operand) == "float") ? operand : nullptr;
    }
    case ExprKind::Constant:
      switch (expression->as<Constant>()->value.kind) {
        case ConstantValue::Kind::None: return "NoneType";
        case ConstantValue::Kind::True: case ConstantValue::Kind::False: return "bool";
        case ConstantValue::Kind::Ellipsis: return "ellipsis";
        case ConstantValue::Kind::Int: case ConstantValue::Kind::BigInt: return "int";
        case ConstantValue::Kind::Float: return "float";
        case ConstantValue::Kind::Str: return "str";
        case ConstantValue::Kind::Bytes: return "bytes";
      }
      return nullptr;
    default:
      return nullptr;
  }
}

// A constant (or folded constant) expression.
static bool is_constant_like(const Expr* expression) {
  return expression->kind == ExprKind::Constant ||
         (expression->kind == ExprKind::UnaryOp && literal_type_name(expression));
}

// A constant tuple after CPython's folding: a tuple display of constants only.
static bool is_constant_tuple(const Expr* expression) {
  if (expression->kind != ExprKind::Tuple) return false;
  for (const Expr* element : expression->as<ast::Tuple>()->elts) {
    if (!is_constant_like(element)) return false;
  }
  return true;
}

// check_is_arg: may this be an operand of `is` without a warning?
static bool allowed_with_is(const Expr* expression) {
  if (is_constant_tuple(expression)) return false;
  if (!is_constant_like(expression)) return true;
  if (expression->kind != ExprKind::Constant) return false;
  switch (expression->as<Constant>()->value.kind) {
    case ConstantValue::Kind::None: case ConstantValue::Kind::True:
    case ConstantValue::Kind::False: case ConstantValue::Kind::Ellipsis:
      return true;
    default:
      return false;
  }
}

void Compiler::check_compare(const Compare* expression) {
  bool left = allowed_with_is(expression->left);
  for (size_t index = 0; index < expression->ops.size(); ++index) {
    CompareOperator op = expression->ops[index];
    bool right = allowed_with_is(expression->comparators[index]);
    if ((op == CompareOperator::Is || op == CompareOperator::IsNot) && (!left || !right)) {
      warn(op == CompareOperator::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                     : "\"is not\" with a literal. Did you mean \"!=\"?");
      return;
    }
    left = right;
  }
}

void Compiler::check_caller(const Expr* function) {
  if (function->kind == ExprKind::Lambda) return;
  const char* type = literal_type_name(function);
  if (!type) return;
  warn(format_message("'{}' object is not callable; perhaps you missed a comma?", type));
}

// check_subscripter + check_index.
void Compiler::check_subscript(const Subscript* expression) {
  const Expr* value = expression->value;
  const char* value_type = literal_type_name(value);
  if (!value_type) return;
  std::string_view type = value_type;
  bool constant = is_constant_like(value);
  bool unsubscriptable =
      (constant && (type == "NoneType" || type == "ellipsis" || type == "int" ||
                    type == "bool" || type == "float")) ||
      value->kind == ExprKind::Set || value->kind == ExprKind::SetComp ||
      value->kind == ExprKind::GeneratorExp || value->kind == ExprKind::Lambda;
  if (unsubscriptable) {
    warn(format_message("'{}' object is not subscriptable; perhaps you missed a comma?", type));
    return;
  }
  const Expr* index = expression->slice;
  const char* index_type = index->kind == ExprKind::Slice ? "slice" : literal_type_name(index);
  if (!index_type) return;
  std::string_view index_name = index_type;
  if (index_name == "int" || index_name == "bool" || index_name == "slice") return;
  bool sequence = (constant && (type == "str" || type == "bytes")) ||
                  value->kind == ExprKind::Tuple || value->kind == ExprKind::List ||
                  value->kind == ExprKind::ListComp || value->kind == ExprKind::JoinedStr ||
                  value->kind == ExprKind::FormattedValue;
  if (!sequence) return;
  warn(format_message("{} indices must be integers or slices, not {}; perhaps you missed a comma?",
                      type, index_name));
}

// compiler_compare: `a < b < c` evaluates b once (DUP_TOP / ROT_THREE) and stops early.
bool Compiler::visit_compare(const Compare* expression) {
  check_compare(expression);
  if (!visit_expression(expression->left)) return false;
  size_t last = expression->ops.size() - 1;
  if (last == 0) {
    if (!visit_expression(expression->comparators[0])) return false;
    return emit_compare_operator(expression->ops[0]);
  }
  BasicBlock* cleanup = new_block();
  for (size_t index = 0; index < last; ++index) {
    if (!visit_expression(expression->comparators[index])) return false;
    emit(Opcode::DUP_TOP);
    emit(Opcode::ROT_THREE);
    emit_compare_operator(expression->ops[index]);
    emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  if (!visit_expression(expression->comparators[last])) return false;
  emit_compare_operator(expression->ops[last]);
  BasicBlock* end = new_block();
  emit_jump(Opcode::JUMP_FORWARD, end);
  use_next_block(cleanup);
  emit(Opcode::ROT_TWO);
  emit(Opcode::POP_TOP);
  use_next_block(end);
  return true;
}

// compiler_jump_if: jumps to `target` when the condition's truth is `jump_if_true`,
// short-circuiting through `not`, `and` and `or` without building their values.
bool Compiler::jump_if(const Expr* condition, BasicBlock* target, bool jump_if_true) {
  if (condition->kind == ExprKind::UnaryOp &&
      condition->as<UnaryOp>()->op == UnaryOperator::Not) {
    return jump_if(condition->as<UnaryOp>()->operand, target, !jump_if_true);
  }
  if (condition->kind == ExprKind::BoolOp) {
    auto* bool_op = condition->as<BoolOp>();
    bool is_or = bool_op->op == BooleanOperator::Or;
    BasicBlock* next = target;
    if (is_or != jump_if_true) next = new_block();
    size_t last = bool_op->values.size() - 1;
    for (size_t index = 0; index < last; ++index) {
      if (!jump_if(bool_op->values[index], next, is_or)) return false;
    }
    if (!jump_if(bool_op->values[last], target, jump_if_true)) return false;
    if (next != target) use_next_block(next);
    return true;
  }
  if (!visit_expression(condition)) return false;
  emit_jump(jump_if_true ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, target);
  return true;
}

// validate_keywords + compiler_call.
bool Compiler::visit_call(const Call* expression) {
  for (size_t index = 0; index < expression->keywords.size(); ++index) {
    const keyword* item = expression->keywords[index];
    if (!item->has_arg) continue;
    for (size_t other = index + 1; other < expression->keywords.size(); ++other) {
      const keyword* later = expression->keywords[other];
      if (later->has_arg && later->arg == item->arg) {
        return fail(format_message("keyword argument repeated: {}", item->arg), *later);
      }
    }
  }
  check_caller(expression->func);
  bool done = false;
  if (!maybe_method_call(expression, &done)) return false;
  if (done) return true;
  if (!visit_expression(expression->func)) return false;
  return call_helper(0, expression->args, expression->keywords, false);
}

// maybe_optimize_method_call: `o.m(args, k=v)` without * or ** → LOAD_METHOD + CALL_METHOD
// (CALL_METHOD_KW with keywords).
bool Compiler::maybe_method_call(const Call* expression, bool* done) {
  const Expr* function = expression->func;
  if (function->kind != ExprKind::Attribute) return true;
  for (const Expr* argument : expression->args) {
    if (argument->kind == ExprKind::Starred) return true;
  }
  for (const keyword* item : expression->keywords) {
    if (!item->has_arg) return true;
  }
  auto* attribute = function->as<Attribute>();
  if (!visit_expression(attribute->value)) return false;
  SourcePosition call_position = unit_->position;
  set_position(*function);
  emit_name(Opcode::LOAD_METHOD, attribute->attr);
  unit_->position = call_position;
  *done = true;
  return call_helper(0, expression->args, expression->keywords, true);
}

// The tuple of keyword names keywords[begin, end) as a constant.
bool Compiler::keywords_to_tuple(const std::vector<keyword*>& keywords, size_t begin,
                                 size_t end) {
  std::vector<std::string> names;
  for (size_t index = begin; index < end; ++index) names.push_back(keywords[index]->arg);
  load_string_tuple(names);
  return true;
}

// compiler_call_helper: `already_pushed` values (a class's function and name) come first.
bool Compiler::call_helper(size_t already_pushed, const std::vector<Expr*>& args,
                           const std::vector<keyword*>& keywords, bool method) {
  bool simple = true;
  for (const Expr* argument : args) {
    if (argument->kind == ExprKind::Starred) simple = false;
  }
  for (const keyword* item : keywords) {
    if (!item->has_arg) simple = false;
  }
  if (simple) {
    if (!visit_expressions(args)) return false;
    uint32_t count = uint32_t(already_pushed + args.size() + keywords.size());
    if (keywords.empty()) {
      emit(method ? Opcode::CALL_METHOD : Opcode::CALL_FUNCTION, count);
      return true;
    }
    for (const keyword* item : keywords) {
      if (!visit_expression(item->value)) return false;
    }
    keywords_to_tuple(keywords, 0, keywords.size());
    emit(method ? Opcode::CALL_METHOD_KW : Opcode::CALL_FUNCTION_KW, count);
    return true;
  }
  // f(*a, **k): a tuple of positional arguments and a dict of keyword arguments.
  if (already_pushed == 0 && args.size() == 1 && args[0]->kind == ExprKind::Starred) {
    if (!visit_expression(args[0]->as<Starred>()->value)) return false;
  } else if (!starunpack_helper(args, already_pushed, Opcode::BUILD_LIST, Opcode::LIST_APPEND,
                                Opcode::LIST_EXTEND, true)) {
    return false;
  }
  if (!keywords.empty()) {
    bool have_dict = false;
    size_t seen = 0;
    auto pack_seen = [&](size_t end) -> bool {
      for (size_t index = end - seen; index < end; ++index) {
        load_string_constant(keywords[index]->arg);
        if (!visit_expression(keywords[index]->value)) return false;
      }
      emit(Opcode::BUILD_MAP, uint32_t(seen));
      if (have_dict) emit(Opcode::DICT_MERGE, 1);
      have_dict = true;
      seen = 0;
      return true;
    };
    for (size_t index = 0; index < keywords.size(); ++index) {
      const keyword* item = keywords[index];
      if (item->has_arg) {
        ++seen;
        continue;
      }
      if (seen && !pack_seen(index)) return false;
      if (!have_dict) {
        emit(Opcode::BUILD_MAP, 0);
        have_dict = true;
      }
      if (!visit_expression(item->value)) return false;
      emit(Opcode::DICT_MERGE, 1);
    }
    if (seen && !pack_seen(keywords.size())) return false;
  }
  emit(Opcode::CALL_FUNCTION_EX, keywords.empty() ? 0 : 1);
  return true;
}

bool Compiler::visit_subscript(const Subscript* expression) {
  check_subscript(expression);
  if (!visit_expression(expression->value) || !visit_expression(expression->slice)) {
    return false;
  }
  emit(Opcode::BINARY_SUBSCR);
  return true;
}

// compiler_slice: lower, upper (None when absent) and the step when given.
bool Compiler::visit_slice(const Slice* slice) {
  uint32_t count = 2;
  if (slice->lower) {
    if (!visit_expression(slice->lower)) return false;
  } else {
    load_none();
  }
  if (slice->upper) {
    if (!visit_expression(slice->upper)) return false;
  } else {
    load_none();
  }
  if (slice->step) {
    if (!visit_expression(slice->step)) return false;
    count = 3;
  }
  emit(Opcode::BUILD_SLICE, count);
  return true;
}

// starunpack_helper: a display with `*items` builds a list and extends it; a tuple display
// of constants only is one constant.
bool Compiler::starunpack_helper(const std::vector<Expr*>& elements, size_t pushed,
                                 Opcode build, Opcode add, Opcode extend, bool tuple) {
  if (tuple && pushed == 0 && !elements.empty()) {
    std::vector<Ref<>> values;
    std::string key = "t";
    for (const Expr* element : elements) {
      if (element->kind != ExprKind::Constant) break;
      std::string element_key;
      Ref<> value = constant_object(element->as<Constant>()->value, &element_key);
      if (!value) break;
      values.push_back(std::move(value));
      key += element_key.size() ? format_message("{}:{},", element_key.size(), element_key) : "";
    }
    if (values.size() == elements.size()) {
      emit(Opcode::LOAD_CONST, add_constant(make_tuple(std::move(values)), key));
      return true;
    }
  }
  bool seen_star = false;
  for (const Expr* element : elements) {
    if (element->kind == ExprKind::Starred) seen_star = true;
  }
  if (!seen_star) {
    if (!visit_expressions(elements)) return false;
    emit(tuple ? Opcode::BUILD_TUPLE : build, uint32_t(elements.size() + pushed));
    return true;
  }
  bool built = false;
  for (size_t index = 0; index < elements.size(); ++index) {
    const Expr* element = elements[index];
    if (element->kind == ExprKind::Starred) {
      if (!built) {
        emit(build, uint32_t(index + pushed));
        built = true;
      }
      if (!visit_expression(element->as<Starred>()->value)) return false;
      emit(extend, 1);
    } else {
      if (!visit_expression(element)) return false;
      if (built) emit(add, 1);
    }
  }
  if (tuple) emit(Opcode::LIST_TO_TUPLE);
  return true;
}

// compiler_subdict: entries [begin, end) as one BUILD_MAP.
bool Compiler::dict_subset(const ast::Dict* expression, size_t begin, size_t end) {
  for (size_t index = begin; index < end; ++index) {
    if (!visit_expression(expression->keys[index]) ||
        !visit_expression(expression->values[index])) {
      return false;
    }
  }
  emit(Opcode::BUILD_MAP, uint32_t(end - begin));
  return true;
}

// compiler_dict: runs of key: value pairs become BUILD_MAPs merged with `**m` entries by
// DICT_UPDATE.
bool Compiler::visit_dict(const ast::Dict* expression) {
  size_t count = expression->values.size();
  size_t elements = 0;
  bool have_dict = false;
  for (size_t index = 0; index < count; ++index) {
    if (expression->keys[index]) {
      ++elements;
      continue;
    }
    if (elements) {
      if (!dict_subset(expression, index - elements, index)) return false;
      if (have_dict) emit(Opcode::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    }
    if (!have_dict) {
      emit(Opcode::BUILD_MAP, 0);
      have_dict = true;
    }
    if (!visit_expression(expression->values[index])) return false;
    emit(Opcode::DICT_UPDATE, 1);
  }
  if (elements || !have_dict) {
    if (!dict_subset(expression, count - elements, count)) return false;
    if (have_dict) emit(Opcode::DICT_UPDATE, 1);
  }
  return true;
}

bool Compiler::visit_joined_string(const JoinedStr* expression) {
  if (!visit_expressions(expression->values)) return false;
  if (expression->values.size() != 1) {
    emit(Opcode::BUILD_STRING, uint32_t(expression->values.size()));
  }
  return true;
}

bool Compiler::visit_formatted_value(const FormattedValue* expression) {
  if (!visit_expression(expression->value)) return false;
  uint32_t argument = 0;
  switch (expression->conversion) {
    case 's': argument = 1; break;
    case 'r': argument = 2; break;
    case 'a': argument = 3; break;
    default: break;
  }
  if (expression->format_spec) {
    if (!visit_expression(expression->format_spec)) return false;
    argument |= 4;
  }
  emit(Opcode::FORMAT_VALUE, argument);
  return true;
}

bool Compiler::visit_yield(const Expr* expression) {
  if (unit_->scope->kind != ScopeKind::function) {
    return fail("'yield' outside function", *expression);
  }
  if (expression->kind == ExprKind::Yield) {
    const Expr* value = expression->as<Yield>()->value;
    if (value) {
      if (!visit_expression(value)) return false;
    } else {
      load_none();
    }
    emit(Opcode::YIELD_VALUE);
    return true;
  }
  if (unit_->kind == UnitKind::async_function) {
    return fail("'yield from' inside async function", *expression);
  }
  if (!visit_expression(expression->as<YieldFrom>()->value)) return false;
  emit(Opcode::GET_YIELD_FROM_ITER);
  load_none();
  emit(Opcode::YIELD_FROM);
  return true;
}

bool Compiler::visit_await(const Await* expression) {
  if (unit_->scope->kind != ScopeKind::function) {
    return fail("'await' outside function", *expression);
  }
  if (unit_->kind != UnitKind::async_function && unit_->kind != UnitKind::comprehension) {
    return fail("'await' outside async function", *expression);
  }
  if (!visit_expression(expression->value)) return false;
  emit(Opcode::GET_AWAITABLE, 0);
  load_none();
  emit(Opcode::YIELD_FROM);
  return true;
}

// The store half of an assignment: the value is on the stack.
bool Compiler::visit_store(const Expr* target) {
  if (!check_recursion(*target)) return false;
  SourcePosition saved = unit_->position;
  set_position(*target);
  bool ok = true;
  switch (target->kind) {
    case ExprKind::Name:
      ok = name_operation(target->as<Name>()->id, ExprContext::Store, *target);
      break;
    case ExprKind::Attribute: {
      auto* attribute = target->as<Attribute>();
      ok = visit_expression(attribute->value);
      if (ok) emit_name(Opcode::STORE_ATTR, attribute->attr);
      break;
    }
    case ExprKind::Subscript: {
      auto* subscript = target->as<Subscript>();
      ok = visit_expression(subscript->value) && visit_expression(subscript->slice);
      if (ok) emit(Opcode::STORE_SUBSCR);
      break;
    }
    case ExprKind::List:
      ok = unpack_helper(target->as<ast::List>()->elts, *target);
      break;
    case ExprKind::Tuple:
      ok = unpack_helper(target->as<ast::Tuple>()->elts, *target);
      break;
    case ExprKind::Starred:
      ok = fail("starred assignment target must be in a list or tuple", *target);
      break;
    default:
      ok = fail(format_message("cannot assign to {}", name_of(target->kind)), *target);
      break;
  }
  unit_->position = saved;
  --depth_;
  return ok;
}

// assignment_helper: UNPACK_SEQUENCE, or UNPACK_EX around one starred target.
bool Compiler::unpack_helper(const std::vector<Expr*>& elements, const Location& location) {
  size_t count = elements.size();
  bool seen_star = false;
  for (size_t index = 0; index < count; ++index) {
    if (elements[index]->kind != ExprKind::Starred) continue;
    if (seen_star) return fail("multiple starred expressions in assignment", location);
    size_t after = count - index - 1;
    if (index >= (1u << 8) || after >= (1u << 16)) {
      return fail("too many expressions in star-unpacking assignment", location);
    }
    emit(Opcode::UNPACK_EX, uint32_t(index + (after << 8)));
    seen_star = true;
  }
  if (!seen_star) emit(Opcode::UNPACK_SEQUENCE, uint32_t(count));
  for (const Expr* element : elements) {
    const Expr* target =
        element->kind == ExprKind::Starred ? element->as<Starred>()->value : element;
    if (!visit_store(target)) return false;
  }
  return true;
}

bool Compiler::visit_delete_target(const Expr* target) {
  if (!check_recursion(*target)) return false;
  SourcePosition saved = unit_->position;
  set_position(*target);
  bool ok = true;
  switch (target->kind) {
    case ExprKind::Name:
      ok = name_operation(target->as<Name>()->id, ExprContext::Del, *target);
      break;
    case ExprKind::Attribute: {
      auto* attribute = target->as<Attribute>();
      ok = visit_expression(attribute->value);
      if (ok) emit_name(Opcode::DELETE_ATTR, attribute->attr);
      break;
    }
    case ExprKind::Subscript: {
      auto* subscript = target->as<Subscript>();
      ok = visit_expression(subscript->value) && visit_expression(subscript->slice);
      if (ok) emit(Opcode::DELETE_SUBSCR);
      break;
    }
    case ExprKind::List:
      for (const Expr* element : target->as<ast::List>()->elts) {
        if (ok) ok = visit_delete_target(element);
      }
      break;
    case ExprKind::Tuple:
      for (const Expr* element : target->as<ast::Tuple>()->elts) {
        if (ok) ok = visit_delete_target(element);
      }
      break;
    default:
      ok = fail(format_message("cannot delete {}", name_of(target->kind)), *target);
      break;
  }
  unit_->position = saved;
  --depth_;
  return ok;
}

}  // namespace py
