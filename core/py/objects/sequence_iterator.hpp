// The iterator over an object that has __getitem__ but no __iter__ (CPython's `iterator`
// type): it calls obj[0], obj[1], ... until IndexError or StopIteration. list and tuple
// iterate through it too, read directly by index.
#pragma once

#include <cstdint>

#include "core/py/objects/object.hpp"

namespace py {

struct SequenceIterator : Object {
  Ref<> sequence;     // the object being indexed; null once exhausted
  int64_t index = 0;  // the next index to ask for
};

extern Type sequence_iterator_type;

// iter(sequence) for a __getitem__-only object; null with MemoryError.
Ref<> make_sequence_iterator(Object* sequence);

// Readies `iterator` (ready_object_model_types calls it).
int ready_sequence_iterator_type();

}  // namespace py
