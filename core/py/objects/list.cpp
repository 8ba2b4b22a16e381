// list: construction and the core protocol (length, indexing, item assignment, iteration,
// comparison, repr, append/extend). Slices, operators and the remaining methods are in
// list_methods.cpp, sorting in list_sort.cpp.
#include "core/py/objects/list.hpp"

#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/repr_guard.hpp"
#include "core/py/objects/sequence_iterator.hpp"
#include "core/py/objects/slice.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type list_type = builtin_type<List>("list", type_flag_base_allowed | type_flag_list_subclass);

Ref<List> make_list(std::vector<Ref<>> items) {
  Ref<List> list = make_object<List>(&list_type);
  if (list) list->items = std::move(items);
  return list;
}

int list_append(List* list, Object* item) {
  // A full vector doubles: that growth must fit under the cap.
  std::vector<Ref<>>& items = list->items;
  if (items.size() == items.capacity() && !check_heap_room(sizeof(Ref<>), items.size() + 1))
    return -1;
  items.push_back(Ref<>::borrow(item));
  return 0;
}

int list_extend(List* list, Object* iterable) {
  if (is_list(iterable) || is_tuple(iterable)) {
    // Copy first: `a.extend(a)` must not see its own growth.
    std::vector<Ref<>> items = is_list(iterable) ? static_cast<List*>(iterable)->items
                                                 : static_cast<Tuple*>(iterable)->items;
    for (Ref<>& item : items) list->items.push_back(std::move(item));
    return 0;
  }
  Ref<> iterator = get_iter(iterable);
  if (!iterator) return -1;
  while (Ref<> item = iter_next(iterator.get())) list->items.push_back(std::move(item));
  return exception_pending() ? -1 : 0;
}

Ref<List> sequence_to_list(Object* iterable) {
  Ref<List> list = make_list();
  if (!list || list_extend(list.get(), iterable) < 0) return nullptr;
  return list;
}

namespace {

List* as_list(Object* object) { return static_cast<List*>(object); }

int64_t list_length(Object* self) { return int64_t(as_list(self)->items.size()); }

// The index `key` designates in a list of `size` items, or -1 after raising.
int64_t checked_index(Object* key, size_t size, const char* what) {
  if (!is_int(key) && !key->type->index) {
    raise_format(type_error_type, "list indices must be integers or slices, not {}",
                 type_name(key->type));
    return -1;
  }
  int64_t index = 0;
  if (!index_to_int64(key, &index)) {
    if (!exception_matches(overflow_error_type)) return -1;
    clear_exception();
    raise(index_error_type, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (index < 0) index += int64_t(size);
  if (index < 0 || index >= int64_t(size)) {
    raise(index_error_type, what);
    return -1;
  }
  return index;
}

Ref<> list_get_item(Object* self, Object* key) {
  if (is_slice(key)) return list_get_slice(as_list(self), key);
  const int64_t index = checked_index(key, as_list(self)->items.size(), "list index out of range");
  if (index < 0) return nullptr;
  return as_list(self)->items[size_t(index)];
}

int list_set_item(Object* self, Object* key, Object* value) {
  if (is_slice(key)) return list_assign_slice(as_list(self), key, value);
  auto& items = as_list(self)->items;
  const int64_t index = checked_index(key, items.size(), "list assignment index out of range");
  if (index < 0) return -1;
  if (value) {
    Ref<> old = std::exchange(items[size_t(index)], Ref<>::borrow(value));
  } else {
    Ref<> old = std::move(items[size_t(index)]);
    items.erase(items.begin() + index);
  }
  return 0;
}

int list_contains(Object* self, Object* item) {
  auto& items = as_list(self)->items;
  for (size_t i = 0; i < items.size(); ++i) {
    Ref<> element = items[i];  // __eq__ may shrink the list
    const int same = equal(element.get(), item);
    if (same != 0) return same;
  }
  return 0;
}

Ref<> list_iter(Object* self) { return make_sequence_iterator(self); }

Ref<> list_repr(Object* self) {
  auto& items = as_list(self)->items;
  ReprGuard guard(self);
  if (guard.recursive()) return make_str("[...]");
  std::string text = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) text += ", ";
    Ref<> element = items[i];
    Ref<Str> item = repr(element.get());
    if (!item) return nullptr;
    text += item->value;
  }
  text += "]";
  return make_str(std::move(text));
}

Ref<> list_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_list(other)) return not_implemented();
  auto& left = as_list(self)->items;
  auto& right = as_list(other)->items;
  size_t i = 0;
  for (; i < left.size() && i < right.size(); ++i) {
    Ref<> a = left[i], b = right[i];
    const int same = equal(a.get(), b.get());
    if (same < 0) return nullptr;
    if (!same) break;
  }
  if (i >= left.size() || i >= right.size()) {
    const int64_t a = int64_t(left.size()), b = int64_t(right.size());
    return make_bool(order_satisfies(a - b, op));
  }
  if (op == CompareOp::equal) return make_bool(false);
  if (op == CompareOp::not_equal) return make_bool(true);
  Ref<> a = left[i], b = right[i];
  return rich_compare(a.get(), b.get(), op);
}

Ref<> list_new(Type* type, CallArgs) { return make_object<List>(type); }

// list.__init__(iterable=()): clears, then extends.
int list_init(Object* self, CallArgs args) {
  if (!check_positional("list", args, 0, 1)) return -1;
  as_list(self)->items.clear();
  return args.count ? list_extend(as_list(self), args.values[0]) : 0;
}

Ref<> list_append_method(Object* self, CallArgs args) {
  if (!check_positional("list.append", args, 1, 1)) return nullptr;
  if (list_append(as_list(self), args.values[0]) < 0) return nullptr;
  return none();
}

Ref<> list_extend_method(Object* self, CallArgs args) {
  if (!check_positional("list.extend", args, 1, 1)) return nullptr;
  if (list_extend(as_list(self), args.values[0]) < 0) return nullptr;
  return none();
}

const NativeMethod list_methods[] = {
    {"append", list_append_method},
    {"extend", list_extend_method},
    {nullptr, nullptr},
};

}  // namespace

int ready_list_type() {
  list_type.length = list_length;
  list_type.get_item = list_get_item;
  list_type.set_item = list_set_item;
  list_type.contains = list_contains;
  list_type.iter = list_iter;
  list_type.repr = list_repr;
  list_type.rich_compare = list_rich_compare;
  list_type.new_instance = list_new;
  list_type.init = list_init;
  install_methods(list_type, list_methods);
  install_list_operations(list_type);
  return ready_type(list_type);
}

}  // namespace py
