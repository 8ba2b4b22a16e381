// Tests of the parser (core/py/syntax/parser.hpp) and of ast.dump (ast_dump.hpp).
//
// The expectations are CPython's, recorded by scripts and never written to match our own
// output:
//   tests/unit/data/ast_dumps.txt     ast.dump(ast.parse(source)) for valid sources, some
//       with positions (scripts/record_ast_dumps.py);
//   tests/unit/data/parser_errors.tsv and the "parser" rows of syntax_errors.tsv
//       what compile(source, "main.py", "exec") raises for bad sources, and what CPython
//       prints for it (scripts/record_syntax_errors.py).
// The few hand-written expectations below say where they come from and why no script
// records them.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/py/syntax/ast_dump.hpp"
#include "core/py/syntax/parser.hpp"
#include "tests/unit/support/expected_output.hpp"

namespace {

// --- Reading the recorded files ----------------------------------------------------------

struct DumpCase {
  std::string title;   // the "=== " line without the marker
  std::string source;  // the program
  std::string dump;    // CPython's ast.dump
  bool attributes;     // dumped with include_attributes=True
};

// tests/unit/data/ast_dumps.txt (format: scripts/record_ast_dumps.py).
std::vector<DumpCase> load_dump_cases() {
  std::vector<DumpCase> cases;
  std::string text = test_support::read_source_file("tests/unit/data/ast_dumps.txt");
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  size_t i = 0;
  while (i < lines.size() && lines[i].rfind("=== ", 0) != 0) ++i;
  while (i < lines.size()) {
    DumpCase test;
    test.title = lines[i].substr(4);
    const std::string flag = " [attributes]";
    test.attributes = test.title.size() >= flag.size() &&
                      test.title.compare(test.title.size() - flag.size(), flag.size(), flag) == 0;
    ++i;
    while (i < lines.size() && lines[i] != "--- ast.dump") test.source += lines[i++] + "\n";
    REQUIRE(i + 1 < lines.size());
    test.dump = lines[i + 1];
    i += 2;
    cases.push_back(std::move(test));
  }
  return cases;
}

std::string utf8_of(char32_t code_point) {
  std::string out;
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
  return out;
}

// The escapes of scripts/record_syntax_errors.py: \\ \t \n \r \xHH \uHHHH \UHHHHHHHH.
std::string unescape(const std::string& field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out += field[i];
      continue;
    }
    char kind = field.at(++i);
    switch (kind) {
      case '\\': out += '\\'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      default: {
        size_t width = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
        out += utf8_of(static_cast<char32_t>(std::stoul(field.substr(i + 1, width), nullptr, 16)));
        i += width;
      }
    }
  }
  return out;
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    size_t end = line.find(separator, start);
    fields.push_back(line.substr(start, end - start));
    if (end == std::string::npos) return fields;
    start = end + 1;
  }
}

struct ErrorRow {
  std::string table;      // the file it comes from
  int table_line;         // its line there
  std::string detected_by;
  std::string source;
  py::SyntaxError error;  // what CPython raised
  std::string printed;    // what CPython printed for it
};

// The rows of a table in scripts/record_syntax_errors.py's format.
std::vector<ErrorRow> load_error_rows(const std::string& table) {
  std::vector<ErrorRow> rows;
  std::string text = test_support::read_source_file(table);
  std::vector<std::string> lines = split(text, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = split(line, '\t');
    REQUIRE(fields.size() == 10);
    ErrorRow row;
    row.table = table;
    row.table_line = static_cast<int>(i + 1);
    row.detected_by = fields[0];
    row.source = unescape(fields[1]);
    const std::string& kind = fields[2];
    row.error.kind = kind == "TabError"           ? py::SyntaxErrorKind::tab_error
                     : kind == "IndentationError" ? py::SyntaxErrorKind::indentation_error
                                                  : py::SyntaxErrorKind::syntax_error;
    row.error.message = unescape(fields[3]);
    auto number = [](const std::string& field) { return field == "\\N" ? 0 : std::stoi(field); };
    row.error.line = number(fields[4]);
    row.error.offset = number(fields[5]);
    row.error.end_line = number(fields[6]);
    row.error.end_offset = number(fields[7]);
    row.error.text = fields[8] == "\\N" ? "" : unescape(fields[8]);
    row.printed = unescape(fields[9]);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string describe(const py::SyntaxError& error) {
  std::ostringstream out;
  out << py::syntax_error_class_name(error.kind) << ": " << error.message << " at " << error.line
      << ":" << error.offset << "-" << error.end_line << ":" << error.end_offset << " text "
      << error.text.size() << " bytes";
  return out.str();
}

void check_error_row(const ErrorRow& row) {
  INFO(row.table << " line " << row.table_line << ": " << row.source);
  py::ParseResult result = py::parse(row.source);
  REQUIRE_FALSE(result.ok());
  REQUIRE(result.error.has_value());
  CHECK(result.error_kind == py::ParseErrorKind::syntax_error);
  CHECK(describe(*result.error) == describe(row.error));
  CHECK(result.error->text == row.error.text);
  CHECK(py::format_syntax_error(*result.error) == row.printed);
}

}  // namespace

// --- Trees --------------------------------------------------------------------------------

TEST_CASE("parser: trees are those of CPython's ast.dump", "[parser]") {
  std::vector<DumpCase> cases = load_dump_cases();
  REQUIRE(cases.size() >= 150);
  int with_positions = 0;
  for (const DumpCase& test : cases) {
    INFO("case: " << test.title << "\n" << test.source);
    py::ParseResult result = py::parse(test.source);
    if (!result.ok()) FAIL_CHECK(py::format_syntax_error(*result.error));
    if (!result.ok()) continue;
    CHECK(py::ast::dump(*result.module, test.attributes) == test.dump);
    with_positions += test.attributes;
  }
  CHECK(with_positions >= 30);
}

TEST_CASE("parser: every node kind appears in the recorded trees", "[parser]") {
  // A guard on the cases file: each kind of Python.asdl is exercised at least once.
  std::string all;
  for (const DumpCase& test : load_dump_cases()) all += test.dump;
  for (int kind = 0; kind <= static_cast<int>(py::ast::ExprKind::Slice); ++kind) {
    std::string name = py::ast::name_of(static_cast<py::ast::ExprKind>(kind));
    INFO(name);
    CHECK(all.find(name + "(") != std::string::npos);
  }
  for (int kind = 0; kind <= static_cast<int>(py::ast::StmtKind::Continue); ++kind) {
    std::string name = py::ast::name_of(static_cast<py::ast::StmtKind>(kind));
    INFO(name);
    CHECK(all.find(name + "(") != std::string::npos);
  }
  for (int kind = 0; kind <= static_cast<int>(py::ast::PatternKind::MatchOr); ++kind) {
    std::string name = py::ast::name_of(static_cast<py::ast::PatternKind>(kind));
    INFO(name);
    CHECK(all.find(name + "(") != std::string::npos);
  }
  for (int op = 0; op <= static_cast<int>(py::ast::BinaryOperator::FloorDiv); ++op) {
    CHECK(all.find(std::string("op=") + py::ast::name_of(static_cast<py::ast::BinaryOperator>(op)) + "()") !=
          std::string::npos);
  }
  for (int op = 0; op <= static_cast<int>(py::ast::CompareOperator::NotIn); ++op) {
    CHECK(all.find(std::string(py::ast::name_of(static_cast<py::ast::CompareOperator>(op))) + "()") !=
          std::string::npos);
  }
}

// --- Errors ---------------------------------------------------------------------------------

TEST_CASE("parser: errors are CPython's, message and position", "[parser]") {
  std::vector<ErrorRow> rows = load_error_rows("tests/unit/data/parser_errors.tsv");
  REQUIRE(rows.size() > 200);
  for (const ErrorRow& row : rows) check_error_row(row);
}

TEST_CASE("parser: the parser rows of the lexer's table are CPython's errors", "[parser]") {
  int checked = 0;
  for (const ErrorRow& row : load_error_rows("tests/unit/data/syntax_errors.tsv")) {
    if (row.detected_by != "parser") continue;
    if (row.source.find("\\N{") != std::string::npos) {
      // Known difference: no Unicode name database, so every \N{name} escape is reported as
      // unsupported instead of being looked up (CPython: "unknown Unicode character name").
      py::ParseResult result = py::parse(row.source);
      CHECK(result.error_kind == py::ParseErrorKind::unsupported_feature);
      continue;
    }
    check_error_row(row);
    ++checked;
  }
  CHECK(checked > 20);
}

TEST_CASE("parser: tokenizer errors come through parse unchanged", "[parser]") {
  for (const ErrorRow& row : load_error_rows("tests/unit/data/syntax_errors.tsv")) {
    if (row.detected_by != "lexer") continue;
    check_error_row(row);
  }
}

// --- Limits and unsupported features --------------------------------------------------------

TEST_CASE("parser: deep nesting stops with CPython's error, not a crash", "[parser]") {
  // Expectations from CPython 3.11.7, compile(source, "main.py", "exec"), by hand because
  // record_syntax_errors.py records SyntaxErrors only and these sources are large.
  SECTION("10,000 nested parentheses: the tokenizer's limit of 200") {
    std::string source = "x = " + std::string(10000, '(') + std::string(10000, ')') + "\n";
    py::ParseResult result = py::parse(source);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->message == "too many nested parentheses");
  }
  SECTION("100,000 unary minus signs: MemoryError from the parser's stack limit") {
    std::string source = "x = " + std::string(100000, '-') + "1\n";
    py::ParseResult result = py::parse(source);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_kind == py::ParseErrorKind::memory_error);
  }
  SECTION("1000 nested ifs: the tokenizer's limit of 100 indentation levels") {
    std::string source;
    for (int i = 0; i < 1000; ++i) source += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    source += std::string(1000, ' ') + "pass\n";
    py::ParseResult result = py::parse(source);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->kind == py::SyntaxErrorKind::indentation_error);
    CHECK(result.error->message == "too many levels of indentation");
    CHECK(result.error->line == 101);
  }
  SECTION("chains CPython parses: 2900 lambdas, 5000 conditional expressions") {
    // CPython's parser takes these (its compiler then raises RecursionError, the
    // compiler's business); 3000 lambdas reach its MemoryError.
    CHECK(py::parse("x = " + [] { std::string s; for (int i = 0; i < 2900; ++i) s += "lambda: "; return s; }() + "1\n").ok());
    CHECK(py::parse("x = " + [] { std::string s; for (int i = 0; i < 5000; ++i) s += "a if b else "; return s; }() + "1\n").ok());
    py::ParseResult deep = py::parse("x = " + [] { std::string s; for (int i = 0; i < 3000; ++i) s += "lambda: "; return s; }() + "1\n");
    CHECK(deep.error_kind == py::ParseErrorKind::memory_error);
  }
}

TEST_CASE("parser: complex literals are an unsupported feature with its line", "[parser]") {
  py::ParseResult result = py::parse("x = 1\ny = 2j\n");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error_kind == py::ParseErrorKind::unsupported_feature);
  CHECK(result.error->message == "complex numbers are not supported");
  CHECK(result.error->line == 2);
  // A syntax error anywhere wins: CPython would report it.
  py::ParseResult both = py::parse("y = 2j\nz = (\n");
  CHECK(both.error_kind == py::ParseErrorKind::syntax_error);
}

TEST_CASE("parser: named Unicode escapes are an unsupported feature", "[parser]") {
  py::ParseResult result = py::parse("s = '\\N{EM DASH}'\n");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error_kind == py::ParseErrorKind::unsupported_feature);
  CHECK(result.error->line == 1);
}

TEST_CASE("parser: constants carry their values", "[parser]") {
  py::ParseResult result = py::parse("9223372036854775807\n0x1_0000_0000_0000_0000\n2.5\n'\\u00e9'\nb'\\xff'\n");
  REQUIRE(result.ok());
  auto value = [&](size_t index) -> const py::ast::ConstantValue& {
    return result.module->body[index]->as<py::ast::ExprStmt>()->value->as<py::ast::Constant>()->value;
  };
  CHECK(value(0).kind == py::ast::ConstantValue::Kind::Int);
  CHECK(value(0).int_value == INT64_MAX);
  CHECK(value(1).kind == py::ast::ConstantValue::Kind::BigInt);
  CHECK(value(1).int_base == 16);
  CHECK(value(1).text == "10000000000000000");
  CHECK(value(2).float_value == 2.5);
  CHECK(value(3).text == "\xC3\xA9");
  CHECK(value(4).text == std::string(1, '\xFF'));
}

TEST_CASE("parser: float reprs are Python's", "[parser]") {
  // Hand-written: repr() of these floats in CPython 3.11.
  CHECK(py::ast::float_repr(0.1) == "0.1");
  CHECK(py::ast::float_repr(1e16) == "1e+16");
  CHECK(py::ast::float_repr(1e15) == "1000000000000000.0");
  CHECK(py::ast::float_repr(1e-5) == "1e-05");
  CHECK(py::ast::float_repr(0.0001) == "0.0001");
  CHECK(py::ast::float_repr(1.0 / 3) == "0.3333333333333333");
  CHECK(py::ast::float_repr(-0.0) == "-0.0");
  CHECK(py::ast::float_repr(1e300 * 1e10) == "inf");
}

// --- The standard library (hidden: scripts/check_parser_stdlib.py runs it) -----------------------

TEST_CASE("parser: the standard library parses to CPython's trees", "[.stdlib]") {
  // AWAITPAD_STDLIB_MANIFEST names a file of lines "SOURCE<TAB>DUMP" written by
  // scripts/check_parser_stdlib.py: a Python file and CPython's ast.dump of it.
  const char* manifest_path = std::getenv("AWAITPAD_STDLIB_MANIFEST");
  REQUIRE(manifest_path != nullptr);
  std::ifstream manifest(manifest_path);
  int files = 0, same = 0, different = 0, unsupported = 0, failed = 0;
  double seconds = 0;
  size_t bytes = 0;
  for (std::string line; std::getline(manifest, line);) {
    std::vector<std::string> fields = split(line, '\t');
    if (fields.size() != 2) continue;
    std::ifstream source_file(fields[0], std::ios::binary);
    std::ifstream dump_file(fields[1], std::ios::binary);
    std::stringstream source, expected;
    source << source_file.rdbuf();
    expected << dump_file.rdbuf();
    ++files;
    bytes += source.str().size();
    auto start = std::chrono::steady_clock::now();
    py::ParseResult result = py::parse(source.str());
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (result.ok()) {
      if (py::ast::dump(*result.module) == expected.str()) {
        ++same;
      } else {
        ++different;
        WARN("different tree: " << fields[0]);
      }
    } else if (result.error_kind == py::ParseErrorKind::unsupported_feature) {
      ++unsupported;
    } else {
      ++failed;
      WARN("not parsed: " << fields[0] << "\n" << py::format_syntax_error(*result.error));
    }
  }
  WARN(files << " files (" << bytes << " bytes, parsed in " << seconds << " s): " << same
             << " same tree, " << different << " different, " << unsupported
             << " unsupported feature, " << failed << " not parsed");
  CHECK(failed == 0);
}
