// The iterators that walk a sequence by index: `iterator`, over an object that has
// __getitem__ but no __iter__ (it calls obj[0], obj[1], ... until IndexError or
// StopIteration; list and tuple iterate through it too, read directly by index), and
// `reversed`, which walks obj[len-1] down to obj[0].
#pragma once

#include <cstdint>

#include "core/py/objects/object.hpp"

namespace py {

struct SequenceIterator : Object {
  Ref<> sequence;     // the object being indexed; null once exhausted
  int64_t index = 0;  // the next index to ask for
};

extern Type sequence_iterator_type;
extern Type reversed_type;  // the builtin `reversed`

// iter(sequence) for a __getitem__-only object; null with MemoryError.
Ref<> make_sequence_iterator(Object* sequence);

// reversed(sequence): sequence.__reversed__() when the class defines it, else an iterator
// from len(sequence)-1 down to 0; TypeError "'set' object is not reversible" for objects
// that are no sequence.
Ref<> make_reversed(Object* sequence);

// Readies `iterator` and `reversed` (ready_object_model_types calls it).
int ready_sequence_iterator_type();

}  // namespace py
