// Scope analysis: which names of each function, class, lambda, comprehension and the
// module are local, global, free or cell variables — CPython 3.11's symtable.c, pass for
// pass, so the compiler picks the same LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME
// CPython would and rejects the same programs with the same messages and positions.
//
// Design decision: two passes as CPython does. The first walks the AST once, opening one
// Scope per scope-making node and recording, per name, how it is used (flags below,
// CPython's DEF_* values so they compare directly with `symtable` recordings). The second
// (analyze) resolves each name's scope top-down with the sets of names bound and declared
// global in enclosing scopes, and bottom-up with the names free in children, marking cells
// and the implicit __class__ cell of classes whose methods use super() or __class__.
// Names are mangled (`__x` in class C → `_C__x`) before they are recorded, as CPython does.
// The cost: scopes are found by AST node pointer in a hash map, and symbols live in an
// insertion-ordered vector plus an index map (CPython's dict), a few allocations a name.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/py/syntax/ast.hpp"

namespace py {

// CPython's block types.
enum class ScopeKind : uint8_t { module, function, class_body };

// What a comprehension scope is (CPython's ste_comprehension), for messages.
enum class ComprehensionKind : uint8_t { none, list, set, dict, generator };

// A resolved name's scope (CPython's LOCAL ... CELL values).
enum class NameScope : uint8_t {
  unresolved = 0,
  local = 1,
  global_explicit = 2,
  global_implicit = 3,
  free = 4,
  cell = 5,
};

// How a name is used in a scope: CPython's DEF_* flags, same values.
enum SymbolFlags : uint32_t {
  symbol_global = 1,                    // `global x`
  symbol_local = 2,                     // assigned, deleted, a target
  symbol_parameter = 4,                 // a parameter
  symbol_nonlocal = 8,                  // `nonlocal x`
  symbol_used = 16,                     // read
  symbol_free = 32,                     // (unused by 3.11's analysis; kept for the values)
  symbol_free_class = 64,               // free in a method, also bound in this class
  symbol_imported = 128,                // bound by import
  symbol_annotated = 256,               // `x: T` in this scope
  symbol_comprehension_iterator = 512,  // a comprehension's `for` target
  symbol_bound = symbol_local | symbol_parameter | symbol_imported,
};

struct Symbol {
  std::string name;                         // mangled name
  uint32_t flags = 0;                       // SymbolFlags
  NameScope scope = NameScope::unresolved;  // set by the analysis
};

// Where a directive (global, nonlocal, or a walrus binding outward) was, for errors the
// analysis finds later.
struct Directive {
  std::string name;
  ast::Location location;
};

// One scope: CPython's PySTEntryObject.
struct Scope {
  ScopeKind kind = ScopeKind::module;
  std::string name;                  // "top", the def/class name, "lambda", "listcomp"...
  ast::Location location;            // of the node that opened it
  std::vector<Symbol> symbols;       // in order of first mention
  std::unordered_map<std::string, size_t> symbol_index;  // name → index in symbols
  std::vector<std::string> parameters;  // ste_varnames: posonly, args, kwonly, *a, **k
  std::vector<Scope*> children;         // in source order (owned by the SymbolTable)
  std::vector<Directive> directives;    // global/nonlocal/walrus declarations
  ComprehensionKind comprehension = ComprehensionKind::none;
  bool nested = false;               // inside a function (directly or not)
  bool is_generator = false;         // contains yield (or is a generator expression)
  bool is_coroutine = false;         // async def, or uses await / async comprehension
  bool has_varargs = false;          // *args
  bool has_varkeywords = false;      // **kwargs
  bool has_free = false;             // has free variables itself
  bool child_has_free = false;       // some child scope has free variables
  bool needs_class_closure = false;  // class body: a method uses __class__ or super()
  // Nesting counters of the first pass (CPython's ste_comp_iter_target / _expr).
  bool visiting_comprehension_target = false;
  int visiting_comprehension_iterable = 0;

  // The symbol for (already mangled) `name`, or null.
  const Symbol* find(std::string_view name) const;
  // Its flags, 0 when the name is unknown here.
  uint32_t flags_of(std::string_view name) const;
  // Its resolved scope; unresolved when the name is unknown here.
  NameScope scope_of(std::string_view name) const;
};

// A scope error: CPython's message and the span it points at (byte columns, 0-based).
struct ScopeError {
  std::string message;
  ast::Location location;
  bool recursion_error = false;  // CPython raises RecursionError, not SyntaxError
};

// How deep statements and expressions may nest before compiling stops with CPython's
// RecursionError "maximum recursion depth exceeded during compilation" (CPython's limit is
// 3 × the recursion limit of 1000 C-level visits).
constexpr int kMaxCompileNesting = 3000;
constexpr const char* kCompileRecursionMessage =
    "maximum recursion depth exceeded during compilation";

class SymbolTable {
 public:
  // Builds and analyzes the scopes of `module`. On the first error CPython would raise,
  // returns null and sets `*error`.
  static std::unique_ptr<SymbolTable> build(const ast::Module& module, ScopeError* error);

  // The module's scope.
  Scope* top() const { return top_; }
  // The scope opened by a FunctionDef, ClassDef, Lambda or comprehension node; null for
  // any other node.
  Scope* scope_of(const void* node) const;
  // Every scope, the module first, then in the order they were opened.
  const std::vector<std::unique_ptr<Scope>>& scopes() const { return scopes_; }

 private:
  friend class SymbolTableBuilder;
  std::vector<std::unique_ptr<Scope>> scopes_;           // owns every scope
  std::unordered_map<const void*, Scope*> scope_by_node_; // AST node → its scope
  Scope* top_ = nullptr;                                  // the module's scope
};

// CPython's _Py_Mangle: `__name` inside class `class_name` → `_ClassName__name` (names
// ending in "__", dotted names, and classes named only underscores stay as they are).
std::string mangle(std::string_view class_name, std::string_view name);

}  // namespace py
