// Generators, coroutines and module executions: resuming, send/throw/close, and their
// types (generator.hpp). Async generators' awaitables are in async_generator.cpp.
#include "core/py/vm/generator.hpp"

#include <string>
#include <utility>

#include "core/py/compiler/code.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/eval_support.hpp"
#include "core/py/vm/traceback.hpp"

namespace py {

Type generator_type = builtin_type<Generator>("generator", 0);
Type coroutine_type = builtin_type<Generator>("coroutine", 0);
Type module_execution_type = builtin_type<Generator>("module_execution", 0);

namespace {

// A coroutine's __await__() iterator (CPython's coroutine_wrapper).
struct CoroutineWrapper : Object {
  Ref<> coroutine;  // the coroutine it drives
};
Type coroutine_wrapper_type = builtin_type<CoroutineWrapper>("coroutine_wrapper", 0);

Generator* as_generator(Object* self) { return static_cast<Generator*>(self); }

const char* kind_noun(const Generator* generator) {
  switch (generator->kind) {
    case GeneratorKind::coroutine: return "coroutine";
    case GeneratorKind::async_generator: return "async generator";
    default: return "generator";
  }
}

// "main.py:3: RuntimeWarning: coroutine 'f' was never awaited", once per location and
// name, as CPython's default warning filter prints it. One freed `at_exit` (the run's teardown, as
// CPython's shutdown frees what a traceback still holds) has no frame: "sys:1: ...".
void warn_never_awaited(Generator* coroutine, bool at_exit) {
  auto& reported = runtime().never_awaited_warned;
  std::string name = coroutine->qualified_name && is_str(coroutine->qualified_name.get())
                         ? static_cast<Str*>(coroutine->qualified_name.get())->value
                         : "?";
  Frame* frame = at_exit ? nullptr : current_frame();
  std::string text;
  if (frame && frame->code) {
    std::string filename = frame->code->filename ? frame->code->filename->value : "?";
    int line = frame->line();
    if (!reported.insert({filename, line, name}).second) return;
    text = format_message("{}:{}: RuntimeWarning: coroutine '{}' was never awaited\n", filename,
                          line, name);
    std::string source;
    if (source_line(filename, line, &source)) {
      std::string_view shown = source;
      size_t begin = shown.find_first_not_of(" \t\f\r");
      if (begin != std::string_view::npos) {
        size_t last = shown.find_last_not_of(" \t\f\r");
        text += "  " + std::string(shown.substr(begin, last - begin + 1)) + "\n";
      }
    }
    text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
  } else {
    if (!reported.insert({"sys", 1, name}).second) return;
    text = format_message("sys:1: RuntimeWarning: coroutine '{}' was never awaited\n", name);
  }
  write_stderr(text);
}

// A suspended generator being freed is closed first so its finally blocks run (CPython's
// finalizer); errors are reported as "Exception ignored in" and dropped.
void finalize(Generator* generator) {
  Frame* frame = generator->frame;
  if (!frame || frame->finished || generator->running) return;
  if (generator->kind == GeneratorKind::coroutine && !generator->started) {
    warn_never_awaited(generator, false);
    return;
  }
  if (!generator->started || generator->kind == GeneratorKind::module) return;
  Ref<> pending = take_exception();
  generator->refcount = 1;  // alive while its code runs
  if (close_generator(generator) < 0) {
    Ref<> error = take_exception();
    Ref<Str> described = repr(generator);
    clear_exception();
    write_stderr(format_message("Exception ignored in: {}\n",
                                described ? described->value : std::string("<generator>")));
    if (error) write_stderr(format_traceback(error.get()));
  }
  generator->refcount = 0;
  set_exception(std::move(pending));
}

void generator_destruct(Object* self) {
  Generator* generator = as_generator(self);
  if (self->refcount == 0) {
    finalize(generator);  // not during the run's teardown, which only warns
  } else if (generator->kind == GeneratorKind::coroutine && !generator->started &&
             generator->frame && !generator->frame->finished) {
    warn_never_awaited(generator, true);
  }
  Frame* frame = generator->frame;
  generator->frame = nullptr;
  if (frame) {
    frame->generator = nullptr;
    release_frame(frame);
  }
  generator->~Generator();
}

Ref<> generator_repr(Object* self) {
  Generator* generator = as_generator(self);
  const char* kind = generator->kind == GeneratorKind::async_generator ? "async_generator"
                                                                        : type_name(self->type);
  std::string name = generator->qualified_name && is_str(generator->qualified_name.get())
                         ? static_cast<Str*>(generator->qualified_name.get())->value
                         : "?";
  return make_str(format_message("<{} object {} at {:#x}>", kind, name, uintptr_t(self)));
}

Ref<> generator_iter(Object* self) { return Ref<>::borrow(self); }

// Converts a resume result for the iterator protocol (next): a return ends the iteration.
Ref<> as_next_result(ResumeResult result) {
  switch (result.status) {
    case ResumeStatus::yielded: return std::move(result.value);
    case ResumeStatus::returned:
      if (!result.value || is_none(result.value.get())) return nullptr;
      return raise_stop_iteration(result.value.get());
    default: return nullptr;
  }
}

// For send(): a return is StopIteration(value).
Ref<> as_send_result(ResumeResult result) {
  switch (result.status) {
    case ResumeStatus::yielded: return std::move(result.value);
    case ResumeStatus::returned: return raise_stop_iteration(result.value.get());
    default: return nullptr;
  }
}

Ref<> generator_next(Object* self) {
  return as_next_result(resume_generator(as_generator(self), EntryMode::send, &none_object, false));
}

Ref<> generator_send(Object* self, CallArgs args) {
  if (!check_positional("send", args, 1, 1)) return nullptr;
  return as_send_result(resume_generator(as_generator(self), EntryMode::send, args.values[0], false));
}

Ref<> generator_throw(Object* self, CallArgs args) {
  Ref<> exception = normalize_thrown_exception(args, "throw");
  if (!exception) return nullptr;
  return as_send_result(
      resume_generator(as_generator(self), EntryMode::throw_, exception.get(), false));
}

Ref<> generator_close(Object* self, CallArgs args) {
  if (!check_positional("close", args, 0, 0)) return nullptr;
  if (close_generator(self) < 0) return nullptr;
  return none();
}

// --- attributes ------------------------------------------------------------------------------

Ref<> get_frame(Object* self) {
  Frame* frame = as_generator(self)->frame;
  if (!frame || frame->finished) return none();
  return Ref<>::borrow(frame);
}
Ref<> get_running(Object* self) { return make_bool(as_generator(self)->running); }
Ref<> get_code(Object* self) {
  Frame* frame = as_generator(self)->frame;
  return frame && frame->code ? Ref<>::borrow(frame->code) : none();
}
// gi_yieldfrom / cr_await: the object a suspended frame delegates to.
Ref<> get_delegate(Object* self) {
  Frame* frame = as_generator(self)->frame;
  if (!frame || frame->finished || as_generator(self)->running) return none();
  if (frame->delegate && frame->delegate->generator)
    return Ref<>::borrow(frame->delegate->generator);
  const std::vector<uint32_t>& instructions = frame->code->instructions;
  if (frame->instruction_index < instructions.size() && frame->stack_depth > 0 &&
      instruction_opcode(instructions[frame->instruction_index]) == Opcode::YIELD_FROM)
    return Ref<>::borrow(frame->stack_base()[frame->stack_depth - 1]);
  return none();
}
Ref<> get_name(Object* self) { return as_generator(self)->name; }
int set_name(Object* self, Object* value) {
  if (!value || !is_str(value)) {
    raise(type_error_type, "__name__ must be set to a string object");
    return -1;
  }
  as_generator(self)->name = Ref<>::borrow(value);
  return 0;
}
Ref<> get_qualified_name(Object* self) { return as_generator(self)->qualified_name; }
int set_qualified_name(Object* self, Object* value) {
  if (!value || !is_str(value)) {
    raise(type_error_type, "__qualname__ must be set to a string object");
    return -1;
  }
  as_generator(self)->qualified_name = Ref<>::borrow(value);
  return 0;
}
Ref<> get_origin(Object*) { return none(); }

const GetSetDefinition generator_getsets[] = {
    {"gi_frame", get_frame, nullptr},
    {"gi_running", get_running, nullptr},
    {"gi_code", get_code, nullptr},
    {"gi_yieldfrom", get_delegate, nullptr},
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualified_name, set_qualified_name},
    {nullptr, nullptr, nullptr},
};
const GetSetDefinition coroutine_getsets[] = {
    {"cr_frame", get_frame, nullptr},
    {"cr_running", get_running, nullptr},
    {"cr_code", get_code, nullptr},
    {"cr_await", get_delegate, nullptr},
    {"cr_origin", get_origin, nullptr},
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualified_name, set_qualified_name},
    {nullptr, nullptr, nullptr},
};

const NativeMethod generator_methods[] = {
    {"send", generator_send},
    {"throw", generator_throw},
    {"close", generator_close},
    {nullptr, nullptr},
};

// --- coroutine_wrapper -----------------------------------------------------------------------

Ref<> coroutine_await(Object* self) {
  Ref<CoroutineWrapper> wrapper = make_object<CoroutineWrapper>(&coroutine_wrapper_type);
  if (!wrapper) return nullptr;
  wrapper->coroutine = Ref<>::borrow(self);
  return wrapper;
}

Object* wrapped(Object* self) { return static_cast<CoroutineWrapper*>(self)->coroutine.get(); }

Ref<> wrapper_next(Object* self) { return generator_next(wrapped(self)); }
Ref<> wrapper_send(Object* self, CallArgs args) { return generator_send(wrapped(self), args); }
Ref<> wrapper_throw(Object* self, CallArgs args) { return generator_throw(wrapped(self), args); }
Ref<> wrapper_close(Object* self, CallArgs args) { return generator_close(wrapped(self), args); }

const NativeMethod wrapper_methods[] = {
    {"send", wrapper_send},
    {"throw", wrapper_throw},
    {"close", wrapper_close},
    {nullptr, nullptr},
};

}  // namespace

// --- resuming --------------------------------------------------------------------------------

Ref<Generator> make_generator(Frame* frame, Object* name, Object* qualified_name) {
  uint32_t flags = frame->code->flags;
  Type* type = &generator_type;
  GeneratorKind kind = GeneratorKind::generator;
  if (flags & code_flag_coroutine) {
    type = &coroutine_type;
    kind = GeneratorKind::coroutine;
  } else if (flags & code_flag_async_generator) {
    type = &async_generator_type;
    kind = GeneratorKind::async_generator;
  }
  Ref<Generator> generator = make_object<Generator>(type);
  if (!generator) {
    release_frame(frame);
    return nullptr;
  }
  generator->frame = frame;
  generator->kind = kind;
  generator->name = Ref<>::borrow(name);
  generator->qualified_name = Ref<>::borrow(qualified_name);
  frame->generator = generator.get();
  return generator;
}

Ref<Generator> make_module_execution(Frame* frame) {
  Ref<Generator> execution = make_object<Generator>(&module_execution_type);
  if (!execution) {
    release_frame(frame);
    return nullptr;
  }
  execution->frame = frame;
  execution->kind = GeneratorKind::module;
  frame->generator = execution.get();
  return execution;
}

ResumeResult resume_generator(Generator* generator, EntryMode mode, Object* value,
                              bool suspendable) {
  if (generator->running) {
    raise_format(value_error_type, "{} already executing", kind_noun(generator));
    return {ResumeStatus::raised, nullptr};
  }
  Frame* frame = generator->frame;
  if (!frame || frame->finished) {
    if (generator->kind == GeneratorKind::coroutine) {
      raise(runtime_error_type, "cannot reuse already awaited coroutine");
      return {ResumeStatus::raised, nullptr};
    }
    if (mode == EntryMode::throw_) {
      set_exception(Ref<>::borrow(value));
      return {ResumeStatus::raised, nullptr};
    }
    return {ResumeStatus::returned, none()};
  }
  if (!generator->started && mode == EntryMode::send && !is_none(value) &&
      generator->kind != GeneratorKind::module) {
    raise_format(type_error_type, "can't send non-None value to a just-started {}",
                 kind_noun(generator));
    return {ResumeStatus::raised, nullptr};
  }
  generator->running = true;
  generator->started = true;
  frame->back = current_frame();
  frame->return_kind = FrameReturn::to_native;
  Ref<> keep = Ref<>::borrow(generator);
  ResumeResult result = run_frames(frame, mode, value, suspendable);
  generator->running = false;
  frame->back = nullptr;
  return result;
}

void generator_finished(Generator* generator) {
  generator->running = false;
  Frame* frame = generator->frame;
  if (!frame) return;
  frame->finished = true;
  clear_frame(frame);  // its locals go now, as CPython clears a finished frame
}

int close_generator(Object* object) {
  Generator* generator = as_generator(object);
  Frame* frame = generator->frame;
  if (!frame || frame->finished) return 0;
  if (!generator->started) {
    frame->finished = true;
    clear_frame(frame);
    return 0;
  }
  Ref<> exit = make_exception(generator_exit_type, empty_tuple());
  if (!exit) return -1;
  ResumeResult result = resume_generator(generator, EntryMode::throw_, exit.get(), false);
  if (result.status == ResumeStatus::yielded) {
    raise_format(runtime_error_type, "{} ignored GeneratorExit", kind_noun(generator));
    return -1;
  }
  if (result.status == ResumeStatus::raised) {
    if (exception_matches(generator_exit_type) || exception_matches(stop_iteration_type)) {
      clear_exception();
      return 0;
    }
    return -1;
  }
  return 0;
}

Ref<> stop_iteration_value(Object* exception) {
  BaseException* stop = static_cast<BaseException*>(exception);
  if (stop->args && tuple_size(stop->args.get()) > 0) return stop->args->items[0];
  return none();
}

std::nullptr_t raise_stop_iteration(Object* value) {
  Ref<Tuple> args = !value || is_none(value) ? empty_tuple() : make_tuple({value});
  if (!args) return nullptr;
  Ref<> exception = make_exception(stop_iteration_type, std::move(args));
  if (exception) set_exception(std::move(exception));
  return nullptr;
}

Ref<> normalize_thrown_exception(CallArgs args, const char* function_name) {
  if (!check_positional(function_name, args, 1, 3)) return nullptr;
  Object* kind = args.values[0];
  Object* value = args.count > 1 ? args.values[1] : nullptr;
  Object* traceback = args.count > 2 ? args.values[2] : nullptr;
  if (traceback && !is_none(traceback) && traceback->type != &traceback_type)
    return raise(type_error_type, "throw() third argument must be a traceback object");
  Ref<> exception;
  if (is_instance(kind, type_type) && is_subtype(static_cast<Type*>(kind), &base_exception_type)) {
    if (value && is_exception(value) && is_instance(value, *static_cast<Type*>(kind))) {
      exception = Ref<>::borrow(value);
    } else {
      Ref<Tuple> constructor_args;
      if (!value || is_none(value)) constructor_args = empty_tuple();
      else if (is_tuple(value)) constructor_args = Ref<Tuple>::borrow(static_cast<Tuple*>(value));
      else constructor_args = make_tuple({value});
      if (!constructor_args) return nullptr;
      exception = make_exception(*static_cast<Type*>(kind), std::move(constructor_args));
      if (!exception) return nullptr;
    }
  } else if (is_exception(kind)) {
    if (value && !is_none(value))
      return raise(type_error_type, "instance exception may not have a separate value");
    exception = Ref<>::borrow(kind);
  } else {
    return raise_format(type_error_type,
                        "exceptions must be classes or instances deriving from BaseException, "
                        "not {}",
                        type_name(kind->type));
  }
  if (traceback && !is_none(traceback))
    static_cast<BaseException*>(exception.get())->traceback = Ref<>::borrow(traceback);
  return exception;
}

int ready_generator_types() {
  for (Type* type : {&generator_type, &coroutine_type, &module_execution_type}) {
    type->destruct = generator_destruct;
    type->repr = generator_repr;
  }
  generator_type.iter = generator_iter;
  generator_type.next = generator_next;
  install_methods(generator_type, generator_methods);
  if (install_getsets(generator_type, generator_getsets) < 0 || ready_type(generator_type) < 0)
    return -1;

  coroutine_type.await = coroutine_await;
  install_methods(coroutine_type, generator_methods);
  if (install_getsets(coroutine_type, coroutine_getsets) < 0 || ready_type(coroutine_type) < 0)
    return -1;
  if (ready_type(module_execution_type) < 0) return -1;

  coroutine_wrapper_type.iter = generator_iter;
  coroutine_wrapper_type.next = wrapper_next;
  install_methods(coroutine_wrapper_type, wrapper_methods);
  if (ready_type(coroutine_wrapper_type) < 0) return -1;
  return ready_async_generator_types();
}

}  // namespace py
