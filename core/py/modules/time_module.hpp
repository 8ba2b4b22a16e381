// The Python `time` module: clocks read from the run's Host (DESIGN decision 3: under
// virtual time, time(), perf_counter() and monotonic() follow the virtual clock) and
// time.sleep() as a BlockingCall that waits on the Host outside the VM (decision 6), so it
// blocks every task as in CPython. Not provided: strftime, localtime, gmtime and the
// struct_time family (no example needs calendars yet).
#pragma once

#include "core/py/objects/module.hpp"

namespace py {

// Fills the `time` module (registered in modules/registry.cpp).
int init_time_module(Module* module);

}  // namespace py
