// Raising and inspecting the current Python exception (DESIGN decision 5: exceptions are
// values). A failing function sets the runtime's current exception and returns null (or
// -1); the VM's unwinder takes it from there.
//
//   if (count < 0) return raise(value_error_type, "negative count");
//   return raise_format(type_error_type, "'{}' object is not iterable", type_name(t));
#pragma once

#include <string>
#include <string_view>

#include "core/py/objects/message_format.hpp"
#include "core/py/objects/object.hpp"

namespace py {

// Sets `exception` (an instance of a BaseException subclass) as the current exception,
// replacing any. Its __context__ is not set here (the VM does that when it raises).
void set_exception(Ref<> exception);

// Creates `type(message)` and sets it as the current exception. Always returns null, so
// `return raise(...)` works in functions returning Ref<> or a pointer.
std::nullptr_t raise(Type& type, std::string_view message);
// Raises `type()` with no arguments.
std::nullptr_t raise_empty(Type& type);

// Raises `type(format_message(format, args...))` (message_format.hpp).
template <class... Args>
std::nullptr_t raise_format(Type& type, std::string_view format, const Args&... args) {
  return raise(type, format_message(format, args...));
}

// MemoryError, raised without allocating (a preallocated instance).
std::nullptr_t raise_memory_error();

bool exception_pending();
// The current exception (borrowed), or null.
Object* current_exception();
// Removes and returns the current exception (null when none).
Ref<> take_exception();
void clear_exception();
// True when an exception is pending and is an instance of `type`.
bool exception_matches(const Type& type);

}  // namespace py
