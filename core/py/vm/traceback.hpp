// Traceback objects (tb_frame, tb_lasti, tb_lineno, tb_next) and the text CPython 3.11
// prints for an uncaught exception (format_traceback, declared in execution.hpp).
//
// Design: an entry is added each time an exception passes through a frame, as CPython's
// PyTraceBack_Here, and remembers the instruction index; line, columns and the source
// line come from the Code's position table when the text is formatted. The carets follow
// CPython 3.11's C printer (Python/traceback.c): shown only for single-line spans that do
// not cover the whole stripped line, with `~` under the operands of a binary operator or
// a subscript's value found by scanning the source segment. Cost: the anchor scan is a
// small tokenizer of its own rather than CPython's parser, so exotic segments (comments
// or strings holding operator characters) fall back to plain carets.
#pragma once

#include <string>

#include "core/py/objects/object.hpp"

namespace py {

struct Frame;

struct Traceback : Object {
  Ref<> next;                 // tb_next: the entry of the frame the exception came from, or null
  Frame* frame = nullptr;     // owned: tb_frame
  uint32_t instruction = 0;   // tb_lasti (an instruction index)
  int32_t line = 0;           // tb_lineno
};

extern Type traceback_type;

// A new traceback entry on top of `next` (may be null). Null with MemoryError.
Ref<Traceback> make_traceback(Object* next, Frame* frame, uint32_t instruction);

// Line `number` (from 1) of a file the run has compiled, as CPython's linecache reads it
// (a line ends at "\n", "\r\n" or a lone "\r"), without its line break; false when the
// file or the line is unknown.
bool source_line(const std::string& filename, int number, std::string* out);

int ready_traceback_type();

}  // namespace py
