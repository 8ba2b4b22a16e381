// tuple: construction, the core protocol (length, indexing and slicing, iteration,
// hashing, comparison, repr), + and *, and the methods count and index.
#include "core/py/objects/tuple.hpp"

#include <algorithm>
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/repr_guard.hpp"
#include "core/py/objects/sequence_operations.hpp"
#include "core/py/objects/sequence_iterator.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type tuple_type = builtin_type<Tuple>("tuple", type_flag_base_allowed | type_flag_tuple_subclass);

Ref<Tuple> make_tuple(std::vector<Ref<>> items) {
  Ref<Tuple> tuple = make_object<Tuple>(&tuple_type);
  if (tuple) tuple->items = std::move(items);
  return tuple;
}

Ref<Tuple> make_tuple(std::initializer_list<Object*> items) {
  std::vector<Ref<>> held;
  held.reserve(items.size());
  for (Object* item : items) held.push_back(Ref<>::borrow(item));
  return make_tuple(std::move(held));
}

Ref<Tuple> empty_tuple() { return make_tuple(std::vector<Ref<>>{}); }

namespace {

Tuple* as_tuple(Object* object) { return static_cast<Tuple*>(object); }

int64_t tuple_length(Object* self) { return int64_t(as_tuple(self)->items.size()); }

// CPython 3.11's tuplehash: xxHash's round over the items' hashes.
int64_t tuple_hash(Object* self) {
  constexpr uint64_t prime1 = 11400714785074694791ULL;
  constexpr uint64_t prime2 = 14029467366897019727ULL;
  constexpr uint64_t prime5 = 2870177450012600261ULL;
  const auto& items = as_tuple(self)->items;
  uint64_t accumulator = prime5;
  for (const Ref<>& item : items) {
    const int64_t item_hash = hash(item.get());
    if (item_hash == -1) return -1;
    accumulator += uint64_t(item_hash) * prime2;
    accumulator = (accumulator << 31) | (accumulator >> 33);
    accumulator *= prime1;
  }
  accumulator += items.size() ^ (prime5 ^ 3527539UL);
  if (accumulator == uint64_t(-1)) return 1546275796;
  return int64_t(accumulator);
}

Ref<> tuple_get_item(Object* self, Object* key) {
  const auto& items = as_tuple(self)->items;
  int64_t start = 0, step = 0, count = 0;
  const int sliced = unpack_sequence_slice(key, items.size(), &start, &step, &count);
  if (sliced < 0) return nullptr;
  if (sliced) {
    if (count == int64_t(items.size()) && step == 1 && is_exact(self, tuple_type))
      return Ref<>::borrow(self);
    return make_tuple(slice_items(items, start, step, count));
  }
  if (!is_int(key) && !key->type->index) {
    return raise_format(type_error_type, "tuple indices must be integers or slices, not {}",
                        type_name(key->type));
  }
  int64_t index = 0;
  if (!index_to_int64(key, &index)) {
    if (!exception_matches(overflow_error_type)) return nullptr;
    clear_exception();
    return raise(index_error_type, "cannot fit 'int' into an index-sized integer");
  }
  if (index < 0) index += int64_t(items.size());
  if (index < 0 || index >= int64_t(items.size()))
    return raise(index_error_type, "tuple index out of range");
  return items[size_t(index)];
}

int tuple_contains(Object* self, Object* item) {
  for (const Ref<>& element : as_tuple(self)->items) {
    const int same = equal(element.get(), item);
    if (same != 0) return same;
  }
  return 0;
}

Ref<> tuple_iter(Object* self) { return make_sequence_iterator(self); }

Ref<> tuple_repr(Object* self) {
  const auto& items = as_tuple(self)->items;
  if (items.empty()) return make_str("()");
  ReprGuard guard(self);
  if (guard.recursive()) return make_str("(...)");
  std::string text = "(";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) text += ", ";
    Ref<Str> item = repr(items[i].get());
    if (!item) return nullptr;
    text += item->value;
  }
  text += items.size() == 1 ? ",)" : ")";
  return make_str(std::move(text));
}

// Lexicographic comparison, as CPython's tuplerichcompare: the first unequal pair decides.
Ref<> tuple_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_tuple(other)) return not_implemented();
  const auto& left = as_tuple(self)->items;
  const auto& right = as_tuple(other)->items;
  size_t i = 0;
  for (; i < left.size() && i < right.size(); ++i) {
    const int same = equal(left[i].get(), right[i].get());
    if (same < 0) return nullptr;
    if (!same) break;
  }
  if (i >= left.size() || i >= right.size()) {
    const int64_t a = int64_t(left.size()), b = int64_t(right.size());
    return make_bool(order_satisfies(a - b, op));
  }
  if (op == CompareOp::equal) return make_bool(false);
  if (op == CompareOp::not_equal) return make_bool(true);
  return rich_compare(left[i].get(), right[i].get(), op);
}

// tuple(iterable)
Ref<> tuple_new(Type* type, CallArgs args) {
  if (!check_positional("tuple", args, 0, 1)) return nullptr;
  Object* iterable = args.count ? args.values[0] : nullptr;
  std::vector<Ref<>> items;
  if (iterable) {
    Ref<> iterator = get_iter(iterable);
    if (!iterator) return nullptr;
    while (Ref<> item = iter_next(iterator.get())) items.push_back(std::move(item));
    if (exception_pending()) return nullptr;
  }
  if (type == &tuple_type) return make_tuple(std::move(items));
  Ref<Tuple> tuple = make_object<Tuple>(type);
  if (tuple) tuple->items = std::move(items);
  return tuple;
}

// tuple + tuple
Ref<> tuple_add(Object* self, Object* other, bool reflected) {
  if (reflected) return not_implemented();
  if (!is_tuple(other)) {
    Ref<> offered = offer_reflected(self, other, BinaryOp::add);
    if (offered.get() != &not_implemented_object) return offered;
    return raise_format(type_error_type, "can only concatenate tuple (not \"{}\") to tuple",
                        type_name(other->type));
  }
  Items items = as_tuple(self)->items;
  const Items& more = as_tuple(other)->items;
  if (!check_item_budget(items.size() + more.size())) return nullptr;
  items.insert(items.end(), more.begin(), more.end());
  return make_tuple(std::move(items));
}

// tuple * n and n * tuple
Ref<> tuple_multiply(Object* self, Object* other, bool reflected) {
  if (!reflected && !is_int(other) && !other->type->index) {
    Ref<> offered = offer_reflected(self, other, BinaryOp::multiply);
    if (offered.get() != &not_implemented_object) return offered;
  }
  int64_t count = 0;
  if (!repeat_count(other, &count)) return nullptr;
  if (count == 1 && is_exact(self, tuple_type)) return Ref<>::borrow(self);
  Items items;
  if (!repeat_items(as_tuple(self)->items, count, &items)) return nullptr;
  return make_tuple(std::move(items));
}

Ref<> tuple_count_method(Object* self, CallArgs args) {
  if (!check_positional("tuple.count", args, 1, 1)) return nullptr;
  int64_t count = 0;
  for (const Ref<>& item : as_tuple(self)->items) {
    const int same = equal(item.get(), args.values[0]);
    if (same < 0) return nullptr;
    count += same;
  }
  return make_int(count);
}

// A start/stop argument of index(), clamped into [0, size].
bool clamped_bound(Object* value, size_t size, int64_t* out) {
  if (!is_int(value) && !value->type->index) {
    raise(type_error_type, "slice indices must be integers or have an __index__ method");
    return false;
  }
  if (!index_to_int64(value, out)) return false;
  if (*out < 0) *out = std::max<int64_t>(0, *out + int64_t(size));
  if (*out > int64_t(size)) *out = int64_t(size);
  return true;
}

// index(value, start=0, stop=sys.maxsize, /)
Ref<> tuple_index_method(Object* self, CallArgs args) {
  if (!check_positional("index", args, 1, 3)) return nullptr;
  const Items& items = as_tuple(self)->items;
  int64_t start = 0, stop = int64_t(items.size());
  if (args.count > 1 && !clamped_bound(args.values[1], items.size(), &start)) return nullptr;
  if (args.count > 2 && !clamped_bound(args.values[2], items.size(), &stop)) return nullptr;
  for (int64_t i = start; i < stop; ++i) {
    const int same = equal(items[size_t(i)].get(), args.values[0]);
    if (same < 0) return nullptr;
    if (same) return make_int(i);
  }
  return raise(value_error_type, "tuple.index(x): x not in tuple");
}

const NativeMethod tuple_methods[] = {
    {"count", tuple_count_method},
    {"index", tuple_index_method},
    {nullptr, nullptr},
};

}  // namespace

int ready_tuple_type() {
  tuple_type.binary[size_t(BinaryOp::add)] = tuple_add;
  tuple_type.binary[size_t(BinaryOp::multiply)] = tuple_multiply;
  install_methods(tuple_type, tuple_methods);
  tuple_type.length = tuple_length;
  tuple_type.hash = tuple_hash;
  tuple_type.get_item = tuple_get_item;
  tuple_type.contains = tuple_contains;
  tuple_type.iter = tuple_iter;
  tuple_type.repr = tuple_repr;
  tuple_type.rich_compare = tuple_rich_compare;
  tuple_type.new_instance = tuple_new;
  return ready_type(tuple_type);
}

}  // namespace py
