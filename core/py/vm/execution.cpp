// execution.hpp's entry points: module executions, resume(), call_python(), the blocking
// call hand-off, and readying the VM's types for a run.
#include "core/py/vm/execution.hpp"

#include <memory>

#include "core/py/compiler/code.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/module.hpp"
#include "core/py/objects/ready.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/eval_support.hpp"
#include "core/py/vm/function.hpp"
#include "core/py/vm/generator.hpp"
#include "core/py/vm/traceback.hpp"

namespace py {
namespace {

// The type of the blocked marker: never readied, never seen by Python code.
Type blocked_marker_type = builtin_type<Object>("blocked_marker", 0);
Object blocked_marker_object = {immortal_refcount, &blocked_marker_type};

void forget_vm_state() {
  delete vm_state.pending_block;
  vm_state = VmState{};
}

// The builtins namespace a module's code sees: its globals' __builtins__ (a module or a
// dict), else the run's.
Dict* builtins_for(Dict* globals) {
  Object* builtins = dict_lookup_str(globals, "__builtins__");
  if (builtins && is_dict(builtins)) return static_cast<Dict*>(builtins);
  if (builtins && is_instance(builtins, module_type)) return static_cast<Module*>(builtins)->dict.get();
  return runtime().builtins;
}

// A resume result from an awaitable driven through its send()/throw() methods.
ResumeResult resume_through_methods(Object* execution, Object* value, bool throw_exception) {
  Ref<> outcome = call_method(execution, throw_exception ? "throw" : "send", {value});
  if (outcome) return {ResumeStatus::yielded, std::move(outcome)};
  if (!exception_matches(stop_iteration_type)) return {ResumeStatus::raised, nullptr};
  Ref<> stop = take_exception();
  return {ResumeStatus::returned, stop_iteration_value(stop.get())};
}

}  // namespace

Object* blocked_marker() { return &blocked_marker_object; }

Ref<> request_blocking_call(BlockingCall* call) {
  std::unique_ptr<BlockingCall> owned(call);
  if (!vm_state.suspendable) {
    return raise_format(runtime_error_type,
                        "{} cannot block inside code called from a built-in function",
                        owned->name());
  }
  delete vm_state.pending_block;
  vm_state.pending_block = owned.release();
  return Ref<>::borrow(blocked_marker());
}

BlockingCall* take_blocking_call() {
  BlockingCall* call = vm_state.pending_block;
  vm_state.pending_block = nullptr;
  return call;
}

Ref<> start_module_execution(Code* code, Dict* globals) {
  Frame* frame = make_frame(code, globals, builtins_for(globals), globals);
  if (!frame) return nullptr;
  return make_module_execution(frame);
}

ResumeResult resume(Object* execution, Object* value, bool throw_exception) {
  EntryMode mode = throw_exception ? EntryMode::throw_ : EntryMode::send;
  if (execution->type == &module_execution_type) {
    Generator* module = static_cast<Generator*>(execution);
    if (!module->started && !throw_exception) mode = EntryMode::start;
    return resume_generator(module, mode, value, true);
  }
  if (is_generator_like(execution))
    return resume_generator(static_cast<Generator*>(execution), mode, value, true);
  return resume_through_methods(execution, value, throw_exception);
}

namespace {

// Runs a fresh frame to its end in a nested loop; the frame is released.
Ref<> run_to_end(Frame* frame) {
  frame->back = current_frame();
  frame->return_kind = FrameReturn::to_native;
  ResumeResult result = run_frames(frame, EntryMode::start, nullptr, false);
  release_frame(frame);
  if (result.status == ResumeStatus::returned) return std::move(result.value);
  if (result.status == ResumeStatus::yielded)
    return raise(system_error_type, "module-level code yielded");
  return nullptr;
}

}  // namespace

Ref<> call_python(Object* function, CallArgs args) {
  if (!is_function(function)) return call(function, args);
  if (!check_recursion(" while calling a Python object")) return nullptr;
  Function* python_function = static_cast<Function*>(function);
  Frame* frame = bind_arguments(python_function, args);
  if (!frame) return nullptr;
  if (frame->code->flags & (code_flag_generator | code_flag_coroutine | code_flag_async_generator))
    return make_generator(frame, python_function->name.get(),
                          python_function->qualified_name.get());
  return run_to_end(frame);
}


Ref<> run_class_body(Object* body, Object* namespace_mapping) {
  if (!is_function(body))
    return raise(type_error_type, "__build_class__: func must be a function");
  if (!check_recursion(" while calling a Python object")) return nullptr;
  Frame* frame = bind_arguments(static_cast<Function*>(body), CallArgs{});
  if (!frame) return nullptr;
  incref(namespace_mapping);
  frame->locals_mapping = namespace_mapping;
  return run_to_end(frame);
}

Ref<> run_code(Code* code, Dict* globals, Object* locals_mapping) {
  if (!check_recursion(" while calling a Python object")) return nullptr;
  Frame* frame = make_frame(code, globals, builtins_for(globals), locals_mapping);
  if (!frame) return nullptr;
  return run_to_end(frame);
}

void ready_vm_types() {
  forget_vm_state();
  on_run_end(forget_vm_state);
  if (ready_function_types() < 0 || ready_frame_type() < 0 || ready_traceback_type() < 0 ||
      ready_generator_types() < 0)
    clear_exception();  // MemoryError while readying: the run fails on first use instead
}

}  // namespace py
