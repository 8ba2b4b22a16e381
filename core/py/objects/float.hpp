// float: an IEEE double. repr is CPython's shortest round-trip form (float_repr.hpp).
#pragma once

#include "core/py/objects/object.hpp"

namespace py {

struct Float : Object {
  double value = 0;  // the number
};

extern Type float_type;

inline bool is_float(const Object* object) { return is_instance(object, float_type); }

Ref<Float> make_float(double value);

// float(o) for numbers: int → correctly rounded (OverflowError "int too large to convert
// to float"), float → itself, objects with __float__/__index__. False on error.
bool to_double(Object* object, double* out);

// hash(value) for a float, CPython's _Py_HashDouble: an integral value hashes as the equal
// int, infinities as +-314159, NaN by the identity of `instance` (as Python 3.10+).
int64_t hash_double(double value, Object* instance);

}  // namespace py
