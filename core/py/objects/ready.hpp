// Readying the builtin types for a run. Builtin Types are static objects, but their
// dicts, MROs and interned names are heap objects of a run, so each run readies them
// (py::Interpreter calls ready_all_types() once the Runtime exists) and forgets them at its
// end (forget_all_types(), before the run's heap is torn down).
//
// Each component that defines builtin types provides one ready function that calls
// ready_type() (type.hpp) on each of its types and installs their methods. The order
// below is the order they run in: object and type first, everything else after.
#pragma once

namespace py {

struct Type;

void ready_object_model_types();  // objects/type.cpp: type, object, NoneType, NotImplementedType,
                                  // ellipsis, module, builtin functions, descriptors, super
void ready_number_types();        // objects/int.cpp, float.cpp: int, bool, float
void ready_text_types();          // objects/str.cpp, bytes.cpp: str, bytes, their iterators
void ready_container_types();     // objects/list.cpp ...: tuple, list, dict (+views), set,
                                  // frozenset, range, slice, iterators, enumerate, zip,
                                  // map, filter, reversed
void ready_exception_types();     // objects/exceptions.cpp: the whole hierarchy
void ready_code_types();          // compiler/code.cpp: code
void ready_vm_types();            // vm/: function, method, cell, frame, traceback,
                                  // generator, coroutine, async generator

// Calls every function above, in order.
void ready_all_types();
// Drops every readied static type's dict, MRO and bases (end of a run): they are heap
// objects, freed with the rest of the run's heap.
void forget_all_types();
// Called by ready_type() (type.hpp) for each static type it readies, so that
// forget_all_types() knows it.
void note_readied_type(Type& type);

}  // namespace py
