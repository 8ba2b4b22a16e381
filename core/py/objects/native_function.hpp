// Functions and methods written in C++: `len`, `list.append`, `math.sqrt`.
//
// A type or module declares a table of NativeMethod rows; install_methods() turns each row
// into a descriptor in the type's dict (bound to the instance on attribute access, like a
// Python function) or a NativeFunction in the module's dict. Arguments arrive in the
// vectorcall shape (CallArgs); parse_arguments() checks them against a signature and
// raises CPython's TypeError texts.
#pragma once

#include <cstddef>
#include <initializer_list>

#include "core/py/objects/object.hpp"

namespace py {

// self: the bound instance (or the module / the class for class methods; null for static
// functions).
using NativeImplementation = Ref<> (*)(Object* self, CallArgs args);

enum class MethodKind : uint8_t {
  instance,  // bound to the instance (list.append)
  class_,    // bound to the class (dict.fromkeys, int.from_bytes)
  static_,   // not bound (str.maketrans)
};

struct NativeMethod {
  const char* name;                  // the attribute name
  NativeImplementation implementation;
  MethodKind kind = MethodKind::instance;
};

// A callable wrapping a NativeImplementation with its bound self (a builtin function, a
// bound builtin method, or an unbound method descriptor when `self` is null and `owner`
// set).
struct NativeFunction : Object {
  const NativeMethod* method = nullptr;  // static table row: name and implementation
  Ref<> self;                            // the bound object, or null
  Type* owner = nullptr;                 // the type defining it (for descriptors), or null
};

extern Type native_function_type;       // builtin_function_or_method
extern Type method_descriptor_type;     // an unbound NativeMethod in a type's dict

// A module-level function: `self` is passed to the implementation (may be null).
Ref<NativeFunction> make_native_function(const NativeMethod* method, Object* self);
// Puts a descriptor per row into `type`'s dict. `methods` ends with a row whose name is null.
void install_methods(Type& type, const NativeMethod* methods);

// Checks a native call's arguments against a signature and fills `out` (borrowed
// references; missing optional arguments are null).
//   names:     the parameter names in order (keyword-capable unless positional_only says so)
//   required:  how many leading parameters are required
//   positional_only: how many leading parameters cannot be passed by keyword
// Raises CPython's TypeError texts ("f() takes at most 2 arguments (3 given)",
// "f() missing required argument 'x' (pos 1)", "f() got an unexpected keyword argument
// 'y'", "f() takes no keyword arguments"). Returns false on error.
bool parse_arguments(const char* function_name, CallArgs args,
                     std::initializer_list<const char*> names, size_t required,
                     Object** out, size_t positional_only = 0);
// The common no-keywords check: exactly/at least/at most counts of positional arguments.
bool check_positional(const char* function_name, CallArgs args, size_t minimum, size_t maximum);

}  // namespace py
