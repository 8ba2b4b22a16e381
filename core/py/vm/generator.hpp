// Generators, coroutines and async generators (CPython's genobject.c): objects owning a
// suspended frame, resumed by send/throw/close and by the VM's FOR_ITER and YIELD_FROM.
//
// Design: one layout for the three kinds and for a module execution (the resumable run of
// a module's code, execution.hpp). When a Python frame delegates to a generator
// (`yield from`, `await`, `for`), the VM links the generator's frame onto its own chain
// instead of calling send(): no C++ recursion, and a blocking call deep inside suspends
// the whole chain. Builtins advancing a generator (next(), sum(), list()) run it in a
// nested dispatch loop. Cost: while a generator is delegated to by a suspended frame it
// counts as running, so resuming it directly raises "generator already executing"
// (CPython would let it run).
#pragma once

#include "core/py/objects/object.hpp"
#include "core/py/vm/eval.hpp"

namespace py {

enum class GeneratorKind : uint8_t { generator, coroutine, async_generator, module };

struct Generator : Object {
  Frame* frame = nullptr;        // owned: the suspended frame (kept after it finishes)
  Ref<> name;                    // __name__
  Ref<> qualified_name;          // __qualname__
  GeneratorKind kind = GeneratorKind::generator;  // which protocol it speaks
  bool running = false;          // gi_running: on a running chain (or delegated to)
  bool started = false;          // has run at least once
  bool last_yield_was_own = false;  // async generators: the last suspension was its own
                                    // `yield` (not an await inside it)
  bool async_running = false;    // async generators: an asend/athrow is in progress
  bool closed_async = false;     // async generators: aclose() finished it
  bool awaited_or_started = false;  // coroutines: for the "never awaited" warning
};

extern Type module_execution_type;

inline bool is_generator_like(const Object* object) {
  return object->type == &generator_type || object->type == &coroutine_type ||
         object->type == &async_generator_type;
}

// Wraps a fresh generator/coroutine/async generator frame (the code's flags say which)
// into its object, taking over the frame's reference. Null with MemoryError.
Ref<Generator> make_generator(Frame* frame, Object* name, Object* qualified_name);
// A module execution object around `frame` (taken over).
Ref<Generator> make_module_execution(Frame* frame);

// Resumes `generator` with `value` sent or thrown (EntryMode send/throw_), applying the
// checks of CPython's gen_send_ex (running, finished, non-None value to a fresh one).
// On return the generator is suspended again or finished. `suspendable` as run_frames.
ResumeResult resume_generator(Generator* generator, EntryMode mode, Object* value,
                              bool suspendable);

// Called by the VM when a generator's frame finishes (returned or raised).
void generator_finished(Generator* generator);

// The value of a StopIteration instance (args[0] or None). New reference.
Ref<> stop_iteration_value(Object* exception);
// Raises StopIteration(value) (StopIteration() for None). Returns null.
std::nullptr_t raise_stop_iteration(Object* value);

// gen.throw(exc) for generators, coroutines (and the athrow awaitable): the typ/val/tb
// forms normalized to an instance. New reference, or null with TypeError.
Ref<> normalize_thrown_exception(CallArgs args, const char* function_name);

int ready_generator_types();
// async_generator.cpp: async_generator, its asend/athrow awaitables.
int ready_async_generator_types();

}  // namespace py
