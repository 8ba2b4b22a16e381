// The builtin iterator types that wrap other iterables: enumerate and zip.
#pragma once

#include "core/py/objects/object.hpp"

namespace py {

extern Type enumerate_type;
extern Type zip_type;

int ready_iterator_types();

}  // namespace py
