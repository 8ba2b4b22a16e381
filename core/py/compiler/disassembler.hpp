// The disassembler behind `--dis`: a Code object as text in the layout of CPython 3.10's
// `dis.dis` — source line, jump-target marker, instruction index, opcode name, argument and
// its meaning in parentheses — followed by the nested code objects it contains.
//
// Design decision: constants are rendered here (None, bools, ints, floats, strs, bytes,
// tuples, code objects) rather than through repr(), so disassembling needs no readied builtin
// types. Offsets are instruction indexes (our jumps are absolute indexes), not bytes.
#pragma once

#include <string>

#include "core/py/compiler/code.hpp"

namespace py {

// The listing of `code` and, after it, of each code object among its constants
// ("Disassembly of <code object f at 0x..., file "main.py", line 3>:"), recursively.
std::string disassemble(const Code* code);

}  // namespace py
