// list beyond its core protocol: slices (read, assignment, deletion, extended slices),
// the operators + * += *=, and the methods insert remove pop index count reverse sort copy
// clear. Messages are CPython 3.11's.
#include <algorithm>
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/sequence_operations.hpp"
#include "core/py/objects/slice.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

List* as_list(Object* object) { return static_cast<List*>(object); }

// del list[slice]: the selected positions go; the removed items are released after the
// list is consistent again (their destructors may look at it).
int delete_slice(List* list, int64_t start, int64_t step, int64_t count) {
  Items& items = list->items;
  Items removed;
  if (count == 0) return 0;
  if (step < 0) {  // the same positions, walked upwards
    start += (count - 1) * step;
    step = -step;
  }
  if (step == 1) {
    removed.assign(std::make_move_iterator(items.begin() + start),
                   std::make_move_iterator(items.begin() + start + count));
    items.erase(items.begin() + start, items.begin() + start + count);
    return 0;
  }
  Items kept;
  kept.reserve(items.size() - size_t(count));
  for (size_t i = 0; i < items.size(); ++i) {
    const int64_t offset = int64_t(i) - start;
    const bool selected = offset >= 0 && offset % step == 0 && offset / step < count;
    (selected ? removed : kept).push_back(std::move(items[i]));
  }
  items = std::move(kept);
  return 0;
}

}  // namespace

Ref<> list_get_slice(List* list, Object* slice) {
  int64_t start = 0, stop = 0, step = 0, count = 0;
  if (!slice_indices(slice, int64_t(list->items.size()), &start, &stop, &step, &count))
    return nullptr;
  return make_list(slice_items(list->items, start, step, count));
}

int list_assign_slice(List* list, Object* slice, Object* value) {
  int64_t start = 0, stop = 0, step = 0, count = 0;
  if (!slice_indices(slice, int64_t(list->items.size()), &start, &stop, &step, &count))
    return -1;
  if (!value) return delete_slice(list, start, step, count);
  // The new items, read before anything changes (`a[1:] = a` reads the old a).
  Ref<List> source = sequence_to_list(value);
  if (!source) {
    if (!exception_matches(type_error_type)) return -1;
    clear_exception();
    raise(type_error_type, step == 1 ? "can only assign an iterable"
                                     : "must assign iterable to extended slice");
    return -1;
  }
  Items replacement = std::move(source->items);
  Items& items = list->items;
  if (step == 1) {
    if (stop < start) stop = start;
    Items removed(std::make_move_iterator(items.begin() + start),
                  std::make_move_iterator(items.begin() + stop));
    items.erase(items.begin() + start, items.begin() + stop);
    items.insert(items.begin() + start, std::make_move_iterator(replacement.begin()),
                 std::make_move_iterator(replacement.end()));
    return 0;
  }
  if (int64_t(replacement.size()) != count) {
    raise_format(value_error_type, "attempt to assign sequence of size {} to extended slice of size {}",
                 replacement.size(), count);
    return -1;
  }
  Items removed;
  for (int64_t i = 0; i < count; ++i)
    removed.push_back(std::exchange(items[size_t(start + i * step)], std::move(replacement[size_t(i)])));
  return 0;
}

namespace {

// list + list
Ref<> list_add(Object* self, Object* other, bool reflected) {
  if (reflected) return not_implemented();
  if (!is_list(other)) {
    Ref<> offered = offer_reflected(self, other, BinaryOp::add);
    if (offered.get() != &not_implemented_object) return offered;
    return raise_format(type_error_type, "can only concatenate list (not \"{}\") to list",
                        type_name(other->type));
  }
  Items items = as_list(self)->items;
  const Items& more = as_list(other)->items;
  if (!check_item_budget(items.size() + more.size())) return nullptr;
  items.insert(items.end(), more.begin(), more.end());
  return make_list(std::move(items));
}

// list * n and n * list
Ref<> list_multiply(Object* self, Object* other, bool reflected) {
  if (!reflected && !is_int(other) && !other->type->index) {
    Ref<> offered = offer_reflected(self, other, BinaryOp::multiply);
    if (offered.get() != &not_implemented_object) return offered;
  }
  int64_t count = 0;
  if (!repeat_count(other, &count)) return nullptr;
  Items items;
  if (!repeat_items(as_list(self)->items, count, &items)) return nullptr;
  return make_list(std::move(items));
}

// list += iterable
Ref<> list_inplace_add(Object* self, Object* other) {
  if (list_extend(as_list(self), other) < 0) return nullptr;
  return Ref<>::borrow(self);
}

// list *= n
Ref<> list_inplace_multiply(Object* self, Object* other) {
  int64_t count = 0;
  if (!repeat_count(other, &count)) return nullptr;
  Items items;
  if (!repeat_items(as_list(self)->items, count, &items)) return nullptr;
  Items old = std::exchange(as_list(self)->items, std::move(items));
  return Ref<>::borrow(self);
}

// An index argument clamped into [0, size] as list.insert and list.index do.
bool clamped_index(Object* value, size_t size, int64_t* out) {
  if (!is_int(value) && !value->type->index) {
    raise_format(type_error_type, "'{}' object cannot be interpreted as an integer",
                 type_name(value->type));
    return false;
  }
  if (!index_to_int64(value, out)) {
    if (!exception_matches(overflow_error_type)) return false;
    clear_exception();
    Ref<Int> zero = make_int(int64_t(0));
    if (!zero) return false;
    const int negative = compare_truth(value, zero.get(), CompareOp::less);
    if (negative < 0) return false;
    *out = negative ? INT64_MIN / 2 : INT64_MAX / 2;
  }
  if (*out < 0) *out = std::max<int64_t>(0, *out + int64_t(size));
  if (*out > int64_t(size)) *out = int64_t(size);
  return true;
}

Ref<> insert_method(Object* self, CallArgs args) {
  if (args.keyword_count()) return raise(type_error_type, "list.insert() takes no keyword arguments");
  if (args.count != 2)
    return raise_format(type_error_type, "insert expected 2 arguments, got {}", args.count);
  Items& items = as_list(self)->items;
  int64_t where = 0;
  if (!clamped_index(args.values[0], items.size(), &where)) return nullptr;
  items.insert(items.begin() + where, Ref<>::borrow(args.values[1]));
  return none();
}

// The position of the first item equal to `value` in [start, stop), -1 when absent, -2
// after raising.
int64_t find_item(List* list, Object* value, int64_t start, int64_t stop) {
  for (int64_t i = start; i < stop && i < int64_t(list->items.size()); ++i) {
    Ref<> item = list->items[size_t(i)];  // __eq__ may change the list
    const int same = equal(item.get(), value);
    if (same < 0) return -2;
    if (same) return i;
  }
  return -1;
}

Ref<> remove_method(Object* self, CallArgs args) {
  if (!check_positional("list.remove", args, 1, 1)) return nullptr;
  const int64_t found = find_item(as_list(self), args.values[0], 0, INT64_MAX);
  if (found == -2) return nullptr;
  if (found == -1) return raise(value_error_type, "list.remove(x): x not in list");
  Items& items = as_list(self)->items;
  Ref<> removed = std::move(items[size_t(found)]);
  items.erase(items.begin() + found);
  return none();
}

Ref<> pop_method(Object* self, CallArgs args) {
  if (!check_positional("pop", args, 0, 1)) return nullptr;
  Items& items = as_list(self)->items;
  int64_t where = -1;
  if (args.count == 1) {
    Object* value = args.values[0];
    if (!is_int(value) && !value->type->index) {
      return raise_format(type_error_type, "'{}' object cannot be interpreted as an integer",
                          type_name(value->type));
    }
    if (!index_to_int64(value, &where)) return nullptr;
  }
  if (items.empty()) return raise(index_error_type, "pop from empty list");
  if (where < 0) where += int64_t(items.size());
  if (where < 0 || where >= int64_t(items.size())) return raise(index_error_type, "pop index out of range");
  Ref<> item = std::move(items[size_t(where)]);
  items.erase(items.begin() + where);
  return item;
}

// index(value, start=0, stop=sys.maxsize, /)
Ref<> index_method(Object* self, CallArgs args) {
  if (!check_positional("index", args, 1, 3)) return nullptr;
  const size_t size = as_list(self)->items.size();
  int64_t start = 0, stop = int64_t(size);
  if (args.count > 1 && !clamped_index(args.values[1], size, &start)) return nullptr;
  if (args.count > 2 && !clamped_index(args.values[2], size, &stop)) return nullptr;
  const int64_t found = find_item(as_list(self), args.values[0], start, stop);
  if (found == -2) return nullptr;
  if (found >= 0) return make_int(found);
  Ref<Str> text = repr(args.values[0]);
  if (!text) return nullptr;
  return raise_format(value_error_type, "{} is not in list", text->value);
}

Ref<> count_method(Object* self, CallArgs args) {
  if (!check_positional("list.count", args, 1, 1)) return nullptr;
  int64_t count = 0;
  List* list = as_list(self);
  for (size_t i = 0; i < list->items.size(); ++i) {
    Ref<> item = list->items[i];
    const int same = equal(item.get(), args.values[0]);
    if (same < 0) return nullptr;
    count += same;
  }
  return make_int(count);
}

Ref<> reverse_method(Object* self, CallArgs args) {
  if (!check_positional("list.reverse", args, 0, 0)) return nullptr;
  std::reverse(as_list(self)->items.begin(), as_list(self)->items.end());
  return none();
}

// sort(*, key=None, reverse=False)
Ref<> sort_method(Object* self, CallArgs args) {
  if (args.positional_count()) return raise(type_error_type, "sort() takes no positional arguments");
  Object* values[2] = {};  // key, reverse
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    const std::string& keyword = as_str(args.keyword_names->items[i].get())->value;
    if (keyword != "key" && keyword != "reverse")
      return raise_format(type_error_type, "'{}' is an invalid keyword argument for sort()", keyword);
    values[keyword == "key" ? 0 : 1] = args.values[i];
  }
  int reverse = 0;
  if (values[1] && (reverse = truthy(values[1])) < 0) return nullptr;
  Object* key = values[0] && !is_none(values[0]) ? values[0] : nullptr;
  if (list_sort(as_list(self), key, reverse) < 0) return nullptr;
  return none();
}

Ref<> copy_method(Object* self, CallArgs args) {
  if (!check_positional("list.copy", args, 0, 0)) return nullptr;
  return make_list(as_list(self)->items);
}

Ref<> clear_method(Object* self, CallArgs args) {
  if (!check_positional("list.clear", args, 0, 0)) return nullptr;
  Items old = std::move(as_list(self)->items);
  as_list(self)->items.clear();
  return none();
}

const NativeMethod list_methods[] = {
    {"insert", insert_method}, {"remove", remove_method},   {"pop", pop_method},
    {"index", index_method},   {"count", count_method},     {"reverse", reverse_method},
    {"sort", sort_method},     {"copy", copy_method},       {"clear", clear_method},
    {nullptr, nullptr},
};

}  // namespace

void install_list_operations(Type& type) {
  type.binary[size_t(BinaryOp::add)] = list_add;
  type.binary[size_t(BinaryOp::multiply)] = list_multiply;
  type.inplace[size_t(BinaryOp::add)] = list_inplace_add;
  type.inplace[size_t(BinaryOp::multiply)] = list_inplace_multiply;
  install_methods(type, list_methods);
}

}  // namespace py
