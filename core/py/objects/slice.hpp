// slice objects (`a[1:5:2]`) and the index arithmetic every sequence shares.
//
// Design: a slice keeps its three bounds as arbitrary objects, as CPython does, and
// slice_indices() turns them into int64 positions for one sequence length (CPython's
// PySlice_Unpack + PySlice_AdjustIndices). Cost: each subscript re-reads the bounds through
// __index__; sequences of more than INT64_MAX items are out of reach anyway.
#pragma once

#include <cstdint>

#include "core/py/objects/object.hpp"

namespace py {

struct Slice : Object {
  Ref<> start;  // lower bound as written (None when omitted)
  Ref<> stop;   // upper bound as written (None when omitted)
  Ref<> step;   // stride as written (None when omitted)
};

extern Type slice_type;

inline bool is_slice(const Object* object) { return object->type == &slice_type; }

// slice(start, stop, step); null arguments become None. Null on allocation failure.
Ref<Slice> make_slice(Object* start, Object* stop, Object* step);

// For `slice` applied to a sequence of `length` items: the first index, the end (exclusive,
// may be -1 for backward slices), the stride and the number of items selected, with
// CPython's clamping. Raises ValueError "slice step cannot be zero" and TypeError "slice
// indices must be integers or None or have an __index__ method". False on error.
bool slice_indices(Object* slice, int64_t length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* count);

// Readies slice (ready_container_types calls it). -1 on error.
int ready_slice_type();

}  // namespace py
