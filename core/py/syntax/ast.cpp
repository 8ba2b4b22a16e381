// The arena and the names of AST kinds and operators (core/py/syntax/ast.hpp).
#include "core/py/syntax/ast.hpp"

namespace py::ast {

namespace {
constexpr size_t kChunkSize = 64 * 1024;  // bytes per arena chunk (bigger requests get their own)
}  // namespace

Arena::~Arena() {
  for (size_t i = destructors_.size(); i-- > 0;) destructors_[i].destroy(destructors_[i].object);
}

void* Arena::allocate(size_t size, size_t alignment) {
  auto address = reinterpret_cast<uintptr_t>(cursor_);
  uintptr_t aligned = (address + alignment - 1) & ~(uintptr_t{alignment} - 1);
  if (cursor_ == nullptr || aligned + size > reinterpret_cast<uintptr_t>(chunk_end_)) {
    size_t chunk_size = size + alignment > kChunkSize ? size + alignment : kChunkSize;
    chunks_.push_back(std::unique_ptr<std::byte[]>(new std::byte[chunk_size]));  // not zeroed
    cursor_ = chunks_.back().get();
    chunk_end_ = cursor_ + chunk_size;
    address = reinterpret_cast<uintptr_t>(cursor_);
    aligned = (address + alignment - 1) & ~(uintptr_t{alignment} - 1);
  }
  cursor_ = reinterpret_cast<std::byte*>(aligned + size);
  bytes_used_ += size;
  return reinterpret_cast<void*>(aligned);
}

const char* name_of(ExprContext context) {
  static const char* const names[] = {"Load", "Store", "Del"};
  return names[static_cast<int>(context)];
}

const char* name_of(BooleanOperator op) {
  static const char* const names[] = {"And", "Or"};
  return names[static_cast<int>(op)];
}

const char* name_of(BinaryOperator op) {
  static const char* const names[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",
                                      "Mod",    "Pow",    "LShift", "RShift", "BitOr",
                                      "BitXor", "BitAnd", "FloorDiv"};
  return names[static_cast<int>(op)];
}

const char* name_of(UnaryOperator op) {
  static const char* const names[] = {"Invert", "Not", "UAdd", "USub"};
  return names[static_cast<int>(op)];
}

const char* name_of(CompareOperator op) {
  static const char* const names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                      "GtE", "Is", "IsNot", "In", "NotIn"};
  return names[static_cast<int>(op)];
}

const char* name_of(ExprKind kind) {
  static const char* const names[] = {
      "BoolOp",    "NamedExpr", "BinOp",     "UnaryOp",      "Lambda",   "IfExp",
      "Dict",      "Set",       "ListComp",  "SetComp",      "DictComp", "GeneratorExp",
      "Await",     "Yield",     "YieldFrom", "Compare",      "Call",     "FormattedValue",
      "JoinedStr", "Constant",  "Attribute", "Subscript",    "Starred",  "Name",
      "List",      "Tuple",     "Slice"};
  return names[static_cast<int>(kind)];
}

const char* name_of(StmtKind kind) {
  static const char* const names[] = {
      "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete",   "Assign",
      "AugAssign",   "AnnAssign",        "For",      "AsyncFor", "While",  "If",
      "With",        "AsyncWith",        "Match",    "Raise",  "Try",      "TryStar",
      "Assert",      "Import",           "ImportFrom", "Global", "Nonlocal", "Expr",
      "Pass",        "Break",            "Continue"};
  return names[static_cast<int>(kind)];
}

const char* name_of(PatternKind kind) {
  static const char* const names[] = {"MatchValue", "MatchSingleton", "MatchSequence",
                                      "MatchMapping", "MatchClass",   "MatchStar",
                                      "MatchAs",      "MatchOr"};
  return names[static_cast<int>(kind)];
}

}  // namespace py::ast
