// dict.keys(), dict.values(), dict.items(): live views of a dict (len, iteration in
// insertion order or reversed, `in`, repr "dict_items([('a', 1)])"), the set operations
// and comparisons of the keys and items views, and the iterators over them — iter(dict)
// too.
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/repr_guard.hpp"
#include "core/py/objects/set.hpp"
#include "core/py/objects/set_algebra.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

enum class ViewKind : uint8_t { keys, values, items };

// A view: the dict it shows and what of each entry.
struct DictView : Object {
  Ref<Dict> dict;  // the viewed dict
};

// Iterates a view: the next entry position and the size the dict must keep.
struct DictViewIterator : Object {
  Ref<Dict> dict;         // null once exhausted
  size_t position = 0;    // forward: the next entry to look at; backward: one past it
  size_t expected_used;   // the dict's size when iteration started
  bool backward = false;  // reversed(): from the last entry to the first
};

Type dict_keys_type = builtin_type<DictView>("dict_keys", 0);
Type dict_values_type = builtin_type<DictView>("dict_values", 0);
Type dict_items_type = builtin_type<DictView>("dict_items", 0);
Type dict_keys_iterator_type = builtin_type<DictViewIterator>("dict_keyiterator", 0);
Type dict_values_iterator_type = builtin_type<DictViewIterator>("dict_valueiterator", 0);
Type dict_items_iterator_type = builtin_type<DictViewIterator>("dict_itemiterator", 0);
Type dict_reversed_keys_iterator_type =
    builtin_type<DictViewIterator>("dict_reversekeyiterator", 0);
Type dict_reversed_values_iterator_type =
    builtin_type<DictViewIterator>("dict_reversevalueiterator", 0);
Type dict_reversed_items_iterator_type =
    builtin_type<DictViewIterator>("dict_reverseitemiterator", 0);

ViewKind kind_of(const Type* type) {
  if (type == &dict_keys_type || type == &dict_keys_iterator_type ||
      type == &dict_reversed_keys_iterator_type)
    return ViewKind::keys;
  if (type == &dict_values_type || type == &dict_values_iterator_type ||
      type == &dict_reversed_values_iterator_type)
    return ViewKind::values;
  return ViewKind::items;
}

Type* iterator_type(ViewKind kind, bool backward) {
  switch (kind) {
    case ViewKind::keys: return backward ? &dict_reversed_keys_iterator_type : &dict_keys_iterator_type;
    case ViewKind::values:
      return backward ? &dict_reversed_values_iterator_type : &dict_values_iterator_type;
    case ViewKind::items: break;
  }
  return backward ? &dict_reversed_items_iterator_type : &dict_items_iterator_type;
}

Ref<> make_iterator(Dict* dict, ViewKind kind, bool backward) {
  Ref<DictViewIterator> iterator = make_object<DictViewIterator>(iterator_type(kind, backward));
  if (!iterator) return nullptr;
  iterator->dict = Ref<Dict>::borrow(dict);
  iterator->expected_used = dict->used;
  iterator->backward = backward;
  iterator->position = backward ? dict->entries.size() : 0;
  return iterator;
}

// The entry before `*position` (backward iteration); false at the start.
bool dict_previous(Dict* dict, size_t* position, Object** key, Object** value) {
  while (*position > 0) {
    if (*position > dict->entries.size()) {
      *position = dict->entries.size();
      continue;
    }
    DictEntry& entry = dict->entries[--*position];
    if (entry.key) {
      *key = entry.key.get();
      *value = entry.value.get();
      return true;
    }
  }
  return false;
}

Ref<> entry_value(ViewKind kind, Object* key, Object* value) {
  switch (kind) {
    case ViewKind::keys: return Ref<>::borrow(key);
    case ViewKind::values: return Ref<>::borrow(value);
    case ViewKind::items: return make_tuple({key, value});
  }
  return nullptr;
}

int64_t view_length(Object* self) { return int64_t(static_cast<DictView*>(self)->dict->used); }

Ref<> view_iter(Object* self) {
  return make_iterator(static_cast<DictView*>(self)->dict.get(), kind_of(self->type), false);
}

Ref<> view_iterator_next(Object* self) {
  auto* iterator = static_cast<DictViewIterator*>(self);
  if (!iterator->dict) return nullptr;
  if (iterator->dict->used != iterator->expected_used) {
    iterator->expected_used = size_t(-1);
    return raise(runtime_error_type, "dictionary changed size during iteration");
  }
  Object* key = nullptr;
  Object* value = nullptr;
  const bool found =
      iterator->backward ? dict_previous(iterator->dict.get(), &iterator->position, &key, &value)
                         : dict_next(iterator->dict.get(), &iterator->position, &key, &value);
  if (found) return entry_value(kind_of(self->type), key, value);
  iterator->dict = nullptr;
  return nullptr;
}

int view_contains(Object* self, Object* item) {
  Dict* dict = static_cast<DictView*>(self)->dict.get();
  switch (kind_of(self->type)) {
    case ViewKind::keys:
      if (dict_lookup(dict, item)) return 1;
      return exception_pending() ? -1 : 0;
    case ViewKind::items: {
      if (!is_tuple(item) || static_cast<Tuple*>(item)->items.size() != 2) return 0;
      Tuple* pair = static_cast<Tuple*>(item);
      Object* value = dict_lookup(dict, pair->items[0].get());
      if (!value) return exception_pending() ? -1 : 0;
      return equal(value, pair->items[1].get());
    }
    case ViewKind::values: {
      size_t position = 0;
      Object* key;
      Object* value;
      while (dict_next(dict, &position, &key, &value)) {
        const int same = equal(value, item);
        if (same != 0) return same;
      }
      return 0;
    }
  }
  return 0;
}

Ref<> view_repr(Object* self) {
  ReprGuard guard(self);
  if (guard.recursive()) return make_str("...");
  std::string text = std::string(type_name(self->type)) + "([";
  Ref<> iterator = view_iter(self);
  if (!iterator) return nullptr;
  bool first = true;
  while (Ref<> item = iter_next(iterator.get())) {
    if (!first) text += ", ";
    first = false;
    Ref<Str> item_text = repr(item.get());
    if (!item_text) return nullptr;
    text += item_text->value;
  }
  if (exception_pending()) return nullptr;
  return make_str(text + "])");
}

Ref<> make_view(Type* type, Object* dict) {
  Ref<DictView> view = make_object<DictView>(type);
  if (view) view->dict = Ref<Dict>::borrow(static_cast<Dict*>(dict));
  return view;
}

Ref<> keys_method(Object* self, CallArgs args) {
  if (!check_positional("dict.keys", args, 0, 0)) return nullptr;
  return make_view(&dict_keys_type, self);
}
Ref<> values_method(Object* self, CallArgs args) {
  if (!check_positional("dict.values", args, 0, 0)) return nullptr;
  return make_view(&dict_values_type, self);
}
Ref<> items_method(Object* self, CallArgs args) {
  if (!check_positional("dict.items", args, 0, 0)) return nullptr;
  return make_view(&dict_items_type, self);
}

// reversed(view)
Ref<> view_reversed_method(Object* self, CallArgs args) {
  if (!check_positional("__reversed__", args, 0, 0)) return nullptr;
  return make_iterator(static_cast<DictView*>(self)->dict.get(), kind_of(self->type), true);
}

// Whether `object` takes part in a view's comparisons (CPython's PyDictViewSet_Check
// or PyAnySet_Check).
bool is_set_like(Object* object) {
  return is_set_or_frozenset(object) || object->type == &dict_keys_type ||
         object->type == &dict_items_type;
}

// Every item of `inner` is in `outer`: 0, 1 or -1.
int all_contained_in(Object* inner, Object* outer) {
  Ref<> iterator = get_iter(inner);
  if (!iterator) return -1;
  while (Ref<> item = iter_next(iterator.get())) {
    const int found = contains(outer, item.get());
    if (found <= 0) return found;
  }
  return exception_pending() ? -1 : 1;
}

// keys/items views compare as sets: == by size and containment, < <= > >= as subsets.
Ref<> view_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_set_like(other)) return not_implemented();
  const int64_t left = length(self), right = length(other);
  if (left < 0 || right < 0) return nullptr;
  int result = 0;
  switch (op) {
    case CompareOp::equal:
    case CompareOp::not_equal:
      result = left == right ? all_contained_in(self, other) : 0;
      if (result >= 0 && op == CompareOp::not_equal) result = !result;
      break;
    case CompareOp::less: result = left < right ? all_contained_in(self, other) : 0; break;
    case CompareOp::less_equal: result = left <= right ? all_contained_in(self, other) : 0; break;
    case CompareOp::greater: result = left > right ? all_contained_in(other, self) : 0; break;
    case CompareOp::greater_equal:
      result = left >= right ? all_contained_in(other, self) : 0;
      break;
  }
  if (result < 0) return nullptr;
  return make_bool(result);
}

// A new set of `iterable`'s items.
Ref<Set> set_of(Object* iterable) {
  Ref<Set> result = make_set();
  if (!result || set_update_from(result.get(), iterable) < 0) return nullptr;
  return result;
}

// view & other, other & view: the items of `other` that are in the view (CPython's
// _PyDictView_Intersect, which always makes the view `self`).
Ref<> view_and(Object* self, Object* other, bool) {
  if (is_exact(other, set_type) && length(self) <= length(other)) return set_intersection(other, self);
  Ref<Set> result = make_set();
  if (!result) return nullptr;
  Ref<> iterator = get_iter(other);
  if (!iterator) return nullptr;
  while (Ref<> item = iter_next(iterator.get())) {
    const int found = view_contains(self, item.get());
    if (found < 0 || (found && set_add(result.get(), item.get()) < 0)) return nullptr;
  }
  if (exception_pending()) return nullptr;
  return result;
}

// view | other, view - other, view ^ other (and reflected): set(left) op right.
Ref<> view_or(Object* self, Object* other, bool reflected) {
  Ref<Set> result = set_of(reflected ? other : self);
  if (!result || set_update_from(result.get(), reflected ? self : other) < 0) return nullptr;
  return result;
}
Ref<> view_subtract(Object* self, Object* other, bool reflected) {
  Ref<Set> result = set_of(reflected ? other : self);
  if (!result || set_difference_update(result.get(), reflected ? self : other) < 0) return nullptr;
  return result;
}
Ref<> view_xor(Object* self, Object* other, bool reflected) {
  Ref<Set> result = set_of(reflected ? other : self);
  if (!result || set_symmetric_difference_update(result.get(), reflected ? self : other) < 0)
    return nullptr;
  return result;
}

// isdisjoint(other): no item of other is in the view.
Ref<> view_isdisjoint_method(Object* self, CallArgs args) {
  if (!check_positional("isdisjoint", args, 1, 1)) return nullptr;
  Ref<> iterator = get_iter(args.values[0]);
  if (!iterator) return nullptr;
  while (Ref<> item = iter_next(iterator.get())) {
    const int found = view_contains(self, item.get());
    if (found < 0) return nullptr;
    if (found) return make_bool(false);
  }
  if (exception_pending()) return nullptr;
  return make_bool(true);
}

const NativeMethod view_reversed_methods[] = {
    {"__reversed__", view_reversed_method},
    {nullptr, nullptr},
};

const NativeMethod set_like_view_methods[] = {
    {"isdisjoint", view_isdisjoint_method},
    {nullptr, nullptr},
};

const NativeMethod view_methods[] = {
    {"keys", keys_method},
    {"values", values_method},
    {"items", items_method},
    {nullptr, nullptr},
};

}  // namespace

Ref<> make_dict_key_iterator(Dict* dict, bool backward) {
  return make_iterator(dict, ViewKind::keys, backward);
}

int ready_dict_view_types() {
  for (Type* type : {&dict_keys_type, &dict_values_type, &dict_items_type}) {
    type->length = view_length;
    type->iter = view_iter;
    type->contains = view_contains;
    type->repr = view_repr;
    install_methods(*type, view_reversed_methods);
    if (type == &dict_values_type) {
      if (ready_type(*type) < 0) return -1;
      continue;
    }
    type->rich_compare = view_rich_compare;
    type->binary[size_t(BinaryOp::bit_and)] = view_and;
    type->binary[size_t(BinaryOp::bit_or)] = view_or;
    type->binary[size_t(BinaryOp::subtract)] = view_subtract;
    type->binary[size_t(BinaryOp::bit_xor)] = view_xor;
    install_methods(*type, set_like_view_methods);
    if (ready_type(*type) < 0) return -1;
  }
  for (Type* type : {&dict_keys_iterator_type, &dict_values_iterator_type, &dict_items_iterator_type,
                     &dict_reversed_keys_iterator_type, &dict_reversed_values_iterator_type,
                     &dict_reversed_items_iterator_type}) {
    type->iter = iterator_return_self;
    type->next = view_iterator_next;
    if (ready_type(*type) < 0) return -1;
  }
  install_methods(dict_type, view_methods);
  return 0;
}

}  // namespace py
