// A SyntaxError as a value (core builds without C++ exceptions), carrying exactly the
// attributes CPython 3.11 gives the exception, and the text CPython prints for it.
//
// The lexer and the parser build these; tests compare every field with what CPython's
// compile(source, "main.py", "exec") raised (tests/unit/data/syntax_errors.tsv). Offsets
// are CPython's, quirks included: 1-based characters, end_offset 0 or -1 where CPython has
// no end, and `text` sometimes ending in "\n" — formatting depends on all of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace py {

// The exception class: IndentationError subclasses SyntaxError, TabError subclasses
// IndentationError.
enum class SyntaxErrorKind : uint8_t { syntax_error, indentation_error, tab_error };

// "SyntaxError", "IndentationError" or "TabError".
const char* syntax_error_class_name(SyntaxErrorKind kind);

struct SyntaxError {
  SyntaxErrorKind kind = SyntaxErrorKind::syntax_error;
  std::string message;  // SyntaxError.msg
  // 1-based SyntaxError.lineno; 0 when CPython gives no location (lineno, offset,
  // end_lineno, end_offset and text are then all None), e.g. for a null byte.
  int32_t line = 0;
  int32_t offset = 0;      // 1-based character column (SyntaxError.offset)
  int32_t end_line = 0;    // SyntaxError.end_lineno
  int32_t end_offset = 0;  // SyntaxError.end_offset: exclusive, or 0 / -1 for "no end"
  std::string text;        // SyntaxError.text: the source line, as CPython reports it

  bool has_location() const { return line > 0; }
  bool operator==(const SyntaxError&) const = default;
};

// A SyntaxWarning CPython issues while compiling, e.g. "invalid decimal literal" for
// `1if x else y` (3.11 warns where later versions will raise). CPython prints each one to
// stderr as it compiles, before the program runs, one per occurrence.
struct SyntaxWarning {
  std::string message;  // the warning's text
  int32_t line = 0;     // 1-based line it is about
  std::string text;     // that source line, without its line break

  bool operator==(const SyntaxWarning&) const = default;
};

// What CPython 3.11's warnings module prints for it (warnings.formatwarning), e.g.
//   main.py:1: SyntaxWarning: invalid decimal literal
//     x = 1if y else 2
std::string format_syntax_warning(const SyntaxWarning& warning,
                                  std::string_view filename = "main.py");

// CPython's parser reads the line of its error back from the file (err_programtext), by
// fgets into a 1000-byte buffer, and keeps the last piece read: of a `text` line longer
// than 999 bytes with its line break, only what follows the last whole 999-byte piece
// stays. Errors its tokenizer raises itself quote the whole line. Leaves several lines as
// they are.
void keep_last_file_buffer_piece(std::string& text);

// What CPython 3.11 writes to stderr for this error left uncaught (PyErr_Display: no
// traceback header for a compile-time error), e.g.
//     File "main.py", line 1
//       x = (1,
//           ^
//   SyntaxError: '(' was never closed
// The caret run goes from offset to end_offset (one caret when there is no end; none when
// the offset falls left of the stripped line); IndentationError and TabError always get at
// most one caret. Every line ends with "\n".
std::string format_syntax_error(const SyntaxError& error, std::string_view filename = "main.py");

}  // namespace py
