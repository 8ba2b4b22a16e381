// The Python `asyncio` module: a thin binding of core/aio (DESIGN.md "asyncio — a thin
// binding of core/aio").
//
// Design:
// - A Python Task is an aio::TaskState<Value> (Value = a Python object reference) whose
//   body is the C++ coroutine drive(coroutine) — asyncio's Task.__step: it resumes the
//   Python coroutine; a yielded Future/Task is awaited through TaskCore::wait_on (so
//   task.cancel() reaches the awaited future, or throws CancelledError in at the await),
//   a bare `yield` (None) waits one loop iteration, anything else is thrown back as
//   RuntimeError "Task got bad yield: 42". A blocking call (time.sleep) made inside a task
//   is completed right there: it blocks every task, as in CPython.
// - A Python Future wraps an aio future holding a Value; its __await__ iterator yields the
//   future itself once and then returns result(), as CPython's Future.__await__, so
//   `await fut` deep in nested coroutines reaches the Task through the VM's yield-from
//   chain. Python errors travel through aio as aio::Error with an ExceptionPayload
//   carrying the exception object; CancelledError maps to ErrorKind::cancelled.
// - The primitives (Queue, Lock, Event, Semaphore, Condition, TaskGroup.__aexit__,
//   sleep) are aio's own: their awaitable methods return an Operation — a Python
//   awaitable holding an aio::Task<Value> that the driving Task awaits inline, with no
//   extra task and no extra loop iteration (as awaiting a coroutine in CPython).
// - asyncio.run is a BlockingCall: the module-level driver completes it by building an
//   aio::Loop on the run's Host and running the main task with aio's run semantics. A
//   deadlock (CPython would hang) prints `--- deadlock ---` to stdout, a report naming
//   each waiting task and its line to stderr, and exits with status 1.
// Cost: an Operation is not a coroutine object (asyncio.iscoroutine says True for it, but
// it has no cr_frame); tracebacks show no asyncio-internal frames.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/aio/error.hpp"
#include "core/aio/future.hpp"
#include "core/aio/task.hpp"
#include "core/py/objects/module.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/object.hpp"

namespace aio {
class TaskGroup;
}

namespace py {

// The module's init (registered in modules/registry.cpp).
int init_asyncio_module(Module* module);

namespace asyncio {

using Value = Ref<>;                 // what a Python future holds
using Outcome = aio::Result<Value>;  // a Python future's result or error

// A Python exception riding inside an aio::Error.
class ExceptionPayload final : public aio::ErrorPayload {
 public:
  explicit ExceptionPayload(Ref<> exception) : exception(std::move(exception)) {}
  std::string class_name() const override;
  Ref<> exception;  // the exception instance
};

// The exception classes made per run (asyncio.exceptions).
struct ExceptionClasses {
  Type* cancelled_error = nullptr;      // owned by the module: CancelledError(BaseException)
  Type* invalid_state_error = nullptr;  // InvalidStateError(Exception)
  Type* queue_empty = nullptr;          // QueueEmpty(Exception)
  Type* queue_full = nullptr;           // QueueFull(Exception)
};
ExceptionClasses& exception_classes();
int make_exception_classes(Dict* module_dict);

// The aio error for a Python exception (taken over): CancelledError → cancelled.
aio::Error error_from_exception(Ref<> exception);
// The pending Python exception as an aio error (takes it).
aio::Error error_from_pending_exception();
// A new Python exception object for `error` (the payload's own object when it has one).
Ref<> exception_from_error(const aio::Error& error);
// Sets the Python exception for `error`; returns null.
std::nullptr_t raise_error(const aio::Error& error);
// The value of `outcome`, or null with its exception raised.
Ref<> value_or_raise(const Outcome& outcome);
// Raises RuntimeError "no running event loop" when no loop runs; returns it otherwise.
aio::Loop* running_loop_or_raise();

// --- futures and tasks --------------------------------------------------------------------

// asyncio.Future and the base of asyncio.Task: a handle on an aio future of any kind.
struct FutureObject : Object {
  aio::Ref<aio::FutureBase> state;               // the aio future (a task's TaskState)
  Outcome (*read)(const aio::FutureBase&) = nullptr;  // its typed result()
  bool exception_retrieved = false;  // result()/exception() was asked after it finished
  uint64_t run_number = 0;           // the loop run it belongs to (current_run_number())
  std::vector<aio::Ref<aio::RefCounted>> callbacks;  // Python done callbacks added, for
                                                    // remove_done_callback()
};
// A Task: a FutureObject whose state is an aio::TaskState<Value> running drive().
struct TaskObject : FutureObject {
  Ref<> coroutine;  // the coroutine it runs (get_coro())
};
extern Type future_type;  // _asyncio.Future
extern Type task_type;    // _asyncio.Task

inline bool is_future(const Object* object) { return is_instance(object, future_type); }
inline bool is_task(const Object* object) { return is_instance(object, task_type); }

// A Python Future around a new pending aio future on `loop`.
Ref<FutureObject> make_future(aio::Loop& loop);
// A Python Future object around an existing aio future of any kind with its reader.
Ref<FutureObject> wrap_future(aio::Ref<aio::FutureBase> state,
                              Outcome (*read)(const aio::FutureBase&));
// Numbers each loop run (asyncio.run, run_until_complete) of the program: the running
// one's number, 0 between runs. A future outlives its loop when a global keeps it.
uint64_t current_run_number();
// False with RuntimeError "Event loop is closed" when `future`'s loop is gone. Checked
// where CPython would call_soon on that loop: finishing a future with callbacks, adding
// a callback to a done one.
bool check_loop_alive(FutureObject* future);
// The outcome of a done future (marks its exception retrieved).
Outcome future_outcome(FutureObject* future);

// Awaits a Python future inside an aio coroutine of the running task (like aio's
// FutureAwaiter): the future's outcome, or CancelledError when the task was cancelled
// while its wakeup was already scheduled.
class AwaitFuture {
 public:
  explicit AwaitFuture(Ref<FutureObject> future) : future_(std::move(future)) {}
  bool await_ready() const { return future_->state->done(); }
  void await_suspend(aio::co::coroutine_handle<> waiter) {
    suspended_ = true;
    aio::TaskCore::current_or_abort().wait_on(*future_->state, waiter);
  }
  Outcome await_resume() {
    if (suspended_) {
      aio::TaskCore& task = aio::TaskCore::current_or_abort();
      if (task.take_pending_cancel() && !future_->state->cancelled()) return task.cancelled_error();
    }
    return future_outcome(future_.get());
  }

 private:
  Ref<FutureObject> future_;  // the awaited future
  bool suspended_ = false;    // the task waited (a done future does not suspend)
};

// create_task(coro, name): a new Task on `loop` running `coroutine` (a coroutine or an
// Operation). Null with TypeError "a coroutine was expected, got 42" for anything else.
Ref<TaskObject> create_task(aio::Loop& loop, Object* coroutine, std::string name);
// create_task without the check: `coroutine` may also be the generator an __await__
// returned (ensure_future of a custom awaitable, CPython's _wrap_awaitable).
Ref<TaskObject> spawn_task(aio::Loop& loop, Object* coroutine, std::string name);
// The same inside an aio::TaskGroup (TaskGroup.create_task).
Ref<TaskObject> create_task_in_group(aio::TaskGroup& group, Object* coroutine,
                                     std::string name);
// The Python Task object of an aio task, or null when it has none.
TaskObject* task_object(aio::TaskCore* task);
// ensure_future: a Future/Task as is, a coroutine or Operation wrapped in a new Task,
// an object with __await__ through a wrapping coroutine; TypeError otherwise.
Ref<FutureObject> ensure_future(Object* awaitable);
// "main.py:3" where a coroutine is suspended (or its first line), "" when unknown.
std::string coroutine_location(Object* coroutine);
// The line where a task's coroutine chain is suspended, 0 when unknown.
int32_t suspended_line(Object* coroutine);

// --- operations ---------------------------------------------------------------------------

// An awaitable running an aio coroutine inline in the awaiting Task (queue.get(), sleep()).
struct OperationObject : Object {
  aio::Task<Value> body;          // runs when awaited
  std::optional<Outcome> outcome;  // set by the driving task once the body finished
  bool yielded = false;            // has handed itself to the driving task
  const char* name = "operation";  // for repr: "Queue.get"
};
extern Type operation_type;
// A coroutine as asyncio.run and create_task accept it: a Python coroutine, or one of the
// module's own (asyncio.sleep(1) is a coroutine in CPython too).
bool is_coroutine_object(Object* object);
Ref<> make_operation(aio::Task<Value> body, const char* name);
// Turns an aio Result<void> into None or its error.
Outcome none_or_error(const aio::Result<void>& result);

// The driving coroutine of a Task (asyncio_task.cpp).
aio::Task<Value> drive(Ref<> coroutine);

// --- the loop -----------------------------------------------------------------------------

// The Python object for the running loop (one per aio::Loop run), created on first use.
Ref<> running_loop_object();
// The loop's object is dropped when its run ends.
void forget_loop_object();
// Runs `coroutine` to completion on a new loop as asyncio.run / run_until_complete do,
// returning its result or null with the exception. Handles deadlocks (see above).
Ref<> run_on_new_loop(Object* coroutine);

// --- registration of each file's part of the module -------------------------------------------
int init_asyncio_futures(Module* module);
int init_asyncio_tasks(Module* module);
int init_asyncio_run(Module* module);
int init_asyncio_loop(Module* module);
int init_asyncio_functions(Module* module);
int init_asyncio_sync(Module* module);
int init_asyncio_queues(Module* module);
int init_asyncio_scopes(Module* module);

// Puts `type` (readied) into the module's dict under its short name.
int add_type(Module* module, Type& type, const char* name);
// Puts a function per row of `functions` (ended by a null name) into the module's dict.
int add_functions(Module* module, const NativeMethod* functions);
// parse_arguments (native_function.hpp) filling named outputs: {&first, &second}.
bool parse_args(const char* function_name, CallArgs args, std::initializer_list<const char*> names,
                size_t required, std::initializer_list<Object**> outputs, size_t positional_only = 0);

}  // namespace asyncio
}  // namespace py
