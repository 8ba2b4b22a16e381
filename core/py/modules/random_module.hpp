// The random module's C++ part (random_module.cpp): the class _random.Random. The Python
// part (parts/random.py) subclasses it as random.Random and binds the module-level
// functions to a hidden instance.
#pragma once

#include "core/py/modules/random_algorithms.hpp"
#include "core/py/objects/module.hpp"

namespace py {

// An instance of random.Random (or of a subclass).
struct RandomObject : Object {
  Random generator;  // the Mersenne Twister and random.py's state (gauss_next)
};

extern Type random_type;

// Readies random.Random for this run and puts it into `module`. -1 on error.
int init_random_module(Module* module);

}  // namespace py
