// libFuzzer target: source bytes → tokens → AST → bytecode, without running anything.
// Lexes, parses, dumps the AST, compiles the tree and disassembles the code, as `awaitpad
// --dis` would. A SyntaxError (or the parser's MemoryError, or an unsupported feature) is
// the right answer to most inputs and is not a finding: only crashes, sanitizer reports,
// timeouts and running out of memory are (scripts/fuzz.sh; fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/py/compiler/compiler.hpp"
#include "core/py/compiler/disassembler.hpp"
#include "core/py/syntax/ast_dump.hpp"
#include "core/py/syntax/lexer.hpp"
#include "core/py/syntax/parser.hpp"
#include "core/py/syntax/syntax_error.hpp"
#include "core/py/vm/interpreter.hpp"
#include "fuzz/fuzz_host.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);

  py::LexResult lexed = py::lex(source);
  if (lexed.error) (void)py::format_syntax_error(*lexed.error, "main.py");

  py::ParseResult parsed = py::parse(source);
  if (!parsed.ok()) {
    if (parsed.error) (void)py::format_syntax_error(*parsed.error, "main.py");
    return 0;
  }
  (void)py::ast::dump(*parsed.module, /*include_attributes=*/true);

  // Code objects are heap objects: compiling needs a run. A fresh one per input keeps
  // inputs independent, so a finding reproduces from its file alone.
  fuzz::FuzzHost host;
  py::Interpreter interpreter(host, py::RunOptions{});
  py::CompileResult compiled = py::compile_module(*parsed.module, "main.py", source);
  if (compiled.error) {
    (void)py::format_syntax_error(*compiled.error, "main.py");
    return 0;
  }
  (void)py::disassemble(compiled.code.get());
  return 0;
}
