// dict.keys(), dict.values(), dict.items(): live views of a dict (len, iteration in
// insertion order, `in`, repr "dict_items([('a', 1)])").
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
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
  Ref<Dict> dict;        // null once exhausted
  size_t position = 0;   // the next entry to look at
  size_t expected_used;  // the dict's size when iteration started
};

Type dict_keys_type = builtin_type<DictView>("dict_keys", 0);
Type dict_values_type = builtin_type<DictView>("dict_values", 0);
Type dict_items_type = builtin_type<DictView>("dict_items", 0);
Type dict_keys_iterator_type = builtin_type<DictViewIterator>("dict_keyiterator", 0);
Type dict_values_iterator_type = builtin_type<DictViewIterator>("dict_valueiterator", 0);
Type dict_items_iterator_type = builtin_type<DictViewIterator>("dict_itemiterator", 0);

ViewKind kind_of(const Type* type) {
  if (type == &dict_keys_type || type == &dict_keys_iterator_type) return ViewKind::keys;
  if (type == &dict_values_type || type == &dict_values_iterator_type) return ViewKind::values;
  return ViewKind::items;
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
  auto* view = static_cast<DictView*>(self);
  Type* type = kind_of(self->type) == ViewKind::keys     ? &dict_keys_iterator_type
               : kind_of(self->type) == ViewKind::values ? &dict_values_iterator_type
                                                         : &dict_items_iterator_type;
  Ref<DictViewIterator> iterator = make_object<DictViewIterator>(type);
  if (!iterator) return nullptr;
  iterator->dict = view->dict;
  iterator->expected_used = view->dict->used;
  return iterator;
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
  if (dict_next(iterator->dict.get(), &iterator->position, &key, &value))
    return entry_value(kind_of(self->type), key, value);
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
  if (!check_positional("keys", args, 0, 0)) return nullptr;
  return make_view(&dict_keys_type, self);
}
Ref<> values_method(Object* self, CallArgs args) {
  if (!check_positional("values", args, 0, 0)) return nullptr;
  return make_view(&dict_values_type, self);
}
Ref<> items_method(Object* self, CallArgs args) {
  if (!check_positional("items", args, 0, 0)) return nullptr;
  return make_view(&dict_items_type, self);
}

const NativeMethod view_methods[] = {
    {"keys", keys_method},
    {"values", values_method},
    {"items", items_method},
    {nullptr, nullptr},
};

}  // namespace

int ready_dict_view_types() {
  for (Type* type : {&dict_keys_type, &dict_values_type, &dict_items_type}) {
    type->length = view_length;
    type->iter = view_iter;
    type->contains = view_contains;
    type->repr = view_repr;
    if (ready_type(*type) < 0) return -1;
  }
  for (Type* type : {&dict_keys_iterator_type, &dict_values_iterator_type, &dict_items_iterator_type}) {
    type->iter = iterator_return_self;
    type->next = view_iterator_next;
    if (ready_type(*type) < 0) return -1;
  }
  install_methods(dict_type, view_methods);
  return 0;
}

}  // namespace py
