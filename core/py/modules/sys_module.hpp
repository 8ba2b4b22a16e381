// The sys module: the run's argv, exit, recursion limit, loaded modules and streams.
//
// Design: the C++ part (sys_module.cpp) holds what reads or changes the run's state
// (runtime.hpp); sys.stdout, sys.stderr and sys.stdin are TextStream objects
// (sys_streams.cpp) whose methods are C++, so print() through sys.stdout costs one native
// call; the record-like values (version_info, implementation, float_info) are classes of
// the Python part (parts/sys.py), which runs after the C++ part in the same namespace.
#pragma once

#include "core/py/objects/module.hpp"

namespace py {

// A text stream over the run's Host output or its stdin text (an io.TextIOWrapper to the
// program: write/flush/read/readline/readlines, iteration by lines).
struct TextStream : Object {
  int file_number = 0;  // 0 stdin (reads options.stdin_text), 1 stdout, 2 stderr
};

extern Type text_stream_type;

// Readies TextStream for this run and returns a new stream for file number 0, 1 or 2.
Ref<TextStream> make_text_stream(int file_number);

// Fills the sys module's C++ part. -1 on error.
int init_sys_module(Module* module);

}  // namespace py
