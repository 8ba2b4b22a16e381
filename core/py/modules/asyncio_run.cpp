// asyncio.run: a BlockingCall (vm/execution.hpp) that the module-level driver completes by
// running the main coroutine on a new aio::Loop over the run's Host, with aio's run
// semantics (the leftover tasks are cancelled and finish before run() returns).
//
// A deadlock — every task waits and nothing can wake one, where CPython would hang
// forever — ends the program: the line `--- deadlock ---` on stdout (the corpus
// recorder's marker for a CPython run that hung), a report naming each waiting task, what
// it waits on and its line on stderr, and exit status 1 (SystemExit(1)).

#include "core/aio/run.hpp"
#include "core/host/host.hpp"
#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/vm/execution.hpp"
#include "core/py/vm/generator.hpp"

namespace py {

namespace asyncio {

namespace {

uint64_t runs_started = 0;  // loop runs so far in this process
uint64_t running_run = 0;   // the number of the run in progress, 0 between runs

// Numbers a loop run for as long as it exists.
struct RunNumber {
  RunNumber() { running_run = ++runs_started; }
  ~RunNumber() { running_run = 0; }
};

// The deadlock report: one line per waiting task with what it waits on and where.
std::string deadlock_report(aio::Loop& loop) {
  std::string report = "Deadlock: every task is waiting and nothing can wake them\n";
  const std::string& filename = runtime().options.filename;
  for (aio::TaskCore* task : loop.all_tasks()) {
    std::string what = task->waiting_on();
    report += format_message("  task '{}' waits on {}", task->name(),
                             what.empty() ? std::string("nothing (it was never resumed)") : what);
    if (task->wait_line() > 0)
      report += format_message(" ({}, line {})", filename, task->wait_line());
    report += "\n";
  }
  return report;
}

Ref<> raise_system_exit(int64_t status) {
  Ref<> code = make_int(status);
  if (!code) return nullptr;
  Ref<> exception = make_exception(system_exit_type, make_tuple({code.get()}));
  if (exception) set_exception(std::move(exception));
  return nullptr;
}

// asyncio.run(main) waiting in the driver.
class RunCall final : public BlockingCall {
 public:
  explicit RunCall(Ref<> coroutine) : coroutine_(std::move(coroutine)) {}
  Ref<> complete() override { return run_on_new_loop(coroutine_.get()); }
  const char* name() const override { return "asyncio.run()"; }

 private:
  Ref<> coroutine_;  // the main coroutine
};

Ref<> asyncio_run(Object*, CallArgs args) {
  Object* main = nullptr;
  Object* debug = nullptr;
  if (!parse_args("run", args, {"main", "debug"}, 1, {&main, &debug}, 1)) return nullptr;
  if (aio::Loop::running()) {
    raise(runtime_error_type, "asyncio.run() cannot be called from a running event loop");
    // CPython's asyncio.run frame holds `main` in the traceback: the coroutine warns that
    // it was never awaited when the exception goes, after an uncaught one's traceback.
    if (Object* raised = runtime().exception.get())
      as_exception(raised)->kept_alive = Ref<>::borrow(main);
    return nullptr;
  }
  if (!is_coroutine_object(main)) {
    Ref<Str> text = repr(main);
    if (!text) return nullptr;
    return raise_format(value_error_type, "a coroutine was expected, got {}", text->value);
  }
  return request_blocking_call(new RunCall(Ref<>::borrow(main)));
}

const NativeMethod run_functions[] = {
    {"run", asyncio_run},
    {nullptr, nullptr},
};

}  // namespace

uint64_t current_run_number() { return running_run; }

bool check_loop_alive(FutureObject* future) {
  if (future->run_number == running_run) return true;
  raise(runtime_error_type, "Event loop is closed");
  return false;
}

Ref<> run_on_new_loop(Object* coroutine) {
  aio::TaskCore::reset_name_counter();
  RunNumber run_number;
  aio::Loop loop(*runtime().host);
  if (runtime().options.trace_sink) loop.set_trace_sink(runtime().options.trace_sink);
  Ref<TaskObject> main = create_task(loop, coroutine, {});
  if (!main) return nullptr;
  aio::Result<void> driven = aio::run_until_complete(loop, *main->state);
  if (!driven) {
    forget_loop_object();
    if (driven.error().is(aio::ErrorKind::interrupted)) return raise_empty(keyboard_interrupt_type);
    write_stdout("--- deadlock ---\n");
    write_report(deadlock_report(loop));
    // CPython would hang here: the waiting coroutines never run again. Each keeps one
    // reference it never gives back, so none is closed (its `finally` blocks would
    // print after the marker); the run's teardown frees them without running them.
    for (aio::TaskCore* task : loop.all_tasks())
      if (TaskObject* object = task_object(task)) incref(object->coroutine.get());
    return raise_system_exit(1);
  }
  aio::close_run(loop);
  forget_loop_object();
  return value_or_raise(future_outcome(main.get()));
}

int init_asyncio_run(Module* module) {
  return add_functions(module, run_functions);
}

}  // namespace asyncio
}  // namespace py
