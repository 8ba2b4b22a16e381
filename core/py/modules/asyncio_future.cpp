// asyncio.Future: a Python handle on an aio future holding a Python value. Its methods are
// CPython's C Future's (_asyncio.Future), with its messages ("Result is not set.",
// "invalid state"); done callbacks are aio callbacks, scheduled by the loop with call_soon.
// __await__ yields the future itself once, then returns result(), so the Task driving the
// coroutine chain sees the future and waits on it (asyncio_task.cpp).
#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/execution.hpp"
#include "core/py/vm/generator.hpp"

namespace py::asyncio {

Type future_type = builtin_type<FutureObject>("_asyncio.Future");

namespace {

// The iterator __await__ returns: yields the future while it is pending, then its result.
struct FutureIterator : Object {
  Ref<FutureObject> future;  // the awaited future
  bool yielded = false;      // handed the future to the driving task already
};
Type future_iterator_type = builtin_type<FutureIterator>("_asyncio.FutureIter", 0);

FutureObject* as_future(Object* self) { return static_cast<FutureObject*>(self); }
aio::FutureState<Value>& plain_state(FutureObject* future) {
  return static_cast<aio::FutureState<Value>&>(*future->state);
}
bool is_plain_future(FutureObject* future) { return future->type == &future_type; }

Outcome read_plain(const aio::FutureBase& state) {
  return static_cast<const aio::FutureState<Value>&>(state).result();
}

// A Python done callback: calls function(future) when the future finishes. The future
// lists its callbacks (for remove_done_callback) and each holds the future until it has
// run: running it breaks that cycle.
struct PythonCallback final : aio::RefCounted {
  PythonCallback(Ref<> function, Ref<FutureObject> future)
      : function(std::move(function)), future(std::move(future)) {}
  Ref<> function;             // the callable given to add_done_callback
  Ref<FutureObject> future;   // the future passed to it; null once it ran

  static void invoke(aio::RefCounted* self, aio::FutureBase*) {
    aio::Ref<PythonCallback> callback(static_cast<PythonCallback*>(self));
    Ref<FutureObject> future = std::move(callback->future);
    if (!future) return;
    std::erase(future->callbacks, aio::Ref<aio::RefCounted>(callback));
    Ref<> outcome = call(callback->function.get(), {future.get()});
    if (!outcome) {
      // asyncio logs the error through the loop's exception handler and goes on.
      Ref<> exception = take_exception();
      write_stderr("Exception in callback\n" + format_traceback(exception.get()));
    }
  }
};

// The CancelledError of a cancelled future (carrying the cancel message).
std::nullptr_t raise_cancelled(FutureObject* future) { return raise_error(*future->state->error()); }

Ref<> future_result(Object* self, CallArgs args) {
  if (!check_positional("result", args, 0, 0)) return nullptr;
  FutureObject* future = as_future(self);
  if (!future->state->done())
    return raise(*exception_classes().invalid_state_error, "Result is not set.");
  return value_or_raise(future_outcome(future));
}

Ref<> future_exception(Object* self, CallArgs args) {
  if (!check_positional("exception", args, 0, 0)) return nullptr;
  FutureObject* future = as_future(self);
  if (!future->state->done())
    return raise(*exception_classes().invalid_state_error, "Exception is not set.");
  if (future->state->cancelled()) return raise_cancelled(future);
  Outcome outcome = future_outcome(future);
  if (outcome) return none();
  return exception_from_error(outcome.error());
}

Ref<> future_done(Object* self, CallArgs args) {
  if (!check_positional("done", args, 0, 0)) return nullptr;
  return make_bool(as_future(self)->state->done());
}

Ref<> future_cancelled(Object* self, CallArgs args) {
  if (!check_positional("cancelled", args, 0, 0)) return nullptr;
  return make_bool(as_future(self)->state->cancelled());
}

Ref<> future_cancel(Object* self, CallArgs args) {
  if (!as_future(self)->callbacks.empty() && !check_loop_alive(as_future(self))) return nullptr;
  Object* message = nullptr;
  if (!parse_args("cancel", args, {"msg"}, 0, {&message})) return nullptr;
  std::string text;
  if (message && !is_none(message)) {
    Ref<Str> converted = to_str(message);
    if (!converted) return nullptr;
    text = converted->value;
  }
  return make_bool(as_future(self)->state->cancel(std::move(text)));
}

Ref<> future_set_result(Object* self, CallArgs args) {
  if (!as_future(self)->callbacks.empty() && !check_loop_alive(as_future(self))) return nullptr;
  if (!check_positional("set_result", args, 1, 1)) return nullptr;
  FutureObject* future = as_future(self);
  if (!is_plain_future(future))
    return raise(runtime_error_type, "Task does not support set_result operation");
  aio::Result<void> set = plain_state(future).set_result(Ref<>::borrow(args.values[0]));
  if (!set) return raise_error(set.error());
  return none();
}

Ref<> future_set_exception(Object* self, CallArgs args) {
  if (!as_future(self)->callbacks.empty() && !check_loop_alive(as_future(self))) return nullptr;
  if (!check_positional("set_exception", args, 1, 1)) return nullptr;
  FutureObject* future = as_future(self);
  if (!is_plain_future(future))
    return raise(runtime_error_type, "Task does not support set_exception operation");
  if (future->state->done()) return raise(*exception_classes().invalid_state_error, "invalid state");
  Ref<> exception = Ref<>::borrow(args.values[0]);
  if (is_instance(exception.get(), type_type)) {
    exception = call(exception.get(), std::initializer_list<Object*>{});
    if (!exception) return nullptr;
  }
  if (!is_exception(exception.get()))
    return raise(type_error_type, "invalid exception object");
  if (is_instance(exception.get(), stop_iteration_type))
    return raise(type_error_type,
                 "StopIteration interacts badly with generators and cannot be raised into a Future");
  aio::Result<void> set = future->state->set_error(error_from_exception(std::move(exception)));
  if (!set) return raise_error(set.error());
  return none();
}

Ref<> future_add_done_callback(Object* self, CallArgs args) {
  if (as_future(self)->state->done() && !check_loop_alive(as_future(self))) return nullptr;
  Object* function = nullptr;
  Object* context = nullptr;
  if (!parse_args("add_done_callback", args, {"fn", "context"}, 1, {&function, &context}, 1))
    return nullptr;
  FutureObject* future = as_future(self);
  auto box = aio::make_ref<PythonCallback>(Ref<>::borrow(function), ref_cast<FutureObject>(Ref<>::borrow(self)));
  future->callbacks.push_back(box);
  future->state->add_done_callback(aio::Callback(&PythonCallback::invoke, box));
  return none();
}

Ref<> future_remove_done_callback(Object* self, CallArgs args) {
  if (!check_positional("remove_done_callback", args, 1, 1)) return nullptr;
  FutureObject* future = as_future(self);
  int64_t removed = 0;
  auto& boxes = future->callbacks;
  for (size_t i = 0; i < boxes.size();) {
    auto* box = static_cast<PythonCallback*>(boxes[i].get());
    int same = equal(box->function.get(), args.values[0]);
    if (same < 0) return nullptr;
    if (same) {
      removed += int64_t(future->state->remove_done_callback(aio::Callback(&PythonCallback::invoke, boxes[i])));
      box->future = nullptr;
      boxes.erase(boxes.begin() + int64_t(i));
    } else {
      ++i;
    }
  }
  return make_int(removed);
}

Ref<> future_get_loop(Object*, CallArgs args) {
  if (!check_positional("get_loop", args, 0, 0)) return nullptr;
  return running_loop_object();
}

Ref<> future_await(Object* self) {
  Ref<FutureIterator> iterator = make_object<FutureIterator>(&future_iterator_type);
  if (!iterator) return nullptr;
  iterator->future = ref_cast<FutureObject>(Ref<>::borrow(self));
  return iterator;
}

Ref<> future_iterator_next(Object* self) {
  auto* iterator = static_cast<FutureIterator*>(self);
  FutureObject* future = iterator->future.get();
  if (!future->state->done()) {
    if (iterator->yielded) return raise(runtime_error_type, "await wasn't used with future");
    iterator->yielded = true;
    return iterator->future;
  }
  Ref<> value = value_or_raise(future_outcome(future));
  if (!value) return nullptr;
  return raise_stop_iteration(value.get());
}

// "<Future pending>", "<Future finished result=42>", "<Future cancelled>".
Ref<> future_repr(Object* self) {
  FutureObject* future = as_future(self);
  std::string text = "<Future ";
  if (!future->state->done()) {
    text += "pending";
  } else if (future->state->cancelled()) {
    text += "cancelled";
  } else {
    Outcome outcome = future->read(*future->state);
    Ref<> shown = outcome ? outcome.value() : exception_from_error(outcome.error());
    if (!shown) return nullptr;
    Ref<Str> shown_repr = repr(shown.get());
    if (!shown_repr) return nullptr;
    text += std::string(outcome ? "finished result=" : "finished exception=") + shown_repr->value;
  }
  return make_str(text + ">");
}

Ref<> future_new(Type* type, CallArgs args) {
  Object* loop = nullptr;
  if (!parse_args("Future", args, {"loop"}, 0, {&loop}, 0)) return nullptr;
  aio::Loop* running = running_loop_or_raise();
  if (!running) return nullptr;
  Ref<FutureObject> future = make_object<FutureObject>(type);
  if (!future) return nullptr;
  future->state = aio::make_ref<aio::FutureState<Value>>(*running);
  future->read = &read_plain;
  future->run_number = current_run_number();
  return future;
}

const NativeMethod future_methods[] = {
    {"result", future_result},
    {"exception", future_exception},
    {"done", future_done},
    {"cancelled", future_cancelled},
    {"cancel", future_cancel},
    {"set_result", future_set_result},
    {"set_exception", future_set_exception},
    {"add_done_callback", future_add_done_callback},
    {"remove_done_callback", future_remove_done_callback},
    {"get_loop", future_get_loop},
    {nullptr, nullptr},
};

}  // namespace

Ref<FutureObject> wrap_future(aio::Ref<aio::FutureBase> state,
                              Outcome (*read)(const aio::FutureBase&)) {
  Ref<FutureObject> future = make_object<FutureObject>(&future_type);
  if (!future) return nullptr;
  future->state = std::move(state);
  future->read = read;
  future->run_number = current_run_number();
  return future;
}

Ref<FutureObject> make_future(aio::Loop& loop) {
  return wrap_future(aio::make_ref<aio::FutureState<Value>>(loop), &read_plain);
}

Outcome future_outcome(FutureObject* future) {
  future->exception_retrieved = true;
  return future->read(*future->state);
}

int init_asyncio_futures(Module* module) {
  future_type.new_instance = future_new;
  future_type.repr = future_repr;
  future_type.await = future_await;
  future_type.iter = future_await;
  install_methods(future_type, future_methods);
  future_iterator_type.iter = iterator_return_self;
  future_iterator_type.next = future_iterator_next;
  if (ready_type(future_iterator_type) < 0) return -1;
  return add_type(module, future_type, "Future");
}

}  // namespace py::asyncio
