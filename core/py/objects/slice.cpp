// slice: construction, attributes, indices(), repr, comparison, and slice_indices().
#include "core/py/objects/slice.hpp"

#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type slice_type = builtin_type<Slice>("slice", 0);

Ref<Slice> make_slice(Object* start, Object* stop, Object* step) {
  Ref<Slice> slice = make_object<Slice>(&slice_type);
  if (!slice) return nullptr;
  slice->start = start ? Ref<>::borrow(start) : none();
  slice->stop = stop ? Ref<>::borrow(stop) : none();
  slice->step = step ? Ref<>::borrow(step) : none();
  return slice;
}

namespace {

Slice* as_slice(Object* object) { return static_cast<Slice*>(object); }

// One bound as CPython's _PyEval_SliceIndex: None keeps `fallback`; an int too large for
// int64 clamps to the int64 range with its sign.
bool read_bound(Object* bound, int64_t fallback, int64_t* out) {
  if (is_none(bound)) {
    *out = fallback;
    return true;
  }
  if (!is_int(bound) && !bound->type->index) {
    raise(type_error_type,
          "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Ref<> value = index(bound);
  if (!value) return false;
  if (index_to_int64(value.get(), out)) return true;
  if (!exception_matches(overflow_error_type)) return false;
  clear_exception();
  Ref<Int> zero = make_int(int64_t(0));
  if (!zero) return false;
  const int negative = compare_truth(value.get(), zero.get(), CompareOp::less);
  if (negative < 0) return false;
  *out = negative ? INT64_MIN : INT64_MAX;
  return true;
}

// PySlice_AdjustIndices for one bound.
int64_t adjust_bound(int64_t bound, int64_t length, int64_t step) {
  if (bound < 0) {
    bound += length;
    if (bound < 0) bound = step < 0 ? -1 : 0;
  } else if (bound >= length) {
    bound = step < 0 ? length - 1 : length;
  }
  return bound;
}

}  // namespace

bool slice_indices(Object* slice_object, int64_t length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* count) {
  Slice* slice = as_slice(slice_object);
  if (!read_bound(slice->step.get(), 1, step)) return false;
  if (*step == 0) {
    raise(value_error_type, "slice step cannot be zero");
    return false;
  }
  if (*step < -INT64_MAX) *step = -INT64_MAX;  // so that -step cannot overflow
  const bool backward = *step < 0;
  if (!read_bound(slice->start.get(), backward ? INT64_MAX : 0, start)) return false;
  if (!read_bound(slice->stop.get(), backward ? INT64_MIN : INT64_MAX, stop)) return false;
  *start = adjust_bound(*start, length, *step);
  *stop = adjust_bound(*stop, length, *step);
  *count = 0;
  if (backward && *stop < *start) *count = (*start - *stop - 1) / -*step + 1;
  if (!backward && *start < *stop) *count = (*stop - *start - 1) / *step + 1;
  return true;
}

namespace {

// slice(stop) / slice(start, stop[, step])
Ref<> slice_new(Type*, CallArgs args) {
  if (args.keyword_names) return raise(type_error_type, "slice() takes no keyword arguments");
  if (args.count < 1) return raise(type_error_type, "slice expected at least 1 argument, got 0");
  if (args.count > 3) {
    return raise_format(type_error_type, "slice expected at most 3 arguments, got {}",
                        args.count);
  }
  if (args.count == 1) return make_slice(nullptr, args.values[0], nullptr);
  return make_slice(args.values[0], args.values[1], args.count == 3 ? args.values[2] : nullptr);
}

Ref<> slice_repr(Object* self) {
  Slice* slice = as_slice(self);
  std::string text = "slice(";
  Object* parts[3] = {slice->start.get(), slice->stop.get(), slice->step.get()};
  for (int i = 0; i < 3; ++i) {
    if (i) text += ", ";
    Ref<Str> part = repr(parts[i]);
    if (!part) return nullptr;
    text += part->value;
  }
  text += ")";
  return make_str(std::move(text));
}

Ref<Tuple> slice_as_tuple(Object* self) {
  Slice* slice = as_slice(self);
  return make_tuple({slice->start.get(), slice->stop.get(), slice->step.get()});
}

// Compared as the tuple (start, stop, step), as CPython does.
Ref<> slice_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_slice(other)) return not_implemented();
  Ref<Tuple> left = slice_as_tuple(self);
  Ref<Tuple> right = slice_as_tuple(other);
  if (!left || !right) return nullptr;
  return rich_compare(left.get(), right.get(), op);
}

// slice.indices(length) → (start, stop, step), as CPython's _PySlice_GetLongIndices for
// lengths that fit int64.
Ref<> slice_indices_method(Object* self, CallArgs args) {
  Object* length_object = nullptr;
  if (!parse_arguments("indices", args, {"length"}, 1, &length_object, 1)) return nullptr;
  if (!is_int(length_object) && !length_object->type->index) {
    return raise_format(type_error_type, "'{}' object cannot be interpreted as an integer",
                        type_name(length_object->type));
  }
  int64_t length = 0;
  if (!index_to_int64(length_object, &length)) return nullptr;
  if (length < 0) return raise(value_error_type, "length should not be negative");
  int64_t start = 0, stop = 0, step = 0, count = 0;
  if (!slice_indices(self, length, &start, &stop, &step, &count)) return nullptr;
  Ref<Int> parts[3] = {make_int(start), make_int(stop), make_int(step)};
  for (const Ref<Int>& part : parts)
    if (!part) return nullptr;
  return make_tuple({parts[0].get(), parts[1].get(), parts[2].get()});
}

Ref<> slice_start(Object* self) { return as_slice(self)->start; }
Ref<> slice_stop(Object* self) { return as_slice(self)->stop; }
Ref<> slice_step(Object* self) { return as_slice(self)->step; }

const GetSetDefinition slice_getsets[] = {
    {"start", slice_start, nullptr},
    {"stop", slice_stop, nullptr},
    {"step", slice_step, nullptr},
    {nullptr, nullptr, nullptr},
};

const NativeMethod slice_methods[] = {
    {"indices", slice_indices_method},
    {nullptr, nullptr},
};

}  // namespace

int ready_slice_type() {
  slice_type.new_instance = slice_new;
  slice_type.repr = slice_repr;
  slice_type.rich_compare = slice_rich_compare;
  if (ready_type(slice_type) < 0) return -1;
  if (install_getsets(slice_type, slice_getsets) < 0) return -1;
  install_methods(slice_type, slice_methods);
  return 0;
}

}  // namespace py
