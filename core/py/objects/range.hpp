// range: an immutable arithmetic sequence of int64 values (ranges beyond int64 are
// refused with OverflowError naming the limit — a known difference from CPython).
#pragma once

#include <cstdint>

#include "core/py/objects/object.hpp"

namespace py {

struct Range : Object {
  int64_t start = 0;   // first value
  int64_t stop = 0;    // bound, exclusive
  int64_t step = 1;    // never zero
  int64_t length = 0;  // number of values
};

extern Type range_type;

int ready_range_types();

}  // namespace py
