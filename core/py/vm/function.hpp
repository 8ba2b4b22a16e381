// Python functions, bound methods and cells (CPython's funcobject.c, classobject.c and
// cellobject.c), and binding a call's arguments to a function's parameters.
//
// Design: a Function is its Code plus the environment the code runs in (globals,
// builtins, defaults, closure). Binding writes the arguments straight into a new frame's
// fast locals, so a call costs one frame and no argument tuple; the VM's CALL fast path
// moves the caller's stack values without touching reference counts. Binding errors use
// CPython 3.11's messages. Cost: a function's attributes other than the fixed ones live in
// a __dict__ created on first use.
#pragma once

#include <string>

#include "core/py/objects/object.hpp"

namespace py {

struct Code;
struct Frame;

struct Function : Object {
  Code* code = nullptr;           // owned: __code__
  Dict* globals = nullptr;        // owned: __globals__
  Dict* builtins = nullptr;       // owned: the builtins namespace its frames see
  Tuple* defaults = nullptr;      // owned: __defaults__ (positional defaults), or null
  Dict* keyword_defaults = nullptr;  // owned: __kwdefaults__, or null
  Tuple* closure = nullptr;       // owned: __closure__ (a tuple of cells), or null
  Ref<> name;                     // __name__ (a str)
  Ref<> qualified_name;           // __qualname__ (a str)
  Ref<> module;                   // __module__ (globals' __name__ when made), or null
  Ref<> doc;                      // __doc__, or null for None
  Ref<> annotations;              // __annotations__ (a dict), or null until asked for
  Ref<Dict> dict;                 // __dict__ (user attributes, __wrapped__), or null
  bool plain = false;             // positional parameters only, no cells, not a generator:
                                  // a call passing exactly those skips the binder
                                  // (make_plain_call_frame)
};

// A function bound to an instance: calling it prepends `self` (classobject.c's method).
struct BoundMethod : Object {
  Ref<> function;  // __func__
  Ref<> self;      // __self__
};

// A closure variable shared between a function and its inner functions.
struct Cell : Object {
  Ref<> contents;  // cell_contents, or null when empty
};

extern Type function_type;
extern Type bound_method_type;
extern Type cell_type;

inline bool is_function(const Object* object) { return object->type == &function_type; }

// A function for `code` (MAKE_FUNCTION): qualname from `qualified_name`, __module__ from
// globals' __name__, __doc__ from the code's first constant when it is a str and the code
// is a function's. Borrowed arguments (each may be null except code and globals).
Ref<Function> make_function(Code* code, Dict* globals, Object* qualified_name,
                            Tuple* defaults, Dict* keyword_defaults, Tuple* closure,
                            Object* annotations);
Ref<BoundMethod> make_bound_method(Object* function, Object* self);
Ref<Cell> make_cell(Object* contents);

// A frame running `function` with `args` bound to its parameters (generator functions
// included: the caller decides what to do with the frame). Owns one reference. The
// arguments are borrowed (incref'd into the locals). Null with CPython's TypeError for a
// binding error ("f() missing 1 required positional argument: 'x'") or MemoryError.
Frame* bind_arguments(Function* function, CallArgs args);

// Like bind_arguments, but takes over the references of `values[0..count)` (the VM's
// stack): on success and on failure every one of them has been consumed.
Frame* bind_arguments_stealing(Function* function, Object** values, size_t count,
                               Tuple* keyword_names);

// Runs a class body — the function __build_class__ receives, taking no arguments — with
// `namespace_mapping` as its locals (CPython's __build_class__ evaluating the body). Returns
// the body's return value: the __class__ cell when a method uses super() or __class__,
// else None. Null with an exception.
Ref<> run_class_body(Object* body, Object* namespace_mapping);

// Runs `code` (a module-like code object: exec()/eval() of compiled source) with `globals`
// and `locals_mapping` (may be the same dict) in a nested dispatch loop; its value.
Ref<> run_code(Code* code, Dict* globals, Object* locals_mapping);

// How CPython's messages name a callable (_PyObject_FunctionStr): "__main__.f()",
// "__main__.C.m()", "print()"; "'int' object" when it has no __qualname__.
std::string function_description(Object* callable);

// Readies function, method and cell types.
int ready_function_types();

}  // namespace py
