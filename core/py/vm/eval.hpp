// The dispatch loop's interface inside the VM (eval.cpp): running a chain of frames.
//
// A *chain* is the run of frames linked by `Frame::delegate` from an entry frame down to
// the innermost one: the entry frame's calls, the generators it delegates to by
// YIELD_FROM or advances by FOR_ITER, their calls, and so on. run_frames() executes the
// innermost frame and switches frames in place on calls and returns, so Python-to-Python
// calls and delegation never recurse on the C++ stack. Only native code calling back into
// Python (call_python, a generator advanced by a builtin) starts a nested run_frames().
#pragma once

#include "core/py/vm/execution.hpp"
#include "core/py/vm/frame.hpp"

namespace py {

// How a suspended or fresh chain is entered.
enum class EntryMode : uint8_t {
  start,  // a fresh frame: nothing is delivered
  send,   // push `value` on the innermost frame's stack (the result of its YIELD or call)
  throw_, // raise `value` (an exception instance) where the innermost frame stands
};

// Runs the chain from `entry` (its innermost frame found by following `delegate`) until
// the entry frame returns, raises, yields (generators) or the chain blocks. `suspendable`
// says whether a blocking native call may suspend the chain (true only for the outermost
// driver's resume()). The caller owns `entry`; frames called inside are released here.
// `entry->back` must be set to the frame below (or null) by the caller.
ResumeResult run_frames(Frame* entry, EntryMode mode, Object* value, bool suspendable);

// The innermost frame of the chain below `frame`.
Frame* innermost_frame(Frame* frame);

// The frame chain's depth limit check: raises RecursionError (with `suffix` appended to
// "maximum recursion depth exceeded") and returns false when one more level would pass
// runtime().recursion_limit.
bool check_recursion(const char* suffix);

// How many dispatch loops are nested on the C++ stack now (native → Python calls); capped
// so native recursion (a __repr__ calling repr of itself) cannot overflow the C++ stack.
int native_nesting();

// Sets exc.__context__ to the exception being handled, as CPython's _PyErr_SetObject does
// (breaking a cycle if the handled exception's context chain contains exc).
void chain_exception_context(Object* exception);

// Adds a traceback entry for `frame` at `instruction` to exc.__traceback__.
void add_traceback_entry(Object* exception, Frame* frame, uint32_t instruction);

}  // namespace py
