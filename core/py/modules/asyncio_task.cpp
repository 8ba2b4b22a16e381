// asyncio.Task: an aio::TaskState<Value> whose body is drive(coroutine), the C++ coroutine
// that does asyncio's Task.__step (asyncio_module.hpp). The Python Task object is a
// FutureObject over that state; a side table maps aio tasks back to their Python objects
// (current_task(), all_tasks()), and a no-op done callback keeps the Python object alive
// until the task finished, as CPython's scheduled __step keeps its task alive.
#include <memory>
#include <unordered_map>

#include "core/aio/task_group.hpp"
#include "core/py/compiler/code.hpp"
#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/execution.hpp"
#include "core/py/vm/frame.hpp"
#include "core/py/vm/generator.hpp"

namespace py::asyncio {

Type task_type = builtin_type<TaskObject>("_asyncio.Task");

namespace {

using TaskState = aio::TaskState<Value>;

// aio task → its Python object (borrowed; erased when the object dies). Per run.
std::unordered_map<const aio::TaskCore*, TaskObject*> task_objects;
bool run_ending = false;  // the run's heap is being torn down: log nothing

void forget_task_objects() {
  task_objects.clear();
  run_ending = true;
}

TaskObject* as_task(Object* self) { return static_cast<TaskObject*>(self); }
TaskState& task_state(TaskObject* task) { return static_cast<TaskState&>(*task->state); }

Outcome read_task(const aio::FutureBase& state) {
  return static_cast<const TaskState&>(state).result();
}

// Holds the Python Task object until the task's done callbacks run.
struct KeepAlive final : aio::RefCounted {
  explicit KeepAlive(Ref<> object) : object(std::move(object)) {}
  Ref<> object;  // the Python Task
  static void done(aio::RefCounted*, aio::FutureBase*) {}
};

// Waits on `future` from the running task; returns the error to throw into the
// coroutine (a cancel that arrived while the wakeup was pending), if any.
struct WaitOnFuture {
  aio::FutureBase* future;
  bool suspended = false;
  bool await_ready() const { return future->done(); }
  void await_suspend(aio::co::coroutine_handle<> waiter) {
    suspended = true;
    aio::TaskCore::current_or_abort().wait_on(*future, waiter);
  }
  std::optional<aio::Error> await_resume() {
    if (!suspended) return std::nullopt;
    aio::TaskCore& task = aio::TaskCore::current_or_abort();
    // A cancelled future raises its own CancelledError from result().
    if (task.take_pending_cancel() && !future->cancelled()) return task.cancelled_error();
    return std::nullopt;
  }
};

// One loop iteration (a bare `yield`): CancelledError if cancelled meanwhile.
struct YieldOnce {
  bool await_ready() const { return false; }
  void await_suspend(aio::co::coroutine_handle<> waiter) {
    aio::TaskCore::current_or_abort().yield_once(waiter);
  }
  std::optional<aio::Error> await_resume() {
    aio::TaskCore& task = aio::TaskCore::current_or_abort();
    if (task.take_pending_cancel()) return task.cancelled_error();
    return std::nullopt;
  }
};

void note_wait_line(Object* coroutine) {
  aio::TaskCore::current_or_abort().set_wait_line(suspended_line(coroutine));
}

Ref<> bad_yield(Object* yielded) {
  Ref<Str> text = repr(yielded);
  if (!text) return take_exception();
  Ref<Str> message = make_str("Task got bad yield: " + text->value);
  if (!message) return take_exception();
  Ref<> exception = make_exception(runtime_error_type, make_tuple({message.get()}));
  return exception ? exception : take_exception();
}

// RuntimeError "Task <Task ...> got Future <Future ...> attached to a different loop".
Ref<> foreign_future(Object* future) {
  TaskObject* task = task_object(&aio::TaskCore::current_or_abort());
  Ref<Str> task_text = task ? repr(task) : make_str("<Task>");
  Ref<Str> future_text = task_text ? repr(future) : nullptr;
  Ref<Str> message = future_text ? make_str("Task " + task_text->value + " got Future " +
                                            future_text->value + " attached to a different loop")
                                 : nullptr;
  Ref<> exception = message ? make_exception(runtime_error_type, make_tuple({message.get()})) : nullptr;
  return exception ? exception : take_exception();
}

// The first line of a task's repr: "<Task pending name='Task-2' coro=<f() running at main.py:3>>".
Ref<> task_repr(Object* self) {
  TaskObject* task = as_task(self);
  TaskState& state = task_state(task);
  std::string text = "<Task ";
  text += !state.done() ? "pending" : state.cancelled() ? "cancelled" : "finished";
  text += " name=" + str_repr(state.name());
  text += " coro=<" + coroutine_location(task->coroutine.get()) + ">";
  std::string waiting_on = state.waiting_on();
  if (!waiting_on.empty()) {
    // Waiting on another task shows that task; anything else is a future with our wakeup.
    TaskObject* awaited = nullptr;
    for (const auto& [core, object] : task_objects)
      if (core->name() == waiting_on && object != task) awaited = object;
    if (!awaited) {
      text += " wait_for=<Future pending cb=[Task.task_wakeup()]>";
    } else if (Ref<> awaited_repr = repr(awaited)) {
      text += " wait_for=" + as_str(awaited_repr.get())->value;
    } else {
      return nullptr;
    }
  }
  if (state.done() && !state.cancelled()) {
    Outcome outcome = task->read(state);
    Ref<> shown = outcome ? outcome.value() : exception_from_error(outcome.error());
    if (!shown) return nullptr;
    Ref<Str> shown_repr = repr(shown.get());
    if (!shown_repr) return nullptr;
    text += std::string(outcome ? " result=" : " exception=") + shown_repr->value;
  }
  return make_str(text + ">");
}

void task_destruct(Object* self) {
  TaskObject* task = as_task(self);
  if (task->state) {
    // A task may be freed while an exception is being raised (asyncio.run's KeyboardInterrupt
    // frees the main task): the report below must not lose it.
    Ref<> pending = take_exception();
    task_objects.erase(static_cast<const aio::TaskCore*>(task->state.get()));
    // asyncio logs a failed task whose exception nobody retrieved when it is collected.
    if (!run_ending && task->state->state() == aio::FutureBase::State::failed &&
        !task->exception_retrieved) {
      Ref<> exception = exception_from_error(*task->state->error());
      if (exception) {
        Ref<> shown = task_repr(self);
        std::string line = shown ? as_str(shown.get())->value : std::string("<Task>");
        clear_exception();
        write_stderr("Task exception was never retrieved\nfuture: " + line + "\n" +
                     format_traceback(exception.get()));
      }
      clear_exception();
    }
    set_exception(std::move(pending));
  }
  task->~TaskObject();
}

Ref<> task_get_name(Object* self, CallArgs args) {
  if (!check_positional("get_name", args, 0, 0)) return nullptr;
  return make_str(task_state(as_task(self)).name());
}

Ref<> task_set_name(Object* self, CallArgs args) {
  if (!check_positional("set_name", args, 1, 1)) return nullptr;
  Ref<Str> name = to_str(args.values[0]);
  if (!name) return nullptr;
  task_state(as_task(self)).set_name(name->value);
  return none();
}

Ref<> task_get_coro(Object* self, CallArgs args) {
  if (!check_positional("get_coro", args, 0, 0)) return nullptr;
  return as_task(self)->coroutine;
}

Ref<> task_cancelling(Object* self, CallArgs args) {
  if (!check_positional("cancelling", args, 0, 0)) return nullptr;
  return make_int(task_state(as_task(self)).cancelling());
}

Ref<> task_uncancel(Object* self, CallArgs args) {
  if (!check_positional("uncancel", args, 0, 0)) return nullptr;
  return make_int(task_state(as_task(self)).uncancel());
}

Ref<> task_new(Type*, CallArgs args) {
  Object* coroutine = nullptr;
  Object* loop = nullptr;
  Object* name = nullptr;
  Object* context = nullptr;
  if (!parse_args("Task", args, {"coro", "loop", "name", "context"}, 1,
                  {&coroutine, &loop, &name, &context}, 1))
    return nullptr;
  aio::Loop* running = running_loop_or_raise();
  if (!running) return nullptr;
  std::string text;
  if (name && !is_none(name)) {
    Ref<Str> converted = to_str(name);
    if (!converted) return nullptr;
    text = converted->value;
  }
  return create_task(*running, coroutine, std::move(text));
}

const NativeMethod task_methods[] = {
    {"get_name", task_get_name},
    {"set_name", task_set_name},
    {"get_coro", task_get_coro},
    {"cancelling", task_cancelling},
    {"uncancel", task_uncancel},
    {nullptr, nullptr},
};

// Checks `coroutine` can be a task's body: TypeError "a coroutine was expected, got 42".
bool check_coroutine(Object* coroutine) {
  if (is_coroutine_object(coroutine)) return true;
  Ref<Str> text = repr(coroutine);
  if (!text) return false;
  raise_format(type_error_type, "a coroutine was expected, got {}", text->value);
  return false;
}

// Makes the Python object for a TaskState just created and links the two.
Ref<TaskObject> adopt(Ref<TaskObject> task, aio::Ref<TaskState> state) {
  task_objects[state.get()] = task.get();
  state->add_done_callback(
      aio::Callback(&KeepAlive::done, aio::make_ref<KeepAlive>(Ref<>(task))));
  task->state = std::move(state);
  task->read = &read_task;
  task->run_number = current_run_number();
  return task;
}

void mark_awaited(Object* coroutine) {
  if (coroutine->type == &coroutine_type) static_cast<Generator*>(coroutine)->awaited_or_started = true;
}

}  // namespace

aio::Task<Value> drive(Ref<> coroutine) {
  if (coroutine->type == &operation_type) {
    // A task made from an Operation (create_task(queue.get())) runs its body directly.
    auto* operation = static_cast<OperationObject*>(coroutine.get());
    co_return co_await std::move(operation->body);
  }
  Ref<> sent = none();
  bool throwing = false;
  for (;;) {
    ResumeResult step = resume(coroutine.get(), sent.get(), throwing);
    sent = none();
    throwing = false;
    if (step.status == ResumeStatus::returned) co_return step.value;
    if (step.status == ResumeStatus::raised) co_return error_from_pending_exception();
    if (step.status == ResumeStatus::blocked) {
      // time.sleep() in a task blocks every task, as in CPython.
      std::unique_ptr<BlockingCall> call(take_blocking_call());
      sent = call->complete();
      if (!sent) {
        sent = take_exception();
        throwing = true;
      }
      continue;
    }
    Ref<> yielded = std::move(step.value);
    std::optional<aio::Error> thrown;
    if (is_none(yielded.get())) {
      thrown = co_await YieldOnce{};
    } else if (is_future(yielded.get()) &&
               static_cast<FutureObject*>(yielded.get())->run_number != current_run_number()) {
      sent = foreign_future(yielded.get());
      throwing = true;
      continue;
    } else if (is_future(yielded.get())) {
      note_wait_line(coroutine.get());
      thrown = co_await WaitOnFuture{static_cast<FutureObject*>(yielded.get())->state.get()};
    } else if (yielded->type == &operation_type) {
      auto* operation = static_cast<OperationObject*>(yielded.get());
      note_wait_line(coroutine.get());
      operation->outcome = co_await std::move(operation->body);
    } else {
      sent = bad_yield(yielded.get());
      throwing = true;
      continue;
    }
    if (thrown) {
      sent = exception_from_error(*thrown);
      if (!sent) sent = take_exception();
      throwing = true;
    }
  }
}

Ref<TaskObject> create_task(aio::Loop& loop, Object* coroutine, std::string name) {
  if (!check_coroutine(coroutine)) return nullptr;
  return spawn_task(loop, coroutine, std::move(name));
}

Ref<TaskObject> spawn_task(aio::Loop& loop, Object* coroutine, std::string name) {
  Ref<TaskObject> task = make_object<TaskObject>(&task_type);
  if (!task) return nullptr;
  task->coroutine = Ref<>::borrow(coroutine);
  mark_awaited(coroutine);
  aio::TaskHandle<Value> handle =
      aio::spawn(loop, drive(Ref<>::borrow(coroutine)), std::move(name));
  return adopt(std::move(task), handle.ref());
}

Ref<TaskObject> create_task_in_group(aio::TaskGroup& group, Object* coroutine, std::string name) {
  if (!check_coroutine(coroutine)) return nullptr;
  Ref<TaskObject> task = make_object<TaskObject>(&task_type);
  if (!task) return nullptr;
  task->coroutine = Ref<>::borrow(coroutine);
  mark_awaited(coroutine);
  aio::Result<aio::TaskHandle<Value>> handle =
      group.create_task(drive(Ref<>::borrow(coroutine)), std::move(name));
  if (!handle) return raise_error(handle.error());
  task->exception_retrieved = true;  // the group reads every child's exception
  return adopt(std::move(task), handle.value().ref());
}

TaskObject* task_object(aio::TaskCore* task) {
  auto found = task_objects.find(task);
  return found == task_objects.end() ? nullptr : found->second;
}

int32_t suspended_line(Object* coroutine) {
  if (!is_generator_like(coroutine)) return 0;
  Frame* frame = static_cast<Generator*>(coroutine)->frame;
  if (!frame) return 0;
  // The innermost frame of the program's own code: a wait inside an embedded module
  // ("<frozen aiohttp>") shows at the program's line that called into it, the line the
  // timeline and the deadlock report link to.
  Frame* innermost = frame;
  Frame* own = nullptr;  // the innermost frame not from an embedded module
  for (; frame; frame = frame->delegate) {
    innermost = frame;
    if (!frame->code->filename || !frame->code->filename->value.starts_with("<")) own = frame;
  }
  return (own ? own : innermost)->line();
}

std::string coroutine_location(Object* coroutine) {
  if (!is_generator_like(coroutine)) return type_name(coroutine->type);
  auto* generator = static_cast<Generator*>(coroutine);
  std::string name = "coroutine";
  if (generator->qualified_name && is_str(generator->qualified_name.get()))
    name = as_str(generator->qualified_name.get())->value;
  Frame* frame = generator->frame;
  if (!frame) return name + "()";
  std::string filename = frame->code->filename ? frame->code->filename->value : "main.py";
  if (frame->finished)
    return name + "() done, defined at " + filename + ":" + std::to_string(frame->code->first_line);
  int line = generator->started ? frame->line() : frame->code->first_line;
  return name + "() running at " + filename + ":" + std::to_string(line);
}

int init_asyncio_tasks(Module* module) {
  run_ending = false;
  on_run_end(&forget_task_objects);
  task_type.base = &future_type;
  task_type.new_instance = task_new;
  task_type.repr = task_repr;
  task_type.destruct = task_destruct;
  install_methods(task_type, task_methods);
  return add_type(module, task_type, "Task");
}

}  // namespace py::asyncio
