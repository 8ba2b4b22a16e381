// What list and tuple share for slicing, `+` and `*`: CPython's sequence protocol
// (sq_concat, sq_repeat, subscript by slice) expressed over the vectors of references
// both types hold.
//
// Design: CPython tries a right operand's numeric slot (__radd__, __rmul__) before a
// sequence's concat/repeat; our types have one slot table, so the sequence's slot first
// offers the operation to the other operand's reflected slot and only then raises
// CPython's sequence message ("can only concatenate list (not \"tuple\") to list"). Cost:
// an extra slot call on the error path only.
#pragma once

#include <cstdint>
#include <vector>

#include "core/py/objects/object.hpp"

namespace py {

using Items = std::vector<Ref<>>;

// `count` items taken from `start` by `step` (as slice_indices computed them).
Items slice_items(const Items& items, int64_t start, int64_t step, int64_t count);

// Whether `count` more references fit under the run's heap cap; raises MemoryError (and
// returns false) when they do not, so `[0] * 2**62` fails cleanly.
bool check_item_budget(uint64_t count);

// The repetition count of `sequence * other` (negative counts are 0). Raises TypeError
// "can't multiply sequence by non-int of type 'float'" or OverflowError "cannot fit 'int'
// into an index-sized integer"; false on error.
bool repeat_count(Object* other, int64_t* count);

// `items` repeated `count` times, or false after MemoryError.
bool repeat_items(const Items& items, int64_t count, Items* out);

// The other operand's reflected `op` (its __radd__/__rmul__) when its type has the slot,
// else NotImplemented: what a sequence's slot asks before raising its own message.
Ref<> offer_reflected(Object* sequence, Object* other, BinaryOp op);

// 0 when `key` is no slice; 1 with the slice's positions filled; -1 on error.
int unpack_sequence_slice(Object* key, size_t length, int64_t* start, int64_t* step,
                          int64_t* count);

}  // namespace py
