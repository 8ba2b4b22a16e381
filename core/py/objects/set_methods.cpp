// The named methods of set and frozenset (add, discard, remove, pop, clear, copy, update,
// union, intersection, difference, symmetric_difference, their _update forms, issubset,
// issuperset, isdisjoint) over the algebra of set_algebra.cpp, with CPython's argument
// messages ("set.add() takes exactly one argument (0 given)").
#include "core/py/objects/set_methods.hpp"

#include <string>
#include <utility>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/set.hpp"
#include "core/py/objects/set_algebra.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

Set* as_set(Object* object) { return static_cast<Set*>(object); }


// "set.add" / "frozenset.union": how CPython names a method in argument errors.
std::string qualified(Object* self, const char* method) {
  return std::string(type_name(set_result_type(self))) + "." + method;
}

bool no_keywords(const char* method, CallArgs args) {
  if (!args.keyword_count()) return true;
  raise_format(type_error_type, "{}() takes no keyword arguments", method);
  return false;
}

Ref<> add_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "add").c_str(), args, 1, 1) || set_add(as_set(self), args.values[0]) < 0) return nullptr;
  return none();
}

Ref<> discard_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "discard").c_str(), args, 1, 1) || set_discard(as_set(self), args.values[0]) < 0)
    return nullptr;
  return none();
}

Ref<> remove_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "remove").c_str(), args, 1, 1)) return nullptr;
  const int removed = set_discard(as_set(self), args.values[0]);
  if (removed < 0) return nullptr;
  if (!removed) {
    Ref<> error = make_exception(key_error_type, make_tuple({args.values[0]}));
    if (error) set_exception(std::move(error));
    return nullptr;
  }
  return none();
}

Ref<> pop_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "pop").c_str(), args, 0, 0)) return nullptr;
  return set_pop(as_set(self));
}

Ref<> clear_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "clear").c_str(), args, 0, 0)) return nullptr;
  set_clear(as_set(self));
  return none();
}

Ref<> copy_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "copy").c_str(), args, 0, 0)) return nullptr;
  if (is_exact(self, frozenset_type)) return Ref<>::borrow(self);
  return make_set_from(set_result_type(self), self);
}

Ref<> update_method(Object* self, CallArgs args) {
  if (!no_keywords(qualified(self, "update").c_str(), args)) return nullptr;
  for (size_t i = 0; i < args.count; ++i)
    if (set_update_from(as_set(self), args.values[i]) < 0) return nullptr;
  return none();
}

Ref<> union_method(Object* self, CallArgs args) {
  if (!no_keywords(qualified(self, "union").c_str(), args)) return nullptr;
  Ref<Set> result = make_set_from(set_result_type(self), self);
  if (!result) return nullptr;
  for (size_t i = 0; i < args.count; ++i)
    if (args.values[i] != self && set_update_from(result.get(), args.values[i]) < 0) return nullptr;
  return result;
}

Ref<> intersection_method(Object* self, CallArgs args) {
  if (!no_keywords(qualified(self, "intersection").c_str(), args)) return nullptr;
  if (args.count == 0) return make_set_from(set_result_type(self), self);
  Ref<> result = Ref<>::borrow(self);
  for (size_t i = 0; i < args.count; ++i) {
    result = set_intersection(result.get(), args.values[i]);
    if (!result) return nullptr;
  }
  return result;
}

Ref<> intersection_update_method(Object* self, CallArgs args) {
  Ref<> result = intersection_method(self, args);
  if (!result) return nullptr;
  Set* target = as_set(self);
  Set* source = as_set(result.get());
  if (source != target) {
    std::swap(target->table, source->table);
    std::swap(target->used, source->used);
    std::swap(target->fill, source->fill);
  }
  return none();
}

Ref<> difference_method(Object* self, CallArgs args) {
  if (!no_keywords(qualified(self, "difference").c_str(), args)) return nullptr;
  if (args.count == 0) return make_set_from(set_result_type(self), self);
  Ref<Set> result = set_difference(self, args.values[0]);
  if (!result) return nullptr;
  for (size_t i = 1; i < args.count; ++i)
    if (set_difference_update(result.get(), args.values[i]) < 0) return nullptr;
  return result;
}

Ref<> difference_update_method(Object* self, CallArgs args) {
  if (!no_keywords(qualified(self, "difference_update").c_str(), args)) return nullptr;
  for (size_t i = 0; i < args.count; ++i)
    if (set_difference_update(as_set(self), args.values[i]) < 0) return nullptr;
  return none();
}

Ref<> symmetric_difference_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "symmetric_difference").c_str(), args, 1, 1)) return nullptr;
  return set_symmetric_difference(self, args.values[0]);
}

Ref<> symmetric_difference_update_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "symmetric_difference_update").c_str(), args, 1, 1)) return nullptr;
  if (set_symmetric_difference_update(as_set(self), args.values[0]) < 0) return nullptr;
  return none();
}

Ref<> issubset_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "issubset").c_str(), args, 1, 1)) return nullptr;
  const int result = set_is_subset(self, args.values[0]);
  if (result < 0) return nullptr;
  return make_bool(result);
}

Ref<> issuperset_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "issuperset").c_str(), args, 1, 1)) return nullptr;
  Object* other = args.values[0];
  int result;
  if (is_set_or_frozenset(other)) {
    result = set_is_subset(other, self);
  } else {
    result = 1;
    Ref<> iterator = get_iter(other);
    if (!iterator) return nullptr;
    while (Ref<> item = iter_next(iterator.get())) {
      result = set_contains(as_set(self), item.get());
      if (result <= 0) break;
    }
    if (result > 0 && exception_pending()) result = -1;
  }
  if (result < 0) return nullptr;
  return make_bool(result);
}

Ref<> isdisjoint_method(Object* self, CallArgs args) {
  if (!check_positional(qualified(self, "isdisjoint").c_str(), args, 1, 1)) return nullptr;
  const int result = set_is_disjoint(self, args.values[0]);
  if (result < 0) return nullptr;
  return make_bool(result);
}

// Shared by set and frozenset.
const NativeMethod common_methods[] = {
    {"copy", copy_method},
    {"union", union_method},
    {"intersection", intersection_method},
    {"difference", difference_method},
    {"symmetric_difference", symmetric_difference_method},
    {"issubset", issubset_method},
    {"issuperset", issuperset_method},
    {"isdisjoint", isdisjoint_method},
    {nullptr, nullptr},
};

// set only.
const NativeMethod mutating_methods[] = {
    {"add", add_method},
    {"discard", discard_method},
    {"remove", remove_method},
    {"pop", pop_method},
    {"clear", clear_method},
    {"update", update_method},
    {"intersection_update", intersection_update_method},
    {"difference_update", difference_update_method},
    {"symmetric_difference_update", symmetric_difference_update_method},
    {nullptr, nullptr},
};

}  // namespace

void install_set_methods() {
  install_methods(set_type, common_methods);
  install_methods(frozenset_type, common_methods);
  install_methods(set_type, mutating_methods);
}

}  // namespace py
