// Code objects: their type, construction and the opcode names (code.hpp).
#include "core/py/compiler/code.hpp"

#include "core/py/objects/message_format.hpp"
#include "core/py/objects/ready.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type code_type = builtin_type<Code>("code", 0);

namespace {

const char* const opcode_names[] = {
#define X(name, effect, meaning) #name,
#include "core/py/compiler/opcodes.hpp"
#undef X
};

// <code object f at 0x7f..., file "main.py", line 3>, as CPython.
Ref<> code_repr(Object* self) {
  auto* code = static_cast<Code*>(self);
  return make_str(format_message(
      "<code object {} at {}, file \"{}\", line {}>",
      code->name ? code->name->value : std::string("?"), static_cast<const void*>(code),
      code->filename ? code->filename->value : std::string("?"), code->first_line));
}

}  // namespace

const char* opcode_name(Opcode opcode) {
  size_t index = size_t(opcode);
  return index < size_t(Opcode::count_) ? opcode_names[index] : "<invalid>";
}

Ref<Code> make_code() { return make_object<Code>(&code_type); }

void ready_code_types() {
  code_type.repr = code_repr;
  ready_type(code_type);
}

}  // namespace py
