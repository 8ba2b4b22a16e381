// The text of Python 3.11's ast.dump(tree) for our AST, so tests compare trees with what
// CPython's parser builds (tests/unit/test_parser.cpp) and `--dump-ast` style debugging
// reads like Python's.
//
// Design decision: one function per node family writing into one string, fields in
// CPython's order, optional fields left out when absent exactly as ast.dump does. The
// cost: the reprs of constants (str, bytes, float) are re-implemented here; non-ASCII
// characters count as printable except control, format, separator and surrogate ranges
// (no Unicode database), which matches CPython for the characters tests use.
#pragma once

#include <string>

#include "core/py/syntax/ast.hpp"

namespace py::ast {

// ast.dump(module) of CPython 3.11 (annotate_fields=True, no indent); with
// `include_attributes`, lineno/col_offset/end_lineno/end_col_offset too.
std::string dump(const Module& module, bool include_attributes = false);

// repr() of a float, as Python prints it: "0.1", "1e+16", "inf".
std::string float_repr(double value);

}  // namespace py::ast
