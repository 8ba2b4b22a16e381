// A token of Python source: its kind, its text as written, and where it is.
//
// Positions follow CPython: lines are 1-based, columns are 0-based byte offsets into the
// UTF-8 line (ast col_offset). Python's SyntaxError.offset counts characters instead and
// starts at 1; character_offset() converts. Where CPython's C tokenizer leaves a position
// undefined (INDENT, DEDENT, ENDMARKER) a Token uses the positions Python's `tokenize`
// module reports, so token streams can be compared with it.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/py/syntax/utf8.hpp"

namespace py {

enum class TokenKind : uint8_t {
#define PY_TOKEN(kind, spelling, group) kind,
#include "core/py/syntax/token_kinds.hpp"
#undef PY_TOKEN
};

// The groups of core/py/syntax/token_kinds.hpp.
enum class TokenGroup : uint8_t {
  layout,       // NEWLINE, INDENT, DEDENT, ENDMARKER
  literal,      // NAME, NUMBER, STRING
  punctuation,  // operators and delimiters, spelled exactly
  keyword,      // reserved words, spelled exactly
  stray,        // OP: a character no grammar rule accepts
};

// One row of core/py/syntax/token_kinds.hpp; kTokenRows[int(kind)] describes `kind`.
struct TokenRow {
  TokenKind kind;
  const char* name;           // "LPAR", "IF": CPython's token name
  std::string_view spelling;  // "(", "if"; empty for layout, literal and stray kinds
  TokenGroup group;
};

inline constexpr TokenRow kTokenRows[] = {
#define PY_TOKEN(kind, spelling, group) {TokenKind::kind, #kind, spelling, TokenGroup::group},
#include "core/py/syntax/token_kinds.hpp"
#undef PY_TOKEN
};

inline constexpr const TokenRow& token_row(TokenKind kind) {
  return kTokenRows[static_cast<int>(kind)];
}
// "LPAR" for TokenKind::LPAR.
inline constexpr const char* token_kind_name(TokenKind kind) { return token_row(kind).name; }
// "(" for TokenKind::LPAR, "if" for TokenKind::IF, "" where the text varies (NAME, OP...).
inline constexpr std::string_view token_kind_spelling(TokenKind kind) {
  return token_row(kind).spelling;
}
inline constexpr TokenGroup token_kind_group(TokenKind kind) { return token_row(kind).group; }

struct Token {
  TokenKind kind;
  int32_t line;        // 1-based line of the first character
  int32_t column;      // 0-based byte column of the first character
  int32_t end_line;    // line of the last character
  int32_t end_column;  // byte column just past the last character
  // The token as written: a view into the source given to py::lex, valid while it lives.
  // A STRING keeps prefix, quotes and escapes undecoded, and any line breaks inside it as
  // written ("\r\n" included: the decoder translates them to "\n" as CPython does before
  // tokenizing). NEWLINE holds the line break ("" at the end of input, where CPython
  // supplies a missing final newline) and spans one column even for "\r\n", as the "\n"
  // CPython reads; INDENT holds the indentation; OP the stray character; DEDENT and
  // ENDMARKER "".
  std::string_view text;
};

// CPython's SyntaxError.offset for byte column `byte_column` of `line`: 1 + the number of
// characters before it (a column inside a character counts that character as before it).
inline int32_t character_offset(std::string_view line, int32_t byte_column) {
  size_t end = byte_column < 0 ? 0 : static_cast<size_t>(byte_column);
  return 1 + utf8::count_characters(line.substr(0, end));
}

}  // namespace py
