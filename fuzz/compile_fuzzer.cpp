// libFuzzer target: source bytes → tokens → AST → bytecode, without running anything.
// Lexes, parses, dumps the AST, compiles the tree and disassembles the code, as `awaitpad
// --dis` would. A SyntaxError (or the parser's MemoryError, or an unsupported feature) is
// the right answer to most inputs and is not a finding: only crashes, sanitizer reports,
// timeouts and running out of memory are (scripts/fuzz.sh; fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/py/compiler/compiler.hpp"
#include "core/py/compiler/disassembler.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/syntax/ast_dump.hpp"
#include "core/py/syntax/lexer.hpp"
#include "core/py/syntax/parser.hpp"
#include "core/py/syntax/syntax_error.hpp"
#include "core/py/vm/interpreter.hpp"
#include "fuzz/fuzz_host.hpp"

namespace {

// Code objects are heap objects: compiling needs a run. Setting one up and tearing it
// down takes about 4 ms under ASan, twenty times the compile of a typical input, so one
// run serves many inputs (as CPython's own fuzz targets initialize the interpreter once)
// and is replaced every kInputsPerRun inputs. Compiling an input leaves nothing behind in
// the run but interned names, so a finding still reproduces from its file alone.
constexpr int kInputsPerRun = 500;

// The run the next input compiles in.
py::Interpreter& compiling_run() {
  static fuzz::FuzzHost host;
  // Never destroyed: at exit the interpreter's own statics (made after this one) are gone.
  static auto& run = *new std::unique_ptr<py::Interpreter>;
  static int inputs = 0;
  if (!run || ++inputs == kInputsPerRun) {
    run.reset();
    run = std::make_unique<py::Interpreter>(host, py::RunOptions{});
    inputs = 0;
  }
  py::clear_exception();  // one the input before may have left (a MemoryError)
  return *run;
}

}  // namespace

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

  compiling_run();
  py::CompileResult compiled = py::compile_module(*parsed.module, "main.py", source);
  if (compiled.error) {
    (void)py::format_syntax_error(*compiled.error, "main.py");
    return 0;
  }
  (void)py::disassemble(compiled.code.get());
  return 0;
}
