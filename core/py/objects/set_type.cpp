// set and frozenset as Python sees them: construction from an iterable, len, in,
// iteration in table order and repr. The algebra and comparisons are in
// set_algebra.cpp, the methods in set_methods.cpp.
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/set.hpp"
#include "core/py/objects/set_algebra.hpp"
#include "core/py/objects/set_methods.hpp"
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

Ref<> set_new(Type* type, CallArgs args) {
  const char* name = type_name(type);
  if (args.keyword_count()) return raise_format(type_error_type, "{}() takes no keyword arguments", name);
  if (args.count > 1) return raise_format(type_error_type, "{} expected at most 1 argument, got {}", name, args.count);
  // frozenset(a_frozenset) is that frozenset.
  if (type == &frozenset_type && args.count && is_exact(args.values[0], frozenset_type))
    return Ref<>::borrow(args.values[0]);
  Ref<Set> set = make_object<Set>(type);
  if (!set) return nullptr;
  // A set is filled by __init__; a frozenset, immutable, here.
  if (!is_instance(set.get(), set_type) && args.count &&
      set_update_from(set.get(), args.values[0]) < 0)
    return nullptr;
  return set;
}

// set.__init__(iterable=()): (re)fills the set.
int set_init(Object* self, CallArgs args) {
  if (!check_positional("set", args, 0, 1)) return -1;
  if (!args.count || args.values[0] == self) return 0;
  if (as_set(self)->used) set_clear(as_set(self));
  return set_update_from(as_set(self), args.values[0]);
}

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

void fill_common_slots(Type& type) {
  type.new_instance = set_new;
  type.length = set_length;
  type.contains = set_contains_slot;
  type.iter = set_iter;
  type.repr = set_repr;
}

}  // namespace

int ready_set_types() {
  fill_common_slots(set_type);
  set_type.init = set_init;
  fill_common_slots(frozenset_type);
  install_set_algebra();
  install_set_methods();
  set_iterator_type.iter = iterator_return_self;
  set_iterator_type.next = set_iterator_next;
  if (ready_type(set_iterator_type) < 0 || ready_type(set_type) < 0) return -1;
  return ready_type(frozenset_type);
}

}  // namespace py
