// The assembler (compiler_unit.hpp): basic blocks to a Code object. It walks the control
// flow graph from the entry to find the reachable blocks and the value stack and block
// stack depth on entry to each (CPython's stackdepth()), lays the reachable blocks out in
// the order they were linked, and turns jump targets into instruction indexes.

#include "core/py/compiler/compiler_unit.hpp"
#include "core/py/objects/message_format.hpp"

namespace py {

int stack_effect(Opcode opcode, uint32_t argument, bool jump) {
  int count = int(argument);
  switch (opcode) {
    case Opcode::NOP:
    case Opcode::ROT_TWO:
    case Opcode::ROT_THREE:
    case Opcode::ROT_FOUR:
    case Opcode::ROT_N:
    case Opcode::UNARY_POSITIVE:
    case Opcode::UNARY_NEGATIVE:
    case Opcode::UNARY_NOT:
    case Opcode::UNARY_INVERT:
    case Opcode::DELETE_FAST:
    case Opcode::DELETE_NAME:
    case Opcode::DELETE_GLOBAL:
    case Opcode::DELETE_DEREF:
    case Opcode::LOAD_ATTR:
    case Opcode::LIST_TO_TUPLE:
    case Opcode::GET_ITER:
    case Opcode::GET_YIELD_FROM_ITER:
    case Opcode::JUMP_FORWARD:
    case Opcode::JUMP_ABSOLUTE:
    case Opcode::POP_BLOCK:
    case Opcode::YIELD_VALUE:
    case Opcode::GET_AWAITABLE:
    case Opcode::GET_AITER:
    case Opcode::SETUP_ANNOTATIONS:
    case Opcode::COPY_DICT_WITHOUT_KEYS:
    case Opcode::count_:
      return 0;
    case Opcode::POP_TOP:
    case Opcode::STORE_FAST:
    case Opcode::STORE_NAME:
    case Opcode::STORE_GLOBAL:
    case Opcode::STORE_DEREF:
    case Opcode::DELETE_ATTR:
    case Opcode::BINARY_SUBSCR:
    case Opcode::BINARY_OP:
    case Opcode::INPLACE_OP:
    case Opcode::COMPARE_OP:
    case Opcode::IS_OP:
    case Opcode::CONTAINS_OP:
    case Opcode::LIST_APPEND:
    case Opcode::SET_ADD:
    case Opcode::LIST_EXTEND:
    case Opcode::SET_UPDATE:
    case Opcode::DICT_UPDATE:
    case Opcode::DICT_MERGE:
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::JUMP_IF_NOT_EXC_MATCH:
    case Opcode::PREP_RERAISE_STAR:
    case Opcode::POP_EXCEPT:
    case Opcode::RERAISE:
    case Opcode::RETURN_VALUE:
    case Opcode::YIELD_FROM:
    case Opcode::GEN_START:
    case Opcode::IMPORT_NAME:
    case Opcode::IMPORT_STAR:
    case Opcode::MATCH_CLASS:
      return -1;
    case Opcode::DUP_TOP:
    case Opcode::LOAD_CONST:
    case Opcode::LOAD_FAST:
    case Opcode::LOAD_NAME:
    case Opcode::LOAD_GLOBAL:
    case Opcode::LOAD_DEREF:
    case Opcode::LOAD_CLOSURE:
    case Opcode::LOAD_CLASSDEREF:
    case Opcode::LOAD_METHOD:
    case Opcode::LOAD_ASSERTION_ERROR:
    case Opcode::LOAD_BUILD_CLASS:
    case Opcode::GET_ANEXT:
    case Opcode::BEFORE_ASYNC_WITH:
    case Opcode::WITH_EXCEPT_START:
    case Opcode::IMPORT_FROM:
    case Opcode::GET_LEN:
    case Opcode::MATCH_MAPPING:
    case Opcode::MATCH_SEQUENCE:
      return 1;
    case Opcode::DUP_TOP_TWO:
    case Opcode::MATCH_KEYS:
      return 2;
    case Opcode::STORE_ATTR:
    case Opcode::DELETE_SUBSCR:
    case Opcode::MAP_ADD:
      return -2;
    case Opcode::STORE_SUBSCR:
    case Opcode::END_ASYNC_FOR:
      return -3;
    case Opcode::BUILD_TUPLE:
    case Opcode::BUILD_LIST:
    case Opcode::BUILD_SET:
    case Opcode::BUILD_STRING:
      return 1 - count;
    case Opcode::BUILD_MAP:
      return 1 - 2 * count;
    case Opcode::BUILD_CONST_KEY_MAP:
      return -count;
    case Opcode::BUILD_SLICE:
      return count == 3 ? -2 : -1;
    case Opcode::UNPACK_SEQUENCE:
      return count - 1;
    case Opcode::UNPACK_EX:
      return int(argument & 0xff) + int(argument >> 8);
    case Opcode::FORMAT_VALUE:
      return (argument & 4) ? -1 : 0;
    case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP:
      return jump ? 0 : -1;
    case Opcode::FOR_ITER:
      return jump ? -1 : 1;
    case Opcode::JUMP_IF_NOT_EG_MATCH:
      return jump ? -1 : 0;
    case Opcode::SETUP_FINALLY:
      // The handler starts with the previous and the new exception pushed.
      return jump ? 2 : 0;
    case Opcode::SETUP_WITH:
      // cm -> exit enter_result; the handler sees exit prev exc.
      return jump ? 2 : 1;
    case Opcode::SETUP_ASYNC_WITH:
      // The handler cuts the awaited __aenter__ result, then pushes prev exc.
      return jump ? 1 : 0;
    case Opcode::RAISE_VARARGS:
      return -count;
    case Opcode::CALL_FUNCTION:
      return -count;
    case Opcode::CALL_FUNCTION_KW:
      return -count - 1;
    case Opcode::CALL_FUNCTION_EX:
      return -1 - int(argument & 1);
    case Opcode::CALL_METHOD:
      return -count - 1;
    case Opcode::CALL_METHOD_KW:
      return -count - 2;
    case Opcode::MAKE_FUNCTION:
      return -1 - int((argument & 1) != 0) - int((argument & 2) != 0) -
             int((argument & 4) != 0) - int((argument & 8) != 0);
  }
  return 0;
}

namespace {

bool is_handler_setup(Opcode opcode) {
  return opcode == Opcode::SETUP_FINALLY || opcode == Opcode::SETUP_WITH ||
         opcode == Opcode::SETUP_ASYNC_WITH;
}

bool ends_block(Opcode opcode) {
  switch (opcode) {
    case Opcode::RETURN_VALUE:
    case Opcode::RERAISE:
    case Opcode::RAISE_VARARGS:
    case Opcode::JUMP_ABSOLUTE:
    case Opcode::JUMP_FORWARD:
      return true;
    default:
      return false;
  }
}

// The block stack effect on the fall-through path.
int block_effect(Opcode opcode) {
  if (is_handler_setup(opcode)) return 1;
  if (opcode == Opcode::POP_BLOCK || opcode == Opcode::POP_EXCEPT ||
      opcode == Opcode::END_ASYNC_FOR) {
    return -1;
  }
  return 0;
}

// The depth walk: every reachable block gets its entry depths; false if two paths reach a
// block with different depths or a depth goes negative (compiler bugs).
class DepthWalk {
 public:
  bool run(BasicBlock* entry, std::string* error) {
    // A generator's first resumption pushes the sent value that GEN_START pops.
    bool starts_with_send = !entry->instructions.empty() &&
                            entry->instructions.front().opcode == Opcode::GEN_START;
    push(entry, starts_with_send ? 1 : 0, 0);
    while (!worklist_.empty() && error_.empty()) {
      BasicBlock* block = worklist_.back();
      worklist_.pop_back();
      walk(block);
    }
    *error = error_;
    return error_.empty();
  }

  int max_depth = 0;        // the value stack's maximum
  int max_block_depth = 0;  // the block stack's maximum

 private:
  void push(BasicBlock* block, int depth, int block_depth) {
    if (depth < 0 || block_depth < 0) {
      error_ = "internal compiler error: negative stack depth";
      return;
    }
    max_depth = std::max(max_depth, depth);
    max_block_depth = std::max(max_block_depth, block_depth);
    if (block->start_depth < 0) {
      block->start_depth = depth;
      block->start_block_depth = block_depth;
      worklist_.push_back(block);
    } else if (block->start_depth != depth || block->start_block_depth != block_depth) {
      error_ = format_message(
          "internal compiler error: a block is reached with stack depths {} "
          "and {}",
          block->start_depth, depth);
    }
  }

  void walk(BasicBlock* block) {
    int depth = block->start_depth;
    int block_depth = block->start_block_depth;
    for (const Instruction& instruction : block->instructions) {
      if (instruction.target) {
        int target_blocks = block_depth + (is_handler_setup(instruction.opcode) ? 1 : 0);
        push(instruction.target,
             depth + stack_effect(instruction.opcode, instruction.argument, true),
             target_blocks);
      }
      depth += stack_effect(instruction.opcode, instruction.argument, false);
      block_depth += block_effect(instruction.opcode);
      if (depth < 0 || block_depth < 0) {
        error_ = format_message("internal compiler error: negative stack depth at {}",
                                opcode_name(instruction.opcode));
        return;
      }
      max_depth = std::max(max_depth, depth);
      max_block_depth = std::max(max_block_depth, block_depth);
      if (ends_block(instruction.opcode)) return;
    }
    if (block->next) push(block->next, depth, block_depth);
  }

  std::vector<BasicBlock*> worklist_;  // blocks whose depths are known, not yet walked
  std::string error_;                  // the first inconsistency
};

std::vector<Ref<Str>> interned_names(const NameTable& table) {
  std::vector<Ref<Str>> names;
  names.reserve(table.names.size());
  for (const std::string& name : table.names) names.push_back(intern(name));
  return names;
}

}  // namespace

Ref<Code> assemble(CompilerUnit& unit, Str* filename, uint32_t flags, std::string* error) {
  DepthWalk walk;
  if (!walk.run(unit.entry, error)) return nullptr;
  // Lay out the reachable blocks in link order.
  std::vector<BasicBlock*> order;
  uint32_t offset = 0;
  for (BasicBlock* block = unit.entry; block; block = block->next) {
    if (block->start_depth < 0) continue;
    block->offset = offset;
    offset += uint32_t(block->instructions.size());
    order.push_back(block);
  }
  if (offset > kMaxInstructionArgument) {
    *error = "code too large";
    return nullptr;
  }
  Ref<Code> code = make_code();
  if (!code) {
    *error = "out of memory while compiling";
    return nullptr;
  }
  code->instructions.reserve(offset);
  code->positions.reserve(offset);
  for (BasicBlock* block : order) {
    for (const Instruction& instruction : block->instructions) {
      uint32_t argument = instruction.target ? instruction.target->offset : instruction.argument;
      if (argument > kMaxInstructionArgument) {
        *error = "code too large";
        return nullptr;
      }
      code->instructions.push_back(make_instruction(instruction.opcode, argument));
      code->positions.push_back(instruction.position);
    }
  }
  code->constants = std::move(unit.constants);
  code->names = interned_names(unit.names);
  code->local_names = interned_names(unit.local_names);
  code->cell_names = interned_names(unit.cell_names);
  code->free_names = interned_names(unit.free_names);
  size_t parameter_count = unit.argument_count + unit.keyword_only_count +
                           ((flags & code_flag_varargs) ? 1 : 0) +
                           ((flags & code_flag_varkeywords) ? 1 : 0);
  for (size_t cell = 0; cell < unit.cell_names.names.size(); ++cell) {
    int64_t local = unit.local_names.find(unit.cell_names.names[cell]);
    if (local >= 0 && size_t(local) < parameter_count) {
      code->cell_parameters.emplace_back(uint32_t(cell), uint32_t(local));
    }
  }
  code->argument_count = unit.argument_count;
  code->positional_only_count = unit.positional_only_count;
  code->keyword_only_count = unit.keyword_only_count;
  code->flags = flags;
  code->stack_size = uint32_t(walk.max_depth);
  code->block_depth = uint32_t(walk.max_block_depth);
  code->first_line = unit.first_line;
  code->name = intern(unit.name);
  code->qualified_name = make_str(unit.qualified_name);
  code->filename = Ref<Str>::borrow(filename);
  return code;
}

}  // namespace py
