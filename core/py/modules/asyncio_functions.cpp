// asyncio's functions over futures: gather, wait_for, wait, as_completed, shield,
// ensure_future, current_task, all_tasks — each aio's transliteration of CPython 3.11's
// tasks.py working on Python futures of any kind (a Future, a Task, a gather) through the
// FutureObject's reader. The awaitable ones return Operations, so their work starts when
// they are awaited, as CPython's coroutines do.
#include <unordered_map>
#include <unordered_set>

#include "core/aio/gather.hpp"
#include "core/aio/wait.hpp"
#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/set.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/execution.hpp"
#include "core/py/vm/generator.hpp"

namespace py::asyncio {

namespace {

// _GatheringFuture over Python futures: the result is the list of their results.
class PythonGather final : public aio::WithValue<Value, aio::GatheringFuture> {
 public:
  PythonGather(aio::Loop& loop, bool return_exceptions, std::vector<Ref<FutureObject>> children)
      : WithValue(loop, return_exceptions), children_(std::move(children)) {
    for (const Ref<FutureObject>& child : children_) {
      // gather's done callback retrieves every child's exception (no "never retrieved").
      child->exception_retrieved = true;
      add_child(child->state);
    }
    seal();
  }

 private:
  void set_results() override {
    std::vector<Ref<>> results;
    for (const Ref<FutureObject>& child : children_) {
      Outcome outcome = future_outcome(child.get());
      if (outcome) {
        results.push_back(outcome.value());
        continue;
      }
      // return_exceptions: a cancelled child contributes a new CancelledError.
      Ref<> exception = child->state->cancelled()
                            ? exception_from_error(aio::Error(aio::ErrorKind::cancelled))
                            : exception_from_error(outcome.error());
      if (!exception) exception = take_exception();
      results.push_back(std::move(exception));
    }
    Ref<List> list = make_list(std::move(results));
    if (!list) {
      (void)set_error(error_from_pending_exception());
      return;
    }
    (void)set_result(Ref<>(std::move(list)));
  }

  std::vector<Ref<FutureObject>> children_;  // one per argument, in order
};

Outcome read_gather(const aio::FutureBase& state) {
  return static_cast<const PythonGather&>(state).result();
}

bool optional_seconds(Object* value, std::optional<double>* out) {
  if (!value || is_none(value)) return true;
  double seconds = 0;
  if (!to_double(value, &seconds)) return false;
  *out = seconds;
  return true;
}

Ref<> gather(Object*, CallArgs args) {
  size_t count = args.positional_count();
  Object* return_exceptions_flag = nullptr;
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    std::string_view keyword = as_str(args.keyword_names->items[i].get())->value;
    if (keyword != "return_exceptions")
      return raise_format(type_error_type, "gather() got an unexpected keyword argument '{}'", keyword);
    return_exceptions_flag = args.values[count + i];
  }
  int return_exceptions = return_exceptions_flag ? truthy(return_exceptions_flag) : 0;
  if (return_exceptions < 0) return nullptr;
  aio::Loop* loop = running_loop_or_raise();
  if (!loop) return nullptr;
  std::vector<Ref<FutureObject>> children;
  std::unordered_map<Object*, size_t> first_child_of;  // tasks.py's arg_to_fut
  for (size_t i = 0; i < count; ++i) {
    // The same coroutine or future twice is wrapped once.
    auto [found, added] = first_child_of.emplace(args.values[i], i);
    Ref<FutureObject> child = added ? ensure_future(args.values[i]) : children[found->second];
    if (!child) return nullptr;
    children.push_back(std::move(child));
  }
  return wrap_future(aio::make_ref<PythonGather>(*loop, return_exceptions != 0, std::move(children)),
                     &read_gather);
}

// wait_for's body: tasks.py's wait_for, as aio::wait_for.
aio::Task<Value> wait_for_body(Ref<> awaitable, std::optional<double> timeout) {
  if (!timeout && !is_future(awaitable.get())) co_return co_await drive(awaitable);
  Ref<FutureObject> future = ensure_future(awaitable.get());
  if (!future) co_return error_from_pending_exception();
  if (!timeout) co_return co_await AwaitFuture(future);
  aio::Loop& loop = aio::TaskCore::current_or_abort().loop();
  if (*timeout <= 0) {
    if (future->state->done()) co_return future_outcome(future.get());
    aio::Result<void> waited = co_await aio::detail::cancel_and_wait(future->state);
    if (!waited) co_return waited.error();
    co_return aio::detail::timeout_if_cancelled(future_outcome(future.get()));
  }
  auto waiter = aio::make_ref<aio::FutureState<void>>(loop);
  waiter->set_label("wait_for()");
  aio::TimerHandle timeout_handle = loop.call_later(*timeout, aio::detail::release_waiter(waiter));
  aio::detail::CancelOnExit finally(timeout_handle);
  aio::Callback release = aio::detail::release_waiter(waiter);
  future->state->add_done_callback(release);
  aio::Result<void> waited = co_await aio::FutureAwaiter<aio::FutureState<void>>(waiter);
  if (future->state->done()) co_return future_outcome(future.get());
  future->state->remove_done_callback(release);
  aio::Result<void> cancelled = co_await aio::detail::cancel_and_wait(future->state);
  if (!cancelled) co_return cancelled.error();
  if (!waited) co_return waited.error();  // the caller was cancelled
  co_return aio::detail::timeout_if_cancelled(future_outcome(future.get()));
}

Ref<> wait_for(Object*, CallArgs args) {
  Object* awaitable = nullptr;
  Object* timeout_value = nullptr;
  if (!parse_args("wait_for", args, {"fut", "timeout"}, 2, {&awaitable, &timeout_value})) return nullptr;
  std::optional<double> timeout;
  if (!optional_seconds(timeout_value, &timeout)) return nullptr;
  return make_operation(wait_for_body(Ref<>::borrow(awaitable), timeout), "wait_for");
}

// wait's body: (done, pending) sets once `return_when` is met or the timeout passed.
aio::Task<Value> wait_body(std::vector<Ref<FutureObject>> futures, std::optional<double> timeout,
                           aio::ReturnWhen return_when) {
  std::vector<aio::Ref<aio::FutureBase>> states;
  for (const Ref<FutureObject>& future : futures) states.push_back(future->state);
  aio::Result<void> waited = co_await aio::detail::wait_on_all(std::move(states), timeout, return_when);
  if (!waited) co_return waited.error();
  Ref<Set> done = make_set();
  Ref<Set> pending = make_set();
  if (!done || !pending) co_return error_from_pending_exception();
  for (const Ref<FutureObject>& future : futures) {
    if (set_add(future->state->done() ? done.get() : pending.get(), future.get()) < 0)
      co_return error_from_pending_exception();
  }
  co_return Ref<>(make_tuple({done.get(), pending.get()}));
}

Ref<> wait(Object*, CallArgs args) {
  Object* iterable = nullptr;
  Object* timeout_value = nullptr;
  Object* return_when_value = nullptr;
  if (!parse_args("wait", args, {"fs", "timeout", "return_when"}, 1,
                  {&iterable, &timeout_value, &return_when_value}, 1))
    return nullptr;
  if (is_future(iterable) || iterable->type == &coroutine_type)
    return raise_format(type_error_type, "expect a list of futures, not {}", type_name(iterable->type));
  std::optional<double> timeout;
  if (!optional_seconds(timeout_value, &timeout)) return nullptr;
  aio::ReturnWhen return_when = aio::ReturnWhen::all_completed;
  if (return_when_value) {
    Ref<Str> text = to_str(return_when_value);
    if (!text) return nullptr;
    if (text->value == "FIRST_COMPLETED") return_when = aio::ReturnWhen::first_completed;
    else if (text->value == "FIRST_EXCEPTION") return_when = aio::ReturnWhen::first_exception;
    else if (text->value != "ALL_COMPLETED")
      return raise_format(value_error_type, "Invalid return_when value: {}", text->value);
  }
  Ref<> iterator = get_iter(iterable);
  if (!iterator) return nullptr;
  std::vector<Ref<FutureObject>> futures;
  std::unordered_set<const Object*> seen;
  while (Ref<> item = iter_next(iterator.get())) {
    if (item->type == &coroutine_type)
      return raise(type_error_type, "Passing coroutines is forbidden, use tasks explicitly.");
    Ref<FutureObject> future = ensure_future(item.get());
    if (!future) return nullptr;
    if (seen.insert(future.get()).second) futures.push_back(std::move(future));
  }
  if (exception_pending()) return nullptr;
  if (futures.empty()) return raise(value_error_type, "Set of Tasks/Futures is empty.");
  return make_operation(wait_body(std::move(futures), timeout, return_when), "wait");
}

// as_completed's iterator: each item an awaitable for the next future to finish.
struct AsCompleted : Object {
  aio::Ref<aio::detail::CompletionQueue> queue;  // the finished futures, in finishing order
  std::vector<Ref<FutureObject>> futures;       // the distinct futures watched
  size_t remaining = 0;                         // awaitables still to hand out
};
Type as_completed_type = builtin_type<AsCompleted>("as_completed", 0);

aio::Task<Value> wait_for_one(Ref<> owner) {
  auto* iterator = static_cast<AsCompleted*>(owner.get());
  aio::Result<aio::Ref<aio::FutureBase>> next = co_await aio::detail::CompletionQueue::get(iterator->queue);
  if (!next) co_return next.error();
  if (!next.value()) co_return aio::Error(aio::ErrorKind::timeout);
  for (const Ref<FutureObject>& future : iterator->futures)
    if (future->state == next.value()) co_return future_outcome(future.get());
  co_return aio::Error(aio::ErrorKind::runtime_error, "as_completed() lost a future");
}

Ref<> as_completed_next(Object* self) {
  auto* iterator = static_cast<AsCompleted*>(self);
  if (iterator->remaining == 0) return nullptr;
  --iterator->remaining;
  return make_operation(wait_for_one(Ref<>::borrow(self)), "as_completed");
}

Ref<> as_completed(Object*, CallArgs args) {
  Object* iterable = nullptr;
  Object* timeout_value = nullptr;
  if (!parse_args("as_completed", args, {"fs", "timeout"}, 1, {&iterable, &timeout_value})) return nullptr;
  if (is_future(iterable) || iterable->type == &coroutine_type)
    return raise_format(type_error_type, "expect an iterable of futures, not {}", type_name(iterable->type));
  std::optional<double> timeout;
  if (!optional_seconds(timeout_value, &timeout)) return nullptr;
  aio::Loop* loop = running_loop_or_raise();
  if (!loop) return nullptr;
  Ref<> items = get_iter(iterable);
  if (!items) return nullptr;
  Ref<AsCompleted> iterator = make_object<AsCompleted>(&as_completed_type);
  if (!iterator) return nullptr;
  std::unordered_set<const Object*> seen;
  std::vector<aio::Ref<aio::FutureBase>> states;
  while (Ref<> item = iter_next(items.get())) {
    if (!seen.insert(item.get()).second) continue;
    Ref<FutureObject> future = ensure_future(item.get());
    if (!future) return nullptr;
    states.push_back(future->state);
    iterator->futures.push_back(std::move(future));
  }
  if (exception_pending()) return nullptr;
  iterator->remaining = states.size();
  iterator->queue = aio::make_ref<aio::detail::CompletionQueue>(*loop, std::move(states), timeout);
  return iterator;
}

// shield's link between the inner future and the outer one the caller awaits.
struct ShieldLink final : aio::RefCounted {
  ShieldLink(Ref<FutureObject> inner, Ref<FutureObject> outer) : inner(std::move(inner)), outer(std::move(outer)) {}
  Ref<FutureObject> inner;  // the shielded future or task
  Ref<FutureObject> outer;  // what the caller awaits (a plain Future)

  static void on_inner_done(aio::RefCounted* self, aio::FutureBase*) {
    auto& link = *static_cast<ShieldLink*>(self);
    auto& outer_state = static_cast<aio::FutureState<Value>&>(*link.outer->state);
    if (outer_state.cancelled()) return;
    if (link.inner->state->cancelled()) outer_state.cancel();
    else (void)outer_state.set(future_outcome(link.inner.get()));
  }
  static void on_outer_done(aio::RefCounted* self, aio::FutureBase*) {
    auto& link = *static_cast<ShieldLink*>(self);
    if (!link.inner->state->done())
      link.inner->state->remove_done_callback(aio::Callback(&ShieldLink::on_inner_done, aio::Ref<aio::RefCounted>(self)));
  }
};

Ref<> shield(Object*, CallArgs args) {
  if (!check_positional("shield", args, 1, 1)) return nullptr;
  Ref<FutureObject> inner = ensure_future(args.values[0]);
  if (!inner || inner->state->done()) return inner;
  Ref<FutureObject> outer = make_future(inner->state->loop());
  if (!outer) return nullptr;
  inner->exception_retrieved = true;  // shield's callback reads it
  auto link = aio::make_ref<ShieldLink>(inner, outer);
  inner->state->add_done_callback(aio::Callback(&ShieldLink::on_inner_done, link));
  outer->state->add_done_callback(aio::Callback(&ShieldLink::on_outer_done, link));
  return outer;
}

Ref<> ensure_future_function(Object*, CallArgs args) {
  Object* awaitable = nullptr;
  Object* loop = nullptr;
  if (!parse_args("ensure_future", args, {"coro_or_future", "loop"}, 1, {&awaitable, &loop}, 1))
    return nullptr;
  return ensure_future(awaitable);
}

Ref<> create_task_function(Object*, CallArgs args) {
  Object* coroutine = nullptr;
  Object* name = nullptr;
  Object* context = nullptr;
  if (!parse_args("create_task", args, {"coro", "name", "context"}, 1, {&coroutine, &name, &context}, 1))
    return nullptr;
  aio::Loop* loop = running_loop_or_raise();
  if (!loop) return nullptr;
  std::string text;
  if (name && !is_none(name)) {
    Ref<Str> converted = to_str(name);
    if (!converted) return nullptr;
    text = converted->value;
  }
  return create_task(*loop, coroutine, std::move(text));
}

Ref<> current_task(Object*, CallArgs args) {
  if (!check_positional("current_task", args, 0, 1)) return nullptr;
  aio::Loop* loop = running_loop_or_raise();
  if (!loop) return nullptr;
  TaskObject* task = loop->current_task() ? task_object(loop->current_task()) : nullptr;
  if (!task) return none();
  return Ref<>::borrow(task);
}

Ref<> all_tasks(Object*, CallArgs args) {
  if (!check_positional("all_tasks", args, 0, 1)) return nullptr;
  aio::Loop* loop = running_loop_or_raise();
  if (!loop) return nullptr;
  Ref<Set> tasks = make_set();
  if (!tasks) return nullptr;
  for (aio::TaskCore* task : loop->all_tasks()) {
    TaskObject* object = task_object(task);
    if (object && set_add(tasks.get(), object) < 0) return nullptr;
  }
  return tasks;
}

const NativeMethod functions[] = {
    {"gather", gather},
    {"wait_for", wait_for},
    {"wait", wait},
    {"as_completed", as_completed},
    {"shield", shield},
    {"ensure_future", ensure_future_function},
    {"create_task", create_task_function},
    {"current_task", current_task},
    {"all_tasks", all_tasks},
    {nullptr, nullptr},
};

}  // namespace

Ref<FutureObject> ensure_future(Object* awaitable) {
  if (is_future(awaitable)) return ref_cast<FutureObject>(Ref<>::borrow(awaitable));
  bool is_coroutine = is_coroutine_object(awaitable);
  if (!is_coroutine && !awaitable->type->await)
    return raise(type_error_type, "An asyncio.Future, a coroutine or an awaitable is required");
  aio::Loop* loop = running_loop_or_raise();
  if (!loop) return nullptr;
  if (is_coroutine) return create_task(*loop, awaitable, {});
  // A custom awaitable: the task drives the iterator its __await__ returns.
  Ref<> iterator = awaitable->type->await(awaitable);
  if (!iterator) return nullptr;
  if (!is_generator_like(iterator.get()) && iterator->type != &operation_type)
    return raise(type_error_type, "An asyncio.Future, a coroutine or an awaitable is required");
  return spawn_task(*loop, iterator.get(), {});
}

int init_asyncio_functions(Module* module) {
  as_completed_type.iter = iterator_return_self;
  as_completed_type.next = as_completed_next;
  if (ready_type(as_completed_type) < 0) return -1;
  return add_functions(module, functions);
}

}  // namespace py::asyncio
