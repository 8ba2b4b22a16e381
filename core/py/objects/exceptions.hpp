// Exception objects. Every builtin exception class shares one layout, BaseException;
// class-specific attributes (StopIteration.value, SystemExit.code, KeyError's key in args,
// NameError.name, SyntaxError's lineno/offset/text, ExceptionGroup's exceptions) are kept
// in the instance __dict__ by the classes' __init__, so one layout serves the whole
// hierarchy and user subclasses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

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
  // What CPython's traceback would keep alive with the frame of a library function written
  // in Python that raised it, freed with the exception: asyncio.run()'s refused coroutine.
  Ref<> kept_alive;
};

#define X(cpp_name, python_name, base) extern Type cpp_name##_type;
#include "core/py/objects/exception_kinds.hpp"
#undef X

// Any exception instance: every exception class shares BaseException's layout.
inline BaseException* as_exception(Object* object) { return static_cast<BaseException*>(object); }

inline bool is_exception(const Object* object) {
  return object->type->flags & type_flag_exception_subclass;
}

// An instance of `type` with the given args (a tuple), through the class's __new__ and
// __init__ so user subclasses work; null on error.
Ref<> make_exception(Type& type, Ref<Tuple> args);

// "Type: message" as the last line of a traceback shows it (str() of the exception after
// the qualified class name, prefixed by its module unless that is __main__ or builtins;
// only the name when str() is empty), followed by the lines of its __notes__, as
// traceback.py's format_exception_only. KeyError's str is the repr of its key.
// `message_suffix` goes right after the message (". Did you mean: 'x'?").
std::string format_exception_line(Object* exception, std::string_view message_suffix = {});

// Raises NameError("name 'x' is not defined") with its `name` attribute set (3.11's
// traceback suggests a close name from it). Returns null.
std::nullptr_t raise_name_error(Str* name);
// Raises `type` (ImportError or ModuleNotFoundError) with `message` and its `name`
// attribute set. Returns null.
std::nullptr_t raise_import_error(Type& type, std::string_view message, Object* name);

// Readying helpers of ready_exception_types(): the per-class __init__/__str__ and fields
// (exception_attributes.cpp), and BaseExceptionGroup/ExceptionGroup (exception_group.cpp;
// -1 on MemoryError).
void install_exception_attributes();
int install_exception_group();

}  // namespace py
