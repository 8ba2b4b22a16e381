// asyncio.Lock, Event, Semaphore, BoundedSemaphore and Condition: each Python object owns
// the aio primitive (core/aio/lock.hpp, event.hpp, semaphore.hpp, condition.hpp); its
// awaitable methods are Operations whose bodies hold a reference to the object, so the
// primitive outlives every wait on it. Errors come from aio with CPython's messages.
//
// They behave as CPython's, which are Python classes: instances take attributes, and the
// arguments belong to __init__ — __new__ makes a ready primitive with the defaults, so a
// subclass's __init__ may take other arguments and call super().__init__(…) or not.
#include <optional>

#include "core/aio/condition.hpp"
#include "core/aio/event.hpp"
#include "core/aio/lock.hpp"
#include "core/aio/semaphore.hpp"
#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/type.hpp"

namespace py::asyncio {

namespace {

struct LockObject : Object {
  aio::Lock lock;  // the primitive
  Ref<Dict> dict;  // __dict__
};
struct EventObject : Object {
  aio::Event event;  // the primitive
  Ref<Dict> dict;    // __dict__
};
struct SemaphoreObject : Object {
  std::optional<aio::Semaphore> plain;            // Semaphore
  std::optional<aio::BoundedSemaphore> bounded;  // BoundedSemaphore
  Ref<Dict> dict;                                 // __dict__
  aio::Semaphore& semaphore() { return plain ? *plain : static_cast<aio::Semaphore&>(*bounded); }
};
struct ConditionObject : Object {
  Ref<> lock_object;                    // the Lock given (or made), kept alive
  std::optional<aio::Condition> condition;  // over lock_object's aio::Lock
  Ref<Dict> dict;                           // __dict__
};

Type lock_type = builtin_type<LockObject>("asyncio.locks.Lock");
Type event_type = builtin_type<EventObject>("asyncio.locks.Event");
Type semaphore_type = builtin_type<SemaphoreObject>("asyncio.locks.Semaphore");
Type bounded_semaphore_type = builtin_type<SemaphoreObject>("asyncio.locks.BoundedSemaphore");
Type condition_type = builtin_type<ConditionObject>("asyncio.locks.Condition");

template <class T>
T* as(Object* self) {
  return static_cast<T*>(self);
}

Ref<> none_or_raise(const aio::Result<void>& result) {
  if (!result) return raise_error(result.error());
  return none();
}

// What __aexit__ returns: an awaitable of None (the release already happened).
aio::Task<Value> return_none() { co_return none(); }

// An acquire(): True once held (None for __aenter__).
template <class Primitive>
aio::Task<Value> acquire_body(Ref<> owner, Primitive* primitive, bool for_context) {
  (void)owner;  // keeps the primitive's object alive while waiting
  aio::Result<void> acquired = co_await primitive->acquire();
  if (!acquired) co_return acquired.error();
  co_return for_context ? none() : make_bool(true);
}

aio::Task<Value> wait_body(Ref<> owner, aio::Event* event) {
  (void)owner;  // keeps the event's object alive while waiting
  aio::Result<void> waited = co_await event->wait();
  if (!waited) co_return waited.error();
  co_return make_bool(true);
}

aio::Task<Value> condition_wait_body(Ref<> owner) {
  aio::Result<void> waited = co_await as<ConditionObject>(owner.get())->condition->wait();
  if (!waited) co_return waited.error();
  co_return make_bool(true);
}

// Condition.wait_for(predicate): waits until predicate() is true; returns its value.
aio::Task<Value> condition_wait_for_body(Ref<> owner, Ref<> predicate) {
  aio::Condition& condition = *as<ConditionObject>(owner.get())->condition;
  for (;;) {
    Ref<> result = call(predicate.get(), std::initializer_list<Object*>{});
    if (!result) co_return error_from_pending_exception();
    int truth = truthy(result.get());
    if (truth < 0) co_return error_from_pending_exception();
    if (truth) co_return result;
    aio::Result<void> waited = co_await condition.wait();
    if (!waited) co_return waited.error();
  }
}

// --- Lock -----------------------------------------------------------------------------------
Ref<> lock_new(Type* type, CallArgs) { return make_object<LockObject>(type); }
int lock_init(Object*, CallArgs args) { return check_positional("Lock", args, 0, 0) ? 0 : -1; }
Ref<> lock_acquire(Object* self, CallArgs args) {
  if (!check_positional("acquire", args, 0, 0)) return nullptr;
  return make_operation(acquire_body(Ref<>::borrow(self), &as<LockObject>(self)->lock, false), "Lock.acquire");
}
Ref<> lock_enter(Object* self, CallArgs) {
  return make_operation(acquire_body(Ref<>::borrow(self), &as<LockObject>(self)->lock, true), "Lock.acquire");
}
Ref<> lock_release(Object* self, CallArgs) { return none_or_raise(as<LockObject>(self)->lock.release()); }
Ref<> lock_exit(Object* self, CallArgs) {
  Ref<> released = none_or_raise(as<LockObject>(self)->lock.release());
  if (!released) return nullptr;
  return make_operation(return_none(), "Lock.release");
}
Ref<> lock_locked(Object* self, CallArgs) { return make_bool(as<LockObject>(self)->lock.locked()); }

const NativeMethod lock_methods[] = {
    {"acquire", lock_acquire}, {"release", lock_release}, {"locked", lock_locked},
    {"__aenter__", lock_enter}, {"__aexit__", lock_exit},   {nullptr, nullptr},
};

// --- Event ----------------------------------------------------------------------------------
Ref<> event_new(Type* type, CallArgs) { return make_object<EventObject>(type); }
int event_init(Object*, CallArgs args) { return check_positional("Event", args, 0, 0) ? 0 : -1; }
Ref<> event_wait(Object* self, CallArgs) {
  return make_operation(wait_body(Ref<>::borrow(self), &as<EventObject>(self)->event), "Event.wait");
}
Ref<> event_set(Object* self, CallArgs) {
  as<EventObject>(self)->event.set();
  return none();
}
Ref<> event_clear(Object* self, CallArgs) {
  as<EventObject>(self)->event.clear();
  return none();
}
Ref<> event_is_set(Object* self, CallArgs) { return make_bool(as<EventObject>(self)->event.is_set()); }

const NativeMethod event_methods[] = {
    {"wait", event_wait}, {"set", event_set}, {"clear", event_clear}, {"is_set", event_is_set},
    {nullptr, nullptr},
};

// --- Semaphore, BoundedSemaphore --------------------------------------------------------------
// A new primitive with `value`, in place of the one `semaphore` had.
void reset_semaphore(SemaphoreObject& semaphore, int64_t value) {
  semaphore.plain.reset();
  semaphore.bounded.reset();
  if (is_subtype(semaphore.type, &bounded_semaphore_type)) semaphore.bounded.emplace(value);
  else semaphore.plain.emplace(value);
}
Ref<> semaphore_new(Type* type, CallArgs) {
  Ref<SemaphoreObject> semaphore = make_object<SemaphoreObject>(type);
  if (semaphore) reset_semaphore(*semaphore, 1);
  return semaphore;
}
int semaphore_init(Object* self, CallArgs args) {
  Object* value_object = nullptr;
  if (!parse_args(type_name(self->type), args, {"value"}, 0, {&value_object})) return -1;
  int64_t value = 1;
  if (value_object && !index_to_int64(value_object, &value)) return -1;
  aio::Result<void> valid = aio::Semaphore::check_initial_value(value);
  if (!valid) {
    raise_error(valid.error());
    return -1;
  }
  reset_semaphore(*as<SemaphoreObject>(self), value);
  return 0;
}
Ref<> semaphore_acquire(Object* self, CallArgs) {
  return make_operation(acquire_body(Ref<>::borrow(self), &as<SemaphoreObject>(self)->semaphore(), false),
                        "Semaphore.acquire");
}
Ref<> semaphore_enter(Object* self, CallArgs) {
  return make_operation(acquire_body(Ref<>::borrow(self), &as<SemaphoreObject>(self)->semaphore(), true),
                        "Semaphore.acquire");
}
Ref<> semaphore_release(Object* self, CallArgs) {
  return none_or_raise(as<SemaphoreObject>(self)->semaphore().release());
}
Ref<> semaphore_exit(Object* self, CallArgs) {
  if (!semaphore_release(self, CallArgs{})) return nullptr;
  return make_operation(return_none(), "Semaphore.release");
}
Ref<> semaphore_locked(Object* self, CallArgs) {
  return make_bool(as<SemaphoreObject>(self)->semaphore().locked());
}

const NativeMethod semaphore_methods[] = {
    {"acquire", semaphore_acquire}, {"release", semaphore_release}, {"locked", semaphore_locked},
    {"__aenter__", semaphore_enter}, {"__aexit__", semaphore_exit},  {nullptr, nullptr},
};

// --- Condition ------------------------------------------------------------------------------
// A new primitive over `lock` (a new Lock when null or None), in place of the one
// `condition` had. -1 with an exception set.
int reset_condition(ConditionObject& condition, Object* lock) {
  Ref<> lock_object;
  if (lock && !is_none(lock)) {
    if (!is_instance(lock, lock_type)) {
      raise(type_error_type, "lock must be an asyncio.Lock");
      return -1;
    }
    lock_object = Ref<>::borrow(lock);
  } else {
    lock_object = make_object<LockObject>(&lock_type);
    if (!lock_object) return -1;
  }
  condition.condition.reset();
  condition.lock_object = std::move(lock_object);
  condition.condition.emplace(as<LockObject>(condition.lock_object.get())->lock);
  return 0;
}
Ref<> condition_new(Type* type, CallArgs) {
  Ref<ConditionObject> condition = make_object<ConditionObject>(type);
  if (condition && reset_condition(*condition, nullptr) < 0) return nullptr;
  return condition;
}
int condition_init(Object* self, CallArgs args) {
  Object* lock = nullptr;
  if (!parse_args("Condition", args, {"lock"}, 0, {&lock})) return -1;
  return reset_condition(*as<ConditionObject>(self), lock);
}
aio::Lock* condition_lock(Object* self) { return &as<LockObject>(as<ConditionObject>(self)->lock_object.get())->lock; }
Ref<> condition_acquire(Object* self, CallArgs) {
  return make_operation(acquire_body(Ref<>::borrow(self), condition_lock(self), false), "Condition.acquire");
}
Ref<> condition_enter(Object* self, CallArgs) {
  return make_operation(acquire_body(Ref<>::borrow(self), condition_lock(self), true), "Condition.acquire");
}
Ref<> condition_release(Object* self, CallArgs) { return none_or_raise(condition_lock(self)->release()); }
Ref<> condition_exit(Object* self, CallArgs) {
  if (!condition_release(self, CallArgs{})) return nullptr;
  return make_operation(return_none(), "Condition.release");
}
Ref<> condition_locked(Object* self, CallArgs) { return make_bool(condition_lock(self)->locked()); }
Ref<> condition_wait(Object* self, CallArgs) {
  return make_operation(condition_wait_body(Ref<>::borrow(self)), "Condition.wait");
}
Ref<> condition_wait_for(Object* self, CallArgs args) {
  if (!check_positional("wait_for", args, 1, 1)) return nullptr;
  return make_operation(condition_wait_for_body(Ref<>::borrow(self), Ref<>::borrow(args.values[0])),
                        "Condition.wait_for");
}
Ref<> condition_notify(Object* self, CallArgs args) {
  Object* count = nullptr;
  if (!parse_args("notify", args, {"n"}, 0, {&count})) return nullptr;
  int64_t n = 1;
  if (count && !index_to_int64(count, &n)) return nullptr;
  return none_or_raise(as<ConditionObject>(self)->condition->notify(n));
}
Ref<> condition_notify_all(Object* self, CallArgs) {
  return none_or_raise(as<ConditionObject>(self)->condition->notify_all());
}

const NativeMethod condition_methods[] = {
    {"acquire", condition_acquire}, {"release", condition_release},     {"locked", condition_locked},
    {"wait", condition_wait},       {"wait_for", condition_wait_for},   {"notify", condition_notify},
    {"notify_all", condition_notify_all}, {"__aenter__", condition_enter}, {"__aexit__", condition_exit},
    {nullptr, nullptr},
};

}  // namespace

int init_asyncio_sync(Module* module) {
  lock_type.new_instance = lock_new;
  lock_type.init = lock_init;
  lock_type.dict_offset = dict_member_offset<LockObject>();
  install_methods(lock_type, lock_methods);
  event_type.new_instance = event_new;
  event_type.init = event_init;
  event_type.dict_offset = dict_member_offset<EventObject>();
  install_methods(event_type, event_methods);
  semaphore_type.new_instance = semaphore_new;
  semaphore_type.init = semaphore_init;
  semaphore_type.dict_offset = dict_member_offset<SemaphoreObject>();
  install_methods(semaphore_type, semaphore_methods);
  bounded_semaphore_type.base = &semaphore_type;
  condition_type.new_instance = condition_new;
  condition_type.init = condition_init;
  condition_type.dict_offset = dict_member_offset<ConditionObject>();
  install_methods(condition_type, condition_methods);
  if (add_type(module, lock_type, "Lock") < 0 || add_type(module, event_type, "Event") < 0 ||
      add_type(module, semaphore_type, "Semaphore") < 0 ||
      add_type(module, bounded_semaphore_type, "BoundedSemaphore") < 0 ||
      add_type(module, condition_type, "Condition") < 0)
    return -1;
  return 0;
}

}  // namespace py::asyncio
