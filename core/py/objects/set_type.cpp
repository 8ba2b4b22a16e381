// set and frozenset as Python sees them: construction from an iterable, len, in,
// iteration in table order, repr, ==, and the basic mutating methods.
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/set.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

Set* as_set(Object* object) { return static_cast<Set*>(object); }

// The iterator over a set's table; "Set changed size during iteration" on mutation.
struct SetIterator : Object {
  Ref<Set> set;          // null once exhausted
  size_t position = 0;   // the next table slot
  size_t expected_used;  // the set's size when iteration started
};

Type set_iterator_type = builtin_type<SetIterator>("set_iterator", 0);

int add_all(Set* set, Object* iterable) {
  Ref<> iterator = get_iter(iterable);
  if (!iterator) return -1;
  while (Ref<> item = iter_next(iterator.get()))
    if (set_add(set, item.get()) < 0) return -1;
  return exception_pending() ? -1 : 0;
}

Ref<> set_new(Type* type, CallArgs args) {
  const char* name = type_name(type);
  if (args.keyword_count()) return raise_format(type_error_type, "{}() takes no keyword arguments", name);
  if (args.count > 1) return raise_format(type_error_type, "{} expected at most 1 argument, got {}", name, args.count);
  Ref<Set> set = make_object<Set>(type);
  if (!set) return nullptr;
  if (args.count && add_all(set.get(), args.values[0]) < 0) return nullptr;
  return set;
}

int set_init(Object*, CallArgs) { return 0; }

int64_t set_length(Object* self) { return int64_t(as_set(self)->used); }

int set_contains_slot(Object* self, Object* item) { return set_contains(as_set(self), item); }

Ref<> set_iter(Object* self) {
  Ref<SetIterator> iterator = make_object<SetIterator>(&set_iterator_type);
  if (!iterator) return nullptr;
  iterator->set = Ref<Set>::borrow(as_set(self));
  iterator->expected_used = as_set(self)->used;
  return iterator;
}

Ref<> set_iterator_next(Object* self) {
  auto* iterator = static_cast<SetIterator*>(self);
  if (!iterator->set) return nullptr;
  if (iterator->set->used != iterator->expected_used) {
    iterator->expected_used = size_t(-1);
    return raise(runtime_error_type, "Set changed size during iteration");
  }
  Object* key = nullptr;
  if (set_next(iterator->set.get(), &iterator->position, &key)) return Ref<>::borrow(key);
  iterator->set = nullptr;
  return nullptr;
}

Ref<> set_repr(Object* self) {
  Set* set = as_set(self);
  const bool frozen = !is_instance(self, set_type);
  std::string name = type_name(self->type);
  if (set->used == 0) return make_str(name + "()");
  std::string text = frozen || !is_exact(self, set_type) ? name + "({" : "{";
  size_t position = 0;
  Object* key;
  bool first = true;
  while (set_next(set, &position, &key)) {
    if (!first) text += ", ";
    first = false;
    Ref<Str> item = repr(key);
    if (!item) return nullptr;
    text += item->value;
  }
  text += frozen || !is_exact(self, set_type) ? "})" : "}";
  return make_str(std::move(text));
}

Ref<> set_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_set_or_frozenset(other) || (op != CompareOp::equal && op != CompareOp::not_equal))
    return not_implemented();
  bool same = as_set(self)->used == as_set(other)->used;
  size_t position = 0;
  Object* key;
  while (same && set_next(as_set(self), &position, &key)) {
    const int found = set_contains(as_set(other), key);
    if (found < 0) return nullptr;
    same = found;
  }
  return make_bool(op == CompareOp::equal ? same : !same);
}

Ref<> add_method(Object* self, CallArgs args) {
  if (!check_positional("add", args, 1, 1) || set_add(as_set(self), args.values[0]) < 0) return nullptr;
  return none();
}

Ref<> discard_method(Object* self, CallArgs args) {
  if (!check_positional("discard", args, 1, 1) || set_discard(as_set(self), args.values[0]) < 0)
    return nullptr;
  return none();
}

Ref<> remove_method(Object* self, CallArgs args) {
  if (!check_positional("remove", args, 1, 1)) return nullptr;
  const int removed = set_discard(as_set(self), args.values[0]);
  if (removed < 0) return nullptr;
  if (!removed) {
    set_exception(make_exception(key_error_type, make_tuple({args.values[0]})));
    return nullptr;
  }
  return none();
}

Ref<> update_method(Object* self, CallArgs args) {
  if (args.keyword_count()) return raise(type_error_type, "set.update() takes no keyword arguments");
  for (size_t i = 0; i < args.count; ++i)
    if (add_all(as_set(self), args.values[i]) < 0) return nullptr;
  return none();
}

const NativeMethod set_methods[] = {
    {"add", add_method},
    {"discard", discard_method},
    {"remove", remove_method},
    {"update", update_method},
    {nullptr, nullptr},
};

void fill_common_slots(Type& type) {
  type.new_instance = set_new;
  type.length = set_length;
  type.contains = set_contains_slot;
  type.iter = set_iter;
  type.repr = set_repr;
  type.rich_compare = set_rich_compare;
}

}  // namespace

int ready_set_types() {
  fill_common_slots(set_type);
  set_type.init = set_init;
  fill_common_slots(frozenset_type);
  install_methods(set_type, set_methods);
  set_iterator_type.iter = iterator_return_self;
  set_iterator_type.next = set_iterator_next;
  if (ready_type(set_iterator_type) < 0 || ready_type(set_type) < 0) return -1;
  return ready_type(frozenset_type);
}

}  // namespace py
