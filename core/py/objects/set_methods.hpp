// The named methods of set and frozenset (set_methods.cpp).
#pragma once

namespace py {

// Installs set's and frozenset's methods (ready_set_types calls it).
void install_set_methods();

}  // namespace py
