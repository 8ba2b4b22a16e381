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

// list[slice] (a new list); null on error. (list_methods.cpp)
Ref<> list_get_slice(List* list, Object* slice);
// list[slice] = value (value null: del list[slice]), extended slices included; -1 on error.
int list_assign_slice(List* list, Object* slice, Object* value);
// Fills `type`'s + * += *= slots and installs the methods beyond append/extend.
void install_list_operations(Type& type);

}  // namespace py
