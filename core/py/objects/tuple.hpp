// tuple: an immutable sequence. Also the shape of *args and of keyword-name lists.
#pragma once

#include <initializer_list>
#include <vector>

#include "core/py/objects/object.hpp"

namespace py {

struct Tuple : Object {
  std::vector<Ref<>> items;  // the elements; never resized after the tuple escapes
};

extern Type tuple_type;

inline bool is_tuple(const Object* object) {
  return object->type == &tuple_type || (object->type->flags & type_flag_tuple_subclass);
}

Ref<Tuple> make_tuple(std::vector<Ref<>> items);
Ref<Tuple> make_tuple(std::initializer_list<Object*> items);  // borrows and increfs each
// The empty tuple (shared).
Ref<Tuple> empty_tuple();

inline size_t tuple_size(const Tuple* tuple) { return tuple->items.size(); }

}  // namespace py
