// Decoding the text of literals into values: NUMBER tokens into ints and floats, and the
// body of a string or bytes literal with its escapes, as CPython 3.11's parser does
// (Parser/string_parser.c, Objects/unicodeobject.c's unicode-escape decoder).
//
// Design decision: pure functions from text to value with errors as message strings, so
// the parser decides where an error is reported (CPython reports most at the token after
// the string). The cost: the parser must translate "\r\n" in a token to "\n" first (the
// lexer keeps tokens as written).
#pragma once

#include <string>
#include <string_view>

#include "core/py/syntax/ast.hpp"

namespace py::literal {

// What a string token's prefix says, and where its body is.
struct StringParts {
  bool bytes = false;      // b or B
  bool raw = false;        // r or R
  bool formatted = false;  // f or F
  std::string_view body;   // the text between the quotes (a view into the token)
};

// Splits a STRING token's text (as py::lex made it) into prefix flags and body.
StringParts split_string_token(std::string_view token);

// Decodes the body of a str literal (not an f-string) into UTF-8. Returns false with
// CPython's message ("(unicode error) 'unicodeescape' codec can't decode ...") when an
// escape is invalid. `unsupported` is set (and true returned) for a well-formed \N{name}
// escape: this build carries no Unicode name database.
bool decode_string_body(std::string_view body, bool raw, std::string& out,
                        std::string& error_message, bool& unsupported);

// Decodes the body of a bytes literal. The caller has checked it is ASCII. Returns false
// with CPython's message ("(value error) invalid \x escape at position N").
bool decode_bytes_body(std::string_view body, bool raw, std::string& out,
                       std::string& error_message);

// Decodes a NUMBER token into `out` (Int, BigInt or Float). Returns false for an imaginary
// literal (`1j`), which the interpreter does not support.
bool decode_number(std::string_view text, ast::ConstantValue& out);

// Appends the UTF-8 encoding of `code_point` (surrogates encoded like any other value).
void append_utf8(std::string& out, char32_t code_point);

}  // namespace py::literal
