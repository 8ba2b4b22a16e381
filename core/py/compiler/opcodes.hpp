// The bytecode vocabulary, one row per opcode: X(NAME, stack effect, meaning). Included
// with X defined; generates the Opcode enum (code.hpp), the VM's dispatch and the
// disassembler's names. (No include guard: an X-macro list.)
//
// Design: CPython 3.10's opcodes and semantics (its `dis` documentation is the reference
// for every row below, and both the compiler and the VM follow it), with three
// simplifications: an instruction is one 32-bit word (opcode in the low 8 bits, argument
// in the high 24: no EXTENDED_ARG); jump arguments are absolute instruction indexes; an
// exception handler receives the exception as ONE stack value, not a (type, value,
// traceback) triple. `try/finally`, `return` and `break` inside `finally` are compiled as
// 3.10 does (the finally body copied onto each exit path), so no opcode is needed for them.
//
// Exception handling (block stack, as 3.10): SETUP_FINALLY pushes a handler block
// {handler index, stack depth}. When an exception is raised, the VM pops blocks until it
// finds one: a handler block → the value stack is cut back to its depth, an
// EXCEPT_HANDLER block is pushed, then the exception being handled before (or None) and
// the new exception are pushed, the new one becomes the frame's handled exception
// (sys.exc_info(), and the __context__ of exceptions raised while handling), and execution
// jumps to the handler. POP_EXCEPT pops the EXCEPT_HANDLER block and the saved previous
// exception, restoring it as the handled exception. No block left → the exception leaves
// the frame.
//
// Stack notation: TOS is the top of the stack, TOS1 the one below. "a b -> c" pops b (TOS)
// and a, pushes c.
// clang-format off
X(NOP,                     "->",               "does nothing")
X(POP_TOP,                 "a ->",             "discards TOS")
X(ROT_TWO,                 "a b -> b a",       "swaps the two top items")
X(ROT_THREE,               "a b c -> c a b",   "lifts TOS two places down")
X(ROT_FOUR,                "a b c d -> d a b c", "lifts TOS three places down")
X(ROT_N,                   "... -> ...",       "lifts TOS arg-1 places down")
X(DUP_TOP,                 "a -> a a",         "duplicates TOS")
X(DUP_TOP_TWO,             "a b -> a b a b",   "duplicates the two top items")

X(LOAD_CONST,              "-> v",             "pushes constants[arg]")
X(LOAD_FAST,               "-> v",             "pushes local arg; UnboundLocalError if unset")
X(STORE_FAST,              "v ->",             "stores into local arg")
X(DELETE_FAST,             "->",               "unsets local arg")
X(LOAD_NAME,               "-> v",             "names[arg] from locals, globals, then builtins (module and class bodies)")
X(STORE_NAME,              "v ->",             "stores names[arg] in the locals mapping")
X(DELETE_NAME,             "->",               "deletes names[arg] from the locals mapping")
X(LOAD_GLOBAL,             "-> v",             "names[arg] from globals, then builtins")
X(STORE_GLOBAL,            "v ->",             "stores names[arg] in globals")
X(DELETE_GLOBAL,           "->",               "deletes names[arg] from globals")
X(LOAD_DEREF,              "-> v",             "value of cell arg (cells: cell_names then free_names)")
X(STORE_DEREF,             "v ->",             "stores into cell arg")
X(DELETE_DEREF,            "->",               "empties cell arg")
X(LOAD_CLOSURE,            "-> cell",          "pushes cell arg itself (for MAKE_FUNCTION's closure)")
X(LOAD_CLASSDEREF,         "-> v",             "class body: names[...] from the locals mapping, else cell arg")
X(LOAD_ATTR,               "o -> o.name",      "attribute names[arg]")
X(STORE_ATTR,              "v o ->",           "o.names[arg] = v")
X(DELETE_ATTR,             "o ->",             "del o.names[arg]")
X(LOAD_METHOD,             "o -> m self|NULL... ", "pushes unbound method + self, or attribute + NULL (3.10 pushes NULL first)")
X(LOAD_ASSERTION_ERROR,    "-> AssertionError", "pushes the AssertionError class")
X(LOAD_BUILD_CLASS,        "-> __build_class__", "pushes builtins.__build_class__")

X(BINARY_SUBSCR,           "o k -> o[k]",      "subscription")
X(STORE_SUBSCR,            "v o k ->",         "o[k] = v")
X(DELETE_SUBSCR,           "o k ->",           "del o[k]")
X(BINARY_OP,               "a b -> a op b",    "binary operator arg (BinaryOp) ")
X(INPLACE_OP,              "a b -> a op= b",   "augmented assignment operator arg (BinaryOp)")
X(UNARY_POSITIVE,          "a -> +a",          "")
X(UNARY_NEGATIVE,          "a -> -a",          "")
X(UNARY_NOT,               "a -> not a",       "")
X(UNARY_INVERT,            "a -> ~a",          "")
X(COMPARE_OP,              "a b -> a op b",    "rich comparison arg (CompareOp)")
X(IS_OP,                   "a b -> bool",      "a is b; arg 1: is not")
X(CONTAINS_OP,             "a b -> bool",      "a in b; arg 1: not in")

X(BUILD_TUPLE,             "x1..xn -> t",      "tuple of arg items")
X(BUILD_LIST,              "x1..xn -> l",      "list of arg items")
X(BUILD_SET,               "x1..xn -> s",      "set of arg items")
X(BUILD_MAP,               "k1 v1..kn vn -> d", "dict of arg pairs")
X(BUILD_CONST_KEY_MAP,     "v1..vn keys -> d", "dict from a tuple of constant keys and arg values")
X(BUILD_STRING,            "s1..sn -> s",      "concatenates arg strings (f-strings)")
X(BUILD_SLICE,             "a b [c] -> slice", "slice of arg (2 or 3) items")
X(LIST_APPEND,             "... v ->",         "appends v to the list arg items down (comprehensions)")
X(SET_ADD,                 "... v ->",         "adds v to the set arg items down")
X(MAP_ADD,                 "... k v ->",       "d[k] = v for the dict arg items down")
X(LIST_EXTEND,             "l it -> l",        "l.extend(it) (star unpacking in displays)")
X(SET_UPDATE,              "s it -> s",        "s.update(it)")
X(DICT_UPDATE,             "d m -> d",         "d.update(m) ({**m} in displays)")
X(DICT_MERGE,              "d m -> d",         "like DICT_UPDATE but duplicate keys raise (f(**a, **b))")
X(LIST_TO_TUPLE,           "l -> t",           "tuple(l)")
X(UNPACK_SEQUENCE,         "seq -> xn..x1",    "unpacks exactly arg items, the first on top")
X(UNPACK_EX,               "seq -> ...",       "star unpacking: arg low byte items before, high byte after")
X(FORMAT_VALUE,            "v [spec] -> s",    "f-string field: arg & 3 conversion (0 none, 1 str, 2 repr, 3 ascii), arg & 4 spec on stack")

X(JUMP_FORWARD,            "->",               "jumps to arg (the compiler may use either jump)")
X(JUMP_ABSOLUTE,           "->",               "jumps to arg")
X(POP_JUMP_IF_FALSE,       "v ->",             "pops; jumps to arg if false")
X(POP_JUMP_IF_TRUE,        "v ->",             "pops; jumps to arg if true")
X(JUMP_IF_FALSE_OR_POP,    "v -> v|",          "jumps to arg keeping v if false, else pops")
X(JUMP_IF_TRUE_OR_POP,     "v -> v|",          "jumps to arg keeping v if true, else pops")
X(JUMP_IF_NOT_EXC_MATCH,   "exc type ->  exc", "pops type; jumps to arg unless exc matches it (tuple allowed)")
X(JUMP_IF_NOT_EG_MATCH,    "exc type -> rest match | exc", "except*: splits exc by type (3.11's CHECK_EG_MATCH); the match becomes the handled exception; no match: keeps exc, jumps to arg")
X(PREP_RERAISE_STAR,       "orig results -> exc", "except*: what the statement re-raises from the list of what its clauses raised, or None")
X(GET_ITER,                "o -> iter(o)",     "")
X(GET_YIELD_FROM_ITER,     "o -> it",          "iter(o), except coroutines/generators stay as they are")
X(FOR_ITER,                "it -> it v | ",    "next(it) pushed, or pops it and jumps to arg when exhausted")

X(SETUP_FINALLY,           "->",               "pushes a handler block to arg")
X(POP_BLOCK,               "->",               "pops the top block")
X(POP_EXCEPT,              "prev ->",          "pops the EXCEPT_HANDLER block and restores prev as handled exception")
X(RERAISE,                 "exc ->",           "raises exc again (traceback kept); arg 1: also restore the frame's last line from it")
X(RAISE_VARARGS,           "[exc [cause]] ->", "arg 0: re-raise the handled exception; 1: raise exc; 2: raise exc from cause")
X(SETUP_WITH,              "cm -> exit enter_result", "calls cm.__enter__(), pushes bound __exit__ under the result and a handler block to arg")
X(WITH_EXCEPT_START,       "exit prev exc -> exit prev exc result", "result = exit(type(exc), exc, exc.__traceback__)")
X(BEFORE_ASYNC_WITH,       "cm -> aexit awaitable", "pushes bound __aexit__ and cm.__aenter__()")
X(SETUP_ASYNC_WITH,        "->",               "pushes a handler block to arg (after the __aenter__ await)")

X(RETURN_VALUE,            "v ->",             "returns v to the caller")
X(YIELD_VALUE,             "v -> sent",        "suspends the generator yielding v; resumes with the sent value pushed")
X(YIELD_FROM,              "it v -> result",   "sends v into it; while it yields, this frame yields the same and re-executes; when it returns, pushes its value")
X(GEN_START,               "v ->",             "first instruction of generators/coroutines: pops the first sent value (must be None); arg kind 0 gen, 1 coroutine, 2 async gen")
X(GET_AWAITABLE,           "o -> awaitable",   "coroutine as is, else o.__await__(); arg 0/1/2 for messages (await, __aenter__, __aexit__)")
X(GET_AITER,               "o -> o.__aiter__()", "")
X(GET_ANEXT,               "ait -> ait awaitable", "pushes the awaitable of ait.__anext__()")
X(END_ASYNC_FOR,           "ait prev exc ->",  "ends async for on StopAsyncIteration (else re-raises)")

X(CALL_FUNCTION,           "f a1..an -> r",    "calls f with arg positional arguments")
X(CALL_FUNCTION_KW,        "f a1..an names -> r", "arg arguments, the last len(names) keyword ones named by the tuple")
X(CALL_FUNCTION_EX,        "f args [kwargs] -> r", "f(*args, **kwargs); arg 1: kwargs present")
X(CALL_METHOD,             "m self|NULL a1..an -> r", "completes LOAD_METHOD with arg positional arguments")
X(CALL_METHOD_KW,          "m self|NULL a1..an names -> r", "LOAD_METHOD call with keyword arguments (as CALL_FUNCTION_KW)")
X(MAKE_FUNCTION,           "[defaults] [kwdefaults] [annotations] [closure] code qualname -> f", "arg flags: 1 defaults tuple, 2 kw-only defaults dict, 4 annotations, 8 closure tuple")

X(IMPORT_NAME,             "level fromlist -> module", "imports names[arg]")
X(IMPORT_FROM,             "module -> module value", "module.names[arg] (ImportError \"cannot import name\")")
X(IMPORT_STAR,             "module ->",        "from module import * into the locals mapping")
X(SETUP_ANNOTATIONS,       "->",               "creates __annotations__ in the locals mapping if absent")

X(GET_LEN,                 "o -> o len(o)",    "match: pushes len(TOS)")
X(MATCH_MAPPING,           "o -> o bool",      "match: is TOS a mapping")
X(MATCH_SEQUENCE,          "o -> o bool",      "match: is TOS a sequence (not str/bytes)")
X(MATCH_KEYS,              "o keys -> o keys values|None bool", "as 3.10")
X(MATCH_CLASS,             "o cls names -> attrs|None bool", "as 3.10: arg positional sub-patterns")
X(COPY_DICT_WITHOUT_KEYS,  "o keys -> o rest", "match **rest")
// clang-format on
