#include "core/py/syntax/syntax_error.hpp"

namespace py {

const char* syntax_error_class_name(SyntaxErrorKind kind) {
  switch (kind) {
    case SyntaxErrorKind::syntax_error: return "SyntaxError";
    case SyntaxErrorKind::indentation_error: return "IndentationError";
    case SyntaxErrorKind::tab_error: return "TabError";
  }
  return "SyntaxError";
}

namespace {

// CPython's print_error_text (Python/pythonrun.c): the line without its indentation, then
// the caret line. `offset` and `end_offset` are 1-based characters.
void append_error_text(std::string& out, int64_t offset, int64_t end_offset,
                       std::string_view text) {
  size_t caret_count = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
  offset -= 1;  // to 0-based

  size_t start = 0;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\t' || text[start] == '\f')) {
    ++start;
    --offset;
  }
  text.remove_prefix(start);
  int64_t length = static_cast<int64_t>(text.size());
  if (length > 0 && text[length - 1] == '\n') --length;
  if (offset > length) offset = length;

  // An error past the first of several lines in `text` shows the line it is on.
  for (;;) {
    size_t newline = text.find('\n');
    if (newline == std::string_view::npos) break;
    int64_t line_length = static_cast<int64_t>(newline);
    if (line_length >= offset) break;
    text.remove_prefix(newline + 1);
    length -= line_length + 1;
    offset -= line_length + 1;
  }

  out += "    ";
  out += text;
  if (static_cast<size_t>(length) >= text.size() || text[length] != '\n') out += '\n';
  if (offset < 0) return;  // the caret would point left of the shown text
  out += "    ";
  out.append(static_cast<size_t>(offset), ' ');
  out.append(caret_count, '^');
  out += '\n';
}

}  // namespace

void keep_last_file_buffer_piece(std::string& text) {
  constexpr size_t piece = 999;  // the buffer less fgets's terminating null
  size_t newline = text.find('\n');
  if (newline != std::string::npos && newline + 1 != text.size()) return;  // several lines
  size_t length = newline == std::string::npos ? text.size() + 1 : text.size();
  if (length > piece) text.erase(0, (length - 1) / piece * piece);
}

std::string format_syntax_error(const SyntaxError& error, std::string_view filename) {
  // CPython's print_exception with parse_syntax_error: the location block needs a lineno.
  std::string out;
  if (error.has_location()) {
    out += "  File \"";
    out += filename;
    out += "\", line ";
    out += std::to_string(error.line);
    out += '\n';

    int64_t end_line = error.end_line;
    int64_t end_offset = error.end_offset;
    if (error.kind != SyntaxErrorKind::syntax_error) {
      // Only SyntaxError itself has its end read; subclasses print a single caret.
      end_line = error.line;
      end_offset = -1;
    }
    int64_t text_size = static_cast<int64_t>(error.text.size());  // bytes, as CPython uses
    if (end_line > error.line) end_offset = text_size;  // a multi-line span: to end of line
    if (end_offset > text_size + 1) end_offset = text_size + 1;
    append_error_text(out, error.offset, end_offset, error.text);
  }
  out += syntax_error_class_name(error.kind);
  if (!error.message.empty()) {
    out += ": ";
    out += error.message;
  }
  out += '\n';
  return out;
}

std::string format_syntax_warning(const SyntaxWarning& warning, std::string_view filename) {
  std::string out;
  out += filename;
  out += ':';
  out += std::to_string(warning.line);
  out += ": SyntaxWarning: ";
  out += warning.message;
  out += '\n';
  if (!warning.text.empty()) {  // the line, stripped of surrounding whitespace
    std::string_view line = warning.text;
    const char* whitespace = " \t\f\v\r\n";
    size_t first = line.find_first_not_of(whitespace);
    size_t last = line.find_last_not_of(whitespace);
    out += "  ";
    if (first != std::string_view::npos) out += line.substr(first, last - first + 1);
    out += '\n';
  }
  return out;
}

}  // namespace py
