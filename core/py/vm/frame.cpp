// Frames: allocation with a free list, clearing, the frame type's attributes, and the
// questions builtins ask about the running frame (frame.hpp).
#include "core/py/vm/frame.hpp"

#include <cstdlib>
#include <cstring>

#include "core/py/objects/descriptors.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/eval_support.hpp"
#include "core/py/vm/function.hpp"

namespace py {

Type frame_type = builtin_type<Frame>("frame", 0);

FreeFrames free_frames;

namespace {

void free_slots(Frame* frame) {
  if (!frame->slots) return;
  std::free(frame->slots);
  runtime().heap_bytes -= frame->slot_capacity * sizeof(Object*);
  frame->slots = nullptr;
  frame->slot_capacity = 0;
}

bool reserve_slots(Frame* frame, size_t needed) {
  if (frame->slot_capacity >= needed) return true;
  free_slots(frame);
  Runtime& run = runtime();
  size_t bytes = (needed ? needed : 1) * sizeof(Object*);
  if (heap_in_use() + bytes > run.heap_limit) {
    raise_memory_error();
    return false;
  }
  frame->slots = static_cast<Object**>(std::malloc(bytes));
  if (!frame->slots) {
    raise_memory_error();
    return false;
  }
  run.heap_bytes += bytes;
  if (run.heap_bytes > run.heap_peak) run.heap_peak = run.heap_bytes;
  frame->slot_capacity = uint32_t(needed ? needed : 1);
  return true;
}

// Releases the plain-call frames a suspended frame owns through `delegate` (a chain that
// blocked and will never be resumed). Generator frames belong to their generators.
void release_owned_callees(Frame* frame) {
  Frame* callee = frame->delegate;
  frame->delegate = nullptr;
  while (callee && callee->return_kind == FrameReturn::push_result) {
    Frame* next = callee->delegate;
    callee->delegate = nullptr;
    callee->back = nullptr;
    release_frame(callee);
    callee = next;
  }
}

void frame_destruct(Object* self) {
  Frame* frame = static_cast<Frame*>(self);
  if (frame->code) clear_frame(frame);
  drop_namespaces(frame);
  free_slots(frame);
  frame->~Frame();
}

void forget_free_frames() {
  // The run's heap teardown frees them with everything else.
  free_frames = {};
}

// --- attributes ----------------------------------------------------------------------------

Frame* as_frame(Object* self) { return static_cast<Frame*>(self); }

Ref<> get_code(Object* self) { return Ref<>::borrow(as_frame(self)->code); }
Ref<> get_line(Object* self) { return make_int(as_frame(self)->line()); }
Ref<> get_globals(Object* self) { return Ref<>::borrow(as_frame(self)->globals); }
Ref<> get_builtins(Object* self) { return Ref<>::borrow(as_frame(self)->builtins); }
Ref<> get_locals(Object* self) { return frame_locals(as_frame(self)); }
Ref<> get_back(Object* self) {
  Frame* back = as_frame(self)->back;
  return back ? Ref<>::borrow(back) : none();
}
Ref<> get_last_instruction(Object* self) {
  uint32_t index = as_frame(self)->instruction_index;
  return make_int(index > 0 ? int64_t(index - 1) * 2 : -1);
}

const GetSetDefinition frame_getsets[] = {
    {"f_code", get_code, nullptr},
    {"f_lineno", get_line, nullptr},
    {"f_globals", get_globals, nullptr},
    {"f_builtins", get_builtins, nullptr},
    {"f_locals", get_locals, nullptr},
    {"f_back", get_back, nullptr},
    {"f_lasti", get_last_instruction, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

bool frame_super_arguments(Type** cls, Object** self);

Frame* take_frame_from_heap(size_t slot_count) {
  Frame* frame;
  if (free_frames.first) {
    frame = free_frames.first;
    free_frames.first = frame->back;
    --free_frames.count;
    frame->back = nullptr;
  } else {
    frame = make_object<Frame>(&frame_type).release();
    if (!frame) return nullptr;
  }
  if (!reserve_slots(frame, slot_count)) {
    decref(frame);
    return nullptr;
  }
  return frame;
}

Frame* make_frame(Code* code, Dict* globals, Dict* builtins, Object* locals_mapping) {
  Frame* frame = take_frame(code, globals, builtins, locals_mapping);
  if (!frame) return nullptr;
  // A code with no locals and no value stack (module code that is one endless loop) has
  // no slots: memset's pointer must not be null even for zero bytes.
  if (size_t count = named_slot_count(code)) std::memset(frame->slots, 0, count * sizeof(Object*));
  return frame;
}

void clear_frame(Frame* frame) {
  if (frame->delegate) release_owned_callees(frame);
  if (frame->code && frame->slots) {
    empty_named_slots(frame);
    Object** stack = frame->stack_base();
    uint32_t depth = frame->stack_depth;
    frame->stack_depth = 0;
    for (uint32_t i = 0; i < depth; ++i) xdecref(stack[i]);
  }
  frame->block_count = 0;
  Object* handled = frame->handled_exception;
  frame->handled_exception = nullptr;
  xdecref(handled);
}

void release_frame(Frame* frame) {
  if (frame->refcount == 1 && free_frames.count < kMaxFreeFrames) {
    clear_frame(frame);
    drop_namespaces(frame);
    push_free_frame(frame);
    return;
  }
  decref(frame);
}

int ready_frame_type() {
  current_frame_super_arguments = frame_super_arguments;
  forget_free_frames();
  on_run_end(forget_free_frames);
  frame_type.destruct = frame_destruct;
  if (install_getsets(frame_type, frame_getsets) < 0) return -1;
  return ready_type(frame_type);
}

// --- the running frame -----------------------------------------------------------------------

Frame* current_frame() { return vm_state.current; }
void set_current_frame(Frame* frame) { vm_state.current = frame; }

Object* current_handled_exception() {
  for (Frame* frame = vm_state.current; frame; frame = frame->back)
    if (frame->handled_exception) return frame->handled_exception;
  return nullptr;
}

Dict* current_globals() { return vm_state.current ? vm_state.current->globals : nullptr; }

Ref<> current_locals() {
  if (!vm_state.current) return make_dict();
  return frame_locals(vm_state.current);
}

Ref<> frame_locals(Frame* frame) {
  if (frame->locals_mapping) return Ref<>::borrow(frame->locals_mapping);
  Ref<Dict> locals = make_dict();
  if (!locals || !frame->code) return locals;
  Code* code = frame->code;
  for (size_t i = 0; i < code->local_names.size(); ++i) {
    if (frame->slots[i] && dict_set(locals.get(), code->local_names[i].get(), frame->slots[i]) < 0)
      return nullptr;
  }
  Object** cells = frame->cells();
  size_t cell_count = code->cell_names.size();
  for (size_t i = 0; i < cell_count + code->free_names.size(); ++i) {
    Object* contents = cells[i] ? static_cast<Cell*>(cells[i])->contents.get() : nullptr;
    if (!contents) continue;
    Str* name = i < cell_count ? code->cell_names[i].get()
                               : code->free_names[i - cell_count].get();
    if (dict_set(locals.get(), name, contents) < 0) return nullptr;
  }
  return locals;
}

// super() without arguments (descriptors.hpp's hook, installed by ready_frame_type).
bool frame_super_arguments(Type** cls, Object** self) {
  Frame* frame = vm_state.current;
  if (!frame) {
    raise(runtime_error_type, "super(): no current frame");
    return false;
  }
  Code* code = frame->code;
  if (code->argument_count == 0 && !(code->flags & code_flag_varargs)) {
    raise(runtime_error_type, "super(): no arguments");
    return false;
  }
  Object* first = frame->locals()[0];
  for (const auto& [cell_index, local_index] : code->cell_parameters) {
    if (local_index == 0)
      first = static_cast<Cell*>(frame->cells()[cell_index])->contents.get();
  }
  if (!first && (code->flags & code_flag_varargs) && code->argument_count == 0) {
    Object* varargs = frame->locals()[code->keyword_only_count];
    if (varargs && is_tuple(varargs) && tuple_size(static_cast<Tuple*>(varargs)) > 0)
      first = static_cast<Tuple*>(varargs)->items[0].get();
  }
  if (!first) {
    raise(runtime_error_type, "super(): arg[0] deleted");
    return false;
  }
  size_t cell_count = code->cell_names.size();
  for (size_t i = 0; i < code->free_names.size(); ++i) {
    if (code->free_names[i]->value != "__class__") continue;
    Object* contents = static_cast<Cell*>(frame->cells()[cell_count + i])->contents.get();
    if (!contents) {
      raise(runtime_error_type, "super(): empty __class__ cell");
      return false;
    }
    if (!is_instance(contents, type_type)) {
      raise_format(runtime_error_type, "super(): __class__ is not a type ({})",
                   type_name(contents->type));
      return false;
    }
    *cls = static_cast<Type*>(contents);
    *self = first;
    return true;
  }
  raise(runtime_error_type, "super(): __class__ cell not found");
  return false;
}

}  // namespace py
