// The sequence helpers list and tuple share (sequence_operations.hpp).
#include "core/py/objects/sequence_operations.hpp"

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/slice.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Items slice_items(const Items& items, int64_t start, int64_t step, int64_t count) {
  Items out;
  out.reserve(size_t(count));
  for (int64_t i = 0; i < count; ++i) out.push_back(items[size_t(start + i * step)]);
  return out;
}

bool check_item_budget(uint64_t count) { return check_heap_room(sizeof(Ref<>), count); }

bool repeat_count(Object* other, int64_t* count) {
  if (!is_int(other) && !other->type->index) {
    raise_format(type_error_type, "can't multiply sequence by non-int of type '{}'",
                 type_name(other->type));
    return false;
  }
  if (!index_to_int64(other, count)) {
    if (!exception_matches(overflow_error_type)) return false;
    clear_exception();
    raise(overflow_error_type, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (*count < 0) *count = 0;
  return true;
}

bool repeat_items(const Items& items, int64_t count, Items* out) {
  if (items.empty() || count == 0) return true;
  if (uint64_t(count) > UINT64_MAX / items.size() ||
      !check_item_budget(uint64_t(count) * items.size())) {
    if (!exception_pending()) raise_memory_error();
    return false;
  }
  out->reserve(items.size() * size_t(count));
  for (int64_t i = 0; i < count; ++i) out->insert(out->end(), items.begin(), items.end());
  return true;
}

Ref<> offer_reflected(Object* sequence, Object* other, BinaryOp op) {
  auto slot = other->type->binary[size_t(op)];
  if (!slot || other->type == sequence->type) return not_implemented();
  return slot(other, sequence, true);
}

int unpack_sequence_slice(Object* key, size_t length, int64_t* start, int64_t* step,
                          int64_t* count) {
  if (!is_slice(key)) return 0;
  int64_t stop = 0;
  return slice_indices(key, int64_t(length), start, &stop, step, count) ? 1 : -1;
}

}  // namespace py
