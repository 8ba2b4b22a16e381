// Exception objects. Every builtin exception class shares one layout, BaseException;
// class-specific attributes (StopIteration.value, SystemExit.code, KeyError's key in args,
// NameError.name, SyntaxError's lineno/offset/text, ExceptionGroup's exceptions) are kept
// in the instance __dict__ by the classes' __init__, so one layout serves the whole
// hierarchy and user subclasses.
#pragma once

#include <string>

#include "core/py/objects/object.hpp"

namespace py {

struct BaseException : Object {
  Ref<Tuple> args;             // the constructor's positional arguments
  Ref<> traceback;             // __traceback__: the Traceback chain (vm), or null for None
  Ref<> cause;                 // __cause__ (raise ... from X), null for None
  Ref<> context;               // __context__: the exception being handled when raised
  bool suppress_context = false;  // __suppress_context__ (set by raise ... from)
  Ref<Dict> dict;              // __dict__: class-specific and user attributes; the
                               // Type's dict_offset points here
};

#define X(cpp_name, python_name, base) extern Type cpp_name##_type;
#include "core/py/objects/exception_kinds.hpp"
#undef X

inline bool is_exception(const Object* object) {
  return object->type->flags & type_flag_exception_subclass;
}

// An instance of `type` with the given args (a tuple), through the class's __new__ and
// __init__ so user subclasses work; null on error.
Ref<> make_exception(Type& type, Ref<Tuple> args);

// "Type: message" as the last line of a traceback shows it (str() of the exception after
// the qualified class name; only the name when str() is empty). KeyError's str is the
// repr of its key, as in CPython.
std::string format_exception_line(Object* exception);

}  // namespace py
