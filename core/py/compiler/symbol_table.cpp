// Scope analysis (symbol_table.hpp): the first pass records how each name is used, the
// second resolves scopes. Follows CPython 3.11's Python/symtable.c function for function;
// the comments name the CPython function each part mirrors.
#include "core/py/compiler/symbol_table.hpp"

#include <algorithm>
#include <set>

#include "core/py/objects/message_format.hpp"

namespace py {

using namespace ast;

const Symbol* Scope::find(std::string_view name) const {
  auto found = symbol_index.find(std::string(name));
  return found == symbol_index.end() ? nullptr : &symbols[found->second];
}

uint32_t Scope::flags_of(std::string_view name) const {
  const Symbol* symbol = find(name);
  return symbol ? symbol->flags : 0;
}

NameScope Scope::scope_of(std::string_view name) const {
  const Symbol* symbol = find(name);
  return symbol ? symbol->scope : NameScope::unresolved;
}

Scope* SymbolTable::scope_of(const void* node) const {
  auto found = scope_by_node_.find(node);
  return found == scope_by_node_.end() ? nullptr : found->second;
}

std::string mangle(std::string_view class_name, std::string_view name) {
  if (class_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') {
    return std::string(name);
  }
  if (name.size() >= 4 && name.substr(name.size() - 2) == "__") return std::string(name);
  if (name.find('.') != std::string_view::npos) return std::string(name);
  size_t first = class_name.find_first_not_of('_');
  if (first == std::string_view::npos) return std::string(name);
  std::string mangled = "_";
  mangled += class_name.substr(first);
  mangled += name;
  return mangled;
}

// The first pass (CPython's symtable_visit_*), then the analysis (analyze_block).
class SymbolTableBuilder {
 public:
  SymbolTableBuilder(SymbolTable& table, ScopeError* error) : table_(table), error_(error) {}

  bool run(const Module& module) {
    Location start;
    start.lineno = 0;
    enter_scope("top", ScopeKind::module, &module, start);
    table_.top_ = current_;
    for (Stmt* statement : module.body) {
      if (!visit_statement(statement)) return false;
    }
    exit_scope();
    std::set<std::string> free;
    return analyze_block(table_.top_, nullptr, free, nullptr);
  }

 private:
  using NameSet = std::set<std::string>;

  // --- the first pass ---------------------------------------------------------------------

  bool fail(std::string message, const Location& location) {
    if (error_) {
      error_->message = std::move(message);
      error_->location = location;
    }
    return false;
  }

  void enter_scope(std::string name, ScopeKind kind, const void* node, const Location& location) {
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->name = std::move(name);
    scope->location = location;
    if (current_) {
      scope->nested = current_->nested || current_->kind == ScopeKind::function;
      current_->children.push_back(scope.get());
    }
    table_.scope_by_node_[node] = scope.get();
    stack_.push_back(scope.get());
    current_ = scope.get();
    table_.scopes_.push_back(std::move(scope));
  }

  void exit_scope() {
    stack_.pop_back();
    current_ = stack_.empty() ? nullptr : stack_.back();
  }

  static Symbol& symbol_for(Scope* scope, const std::string& name) {
    auto found = scope->symbol_index.find(name);
    if (found != scope->symbol_index.end()) return scope->symbols[found->second];
    scope->symbol_index.emplace(name, scope->symbols.size());
    scope->symbols.push_back(Symbol{name, 0, NameScope::unresolved});
    return scope->symbols.back();
  }

  // symtable_add_def_helper.
  bool add_definition_in(Scope* scope, std::string_view raw_name, uint32_t flag,
                         const Location& location) {
    std::string name = mangle(private_name_, raw_name);
    Symbol& symbol = symbol_for(scope, name);
    uint32_t value = symbol.flags;
    if ((flag & symbol_parameter) && (value & symbol_parameter)) {
      return fail(format_message("duplicate argument '{}' in function definition", raw_name),
                  location);
    }
    value |= flag;
    if (scope->visiting_comprehension_target) {
      if (value & (symbol_global | symbol_nonlocal)) {
        return fail(format_message("comprehension inner loop cannot rebind assignment "
                                   "expression target '{}'",
                                   raw_name),
                    location);
      }
      value |= symbol_comprehension_iterator;
    }
    symbol.flags = value;
    if (flag & symbol_parameter) {
      scope->parameters.push_back(name);
    } else if (flag & symbol_global) {
      Symbol& module_symbol = symbol_for(table_.top_, name);
      module_symbol.flags |= flag;
    }
    return true;
  }

  bool add_definition(std::string_view name, uint32_t flag, const Location& location) {
    return add_definition_in(current_, name, flag, location);
  }

  bool visit_statements(const std::vector<Stmt*>& statements) {
    for (Stmt* statement : statements) {
      if (!visit_statement(statement)) return false;
    }
    return true;
  }

  bool visit_expressions(const std::vector<Expr*>& expressions) {
    for (Expr* expression : expressions) {
      if (expression && !visit_expression(expression)) return false;
    }
    return true;
  }

  bool visit_optional(Expr* expression) { return !expression || visit_expression(expression); }

  bool visit_parameters(const std::vector<arg*>& parameters) {
    for (arg* parameter : parameters) {
      if (!add_definition(parameter->arg, symbol_parameter, *parameter)) return false;
    }
    return true;
  }

  // symtable_visit_arguments.
  bool visit_arguments(const arguments* args) {
    if (!visit_parameters(args->posonlyargs) || !visit_parameters(args->args) ||
        !visit_parameters(args->kwonlyargs)) {
      return false;
    }
    if (args->vararg) {
      if (!add_definition(args->vararg->arg, symbol_parameter, *args->vararg)) return false;
      current_->has_varargs = true;
    }
    if (args->kwarg) {
      if (!add_definition(args->kwarg->arg, symbol_parameter, *args->kwarg)) return false;
      current_->has_varkeywords = true;
    }
    return true;
  }

  // symtable_visit_annotations (no `from __future__ import annotations`).
  bool visit_annotations(const arguments* args, Expr* returns) {
    for (const auto* list : {&args->posonlyargs, &args->args, &args->kwonlyargs}) {
      for (arg* parameter : *list) {
        if (!visit_optional(parameter->annotation)) return false;
      }
    }
    if (args->vararg && !visit_optional(args->vararg->annotation)) return false;
    if (args->kwarg && !visit_optional(args->kwarg->annotation)) return false;
    return visit_optional(returns);
  }

  bool visit_defaults(const arguments* args) {
    return visit_expressions(args->defaults) && visit_expressions(args->kw_defaults);
  }

  // symtable_visit_alias.
  bool visit_alias(const alias* name) {
    std::string store = name->has_asname ? name->asname : name->name;
    if (!name->has_asname) store = store.substr(0, store.find('.'));
    if (store == "*") {
      if (current_->kind != ScopeKind::module) {
        return fail("import * only allowed at module level", *name);
      }
      return true;
    }
    return add_definition(store, symbol_imported, *name);
  }

  bool visit_global_or_nonlocal(const Global* statement) {
    bool is_global = statement->kind == StmtKind::Global;
    const char* word = is_global ? "global" : "nonlocal";
    for (const std::string& raw_name : statement->names) {
      uint32_t flags = current_->flags_of(mangle(private_name_, raw_name));
      if (flags & (symbol_parameter | symbol_local | symbol_used | symbol_annotated)) {
        std::string message;
        if (flags & symbol_parameter) {
          message = format_message("name '{}' is parameter and {}", raw_name, word);
        } else if (flags & symbol_used) {
          message = format_message("name '{}' is used prior to {} declaration", raw_name, word);
        } else if (flags & symbol_annotated) {
          message = format_message("annotated name '{}' can't be {}", raw_name, word);
        } else {
          message =
              format_message("name '{}' is assigned to before {} declaration", raw_name, word);
        }
        return fail(message, *statement);
      }
      if (!add_definition(raw_name, is_global ? symbol_global : symbol_nonlocal, *statement)) {
        return false;
      }
      current_->directives.push_back({mangle(private_name_, raw_name), *statement});
    }
    return true;
  }

  // A guard on the nesting of visits, as CPython's symtable has.
  bool enter_nesting() {
    if (++nesting_ <= kMaxCompileNesting) return true;
    if (error_) {
      error_->message = kCompileRecursionMessage;
      error_->recursion_error = true;
    }
    return false;
  }

  bool visit_statement(const Stmt* statement) {
    if (!enter_nesting()) return false;
    bool ok = visit_statement_kind(statement);
    --nesting_;
    return ok;
  }

  bool visit_expression(const Expr* expression) {
    if (!enter_nesting()) return false;
    bool ok = visit_expression_kind(expression);
    --nesting_;
    return ok;
  }

  bool visit_statement_kind(const Stmt* statement) {
    switch (statement->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* function = statement->as<FunctionDef>();
        if (!add_definition(function->name, symbol_local, *statement)) return false;
        if (!visit_defaults(function->args)) return false;
        if (!visit_annotations(function->args, function->returns)) return false;
        if (!visit_expressions(function->decorator_list)) return false;
        enter_scope(function->name, ScopeKind::function, function, *statement);
        if (statement->kind == StmtKind::AsyncFunctionDef) current_->is_coroutine = true;
        if (!visit_arguments(function->args) || !visit_statements(function->body)) return false;
        exit_scope();
        return true;
      }
      case StmtKind::ClassDef: {
        auto* class_def = statement->as<ClassDef>();
        if (!add_definition(class_def->name, symbol_local, *statement)) return false;
        if (!visit_expressions(class_def->bases)) return false;
        for (keyword* item : class_def->keywords) {
          if (!visit_expression(item->value)) return false;
        }
        if (!visit_expressions(class_def->decorator_list)) return false;
        enter_scope(class_def->name, ScopeKind::class_body, class_def, *statement);
        std::string saved_private = private_name_;
        private_name_ = class_def->name;
        if (!visit_statements(class_def->body)) return false;
        private_name_ = saved_private;
        exit_scope();
        return true;
      }
      case StmtKind::Return:
        return visit_optional(statement->as<Return>()->value);
      case StmtKind::Delete:
        return visit_expressions(statement->as<Delete>()->targets);
      case StmtKind::Assign: {
        auto* assign = statement->as<Assign>();
        return visit_expressions(assign->targets) && visit_expression(assign->value);
      }
      case StmtKind::AnnAssign:
        return visit_annotated_assignment(statement->as<AnnAssign>());
      case StmtKind::AugAssign: {
        auto* assign = statement->as<AugAssign>();
        return visit_expression(assign->target) && visit_expression(assign->value);
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* loop = statement->as<For>();
        return visit_expression(loop->target) && visit_expression(loop->iter) &&
               visit_statements(loop->body) && visit_statements(loop->orelse);
      }
      case StmtKind::While: {
        auto* loop = statement->as<While>();
        return visit_expression(loop->test) && visit_statements(loop->body) &&
               visit_statements(loop->orelse);
      }
      case StmtKind::If: {
        auto* branch = statement->as<If>();
        return visit_expression(branch->test) && visit_statements(branch->body) &&
               visit_statements(branch->orelse);
      }
      case StmtKind::Match: {
        auto* match = statement->as<Match>();
        if (!visit_expression(match->subject)) return false;
        for (match_case* item : match->cases) {
          if (!visit_pattern(item->pattern) || !visit_optional(item->guard) ||
              !visit_statements(item->body)) {
            return false;
          }
        }
        return true;
      }
      case StmtKind::Raise: {
        auto* raise = statement->as<Raise>();
        return visit_optional(raise->exc) && visit_optional(raise->cause);
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* attempt = statement->as<Try>();
        if (!visit_statements(attempt->body) || !visit_statements(attempt->orelse)) return false;
        for (ExceptHandler* handler : attempt->handlers) {
          if (!visit_optional(handler->type)) return false;
          if (handler->has_name && !add_definition(handler->name, symbol_local, *handler)) {
            return false;
          }
          if (!visit_statements(handler->body)) return false;
        }
        return visit_statements(attempt->finalbody);
      }
      case StmtKind::Assert: {
        auto* assertion = statement->as<Assert>();
        return visit_expression(assertion->test) && visit_optional(assertion->msg);
      }
      case StmtKind::Import:
        for (alias* name : statement->as<Import>()->names) {
          if (!visit_alias(name)) return false;
        }
        return true;
      case StmtKind::ImportFrom:
        for (alias* name : statement->as<ImportFrom>()->names) {
          if (!visit_alias(name)) return false;
        }
        return true;
      case StmtKind::Global:
      case StmtKind::Nonlocal:
        return visit_global_or_nonlocal(statement->as<Global>());
      case StmtKind::Expr:
        return visit_expression(statement->as<ExprStmt>()->value);
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        return true;
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* with = statement->as<With>();
        for (withitem* item : with->items) {
          if (!visit_expression(item->context_expr) || !visit_optional(item->optional_vars)) {
            return false;
          }
        }
        return visit_statements(with->body);
      }
    }
    return true;
  }

  bool visit_annotated_assignment(const AnnAssign* statement) {
    if (statement->target->kind == ExprKind::Name) {
      const std::string& name = statement->target->as<Name>()->id;
      uint32_t flags = current_->flags_of(mangle(private_name_, name));
      if ((flags & (symbol_global | symbol_nonlocal)) && current_ != table_.top_ &&
          statement->simple) {
        return fail(format_message("annotated name '{}' can't be {}", name,
                                   (flags & symbol_global) ? "global" : "nonlocal"),
                    *statement);
      }
      if (statement->simple) {
        if (!add_definition(name, symbol_annotated | symbol_local, *statement->target)) {
          return false;
        }
      } else if (statement->value &&
                 !add_definition(name, symbol_local, *statement->target)) {
        return false;
      }
    } else if (!visit_expression(statement->target)) {
      return false;
    }
    return visit_expression(statement->annotation) && visit_optional(statement->value);
  }

  bool visit_pattern(const Pattern* pattern) {
    switch (pattern->kind) {
      case PatternKind::MatchValue:
        return visit_expression(pattern->as<MatchValue>()->value);
      case PatternKind::MatchSingleton:
        return true;
      case PatternKind::MatchSequence:
        return visit_patterns(pattern->as<MatchSequence>()->patterns);
      case PatternKind::MatchStar: {
        auto* star = pattern->as<MatchStar>();
        return !star->has_name || add_definition(star->name, symbol_local, *pattern);
      }
      case PatternKind::MatchAs: {
        auto* capture = pattern->as<MatchAs>();
        if (capture->pattern && !visit_pattern(capture->pattern)) return false;
        return !capture->has_name || add_definition(capture->name, symbol_local, *pattern);
      }
      case PatternKind::MatchOr:
        return visit_patterns(pattern->as<MatchOr>()->patterns);
      case PatternKind::MatchMapping: {
        auto* mapping = pattern->as<MatchMapping>();
        if (!visit_expressions(mapping->keys) || !visit_patterns(mapping->patterns)) return false;
        return !mapping->has_rest || add_definition(mapping->rest, symbol_local, *pattern);
      }
      case PatternKind::MatchClass: {
        auto* match_class = pattern->as<MatchClass>();
        return visit_expression(match_class->cls) && visit_patterns(match_class->patterns) &&
               visit_patterns(match_class->kwd_patterns);
      }
    }
    return true;
  }

  bool visit_patterns(const std::vector<Pattern*>& patterns) {
    for (Pattern* pattern : patterns) {
      if (!visit_pattern(pattern)) return false;
    }
    return true;
  }

  // symtable_extend_namedexpr_scope: a walrus in a comprehension binds in the nearest
  // enclosing function or module scope.
  bool extend_named_expression_scope(const NamedExpr* expression) {
    const Expr* target = expression->target;
    const std::string& name = target->as<Name>()->id;
    for (size_t index = stack_.size(); index-- > 0;) {
      Scope* scope = stack_[index];
      if (scope->comprehension != ComprehensionKind::none) {
        if (scope->flags_of(name) & symbol_comprehension_iterator) {
          return fail(format_message("assignment expression cannot rebind comprehension "
                                     "iteration variable '{}'",
                                     name),
                      *target);
        }
        continue;
      }
      if (scope->kind == ScopeKind::function) {
        uint32_t flag = (scope->flags_of(name) & symbol_global) ? symbol_global : symbol_nonlocal;
        if (!add_definition(name, flag, *target)) return false;
        current_->directives.push_back({name, *target});
        return add_definition_in(scope, name, symbol_local, *target);
      }
      if (scope->kind == ScopeKind::module) {
        if (!add_definition(name, symbol_global, *target)) return false;
        current_->directives.push_back({name, *target});
        return add_definition_in(scope, name, symbol_global, *target);
      }
      return fail("assignment expression within a comprehension cannot be used in a class body",
                  *target);
    }
    return true;
  }

  static const char* comprehension_scope_name(ExprKind kind) {
    switch (kind) {
      case ExprKind::ListComp: return "listcomp";
      case ExprKind::SetComp: return "setcomp";
      case ExprKind::DictComp: return "dictcomp";
      default: return "genexpr";
    }
  }

  // symtable_handle_comprehension.
  bool visit_comprehension(const Expr* expression, const std::vector<comprehension*>& generators,
                           const Expr* element, const Expr* value) {
    comprehension* outermost = generators[0];
    current_->visiting_comprehension_iterable++;
    if (!visit_expression(outermost->iter)) return false;
    current_->visiting_comprehension_iterable--;
    bool is_generator = expression->kind == ExprKind::GeneratorExp;
    enter_scope(comprehension_scope_name(expression->kind), ScopeKind::function, expression,
                *expression);
    switch (expression->kind) {
      case ExprKind::ListComp: current_->comprehension = ComprehensionKind::list; break;
      case ExprKind::SetComp: current_->comprehension = ComprehensionKind::set; break;
      case ExprKind::DictComp: current_->comprehension = ComprehensionKind::dict; break;
      default: current_->comprehension = ComprehensionKind::generator; break;
    }
    if (outermost->is_async) current_->is_coroutine = true;
    if (!add_definition(".0", symbol_parameter, *expression)) return false;
    current_->visiting_comprehension_target = true;
    if (!visit_expression(outermost->target)) return false;
    current_->visiting_comprehension_target = false;
    if (!visit_expressions(outermost->ifs)) return false;
    for (size_t index = 1; index < generators.size(); ++index) {
      comprehension* clause = generators[index];
      current_->visiting_comprehension_target = true;
      if (!visit_expression(clause->target)) return false;
      current_->visiting_comprehension_target = false;
      current_->visiting_comprehension_iterable++;
      if (!visit_expression(clause->iter)) return false;
      current_->visiting_comprehension_iterable--;
      if (!visit_expressions(clause->ifs)) return false;
      if (clause->is_async) current_->is_coroutine = true;
    }
    if (value && !visit_expression(value)) return false;
    if (!visit_expression(element)) return false;
    current_->is_generator = is_generator;
    bool is_async = current_->is_coroutine && !is_generator;
    exit_scope();
    if (is_async) current_->is_coroutine = true;
    return true;
  }

  bool raise_if_comprehension(const Expr* expression) {
    const char* what = "generator expression";
    switch (current_->comprehension) {
      case ComprehensionKind::none: return true;
      case ComprehensionKind::list: what = "list comprehension"; break;
      case ComprehensionKind::set: what = "set comprehension"; break;
      case ComprehensionKind::dict: what = "dict comprehension"; break;
      case ComprehensionKind::generator: break;
    }
    return fail(format_message("'{}' inside {}",
                               expression->kind == ExprKind::Await ? "await" : "yield", what),
                *expression);
  }

  bool visit_expression_kind(const Expr* expression) {
    switch (expression->kind) {
      case ExprKind::NamedExpr: {
        auto* named = expression->as<NamedExpr>();
        if (current_->visiting_comprehension_iterable > 0) {
          return fail("assignment expression cannot be used in a comprehension iterable "
                      "expression",
                      *expression);
        }
        if (current_->comprehension != ComprehensionKind::none &&
            !extend_named_expression_scope(named)) {
          return false;
        }
        return visit_expression(named->value) && visit_expression(named->target);
      }
      case ExprKind::BoolOp:
        return visit_expressions(expression->as<BoolOp>()->values);
      case ExprKind::BinOp: {
        auto* binary = expression->as<BinOp>();
        return visit_expression(binary->left) && visit_expression(binary->right);
      }
      case ExprKind::UnaryOp:
        return visit_expression(expression->as<UnaryOp>()->operand);
      case ExprKind::Lambda: {
        auto* lambda = expression->as<Lambda>();
        if (!visit_defaults(lambda->args)) return false;
        enter_scope("lambda", ScopeKind::function, lambda, *expression);
        if (!visit_arguments(lambda->args) || !visit_expression(lambda->body)) return false;
        exit_scope();
        return true;
      }
      case ExprKind::IfExp: {
        auto* choice = expression->as<IfExp>();
        return visit_expression(choice->test) && visit_expression(choice->body) &&
               visit_expression(choice->orelse);
      }
      case ExprKind::Dict: {
        auto* dict = expression->as<ast::Dict>();
        return visit_expressions(dict->keys) && visit_expressions(dict->values);
      }
      case ExprKind::Set:
        return visit_expressions(expression->as<ast::Set>()->elts);
      case ExprKind::GeneratorExp: {
        auto* comprehension = expression->as<GeneratorExp>();
        return visit_comprehension(expression, comprehension->generators, comprehension->elt,
                                   nullptr);
      }
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
      case ExprKind::Yield:
      case ExprKind::YieldFrom: {
        Expr* value = expression->kind == ExprKind::Yield ? expression->as<Yield>()->value
                                                          : expression->as<YieldFrom>()->value;
        if (!visit_optional(value)) return false;
        current_->is_generator = true;
        return raise_if_comprehension(expression);
      }
      case ExprKind::Await:
        if (!visit_expression(expression->as<Await>()->value)) return false;
        current_->is_coroutine = true;
        return true;
      case ExprKind::Compare: {
        auto* compare = expression->as<Compare>();
        return visit_expression(compare->left) && visit_expressions(compare->comparators);
      }
      case ExprKind::Call: {
        auto* call = expression->as<Call>();
        if (!visit_expression(call->func) || !visit_expressions(call->args)) return false;
        for (keyword* item : call->keywords) {
          if (!visit_expression(item->value)) return false;
        }
        return true;
      }
      case ExprKind::FormattedValue: {
        auto* field = expression->as<FormattedValue>();
        return visit_expression(field->value) && visit_optional(field->format_spec);
      }
      case ExprKind::JoinedStr:
        return visit_expressions(expression->as<JoinedStr>()->values);
      case ExprKind::Constant:
        return true;
      case ExprKind::Attribute:
        return visit_expression(expression->as<Attribute>()->value);
      case ExprKind::Subscript: {
        auto* subscript = expression->as<Subscript>();
        return visit_expression(subscript->value) && visit_expression(subscript->slice);
      }
      case ExprKind::Starred:
        return visit_expression(expression->as<Starred>()->value);
      case ExprKind::Slice: {
        auto* slice = expression->as<Slice>();
        return visit_optional(slice->lower) && visit_optional(slice->upper) &&
               visit_optional(slice->step);
      }
      case ExprKind::Name: {
        auto* name = expression->as<Name>();
        bool load = name->ctx == ExprContext::Load;
        if (!add_definition(name->id, load ? symbol_used : symbol_local, *expression)) {
          return false;
        }
        if (load && current_->kind == ScopeKind::function && name->id == "super") {
          return add_definition("__class__", symbol_used, *expression);
        }
        return true;
      }
      case ExprKind::List:
        return visit_expressions(expression->as<ast::List>()->elts);
      case ExprKind::Tuple:
        return visit_expressions(expression->as<ast::Tuple>()->elts);
    }
    return true;
  }

  // --- the analysis (analyze_block and friends) --------------------------------------------

  const Location& directive_location(Scope* scope, const std::string& name) {
    for (const Directive& directive : scope->directives) {
      if (directive.name == name) return directive.location;
    }
    return scope->location;
  }

  // analyze_name.
  bool analyze_name(Scope* scope, Symbol& symbol, NameSet* bound, NameSet& local, NameSet& free,
                    NameSet* global) {
    const std::string& name = symbol.name;
    if (symbol.flags & symbol_global) {
      if (symbol.flags & symbol_nonlocal) {
        return fail(format_message("name '{}' is nonlocal and global", name),
                    directive_location(scope, name));
      }
      symbol.scope = NameScope::global_explicit;
      if (global) global->insert(name);
      if (bound) bound->erase(name);
      return true;
    }
    if (symbol.flags & symbol_nonlocal) {
      if (!bound) {
        return fail("nonlocal declaration not allowed at module level",
                    directive_location(scope, name));
      }
      if (!bound->count(name)) {
        return fail(format_message("no binding for nonlocal '{}' found", name),
                    directive_location(scope, name));
      }
      symbol.scope = NameScope::free;
      scope->has_free = true;
      free.insert(name);
      return true;
    }
    if (symbol.flags & symbol_bound) {
      symbol.scope = NameScope::local;
      local.insert(name);
      if (global) global->erase(name);
      return true;
    }
    if (bound && bound->count(name)) {
      symbol.scope = NameScope::free;
      scope->has_free = true;
      free.insert(name);
      return true;
    }
    if (global && global->count(name)) {
      symbol.scope = NameScope::global_implicit;
      return true;
    }
    if (scope->nested) scope->has_free = true;
    symbol.scope = NameScope::global_implicit;
    return true;
  }

  // analyze_block: `bound` and `global` are the enclosing scopes' sets (null at the top);
  // names free here and in children are added to `free`.
  bool analyze_block(Scope* scope, NameSet* bound, NameSet& free, NameSet* global) {
    NameSet local, new_global, new_free, new_bound;
    NameSet module_global;
    if (!global) global = &module_global;
    if (scope->kind == ScopeKind::class_body) {
      new_global = *global;
      if (bound) new_bound = *bound;
    }
    for (Symbol& symbol : scope->symbols) {
      if (!analyze_name(scope, symbol, bound, local, free, global)) return false;
    }
    if (scope->kind != ScopeKind::class_body) {
      if (scope->kind == ScopeKind::function) new_bound.insert(local.begin(), local.end());
      if (bound) new_bound.insert(bound->begin(), bound->end());
      new_global.insert(global->begin(), global->end());
    } else {
      new_bound.insert("__class__");
    }
    NameSet all_free;
    for (Scope* child : scope->children) {
      // analyze_child_block: the child works on copies of the sets.
      NameSet child_bound = new_bound, child_global = new_global, child_free;
      if (!analyze_block(child, &child_bound, child_free, &child_global)) return false;
      all_free.insert(child_free.begin(), child_free.end());
      if (child->has_free || child->child_has_free) scope->child_has_free = true;
    }
    new_free.insert(all_free.begin(), all_free.end());
    if (scope->kind == ScopeKind::function) {
      // analyze_cells.
      for (Symbol& symbol : scope->symbols) {
        if (symbol.scope == NameScope::local && new_free.erase(symbol.name)) {
          symbol.scope = NameScope::cell;
        }
      }
    } else if (scope->kind == ScopeKind::class_body) {
      // drop_class_free.
      if (new_free.erase("__class__")) scope->needs_class_closure = true;
    }
    // update_symbols.
    for (const std::string& name : new_free) {
      auto found = scope->symbol_index.find(name);
      if (found != scope->symbol_index.end()) {
        Symbol& symbol = scope->symbols[found->second];
        if (scope->kind == ScopeKind::class_body &&
            (symbol.flags & (symbol_bound | symbol_global))) {
          symbol.flags |= symbol_free_class;
        }
        continue;
      }
      if (bound && !bound->count(name)) continue;
      Symbol& symbol = symbol_for(scope, name);
      symbol.scope = NameScope::free;
    }
    free.insert(new_free.begin(), new_free.end());
    return true;
  }

  SymbolTable& table_;
  ScopeError* error_;             // where the first error goes
  std::vector<Scope*> stack_;     // open scopes, innermost last
  Scope* current_ = nullptr;      // stack_.back()
  std::string private_name_;      // the enclosing class's name, for mangling
  int nesting_ = 0;               // depth of visit_statement/visit_expression calls
};

std::unique_ptr<SymbolTable> SymbolTable::build(const Module& module, ScopeError* error) {
  auto table = std::unique_ptr<SymbolTable>(new SymbolTable());
  SymbolTableBuilder builder(*table, error);
  if (!builder.run(module)) return nullptr;
  return table;
}

}  // namespace py
