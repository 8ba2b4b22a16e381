// Code objects: what the compiler produces and the VM runs — one per module, class body,
// function, lambda and comprehension.
//
// Design: instructions are 32-bit words (opcodes.hpp) with a parallel array of source
// positions, one per instruction. The parallel array costs 12 bytes an instruction
// against CPython's compressed table; in exchange tracebacks and 3.11-style carets need
// no decoding and the compiler never has to keep two tables in step.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/py/objects/object.hpp"
#include "core/py/objects/str.hpp"

namespace py {

enum class Opcode : uint8_t {
#define X(name, effect, meaning) name,
#include "core/py/compiler/opcodes.hpp"
#undef X
  count_
};

// "LOAD_FAST", ... for the disassembler and VM traces.
const char* opcode_name(Opcode opcode);

inline uint32_t make_instruction(Opcode opcode, uint32_t argument) {
  return uint32_t(opcode) | (argument << 8);
}
inline Opcode instruction_opcode(uint32_t instruction) { return Opcode(instruction & 0xff); }
inline uint32_t instruction_argument(uint32_t instruction) { return instruction >> 8; }
constexpr uint32_t kMaxInstructionArgument = (1u << 24) - 1;

// Where an instruction came from: the AST node's span (CPython's co_positions()).
struct SourcePosition {
  int32_t line = 0;             // 1-based; 0 for instructions with no line (artificial)
  int32_t end_line = 0;
  uint16_t column = 0;          // 0-based UTF-8 byte offsets, as the AST's col_offset
  uint16_t end_column = 0;
};

// co_flags, with CPython's values.
enum CodeFlags : uint32_t {
  code_flag_optimized = 0x1,        // locals are fast locals (functions)
  code_flag_new_locals = 0x2,       // a fresh locals mapping (functions, class bodies)
  code_flag_varargs = 0x4,          // has *args
  code_flag_varkeywords = 0x8,      // has **kwargs
  code_flag_nested = 0x10,          // defined inside another function
  code_flag_generator = 0x20,       // contains yield
  code_flag_coroutine = 0x80,       // async def
  code_flag_async_generator = 0x200,  // async def with yield
};

// Where the VM last found one of a code's global names (vm/name_cache.hpp): an entry index
// valid while the dicts' keys_versions are the ones recorded.
struct NameCacheEntry {
  uint64_t globals_keys_version = ~uint64_t(0);  // the globals' when filled; never a real one
                                                 // before
  uint64_t builtins_keys_version = 0;  // the builtins', when the name was found there
  uint32_t entry_index = 0;            // the name's entry in the dict it was found in
  bool in_builtins = false;            // found in builtins (absent from globals)
};

struct Code : Object {
  std::vector<uint32_t> instructions;       // opcode | argument << 8
  std::vector<SourcePosition> positions;    // one per instruction
  std::vector<Ref<>> constants;             // co_consts (nested Code objects included)
  std::vector<Ref<Str>> names;              // co_names: globals, attributes, imports (interned)
  std::vector<Ref<Str>> local_names;        // co_varnames: parameters first, then locals
  std::vector<Ref<Str>> cell_names;         // co_cellvars: locals captured by inner functions
  std::vector<Ref<Str>> free_names;         // co_freevars: captured from enclosing functions
  // For each cell that is also a parameter: (cell index, local index), copied into the
  // cell when the frame starts.
  std::vector<std::pair<uint32_t, uint32_t>> cell_parameters;
  uint32_t argument_count = 0;              // positional parameters (incl. positional-only)
  uint32_t positional_only_count = 0;
  uint32_t keyword_only_count = 0;
  uint32_t flags = 0;                       // CodeFlags
  uint32_t stack_size = 0;                  // the value stack's maximum depth
  uint32_t block_depth = 0;                 // the block stack's maximum depth
  int32_t first_line = 0;                   // co_firstlineno
  Ref<Str> name;                            // co_name: "f", "<module>", "<lambda>", "<listcomp>"
  Ref<Str> qualified_name;                  // co_qualname: "C.f.<locals>.g"
  Ref<Str> filename;                        // "main.py"
  std::vector<NameCacheEntry> name_caches;  // the VM's, one per name once a global or
                                            // module-level name has been looked up
};

extern Type code_type;

// A new, empty code object (the compiler fills it).
Ref<Code> make_code();

// The source position of instruction `index` (for tracebacks).
inline const SourcePosition& code_position(const Code* code, size_t index) {
  return code->positions[index];
}

}  // namespace py
