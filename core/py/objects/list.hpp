// list: a mutable sequence over a vector of references.
#pragma once

#include <vector>

#include "core/py/objects/object.hpp"

namespace py {

struct List : Object {
  std::vector<Ref<>> items;  // the elements
};

extern Type list_type;

inline bool is_list(const Object* object) {
  return object->type == &list_type || (object->type->flags & type_flag_list_subclass);
}

Ref<List> make_list(std::vector<Ref<>> items = {});
// list.append; -1 on MemoryError.
int list_append(List* list, Object* item);
// list(iterable) into an existing list (list.extend); -1 on error.
int list_extend(List* list, Object* iterable);
// Sorts in place, stably, as list.sort(key=key, reverse=reverse) (key may be null).
int list_sort(List* list, Object* key, bool reverse);

// A new list holding the items of any iterable; null on error.
Ref<List> sequence_to_list(Object* iterable);

}  // namespace py
