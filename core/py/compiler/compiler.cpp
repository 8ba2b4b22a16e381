// The compiler's frame (compiler.hpp): code units, constants and names, variable access by
// scope, frame-block unwinding, functions, lambdas, classes and comprehensions. Statements,
// expressions and patterns are in their own files; each function names the CPython 3.10
// compile.c function it follows.
#include "core/py/compiler/compiler.hpp"

#include <algorithm>
#include <cstring>

#include "core/py/compiler/compiler_unit.hpp"
#include "core/py/objects/bigint.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/syntax/parser.hpp"

namespace py {

using namespace ast;

// Blocks nested deeper than this are a SyntaxError (CPython's CO_MAXBLOCKS).
constexpr size_t kMaxStaticBlocks = 20;

uint32_t NameTable::add(const std::string& name) {
  auto found = index.find(name);
  if (found != index.end()) return found->second;
  uint32_t position = uint32_t(names.size());
  names.push_back(name);
  index.emplace(name, position);
  return position;
}

int64_t NameTable::find(const std::string& name) const {
  auto found = index.find(name);
  return found == index.end() ? -1 : int64_t(found->second);
}

Compiler::Compiler(SymbolTable& table, std::string_view filename)
    : table_(table), filename_(make_str(filename)) {}

// --- units and blocks ------------------------------------------------------------------

std::string Compiler::qualified_name_for(const std::string& name) {
  // compiler_set_qualname: the parent is the unit below the new one, if not the module.
  if (units_.size() < 2) return name;
  CompilerUnit* parent = units_[units_.size() - 2].get();
  if (parent->kind == UnitKind::module) return name;
  if (parent->scope->scope_of(mangle(parent->private_name, name)) == NameScope::global_explicit) {
    return name;
  }
  bool function_like = parent->kind == UnitKind::function ||
                       parent->kind == UnitKind::async_function ||
                       parent->kind == UnitKind::lambda;
  return parent->qualified_name + (function_like ? ".<locals>." : ".") + name;
}

void Compiler::enter_unit(Scope* scope, UnitKind kind, std::string name, int32_t first_line) {
  auto unit = std::make_unique<CompilerUnit>();
  unit->scope = scope;
  unit->kind = kind;
  unit->name = std::move(name);
  unit->first_line = first_line;
  if (unit_) unit->private_name = unit_->private_name;
  for (const std::string& parameter : scope->parameters) unit->local_names.add(parameter);
  std::vector<std::string> cells, frees;
  for (const Symbol& symbol : scope->symbols) {
    if (symbol.scope == NameScope::cell) cells.push_back(symbol.name);
    if (symbol.scope == NameScope::free || (symbol.flags & symbol_free_class)) {
      frees.push_back(symbol.name);
    }
  }
  if (scope->needs_class_closure) cells.push_back("__class__");
  std::sort(cells.begin(), cells.end());
  std::sort(frees.begin(), frees.end());
  for (const std::string& cell : cells) unit->cell_names.add(cell);
  for (const std::string& free : frees) unit->free_names.add(free);
  unit->position = SourcePosition{first_line, first_line, 0, 0};
  units_.push_back(std::move(unit));
  unit_ = units_.back().get();
  unit_->qualified_name = qualified_name_for(unit_->name);
  unit_->entry = new_block();
  unit_->current = unit_->entry;
}

Ref<Code> Compiler::exit_unit() {
  // Every path that falls off the end returns None (assemble in compile.c).
  // The implicit return keeps the position of the last statement compiled.
  if (unit_->current->instructions.empty() ||
      unit_->current->instructions.back().opcode != Opcode::RETURN_VALUE) {
    load_none();
    emit(Opcode::RETURN_VALUE);
  }
  uint32_t flags = 0;
  Scope* scope = unit_->scope;
  if (scope->kind == ScopeKind::function) {
    flags |= code_flag_optimized | code_flag_new_locals;
    if (scope->nested) flags |= code_flag_nested;
    if (scope->is_generator && !scope->is_coroutine) flags |= code_flag_generator;
    if (!scope->is_generator && scope->is_coroutine) flags |= code_flag_coroutine;
    if (scope->is_generator && scope->is_coroutine) flags |= code_flag_async_generator;
    if (scope->has_varargs) flags |= code_flag_varargs;
    if (scope->has_varkeywords) flags |= code_flag_varkeywords;
  }
  std::string internal_error;
  Ref<Code> code = assemble(*unit_, filename_.get(), flags, &internal_error);
  Location none;
  if (!code && !error_) fail(internal_error, none);
  units_.pop_back();
  unit_ = units_.empty() ? nullptr : units_.back().get();
  return code;
}

bool Compiler::abandon_unit() {
  units_.pop_back();
  unit_ = units_.empty() ? nullptr : units_.back().get();
  return false;
}

BasicBlock* Compiler::new_block() {
  unit_->blocks.push_back(std::make_unique<BasicBlock>());
  return unit_->blocks.back().get();
}

void Compiler::use_next_block(BasicBlock* block) {
  unit_->current->next = block;
  unit_->current = block;
}

static bool is_terminator(Opcode opcode) {
  switch (opcode) {
    case Opcode::RETURN_VALUE:
    case Opcode::RERAISE:
    case Opcode::RAISE_VARARGS:
    case Opcode::JUMP_ABSOLUTE:
    case Opcode::JUMP_FORWARD:
      return true;
    default:
      return false;
  }
}

bool Compiler::current_block_terminated() const {
  const auto& instructions = unit_->current->instructions;
  return !instructions.empty() && is_terminator(instructions.back().opcode);
}

void Compiler::emit(Opcode opcode, uint32_t argument) {
  // Code after a return, raise or jump starts a new (unreachable) block.
  if (current_block_terminated()) use_next_block(new_block());
  unit_->current->instructions.push_back(Instruction{opcode, argument, nullptr, unit_->position});
}

void Compiler::emit_jump(Opcode opcode, BasicBlock* target) {
  emit(opcode, 0);
  unit_->current->instructions.back().target = target;
}

void Compiler::set_position(const Location& location) {
  unit_->position = SourcePosition{location.lineno, location.end_lineno,
                                   uint16_t(std::min(location.col_offset, 0xffff)),
                                   uint16_t(std::min(location.end_col_offset, 0xffff))};
}

bool Compiler::fail(std::string message, const Location& location) {
  if (!error_) error_ = ScopeError{std::move(message), location};
  return false;
}

void Compiler::warn(std::string message) {
  std::pair<std::string, int32_t> warning{std::move(message), unit_->position.line};
  if (std::find(warnings_.begin(), warnings_.end(), warning) == warnings_.end()) {
    warnings_.push_back(std::move(warning));
  }
}

// --- constants and names -------------------------------------------------------------

uint32_t Compiler::add_constant(Ref<> value, const std::string& key) {
  auto found = unit_->constant_index.find(key);
  if (found != unit_->constant_index.end()) return found->second;
  uint32_t index = uint32_t(unit_->constants.size());
  unit_->constants.push_back(std::move(value));
  unit_->constant_index.emplace(key, index);
  return index;
}

Ref<> Compiler::constant_object(const ConstantValue& value, std::string* key) {
  switch (value.kind) {
    case ConstantValue::Kind::None:
      *key = "N";
      return none();
    case ConstantValue::Kind::True:
      *key = "T";
      return make_bool(true);
    case ConstantValue::Kind::False:
      *key = "F";
      return make_bool(false);
    case ConstantValue::Kind::Ellipsis:
      *key = "E";
      return Ref<>::borrow(&ellipsis_object);
    case ConstantValue::Kind::Int:
      *key = format_message("i{}", value.int_value);
      return make_int(value.int_value);
    case ConstantValue::Kind::BigInt: {
      *key = format_message("I{}:{}", value.int_base, value.text);
      std::optional<BigInt> number = BigInt::parse_digits(value.text, value.int_base);
      if (!number) return nullptr;
      return make_int(std::move(*number));
    }
    case ConstantValue::Kind::Float: {
      uint64_t bits;
      std::memcpy(&bits, &value.float_value, sizeof bits);
      *key = format_message("f{:x}", bits);
      return make_float(value.float_value);
    }
    case ConstantValue::Kind::Str:
      *key = "s" + value.text;
      return make_str(value.text);
    case ConstantValue::Kind::Bytes:
      *key = "b" + value.text;
      return make_bytes(value.text);
  }
  return nullptr;
}

void Compiler::load_constant(const ConstantValue& value) {
  std::string key;
  Ref<> object = constant_object(value, &key);
  if (!object) {
    Location here;
    here.lineno = unit_->position.line;
    here.end_lineno = unit_->position.end_line;
    here.col_offset = unit_->position.column;
    here.end_col_offset = unit_->position.end_column;
    fail("integer literal too large", here);
    return;
  }
  emit(Opcode::LOAD_CONST, add_constant(std::move(object), key));
}

void Compiler::load_none() { emit(Opcode::LOAD_CONST, add_constant(none(), "N")); }

void Compiler::load_string_constant(const std::string& text) {
  emit(Opcode::LOAD_CONST, add_constant(make_str(text), "s" + text));
}

void Compiler::load_string_tuple(const std::vector<std::string>& items) {
  std::vector<Ref<>> values;
  std::string key = "t";
  for (const std::string& item : items) {
    values.push_back(make_str(item));
    key += format_message("{}:{},", item.size(), item);
  }
  emit(Opcode::LOAD_CONST, add_constant(make_tuple(std::move(values)), key));
}

void Compiler::load_code_constant(Ref<Code> code) {
  std::string key = format_message("c{}", static_cast<const void*>(code.get()));
  emit(Opcode::LOAD_CONST, add_constant(std::move(code), key));
}

std::string Compiler::mangled(std::string_view name) const {
  return mangle(unit_->private_name, name);
}

uint32_t Compiler::name_index(const std::string& name) { return unit_->names.add(name); }

void Compiler::emit_name(Opcode opcode, const std::string& raw_name) {
  emit(opcode, name_index(mangled(raw_name)));
}

int64_t Compiler::closure_index(const std::string& name) {
  // get_ref_type: a class body's __class__ is its own cell.
  bool is_cell = (unit_->kind == UnitKind::class_body && name == "__class__") ||
                 unit_->scope->scope_of(name) == NameScope::cell;
  if (is_cell) return unit_->cell_names.find(name);
  int64_t free = unit_->free_names.find(name);
  return free < 0 ? -1 : int64_t(unit_->cell_names.names.size()) + free;
}

// compiler_nameop.
bool Compiler::name_operation(const std::string& raw_name, ExprContext context,
                              const Location& location) {
  std::string name = mangled(raw_name);
  enum class Access { name, fast, global, dereference } access = Access::name;
  bool in_function = unit_->scope->kind == ScopeKind::function;
  switch (unit_->scope->scope_of(name)) {
    case NameScope::free:
    case NameScope::cell:
      access = Access::dereference;
      break;
    case NameScope::local:
      if (in_function) access = Access::fast;
      break;
    case NameScope::global_implicit:
      if (in_function) access = Access::global;
      break;
    case NameScope::global_explicit:
      access = Access::global;
      break;
    case NameScope::unresolved:
      break;
  }
  static const Opcode operations[4][3] = {
      {Opcode::LOAD_NAME, Opcode::STORE_NAME, Opcode::DELETE_NAME},
      {Opcode::LOAD_FAST, Opcode::STORE_FAST, Opcode::DELETE_FAST},
      {Opcode::LOAD_GLOBAL, Opcode::STORE_GLOBAL, Opcode::DELETE_GLOBAL},
      {Opcode::LOAD_DEREF, Opcode::STORE_DEREF, Opcode::DELETE_DEREF},
  };
  Opcode opcode = operations[int(access)][int(context)];
  switch (access) {
    case Access::fast:
      emit(opcode, unit_->local_names.add(name));
      return true;
    case Access::dereference: {
      int64_t index = closure_index(name);
      if (index < 0)
        return fail(format_message("internal compiler error: no cell for '{}'", name), location);
      if (context == ExprContext::Load && unit_->scope->kind == ScopeKind::class_body) {
        opcode = Opcode::LOAD_CLASSDEREF;
      }
      emit(opcode, uint32_t(index));
      return true;
    }
    case Access::name:
    case Access::global:
      emit(opcode, name_index(name));
      return true;
  }
  return true;
}

// --- frame blocks ----------------------------------------------------------------------

bool Compiler::push_frame_block(FrameBlockKind kind, BasicBlock* block, BasicBlock* exit,
                                const Location& location) {
  if (unit_->frame_blocks.size() >= kMaxStaticBlocks) {
    return fail("too many statically nested blocks", location);
  }
  FrameBlock frame{kind, block, exit, nullptr, nullptr, unit_->position};
  unit_->frame_blocks.push_back(frame);
  return true;
}

void Compiler::pop_frame_block() { unit_->frame_blocks.pop_back(); }

// compiler_unwind_fblock: the code that leaving `block` early (return/break/continue)
// needs. `preserve_top` keeps the value on top of the stack (a return value) in place.
bool Compiler::unwind_frame_block(const FrameBlock& block, bool preserve_top) {
  switch (block.kind) {
    case FrameBlockKind::while_loop:
    case FrameBlockKind::exception_handler:
    case FrameBlockKind::exception_group_handler:
    case FrameBlockKind::async_comprehension_generator:
      return true;
    case FrameBlockKind::for_loop:
      if (preserve_top) emit(Opcode::ROT_TWO);
      emit(Opcode::POP_TOP);
      return true;
    case FrameBlockKind::try_except:
      emit(Opcode::POP_BLOCK);
      return true;
    case FrameBlockKind::finally_try: {
      emit(Opcode::POP_BLOCK);
      if (preserve_top) {
        unit_->frame_blocks.push_back(
            FrameBlock{FrameBlockKind::pop_value, nullptr, nullptr, nullptr, nullptr, {}});
      }
      SourcePosition saved = unit_->position;
      bool ok = visit_body(*block.finally_body);
      unit_->position = saved;
      if (preserve_top) pop_frame_block();
      return ok;
    }
    case FrameBlockKind::finally_end:
      // Stack: prev exc [value]. Drop exc, restore prev.
      if (preserve_top) emit(Opcode::ROT_THREE);
      emit(Opcode::POP_TOP);
      emit(Opcode::POP_EXCEPT);
      return true;
    case FrameBlockKind::with:
    case FrameBlockKind::async_with: {
      SourcePosition saved = unit_->position;
      unit_->position = block.position;
      emit(Opcode::POP_BLOCK);
      if (preserve_top) emit(Opcode::ROT_TWO);
      call_exit_with_nones();
      if (block.kind == FrameBlockKind::async_with) {
        emit(Opcode::GET_AWAITABLE, 2);
        load_none();
        emit(Opcode::YIELD_FROM);
      }
      emit(Opcode::POP_TOP);
      unit_->position = saved;
      return true;
    }
    case FrameBlockKind::handler_cleanup:
      // Stack: prev [value].
      if (block.handler_name) emit(Opcode::POP_BLOCK);
      if (preserve_top) emit(Opcode::ROT_TWO);
      emit(Opcode::POP_EXCEPT);
      if (block.handler_name) {
        load_none();
        Location here;
        name_operation(*block.handler_name, ExprContext::Store, here);
        name_operation(*block.handler_name, ExprContext::Del, here);
      }
      return true;
    case FrameBlockKind::pop_value:
      if (preserve_top) emit(Opcode::ROT_TWO);
      emit(Opcode::POP_TOP);
      return true;
  }
  return true;
}

// compiler_unwind_fblock_stack: unwinds every block up to the innermost loop (when `loop`
// is given, it receives a copy of that loop, or stays empty when there is none) or all
// of them.
bool Compiler::unwind_frame_block_stack(const Location& exit, bool preserve_top,
                                        std::optional<FrameBlock>* loop) {
  auto& blocks = unit_->frame_blocks;
  if (blocks.empty()) return true;
  FrameBlock top = blocks.back();
  if (top.kind == FrameBlockKind::exception_group_handler) {
    return fail("'break', 'continue' and 'return' cannot appear in an except* block", exit);
  }
  if (loop && (top.kind == FrameBlockKind::while_loop || top.kind == FrameBlockKind::for_loop)) {
    *loop = top;
    return true;
  }
  blocks.pop_back();
  bool ok = unwind_frame_block(top, preserve_top) &&
            unwind_frame_block_stack(exit, preserve_top, loop);
  unit_->frame_blocks.push_back(top);
  return ok;
}

// --- functions, lambdas and classes ----------------------------------------------------

// Calls the decorators on the value on top, innermost (last) first, each call carrying its
// decorator's position (compiler_apply_decorators).
void Compiler::apply_decorators(const std::vector<Expr*>& decorators) {
  SourcePosition saved = unit_->position;
  for (size_t index = decorators.size(); index-- > 0;) {
    set_position(*decorators[index]);
    emit(Opcode::CALL_FUNCTION, 1);
  }
  unit_->position = saved;
}

// compiler_default_arguments.
int Compiler::visit_defaults(const arguments* args) {
  int flags = 0;
  if (!args->defaults.empty()) {
    if (!visit_expressions(args->defaults)) return -1;
    emit(Opcode::BUILD_TUPLE, uint32_t(args->defaults.size()));
    flags |= 0x01;
  }
  uint32_t keyword_defaults = 0;
  for (size_t index = 0; index < args->kwonlyargs.size(); ++index) {
    Expr* value = index < args->kw_defaults.size() ? args->kw_defaults[index] : nullptr;
    if (!value) continue;
    load_string_constant(mangled(args->kwonlyargs[index]->arg));
    if (!visit_expression(value)) return -1;
    ++keyword_defaults;
  }
  if (keyword_defaults) {
    emit(Opcode::BUILD_MAP, keyword_defaults);
    flags |= 0x02;
  }
  return flags;
}

// compiler_visit_annotations: a flat tuple (name, value, name, value, ...).
int Compiler::visit_annotations(const arguments* args, const Expr* returns) {
  uint32_t count = 0;
  auto add = [&](const arg* parameter) -> bool {
    if (!parameter || !parameter->annotation) return true;
    load_string_constant(mangled(parameter->arg));
    if (!visit_expression(parameter->annotation)) return false;
    ++count;
    return true;
  };
  for (arg* parameter : args->args) if (!add(parameter)) return -1;
  for (arg* parameter : args->posonlyargs) if (!add(parameter)) return -1;
  if (!add(args->vararg)) return -1;
  for (arg* parameter : args->kwonlyargs) if (!add(parameter)) return -1;
  if (!add(args->kwarg)) return -1;
  if (returns) {
    load_string_constant("return");
    if (!visit_expression(returns)) return -1;
    ++count;
  }
  if (!count) return 0;
  emit(Opcode::BUILD_TUPLE, count * 2);
  return 0x04;
}

// compiler_make_closure.
void Compiler::make_closure(Ref<Code> code, uint32_t flags, const std::string& qualified_name) {
  if (!code->free_names.empty()) {
    for (const Ref<Str>& name : code->free_names) {
      int64_t index = closure_index(name->value);
      if (index < 0) {
        Location none;
        fail(format_message("internal compiler error: no closure for '{}'", name->value), none);
        return;
      }
      emit(Opcode::LOAD_CLOSURE, uint32_t(index));
    }
    emit(Opcode::BUILD_TUPLE, uint32_t(code->free_names.size()));
    flags |= 0x08;
  }
  load_code_constant(std::move(code));
  load_string_constant(qualified_name);
  emit(Opcode::MAKE_FUNCTION, flags);
}

void Compiler::set_parameters(const arguments* args) {
  unit_->argument_count = uint32_t(args->posonlyargs.size() + args->args.size());
  unit_->positional_only_count = uint32_t(args->posonlyargs.size());
  unit_->keyword_only_count = uint32_t(args->kwonlyargs.size());
}

static const Constant* docstring_of(const std::vector<Stmt*>& body) {
  if (body.empty() || body[0]->kind != StmtKind::Expr) return nullptr;
  const Expr* value = body[0]->as<ExprStmt>()->value;
  if (value->kind != ExprKind::Constant) return nullptr;
  const Constant* constant = value->as<Constant>();
  return constant->value.kind == ConstantValue::Kind::Str ? constant : nullptr;
}

static uint32_t generator_kind(const Scope* scope) {
  if (scope->is_generator && scope->is_coroutine) return 2;
  return scope->is_coroutine ? 1 : 0;
}

static bool starts_suspended(const Scope* scope) {
  return scope->is_generator || scope->is_coroutine;
}

// compiler_function.
bool Compiler::visit_function_definition(const FunctionDef* function) {
  if (!visit_expressions(function->decorator_list)) return false;
  int32_t first_line = function->decorator_list.empty()
                           ? function->lineno
                           : function->decorator_list.front()->lineno;
  int flags = visit_defaults(function->args);
  if (flags < 0) return false;
  int annotations = visit_annotations(function->args, function->returns);
  if (annotations < 0) return false;
  flags |= annotations;
  Scope* scope = table_.scope_of(function);
  bool is_async = function->kind == StmtKind::AsyncFunctionDef;
  enter_unit(scope, is_async ? UnitKind::async_function : UnitKind::function, function->name,
             first_line);
  set_position(*function);
  if (starts_suspended(scope)) emit(Opcode::GEN_START, generator_kind(scope));
  const Constant* docstring = docstring_of(function->body);
  if (docstring) {
    add_constant(make_str(docstring->value.text), "s" + docstring->value.text);
  } else {
    add_constant(none(), "N");
  }
  set_parameters(function->args);
  bool ok = true;
  for (size_t index = docstring ? 1 : 0; ok && index < function->body.size(); ++index) {
    ok = visit_statement(function->body[index]);
  }
  if (!ok) return abandon_unit();
  std::string qualified_name = unit_->qualified_name;
  Ref<Code> code = exit_unit();
  if (!code) return false;
  set_position(*function);
  make_closure(std::move(code), uint32_t(flags), qualified_name);
  apply_decorators(function->decorator_list);
  return name_operation(function->name, ExprContext::Store, *function);
}

bool Compiler::visit_lambda(const Lambda* lambda) {
  int flags = visit_defaults(lambda->args);
  if (flags < 0) return false;
  Scope* scope = table_.scope_of(lambda);
  SourcePosition outer_position = unit_->position;
  enter_unit(scope, UnitKind::lambda, "<lambda>", lambda->lineno);
  set_position(*lambda);
  if (starts_suspended(scope)) emit(Opcode::GEN_START, generator_kind(scope));
  add_constant(none(), "N");  // a lambda has no docstring
  set_parameters(lambda->args);
  if (!visit_expression(lambda->body)) return abandon_unit();
  emit(Opcode::RETURN_VALUE);
  std::string qualified_name = unit_->qualified_name;
  Ref<Code> code = exit_unit();
  if (!code) return false;
  unit_->position = outer_position;
  make_closure(std::move(code), uint32_t(flags), qualified_name);
  return true;
}

// find_ann: does a body (not counting nested defs and classes) annotate a name?
static bool has_annotations(const std::vector<Stmt*>& body) {
  for (const Stmt* statement : body) {
    switch (statement->kind) {
      case StmtKind::AnnAssign:
        return true;
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* loop = statement->as<For>();
        if (has_annotations(loop->body) || has_annotations(loop->orelse)) return true;
        break;
      }
      case StmtKind::While: {
        auto* loop = statement->as<While>();
        if (has_annotations(loop->body) || has_annotations(loop->orelse)) return true;
        break;
      }
      case StmtKind::If: {
        auto* branch = statement->as<If>();
        if (has_annotations(branch->body) || has_annotations(branch->orelse)) return true;
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith:
        if (has_annotations(statement->as<With>()->body)) return true;
        break;
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* attempt = statement->as<Try>();
        if (has_annotations(attempt->body) || has_annotations(attempt->orelse) ||
            has_annotations(attempt->finalbody)) {
          return true;
        }
        for (const ExceptHandler* handler : attempt->handlers) {
          if (has_annotations(handler->body)) return true;
        }
        break;
      }
      case StmtKind::Match:
        for (const match_case* item : statement->as<Match>()->cases) {
          if (has_annotations(item->body)) return true;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

// compiler_class.
bool Compiler::visit_class_definition(const ClassDef* class_def) {
  if (!visit_expressions(class_def->decorator_list)) return false;
  int32_t first_line = class_def->decorator_list.empty()
                           ? class_def->lineno
                           : class_def->decorator_list.front()->lineno;
  Scope* scope = table_.scope_of(class_def);
  enter_unit(scope, UnitKind::class_body, class_def->name, first_line);
  unit_->private_name = class_def->name;
  set_position(*class_def);
  Location here = *class_def;
  bool ok = name_operation("__name__", ExprContext::Load, here) &&
            name_operation("__module__", ExprContext::Store, here);
  load_string_constant(unit_->qualified_name);
  ok = ok && name_operation("__qualname__", ExprContext::Store, here);
  if (ok && has_annotations(class_def->body)) emit(Opcode::SETUP_ANNOTATIONS);
  const Constant* docstring = docstring_of(class_def->body);
  if (ok && docstring) {
    set_position(*class_def->body[0]);
    load_string_constant(docstring->value.text);
    ok = name_operation("__doc__", ExprContext::Store, *class_def->body[0]);
  }
  for (size_t index = docstring ? 1 : 0; ok && index < class_def->body.size(); ++index) {
    ok = visit_statement(class_def->body[index]);
  }
  if (!ok) return abandon_unit();
  if (scope->needs_class_closure) {
    emit(Opcode::LOAD_CLOSURE, uint32_t(unit_->cell_names.find("__class__")));
    emit(Opcode::DUP_TOP);
    emit(Opcode::STORE_NAME, name_index("__classcell__"));
  } else {
    load_none();
  }
  emit(Opcode::RETURN_VALUE);
  std::string qualified_name = unit_->qualified_name;
  Ref<Code> code = exit_unit();
  if (!code) return false;
  set_position(*class_def);
  emit(Opcode::LOAD_BUILD_CLASS);
  make_closure(std::move(code), 0, qualified_name);
  load_string_constant(class_def->name);
  if (!call_helper(2, class_def->bases, class_def->keywords, false)) return false;
  apply_decorators(class_def->decorator_list);
  return name_operation(class_def->name, ExprContext::Store, *class_def);
}

// --- comprehensions --------------------------------------------------------------------

// compiler_comprehension.
bool Compiler::visit_comprehension(const Expr* expression,
                                   const std::vector<comprehension*>& generators,
                                   const Expr* element, const Expr* value) {
  const char* name = "<genexpr>";
  Opcode build = Opcode::NOP;
  switch (expression->kind) {
    case ExprKind::ListComp: name = "<listcomp>"; build = Opcode::BUILD_LIST; break;
    case ExprKind::SetComp: name = "<setcomp>"; build = Opcode::BUILD_SET; break;
    case ExprKind::DictComp: name = "<dictcomp>"; build = Opcode::BUILD_MAP; break;
    default: break;
  }
  bool is_generator_expression = expression->kind == ExprKind::GeneratorExp;
  UnitKind outer_kind = unit_->kind;
  Scope* scope = table_.scope_of(expression);
  SourcePosition outer_position = unit_->position;
  enter_unit(scope, UnitKind::comprehension, name, expression->lineno);
  set_position(*expression);
  bool is_async = scope->is_coroutine;
  if (is_async && !is_generator_expression && outer_kind != UnitKind::async_function &&
      outer_kind != UnitKind::comprehension) {
    fail("asynchronous comprehension outside of an asynchronous function", *expression);
    return abandon_unit();
  }
  if (starts_suspended(scope)) emit(Opcode::GEN_START, generator_kind(scope));
  if (!is_generator_expression) emit(build, 0);
  if (!comprehension_generator(generators, 0, 0, element, value, expression->kind)) {
    return abandon_unit();
  }
  if (!is_generator_expression) emit(Opcode::RETURN_VALUE);
  std::string qualified_name = unit_->qualified_name;
  Ref<Code> code = exit_unit();
  if (!code) return false;
  unit_->position = outer_position;
  make_closure(std::move(code), 0, qualified_name);
  if (!visit_expression(generators[0]->iter)) return false;
  emit(generators[0]->is_async ? Opcode::GET_AITER : Opcode::GET_ITER);
  emit(Opcode::CALL_FUNCTION, 1);
  if (is_async && !is_generator_expression) {
    emit(Opcode::GET_AWAITABLE, 0);
    load_none();
    emit(Opcode::YIELD_FROM);
  }
  return true;
}

bool Compiler::comprehension_generator(const std::vector<comprehension*>& generators,
                                       size_t index, int depth, const Expr* element,
                                       const Expr* value, ExprKind kind) {
  if (generators[index]->is_async) {
    return async_comprehension_generator(generators, index, depth, element, value, kind);
  }
  return sync_comprehension_generator(generators, index, depth, element, value, kind);
}

// The innermost part of a comprehension: yield or add the element.
static Opcode element_opcode(ExprKind kind) {
  switch (kind) {
    case ExprKind::ListComp: return Opcode::LIST_APPEND;
    case ExprKind::SetComp: return Opcode::SET_ADD;
    case ExprKind::DictComp: return Opcode::MAP_ADD;
    default: return Opcode::YIELD_VALUE;
  }
}

// compiler_sync_comprehension_generator.
bool Compiler::sync_comprehension_generator(const std::vector<comprehension*>& generators,
                                            size_t index, int depth, const Expr* element,
                                            const Expr* value, ExprKind kind) {
  const comprehension* clause = generators[index];
  if (index == 0) {
    unit_->argument_count = 1;
    emit(Opcode::LOAD_FAST, 0);
  } else {
    if (!visit_expression(clause->iter)) return false;
    emit(Opcode::GET_ITER);
  }
  BasicBlock* start = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* anchor = new_block();
  ++depth;
  use_next_block(start);
  emit_jump(Opcode::FOR_ITER, anchor);
  if (!visit_store(clause->target)) return false;
  for (const Expr* condition : clause->ifs) {
    if (!jump_if(condition, cleanup, false)) return false;
  }
  if (index + 1 < generators.size()) {
    if (!comprehension_generator(generators, index + 1, depth, element, value, kind)) {
      return false;
    }
  } else {
    if (!visit_expression(element)) return false;
    if (value && !visit_expression(value)) return false;
    Opcode opcode = element_opcode(kind);
    if (opcode == Opcode::YIELD_VALUE) {
      emit(Opcode::YIELD_VALUE);
      emit(Opcode::POP_TOP);
    } else {
      emit(opcode, uint32_t(depth + 1));
    }
  }
  use_next_block(cleanup);
  emit_jump(Opcode::JUMP_ABSOLUTE, start);
  use_next_block(anchor);
  return true;
}

// compiler_async_comprehension_generator.
bool Compiler::async_comprehension_generator(const std::vector<comprehension*>& generators,
                                             size_t index, int depth, const Expr* element,
                                             const Expr* value, ExprKind kind) {
  const comprehension* clause = generators[index];
  if (index == 0) {
    unit_->argument_count = 1;
    emit(Opcode::LOAD_FAST, 0);
  } else {
    if (!visit_expression(clause->iter)) return false;
    emit(Opcode::GET_AITER);
  }
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* cleanup = new_block();
  use_next_block(start);
  Location here;
  here.lineno = unit_->position.line;
  if (!push_frame_block(FrameBlockKind::async_comprehension_generator, start, nullptr, here)) {
    return false;
  }
  emit_jump(Opcode::SETUP_FINALLY, except);
  emit(Opcode::GET_ANEXT);
  load_none();
  emit(Opcode::YIELD_FROM);
  emit(Opcode::POP_BLOCK);
  if (!visit_store(clause->target)) return false;
  for (const Expr* condition : clause->ifs) {
    if (!jump_if(condition, cleanup, false)) return false;
  }
  ++depth;
  if (index + 1 < generators.size()) {
    if (!comprehension_generator(generators, index + 1, depth, element, value, kind)) {
      return false;
    }
  } else {
    if (!visit_expression(element)) return false;
    if (value && !visit_expression(value)) return false;
    Opcode opcode = element_opcode(kind);
    if (opcode == Opcode::YIELD_VALUE) {
      emit(Opcode::YIELD_VALUE);
      emit(Opcode::POP_TOP);
    } else {
      emit(opcode, uint32_t(depth + 1));
    }
  }
  use_next_block(cleanup);
  emit_jump(Opcode::JUMP_ABSOLUTE, start);
  pop_frame_block();
  use_next_block(except);
  emit(Opcode::END_ASYNC_FOR);
  return true;
}

// --- the module ------------------------------------------------------------------------

Ref<Code> Compiler::compile(const Module& module) {
  enter_unit(table_.top(), UnitKind::module, "<module>", 1);  // co_firstlineno is 1
  if (has_annotations(module.body)) emit(Opcode::SETUP_ANNOTATIONS);
  const Constant* docstring = docstring_of(module.body);
  bool ok = true;
  if (docstring) {
    set_position(*module.body[0]);
    load_string_constant(docstring->value.text);
    ok = name_operation("__doc__", ExprContext::Store, *module.body[0]);
  }
  for (size_t index = docstring ? 1 : 0; ok && index < module.body.size(); ++index) {
    ok = visit_statement(module.body[index]);
  }
  if (!ok) return nullptr;
  return exit_unit();
}

// --- the API ---------------------------------------------------------------------------

// The 1-based line `line` of `source` without its line break ("" when out of range).
static std::string source_line(std::string_view source, int32_t line) {
  size_t start = 0;
  for (int32_t current = 1; current < line; ++current) {
    size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) return {};
    start = newline + 1;
  }
  size_t end = source.find('\n', start);
  if (end == std::string_view::npos) end = source.size();
  return std::string(source.substr(start, end - start));
}

static SyntaxError to_syntax_error(const ScopeError& error, std::string_view source) {
  SyntaxError result;
  result.message = error.message;
  result.line = error.location.lineno;
  if (result.line > 0) {
    result.offset = error.location.col_offset + 1;
    result.end_line = error.location.end_lineno;
    result.end_offset = error.location.end_col_offset + 1;
    if (!source.empty()) result.text = source_line(source, result.line) + "\n";
  }
  return result;
}

CompileResult compile_module(const Module& module, std::string_view filename,
                             std::string_view source) {
  CompileResult result;
  ScopeError scope_error;
  std::unique_ptr<SymbolTable> table = SymbolTable::build(module, &scope_error);
  if (!table) {
    result.error = to_syntax_error(scope_error, source);
    result.recursion_error = scope_error.recursion_error;
    return result;
  }
  Compiler compiler(*table, filename);
  Ref<Code> code = compiler.compile(module);
  for (const auto& [message, line] : compiler.warnings()) {
    result.warnings.push_back(SyntaxWarning{message, line, source_line(source, line)});
  }
  if (!code) {
    ScopeError error = compiler.error().value_or(ScopeError{"internal compiler error", {}});
    result.error = to_syntax_error(error, source);
    result.recursion_error = compiler.recursion_error();
    if (result.recursion_error) {
      result.error->line = 0;
      result.error->offset = 0;
      result.error->end_line = 0;
      result.error->end_offset = 0;
      result.error->text.clear();
    }
    return result;
  }
  result.code = std::move(code);
  return result;
}

CompileResult compile_source(std::string_view source, std::string_view filename) {
  ParseResult parsed = parse(source, filename);
  if (!parsed.ok()) {
    CompileResult result;
    result.error = parsed.error;
    result.unsupported_feature = parsed.error_kind == ParseErrorKind::unsupported_feature;
    result.memory_error = parsed.error_kind == ParseErrorKind::memory_error;
    return result;
  }
  CompileResult result = compile_module(*parsed.module, filename, source);
  result.warnings.insert(result.warnings.begin(), parsed.warnings.begin(),
                         parsed.warnings.end());
  return result;
}

}  // namespace py
