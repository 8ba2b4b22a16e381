// The builtin iterator types that wrap other iterables — enumerate, zip, map, filter —
// and iter(callable, sentinel)'s callable_iterator. All are lazy: each next() pulls one
// item from the wrapped iterators, as CPython's.
#pragma once

#include "core/py/objects/object.hpp"

namespace py {

extern Type enumerate_type;
extern Type zip_type;
extern Type map_type;
extern Type filter_type;
extern Type callable_iterator_type;

// iter(callable, sentinel): calls `callable` with no arguments until it returns a value
// equal to `sentinel` (or raises StopIteration). TypeError "iter(v, w): v must be callable".
Ref<> make_callable_iterator(Object* callable, Object* sentinel);

int ready_iterator_types();

}  // namespace py
