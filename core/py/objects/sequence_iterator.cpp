// `iterator`: iteration by increasing indices over a __getitem__-only object, and over
// lists and tuples (read directly, without an index object per step); `reversed`: the same
// walk downwards.
#include "core/py/objects/sequence_iterator.hpp"

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type sequence_iterator_type = builtin_type<SequenceIterator>("iterator", 0);
Type reversed_type = builtin_type<SequenceIterator>("reversed");

Ref<> make_sequence_iterator(Object* sequence) {
  Ref<SequenceIterator> iterator = make_object<SequenceIterator>(&sequence_iterator_type);
  if (iterator) iterator->sequence = Ref<>::borrow(sequence);
  return iterator;
}

namespace {

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

// The next item downwards; exhausted at index -1 or when __getitem__ raises IndexError or
// StopIteration (the sequence shrank).
Ref<> reversed_next(Object* self) {
  auto* iterator = static_cast<SequenceIterator*>(self);
  if (!iterator->sequence || iterator->index < 0) {
    iterator->sequence = nullptr;
    return nullptr;
  }
  Ref<> index = make_int(iterator->index);
  if (!index) return nullptr;
  Ref<> item = get_item(iterator->sequence.get(), index.get());
  if (item) {
    --iterator->index;
    return item;
  }
  if (exception_matches(index_error_type) || exception_matches(stop_iteration_type)) {
    clear_exception();
    iterator->sequence = nullptr;
  }
  return nullptr;
}

Ref<> reversed_new(Type*, CallArgs args) {
  if (args.keyword_count()) return raise(type_error_type, "reversed() takes no keyword arguments");
  if (args.count != 1)
    return raise_format(type_error_type, "reversed expected 1 argument, got {}", args.count);
  return make_reversed(args.values[0]);
}

std::nullptr_t raise_not_reversible(Object* sequence) {
  return raise_format(type_error_type, "'{}' object is not reversible", type_name(sequence->type));
}

}  // namespace

Ref<> make_reversed(Object* sequence) {
  if (Object* method = type_lookup(sequence->type, intern_borrowed("__reversed__"))) {
    if (is_none(method)) return raise_not_reversible(sequence);
    return call(method, {sequence});
  }
  // A sequence: __getitem__ and __len__, and not a mapping (CPython's PySequence_Check).
  if (!sequence->type->get_item || is_instance(sequence, dict_type))
    return raise_not_reversible(sequence);
  const int64_t size = length(sequence);
  if (size < 0) return nullptr;
  Ref<SequenceIterator> iterator = make_object<SequenceIterator>(&reversed_type);
  if (!iterator) return nullptr;
  iterator->sequence = Ref<>::borrow(sequence);
  iterator->index = size - 1;
  return iterator;
}

int ready_sequence_iterator_type() {
  sequence_iterator_type.iter = iterator_return_self;
  sequence_iterator_type.next = iterator_next;
  reversed_type.new_instance = reversed_new;
  reversed_type.iter = iterator_return_self;
  reversed_type.next = reversed_next;
  if (ready_type(reversed_type) < 0) return -1;
  return ready_type(sequence_iterator_type);
}

}  // namespace py
