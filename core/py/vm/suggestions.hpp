// "Did you mean" for an uncaught NameError or AttributeError, as CPython 3.11's
// Python/suggestions.c: the closest name by a Levenshtein distance where a case change
// costs 1 and any other edit 2, within a third of the characters involved.
#pragma once

#include <string>

#include "core/py/objects/object.hpp"

namespace py {

// For a NameError: the closest of the failing frame's local variable names, then its
// globals, then the builtins. For an AttributeError: the closest of dir(obj). Empty when
// nothing is close enough or the exception carries no name. Never fails: errors while
// looking are cleared.
std::string suggest_similar_name(Object* exception);

}  // namespace py
