// range: an immutable arithmetic sequence of int64 values (length, indexing and slicing,
// membership without iteration for ints, iteration, index/count, start/stop/step, repr,
// equality by the values held). Cost of int64 bounds: range(10**20) is refused.
#include "core/py/objects/range.hpp"

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/slice.hpp"
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

// range[slice]: the range of the selected values (CPython's compute_slice).
Ref<> range_slice(Range* range, Object* slice) {
  int64_t start = 0, stop = 0, step = 0, count = 0;
  if (!slice_indices(slice, range->length, &start, &stop, &step, &count)) return nullptr;
  Ref<Range> result = make_object<Range>(&range_type);
  if (!result) return nullptr;
  result->start = range->start + start * range->step;
  result->stop = range->start + stop * range->step;
  result->step = step * range->step;
  result->length = count;
  return result;
}

Ref<> range_get_item(Object* self, Object* key) {
  Range* range = as_range(self);
  if (is_slice(key)) return range_slice(range, key);
  if (!is_int(key) && !key->type->index) {
    return raise_format(type_error_type, "range indices must be integers or slices, not {}",
                        type_name(key->type));
  }
  int64_t index = 0;
  if (!index_to_int64(key, &index)) {
    if (!exception_matches(overflow_error_type)) return nullptr;
    clear_exception();
    return raise(index_error_type, "range object index out of range");
  }
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
  if (range->step == 1) return make_str(format_message("range({}, {})", range->start, range->stop));
  return make_str(format_message("range({}, {}, {})", range->start, range->stop, range->step));
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

// The position of `value` in the range, or -1 when absent; -2 after an error.
int64_t position_of(Range* range, Object* value) {
  const int found = range_contains(range, value);
  if (found < 0) return -2;
  if (!found) return -1;
  if (is_exact(value, int_type) || is_exact(value, bool_type)) {
    int64_t number = 0;
    if (!int_to_int64(static_cast<Int*>(value), &number)) return -1;
    return (number - range->start) / range->step;
  }
  for (int64_t i = 0; i < range->length; ++i) {
    Ref<> element = make_int(range->start + i * range->step);
    if (!element) return -2;
    const int same = equal(element.get(), value);
    if (same < 0) return -2;
    if (same) return i;
  }
  return -1;
}

Ref<> range_index_method(Object* self, CallArgs args) {
  if (!check_positional("range.index", args, 1, 1)) return nullptr;
  const int64_t position = position_of(as_range(self), args.values[0]);
  if (position == -2) return nullptr;
  if (position >= 0) return make_int(position);
  Ref<Str> text = repr(args.values[0]);
  if (!text) return nullptr;
  return raise_format(value_error_type, "{} is not in range", text->value);
}

Ref<> range_count_method(Object* self, CallArgs args) {
  if (!check_positional("range.count", args, 1, 1)) return nullptr;
  Range* range = as_range(self);
  Object* value = args.values[0];
  if (is_exact(value, int_type) || is_exact(value, bool_type)) {
    const int found = range_contains(range, value);
    if (found < 0) return nullptr;
    return make_int(int64_t(found));
  }
  int64_t count = 0;
  for (int64_t i = 0; i < range->length; ++i) {
    Ref<> element = make_int(range->start + i * range->step);
    if (!element) return nullptr;
    const int same = equal(element.get(), value);
    if (same < 0) return nullptr;
    count += same;
  }
  return make_int(count);
}

Ref<> range_start(Object* self) { return make_int(as_range(self)->start); }
Ref<> range_stop(Object* self) { return make_int(as_range(self)->stop); }
Ref<> range_step(Object* self) { return make_int(as_range(self)->step); }

const GetSetDefinition range_getsets[] = {
    {"start", range_start, nullptr},
    {"stop", range_stop, nullptr},
    {"step", range_step, nullptr},
    {nullptr, nullptr, nullptr},
};

const NativeMethod range_methods[] = {
    {"index", range_index_method},
    {"count", range_count_method},
    {nullptr, nullptr},
};

}  // namespace

int ready_range_types() {
  install_methods(range_type, range_methods);
  if (install_getsets(range_type, range_getsets) < 0) return -1;
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
