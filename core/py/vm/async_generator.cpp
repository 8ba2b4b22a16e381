// Async generators (PEP 525): the async_generator type and the awaitables its asend(),
// athrow() and aclose() return (CPython's async_gen_asend / async_gen_athrow).
//
// Design: the awaitable resumes the async generator's frame in a nested dispatch loop and
// tells its own yields (`yield v` in the async generator: the awaitable finishes with
// StopIteration(v)) from yields of what the generator awaits (passed up to the event
// loop) by Generator::last_yield_was_own, which the VM sets on YIELD_VALUE. Cost: an
// `async for` step runs in a nested loop, so a blocking call inside an async generator
// raises instead of suspending.

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/generator.hpp"

namespace py {

Type async_generator_type = builtin_type<Generator>("async_generator", 0);

namespace {

enum class AwaitableKind : uint8_t { asend, athrow, aclose };
enum class AwaitableState : uint8_t { initial, iterating, closed };

struct AsyncGeneratorAwaitable : Object {
  Ref<> generator;   // the async generator
  Ref<> argument;    // asend: the value to send first; athrow: the exception to throw
  AwaitableKind kind = AwaitableKind::asend;
  AwaitableState state = AwaitableState::initial;
};

Type asend_type = builtin_type<AsyncGeneratorAwaitable>("async_generator_asend", 0);
Type athrow_type = builtin_type<AsyncGeneratorAwaitable>("async_generator_athrow", 0);

AsyncGeneratorAwaitable* as_awaitable(Object* self) {
  return static_cast<AsyncGeneratorAwaitable*>(self);
}

Ref<> make_awaitable(Object* generator, Object* argument, AwaitableKind kind) {
  Ref<AsyncGeneratorAwaitable> awaitable = make_object<AsyncGeneratorAwaitable>(
      kind == AwaitableKind::asend ? &asend_type : &athrow_type);
  if (!awaitable) return nullptr;
  awaitable->generator = Ref<>::borrow(generator);
  awaitable->argument = Ref<>::borrow(argument);
  awaitable->kind = kind;
  return awaitable;
}

// Interprets one resumption of the generator for the awaitable.
Ref<> finish(AsyncGeneratorAwaitable* awaitable, Generator* generator, ResumeResult result) {
  switch (result.status) {
    case ResumeStatus::yielded:
      if (!generator->last_yield_was_own) return std::move(result.value);
      awaitable->state = AwaitableState::closed;
      generator->async_running = false;
      if (awaitable->kind == AwaitableKind::aclose)
        return raise(runtime_error_type, "async generator ignored GeneratorExit");
      return raise_stop_iteration(result.value.get());
    case ResumeStatus::returned:
      awaitable->state = AwaitableState::closed;
      generator->async_running = false;
      if (awaitable->kind == AwaitableKind::aclose) return raise_stop_iteration(nullptr);
      return raise_empty(stop_async_iteration_type);
    default:
      awaitable->state = AwaitableState::closed;
      generator->async_running = false;
      if (awaitable->kind == AwaitableKind::aclose &&
          (exception_matches(generator_exit_type) ||
           exception_matches(stop_async_iteration_type))) {
        clear_exception();
        return raise_stop_iteration(nullptr);
      }
      return nullptr;
  }
}

// send(value) on the awaitable: one step of the asend/athrow/aclose operation.
Ref<> awaitable_send(AsyncGeneratorAwaitable* awaitable, Object* value) {
  Generator* generator = static_cast<Generator*>(awaitable->generator.get());
  if (awaitable->state == AwaitableState::closed)
    return raise(runtime_error_type,
                 awaitable->kind == AwaitableKind::asend
                     ? "cannot reuse already awaited __anext__()/asend()"
                     : "cannot reuse already awaited aclose()/athrow()");
  generator->last_yield_was_own = false;
  if (awaitable->state == AwaitableState::initial) {
    if (generator->async_running)
      return raise(runtime_error_type,
                   awaitable->kind == AwaitableKind::asend
                       ? "anext(): asynchronous generator is already running"
                       : "athrow(): asynchronous generator is already running");
    Frame* frame = generator->frame;
    bool finished = !frame || frame->finished || generator->closed_async;
    if (awaitable->kind == AwaitableKind::aclose && (finished || !generator->started)) {
      awaitable->state = AwaitableState::closed;
      generator->closed_async = true;
      if (frame && !frame->finished) close_generator(generator);
      return raise_stop_iteration(nullptr);
    }
    if (finished) {
      awaitable->state = AwaitableState::closed;
      if (awaitable->kind == AwaitableKind::asend) return raise_empty(stop_async_iteration_type);
      set_exception(awaitable->argument);
      return nullptr;
    }
    awaitable->state = AwaitableState::iterating;
    generator->async_running = true;
    if (awaitable->kind == AwaitableKind::asend) {
      Object* first = is_none(value) ? awaitable->argument.get() : value;
      return finish(awaitable, generator,
                    resume_generator(generator, EntryMode::send, first, false));
    }
    Ref<> exception = awaitable->argument;
    if (awaitable->kind == AwaitableKind::aclose) {
      generator->closed_async = true;
      exception = make_exception(generator_exit_type, empty_tuple());
      if (!exception) return nullptr;
    }
    return finish(awaitable, generator,
                  resume_generator(generator, EntryMode::throw_, exception.get(), false));
  }
  return finish(awaitable, generator, resume_generator(generator, EntryMode::send, value, false));
}

Ref<> awaitable_iter(Object* self) { return Ref<>::borrow(self); }
Ref<> awaitable_next(Object* self) { return awaitable_send(as_awaitable(self), &none_object); }

Ref<> awaitable_send_method(Object* self, CallArgs args) {
  if (!check_positional("send", args, 1, 1)) return nullptr;
  return awaitable_send(as_awaitable(self), args.values[0]);
}

Ref<> awaitable_throw_method(Object* self, CallArgs args) {
  AsyncGeneratorAwaitable* awaitable = as_awaitable(self);
  Ref<> exception = normalize_thrown_exception(args, "throw");
  if (!exception) return nullptr;
  if (awaitable->state == AwaitableState::closed)
    return raise(runtime_error_type, "cannot reuse already awaited __anext__()/asend()");
  Generator* generator = static_cast<Generator*>(awaitable->generator.get());
  generator->last_yield_was_own = false;
  awaitable->state = AwaitableState::iterating;
  generator->async_running = true;
  return finish(awaitable, generator,
                resume_generator(generator, EntryMode::throw_, exception.get(), false));
}

Ref<> awaitable_close_method(Object* self, CallArgs args) {
  if (!check_positional("close", args, 0, 0)) return nullptr;
  as_awaitable(self)->state = AwaitableState::closed;
  return none();
}

const NativeMethod awaitable_methods[] = {
    {"send", awaitable_send_method},
    {"throw", awaitable_throw_method},
    {"close", awaitable_close_method},
    {nullptr, nullptr},
};

// --- async_generator -------------------------------------------------------------------------

Ref<> async_generator_aiter(Object* self) { return Ref<>::borrow(self); }
Ref<> async_generator_anext(Object* self) {
  return make_awaitable(self, &none_object, AwaitableKind::asend);
}

Ref<> async_generator_asend(Object* self, CallArgs args) {
  if (!check_positional("asend", args, 1, 1)) return nullptr;
  return make_awaitable(self, args.values[0], AwaitableKind::asend);
}

Ref<> async_generator_athrow(Object* self, CallArgs args) {
  Ref<> exception = normalize_thrown_exception(args, "athrow");
  if (!exception) return nullptr;
  return make_awaitable(self, exception.get(), AwaitableKind::athrow);
}

Ref<> async_generator_aclose(Object* self, CallArgs args) {
  if (!check_positional("aclose", args, 0, 0)) return nullptr;
  return make_awaitable(self, &none_object, AwaitableKind::aclose);
}

const NativeMethod async_generator_methods[] = {
    {"asend", async_generator_asend},
    {"athrow", async_generator_athrow},
    {"aclose", async_generator_aclose},
    {nullptr, nullptr},
};

Generator* as_generator(Object* self) { return static_cast<Generator*>(self); }
Ref<> get_frame(Object* self) {
  Frame* frame = as_generator(self)->frame;
  if (!frame || frame->finished) return none();
  return Ref<>::borrow(frame);
}
Ref<> get_running(Object* self) { return make_bool(as_generator(self)->async_running); }
Ref<> get_code(Object* self) {
  Frame* frame = as_generator(self)->frame;
  return frame && frame->code ? Ref<>::borrow(frame->code) : none();
}
Ref<> get_name(Object* self) { return as_generator(self)->name; }
Ref<> get_qualified_name(Object* self) { return as_generator(self)->qualified_name; }

const GetSetDefinition async_generator_getsets[] = {
    {"ag_frame", get_frame, nullptr},
    {"ag_running", get_running, nullptr},
    {"ag_code", get_code, nullptr},
    {"__name__", get_name, nullptr},
    {"__qualname__", get_qualified_name, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

int ready_async_generator_types() {
  Type* generator_like = &generator_type;
  async_generator_type.destruct = generator_like->destruct;
  async_generator_type.repr = generator_like->repr;
  async_generator_type.aiter = async_generator_aiter;
  async_generator_type.anext = async_generator_anext;
  install_methods(async_generator_type, async_generator_methods);
  if (install_getsets(async_generator_type, async_generator_getsets) < 0 ||
      ready_type(async_generator_type) < 0)
    return -1;
  for (Type* type : {&asend_type, &athrow_type}) {
    type->iter = awaitable_iter;
    type->next = awaitable_next;
    type->await = awaitable_iter;
    install_methods(*type, awaitable_methods);
    if (ready_type(*type) < 0) return -1;
  }
  return 0;
}

}  // namespace py
