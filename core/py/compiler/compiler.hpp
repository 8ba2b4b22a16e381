// The compiler: an AST (core/py/syntax/ast.hpp) to Code objects (code.hpp) — CPython
// 3.10's compile.c code generation with the opcode simplifications of opcodes.hpp.
//
// Design decision: compile.c's shape — a symbol table pass (symbol_table.hpp), then one
// recursive visit per node that appends instructions to basic blocks of the current code
// unit, a compile-time stack of "frame blocks" (loops, try, with, handlers) that return /
// break / continue unwind by emitting the cleanup code of each block they leave (finally
// bodies are copied onto every exit path), and an assembler that lays the blocks out,
// resolves jumps to absolute instruction indexes and computes the exact maximum value
// stack depth and block stack depth by walking the control flow graph. The cost: finally
// bodies are duplicated (code size), and no peephole optimization is done.
//
// What the VM must know — how the compiler uses the opcodes (deviations from 3.10 marked *):
//  * An exception handler (target of SETUP_FINALLY / SETUP_WITH / SETUP_ASYNC_WITH) starts
//    with TWO values above the block's saved depth: the previously handled exception (or
//    None), then the new exception on top. `except E as e:` compiles to
//        LOAD E; JUMP_IF_NOT_EXC_MATCH next   (pops E only: exc stays)
//        STORE e | POP_TOP                     (consumes exc; prev stays)
//        ... body ... ; POP_EXCEPT             (pops prev, restores it as handled)
//    and an unmatched exception ends with RERAISE 0 with `prev exc` on the stack.
//  * Handler targets of SETUP_WITH: stack `exit prev exc`; WITH_EXCEPT_START pushes the
//    result of exit(type(exc), exc, exc.__traceback__) leaving the three below it.
//  * SETUP_ASYNC_WITH's handler depth is the depth before the awaited __aenter__ result
//    (that value is cut off), as 3.10.
//  * END_ASYNC_FOR at the handler of `async for` sees `ait prev exc`: on
//    StopAsyncIteration it pops the EXCEPT_HANDLER block, restores prev and pops all three
//    values; otherwise it re-raises exc.
//  * JUMP_IF_NOT_EXC_MATCH pops only the type (see opcodes.hpp).
//  * MAKE_FUNCTION's closure is a tuple built with LOAD_CLOSURE...BUILD_TUPLE; the
//    qualified name is a str constant pushed after the code object (as 3.10).
//  * Class bodies end with `LOAD_CLOSURE __class__; DUP_TOP; STORE_NAME __classcell__;
//    RETURN_VALUE` when a method uses super()/__class__, else return None (as 3.10).
//    __build_class__ receives the body as a function made by MAKE_FUNCTION (closure flag
//    when the body uses outer cells).
//  * Comprehensions are functions called with the outermost iterator already GET_ITER'd
//    (async ones: GET_AITER, then the call's result is awaited with GET_AWAITABLE 0;
//    LOAD_CONST None; YIELD_FROM unless it is an async generator expression).
//  * Generators, coroutines and async generators begin with GEN_START (arg 0/1/2).
//  * Keyword calls use CALL_FUNCTION_KW; method calls with keywords use LOAD_METHOD +
//    CALL_METHOD_KW (3.10 has no such opcode: m self|NULL a1..an names -> result).
//  * Binary and in-place operators are BINARY_OP / INPLACE_OP with a py::BinaryOp argument;
//    comparisons COMPARE_OP with a py::CompareOp argument (object.hpp).
//  * Constants: None, True, False, Ellipsis, int, float, str, bytes, tuples of constants
//    (tuple displays of constants, keyword names of calls, from-import names, class
//    pattern attribute names) and Code objects. A function's constants[0] is its
//    docstring or None (as 3.10).
//  * MAKE_FUNCTION's annotations (flag 4) are a flat tuple (name, value, name, value...),
//    as 3.10; its kw-only defaults (flag 2) a dict keyed by the mangled names.
//  * LIST_APPEND / SET_ADD / MAP_ADD / LIST_EXTEND / SET_UPDATE / DICT_UPDATE /
//    DICT_MERGE find their container PEEK(arg) after popping their operands (as 3.10).
//  * CALL_FUNCTION_EX's positional argument may be any iterable (f(*it) pushes `it` as it
//    is); the VM makes the tuple, raising "argument after * must be an iterable".
//  * Every instruction has the position of the AST node it was compiled for; the
//    compiler's cleanup code (finally copies, with-exits) carries the position of the
//    statement that needed it. RERAISE 1 asks the VM to restore the frame's line from the
//    exception's traceback, as 3.10.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/py/compiler/code.hpp"
#include "core/py/syntax/ast.hpp"
#include "core/py/syntax/syntax_error.hpp"

namespace py {

struct CompileResult {
  Ref<Code> code;                    // the module's code object; null when `error` is set
  std::optional<SyntaxError> error;  // what CPython's compile() would raise
  // True when CPython would raise RecursionError("maximum recursion depth exceeded during
  // compilation") rather than SyntaxError (the message is in `error`, without a location).
  bool recursion_error = false;
  // The SyntaxWarnings CPython prints while compiling this source, in its order: the
  // lexer's, then the compiler's ("\"is\" with a literal. Did you mean \"==\"?", "'int'
  // object is not callable; perhaps you missed a comma?", ...). Print each with
  // format_syntax_warning() before running the code.
  std::vector<SyntaxWarning> warnings;
  // True when `error` names valid Python this interpreter does not run (the parser's
  // complex literals and \N{...} escapes).
  bool unsupported_feature = false;
  // True when nesting went past CPython's parser stack, where CPython raises a bare
  // MemoryError (no message, no location; `error` is empty).
  bool memory_error = false;
};

// Compiles a parsed module. `source` (the module's text) fills SyntaxError.text; pass it
// when it is at hand. Needs the run's Runtime (constants are heap objects).
CompileResult compile_module(const ast::Module& module, std::string_view filename,
                             std::string_view source = {});

// Parses then compiles `source`, as CPython's compile(source, filename, "exec").
CompileResult compile_source(std::string_view source, std::string_view filename);

}  // namespace py
