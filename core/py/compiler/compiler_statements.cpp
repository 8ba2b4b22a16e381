// Statements (compiler.hpp): each function follows the compile.c function it names.

#include "core/py/compiler/compiler_unit.hpp"
#include "core/py/objects/message_format.hpp"

namespace py {

using namespace ast;

bool Compiler::visit_body(const std::vector<Stmt*>& statements) {
  for (const Stmt* statement : statements) {
    if (!visit_statement(statement)) return false;
  }
  return true;
}

// The py::BinaryOp of an AST operator.
BinaryOp binary_operator(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::Add: return BinaryOp::add;
    case BinaryOperator::Sub: return BinaryOp::subtract;
    case BinaryOperator::Mult: return BinaryOp::multiply;
    case BinaryOperator::MatMult: return BinaryOp::matrix_multiply;
    case BinaryOperator::Div: return BinaryOp::true_divide;
    case BinaryOperator::Mod: return BinaryOp::modulo;
    case BinaryOperator::Pow: return BinaryOp::power;
    case BinaryOperator::LShift: return BinaryOp::left_shift;
    case BinaryOperator::RShift: return BinaryOp::right_shift;
    case BinaryOperator::BitOr: return BinaryOp::bit_or;
    case BinaryOperator::BitXor: return BinaryOp::bit_xor;
    case BinaryOperator::BitAnd: return BinaryOp::bit_and;
    case BinaryOperator::FloorDiv: return BinaryOp::floor_divide;
  }
  return BinaryOp::add;
}

bool Compiler::visit_statement(const Stmt* statement) {
  if (!check_recursion(*statement)) return false;
  set_position(*statement);
  bool ok = true;
  switch (statement->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef:
      ok = visit_function_definition(statement->as<FunctionDef>());
      break;
    case StmtKind::ClassDef:
      ok = visit_class_definition(statement->as<ClassDef>());
      break;
    case StmtKind::Return:
      ok = visit_return(statement->as<Return>());
      break;
    case StmtKind::Delete:
      ok = visit_delete(statement->as<Delete>());
      break;
    case StmtKind::Assign:
      ok = visit_assign(statement->as<Assign>());
      break;
    case StmtKind::AugAssign:
      ok = visit_augmented_assign(statement->as<AugAssign>());
      break;
    case StmtKind::AnnAssign:
      ok = visit_annotated_assign(statement->as<AnnAssign>());
      break;
    case StmtKind::For:
      ok = visit_for(statement->as<For>());
      break;
    case StmtKind::AsyncFor:
      ok = visit_async_for(statement->as<For>());
      break;
    case StmtKind::While:
      ok = visit_while(statement->as<While>());
      break;
    case StmtKind::If:
      ok = visit_if(statement->as<If>());
      break;
    case StmtKind::With:
      ok = visit_with(statement->as<With>(), 0);
      break;
    case StmtKind::AsyncWith:
      ok = visit_async_with(statement->as<With>(), 0);
      break;
    case StmtKind::Match:
      ok = visit_match(statement->as<Match>());
      break;
    case StmtKind::Raise:
      ok = visit_raise(statement->as<Raise>());
      break;
    case StmtKind::Try:
      ok = visit_try(statement->as<Try>());
      break;
    case StmtKind::TryStar:
      ok = visit_try(statement->as<Try>());
      break;
    case StmtKind::Assert:
      ok = visit_assert(statement->as<Assert>());
      break;
    case StmtKind::Import:
      ok = visit_import(statement->as<Import>());
      break;
    case StmtKind::ImportFrom:
      ok = visit_import_from(statement->as<ImportFrom>());
      break;
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass:
      break;
    case StmtKind::Expr: {
      const Expr* value = statement->as<ExprStmt>()->value;
      if (value->kind == ExprKind::Constant) break;  // a lone constant does nothing
      ok = visit_expression(value);
      if (ok) emit(Opcode::POP_TOP);
      break;
    }
    case StmtKind::Break:
      ok = visit_break(statement);
      break;
    case StmtKind::Continue:
      ok = visit_continue(statement);
      break;
  }
  --depth_;
  return ok;
}

bool Compiler::visit_assign(const Assign* statement) {
  if (!visit_expression(statement->value)) return false;
  for (size_t index = 0; index < statement->targets.size(); ++index) {
    if (index + 1 < statement->targets.size()) emit(Opcode::DUP_TOP);
    if (!visit_store(statement->targets[index])) return false;
  }
  return true;
}

// compiler_augassign.
bool Compiler::visit_augmented_assign(const AugAssign* statement) {
  const Expr* target = statement->target;
  SourcePosition statement_position = unit_->position;
  set_position(*target);
  switch (target->kind) {
    case ExprKind::Attribute: {
      auto* attribute = target->as<Attribute>();
      if (!visit_expression(attribute->value)) return false;
      emit(Opcode::DUP_TOP);
      emit_name(Opcode::LOAD_ATTR, attribute->attr);
      break;
    }
    case ExprKind::Subscript: {
      auto* subscript = target->as<Subscript>();
      if (!visit_expression(subscript->value) || !visit_expression(subscript->slice)) {
        return false;
      }
      emit(Opcode::DUP_TOP_TWO);
      emit(Opcode::BINARY_SUBSCR);
      break;
    }
    case ExprKind::Name:
      if (!name_operation(target->as<Name>()->id, ExprContext::Load, *target)) return false;
      break;
    default:
      return fail(format_message("'{}' is an illegal expression for augmented assignment",
                                 name_of(target->kind)),
                  *target);
  }
  unit_->position = statement_position;
  if (!visit_expression(statement->value)) return false;
  emit(Opcode::INPLACE_OP, uint32_t(binary_operator(statement->op)));
  set_position(*target);
  switch (target->kind) {
    case ExprKind::Attribute:
      emit(Opcode::ROT_TWO);
      emit_name(Opcode::STORE_ATTR, target->as<Attribute>()->attr);
      return true;
    case ExprKind::Subscript:
      emit(Opcode::ROT_THREE);
      emit(Opcode::STORE_SUBSCR);
      return true;
    default:
      return name_operation(target->as<Name>()->id, ExprContext::Store, *target);
  }
}

// check_ann_expr / check_ann_subscr: evaluate and discard (module and class level).
static bool annotation_scope(UnitKind kind) {
  return kind == UnitKind::module || kind == UnitKind::class_body;
}

// compiler_annassign.
bool Compiler::visit_annotated_assign(const AnnAssign* statement) {
  const Expr* target = statement->target;
  if (statement->value) {
    if (!visit_expression(statement->value) || !visit_store(target)) return false;
  }
  auto evaluate_and_pop = [&](const Expr* expression) {
    if (!expression) return true;
    if (!visit_expression(expression)) return false;
    emit(Opcode::POP_TOP);
    return true;
  };
  switch (target->kind) {
    case ExprKind::Name:
      if (statement->simple && annotation_scope(unit_->kind)) {
        if (!visit_expression(statement->annotation)) return false;
        emit(Opcode::LOAD_NAME, name_index("__annotations__"));
        load_string_constant(mangled(target->as<Name>()->id));
        emit(Opcode::STORE_SUBSCR);
      }
      break;
    case ExprKind::Attribute:
      if (!statement->value && !evaluate_and_pop(target->as<Attribute>()->value)) return false;
      break;
    case ExprKind::Subscript:
      if (!statement->value) {
        auto* subscript = target->as<Subscript>();
        if (!evaluate_and_pop(subscript->value)) return false;
        const Expr* slice = subscript->slice;
        if (slice->kind == ExprKind::Slice) {
          auto* parts = slice->as<Slice>();
          if (!evaluate_and_pop(parts->lower) || !evaluate_and_pop(parts->upper) ||
              !evaluate_and_pop(parts->step)) {
            return false;
          }
        } else if (!evaluate_and_pop(slice)) {
          return false;
        }
      }
      break;
    default:
      break;
  }
  if (!statement->simple && annotation_scope(unit_->kind)) {
    return evaluate_and_pop(statement->annotation);
  }
  return true;
}

bool Compiler::visit_if(const If* statement) {
  BasicBlock* end = new_block();
  BasicBlock* next = statement->orelse.empty() ? end : new_block();
  if (!jump_if(statement->test, next, false)) return false;
  if (!visit_body(statement->body)) return false;
  if (!statement->orelse.empty()) {
    emit_jump(Opcode::JUMP_FORWARD, end);
    use_next_block(next);
    if (!visit_body(statement->orelse)) return false;
  }
  use_next_block(end);
  return true;
}

// A constant whose truth is known to be true (`while True:`, `while 1:`).
static bool is_true_constant(const Expr* test) {
  if (test->kind != ExprKind::Constant) return false;
  const ConstantValue& value = test->as<Constant>()->value;
  switch (value.kind) {
    case ConstantValue::Kind::True:
    case ConstantValue::Kind::Ellipsis:
    case ConstantValue::Kind::BigInt:
      return true;
    case ConstantValue::Kind::Int:
      return value.int_value != 0;
    case ConstantValue::Kind::Str:
    case ConstantValue::Kind::Bytes:
      return !value.text.empty();
    default:
      return false;
  }
}

bool Compiler::visit_while(const While* statement) {
  BasicBlock* loop = new_block();
  BasicBlock* body = new_block();
  BasicBlock* anchor = new_block();
  BasicBlock* exit = new_block();
  use_next_block(loop);
  if (!push_frame_block(FrameBlockKind::while_loop, loop, exit, *statement)) return false;
  // `while True:` tests nothing (CPython folds the constant the same way).
  if (!is_true_constant(statement->test) && !jump_if(statement->test, anchor, false)) {
    return false;
  }
  use_next_block(body);
  if (!visit_body(statement->body)) return false;
  set_position(*statement);
  emit_jump(Opcode::JUMP_ABSOLUTE, loop);
  pop_frame_block();
  use_next_block(anchor);
  if (!visit_body(statement->orelse)) return false;
  use_next_block(exit);
  return true;
}

bool Compiler::visit_for(const For* statement) {
  BasicBlock* start = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* end = new_block();
  if (!push_frame_block(FrameBlockKind::for_loop, start, end, *statement)) return false;
  if (!visit_expression(statement->iter)) return false;
  emit(Opcode::GET_ITER);
  use_next_block(start);
  emit_jump(Opcode::FOR_ITER, cleanup);
  if (!visit_store(statement->target)) return false;
  if (!visit_body(statement->body)) return false;
  set_position(*statement);
  emit_jump(Opcode::JUMP_ABSOLUTE, start);
  use_next_block(cleanup);
  pop_frame_block();
  if (!visit_body(statement->orelse)) return false;
  use_next_block(end);
  return true;
}

// compiler_async_for.
bool Compiler::visit_async_for(const For* statement) {
  if (unit_->kind != UnitKind::async_function) {
    return fail("'async for' outside async function", *statement);
  }
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  if (!visit_expression(statement->iter)) return false;
  emit(Opcode::GET_AITER);
  use_next_block(start);
  if (!push_frame_block(FrameBlockKind::for_loop, start, end, *statement)) return false;
  emit_jump(Opcode::SETUP_FINALLY, except);
  emit(Opcode::GET_ANEXT);
  load_none();
  emit(Opcode::YIELD_FROM);
  emit(Opcode::POP_BLOCK);
  if (!visit_store(statement->target)) return false;
  if (!visit_body(statement->body)) return false;
  set_position(*statement);
  emit_jump(Opcode::JUMP_ABSOLUTE, start);
  pop_frame_block();
  use_next_block(except);
  set_position(*statement->iter);
  emit(Opcode::END_ASYNC_FOR);
  if (!visit_body(statement->orelse)) return false;
  use_next_block(end);
  return true;
}

bool Compiler::visit_try(const Try* statement) {
  if (!statement->finalbody.empty()) return visit_try_finally(statement);
  if (statement->kind == StmtKind::TryStar) return visit_try_star(statement);
  return visit_try_except(statement);
}

// compiler_try_finally: the finally body is compiled twice, for the normal exit and for
// the exceptional one (and once more by every return/break/continue leaving the body).
bool Compiler::visit_try_finally(const Try* statement) {
  BasicBlock* body = new_block();
  BasicBlock* end = new_block();
  BasicBlock* exit = new_block();
  emit_jump(Opcode::SETUP_FINALLY, end);
  use_next_block(body);
  if (!push_frame_block(FrameBlockKind::finally_try, body, end, *statement)) return false;
  unit_->frame_blocks.back().finally_body = &statement->finalbody;
  if (statement->kind == StmtKind::TryStar) {
    if (!visit_try_star(statement)) return false;
  } else if (!statement->handlers.empty()) {
    if (!visit_try_except(statement)) return false;
  } else if (!visit_body(statement->body)) {
    return false;
  }
  emit(Opcode::POP_BLOCK);
  pop_frame_block();
  if (!visit_body(statement->finalbody)) return false;
  emit_jump(Opcode::JUMP_FORWARD, exit);
  use_next_block(end);
  set_position(*statement);
  if (!push_frame_block(FrameBlockKind::finally_end, end, nullptr, *statement)) return false;
  if (!visit_body(statement->finalbody)) return false;
  pop_frame_block();
  emit(Opcode::RERAISE, 0);
  use_next_block(exit);
  return true;
}

// compiler_try_except, with one exception value on the stack (compiler.hpp).
bool Compiler::visit_try_except(const Try* statement) {
  BasicBlock* body = new_block();
  BasicBlock* except = new_block();
  BasicBlock* orelse = new_block();
  BasicBlock* end = new_block();
  emit_jump(Opcode::SETUP_FINALLY, except);
  use_next_block(body);
  if (!push_frame_block(FrameBlockKind::try_except, body, nullptr, *statement)) return false;
  if (!visit_body(statement->body)) return false;
  pop_frame_block();
  emit(Opcode::POP_BLOCK);
  emit_jump(Opcode::JUMP_FORWARD, orelse);
  use_next_block(except);
  if (!push_frame_block(FrameBlockKind::exception_handler, nullptr, nullptr, *statement)) {
    return false;
  }
  for (size_t index = 0; index < statement->handlers.size(); ++index) {
    const ExceptHandler* handler = statement->handlers[index];
    set_position(*handler);
    if (!handler->type && index + 1 < statement->handlers.size()) {
      return fail("default 'except:' must be last", *handler);
    }
    except = new_block();
    if (handler->type) {
      if (!visit_expression(handler->type)) return false;
      emit_jump(Opcode::JUMP_IF_NOT_EXC_MATCH, except);
    }
    if (handler->has_name) {
      BasicBlock* cleanup_end = new_block();
      BasicBlock* cleanup_body = new_block();
      if (!name_operation(handler->name, ExprContext::Store, *handler)) return false;
      emit_jump(Opcode::SETUP_FINALLY, cleanup_end);
      use_next_block(cleanup_body);
      if (!push_frame_block(FrameBlockKind::handler_cleanup, cleanup_body, nullptr, *handler)) {
        return false;
      }
      unit_->frame_blocks.back().handler_name = &handler->name;
      if (!visit_body(handler->body)) return false;
      pop_frame_block();
      set_position(*handler);
      emit(Opcode::POP_BLOCK);
      emit(Opcode::POP_EXCEPT);
      clear_handler_name(handler);
      emit_jump(Opcode::JUMP_FORWARD, end);
      use_next_block(cleanup_end);
      clear_handler_name(handler);
      emit(Opcode::RERAISE, 1);
    } else {
      BasicBlock* cleanup_body = new_block();
      emit(Opcode::POP_TOP);
      use_next_block(cleanup_body);
      if (!push_frame_block(FrameBlockKind::handler_cleanup, cleanup_body, nullptr, *handler)) {
        return false;
      }
      if (!visit_body(handler->body)) return false;
      pop_frame_block();
      set_position(*handler);
      emit(Opcode::POP_EXCEPT);
      emit_jump(Opcode::JUMP_FORWARD, end);
    }
    use_next_block(except);
  }
  pop_frame_block();
  set_position(*statement);
  emit(Opcode::RERAISE, 0);
  use_next_block(orelse);
  if (!visit_body(statement->orelse)) return false;
  use_next_block(end);
  return true;
}

// compiler_try_star_except. Every clause sees what the earlier ones left unmatched:
//   [prev exc]                  the handler's entry
//   [prev orig results exc]     orig: the exception caught; results: what clauses raise
//   [prev orig results rest]    after each clause (rest: the part no clause matched yet)
// A clause's body that raises appends its exception to `results`; at the end the rest is
// appended too and PREP_RERAISE_STAR turns `results` into what the statement re-raises.
bool Compiler::visit_try_star(const Try* statement) {
  BasicBlock* body = new_block();
  BasicBlock* except = new_block();
  BasicBlock* orelse = new_block();
  BasicBlock* end = new_block();
  BasicBlock* reraise = new_block();
  emit_jump(Opcode::SETUP_FINALLY, except);
  use_next_block(body);
  if (!push_frame_block(FrameBlockKind::try_except, body, nullptr, *statement)) return false;
  if (!visit_body(statement->body)) return false;
  pop_frame_block();
  emit(Opcode::POP_BLOCK);
  emit_jump(Opcode::JUMP_FORWARD, orelse);
  use_next_block(except);
  if (!push_frame_block(FrameBlockKind::exception_group_handler, nullptr, nullptr, *statement))
    return false;
  for (size_t index = 0; index < statement->handlers.size(); ++index) {
    const ExceptHandler* handler = statement->handlers[index];
    set_position(*handler);
    BasicBlock* next = new_block();
    BasicBlock* cleanup_body = new_block();
    BasicBlock* cleanup_end = new_block();
    if (index == 0) {
      emit(Opcode::DUP_TOP);
      emit(Opcode::BUILD_LIST, 0);
      emit(Opcode::ROT_TWO);
    }
    if (!visit_expression(handler->type)) return false;
    emit_jump(Opcode::JUMP_IF_NOT_EG_MATCH, next);
    if (handler->has_name) {
      if (!name_operation(handler->name, ExprContext::Store, *handler)) return false;
    } else {
      emit(Opcode::POP_TOP);
    }
    emit_jump(Opcode::SETUP_FINALLY, cleanup_end);
    use_next_block(cleanup_body);
    if (!push_frame_block(FrameBlockKind::handler_cleanup, cleanup_body, nullptr, *handler))
      return false;
    if (handler->has_name) unit_->frame_blocks.back().handler_name = &handler->name;
    if (!visit_body(handler->body)) return false;
    pop_frame_block();
    set_position(*handler);
    emit(Opcode::POP_BLOCK);
    if (handler->has_name) clear_handler_name(handler);
    emit_jump(Opcode::JUMP_FORWARD, next);
    // The body raised: [... rest prev2 raised] (prev2 is this clause's match).
    use_next_block(cleanup_end);
    if (handler->has_name) clear_handler_name(handler);
    emit(Opcode::LIST_APPEND, 3);
    emit(Opcode::POP_EXCEPT);
    emit_jump(Opcode::JUMP_FORWARD, next);
    use_next_block(next);
  }
  pop_frame_block();
  set_position(*statement);
  emit(Opcode::LIST_APPEND, 1);
  emit(Opcode::PREP_RERAISE_STAR);
  emit(Opcode::DUP_TOP);
  load_none();
  emit(Opcode::IS_OP, 1);
  emit_jump(Opcode::POP_JUMP_IF_TRUE, reraise);
  emit(Opcode::POP_TOP);
  emit(Opcode::POP_EXCEPT);
  emit_jump(Opcode::JUMP_FORWARD, end);
  use_next_block(reraise);
  emit(Opcode::RERAISE, 0);
  use_next_block(orelse);
  if (!visit_body(statement->orelse)) return false;
  use_next_block(end);
  return true;
}

// `name = None; del name` after an `except ... as name:` clause.
void Compiler::clear_handler_name(const ExceptHandler* handler) {
  load_none();
  name_operation(handler->name, ExprContext::Store, *handler);
  name_operation(handler->name, ExprContext::Del, *handler);
}

// compiler_call_exit_with_nones: exit(None, None, None) with exit on top.
void Compiler::call_exit_with_nones() {
  load_none();
  emit(Opcode::DUP_TOP);
  emit(Opcode::DUP_TOP);
  emit(Opcode::CALL_FUNCTION, 3);
}

// compiler_with_except_finish: `exit prev exc result` → suppress or re-raise.
void Compiler::with_except_finish() {
  BasicBlock* exit = new_block();
  emit_jump(Opcode::POP_JUMP_IF_TRUE, exit);
  emit(Opcode::RERAISE, 1);
  use_next_block(exit);
  emit(Opcode::POP_TOP);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::POP_TOP);
}

// compiler_with: one item at a time, each nested in the previous one.
bool Compiler::visit_with(const With* statement, size_t item_index) {
  const withitem* item = statement->items[item_index];
  BasicBlock* block = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  if (!visit_expression(item->context_expr)) return false;
  set_position(*statement);
  emit_jump(Opcode::SETUP_WITH, final);
  use_next_block(block);
  if (!push_frame_block(FrameBlockKind::with, block, final, *statement)) return false;
  if (item->optional_vars) {
    if (!visit_store(item->optional_vars)) return false;
  } else {
    emit(Opcode::POP_TOP);
  }
  if (item_index + 1 == statement->items.size()) {
    if (!visit_body(statement->body)) return false;
  } else if (!visit_with(statement, item_index + 1)) {
    return false;
  }
  set_position(*statement);
  emit(Opcode::POP_BLOCK);
  pop_frame_block();
  call_exit_with_nones();
  emit(Opcode::POP_TOP);
  emit_jump(Opcode::JUMP_FORWARD, exit);
  use_next_block(final);
  emit(Opcode::WITH_EXCEPT_START);
  with_except_finish();
  use_next_block(exit);
  return true;
}

// compiler_async_with.
bool Compiler::visit_async_with(const With* statement, size_t item_index) {
  if (unit_->kind != UnitKind::async_function) {
    return fail("'async with' outside async function", *statement);
  }
  const withitem* item = statement->items[item_index];
  BasicBlock* block = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  if (!visit_expression(item->context_expr)) return false;
  set_position(*statement);
  emit(Opcode::BEFORE_ASYNC_WITH);
  emit(Opcode::GET_AWAITABLE, 1);
  load_none();
  emit(Opcode::YIELD_FROM);
  emit_jump(Opcode::SETUP_ASYNC_WITH, final);
  use_next_block(block);
  if (!push_frame_block(FrameBlockKind::async_with, block, final, *statement)) return false;
  if (item->optional_vars) {
    if (!visit_store(item->optional_vars)) return false;
  } else {
    emit(Opcode::POP_TOP);
  }
  if (item_index + 1 == statement->items.size()) {
    if (!visit_body(statement->body)) return false;
  } else if (!visit_async_with(statement, item_index + 1)) {
    return false;
  }
  pop_frame_block();
  set_position(*statement);
  emit(Opcode::POP_BLOCK);
  call_exit_with_nones();
  emit(Opcode::GET_AWAITABLE, 2);
  load_none();
  emit(Opcode::YIELD_FROM);
  emit(Opcode::POP_TOP);
  emit_jump(Opcode::JUMP_ABSOLUTE, exit);
  use_next_block(final);
  emit(Opcode::WITH_EXCEPT_START);
  emit(Opcode::GET_AWAITABLE, 2);
  load_none();
  emit(Opcode::YIELD_FROM);
  with_except_finish();
  use_next_block(exit);
  return true;
}

// compiler_return.
bool Compiler::visit_return(const Return* statement) {
  const Expr* value = statement->value;
  bool preserve_top = value && value->kind != ExprKind::Constant;
  if (unit_->scope->kind != ScopeKind::function) {
    return fail("'return' outside function", *statement);
  }
  if (value && unit_->scope->is_coroutine && unit_->scope->is_generator) {
    return fail("'return' with value in async generator", *statement);
  }
  if (preserve_top && !visit_expression(value)) return false;
  // A constant return value on the statement's line carries the position (CPython emits a
  // NOP for it first), which is where an error in unwinding points.
  const Location& exit = value && !preserve_top && value->lineno == statement->lineno
                             ? static_cast<const Location&>(*value)
                             : *statement;
  if (!unwind_frame_block_stack(exit, preserve_top, nullptr)) return false;
  set_position(*statement);
  if (!value) {
    load_none();
  } else if (!preserve_top) {
    load_constant(value->as<Constant>()->value);
  }
  emit(Opcode::RETURN_VALUE);
  return !error_;
}

bool Compiler::visit_break(const Stmt* statement) {
  std::optional<FrameBlock> loop;
  if (!unwind_frame_block_stack(*statement, false, &loop)) return false;
  if (!loop) return fail("'break' outside loop", *statement);
  if (!unwind_frame_block(*loop, false)) return false;
  set_position(*statement);
  emit_jump(Opcode::JUMP_ABSOLUTE, loop->exit);
  return true;
}

bool Compiler::visit_continue(const Stmt* statement) {
  std::optional<FrameBlock> loop;
  if (!unwind_frame_block_stack(*statement, false, &loop)) return false;
  if (!loop) return fail("'continue' not properly in loop", *statement);
  set_position(*statement);
  emit_jump(Opcode::JUMP_ABSOLUTE, loop->block);
  return true;
}

bool Compiler::visit_raise(const Raise* statement) {
  uint32_t count = 0;
  if (statement->exc) {
    if (!visit_expression(statement->exc)) return false;
    ++count;
    if (statement->cause) {
      if (!visit_expression(statement->cause)) return false;
      ++count;
    }
  }
  set_position(*statement);
  emit(Opcode::RAISE_VARARGS, count);
  return true;
}

bool Compiler::visit_assert(const Assert* statement) {
  if (statement->test->kind == ExprKind::Tuple &&
      !statement->test->as<ast::Tuple>()->elts.empty()) {
    warn("assertion is always true, perhaps remove parentheses?");
  }
  BasicBlock* end = new_block();
  if (!jump_if(statement->test, end, true)) return false;
  set_position(*statement);
  emit(Opcode::LOAD_ASSERTION_ERROR);
  if (statement->msg) {
    if (!visit_expression(statement->msg)) return false;
    set_position(*statement);
    emit(Opcode::CALL_FUNCTION, 1);
  }
  emit(Opcode::RAISE_VARARGS, 1);
  use_next_block(end);
  return true;
}

// compiler_import and compiler_import_as.
bool Compiler::visit_import(const Import* statement) {
  for (const alias* name : statement->names) {
    ConstantValue zero;
    zero.kind = ConstantValue::Kind::Int;
    load_constant(zero);
    load_none();
    emit_name(Opcode::IMPORT_NAME, name->name);
    size_t dot = name->name.find('.');
    if (!name->has_asname) {
      if (!name_operation(name->name.substr(0, dot), ExprContext::Store, *name)) return false;
      continue;
    }
    if (dot != std::string::npos) {
      // `import a.b.c as d` binds d to a.b.c: walk the attributes from the top package.
      while (true) {
        size_t position = dot + 1;
        dot = name->name.find('.', position);
        emit_name(Opcode::IMPORT_FROM, name->name.substr(position, dot == std::string::npos
                                                                       ? std::string::npos
                                                                       : dot - position));
        if (dot == std::string::npos) break;
        emit(Opcode::ROT_TWO);
        emit(Opcode::POP_TOP);
      }
      if (!name_operation(name->asname, ExprContext::Store, *name)) return false;
      emit(Opcode::POP_TOP);
      continue;
    }
    if (!name_operation(name->asname, ExprContext::Store, *name)) return false;
  }
  return true;
}

// compiler_from_import.
bool Compiler::visit_import_from(const ImportFrom* statement) {
  ConstantValue level;
  level.kind = ConstantValue::Kind::Int;
  level.int_value = statement->level;
  load_constant(level);
  std::vector<std::string> imported;
  for (const alias* name : statement->names) imported.push_back(name->name);
  load_string_tuple(imported);
  emit_name(Opcode::IMPORT_NAME, statement->has_module ? statement->module : std::string());
  for (size_t index = 0; index < statement->names.size(); ++index) {
    const alias* name = statement->names[index];
    if (index == 0 && name->name == "*") {
      emit(Opcode::IMPORT_STAR);
      return true;
    }
    emit_name(Opcode::IMPORT_FROM, name->name);
    if (!name_operation(name->has_asname ? name->asname : name->name, ExprContext::Store,
                        *name)) {
      return false;
    }
  }
  emit(Opcode::POP_TOP);
  return true;
}

bool Compiler::visit_delete(const Delete* statement) {
  for (const Expr* target : statement->targets) {
    if (!visit_delete_target(target)) return false;
  }
  return true;
}

}  // namespace py
