// The set algebra (set_algebra.cpp), for set and frozenset and for the dict views that
// behave like sets (dict_keys & {...}). `self` is a set or frozenset; `other` any
// iterable unless stated. Results have self's base type (set or frozenset). Null / -1 on
// error.
#pragma once

#include "core/py/objects/object.hpp"

namespace py {

struct Set;

// set for sets (and their subclasses), frozenset for frozensets: a result's type.
Type* set_result_type(Object* set);
// A new set of `type` holding `iterable`'s items (none when null).
Ref<Set> make_set_from(Type* type, Object* iterable);

Ref<Set> set_union(Object* self, Object* other);
Ref<Set> set_intersection(Object* self, Object* other);
Ref<Set> set_difference(Object* self, Object* other);
Ref<Set> set_symmetric_difference(Object* self, Object* other);
int set_difference_update(Set* set, Object* other);
int set_symmetric_difference_update(Set* set, Object* other);
// self <= set(other): 0, 1 or -1.
int set_is_subset(Object* self, Object* other);
// No common element: 0, 1 or -1.
int set_is_disjoint(Object* self, Object* other);

// Fills set's and frozenset's operator, in-place (set only), comparison and hash
// (frozenset) slots. ready_set_types calls it.
void install_set_algebra();

}  // namespace py
