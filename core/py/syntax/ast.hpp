// The abstract syntax tree of Python 3.11: the nodes and fields of CPython's
// Parser/Python.asdl (what `ast.parse` returns), as C++ structs.
//
// Design decision: one plain struct per node kind, deriving from one of three bases (Expr,
// Stmt, Pattern) that carries a `kind` enum and the source position; children are plain
// pointers and std::vectors of pointers; identifiers and literal values are std::strings.
// Every node lives in the Arena of the parse result, which frees them all at once, so
// nodes have no owners, no reference counts and no virtual functions. The compiler
// switches on `kind` and casts with `as<T>()`. The cost: nodes own std::vectors and
// std::strings (one allocation each, freed by the arena's destructor list), and a cast to
// the wrong struct is only caught by an assert.
//
// Kinds and field names are CPython's, so the compiler reads like CPython's compile.c and
// ast_dump.cpp prints exactly `ast.dump(tree)`. Where C++ needs a different spelling:
//   - A statement kind that differs from another only in being async (AsyncFunctionDef,
//     AsyncFor, AsyncWith) or starred (TryStar), or Nonlocal (same field as Global), shares
//     that kind's struct: `kind` tells them apart (AsyncFunctionDef is a FunctionDef whose
//     kind is StmtKind::AsyncFunctionDef). Aliases (`using AsyncFor = For`) keep the names.
//   - The expression statement (StmtKind::Expr) is struct ExprStmt: `Expr` is the base.
//   - Constant.kind ('u' for a u"..." string, else None) is `bool u_prefix`, because `kind`
//     is the node kind. Optional identifiers (alias.asname, keyword.arg, ImportFrom.module,
//     ExceptHandler.name, MatchAs/MatchStar.name, MatchMapping.rest) are a std::string with
//     a has_* flag for CPython's None.
//   - type_comment fields and Module.type_ignores are left out: they are only filled in
//     by ast.parse(type_comments=True), never by compile().
//   - The operator enums are BooleanOperator (boolop), BinaryOperator (operator),
//     UnaryOperator (unaryop), CompareOperator (cmpop), ExprContext (expr_context); their
//     enumerators are CPython's names (Add, USub, NotIn, Load...).
//
// Positions are CPython's: lineno/end_lineno 1-based, col_offset/end_col_offset 0-based
// UTF-8 byte offsets in the line, end exclusive. comprehension, arguments, withitem and
// match_case have no position in CPython either.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace py::ast {

// --- Arena ---------------------------------------------------------------------------------

// Owns every node of one parse. make<T>() returns a pointer valid until the arena dies.
class Arena {
public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  // A new T built from `args`, owned by this arena.
  template <class T, class... Args>
  T* make(Args&&... args) {
    void* memory = allocate(sizeof(T), alignof(T));
    T* object = new (memory) T(static_cast<Args&&>(args)...);
    if constexpr (!std::is_trivially_destructible_v<T>) {
      destructors_.push_back({object, [](void* pointer) { static_cast<T*>(pointer)->~T(); }});
    }
    return object;
  }

  // Bytes handed out so far (for measurements).
  size_t bytes_used() const { return bytes_used_; }

private:
  struct Destructor {
    void* object;                // the node to destroy
    void (*destroy)(void*);      // calls its destructor
  };
  void* allocate(size_t size, size_t alignment);

  std::vector<std::unique_ptr<std::byte[]>> chunks_;  // memory blocks, oldest first
  std::byte* cursor_ = nullptr;                        // next free byte in the newest chunk
  std::byte* chunk_end_ = nullptr;                     // end of the newest chunk
  size_t bytes_used_ = 0;                              // sum of sizes handed out
  std::vector<Destructor> destructors_;                // run in reverse order by ~Arena
};

// --- Operators and contexts ----------------------------------------------------------------

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BooleanOperator : uint8_t { And, Or };
enum class BinaryOperator : uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };
enum class CompareOperator : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// CPython's class names: "Load", "And", "Add", "USub", "NotIn".
const char* name_of(ExprContext context);
const char* name_of(BooleanOperator op);
const char* name_of(BinaryOperator op);
const char* name_of(UnaryOperator op);
const char* name_of(CompareOperator op);

// --- Positions and bases -------------------------------------------------------------------

// Where a node is in the source (CPython's _attributes).
struct Location {
  int32_t lineno = 0;          // 1-based first line
  int32_t col_offset = 0;      // 0-based byte column of the first byte
  int32_t end_lineno = 0;      // 1-based last line
  int32_t end_col_offset = 0;  // byte column just past the last byte
};

enum class ExprKind : uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice
};
enum class StmtKind : uint8_t {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For,
  AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, TryStar, Assert, Import,
  ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue
};
enum class PatternKind : uint8_t {
  MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs,
  MatchOr
};

// CPython's class names: "BinOp", "AsyncFor", "MatchAs".
const char* name_of(ExprKind kind);
const char* name_of(StmtKind kind);
const char* name_of(PatternKind kind);

// The base of every expression node. `as<T>()` casts to the struct of `kind`.
struct Expr : Location {
  explicit Expr(ExprKind kind) : kind(kind) {}
  ExprKind kind;  // which struct this is
  template <class T> T* as() {
    assert(T::matches(kind));
    return static_cast<T*>(this);
  }
  template <class T> const T* as() const {
    assert(T::matches(kind));
    return static_cast<const T*>(this);
  }
};

struct Stmt : Location {
  explicit Stmt(StmtKind kind) : kind(kind) {}
  StmtKind kind;  // which struct this is (several kinds share one, see the top)
  template <class T> T* as() {
    assert(T::matches(kind));
    return static_cast<T*>(this);
  }
  template <class T> const T* as() const {
    assert(T::matches(kind));
    return static_cast<const T*>(this);
  }
};

struct Pattern : Location {
  explicit Pattern(PatternKind kind) : kind(kind) {}
  PatternKind kind;  // which struct this is
  template <class T> T* as() {
    assert(T::matches(kind));
    return static_cast<T*>(this);
  }
  template <class T> const T* as() const {
    assert(T::matches(kind));
    return static_cast<const T*>(this);
  }
};

// Declares the node's kind: its constructor sets it, matches() checks a cast.
#define PY_AST_KIND(Base, Name)                                     \
  Name() : Base(Base##Kind::Name) {}                                \
  static bool matches(Base##Kind kind) { return kind == Base##Kind::Name; }
// For a struct two kinds share: the constructor takes which one.
#define PY_AST_KIND2(Base, Name, Other)                             \
  explicit Name(Base##Kind kind = Base##Kind::Name) : Base(kind) {} \
  static bool matches(Base##Kind kind) {                            \
    return kind == Base##Kind::Name || kind == Base##Kind::Other;   \
  }

// --- Helper nodes --------------------------------------------------------------------------

struct arg : Location {
  std::string arg;             // the parameter's name
  Expr* annotation = nullptr;  // `x: int`, or null
};

// A function's or lambda's parameters, in CPython's layout.
struct arguments {
  std::vector<arg*> posonlyargs;   // before `/`
  std::vector<arg*> args;          // positional-or-keyword
  arg* vararg = nullptr;           // *args, or null
  std::vector<arg*> kwonlyargs;    // after `*` or *args
  std::vector<Expr*> kw_defaults;  // one per kwonlyargs entry; null where it has none
  arg* kwarg = nullptr;            // **kwargs, or null
  std::vector<Expr*> defaults;     // defaults of the LAST len(defaults) of posonlyargs+args
};

// `name=value` in a call or class bases, or `**value` (arg empty, has_arg false).
struct keyword : Location {
  bool has_arg = false;  // false for `**value` (CPython's arg None)
  std::string arg;       // the keyword's name when has_arg
  Expr* value = nullptr;
};

// One name of an import: `name` or `name as asname` (name may be dotted, or "*").
struct alias : Location {
  std::string name;
  bool has_asname = false;  // false: CPython's asname None
  std::string asname;
};

// One `for target in iter if ...` clause of a comprehension.
struct comprehension {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  std::vector<Expr*> ifs;
  bool is_async = false;  // `async for` (CPython stores 0/1)
};

struct ExceptHandler : Location {
  Expr* type = nullptr;    // the matched exception expression, or null for a bare except
  bool has_name = false;   // `except E as name`
  std::string name;
  std::vector<Stmt*> body;
};

struct withitem {
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;  // the `as` target, or null
};

struct match_case {
  Pattern* pattern = nullptr;
  Expr* guard = nullptr;  // `if guard`, or null
  std::vector<Stmt*> body;
};

// --- Expressions ---------------------------------------------------------------------------

struct BoolOp : Expr {
  PY_AST_KIND(Expr, BoolOp)
  BooleanOperator op = BooleanOperator::And;
  std::vector<Expr*> values;  // two or more; `a and b and c` is one BoolOp
};
struct NamedExpr : Expr {
  PY_AST_KIND(Expr, NamedExpr)
  Expr* target = nullptr;  // a Name (Store)
  Expr* value = nullptr;
};
struct BinOp : Expr {
  PY_AST_KIND(Expr, BinOp)
  Expr* left = nullptr;
  BinaryOperator op = BinaryOperator::Add;
  Expr* right = nullptr;
};
struct UnaryOp : Expr {
  PY_AST_KIND(Expr, UnaryOp)
  UnaryOperator op = UnaryOperator::Not;
  Expr* operand = nullptr;
};
struct Lambda : Expr {
  PY_AST_KIND(Expr, Lambda)
  arguments* args = nullptr;
  Expr* body = nullptr;
};
struct IfExp : Expr {
  PY_AST_KIND(Expr, IfExp)
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};
struct Dict : Expr {
  PY_AST_KIND(Expr, Dict)
  std::vector<Expr*> keys;    // null for a `**mapping` entry
  std::vector<Expr*> values;  // same length as keys
};
struct Set : Expr {
  PY_AST_KIND(Expr, Set)
  std::vector<Expr*> elts;
};
struct ListComp : Expr {
  PY_AST_KIND(Expr, ListComp)
  Expr* elt = nullptr;
  std::vector<comprehension*> generators;
};
struct SetComp : Expr {
  PY_AST_KIND(Expr, SetComp)
  Expr* elt = nullptr;
  std::vector<comprehension*> generators;
};
struct DictComp : Expr {
  PY_AST_KIND(Expr, DictComp)
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<comprehension*> generators;
};
struct GeneratorExp : Expr {
  PY_AST_KIND(Expr, GeneratorExp)
  Expr* elt = nullptr;
  std::vector<comprehension*> generators;
};
struct Await : Expr {
  PY_AST_KIND(Expr, Await)
  Expr* value = nullptr;
};
struct Yield : Expr {
  PY_AST_KIND(Expr, Yield)
  Expr* value = nullptr;  // null for a bare `yield`
};
struct YieldFrom : Expr {
  PY_AST_KIND(Expr, YieldFrom)
  Expr* value = nullptr;
};
// `left op1 c1 op2 c2 ...`: ops and comparators have the same length.
struct Compare : Expr {
  PY_AST_KIND(Expr, Compare)
  Expr* left = nullptr;
  std::vector<CompareOperator> ops;
  std::vector<Expr*> comparators;
};
struct Call : Expr {
  PY_AST_KIND(Expr, Call)
  Expr* func = nullptr;
  std::vector<Expr*> args;  // positional arguments, Starred for *iterable
  std::vector<keyword*> keywords;
};
// One replacement field of an f-string: {value!conversion:format_spec}.
struct FormattedValue : Expr {
  PY_AST_KIND(Expr, FormattedValue)
  Expr* value = nullptr;
  int32_t conversion = -1;        // -1 none, else 's', 'r' or 'a' (CPython's int)
  Expr* format_spec = nullptr;    // a JoinedStr, or null
};
// An f-string (after implicit concatenation): Constant str parts and FormattedValues.
struct JoinedStr : Expr {
  PY_AST_KIND(Expr, JoinedStr)
  std::vector<Expr*> values;
};

// The value of a Constant.
struct ConstantValue {
  enum class Kind : uint8_t {
    None, True, False, Ellipsis,
    Int,     // fits int64_t: int_value
    BigInt,  // does not: text holds the digits in base int_base (below)
    Float,   // float_value
    Str,     // text: UTF-8 with escapes decoded (a lone surrogate from "\ud800" is encoded
             // as its 3-byte generalized UTF-8 sequence, as Python's "surrogatepass")
    Bytes,   // text: the raw bytes
  };
  Kind kind = Kind::None;
  int64_t int_value = 0;  // Int
  double float_value = 0; // Float: the literal correctly rounded (strtod)
  // BigInt: the literal's digits in its own base, without prefix, underscores or leading
  // zeros ("ffffffffffffffffff" for 0xFFFF_FFFF_FFFF_FFFF_FF), for BigInt::parse_digits.
  int32_t int_base = 10;
  std::string text;  // Str, Bytes, BigInt
};
struct Constant : Expr {
  PY_AST_KIND(Expr, Constant)
  ConstantValue value;
  bool u_prefix = false;  // CPython's Constant.kind == 'u' (a u"..." literal first)
};
struct Attribute : Expr {
  PY_AST_KIND(Expr, Attribute)
  Expr* value = nullptr;
  std::string attr;
  ExprContext ctx = ExprContext::Load;
};
struct Subscript : Expr {
  PY_AST_KIND(Expr, Subscript)
  Expr* value = nullptr;
  Expr* slice = nullptr;  // an expression, a Slice, or a Tuple of them
  ExprContext ctx = ExprContext::Load;
};
struct Starred : Expr {
  PY_AST_KIND(Expr, Starred)
  Expr* value = nullptr;
  ExprContext ctx = ExprContext::Load;
};
struct Name : Expr {
  PY_AST_KIND(Expr, Name)
  std::string id;
  ExprContext ctx = ExprContext::Load;
};
struct List : Expr {
  PY_AST_KIND(Expr, List)
  std::vector<Expr*> elts;
  ExprContext ctx = ExprContext::Load;
};
struct Tuple : Expr {
  PY_AST_KIND(Expr, Tuple)
  std::vector<Expr*> elts;
  ExprContext ctx = ExprContext::Load;
};
// `lower:upper:step` inside a subscript; each part may be null.
struct Slice : Expr {
  PY_AST_KIND(Expr, Slice)
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// --- Statements ----------------------------------------------------------------------------

// FunctionDef and AsyncFunctionDef.
struct FunctionDef : Stmt {
  PY_AST_KIND2(Stmt, FunctionDef, AsyncFunctionDef)
  std::string name;
  arguments* args = nullptr;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
  Expr* returns = nullptr;  // `-> annotation`, or null
};
using AsyncFunctionDef = FunctionDef;

struct ClassDef : Stmt {
  PY_AST_KIND(Stmt, ClassDef)
  std::string name;
  std::vector<Expr*> bases;
  std::vector<keyword*> keywords;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
};
struct Return : Stmt {
  PY_AST_KIND(Stmt, Return)
  Expr* value = nullptr;  // null for a bare `return`
};
struct Delete : Stmt {
  PY_AST_KIND(Stmt, Delete)
  std::vector<Expr*> targets;  // in Del context
};
// `t1 = t2 = value`.
struct Assign : Stmt {
  PY_AST_KIND(Stmt, Assign)
  std::vector<Expr*> targets;
  Expr* value = nullptr;
};
struct AugAssign : Stmt {
  PY_AST_KIND(Stmt, AugAssign)
  Expr* target = nullptr;
  BinaryOperator op = BinaryOperator::Add;
  Expr* value = nullptr;
};
struct AnnAssign : Stmt {
  PY_AST_KIND(Stmt, AnnAssign)
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;  // null for a bare annotation `x: int`
  bool simple = false;    // target is a plain Name not in parentheses (CPython's 1/0)
};
// For and AsyncFor.
struct For : Stmt {
  PY_AST_KIND2(Stmt, For, AsyncFor)
  Expr* target = nullptr;
  Expr* iter = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
};
using AsyncFor = For;

struct While : Stmt {
  PY_AST_KIND(Stmt, While)
  Expr* test = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
};
// `elif` is an If alone in the orelse of the If before it.
struct If : Stmt {
  PY_AST_KIND(Stmt, If)
  Expr* test = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
};
// With and AsyncWith.
struct With : Stmt {
  PY_AST_KIND2(Stmt, With, AsyncWith)
  std::vector<withitem*> items;
  std::vector<Stmt*> body;
};
using AsyncWith = With;

struct Match : Stmt {
  PY_AST_KIND(Stmt, Match)
  Expr* subject = nullptr;
  std::vector<match_case*> cases;
};
struct Raise : Stmt {
  PY_AST_KIND(Stmt, Raise)
  Expr* exc = nullptr;    // null for a bare `raise`
  Expr* cause = nullptr;  // `from cause`, or null
};
// Try and TryStar (`except*`).
struct Try : Stmt {
  PY_AST_KIND2(Stmt, Try, TryStar)
  std::vector<Stmt*> body;
  std::vector<ExceptHandler*> handlers;
  std::vector<Stmt*> orelse;
  std::vector<Stmt*> finalbody;
};
using TryStar = Try;

struct Assert : Stmt {
  PY_AST_KIND(Stmt, Assert)
  Expr* test = nullptr;
  Expr* msg = nullptr;  // or null
};
struct Import : Stmt {
  PY_AST_KIND(Stmt, Import)
  std::vector<alias*> names;
};
struct ImportFrom : Stmt {
  PY_AST_KIND(Stmt, ImportFrom)
  bool has_module = false;  // false for `from . import x` (CPython's module None)
  std::string module;       // dotted name without the leading dots
  std::vector<alias*> names;
  int32_t level = 0;        // the number of leading dots
};
// Global and Nonlocal.
struct Global : Stmt {
  PY_AST_KIND2(Stmt, Global, Nonlocal)
  std::vector<std::string> names;
};
using Nonlocal = Global;

// An expression statement. (Named ExprStmt: `Expr` is the expression base.)
struct ExprStmt : Stmt {
  ExprStmt() : Stmt(StmtKind::Expr) {}
  static bool matches(StmtKind kind) { return kind == StmtKind::Expr; }
  Expr* value = nullptr;
};
struct Pass : Stmt {
  PY_AST_KIND(Stmt, Pass)
};
struct Break : Stmt {
  PY_AST_KIND(Stmt, Break)
};
struct Continue : Stmt {
  PY_AST_KIND(Stmt, Continue)
};

// --- Patterns ------------------------------------------------------------------------------

struct MatchValue : Pattern {
  PY_AST_KIND(Pattern, MatchValue)
  Expr* value = nullptr;  // a literal, a signed number, a complex sum, or a dotted name
};
// `None`, `True` or `False`.
struct MatchSingleton : Pattern {
  PY_AST_KIND(Pattern, MatchSingleton)
  ConstantValue value;  // kind None, True or False
};
struct MatchSequence : Pattern {
  PY_AST_KIND(Pattern, MatchSequence)
  std::vector<Pattern*> patterns;
};
struct MatchMapping : Pattern {
  PY_AST_KIND(Pattern, MatchMapping)
  std::vector<Expr*> keys;
  std::vector<Pattern*> patterns;  // one per key
  bool has_rest = false;           // `**rest`
  std::string rest;
};
struct MatchClass : Pattern {
  PY_AST_KIND(Pattern, MatchClass)
  Expr* cls = nullptr;  // a Name or Attribute
  std::vector<Pattern*> patterns;
  std::vector<std::string> kwd_attrs;
  std::vector<Pattern*> kwd_patterns;  // one per kwd_attrs entry
};
// `*name` or `*_` (has_name false) inside a sequence pattern.
struct MatchStar : Pattern {
  PY_AST_KIND(Pattern, MatchStar)
  bool has_name = false;
  std::string name;
};
// `pattern as name`, a capture `name` (pattern null), or the wildcard `_` (both absent).
struct MatchAs : Pattern {
  PY_AST_KIND(Pattern, MatchAs)
  Pattern* pattern = nullptr;
  bool has_name = false;
  std::string name;
};
struct MatchOr : Pattern {
  PY_AST_KIND(Pattern, MatchOr)
  std::vector<Pattern*> patterns;
};

#undef PY_AST_KIND
#undef PY_AST_KIND2

// --- Module --------------------------------------------------------------------------------

struct Module {
  std::vector<Stmt*> body;
};

}  // namespace py::ast
