// `iterator`: iteration by increasing indices over a __getitem__-only object, and over
// lists and tuples (read directly, without an index object per step).
#include "core/py/objects/sequence_iterator.hpp"

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type sequence_iterator_type = builtin_type<SequenceIterator>("iterator", 0);

Ref<> make_sequence_iterator(Object* sequence) {
  Ref<SequenceIterator> iterator = make_object<SequenceIterator>(&sequence_iterator_type);
  if (iterator) iterator->sequence = Ref<>::borrow(sequence);
  return iterator;
}

namespace {

Ref<> iterator_iter(Object* self) { return Ref<>::borrow(self); }

// IndexError and StopIteration from __getitem__ end the iteration (exhausted for good).
Ref<> iterator_next(Object* self) {
  auto* iterator = static_cast<SequenceIterator*>(self);
  Object* sequence = iterator->sequence.get();
  if (!sequence) return nullptr;
  // Exact lists and tuples are read directly (list and tuple iterate through this type).
  const std::vector<Ref<>>* items = nullptr;
  if (is_exact(sequence, list_type)) items = &static_cast<List*>(sequence)->items;
  if (is_exact(sequence, tuple_type)) items = &static_cast<Tuple*>(sequence)->items;
  if (items) {
    if (size_t(iterator->index) < items->size()) return (*items)[size_t(iterator->index++)];
    iterator->sequence = nullptr;
    return nullptr;
  }
  Ref<> index = make_int(iterator->index);
  if (!index) return nullptr;
  Ref<> item = get_item(iterator->sequence.get(), index.get());
  if (item) {
    ++iterator->index;
    return item;
  }
  if (exception_matches(index_error_type) || exception_matches(stop_iteration_type)) {
    clear_exception();
    iterator->sequence = nullptr;
  }
  return nullptr;
}

}  // namespace

int ready_sequence_iterator_type() {
  sequence_iterator_type.iter = iterator_iter;
  sequence_iterator_type.next = iterator_next;
  return ready_type(sequence_iterator_type);
}

}  // namespace py
