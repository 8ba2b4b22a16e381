// set and frozenset: hash sets with CPython's probing, table sizes and growth
// (Objects/setobject.c), so `print({3, 1, 2})` and sets of strings iterate in CPython's
// order.
#pragma once

#include <cstdint>
#include <vector>

#include "core/py/objects/object.hpp"

namespace py {

struct SetEntry {
  int64_t hash = 0;  // hash(key), cached
  Ref<> key;         // null: empty slot; the dummy object: deleted slot
};

struct Set : Object {
  std::vector<SetEntry> table;  // open addressing; size a power of two (8 minimum)
  size_t used = 0;              // live keys
  size_t fill = 0;              // live + deleted slots
  int64_t cached_hash = -1;     // frozenset's hash once computed
};

extern Type set_type;
extern Type frozenset_type;

inline bool is_set_or_frozenset(const Object* object) {
  return is_instance(object, set_type) || is_instance(object, frozenset_type);
}

Ref<Set> make_set();
Ref<Set> make_frozenset();
int set_add(Set* set, Object* key);       // -1 on error
int set_contains(Set* set, Object* key);  // 0, 1 or -1
int set_discard(Set* set, Object* key);   // 1 removed, 0 absent, -1 error
// Iteration in table order; returns false at the end; key borrowed.
bool set_next(Set* set, size_t* position, Object** key);

}  // namespace py
