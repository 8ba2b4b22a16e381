// The set algebra of set and frozenset: union, intersection, difference, symmetric
// difference (and their in-place forms), subset and disjointness, the operators | & - ^
// and |= &= -= ^=, the comparisons (subset order) and frozenset's hash. Each follows
// Objects/setobject.c's algorithm (which operand is iterated, what is copied), so the
// results iterate in CPython's order.
#include "core/py/objects/set_algebra.hpp"

#include <utility>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/set.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

Set* as_set(Object* object) { return static_cast<Set*>(object); }

// `other` as a set: itself when it is one, else a new set of its items.
Ref<Set> as_any_set(Object* other) {
  if (is_set_or_frozenset(other)) return Ref<Set>::borrow(as_set(other));
  return make_set_from(&set_type, other);
}

}  // namespace

Type* set_result_type(Object* set) { return is_instance(set, set_type) ? &set_type : &frozenset_type; }

Ref<Set> make_set_from(Type* type, Object* iterable) {
  Ref<Set> result = make_object<Set>(type);
  if (!result || (iterable && set_update_from(result.get(), iterable) < 0)) return nullptr;
  return result;
}

Ref<Set> set_intersection(Object* self, Object* other) {
  Ref<Set> result = make_set_from(set_result_type(self), nullptr);
  if (!result) return nullptr;
  Set* set = as_set(self);
  if (is_set_or_frozenset(other)) {
    Set* first = set;
    Set* second = as_set(other);
    if (second->used > first->used) std::swap(first, second);
    // Iterate the smaller one, look each key up in the larger.
    Ref<Set> held_first = Ref<Set>::borrow(first), held_second = Ref<Set>::borrow(second);
    size_t position = 0;
    Object* key;
    int64_t hash;
    while (set_next_entry(second, &position, &key, &hash)) {
      Ref<> held = Ref<>::borrow(key);
      const int found = set_contains(first, key);
      if (found < 0 || (found && set_add_hashed(result.get(), key, hash) < 0)) return nullptr;
    }
    return result;
  }
  Ref<> iterator = get_iter(other);
  if (!iterator) return nullptr;
  while (Ref<> item = iter_next(iterator.get())) {
    const int found = set_contains(set, item.get());
    if (found < 0 || (found && set_add(result.get(), item.get()) < 0)) return nullptr;
  }
  if (exception_pending()) return nullptr;
  return result;
}

int set_difference_update(Set* set, Object* other) {
  if (other == set) {
    set_clear(set);
    return 0;
  }
  if (is_set_or_frozenset(other)) {
    Ref<Set> source = Ref<Set>::borrow(as_set(other));
    size_t position = 0;
    Object* key;
    int64_t hash;
    while (set_next_entry(source.get(), &position, &key, &hash)) {
      Ref<> held = Ref<>::borrow(key);
      if (set_discard_hashed(set, key, hash) < 0) return -1;
    }
  } else {
    Ref<> iterator = get_iter(other);
    if (!iterator) return -1;
    while (Ref<> item = iter_next(iterator.get()))
      if (set_discard(set, item.get()) < 0) return -1;
    if (exception_pending()) return -1;
  }
  set_compact(set);
  return 0;
}

Ref<Set> set_difference(Object* self, Object* other) {
  Set* set = as_set(self);
  // A small other against a large set: copy, then remove (CPython's choice, same order).
  if (!is_set_or_frozenset(other) || (set->used >> 2) > as_set(other)->used) {
    Ref<Set> result = make_set_from(set_result_type(self), self);
    if (!result || set_difference_update(result.get(), other) < 0) return nullptr;
    return result;
  }
  Ref<Set> result = make_set_from(set_result_type(self), nullptr);
  if (!result) return nullptr;
  size_t position = 0;
  Object* key;
  int64_t hash;
  while (set_next_entry(set, &position, &key, &hash)) {
    Ref<> held = Ref<>::borrow(key);
    const int found = set_contains(as_set(other), key);
    if (found < 0 || (!found && set_add_hashed(result.get(), key, hash) < 0)) return nullptr;
  }
  return result;
}

int set_symmetric_difference_update(Set* set, Object* other) {
  if (other == set) {
    set_clear(set);
    return 0;
  }
  Ref<Set> source = is_set_or_frozenset(other) ? Ref<Set>::borrow(as_set(other))
                                               : make_set_from(set_result_type(set), other);
  if (!source) return -1;
  size_t position = 0;
  Object* key;
  int64_t hash;
  while (set_next_entry(source.get(), &position, &key, &hash)) {
    Ref<> held = Ref<>::borrow(key);
    const int removed = set_discard_hashed(set, key, hash);
    if (removed < 0 || (!removed && set_add_hashed(set, key, hash) < 0)) return -1;
  }
  return 0;
}

Ref<Set> set_symmetric_difference(Object* self, Object* other) {
  Ref<Set> result = make_set_from(set_result_type(self), other);
  if (!result || set_symmetric_difference_update(result.get(), self) < 0) return nullptr;
  return result;
}

Ref<Set> set_union(Object* self, Object* other) {
  Ref<Set> result = make_set_from(set_result_type(self), self);
  if (!result || (other != self && set_update_from(result.get(), other) < 0)) return nullptr;
  return result;
}

int set_is_subset(Object* self, Object* other) {
  Ref<Set> superset = as_any_set(other);
  if (!superset) return -1;
  Set* set = as_set(self);
  if (set->used > superset->used) return 0;
  size_t position = 0;
  Object* key;
  while (set_next(set, &position, &key)) {
    Ref<> held = Ref<>::borrow(key);
    const int found = set_contains(superset.get(), key);
    if (found <= 0) return found;
  }
  return 1;
}

int set_is_disjoint(Object* self, Object* other) {
  Set* set = as_set(self);
  if (is_set_or_frozenset(other)) {
    Set* small = set;
    Set* large = as_set(other);
    if (small->used > large->used) std::swap(small, large);
    size_t position = 0;
    Object* key;
    while (set_next(small, &position, &key)) {
      Ref<> held = Ref<>::borrow(key);
      const int found = set_contains(large, key);
      if (found != 0) return found < 0 ? -1 : 0;
    }
    return 1;
  }
  Ref<> iterator = get_iter(other);
  if (!iterator) return -1;
  while (Ref<> item = iter_next(iterator.get())) {
    const int found = set_contains(set, item.get());
    if (found != 0) return found < 0 ? -1 : 0;
  }
  return exception_pending() ? -1 : 1;
}

namespace {

// The operators take sets only (NotImplemented otherwise, so `{1} | [2]` is a TypeError).
Ref<> set_or(Object* self, Object* other, bool reflected) {
  if (!is_set_or_frozenset(other)) return not_implemented();
  return reflected ? set_union(other, self) : set_union(self, other);
}
Ref<> set_and(Object* self, Object* other, bool reflected) {
  if (!is_set_or_frozenset(other)) return not_implemented();
  return reflected ? set_intersection(other, self) : set_intersection(self, other);
}
Ref<> set_subtract(Object* self, Object* other, bool reflected) {
  if (!is_set_or_frozenset(other)) return not_implemented();
  return reflected ? set_difference(other, self) : set_difference(self, other);
}
Ref<> set_xor(Object* self, Object* other, bool reflected) {
  if (!is_set_or_frozenset(other)) return not_implemented();
  return reflected ? set_symmetric_difference(other, self) : set_symmetric_difference(self, other);
}

// In place: set |= other and friends (set only; frozenset rebinds through the binary form).
Ref<> set_inplace_or(Object* self, Object* other) {
  if (!is_set_or_frozenset(other)) return not_implemented();
  if (set_update_from(as_set(self), other) < 0) return nullptr;
  return Ref<>::borrow(self);
}
Ref<> set_inplace_and(Object* self, Object* other) {
  if (!is_set_or_frozenset(other)) return not_implemented();
  Ref<Set> result = set_intersection(self, other);
  if (!result) return nullptr;
  std::swap(as_set(self)->table, result->table);
  std::swap(as_set(self)->used, result->used);
  std::swap(as_set(self)->fill, result->fill);
  return Ref<>::borrow(self);
}
Ref<> set_inplace_subtract(Object* self, Object* other) {
  if (!is_set_or_frozenset(other)) return not_implemented();
  if (set_difference_update(as_set(self), other) < 0) return nullptr;
  return Ref<>::borrow(self);
}
Ref<> set_inplace_xor(Object* self, Object* other) {
  if (!is_set_or_frozenset(other)) return not_implemented();
  if (set_symmetric_difference_update(as_set(self), other) < 0) return nullptr;
  return Ref<>::borrow(self);
}

// == by size and membership; < <= > >= as subset/superset.
Ref<> set_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_set_or_frozenset(other)) return not_implemented();
  const size_t left = as_set(self)->used, right = as_set(other)->used;
  int result = 0;
  switch (op) {
    case CompareOp::equal:
    case CompareOp::not_equal:
      result = left == right ? set_is_subset(self, other) : 0;
      if (result >= 0 && op == CompareOp::not_equal) result = !result;
      break;
    case CompareOp::less_equal: result = set_is_subset(self, other); break;
    case CompareOp::greater_equal: result = set_is_subset(other, self); break;
    case CompareOp::less: result = left < right ? set_is_subset(self, other) : 0; break;
    case CompareOp::greater: result = left > right ? set_is_subset(other, self) : 0; break;
  }
  if (result < 0) return nullptr;
  return make_bool(result);
}

// CPython 3.11's frozenset_hash: an order-independent xor of shuffled entry hashes.
uint64_t shuffle_bits(uint64_t hash) { return ((hash ^ 89869747ULL) ^ (hash << 16)) * 3644798167ULL; }

int64_t frozenset_hash(Object* self) {
  Set* set = as_set(self);
  if (set->cached_hash != -1) return set->cached_hash;
  uint64_t hash = 0;
  size_t position = 0;
  Object* key;
  int64_t entry_hash;
  while (set_next_entry(set, &position, &key, &entry_hash)) hash ^= shuffle_bits(uint64_t(entry_hash));
  hash ^= (uint64_t(set->used) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == uint64_t(-1)) hash = 590923713ULL;
  set->cached_hash = int64_t(hash);
  return set->cached_hash;
}

}  // namespace

void install_set_algebra() {
  for (Type* type : {&set_type, &frozenset_type}) {
    type->binary[size_t(BinaryOp::bit_or)] = set_or;
    type->binary[size_t(BinaryOp::bit_and)] = set_and;
    type->binary[size_t(BinaryOp::subtract)] = set_subtract;
    type->binary[size_t(BinaryOp::bit_xor)] = set_xor;
    type->rich_compare = set_rich_compare;
  }
  set_type.inplace[size_t(BinaryOp::bit_or)] = set_inplace_or;
  set_type.inplace[size_t(BinaryOp::bit_and)] = set_inplace_and;
  set_type.inplace[size_t(BinaryOp::subtract)] = set_inplace_subtract;
  set_type.inplace[size_t(BinaryOp::bit_xor)] = set_inplace_xor;
  frozenset_type.hash = frozenset_hash;
}

}  // namespace py
