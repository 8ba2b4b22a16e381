// The compiler's internals, shared by compiler.cpp, compiler_statements.cpp,
// compiler_expressions.cpp, compiler_patterns.cpp and assembler.cpp (not for other
// components: they use compiler.hpp).
//
// A CompilerUnit is one code object being built: its basic blocks, constant and name
// tables, and the stack of frame blocks (CPython's fblockinfo) that return/break/continue
// unwind. The Compiler owns the stack of units (a def inside a def compiles its body in a
// new unit while the outer one waits) and the symbol table.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/py/compiler/code.hpp"
#include "core/py/compiler/symbol_table.hpp"
#include "core/py/syntax/ast.hpp"

namespace py {

struct BasicBlock;

// One instruction before assembly: jumps name their target block.
struct Instruction {
  Opcode opcode = Opcode::NOP;
  uint32_t argument = 0;          // resolved by the assembler for jumps
  BasicBlock* target = nullptr;   // jump / handler target, or null
  SourcePosition position;        // the AST node it was compiled for
};

// A straight run of instructions; control enters only at the top.
struct BasicBlock {
  std::vector<Instruction> instructions;
  BasicBlock* next = nullptr;     // the block laid out after this one (fall-through)
  int32_t start_depth = -1;       // value stack depth on entry (assembler; -1 unseen)
  int32_t start_block_depth = 0;  // block stack depth on entry (assembler)
  uint32_t offset = 0;            // index of its first instruction (assembler)
};

// CPython's fblocktype: what return/break/continue must undo when leaving a block.
enum class FrameBlockKind : uint8_t {
  while_loop,
  for_loop,                 // the iterator is on the stack
  try_except,               // inside `try:` with handlers: POP_BLOCK
  finally_try,              // inside `try:` with finally: POP_BLOCK + the finally body
  finally_end,              // inside the exceptional copy of a finally body
  with,                     // inside `with`: POP_BLOCK + call __exit__(None, None, None)
  async_with,               // same, awaited
  handler_cleanup,          // inside an except handler's body
  pop_value,                // a value to pop (the return value while a finally runs)
  exception_handler,        // matching except clauses
  exception_group_handler,  // the clauses of `try: ... except*`: no break/continue/return
  async_comprehension_generator,  // an `async for` of a comprehension
};

struct FrameBlock {
  FrameBlockKind kind;
  BasicBlock* block = nullptr;  // loop: continue target; others: the block's start
  BasicBlock* exit = nullptr;   // loop: break target
  // finally_try: the finally body; handler_cleanup: the `as` name (null if none).
  const std::vector<ast::Stmt*>* finally_body = nullptr;
  const std::string* handler_name = nullptr;
  SourcePosition position;      // the statement that opened the block
};

// What kind of code a unit compiles (CPython's COMPILER_SCOPE_*).
enum class UnitKind : uint8_t { module, class_body, function, async_function, lambda,
                                comprehension };

// A name table: the names in order with an index for lookup.
struct NameTable {
  std::vector<std::string> names;
  std::unordered_map<std::string, uint32_t> index;

  // The index of `name`, added at the end if new.
  uint32_t add(const std::string& name);
  // The index of `name`, or -1.
  int64_t find(const std::string& name) const;
};

struct CompilerUnit {
  Scope* scope = nullptr;           // the symbol table's scope for this code
  UnitKind kind = UnitKind::module;
  std::string name;                 // co_name
  std::string qualified_name;       // co_qualname
  std::string private_name;         // enclosing class name for mangling ("" if none)
  std::vector<std::unique_ptr<BasicBlock>> blocks;  // every block made (owned)
  BasicBlock* entry = nullptr;      // first block
  BasicBlock* current = nullptr;    // where instructions go
  std::vector<Ref<>> constants;     // co_consts
  std::unordered_map<std::string, uint32_t> constant_index;  // key → index (dedup)
  NameTable names;                  // co_names
  NameTable local_names;            // co_varnames
  NameTable cell_names;             // co_cellvars
  NameTable free_names;             // co_freevars
  uint32_t argument_count = 0;
  uint32_t positional_only_count = 0;
  uint32_t keyword_only_count = 0;
  int32_t first_line = 1;
  std::vector<FrameBlock> frame_blocks;  // open frame blocks, innermost last
  SourcePosition position;          // position given to emitted instructions
};

// The code generator. One per compile_module call.
class Compiler {
 public:
  Compiler(SymbolTable& table, std::string_view filename);

  // Compiles the module; null with error() set on failure.
  Ref<Code> compile(const ast::Module& module);

  // The first compile error (message and span), if any.
  const std::optional<ScopeError>& error() const { return error_; }
  bool recursion_error() const { return recursion_error_; }
  // The SyntaxWarnings issued, as (message, line), without repeats.
  const std::vector<std::pair<std::string, int32_t>>& warnings() const { return warnings_; }

 private:
  // --- units and blocks (compiler.cpp) ---
  void enter_unit(Scope* scope, UnitKind kind, std::string name, int32_t first_line);
  Ref<Code> exit_unit();  // assembles the current unit and pops it
  bool abandon_unit();    // pops the current unit after an error; returns false
  BasicBlock* new_block();
  void use_next_block(BasicBlock* block);  // links block after the current one, makes it current
  void emit(Opcode opcode, uint32_t argument = 0);
  void emit_jump(Opcode opcode, BasicBlock* target);
  bool current_block_terminated() const;
  void set_position(const ast::Location& location);
  uint32_t add_constant(Ref<> value, const std::string& key);
  void load_constant(const ast::ConstantValue& value);
  void load_none();
  void load_string_constant(const std::string& text);
  void load_code_constant(Ref<Code> code);
  void load_string_tuple(const std::vector<std::string>& items);
  Ref<> constant_object(const ast::ConstantValue& value, std::string* key);
  uint32_t name_index(const std::string& name);  // co_names entry of a mangled name
  void emit_name(Opcode opcode, const std::string& raw_name);  // attributes, imports
  std::string mangled(std::string_view name) const;
  bool fail(std::string message, const ast::Location& location);
  // Issues a SyntaxWarning at the current position's line (compiler_warn).
  void warn(std::string message);
  // CPython's checks for likely typos: `x is 1`, `(1, 2)(3)`, `1[0]`, `[1][(1, 2)]`.
  void check_compare(const ast::Compare* expression);
  void check_caller(const ast::Expr* function);
  void check_subscript(const ast::Subscript* expression);

  // Names: LOAD/STORE/DELETE of a variable by its scope (CPython's compiler_nameop).
  bool name_operation(const std::string& raw_name, ast::ExprContext context,
                      const ast::Location& location);
  int64_t closure_index(const std::string& name);  // cell or free index for *_DEREF

  // Frame blocks.
  // Opens a frame block for the statement at `location`; false past CPython's 20 levels.
  bool push_frame_block(FrameBlockKind kind, BasicBlock* block, BasicBlock* exit,
                        const ast::Location& location);
  void pop_frame_block();
  bool unwind_frame_block(const FrameBlock& block, bool preserve_top);
  bool unwind_frame_block_stack(const ast::Location& exit, bool preserve_top,
                                std::optional<FrameBlock>* loop);

  // Functions and classes.
  bool visit_function_definition(const ast::FunctionDef* function);
  bool visit_class_definition(const ast::ClassDef* class_def);
  bool visit_lambda(const ast::Lambda* lambda);
  void apply_decorators(const std::vector<ast::Expr*>& decorators);
  // Pushes defaults/kw-defaults; returns the MAKE_FUNCTION flag bits, -1 on error.
  int visit_defaults(const ast::arguments* args);
  int visit_annotations(const ast::arguments* args, const ast::Expr* returns);
  void make_closure(Ref<Code> code, uint32_t flags, const std::string& qualified_name);
  std::string qualified_name_for(const std::string& name);
  void set_parameters(const ast::arguments* args);

  // Comprehensions.
  bool visit_comprehension(const ast::Expr* expression,
                           const std::vector<ast::comprehension*>& generators,
                           const ast::Expr* element, const ast::Expr* value);
  bool comprehension_generator(const std::vector<ast::comprehension*>& generators,
                               size_t index, int depth, const ast::Expr* element,
                               const ast::Expr* value, ast::ExprKind kind);
  bool sync_comprehension_generator(const std::vector<ast::comprehension*>& generators,
                                    size_t index, int depth, const ast::Expr* element,
                                    const ast::Expr* value, ast::ExprKind kind);
  bool async_comprehension_generator(const std::vector<ast::comprehension*>& generators,
                                     size_t index, int depth, const ast::Expr* element,
                                     const ast::Expr* value, ast::ExprKind kind);

  // --- statements (compiler_statements.cpp) ---
  bool visit_body(const std::vector<ast::Stmt*>& statements);
  bool visit_statement(const ast::Stmt* statement);
  bool visit_assign(const ast::Assign* statement);
  bool visit_augmented_assign(const ast::AugAssign* statement);
  bool visit_annotated_assign(const ast::AnnAssign* statement);
  bool visit_if(const ast::If* statement);
  bool visit_while(const ast::While* statement);
  bool visit_for(const ast::For* statement);
  bool visit_async_for(const ast::For* statement);
  bool visit_try(const ast::Try* statement);
  bool visit_try_finally(const ast::Try* statement);
  bool visit_try_except(const ast::Try* statement);
  bool visit_try_star(const ast::Try* statement);
  void clear_handler_name(const ast::ExceptHandler* handler);
  bool visit_with(const ast::With* statement, size_t item);
  bool visit_async_with(const ast::With* statement, size_t item);
  void with_except_finish();
  void call_exit_with_nones();
  bool visit_return(const ast::Return* statement);
  bool visit_break(const ast::Stmt* statement);
  bool visit_continue(const ast::Stmt* statement);
  bool visit_raise(const ast::Raise* statement);
  bool visit_assert(const ast::Assert* statement);
  bool visit_import(const ast::Import* statement);
  bool visit_import_from(const ast::ImportFrom* statement);
  bool visit_delete(const ast::Delete* statement);

  // --- expressions (compiler_expressions.cpp) ---
  bool visit_expression(const ast::Expr* expression);
  bool visit_expression_kind(const ast::Expr* expression);
  bool visit_expressions(const std::vector<ast::Expr*>& expressions);
  bool visit_bool_operation(const ast::BoolOp* expression);
  bool visit_compare(const ast::Compare* expression);
  bool emit_compare_operator(ast::CompareOperator op);
  bool visit_call(const ast::Call* expression);
  bool maybe_method_call(const ast::Call* expression, bool* done);
  bool call_helper(size_t already_pushed, const std::vector<ast::Expr*>& args,
                   const std::vector<ast::keyword*>& keywords, bool method);
  bool keywords_to_tuple(const std::vector<ast::keyword*>& keywords, size_t begin, size_t end);
  bool visit_subscript(const ast::Subscript* expression);
  bool visit_slice(const ast::Slice* slice);
  bool starunpack_helper(const std::vector<ast::Expr*>& elements, size_t pushed,
                         Opcode build, Opcode add, Opcode extend, bool tuple);
  bool visit_dict(const ast::Dict* expression);
  bool dict_subset(const ast::Dict* expression, size_t begin, size_t end);
  bool visit_joined_string(const ast::JoinedStr* expression);
  bool visit_formatted_value(const ast::FormattedValue* expression);
  bool visit_if_expression(const ast::IfExp* expression);
  bool visit_named_expression(const ast::NamedExpr* expression);
  bool visit_yield(const ast::Expr* expression);
  bool visit_await(const ast::Await* expression);
  bool jump_if(const ast::Expr* condition, BasicBlock* target, bool jump_if_true);
  bool visit_store(const ast::Expr* target);  // assignment target (value on the stack)
  bool unpack_helper(const std::vector<ast::Expr*>& elements, const ast::Location& location);
  bool visit_delete_target(const ast::Expr* target);
  bool check_recursion(const ast::Location& location);

  // --- match statements (compiler_patterns.cpp) ---
  struct PatternContext;
  bool visit_match(const ast::Match* statement);
  bool visit_pattern(const ast::Pattern* pattern, PatternContext& context);
  bool pattern_subpattern(const ast::Pattern* pattern, PatternContext& context);
  bool pattern_as(const ast::MatchAs* pattern, PatternContext& context);
  bool pattern_value(const ast::Pattern* pattern, PatternContext& context);
  bool pattern_singleton(const ast::MatchSingleton* pattern, PatternContext& context);
  bool pattern_sequence(const ast::MatchSequence* pattern, PatternContext& context);
  bool pattern_mapping(const ast::MatchMapping* pattern, PatternContext& context);
  bool pattern_class(const ast::MatchClass* pattern, PatternContext& context);
  bool pattern_or(const ast::MatchOr* pattern, PatternContext& context);
  bool pattern_helper_store_name(const std::string* name, const ast::Location& location,
                                 PatternContext& context);
  bool pattern_helper_sequence_unpack(const std::vector<ast::Pattern*>& patterns, int star,
                                      PatternContext& context);
  bool pattern_helper_sequence_subscript(const std::vector<ast::Pattern*>& patterns,
                                         int star, PatternContext& context);
  void jump_to_fail_pop(PatternContext& context, Opcode opcode);
  void emit_and_reset_fail_pop(PatternContext& context);
  void ensure_fail_pop(PatternContext& context, size_t count);
  bool validate_kwd_attrs(const std::vector<std::string>& attrs,
                          const std::vector<ast::Pattern*>& patterns);

  SymbolTable& table_;
  Ref<Str> filename_;                               // co_filename
  std::vector<std::unique_ptr<CompilerUnit>> units_;  // the unit stack, innermost last
  CompilerUnit* unit_ = nullptr;                    // units_.back()
  std::optional<ScopeError> error_;                 // the first error
  bool recursion_error_ = false;                    // error_ is CPython's RecursionError
  std::vector<std::pair<std::string, int32_t>> warnings_;  // SyntaxWarnings, in order
  int depth_ = 0;                                   // nesting of visits (recursion guard)
  // The last pattern visited: where CPython reports "alternative patterns bind different
  // names" (its current location when the alternatives are compared).
  ast::Location last_pattern_location_;
};

// The py::BinaryOp of an AST operator.
BinaryOp binary_operator(ast::BinaryOperator op);

// Assembles a finished unit into a Code object (assembler.cpp): lays out the blocks,
// resolves jumps, computes stack and block depths. Null with an internal error message in
// `*error` if the flow graph is inconsistent (a compiler bug).
Ref<Code> assemble(CompilerUnit& unit, Str* filename, uint32_t flags, std::string* error);

// The value stack effect of an instruction; `jump` selects the branch taken (for jumps and
// handler setups) over falling through.
int stack_effect(Opcode opcode, uint32_t argument, bool jump);

}  // namespace py
