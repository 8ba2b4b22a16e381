// The event loop object Python code sees (get_running_loop(), new_event_loop()) and its
// Handle/TimerHandle: a view of the running aio::Loop. Callbacks with arguments become
// aio::Callbacks; the handles share aio's cancel flag, so a cancel still wins after the
// call became ready, as asyncio's Handle._cancelled.
//
// A loop from new_event_loop() owns no aio::Loop until run_until_complete() runs one (an
// aio::Loop is "running" for as long as it exists); each run_until_complete() runs a fresh
// one. Cost: state does not carry over between two run_until_complete() calls.
#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/execution.hpp"

namespace py::asyncio {

namespace {

struct LoopObject : Object {
  aio::Loop* loop = nullptr;  // the running aio loop it stands for; null for a new loop
  bool closed = false;        // close() was called
};
Type loop_type = builtin_type<LoopObject>("_UnixSelectorEventLoop", 0);

// Handle (call_soon) and TimerHandle (call_later/call_at) in one layout.
struct HandleObject : Object {
  aio::Handle handle;       // for call_soon
  aio::TimerHandle timer;   // for call_later/call_at
};
Type handle_type = builtin_type<HandleObject>("asyncio.Handle", 0);
Type timer_handle_type = builtin_type<HandleObject>("asyncio.TimerHandle", 0);

Ref<> loop_object;  // this run's object for the running loop (cleared with the loop)

void forget_at_run_end() { loop_object = nullptr; }

LoopObject* as_loop(Object* self) { return static_cast<LoopObject*>(self); }

// The running aio loop for a method of `self`: RuntimeError when it is not running.
aio::Loop* loop_of(Object* self) {
  aio::Loop* loop = as_loop(self)->loop;
  if (!loop || loop != aio::Loop::running()) return raise(runtime_error_type, "Event loop is closed");
  return loop;
}

// callback(*args) scheduled on the loop.
struct ScheduledCall final : aio::RefCounted {
  ScheduledCall(Ref<> function, Ref<Tuple> arguments)
      : function(std::move(function)), arguments(std::move(arguments)) {}
  Ref<> function;         // the callable
  Ref<Tuple> arguments;   // its positional arguments

  static void invoke(aio::RefCounted* self, aio::FutureBase*) {
    auto* call_state = static_cast<ScheduledCall*>(self);
    std::vector<Object*> values;
    for (const Ref<>& item : call_state->arguments->items) values.push_back(item.get());
    if (!call(call_state->function.get(), CallArgs{values.data(), values.size(), nullptr})) {
      Ref<> exception = take_exception();
      write_stderr("Exception in callback\n" + format_traceback(exception.get()));
    }
  }
};

// The callback and arguments from args[first...].
aio::Callback callback_from(CallArgs args, size_t first) {
  std::vector<Ref<>> rest;
  for (size_t i = first + 1; i < args.positional_count(); ++i) rest.push_back(Ref<>::borrow(args.values[i]));
  return aio::Callback(&ScheduledCall::invoke,
                       aio::make_ref<ScheduledCall>(Ref<>::borrow(args.values[first]), make_tuple(std::move(rest))));
}

Ref<> make_timer_handle(aio::TimerHandle timer) {
  Ref<HandleObject> handle = make_object<HandleObject>(&timer_handle_type);
  if (!handle) return nullptr;
  handle->timer = std::move(timer);
  return handle;
}

Ref<> loop_time(Object* self, CallArgs args) {
  if (!check_positional("time", args, 0, 0)) return nullptr;
  aio::Loop* loop = loop_of(self);
  if (!loop) return nullptr;
  return make_float(loop->time());
}

Ref<> loop_call_soon(Object* self, CallArgs args) {
  if (!check_positional("call_soon", args, 1, SIZE_MAX)) return nullptr;
  aio::Loop* loop = loop_of(self);
  if (!loop) return nullptr;
  Ref<HandleObject> handle = make_object<HandleObject>(&handle_type);
  if (!handle) return nullptr;
  handle->handle = loop->call_soon(callback_from(args, 0));
  return handle;
}

Ref<> loop_call_later(Object* self, CallArgs args) {
  if (!check_positional("call_later", args, 2, SIZE_MAX)) return nullptr;
  aio::Loop* loop = loop_of(self);
  double delay = 0;
  if (!loop || !to_double(args.values[0], &delay)) return nullptr;
  return make_timer_handle(loop->call_later(delay, callback_from(args, 1)));
}

Ref<> loop_call_at(Object* self, CallArgs args) {
  if (!check_positional("call_at", args, 2, SIZE_MAX)) return nullptr;
  aio::Loop* loop = loop_of(self);
  double when = 0;
  if (!loop || !to_double(args.values[0], &when)) return nullptr;
  return make_timer_handle(loop->call_at(when, callback_from(args, 1)));
}

Ref<> loop_create_future(Object* self, CallArgs args) {
  if (!check_positional("create_future", args, 0, 0)) return nullptr;
  aio::Loop* loop = loop_of(self);
  if (!loop) return nullptr;
  return make_future(*loop);
}

Ref<> loop_create_task(Object* self, CallArgs args) {
  Object* coroutine = nullptr;
  Object* name = nullptr;
  Object* context = nullptr;
  if (!parse_args("create_task", args, {"coro", "name", "context"}, 1, {&coroutine, &name, &context}, 1))
    return nullptr;
  aio::Loop* loop = loop_of(self);
  if (!loop) return nullptr;
  std::string text;
  if (name && !is_none(name)) {
    Ref<Str> converted = to_str(name);
    if (!converted) return nullptr;
    text = converted->value;
  }
  return create_task(*loop, coroutine, std::move(text));
}

Ref<> loop_is_running(Object* self, CallArgs args) {
  if (!check_positional("is_running", args, 0, 0)) return nullptr;
  aio::Loop* loop = as_loop(self)->loop;
  return make_bool(loop && loop == aio::Loop::running());
}

Ref<> loop_is_closed(Object* self, CallArgs args) {
  if (!check_positional("is_closed", args, 0, 0)) return nullptr;
  return make_bool(as_loop(self)->closed);
}

Ref<> loop_close(Object* self, CallArgs args) {
  if (!check_positional("close", args, 0, 0)) return nullptr;
  if (as_loop(self)->loop && as_loop(self)->loop == aio::Loop::running())
    return raise(runtime_error_type, "Cannot close a running event loop");
  as_loop(self)->closed = true;
  return none();
}

// run_until_complete(coroutine): blocks like asyncio.run on a fresh aio loop.
class RunUntilCompleteCall final : public BlockingCall {
 public:
  explicit RunUntilCompleteCall(Ref<> coroutine) : coroutine_(std::move(coroutine)) {}
  Ref<> complete() override { return run_on_new_loop(coroutine_.get()); }
  const char* name() const override { return "loop.run_until_complete()"; }

 private:
  Ref<> coroutine_;  // what to run
};

Ref<> loop_run_until_complete(Object* self, CallArgs args) {
  if (!check_positional("run_until_complete", args, 1, 1)) return nullptr;
  if (as_loop(self)->closed) return raise(runtime_error_type, "Event loop is closed");
  if (aio::Loop::running()) return raise(runtime_error_type, "This event loop is already running");
  return request_blocking_call(new RunUntilCompleteCall(Ref<>::borrow(args.values[0])));
}

const NativeMethod loop_methods[] = {
    {"time", loop_time},
    {"call_soon", loop_call_soon},
    {"call_later", loop_call_later},
    {"call_at", loop_call_at},
    {"create_future", loop_create_future},
    {"create_task", loop_create_task},
    {"is_running", loop_is_running},
    {"is_closed", loop_is_closed},
    {"close", loop_close},
    {"run_until_complete", loop_run_until_complete},
    {nullptr, nullptr},
};

Ref<> handle_cancel(Object* self, CallArgs args) {
  if (!check_positional("cancel", args, 0, 0)) return nullptr;
  auto* handle = static_cast<HandleObject*>(self);
  handle->handle.cancel();
  handle->timer.cancel();
  return none();
}

Ref<> handle_cancelled(Object* self, CallArgs args) {
  if (!check_positional("cancelled", args, 0, 0)) return nullptr;
  auto* handle = static_cast<HandleObject*>(self);
  return make_bool(handle->handle.cancelled() || handle->timer.cancelled());
}

Ref<> handle_when(Object* self, CallArgs args) {
  if (!check_positional("when", args, 0, 0)) return nullptr;
  return make_float(static_cast<HandleObject*>(self)->timer.when());
}

const NativeMethod handle_methods[] = {
    {"cancel", handle_cancel},
    {"cancelled", handle_cancelled},
    {nullptr, nullptr},
};
const NativeMethod timer_handle_methods[] = {
    {"when", handle_when},
    {nullptr, nullptr},
};

Ref<> get_running_loop(Object*, CallArgs args) {
  if (!check_positional("get_running_loop", args, 0, 0)) return nullptr;
  if (!running_loop_or_raise()) return nullptr;
  return running_loop_object();
}

Ref<> get_event_loop(Object*, CallArgs args) {
  if (!check_positional("get_event_loop", args, 0, 0)) return nullptr;
  if (aio::Loop::running()) return running_loop_object();
  return make_object<LoopObject>(&loop_type);
}

Ref<> new_event_loop(Object*, CallArgs args) {
  if (!check_positional("new_event_loop", args, 0, 0)) return nullptr;
  return make_object<LoopObject>(&loop_type);
}

Ref<> set_event_loop(Object*, CallArgs args) {
  if (!check_positional("set_event_loop", args, 1, 1)) return nullptr;
  return none();
}

const NativeMethod loop_functions[] = {
    {"get_running_loop", get_running_loop},
    {"get_event_loop", get_event_loop},
    {"new_event_loop", new_event_loop},
    {"set_event_loop", set_event_loop},
    {nullptr, nullptr},
};

}  // namespace

Ref<> running_loop_object() {
  aio::Loop* running = aio::Loop::running();
  if (loop_object && as_loop(loop_object.get())->loop == running) return loop_object;
  Ref<LoopObject> made = make_object<LoopObject>(&loop_type);
  if (!made) return nullptr;
  made->loop = running;
  loop_object = made;
  return made;
}

void forget_loop_object() {
  if (loop_object) as_loop(loop_object.get())->loop = nullptr;
  loop_object = nullptr;
}

int init_asyncio_loop(Module* module) {
  on_run_end(&forget_at_run_end);
  install_methods(loop_type, loop_methods);
  install_methods(handle_type, handle_methods);
  timer_handle_type.base = &handle_type;
  install_methods(timer_handle_type, timer_handle_methods);
  if (ready_type(loop_type) < 0 || add_type(module, handle_type, "Handle") < 0 ||
      add_type(module, timer_handle_type, "TimerHandle") < 0)
    return -1;
  return add_functions(module, loop_functions);
}

}  // namespace py::asyncio
