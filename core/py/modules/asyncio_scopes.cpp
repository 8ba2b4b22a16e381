// asyncio.timeout()/timeout_at() and asyncio.TaskGroup: async context managers over
// aio::Timeout and aio::TaskGroup (CPython's timeouts.py and taskgroups.py). Both bind to
// the current task when entered; __aexit__ hands the body's exception to aio, which
// decides what propagates: TimeoutError for an expired timeout, the ExceptionGroup
// "unhandled errors in a TaskGroup (1 sub-exception)" for failed children.
#include <optional>

#include "core/aio/task_group.hpp"
#include "core/aio/timeout.hpp"
#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/type.hpp"

namespace py::asyncio {

namespace {

struct TimeoutObject : Object {
  std::optional<double> when;          // the deadline given (loop time), none: never
  std::optional<aio::Timeout> scope;   // while entered
  bool entered = false;                // __aenter__ ran
};
struct TaskGroupObject : Object {
  std::optional<aio::TaskGroup> group;  // made by __aenter__ (binds the current task)
};

Type timeout_type = builtin_type<TimeoutObject>("asyncio.timeouts.Timeout", 0);
Type task_group_type = builtin_type<TaskGroupObject>("asyncio.taskgroups.TaskGroup");

TimeoutObject* as_timeout(Object* self) { return static_cast<TimeoutObject*>(self); }
TaskGroupObject* as_group(Object* self) { return static_cast<TaskGroupObject*>(self); }

aio::Task<Value> return_value(Ref<> value) { co_return value; }

bool optional_seconds(Object* value, std::optional<double>* out) {
  if (!value || is_none(value)) return true;
  double seconds = 0;
  if (!to_double(value, &seconds)) return false;
  *out = seconds;
  return true;
}

// The body's exception as __aexit__ receives it: none when it finished normally.
std::optional<aio::Error> body_error(CallArgs args) {
  if (args.count < 2 || is_none(args.values[1])) return std::nullopt;
  return error_from_exception(Ref<>::borrow(args.values[1]));
}

Ref<> make_timeout(std::optional<double> when) {
  Ref<TimeoutObject> timeout = make_object<TimeoutObject>(&timeout_type);
  if (!timeout) return nullptr;
  timeout->when = when;
  return timeout;
}

Ref<> timeout_function(Object*, CallArgs args) {
  if (!check_positional("timeout", args, 1, 1)) return nullptr;
  aio::Loop* loop = running_loop_or_raise();
  std::optional<double> delay;
  if (!loop || !optional_seconds(args.values[0], &delay)) return nullptr;
  return make_timeout(delay ? std::optional<double>(loop->time() + *delay) : std::nullopt);
}

Ref<> timeout_at_function(Object*, CallArgs args) {
  if (!check_positional("timeout_at", args, 1, 1)) return nullptr;
  std::optional<double> when;
  if (!optional_seconds(args.values[0], &when)) return nullptr;
  return make_timeout(when);
}

Ref<> timeout_enter(Object* self, CallArgs) {
  TimeoutObject* timeout = as_timeout(self);
  if (timeout->entered) return raise(runtime_error_type, "Timeout has already been entered");
  aio::Loop* loop = running_loop_or_raise();
  if (!loop) return nullptr;
  if (!loop->current_task()) return raise(runtime_error_type, "Timeout should be used inside a task");
  timeout->entered = true;
  timeout->scope.emplace(timeout->when);
  return make_operation(return_value(Ref<>::borrow(self)), "Timeout.__aenter__");
}

Ref<> timeout_exit(Object* self, CallArgs args) {
  TimeoutObject* timeout = as_timeout(self);
  if (!timeout->scope) return raise(runtime_error_type, "Timeout has not been entered");
  std::optional<aio::Error> error = body_error(args);
  aio::Result<void> outcome = error ? aio::Result<void>(*error) : aio::Result<void>();
  aio::Result<void> finished = timeout->scope->finish(outcome);
  timeout->when = timeout->scope->when();
  bool timed_out = !finished && finished.error().is(aio::ErrorKind::timeout);
  if (timed_out) return raise_empty(timeout_error_type);
  return make_operation(return_value(none()), "Timeout.__aexit__");
}

Ref<> timeout_when(Object* self, CallArgs args) {
  if (!check_positional("when", args, 0, 0)) return nullptr;
  TimeoutObject* timeout = as_timeout(self);
  std::optional<double> when = timeout->scope ? timeout->scope->when() : timeout->when;
  if (!when) return none();
  return make_float(*when);
}

Ref<> timeout_reschedule(Object* self, CallArgs args) {
  if (!check_positional("reschedule", args, 1, 1)) return nullptr;
  TimeoutObject* timeout = as_timeout(self);
  std::optional<double> when;
  if (!optional_seconds(args.values[0], &when)) return nullptr;
  if (!timeout->scope) {
    if (timeout->entered) return raise(runtime_error_type, "Cannot change state of finished Timeout");
    timeout->when = when;
    return none();
  }
  aio::Result<void> rescheduled = timeout->scope->reschedule(when);
  if (!rescheduled) return raise_error(rescheduled.error());
  return none();
}

Ref<> timeout_expired(Object* self, CallArgs args) {
  if (!check_positional("expired", args, 0, 0)) return nullptr;
  TimeoutObject* timeout = as_timeout(self);
  return make_bool(timeout->scope && timeout->scope->expired());
}

const NativeMethod timeout_methods[] = {
    {"__aenter__", timeout_enter},   {"__aexit__", timeout_exit}, {"when", timeout_when},
    {"reschedule", timeout_reschedule}, {"expired", timeout_expired}, {nullptr, nullptr},
};

// --- TaskGroup ------------------------------------------------------------------------------

Ref<> task_group_new(Type* type, CallArgs args) {
  if (!check_positional("TaskGroup", args, 0, 0)) return nullptr;
  return make_object<TaskGroupObject>(type);
}

Ref<> task_group_enter(Object* self, CallArgs) {
  TaskGroupObject* group = as_group(self);
  if (group->group) return raise(runtime_error_type, "TaskGroup has been already entered");
  aio::Loop* loop = running_loop_or_raise();
  if (!loop) return nullptr;
  if (!loop->current_task()) return raise(runtime_error_type, "TaskGroup cannot determine the parent task");
  group->group.emplace();
  return make_operation(return_value(Ref<>::borrow(self)), "TaskGroup.__aenter__");
}

aio::Task<Value> task_group_exit_body(Ref<> owner, std::optional<aio::Error> error) {
  aio::Result<void> waited = co_await as_group(owner.get())->group->wait(std::move(error));
  co_return none_or_error(waited);
}

Ref<> task_group_exit(Object* self, CallArgs args) {
  if (!as_group(self)->group) return raise(runtime_error_type, "TaskGroup has not been entered");
  return make_operation(task_group_exit_body(Ref<>::borrow(self), body_error(args)), "TaskGroup.__aexit__");
}

Ref<> task_group_create_task(Object* self, CallArgs args) {
  Object* coroutine = nullptr;
  Object* name = nullptr;
  Object* context = nullptr;
  if (!parse_args("create_task", args, {"coro", "name", "context"}, 1, {&coroutine, &name, &context}, 1))
    return nullptr;
  TaskGroupObject* group = as_group(self);
  if (!group->group) return raise(runtime_error_type, "TaskGroup has not been entered");
  std::string text;
  if (name && !is_none(name)) {
    Ref<Str> converted = to_str(name);
    if (!converted) return nullptr;
    text = converted->value;
  }
  return create_task_in_group(*group->group, coroutine, std::move(text));
}

const NativeMethod task_group_methods[] = {
    {"__aenter__", task_group_enter},
    {"__aexit__", task_group_exit},
    {"create_task", task_group_create_task},
    {nullptr, nullptr},
};

const NativeMethod scope_functions[] = {
    {"timeout", timeout_function},
    {"timeout_at", timeout_at_function},
    {nullptr, nullptr},
};

}  // namespace

int init_asyncio_scopes(Module* module) {
  install_methods(timeout_type, timeout_methods);
  task_group_type.new_instance = task_group_new;
  install_methods(task_group_type, task_group_methods);
  if (add_type(module, timeout_type, "Timeout") < 0 || add_type(module, task_group_type, "TaskGroup") < 0)
    return -1;
  return add_functions(module, scope_functions);
}

}  // namespace py::asyncio
