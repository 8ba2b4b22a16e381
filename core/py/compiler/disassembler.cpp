// The disassembler (disassembler.hpp).
#include "core/py/compiler/disassembler.hpp"

#include <set>

#include "core/py/objects/bytes.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/float_repr.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {

namespace {

std::string code_title(const Code* code) {
  return format_message("<code object {} at {}, file \"{}\", line {}>",
                        code->name ? code->name->value : "?", static_cast<const void*>(code),
                        code->filename ? code->filename->value : "?", code->first_line);
}

std::string constant_text(const Object* value) {
  if (is_none(value)) return "None";
  if (value == &true_object) return "True";
  if (value == &false_object) return "False";
  if (value == &ellipsis_object) return "Ellipsis";
  if (value->type == &int_type) {
    auto* number = static_cast<const Int*>(value);
    if (!number->big) return std::to_string(number->value);
    return number->big->to_string(10, 0).value_or("<int>");
  }
  if (value->type == &float_type) return float_repr(static_cast<const Float*>(value)->value);
  if (value->type == &str_type) return str_repr(static_cast<const Str*>(value)->value);
  if (value->type == &bytes_type) return bytes_repr(static_cast<const Bytes*>(value)->value);
  if (value->type == &code_type) return code_title(static_cast<const Code*>(value));
  if (value->type == &tuple_type) {
    auto* tuple = static_cast<const Tuple*>(value);
    std::string text = "(";
    for (size_t index = 0; index < tuple->items.size(); ++index) {
      if (index) text += ", ";
      text += constant_text(tuple->items[index].get());
    }
    if (tuple->items.size() == 1) text += ",";
    return text + ")";
  }
  return format_message("<{} constant>", type_name(value->type));
}

bool has_argument(Opcode opcode) {
  switch (opcode) {
    case Opcode::NOP: case Opcode::POP_TOP: case Opcode::ROT_TWO: case Opcode::ROT_THREE:
    case Opcode::ROT_FOUR: case Opcode::DUP_TOP: case Opcode::DUP_TOP_TWO:
    case Opcode::LOAD_ASSERTION_ERROR: case Opcode::LOAD_BUILD_CLASS:
    case Opcode::BINARY_SUBSCR: case Opcode::STORE_SUBSCR: case Opcode::DELETE_SUBSCR:
    case Opcode::UNARY_POSITIVE: case Opcode::UNARY_NEGATIVE: case Opcode::UNARY_NOT:
    case Opcode::UNARY_INVERT: case Opcode::LIST_TO_TUPLE: case Opcode::GET_ITER:
    case Opcode::GET_YIELD_FROM_ITER: case Opcode::POP_BLOCK: case Opcode::POP_EXCEPT:
    case Opcode::WITH_EXCEPT_START: case Opcode::BEFORE_ASYNC_WITH:
    case Opcode::RETURN_VALUE: case Opcode::YIELD_VALUE: case Opcode::YIELD_FROM:
    case Opcode::GET_AITER: case Opcode::GET_ANEXT: case Opcode::END_ASYNC_FOR:
    case Opcode::IMPORT_STAR: case Opcode::SETUP_ANNOTATIONS: case Opcode::GET_LEN:
    case Opcode::MATCH_MAPPING: case Opcode::MATCH_SEQUENCE: case Opcode::MATCH_KEYS:
    case Opcode::COPY_DICT_WITHOUT_KEYS: case Opcode::PREP_RERAISE_STAR:
      return false;
    default:
      return true;
  }
}

bool is_jump(Opcode opcode) {
  switch (opcode) {
    case Opcode::JUMP_FORWARD: case Opcode::JUMP_ABSOLUTE: case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE: case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP: case Opcode::JUMP_IF_NOT_EXC_MATCH:
    case Opcode::JUMP_IF_NOT_EG_MATCH: case Opcode::FOR_ITER: case Opcode::SETUP_FINALLY: case Opcode::SETUP_WITH:
    case Opcode::SETUP_ASYNC_WITH:
      return true;
    default:
      return false;
  }
}

std::string name_at(const std::vector<Ref<Str>>& names, uint32_t index) {
  return index < names.size() ? names[index]->value : "<out of range>";
}

std::string closure_name(const Code* code, uint32_t index) {
  if (index < code->cell_names.size()) return code->cell_names[index]->value;
  return name_at(code->free_names, index - uint32_t(code->cell_names.size()));
}

const char* binary_symbol(uint32_t op) {
  static const char* const symbols[] = {"+", "-", "*", "/", "//", "%", "**", "@",
                                        "<<", ">>", "&", "|", "^"};
  return op < sizeof(symbols) / sizeof(symbols[0]) ? symbols[op] : "?";
}

std::string argument_meaning(const Code* code, Opcode opcode, uint32_t argument) {
  if (is_jump(opcode)) return format_message("to {}", argument);
  switch (opcode) {
    case Opcode::LOAD_CONST:
      return argument < code->constants.size() ? constant_text(code->constants[argument].get())
                                               : "<out of range>";
    case Opcode::LOAD_NAME: case Opcode::STORE_NAME: case Opcode::DELETE_NAME:
    case Opcode::LOAD_GLOBAL: case Opcode::STORE_GLOBAL: case Opcode::DELETE_GLOBAL:
    case Opcode::LOAD_ATTR: case Opcode::STORE_ATTR: case Opcode::DELETE_ATTR:
    case Opcode::LOAD_METHOD: case Opcode::IMPORT_NAME: case Opcode::IMPORT_FROM:
      return name_at(code->names, argument);
    case Opcode::LOAD_FAST: case Opcode::STORE_FAST: case Opcode::DELETE_FAST:
      return name_at(code->local_names, argument);
    case Opcode::LOAD_DEREF: case Opcode::STORE_DEREF: case Opcode::DELETE_DEREF:
    case Opcode::LOAD_CLOSURE: case Opcode::LOAD_CLASSDEREF:
      return closure_name(code, argument);
    case Opcode::BINARY_OP:
      return binary_symbol(argument);
    case Opcode::INPLACE_OP:
      return std::string(binary_symbol(argument)) + "=";
    case Opcode::COMPARE_OP: {
      static const char* const symbols[] = {"<", "<=", "==", "!=", ">", ">="};
      return argument < 6 ? symbols[argument] : "?";
    }
    case Opcode::IS_OP:
      return argument ? "is not" : "is";
    case Opcode::CONTAINS_OP:
      return argument ? "not in" : "in";
    case Opcode::FORMAT_VALUE: {
      static const char* const conversions[] = {"", "str", "repr", "ascii"};
      std::string text = conversions[argument & 3];
      if (argument & 4) text += text.empty() ? "with format" : ", with format";
      return text;
    }
    case Opcode::MAKE_FUNCTION: {
      std::string text;
      static const char* const parts[] = {"defaults", "kwdefaults", "annotations", "closure"};
      for (int bit = 0; bit < 4; ++bit) {
        if (!(argument & (1u << bit))) continue;
        if (!text.empty()) text += ", ";
        text += parts[bit];
      }
      return text;
    }
    case Opcode::GEN_START: {
      static const char* const kinds[] = {"generator", "coroutine", "async generator"};
      return argument < 3 ? kinds[argument] : "?";
    }
    default:
      return "";
  }
}

void disassemble_into(const Code* code, std::string& out) {
  std::set<uint32_t> targets;
  for (uint32_t instruction : code->instructions) {
    if (is_jump(instruction_opcode(instruction))) targets.insert(instruction_argument(instruction));
  }
  int32_t previous_line = -1;
  for (size_t index = 0; index < code->instructions.size(); ++index) {
    uint32_t instruction = code->instructions[index];
    Opcode opcode = instruction_opcode(instruction);
    uint32_t argument = instruction_argument(instruction);
    int32_t line = index < code->positions.size() ? code->positions[index].line : 0;
    std::string text;
    if (line != previous_line) {
      if (index > 0) out += "\n";
      text = format_message("{:>3}", line);
      previous_line = line;
    } else {
      text = "   ";
    }
    text += format_message("     {} {:>4} {:<20}", targets.count(uint32_t(index)) ? ">>" : "  ",
                           index, opcode_name(opcode));
    if (has_argument(opcode)) {
      text += format_message(" {:>5}", argument);
      std::string meaning = argument_meaning(code, opcode, argument);
      if (!meaning.empty()) text += " (" + meaning + ")";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  for (const Ref<>& constant : code->constants) {
    if (constant->type != &code_type) continue;
    auto* nested = static_cast<const Code*>(constant.get());
    out += "\nDisassembly of " + code_title(nested) + ":\n";
    disassemble_into(nested, out);
  }
}

}  // namespace

std::string disassemble(const Code* code) {
  std::string out;
  disassemble_into(code, out);
  return out;
}

}  // namespace py
