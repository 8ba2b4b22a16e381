// The compiler: scope analysis against CPython's `symtable` (symbol_tables.txt), compile
// errors and SyntaxWarnings against CPython's compile() (compile_errors.tsv), both recorded
// by scripts/record_symbol_tables.py and scripts/record_compile_errors.py; structural facts
// of the bytecode (jump targets in range, positions on every instruction, one stack depth
// per instruction within the declared stack size) on snippets and on every program of the
// corpus in tests/programs/. Exact bytecode is not compared with CPython's: ours differs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/py/compiler/compiler.hpp"
#include "core/py/compiler/compiler_unit.hpp"
#include "core/py/compiler/disassembler.hpp"
#include "core/py/compiler/symbol_table.hpp"
#include "core/host/native_host.hpp"
#include "core/py/syntax/parser.hpp"
#include "core/py/vm/interpreter.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string data_path(const char* name) {
  return std::string(AWAITPAD_SOURCE_DIR) + "/tests/unit/data/" + name;
}

// A run for one test: constants are heap objects of the current run.
class RuntimeScope {
 private:
  host::NativeHost host_;
  py::Interpreter interpreter_{host_, py::RunOptions{}};
};

// --- symbol tables ----------------------------------------------------------------------

struct SymbolCase {
  std::string name;
  std::string source;
  std::string expected;  // the "### scopes" lines
};

std::vector<SymbolCase> read_symbol_cases() {
  std::vector<SymbolCase> cases;
  std::istringstream in(read_file(data_path("symbol_tables.txt")));
  std::string line;
  bool in_scopes = false;
  while (std::getline(in, line)) {
    if (line.rfind("### case ", 0) == 0) {
      cases.push_back({line.substr(9), "", ""});
      in_scopes = false;
    } else if (line == "### scopes") {
      in_scopes = true;
    } else if (!cases.empty()) {
      (in_scopes ? cases.back().expected : cases.back().source) += line + "\n";
    }
  }
  return cases;
}

const char* scope_kind_name(py::ScopeKind kind) {
  switch (kind) {
    case py::ScopeKind::module: return "module";
    case py::ScopeKind::function: return "function";
    case py::ScopeKind::class_body: return "class";
  }
  return "?";
}

void dump_scope(const py::Scope* scope, std::string& out) {
  std::string parameters;
  if (scope->kind == py::ScopeKind::function) {
    for (size_t index = 0; index < scope->parameters.size(); ++index) {
      if (index) parameters += ",";
      parameters += scope->parameters[index];
    }
  }
  out += std::string("scope ") + scope_kind_name(scope->kind) + " " + scope->name + " line " +
         std::to_string(scope->location.lineno) + " nested " + (scope->nested ? "1" : "0") +
         " params " + parameters + "\n";
  std::vector<const py::Symbol*> symbols;
  for (const py::Symbol& symbol : scope->symbols) symbols.push_back(&symbol);
  std::sort(symbols.begin(), symbols.end(),
            [](const py::Symbol* a, const py::Symbol* b) { return a->name < b->name; });
  for (const py::Symbol* symbol : symbols) {
    out += "  " + symbol->name + " flags " + std::to_string(symbol->flags) + " scope " +
           std::to_string(int(symbol->scope)) + "\n";
  }
  for (const py::Scope* child : scope->children) dump_scope(child, out);
}

// --- structure checks -------------------------------------------------------------------

bool is_jump(py::Opcode opcode) {
  using py::Opcode;
  switch (opcode) {
    case Opcode::JUMP_FORWARD: case Opcode::JUMP_ABSOLUTE: case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE: case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP: case Opcode::JUMP_IF_NOT_EXC_MATCH:
    case Opcode::FOR_ITER: case Opcode::SETUP_FINALLY: case Opcode::SETUP_WITH:
    case Opcode::SETUP_ASYNC_WITH:
      return true;
    default:
      return false;
  }
}

bool ends_flow(py::Opcode opcode) {
  using py::Opcode;
  return opcode == Opcode::RETURN_VALUE || opcode == Opcode::RERAISE ||
         opcode == Opcode::RAISE_VARARGS || opcode == Opcode::JUMP_ABSOLUTE ||
         opcode == Opcode::JUMP_FORWARD;
}

// Checks one code object and, recursively, its nested ones; returns a description of the
// first problem, or "".
std::string check_code(const py::Code* code) {
  size_t size = code->instructions.size();
  if (size == 0) return "no instructions";
  if (code->positions.size() != size) return "positions and instructions differ in length";
  for (size_t index = 0; index < size; ++index) {
    uint32_t instruction = code->instructions[index];
    py::Opcode opcode = py::instruction_opcode(instruction);
    if (is_jump(opcode) && py::instruction_argument(instruction) >= size) {
      return "jump out of range at " + std::to_string(index);
    }
    if (code->positions[index].line <= 0) return "no line at " + std::to_string(index);
    if (code->positions[index].end_line < code->positions[index].line) {
      return "end line before line at " + std::to_string(index);
    }
  }
  // Walk every path over the final instructions: each instruction is reached with one
  // stack depth, never negative, never above the declared stack size.
  std::vector<int> depth_at(size, -1);
  std::vector<size_t> work;
  auto reach = [&](size_t index, int depth) -> std::string {
    if (index >= size) return "falls off the end";
    if (depth < 0) return "negative depth at " + std::to_string(index);
    if (depth > int(code->stack_size)) return "stack_size too small at " + std::to_string(index);
    if (depth_at[index] < 0) {
      depth_at[index] = depth;
      work.push_back(index);
    } else if (depth_at[index] != depth) {
      return "two depths at " + std::to_string(index);
    }
    return "";
  };
  bool generator = py::instruction_opcode(code->instructions[0]) == py::Opcode::GEN_START;
  std::string problem = reach(0, generator ? 1 : 0);
  while (problem.empty() && !work.empty()) {
    size_t index = work.back();
    work.pop_back();
    py::Opcode opcode = py::instruction_opcode(code->instructions[index]);
    uint32_t argument = py::instruction_argument(code->instructions[index]);
    int depth = depth_at[index];
    if (is_jump(opcode)) {
      problem = reach(argument, depth + py::stack_effect(opcode, argument, true));
    }
    if (problem.empty() && !ends_flow(opcode)) {
      problem = reach(index + 1, depth + py::stack_effect(opcode, argument, false));
    }
  }
  if (!problem.empty()) return std::string(code->qualified_name->value) + ": " + problem;
  for (const py::Ref<>& constant : code->constants) {
    if (constant->type != &py::code_type) continue;
    std::string nested = check_code(static_cast<const py::Code*>(constant.get()));
    if (!nested.empty()) return nested;
  }
  return "";
}

py::Ref<py::Code> compile_ok(const std::string& source) {
  py::CompileResult result = py::compile_source(source, "main.py");
  if (result.error) FAIL_CHECK(source << "\n-> " << result.error->message);
  return result.code;
}

// The nested code object named `qualified_name` (depth first), or null.
const py::Code* find_code(const py::Code* code, const std::string& qualified_name) {
  if (code->qualified_name->value == qualified_name) return code;
  for (const py::Ref<>& constant : code->constants) {
    if (constant->type != &py::code_type) continue;
    if (auto* found = find_code(static_cast<const py::Code*>(constant.get()), qualified_name)) {
      return found;
    }
  }
  return nullptr;
}

std::string unescape(const std::string& text) {
  std::string out;
  for (size_t index = 0; index < text.size(); ++index) {
    if (text[index] == '\\' && index + 1 < text.size()) {
      char next = text[++index];
      out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else {
      out += text[index];
    }
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    size_t length = tab == std::string::npos ? std::string::npos : tab - start;
    fields.push_back(line.substr(start, length));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

TEST_CASE("scope analysis matches CPython's symtable", "[compiler]") {
  std::vector<SymbolCase> cases = read_symbol_cases();
  REQUIRE(cases.size() >= 20);
  for (const SymbolCase& item : cases) {
    INFO("case: " << item.name);
    py::ParseResult parsed = py::parse(item.source);
    REQUIRE(parsed.ok());
    py::ScopeError error;
    auto table = py::SymbolTable::build(*parsed.module, &error);
    REQUIRE(table);
    std::string dump;
    dump_scope(table->top(), dump);
    CHECK(dump == item.expected);
  }
}

TEST_CASE("compile errors and warnings match CPython's", "[compiler]") {
  RuntimeScope runtime;
  std::istringstream in(read_file(data_path("compile_errors.tsv")));
  std::string line;
  int rows = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = split_tabs(line);
    REQUIRE(fields.size() == 7);
    std::string source = unescape(fields[0]);
    INFO("source: " << source);
    py::CompileResult result = py::compile_source(source, "main.py");
    if (fields[1] == "SyntaxWarning") {
      CHECK_FALSE(result.error);
      std::string issued;
      for (const py::SyntaxWarning& warning : result.warnings) {
        if (!issued.empty()) issued += " || ";
        issued += std::to_string(warning.line) + ":" + warning.message;
      }
      CHECK(issued == fields[2]);
      ++rows;
      continue;
    }
    REQUIRE(result.error);
    CHECK(result.warnings.empty());
    CHECK(result.recursion_error == (fields[1] == "RecursionError"));
    CHECK(result.error->message == fields[2]);
    CHECK(result.error->line == std::stoi(fields[3]));
    CHECK(result.error->offset == std::stoi(fields[4]));
    CHECK(result.error->end_line == std::stoi(fields[5]));
    CHECK(result.error->end_offset == std::stoi(fields[6]));
    ++rows;
  }
  CHECK(rows >= 40);
}

TEST_CASE("compile errors carry the source line as text", "[compiler]") {
  RuntimeScope runtime;
  py::CompileResult result = py::compile_source("x = 1\nif x:\n    break\n", "main.py");
  REQUIRE(result.error);
  CHECK(result.error->text == "    break\n");
  CHECK(py::format_syntax_error(*result.error) ==
        "  File \"main.py\", line 3\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n");
}

TEST_CASE("pathological nesting stops with CPython's RecursionError", "[compiler]") {
  RuntimeScope runtime;
  std::string source = "x = ";
  for (int index = 0; index < 5000; ++index) source += "a + ";
  source += "a\n";
  py::CompileResult result = py::compile_source(source, "main.py");
  REQUIRE(result.error);
  CHECK(result.recursion_error);
  CHECK(result.error->message == "maximum recursion depth exceeded during compilation");
  std::string fine = "x = ";
  for (int index = 0; index < 900; ++index) fine += "a + ";
  fine += "a\n";
  CHECK_FALSE(py::compile_source(fine, "main.py").error);
}

TEST_CASE("snippets compile to well-formed code", "[compiler]") {
  RuntimeScope runtime;
  const char* snippets[] = {
      "x = 1\nwhile x:\n    try:\n        break\n    finally:\n        x = 0\n",
      "def f():\n    for i in range(3):\n        try:\n            continue\n        finally:\n"
      "            return i\n",
      "def f(m):\n    with m as a, m as b:\n        return a\n",
      "async def f(m, s):\n    async with m as a:\n        async for x in s:\n"
      "            if x: break\n            return [y async for y in s]\n",
      "def f():\n    try:\n        pass\n    except E as e:\n        return e\n"
      "    except (A, B):\n        return 1\n    else:\n        return 2\n",
      "def f(p):\n    match p:\n        case [1, *rest] if rest:\n            return rest\n"
      "        case {'k': v, **kw}:\n            return v\n        case C(1, y=2) | D():\n"
      "            return 0\n        case (x, y) | [y, x]:\n            return x\n"
      "        case str() as s:\n            return s\n        case _:\n            return None\n",
      "f(*a, *b, k=1, **c, j=2)\nx = [*a, 1, *b]\ny = {**a, 'k': 1, **b}\nz = {*a, 1}\n",
      "def g():\n    x = yield\n    y = yield from x\n    return (yield x)\n",
      "class C(B, metaclass=M):\n    x: int\n    def m(self):\n        return __class__\n",
      "print(f'{a!r:{width}.{prec}} {b=}')\nx = a if b else c\nq = a < b <= c != d\n",
      "try:\n    pass\nfinally:\n    try:\n        raise X from Y\n    except:\n        raise\n",
      "import a.b.c as d, e\nfrom . import f\nfrom ..g import h as i\nfrom m import *\n",
      "del a, b[1], c.d, [e, f]\nx, *y = z\n(a, b), c = d\na.b += 1\na[b] //= 2\n",
      "assert x\nassert x, 'message'\nlambda *a, k=1, **kw: (a, k, kw)\n",
  };
  for (const char* snippet : snippets) {
    INFO(snippet);
    py::Ref<py::Code> code = compile_ok(snippet);
    REQUIRE(code);
    CHECK(check_code(code.get()) == "");
  }
}

TEST_CASE("code objects carry CPython's names and flags", "[compiler]") {
  RuntimeScope runtime;
  py::Ref<py::Code> module = compile_ok(
      "def f(a, /, b, *args, c, **kw):\n"
      "    def g():\n        return a\n"
      "    return g, [x for x in args], (y for y in kw), lambda: c\n"
      "class C:\n    def m(self):\n        return super().m()\n"
      "async def h():\n    await x\n"
      "async def agen():\n    yield 1\n");
  REQUIRE(module);
  CHECK(module->qualified_name->value == "<module>");
  const py::Code* f = find_code(module.get(), "f");
  REQUIRE(f);
  CHECK(f->argument_count == 2);
  CHECK(f->positional_only_count == 1);
  CHECK(f->keyword_only_count == 1);
  CHECK((f->flags & py::code_flag_varargs));
  CHECK((f->flags & py::code_flag_varkeywords));
  REQUIRE(f->cell_names.size() == 2);
  CHECK(f->cell_names[0]->value == "a");
  CHECK(f->cell_names[1]->value == "c");
  REQUIRE(f->cell_parameters.size() == 2);
  CHECK(find_code(module.get(), "f.<locals>.g"));
  CHECK(find_code(module.get(), "f.<locals>.<listcomp>"));
  const py::Code* generator = find_code(module.get(), "f.<locals>.<genexpr>");
  REQUIRE(generator);
  CHECK((generator->flags & py::code_flag_generator));
  CHECK(find_code(module.get(), "f.<locals>.<lambda>"));
  const py::Code* method = find_code(module.get(), "C.m");
  REQUIRE(method);
  REQUIRE(method->free_names.size() == 1);
  CHECK(method->free_names[0]->value == "__class__");
  const py::Code* class_body = find_code(module.get(), "C");
  REQUIRE(class_body);
  REQUIRE(class_body->cell_names.size() == 1);
  CHECK((find_code(module.get(), "h")->flags & py::code_flag_coroutine));
  CHECK((find_code(module.get(), "agen")->flags & py::code_flag_async_generator));
}

TEST_CASE("the disassembler shows lines and jump targets and resolved arguments", "[compiler]") {
  RuntimeScope runtime;
  py::Ref<py::Code> code = compile_ok("x = 1\nif x:\n    print('yes')\n");
  REQUIRE(code);
  std::string text = py::disassemble(code.get());
  CHECK(text.find("  1           0 LOAD_CONST               0 (1)") != std::string::npos);
  CHECK(text.find("STORE_NAME               0 (x)") != std::string::npos);
  CHECK(text.find("POP_JUMP_IF_FALSE") != std::string::npos);
  CHECK(text.find("(to ") != std::string::npos);
  CHECK(text.find("('yes')") != std::string::npos);
  CHECK(text.find("  3") != std::string::npos);
}

TEST_CASE("every corpus program compiles unless CPython rejects it", "[compiler]") {
  RuntimeScope runtime;
  namespace fs = std::filesystem;
  fs::path root = fs::path(AWAITPAD_SOURCE_DIR) / "tests" / "programs";
  int compiled = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".py") continue;
    fs::path error_path = entry.path();
    error_path.replace_extension(".err");
    std::string expected_error = fs::exists(error_path) ? read_file(error_path.string()) : "";
    bool rejected_by_cpython = expected_error.find("Error: ") != std::string::npos &&
                               (expected_error.find("SyntaxError") != std::string::npos ||
                                expected_error.find("IndentationError") != std::string::npos ||
                                expected_error.find("TabError") != std::string::npos);
    if (rejected_by_cpython) continue;
    py::CompileResult result = py::compile_source(read_file(entry.path().string()), "main.py");
    if (result.error && result.unsupported_feature) continue;  // it says which feature
    INFO(entry.path().string());
    if (result.memory_error) {  // nesting past CPython's parser stack: so did CPython's
      CHECK(expected_error.find("stderr: MemoryError\n") != std::string::npos);
      continue;
    }
    if (result.error) {
      FAIL_CHECK(result.error->message << " line " << result.error->line);
      continue;
    }
    CHECK(check_code(result.code.get()) == "");
    ++compiled;
  }
  CHECK(compiled > 100);
}
