#include "core/py/objects/range.hpp"

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type range_type = builtin_type<Range>("range", 0);

namespace {

// The iterator over a range: its next value and how many remain.
struct RangeIterator : Object {
  int64_t next = 0;       // the value the next call returns
  int64_t step = 1;       // the range's step
  int64_t remaining = 0;  // values left
};

Type range_iterator_type = builtin_type<RangeIterator>("range_iterator", 0);

Range* as_range(Object* object) { return static_cast<Range*>(object); }

int64_t range_length_of(int64_t start, int64_t stop, int64_t step) {
  if (step > 0 && start < stop) return int64_t((uint64_t(stop) - uint64_t(start) - 1) / uint64_t(step) + 1);
  if (step < 0 && start > stop)
    return int64_t((uint64_t(start) - uint64_t(stop) - 1) / (0 - uint64_t(step)) + 1);
  return 0;
}

// range(stop) / range(start, stop[, step])
Ref<> range_new(Type*, CallArgs args) {
  if (args.keyword_count()) return raise(type_error_type, "range() takes no keyword arguments");
  if (args.count == 0) return raise(type_error_type, "range expected at least 1 argument, got 0");
  if (args.count > 3)
    return raise_format(type_error_type, "range expected at most 3 arguments, got {}", args.count);
  int64_t values[3] = {0, 0, 1};
  for (size_t i = 0; i < args.count; ++i) {
    Object* argument = args.values[i];
    if (!is_int(argument) && !argument->type->index) {
      return raise_format(type_error_type, "'{}' object cannot be interpreted as an integer",
                          type_name(argument->type));
    }
    if (!index_to_int64(argument, &values[args.count == 1 ? 1 : i])) return nullptr;
  }
  if (values[2] == 0) return raise(value_error_type, "range() arg 3 must not be zero");
  Ref<Range> range = make_object<Range>(&range_type);
  if (!range) return nullptr;
  range->start = values[0];
  range->stop = values[1];
  range->step = values[2];
  range->length = range_length_of(values[0], values[1], values[2]);
  return range;
}

int64_t range_length(Object* self) { return as_range(self)->length; }

Ref<> range_get_item(Object* self, Object* key) {
  Range* range = as_range(self);
  if (!is_int(key) && !key->type->index) {
    return raise_format(type_error_type, "range indices must be integers or slices, not {}",
                        type_name(key->type));
  }
  int64_t index = 0;
  if (!index_to_int64(key, &index)) return nullptr;
  if (index < 0) index += range->length;
  if (index < 0 || index >= range->length) return raise(index_error_type, "range object index out of range");
  return make_int(range->start + index * range->step);
}

int range_contains(Object* self, Object* item) {
  Range* range = as_range(self);
  int64_t value = 0;
  if (!is_exact(item, int_type) && !is_exact(item, bool_type)) {
    // Any other object: compare with each value, as CPython's generic path does.
    for (int64_t i = 0; i < range->length; ++i) {
      Ref<> element = make_int(range->start + i * range->step);
      const int same = equal(element.get(), item);
      if (same != 0) return same;
    }
    return 0;
  }
  if (!int_to_int64(static_cast<Int*>(item), &value)) return 0;
  if (range->length == 0) return 0;
  if (range->step > 0 ? (value < range->start || value >= range->stop)
                      : (value > range->start || value <= range->stop))
    return 0;
  return (value - range->start) % range->step == 0;
}

Ref<> range_iter(Object* self) {
  Range* range = as_range(self);
  Ref<RangeIterator> iterator = make_object<RangeIterator>(&range_iterator_type);
  if (!iterator) return nullptr;
  iterator->next = range->start;
  iterator->step = range->step;
  iterator->remaining = range->length;
  return iterator;
}

Ref<> range_iterator_next(Object* self) {
  auto* iterator = static_cast<RangeIterator*>(self);
  if (iterator->remaining <= 0) return nullptr;
  --iterator->remaining;
  const int64_t value = iterator->next;
  iterator->next += iterator->step;
  return make_int(value);
}

Ref<> range_repr(Object* self) {
  Range* range = as_range(self);
  if (range->step == 1) return make_str(fmt::format("range({}, {})", range->start, range->stop));
  return make_str(fmt::format("range({}, {}, {})", range->start, range->stop, range->step));
}

// Ranges are equal when they hold the same values.
Ref<> range_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_exact(other, range_type) || (op != CompareOp::equal && op != CompareOp::not_equal))
    return not_implemented();
  Range* a = as_range(self);
  Range* b = as_range(other);
  bool same = a->length == b->length &&
              (a->length == 0 || (a->start == b->start && (a->length == 1 || a->step == b->step)));
  return make_bool(op == CompareOp::equal ? same : !same);
}

}  // namespace

int ready_range_types() {
  range_type.new_instance = range_new;
  range_type.length = range_length;
  range_type.get_item = range_get_item;
  range_type.contains = range_contains;
  range_type.iter = range_iter;
  range_type.repr = range_repr;
  range_type.rich_compare = range_rich_compare;
  range_iterator_type.iter = iterator_return_self;
  range_iterator_type.next = range_iterator_next;
  if (ready_type(range_iterator_type) < 0) return -1;
  return ready_type(range_type);
}

}  // namespace py
