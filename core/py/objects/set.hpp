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
  size_t finger = 0;            // where set.pop() resumes its search of the table
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
// Iteration that also gives each key's cached hash.
bool set_next_entry(Set* set, size_t* position, Object** key, int64_t* hash);

// The same operations with the key's hash already known (CPython's set_add_entry and
// set_discard_entry): no __hash__ call.
int set_add_hashed(Set* set, Object* key, int64_t hash);
int set_discard_hashed(Set* set, Object* key, int64_t hash);
// Adds every key of `other` as CPython's set_merge does (same table sizes, same order).
int set_merge(Set* set, Set* other);
// Adds every item of an iterable (set_merge for sets); -1 on error.
int set_update_from(Set* set, Object* iterable);
// Removes every key, leaving an empty minimal table.
void set_clear(Set* set);
// Removes and returns an arbitrary key, as CPython's set.pop (its search finger); KeyError
// "pop from an empty set".
Ref<> set_pop(Set* set);
// Shrinks away deleted slots when they exceed a quarter of the table (after a
// difference_update), as CPython does.
void set_compact(Set* set);

}  // namespace py
