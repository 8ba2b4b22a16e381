// Running Python code: the entry points of the stackless VM (DESIGN decisions 4 and 6).
//
// Every running piece of Python code is a Frame on the heap. A Python→Python call pushes
// a frame and continues in the same dispatch loop, so Python recursion never recurses on
// the C++ stack. A generator, coroutine or async generator owns a suspended frame; resuming
// it runs the dispatch loop until the frame chain yields, returns, raises — or *blocks*.
//
// Blocking: a native function that must wait (time.sleep, asyncio.run, requests.get)
// does not wait itself. It stores a BlockingCall in the runtime and returns the
// `blocked_marker()`; the VM then suspends the whole frame chain where it stands and
// resume()/run returns ResumeStatus::blocked to whoever drives it (the CLI's top-level
// driver for module code, or the asyncio Task that runs the coroutine). That driver calls
// BlockingCall::complete() — outside the VM, so the VM never waits and stays out of
// Asyncify's instrumented path in wasm — and resumes the frame chain with the result
// (send) or the exception (throw), which becomes the blocked call's outcome.
// A blocking call made where the chain cannot be suspended (Python code called from
// native code, e.g. a sort key or __repr__) raises RuntimeError naming the call instead.
#pragma once

#include <string>

#include "core/py/objects/object.hpp"

namespace py {

struct Code;
struct Dict;

enum class ResumeStatus : uint8_t {
  returned,  // the code finished: `value` is its return value
  yielded,   // a generator/coroutine yielded `value` (a coroutine yields to its Task)
  raised,    // an exception is pending (errors.hpp); `value` is null
  blocked,   // a BlockingCall waits in runtime (take_blocking_call()); `value` is null
};

struct ResumeResult {
  ResumeStatus status;
  Ref<> value;
};

// What a blocking native call asks its driver to do.
class BlockingCall {
 public:
  virtual ~BlockingCall() = default;
  // Does the waiting (may call Host::wait_until, run an event loop, perform HTTP).
  // Returns the blocked call's result, or null with an exception set.
  virtual Ref<> complete() = 0;
  // "time.sleep()" — for the error raised when the call cannot block here.
  virtual const char* name() const = 0;
};

// Called by a blocking native function: stores `call` and returns the marker the native
// function must return. If the calling frame chain cannot be suspended, raises
// RuntimeError("time.sleep() cannot block inside code called from a built-in function")
// and returns null instead.
Ref<> request_blocking_call(BlockingCall* call);  // takes ownership of call
// The marker object (never visible to Python code).
Object* blocked_marker();
// Takes the pending BlockingCall after a ResumeStatus::blocked; the caller owns it.
BlockingCall* take_blocking_call();

// A module's code running in `globals` (its __dict__), resumable after a block.
// Ownership: the returned object keeps the frame alive until it finishes.
Ref<> start_module_execution(Code* code, Dict* globals);

// Resumes a generator, coroutine, async generator's asend/athrow awaitable, or a module
// execution, sending `value` (None to start; for a blocked call, its result) or, when
// `throw_exception` is true, raising `value` (an exception instance) at the point where it
// is suspended. Raises ValueError "generator already executing" on re-entry.
ResumeResult resume(Object* execution, Object* value, bool throw_exception = false);

// Calls a Python or native callable from native code (nested dispatch loop); the usual
// abstract.hpp call() goes through here for Python functions.
Ref<> call_python(Object* function, CallArgs args);

// gen.close(): throws GeneratorExit in and expects it back (RuntimeError "generator
// ignored GeneratorExit" otherwise). 0 or -1.
int close_generator(Object* generator);

extern Type generator_type;
extern Type coroutine_type;
extern Type async_generator_type;
extern Type function_type;
extern Type bound_method_type;  // `method`
extern Type cell_type;
extern Type frame_type;
extern Type traceback_type;

// The traceback text CPython 3.11 prints for an uncaught exception (with chained causes
// and contexts: "The above exception was the direct cause of the following exception:"),
// including each frame's source line and 3.11's carets. Ends with "\n".
std::string format_traceback(Object* exception);

}  // namespace py
