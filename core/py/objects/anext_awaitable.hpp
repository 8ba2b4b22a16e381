// anext(iterator, default)'s awaitable (CPython's anext_awaitable): it drives the
// awaitable that __anext__() returned and, when that raises StopAsyncIteration, finishes
// with `default` instead (StopIteration(default)).
//
// Design: the object is its own __await__ iterator and forwards next/send/throw/close to
// the wrapped awaitable's __await__ iterator, so the VM's `await` drives it like any
// awaitable. Cost: one extra indirection per step of the awaited iterator.
#pragma once

#include "core/py/objects/object.hpp"

namespace py {

extern Type anext_awaitable_type;

// The awaitable for `anext(iterator, default_value)`, where `awaitable` is what
// type(iterator).__anext__ returned. Null on MemoryError.
Ref<> make_anext_awaitable(Object* awaitable, Object* default_value);

// Readies anext_awaitable (ready_iterator_types calls it). -1 on error.
int ready_anext_awaitable_type();

}  // namespace py
