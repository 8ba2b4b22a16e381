// The lexer follows CPython 3.11's tok_get (Parser/tokenizer.c) step by step, so that the
// same characters are consumed in the same order and every error lands where CPython puts
// it. Where CPython reads a character and backs up, this code peeks instead; where an
// error's position depends on CPython's cursor, the comment says where that cursor is.
#include "core/py/syntax/lexer.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "core/py/syntax/unicode_identifier.hpp"
#include "core/py/syntax/utf8.hpp"

namespace py {
namespace {

constexpr int kTabSize = 8;            // CPython's TABSIZE: tabs advance to a multiple of 8
constexpr int kMaxIndentDepth = 100;   // MAXINDENT: at most 99 nested indented blocks
constexpr int kMaxBracketDepth = 200;  // MAXLEVEL: at most 200 open brackets
constexpr int kEndOfInput = -1;        // what peek() returns after the final newline

// --- Lookup tables generated from core/py/syntax/token_kinds.hpp --------------------------------

// For each ASCII character, the kinds of the punctuation spelled starting with it, longest
// spelling first (so "**=" is tried before "**" and "*").
struct PunctuationTable {
  std::array<std::array<TokenKind, 4>, 128> kinds{};
  std::array<uint8_t, 128> count{};
};

constexpr PunctuationTable make_punctuation_table() {
  PunctuationTable table;
  for (const TokenRow& row : kTokenRows) {
    if (row.group != TokenGroup::punctuation) continue;
    auto first = static_cast<unsigned char>(row.spelling[0]);
    auto& kinds = table.kinds[first];
    size_t at = table.count[first]++;
    while (at > 0 && token_kind_spelling(kinds[at - 1]).size() < row.spelling.size()) {
      kinds[at] = kinds[at - 1];
      --at;
    }
    kinds[at] = row.kind;
  }
  return table;
}

constexpr PunctuationTable kPunctuation = make_punctuation_table();

// For each ASCII character, the keyword kinds spelled starting with it.
struct KeywordTable {
  std::array<std::array<TokenKind, 6>, 128> kinds{};
  std::array<uint8_t, 128> count{};
};

constexpr KeywordTable make_keyword_table() {
  KeywordTable table;
  for (const TokenRow& row : kTokenRows) {
    if (row.group != TokenGroup::keyword) continue;
    auto first = static_cast<unsigned char>(row.spelling[0]);
    table.kinds[first][table.count[first]++] = row.kind;
  }
  return table;
}

constexpr KeywordTable kKeywords = make_keyword_table();

// The keyword kind spelled `name` (ASCII), or NAME.
TokenKind keyword_or_name(std::string_view name) {
  auto first = static_cast<unsigned char>(name[0]);
  if (first >= 128) return TokenKind::NAME;
  for (size_t i = 0; i < kKeywords.count[first]; ++i) {
    TokenKind kind = kKeywords.kinds[first][i];
    if (token_kind_spelling(kind) == name) return kind;
  }
  return TokenKind::NAME;
}

// --- Character classes (CPython's, on bytes: every byte >= 128 may be in a name) --------

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_potential_identifier_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_potential_identifier_char(int c) { return is_potential_identifier_start(c) || is_digit(c); }

// The offset of the first byte at or after `from` that may end or escape something in a
// string quoted with `quote` (the quote, a backslash or a line break), or text.size().
// Eight bytes at a time, so that long literals cost little.
size_t skip_plain_string_bytes(std::string_view text, size_t from, char quote) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  auto has_byte = [](uint64_t word, unsigned char byte) {
    uint64_t x = word ^ (kOnes * byte);
    return (x - kOnes) & ~x & kHighs;
  };
  size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    if (has_byte(word, static_cast<unsigned char>(quote)) | has_byte(word, '\\') |
        has_byte(word, '\n') | has_byte(word, '\r')) {
      break;
    }
  }
  for (; i < text.size(); ++i) {
    char byte = text[i];
    if (byte == quote || byte == '\\' || byte == '\n' || byte == '\r') break;
  }
  return i;
}

// `text` with "\r\n" and "\r" read as "\n", as CPython translates its input.
std::string translate_line_breaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// CPython's _PyPegen_byte_offset_to_character_offset: the characters in the first
// `byte_offset` bytes of `text`, where one byte past the end reads the terminating NUL.
int32_t cpython_character_offset(std::string_view text, int64_t byte_offset) {
  int64_t size = static_cast<int64_t>(text.size());
  if (byte_offset > size) return utf8::count_characters(text) + 1;
  return utf8::count_characters(text.substr(0, static_cast<size_t>(byte_offset)));
}

// "%04X" of a code point, as CPython prints U+XXXX.
std::string hex_code_point(char32_t code_point) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04X", static_cast<unsigned>(code_point));
  return buffer;
}

// "'c'": an ASCII character in quotes, as CPython's messages show one.
std::string quoted(int c) {
  std::string text = "'";
  text += static_cast<char>(c);
  text += '\'';
  return text;
}

class Lexer {
 public:
  Lexer(std::string_view source, std::string_view filename);
  LexResult run() &&;

 private:
  // Where a token starts.
  struct Mark {
    size_t position;  // byte offset into source_
    int32_t line;     // 1-based
    int32_t column;   // 0-based bytes
  };

  // A bracket not closed yet.
  struct OpenBracket {
    char bracket;       // '(', '[' or '{'
    int32_t line;       // its line
    size_t line_start;  // byte offset of that line's start
    int32_t column;     // its byte column
  };

  // --- Reading the logical characters (line breaks read as '\n') ---

  // The character at byte `index`: '\n' for any line break ('\r' too) and for the newline
  // supplied at the end, kEndOfInput after that, else the byte (0..255).
  int char_at(size_t index) const {
    if (index < source_.size()) {
      auto byte = static_cast<unsigned char>(source_[index]);
      return byte == '\r' ? '\n' : byte;
    }
    return (index == source_.size() && supplies_final_newline_) ? '\n' : kEndOfInput;
  }
  int peek() const { return char_at(position_); }
  // Consumes peek(); after a line break the next line starts.
  void advance();
  // The bytes of the line break at position_ ("" for the supplied final newline).
  std::string_view line_break_text() const;
  int32_t column() const { return static_cast<int32_t>(position_ - line_start_); }
  Mark mark() const { return {position_, line_, column()}; }
  bool source_matches(size_t index, std::string_view text) const {
    return index <= source_.size() && source_.substr(index).starts_with(text);
  }
  // source_[begin, end), both clamped to the source.
  std::string_view slice(size_t begin, size_t end) const;
  // The line that starts at `line_start`, without its line break.
  std::string_view line_text(size_t line_start) const;
  // Characters (not bytes) from `line_start` to `cursor`.
  int32_t characters_between(size_t line_start, size_t cursor) const {
    return utf8::count_characters(slice(line_start, cursor));
  }
  // The line CPython's tokenizer read last: line_, or the last line at the end of input.
  int32_t last_line_read() const { return peek() == kEndOfInput ? line_ - 1 : line_; }
  // CPython's buffer (buf to inp) as text: from buffer_start_ to the end of the last line
  // read, line breaks translated, with the final newline.
  std::string buffer_text() const;

  // --- Producing tokens ---

  void emit(TokenKind kind, const Mark& start);
  void emit_at(TokenKind kind, int32_t line, int32_t column, std::string_view text);
  void lex_all();
  bool read_indentation(bool& blank_line);
  bool continue_line();
  bool lex_name_or_prefixed_string(const Mark& start);
  bool verify_identifier(const Mark& start);
  bool lex_string(const Mark& start);
  bool lex_number(const Mark& start);
  bool lex_after_integer(const Mark& start);
  bool lex_fraction_and_rest(const Mark& start);
  bool lex_exponent_and_rest(const Mark& start);
  bool lex_prefixed_integer(const Mark& start, int radix);
  bool decimal_tail();
  bool verify_end_of_number(const char* kind);
  bool lex_punctuation(const Mark& start);
  // Where ENDMARKER goes (and the DEDENTs closing blocks at the end): column 0 of the line
  // after the last line break or the last line with a non-blank character.
  int32_t end_marker_line() const;

  // --- Errors (each returns false, so `return raise...;` ends lexing) ---

  // Ends lexing with `error`, unless a stray character came first (see
  // stray_character_error_) and `error` does not override parse errors.
  bool fail(SyntaxError error, bool overrides_parse_errors);
  // CPython's syntaxerror(): at `cursor` on the line starting at `line_start`; offset and
  // end_offset both count the characters before the cursor; text is the line.
  bool raise_at(std::string message, size_t cursor, int32_t line, size_t line_start);
  bool raise_at_cursor(std::string message) {
    return raise_at(std::move(message), position_, line_, line_start_);
  }
  // An error CPython's parser raises from what the tokenizer flagged, on `line` (which
  // starts at `line_start`), at 1-based byte offsets that CPython converts to characters
  // within the text it shows: the tokenizer's buffer when `line` is the last line read,
  // else the line alone. An end_byte_offset of 0 or -1 (no end) is kept as it is.
  bool raise_for_parser(SyntaxErrorKind kind, std::string message, int32_t line,
                        size_t line_start, int64_t byte_offset, int64_t end_byte_offset) {
    return fail(parser_error(kind, std::move(message), line, line_start, byte_offset,
                             end_byte_offset),
                false);
  }
  SyntaxError parser_error(SyntaxErrorKind kind, std::string message, int32_t line,
                           size_t line_start, int64_t byte_offset, int64_t end_byte_offset) const;
  bool raise_unclosed_bracket();

  std::string_view source_;       // the source after any UTF-8 BOM
  std::string_view filename_;     // named in the invalid UTF-8 message
  bool supplies_final_newline_;   // a '\n' follows the source (see the constructor)
  size_t position_ = 0;           // byte offset of the next character; size()+1 past all
  int32_t line_ = 1;              // line of position_
  size_t line_start_ = 0;         // byte offset where line_ starts
  // Where CPython's buffer starts: the first line read since the last token ended. A token
  // that spans lines (a string, a backslash continuation) keeps it on its first line.
  size_t buffer_start_ = 0;
  bool in_token_ = false;         // lines read now belong to the current token's buffer
  std::vector<int32_t> indent_columns_{0};      // CPython indstack: columns of open blocks
  std::vector<int32_t> alt_indent_columns_{0};  // altindstack: the same with tabs as 1 column
  std::vector<OpenBracket> brackets_;           // brackets open at position_, innermost last
  // "invalid syntax" at the first character no grammar rule accepts ($ ? ` !). CPython's
  // tokenizer goes on after one, so lexing does too: a later tokenizer error that
  // overrides parse errors replaces it.
  std::optional<SyntaxError> stray_character_error_;
  LexResult result_;
};

Lexer::Lexer(std::string_view source, std::string_view filename) : source_(source), filename_(filename) {
  if (source_.starts_with("\xEF\xBB\xBF")) source_.remove_prefix(3);
  // CPython appends "\n" when the source does not end with one after translating line
  // breaks. Its translation drops the "\n" of a final "\r\n" before checking, so a source
  // ending in "\r\n" gets an extra empty line too (visible in "detected at line N").
  supplies_final_newline_ = source_.empty() || source_.ends_with("\r\n") ||
                            (source_.back() != '\n' && source_.back() != '\r');
}

void Lexer::advance() {
  int c = peek();
  if (c == '\n') {
    bool crlf = position_ + 1 < source_.size() && source_[position_] == '\r' &&
                source_[position_ + 1] == '\n';
    position_ += crlf ? 2 : 1;
    ++line_;
    line_start_ = position_;
    if (!in_token_ && peek() != kEndOfInput) buffer_start_ = line_start_;
  } else if (c != kEndOfInput) {
    ++position_;
  }
}

std::string_view Lexer::line_break_text() const {
  if (position_ >= source_.size()) return source_.substr(source_.size());
  bool crlf = source_[position_] == '\r' && position_ + 1 < source_.size() &&
              source_[position_ + 1] == '\n';
  return source_.substr(position_, crlf ? 2 : 1);
}

std::string_view Lexer::slice(size_t begin, size_t end) const {
  begin = std::min(begin, source_.size());
  end = std::min(std::max(end, begin), source_.size());
  return source_.substr(begin, end - begin);
}

std::string_view Lexer::line_text(size_t line_start) const {
  std::string_view rest = slice(line_start, source_.size());
  return rest.substr(0, rest.find_first_of("\r\n"));
}

std::string Lexer::buffer_text() const {
  size_t end;
  if (peek() == kEndOfInput) {  // the last line ends the source, or before its line break
    end = supplies_final_newline_ ? source_.size() : source_.size() - 1;
  } else {
    end = line_start_ + line_text(line_start_).size();
  }
  return translate_line_breaks(slice(buffer_start_, end)) + "\n";
}

void Lexer::emit(TokenKind kind, const Mark& start) {
  result_.tokens.push_back({kind, start.line, start.column, line_, column(),
                            slice(start.position, position_)});
}

void Lexer::emit_at(TokenKind kind, int32_t line, int32_t column, std::string_view text) {
  result_.tokens.push_back({kind, line, column, line, column + static_cast<int32_t>(text.size()), text});
}

int32_t Lexer::end_marker_line() const {
  // At the end of input line_ is one past the last line read, the supplied one included.
  int32_t line_breaks = line_ - 1 - (supplies_final_newline_ ? 1 : 0);
  size_t end = source_.size();
  while (end > 0 && (source_[end - 1] == ' ' || source_[end - 1] == '\t' || source_[end - 1] == '\f')) {
    --end;
  }
  bool last_line_has_text = end > 0 && source_[end - 1] != '\n' && source_[end - 1] != '\r';
  return line_breaks + (last_line_has_text ? 1 : 0) + 1;
}

// --- The token loop (tok_get) ------------------------------------------------------------

void Lexer::lex_all() {
  bool at_line_start = true;
  bool blank_line = false;  // the current line holds only whitespace and a comment
  for (;;) {
    if (at_line_start) {
      at_line_start = false;
      blank_line = false;
      if (!read_indentation(blank_line)) return;
    }
    while (peek() == ' ' || peek() == '\t' || peek() == '\f') advance();
    Mark start = mark();
    int c = peek();

    if (c == '#') {  // comments run to the end of the line
      while (peek() != '\n' && peek() != kEndOfInput) advance();
      c = peek();
    }
    if (c == kEndOfInput) {
      if (!brackets_.empty()) {
        raise_unclosed_bracket();
        return;
      }
      emit_at(TokenKind::ENDMARKER, end_marker_line(), 0, slice(source_.size(), source_.size()));
      if (stray_character_error_) fail(*stray_character_error_, false);
      return;
    }
    if (is_potential_identifier_start(c)) {
      if (!lex_name_or_prefixed_string(start)) return;
      continue;
    }
    if (c == '\n') {
      std::string_view text = line_break_text();
      int32_t newline_column = column();
      advance();
      at_line_start = true;
      // Blank lines and line breaks inside brackets are not NEWLINE tokens.
      if (blank_line || !brackets_.empty()) continue;
      // The token spans one character: the "\n" CPython reads even for "\r\n" or at the end.
      result_.tokens.push_back({TokenKind::NEWLINE, start.line, newline_column, start.line,
                                newline_column + 1, text});
      continue;
    }
    if (c == '.') {
      int next = char_at(position_ + 1);
      if (is_digit(next)) {
        if (!lex_number(start)) return;
      } else if (next == '.' && char_at(position_ + 2) == '.') {
        position_ += 3;
        emit(TokenKind::ELLIPSIS, start);
      } else {
        advance();
        emit(TokenKind::DOT, start);
      }
      continue;
    }
    if (is_digit(c)) {
      if (!lex_number(start)) return;
      continue;
    }
    if (c == '"' || c == '\'') {
      if (!lex_string(start)) return;
      continue;
    }
    if (c == '\\') {  // the logical line goes on: no indentation, no NEWLINE
      in_token_ = true;  // the next line stays in CPython's buffer
      if (!continue_line()) return;
      in_token_ = false;
      continue;
    }
    if (!lex_punctuation(start)) return;
  }
}

// CPython's indentation block at the start of a line: measures the indentation, then
// emits INDENT or DEDENTs when the line is neither blank nor inside brackets.
bool Lexer::read_indentation(bool& blank_line) {
  int32_t column = 0;
  int32_t alt_column = 0;          // the same with tabs as 1 column, for TabError
  int32_t continued_column = 0;    // column of a backslash inside the indentation
  for (;;) {
    int c = peek();
    if (c == ' ') {
      ++column;
      ++alt_column;
    } else if (c == '\t') {
      column = (column / kTabSize + 1) * kTabSize;
      ++alt_column;
    } else if (c == '\f') {  // form feed resets the count (for Emacs users, says CPython)
      column = alt_column = 0;
    } else if (c == '\\') {
      // The first backslash fixes the indentation: it cannot go on on the next line.
      if (continued_column == 0) continued_column = column;
      if (!continue_line()) return false;
      continue;
    } else {
      break;
    }
    advance();
  }
  int c = peek();
  blank_line = c == '#' || c == '\n';
  if (blank_line || !brackets_.empty()) return true;
  if (continued_column != 0) column = alt_column = continued_column;

  auto tab_error = [&] {
    return raise_for_parser(SyntaxErrorKind::tab_error,
                            "inconsistent use of tabs and spaces in indentation", line_,
                            line_start_, 1, 0);
  };
  if (column == indent_columns_.back()) {
    if (alt_column != alt_indent_columns_.back()) return tab_error();
  } else if (column > indent_columns_.back()) {
    if (static_cast<int>(indent_columns_.size()) >= kMaxIndentDepth) {
      return raise_for_parser(SyntaxErrorKind::indentation_error,
                              "too many levels of indentation", line_, line_start_, 1, 0);
    }
    if (alt_column <= alt_indent_columns_.back()) return tab_error();
    indent_columns_.push_back(column);
    alt_indent_columns_.push_back(alt_column);
    emit_at(TokenKind::INDENT, line_, 0, slice(line_start_, position_));
  } else {
    size_t dedents = 0;
    while (indent_columns_.size() > 1 && column < indent_columns_.back()) {
      indent_columns_.pop_back();
      alt_indent_columns_.pop_back();
      ++dedents;
    }
    if (column != indent_columns_.back()) {
      // CPython's cursor is at the end of the line, past its newline.
      return raise_for_parser(SyntaxErrorKind::indentation_error,
                              "unindent does not match any outer indentation level", line_,
                              line_start_, line_text(line_start_).size() + 1, -1);
    }
    if (alt_column != alt_indent_columns_.back()) return tab_error();
    bool at_end = c == kEndOfInput;
    int32_t line = at_end ? end_marker_line() : line_;
    int32_t dedent_column = at_end ? 0 : this->column();
    for (size_t i = 0; i < dedents; ++i) {
      emit_at(TokenKind::DEDENT, line, dedent_column, slice(position_, position_));
    }
  }
  return true;
}

// After a backslash: the line must end right there (tok_continuation_line).
bool Lexer::continue_line() {
  size_t backslash_line_start = line_start_;
  int32_t backslash_line = line_;
  advance();  // the backslash
  if (peek() != '\n') {
    // CPython's offset here counts from its buffer's start to just past the first byte
    // of the character after the backslash.
    int64_t byte_offset = translate_line_breaks(slice(buffer_start_, position_)).size() + 1;
    return raise_for_parser(SyntaxErrorKind::syntax_error,
                            "unexpected character after line continuation character", line_,
                            line_start_, byte_offset, 0);
  }
  advance();
  if (peek() != kEndOfInput) return true;
  if (!brackets_.empty()) return raise_unclosed_bracket();
  // CPython's cursor is at the end of the input, past the backslash line's newline.
  return raise_for_parser(SyntaxErrorKind::syntax_error, "unexpected EOF while parsing",
                          backslash_line, backslash_line_start,
                          line_text(backslash_line_start).size() + 1, -1);
}

// --- Names and strings -------------------------------------------------------------------

bool Lexer::lex_name_or_prefixed_string(const Mark& start) {
  // The prefixes CPython accepts, in any case: b r u f br rb fr rf (not ur, bu, fb...).
  bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
  int c = peek();
  for (;;) {
    if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
      saw_b = true;
    } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
      saw_u = true;
    } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
      saw_r = true;
    } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
      saw_f = true;
    } else {
      break;
    }
    advance();
    c = peek();
    if (c == '"' || c == '\'') return lex_string(start);
  }
  bool non_ascii = false;
  while (is_potential_identifier_char(c)) {
    non_ascii |= c >= 128;
    advance();
    c = peek();
  }
  if (non_ascii) {
    if (!verify_identifier(start)) return false;
    emit(TokenKind::NAME, start);
    Token& name = result_.tokens.back();
    std::string normalized = normalize_identifier(name.text);
    if (normalized != name.text) {
      result_.normalized_names.push_back(std::move(normalized));
      name.text = result_.normalized_names.back();
    }
    return true;
  }
  emit(keyword_or_name(slice(start.position, position_)), start);
  return true;
}

// CPython's verify_identifier: the first character must be XID_Start or '_', the others
// XID_Continue. The error points just past the first character that is not.
bool Lexer::verify_identifier(const Mark& start) {
  std::string_view name = slice(start.position, position_);
  size_t index = 0;
  bool first = true;
  while (index < name.size()) {
    size_t character_start = index;
    char32_t code_point = utf8::decode(name, index);
    bool valid = first ? is_identifier_start(code_point) : is_identifier_continue(code_point);
    first = false;
    if (valid) continue;
    std::string message =
        is_printable(code_point)
            ? "invalid character '" + std::string(name.substr(character_start, index - character_start)) +
                  "' (U+" + hex_code_point(code_point) + ")"
            : "invalid non-printable character U+" + hex_code_point(code_point);
    return raise_at(std::move(message), start.position + index, line_, line_start_);
  }
  return true;
}

bool Lexer::lex_string(const Mark& start) {
  in_token_ = true;  // lines the string spans stay in CPython's buffer
  int quote = peek();
  advance();
  size_t quote_size = 1;      // 1 or 3
  size_t end_quote_size = 0;  // closing quotes seen in a row
  if (peek() == quote) {
    advance();
    if (peek() == quote) {
      advance();
      quote_size = 3;
    } else {
      end_quote_size = 1;  // the empty string
    }
  }
  while (end_quote_size != quote_size) {
    int c = peek();
    if (c == kEndOfInput || (quote_size == 1 && c == '\n')) {
      // At the end of input every line has been read, so line_ is one past the last.
      int32_t detected_line = c == kEndOfInput ? line_ - 1 : line_;
      std::string message = quote_size == 3 ? "unterminated triple-quoted string literal"
                                            : "unterminated string literal";
      message += " (detected at line " + std::to_string(detected_line) + ")";
      // CPython reports it just past the token's first character, on its first line.
      size_t first_line_start = start.position - static_cast<size_t>(start.column);
      return raise_at(std::move(message), start.position + 1, start.line, first_line_start);
    }
    if (c == quote) {
      advance();
      ++end_quote_size;
      continue;
    }
    end_quote_size = 0;
    if (c == '\\') {
      advance();
      if (peek() != kEndOfInput) advance();  // the escaped character, even a line break
      continue;
    }
    if (c == '\n') {
      advance();
      continue;
    }
    position_ = skip_plain_string_bytes(source_, position_ + 1, static_cast<char>(quote));
  }
  in_token_ = false;
  emit(TokenKind::STRING, start);
  return true;
}

// --- Numbers -----------------------------------------------------------------------------

bool Lexer::lex_number(const Mark& start) {
  if (peek() == '.') {  // ".5" (the caller saw the digit)
    advance();
    return lex_fraction_and_rest(start);
  }
  if (peek() != '0') {
    if (!decimal_tail()) return false;
    return lex_after_integer(start);
  }
  advance();  // '0'
  int c = peek();
  if (c == 'x' || c == 'X') return lex_prefixed_integer(start, 16);
  if (c == 'o' || c == 'O') return lex_prefixed_integer(start, 8);
  if (c == 'b' || c == 'B') return lex_prefixed_integer(start, 2);
  // "0", "00", "0_0" or the zeros before a fraction, exponent or imaginary part.
  for (;;) {
    if (peek() == '_') {
      advance();
      if (!is_digit(peek())) return raise_at_cursor("invalid decimal literal");
    }
    if (peek() != '0') break;
    advance();
  }
  size_t zeros_end = position_ + 1;  // CPython's cursor: past the first non-zero character
  bool nonzero = is_digit(peek());
  if (nonzero && !decimal_tail()) return false;
  c = peek();
  if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') return lex_after_integer(start);
  if (nonzero) {
    // Old-style octal ("010"). CPython gives this range in bytes, unconverted.
    SyntaxError error;
    error.message =
        "leading zeros in decimal integer literals are not permitted; "
        "use an 0o prefix for octal integers";
    error.line = error.end_line = line_;
    error.offset = start.column + 1;
    error.end_offset = static_cast<int32_t>(zeros_end - line_start_);
    error.text = std::string(line_text(line_start_));
    return fail(std::move(error), true);
  }
  if (!verify_end_of_number("decimal")) return false;
  emit(TokenKind::NUMBER, start);
  return true;
}

bool Lexer::lex_after_integer(const Mark& start) {
  if (peek() == '.') {
    advance();
    return lex_fraction_and_rest(start);
  }
  return lex_exponent_and_rest(start);
}

bool Lexer::lex_fraction_and_rest(const Mark& start) {
  if (is_digit(peek()) && !decimal_tail()) return false;
  return lex_exponent_and_rest(start);
}

bool Lexer::lex_exponent_and_rest(const Mark& start) {
  int c = peek();
  if (c == 'e' || c == 'E') {
    size_t exponent_start = position_;
    advance();
    c = peek();
    if (c == '+' || c == '-') {
      advance();
      if (!is_digit(peek())) return raise_at_cursor("invalid decimal literal");
    } else if (!is_digit(c)) {
      // Not an exponent: the number ends before the 'e' ("1else" is 1 then else).
      position_ = exponent_start;
      if (!verify_end_of_number("decimal")) return false;
      emit(TokenKind::NUMBER, start);
      return true;
    }
    if (!decimal_tail()) return false;
    c = peek();
  }
  if (c == 'j' || c == 'J') {
    advance();
    if (!verify_end_of_number("imaginary")) return false;
  } else if (!verify_end_of_number("decimal")) {
    return false;
  }
  emit(TokenKind::NUMBER, start);
  return true;
}

bool Lexer::lex_prefixed_integer(const Mark& start, int radix) {
  const char* kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
  auto in_radix = [radix](int c) {
    return radix == 16 ? is_hex_digit(c) : (c >= '0' && c < '0' + radix);
  };
  auto invalid_digit = [&](int digit) {
    advance();  // CPython's cursor is past the digit
    return raise_at_cursor("invalid digit " + quoted(digit) + " in " + kind + " literal");
  };
  advance();  // the x, o or b
  do {
    if (peek() == '_') advance();
    int c = peek();
    if (!in_radix(c)) {
      if (radix != 16 && is_digit(c)) return invalid_digit(c);
      return raise_at_cursor(std::string("invalid ") + kind + " literal");
    }
    while (in_radix(peek())) advance();
  } while (peek() == '_');
  if (radix != 16 && is_digit(peek())) return invalid_digit(peek());
  if (!verify_end_of_number(kind)) return false;
  emit(TokenKind::NUMBER, start);
  return true;
}

// Digits with single underscores between them (tok_decimal_tail), from position_.
bool Lexer::decimal_tail() {
  for (;;) {
    while (is_digit(peek())) advance();
    if (peek() != '_') return true;
    advance();
    if (!is_digit(peek())) return raise_at_cursor("invalid decimal literal");
  }
}

// A number must not run into an ASCII name ("1abc"), except into the keywords that can
// follow a number in valid code (and, else, for, if, in, is, not, or), where CPython 3.11
// only issues a SyntaxWarning. As in CPython, "and", "else", "for", "not" and "or" count
// only as whole words ("1andy" is an error) but if/in/is by two letters ("1ifx" warns).
bool Lexer::verify_end_of_number(const char* kind) {
  int c = peek();
  size_t next = position_ + 1;
  auto word_follows = [&](std::string_view rest) {
    return source_matches(next, rest) && !is_potential_identifier_char(char_at(next + rest.size()));
  };
  bool keyword_follows = false;
  switch (c) {
    case 'a': keyword_follows = word_follows("nd"); break;
    case 'e': keyword_follows = word_follows("lse"); break;
    case 'f': keyword_follows = word_follows("or"); break;
    case 'i': {
      int second = char_at(next);
      keyword_follows = second == 'f' || second == 'n' || second == 's';
      break;
    }
    case 'o': keyword_follows = word_follows("r"); break;
    case 'n': keyword_follows = word_follows("ot"); break;
    default: break;
  }
  std::string message = std::string("invalid ") + kind + " literal";
  if (keyword_follows) {
    result_.warnings.push_back({std::move(message), line_, std::string(line_text(line_start_))});
    return true;
  }
  // A non-ASCII character ends the number; it is then lexed as (the start of) a name.
  if (c >= 128 || !is_potential_identifier_char(c)) return true;
  return raise_at_cursor(std::move(message));
}

// --- Operators and delimiters ------------------------------------------------------------

bool Lexer::lex_punctuation(const Mark& start) {
  int c = peek();
  if (c == '<' && char_at(position_ + 1) == '>') {  // CPython's spelling of != under PEP 401
    position_ += 2;
    emit(TokenKind::NOTEQUAL, start);
    return true;
  }
  auto first = static_cast<unsigned char>(c);
  for (size_t i = 0; i < kPunctuation.count[first]; ++i) {
    TokenKind kind = kPunctuation.kinds[first][i];
    std::string_view spelling = token_kind_spelling(kind);
    if (!source_matches(position_, spelling)) continue;
    position_ += spelling.size();
    switch (kind) {
      case TokenKind::LPAR:
      case TokenKind::LSQB:
      case TokenKind::LBRACE:
        if (static_cast<int>(brackets_.size()) >= kMaxBracketDepth) {
          return raise_at_cursor("too many nested parentheses");
        }
        brackets_.push_back({static_cast<char>(c), line_, line_start_, start.column});
        break;
      case TokenKind::RPAR:
      case TokenKind::RSQB:
      case TokenKind::RBRACE: {
        if (brackets_.empty()) return raise_at_cursor("unmatched " + quoted(c));
        OpenBracket open = brackets_.back();
        brackets_.pop_back();
        char expected = open.bracket == '(' ? ')' : open.bracket == '[' ? ']' : '}';
        if (c != expected) {
          std::string message = "closing parenthesis " + quoted(c) +
                                " does not match opening parenthesis " + quoted(open.bracket);
          if (open.line != line_) message += " on line " + std::to_string(open.line);
          return raise_at_cursor(std::move(message));
        }
        break;
      }
      default:
        break;
    }
    emit(kind, start);
    return true;
  }
  if (c < 0x20 || c == 0x7F) {  // ASCII control characters (other bytes are names)
    advance();
    return raise_at_cursor("invalid non-printable character U+" + hex_code_point(c));
  }
  // $ ? ` and a lone !: CPython makes an OP token no grammar rule accepts, and its parser
  // reports "invalid syntax" there.
  if (!stray_character_error_) {
    stray_character_error_ = parser_error(SyntaxErrorKind::syntax_error, "invalid syntax",
                                          line_, line_start_, column() + 1, column() + 2);
  }
  advance();
  emit(TokenKind::OP, start);
  return true;
}

// --- Errors ------------------------------------------------------------------------------

bool Lexer::fail(SyntaxError error, bool overrides_parse_errors) {
  if (stray_character_error_ && !overrides_parse_errors) error = *stray_character_error_;
  result_.error = std::move(error);
  result_.error_overrides_parse_errors = overrides_parse_errors;
  return false;
}

bool Lexer::raise_at(std::string message, size_t cursor, int32_t line, size_t line_start) {
  SyntaxError error;
  error.message = std::move(message);
  error.line = error.end_line = line;
  error.offset = error.end_offset = characters_between(line_start, cursor);
  error.text = std::string(line_text(line_start));
  return fail(std::move(error), true);
}

SyntaxError Lexer::parser_error(SyntaxErrorKind kind, std::string message, int32_t line,
                               size_t line_start, int64_t byte_offset,
                               int64_t end_byte_offset) const {
  SyntaxError error;
  error.kind = kind;
  error.message = std::move(message);
  error.line = error.end_line = line;
  error.text = line >= last_line_read() ? buffer_text() : std::string(line_text(line_start));
  keep_last_file_buffer_piece(error.text);
  error.offset = cpython_character_offset(error.text, byte_offset);
  error.end_offset = end_byte_offset > 0 ? cpython_character_offset(error.text, end_byte_offset)
                                         : static_cast<int32_t>(end_byte_offset);
  return error;
}

// At the end of input inside brackets: "'(' was never closed", for the innermost one.
bool Lexer::raise_unclosed_bracket() {
  const OpenBracket& open = brackets_.back();
  std::string message = quoted(open.bracket) + " was never closed";
  return raise_for_parser(SyntaxErrorKind::syntax_error, std::move(message), open.line,
                          open.line_start, open.column + 1, 0);
}

LexResult Lexer::run() && {
  size_t null_byte = source_.find('\0');
  if (null_byte != std::string_view::npos) {
    // What CPython says running a file: the line holding the byte, quoted up to it.
    SyntaxError error;
    error.message = "source code cannot contain null bytes";
    size_t line_start = 0;
    error.line = 1;
    for (size_t i = 0; i < null_byte; ++i) {
      if (source_[i] == '\n' || (source_[i] == '\r' && source_[i + 1] != '\n')) {
        ++error.line;
        line_start = i + 1;
      }
    }
    error.end_line = error.line;
    error.text = std::string(source_.substr(line_start, null_byte - line_start));
    fail(std::move(error), true);
    return std::move(result_);
  }
  size_t invalid = utf8::find_invalid(source_);
  if (invalid != std::string_view::npos) {
    // What CPython says running a file (compile() of a str cannot hold such bytes).
    int32_t line = 1;
    for (size_t i = 0; i < invalid; ++i) {
      if (source_[i] == '\n' || (source_[i] == '\r' && source_[i + 1] != '\n')) ++line;
    }
    char byte[8];
    std::snprintf(byte, sizeof byte, "%.2x", static_cast<unsigned char>(source_[invalid]));
    SyntaxError error;
    error.message = "Non-UTF-8 code starting with '\\x" + std::string(byte) + "' in file " +
                    std::string(filename_) + " on line " + std::to_string(line) +
                    ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
    fail(std::move(error), true);
    return std::move(result_);
  }
  result_.tokens.reserve(source_.size() / 4 + 16);
  lex_all();
  return std::move(result_);
}

}  // namespace

LexResult lex(std::string_view source, std::string_view filename) {
  return Lexer(source, filename).run();
}

}  // namespace py
