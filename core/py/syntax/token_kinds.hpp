// Every token kind of Python 3.11, in one list (STYLE.md "one list per vocabulary", after
// Wren's wren_opcodes.h). This is not an ordinary header: it has no include guard and is
// included with PY_TOKEN(kind, spelling, group) defined, once per table it generates:
// the TokenKind enum and the row table in core/py/syntax/token.hpp, from which come the names and
// spellings (core/py/syntax/token.cpp) and the operator and keyword lookups (core/py/syntax/lexer.cpp).
//
//   kind      CPython's name for the token (Grammar/Tokens, Python's token.tok_name); a
//             keyword's kind is the keyword in capitals.
//   spelling  the exact source text of an operator or keyword; "" where the text varies.
//   group     layout (made from line structure), literal (text varies), punctuation
//             (operators and delimiters), keyword (reserved word), stray (no rule takes it).
//
// Soft keywords (match, case, _) are NAME: they are keywords only where the parser says so.

// Layout
PY_TOKEN(ENDMARKER, "", layout)  // end of input, after the last NEWLINE and DEDENTs
PY_TOKEN(NEWLINE, "", layout)    // end of a logical line (not inside brackets)
PY_TOKEN(INDENT, "", layout)     // a line indented deeper than the enclosing block
PY_TOKEN(DEDENT, "", layout)     // one block closed by a less indented line

// Literals
PY_TOKEN(NAME, "", literal)    // identifier, including the soft keywords match/case/_
PY_TOKEN(NUMBER, "", literal)  // int, float or imaginary literal, as written
PY_TOKEN(STRING, "", literal)  // string or bytes literal with prefix and quotes; an f-string is one STRING

// A stray character: CPython's generic OP token, which no grammar rule accepts, so that the
// parser reports "invalid syntax" at it (see core/py/syntax/lexer.hpp)
PY_TOKEN(OP, "", stray)  // $ ? ` or a ! not followed by =

// Punctuation: delimiters
PY_TOKEN(LPAR, "(", punctuation)       // opens a call, tuple or parenthesized expression
PY_TOKEN(RPAR, ")", punctuation)       // closes LPAR
PY_TOKEN(LSQB, "[", punctuation)       // opens a list display or subscript
PY_TOKEN(RSQB, "]", punctuation)       // closes LSQB
PY_TOKEN(LBRACE, "{", punctuation)     // opens a dict or set display
PY_TOKEN(RBRACE, "}", punctuation)     // closes LBRACE
PY_TOKEN(COLON, ":", punctuation)      // block start, slice, annotation, dict entry
PY_TOKEN(COMMA, ",", punctuation)      // separates items
PY_TOKEN(SEMI, ";", punctuation)       // separates simple statements on one line
PY_TOKEN(DOT, ".", punctuation)        // attribute access
PY_TOKEN(ELLIPSIS, "...", punctuation) // the Ellipsis literal
PY_TOKEN(RARROW, "->", punctuation)    // return annotation
PY_TOKEN(AT, "@", punctuation)         // decorator or matrix multiplication
PY_TOKEN(EQUAL, "=", punctuation)      // assignment
PY_TOKEN(COLONEQUAL, ":=", punctuation)  // assignment expression (walrus)

// Punctuation: operators
PY_TOKEN(PLUS, "+", punctuation)          // addition, unary plus
PY_TOKEN(MINUS, "-", punctuation)         // subtraction, negation
PY_TOKEN(STAR, "*", punctuation)          // multiplication, unpacking
PY_TOKEN(DOUBLESTAR, "**", punctuation)   // power, dict unpacking
PY_TOKEN(SLASH, "/", punctuation)         // true division
PY_TOKEN(DOUBLESLASH, "//", punctuation)  // floor division
PY_TOKEN(PERCENT, "%", punctuation)       // remainder, printf-style formatting
PY_TOKEN(VBAR, "|", punctuation)          // bitwise or, union, or-pattern
PY_TOKEN(AMPER, "&", punctuation)         // bitwise and
PY_TOKEN(CIRCUMFLEX, "^", punctuation)    // bitwise xor
PY_TOKEN(TILDE, "~", punctuation)         // bitwise not
PY_TOKEN(LEFTSHIFT, "<<", punctuation)    // shift left
PY_TOKEN(RIGHTSHIFT, ">>", punctuation)   // shift right
PY_TOKEN(LESS, "<", punctuation)          // comparison
PY_TOKEN(GREATER, ">", punctuation)       // comparison
PY_TOKEN(EQEQUAL, "==", punctuation)      // equality
PY_TOKEN(NOTEQUAL, "!=", punctuation)     // inequality; CPython also lexes "<>" as NOTEQUAL (the parser rejects it)
PY_TOKEN(LESSEQUAL, "<=", punctuation)    // comparison
PY_TOKEN(GREATEREQUAL, ">=", punctuation) // comparison

// Punctuation: augmented assignment
PY_TOKEN(PLUSEQUAL, "+=", punctuation)         // x += y
PY_TOKEN(MINEQUAL, "-=", punctuation)          // x -= y
PY_TOKEN(STAREQUAL, "*=", punctuation)         // x *= y
PY_TOKEN(DOUBLESTAREQUAL, "**=", punctuation)  // x **= y
PY_TOKEN(SLASHEQUAL, "/=", punctuation)        // x /= y
PY_TOKEN(DOUBLESLASHEQUAL, "//=", punctuation) // x //= y
PY_TOKEN(PERCENTEQUAL, "%=", punctuation)      // x %= y
PY_TOKEN(ATEQUAL, "@=", punctuation)           // x @= y
PY_TOKEN(VBAREQUAL, "|=", punctuation)         // x |= y
PY_TOKEN(AMPEREQUAL, "&=", punctuation)        // x &= y
PY_TOKEN(CIRCUMFLEXEQUAL, "^=", punctuation)   // x ^= y
PY_TOKEN(LEFTSHIFTEQUAL, "<<=", punctuation)   // x <<= y
PY_TOKEN(RIGHTSHIFTEQUAL, ">>=", punctuation)  // x >>= y

// Keywords (keyword.kwlist of Python 3.11)
PY_TOKEN(FALSE, "False", keyword)        // the bool constant False
PY_TOKEN(NONE, "None", keyword)          // the constant None
PY_TOKEN(TRUE, "True", keyword)          // the bool constant True
PY_TOKEN(AND, "and", keyword)            // boolean and
PY_TOKEN(AS, "as", keyword)              // import/with/except/pattern alias
PY_TOKEN(ASSERT, "assert", keyword)      // assert statement
PY_TOKEN(ASYNC, "async", keyword)        // async def / async for / async with
PY_TOKEN(AWAIT, "await", keyword)        // await expression
PY_TOKEN(BREAK, "break", keyword)        // leave a loop
PY_TOKEN(CLASS, "class", keyword)        // class definition
PY_TOKEN(CONTINUE, "continue", keyword)  // next loop iteration
PY_TOKEN(DEF, "def", keyword)            // function definition
PY_TOKEN(DEL, "del", keyword)            // delete statement
PY_TOKEN(ELIF, "elif", keyword)          // else-if branch
PY_TOKEN(ELSE, "else", keyword)          // else branch, conditional expression
PY_TOKEN(EXCEPT, "except", keyword)      // exception handler (and except*)
PY_TOKEN(FINALLY, "finally", keyword)    // cleanup clause
PY_TOKEN(FOR, "for", keyword)            // for loop, comprehension
PY_TOKEN(FROM, "from", keyword)          // from-import, raise from, yield from
PY_TOKEN(GLOBAL, "global", keyword)      // global declaration
PY_TOKEN(IF, "if", keyword)              // if statement, conditional expression, comprehension filter
PY_TOKEN(IMPORT, "import", keyword)      // import statement
PY_TOKEN(IN, "in", keyword)              // membership test, for target
PY_TOKEN(IS, "is", keyword)              // identity test
PY_TOKEN(LAMBDA, "lambda", keyword)      // anonymous function
PY_TOKEN(NONLOCAL, "nonlocal", keyword)  // nonlocal declaration
PY_TOKEN(NOT, "not", keyword)            // boolean not, not in, is not
PY_TOKEN(OR, "or", keyword)              // boolean or
PY_TOKEN(PASS, "pass", keyword)          // empty statement
PY_TOKEN(RAISE, "raise", keyword)        // raise statement
PY_TOKEN(RETURN, "return", keyword)      // return statement
PY_TOKEN(TRY, "try", keyword)            // try statement
PY_TOKEN(WHILE, "while", keyword)        // while loop
PY_TOKEN(WITH, "with", keyword)          // with statement
PY_TOKEN(YIELD, "yield", keyword)        // yield expression
