// Small slot implementations that many builtin types share.
#pragma once

#include "core/py/objects/object.hpp"

namespace py {

// The `iter` slot of every iterator: iter(it) is it.
inline Ref<> iterator_return_self(Object* self) { return Ref<>::borrow(self); }

// Whether a three-way comparison result (`order` < 0, == 0, > 0) satisfies `op`.
inline bool order_satisfies(int64_t order, CompareOp op) {
  switch (op) {
    case CompareOp::less: return order < 0;
    case CompareOp::less_equal: return order <= 0;
    case CompareOp::equal: return order == 0;
    case CompareOp::not_equal: return order != 0;
    case CompareOp::greater: return order > 0;
    case CompareOp::greater_equal: return order >= 0;
  }
  return false;
}

}  // namespace py
