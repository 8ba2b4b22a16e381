// Frames: the activation record of one running piece of Python code (a module, a class
// body, a function call, a generator), kept on the heap so the VM is stackless.
//
// Design: a Frame is a Python object (frame_type: tracebacks and generators keep it alive)
// with one malloc'd array of slots holding, in order, the fast locals, the cells (cell
// variables then free variables), the value stack and the block stack. Frames that die
// with no other owner than the VM go to a free list with their slot array, so a Python
// call allocates nothing once the list is warm. The slot array is malloc'd, not from the
// object heap (whose teardown treats every block as an object); its bytes are still
// counted against the run's heap cap. Cost: a frame kept by a traceback keeps its locals
// alive until the traceback dies, as in CPython.
#pragma once

#include <cstdint>

#include "core/py/compiler/code.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/object.hpp"

namespace py {

// A block of the block stack (opcodes.hpp's exception-handling rules).
enum class BlockKind : uint8_t {
  handler,         // SETUP_FINALLY / SETUP_WITH / SETUP_ASYNC_WITH: jump to `handler`
  except_handler,  // pushed when a handler starts; POP_EXCEPT pops it
};

struct Block {
  BlockKind kind;        // what the block is
  uint32_t handler;      // instruction index of the handler (handler blocks)
  uint32_t stack_depth;  // value stack depth to cut back to when the block is unwound
};

// How a frame's result goes back to the frame below it on the chain (`back`).
enum class FrameReturn : uint8_t {
  to_native,      // the entry frame of a dispatch loop: its result leaves the loop
  push_result,    // a call: the result is pushed on the caller's stack
  yield_from,     // a generator/coroutine delegated to by YIELD_FROM: its return value
                  // replaces the receiver on the caller's stack; its yields suspend the
                  // whole chain
  for_iter,       // a generator advanced by FOR_ITER: a yield pushes the value on the
                  // caller's stack, a return ends the loop
};

// The named slots of a frame for `code`: locals, then cells, then free variables.
inline size_t named_slot_count(const Code* code) {
  return code->local_names.size() + code->cell_names.size() + code->free_names.size();
}

struct Frame : Object {
  Code* code = nullptr;             // owned: what runs
  Frame* back = nullptr;            // borrowed: the frame below on the thread's chain while
                                    // this one runs (null when suspended or outermost)
  Object** slots = nullptr;         // owned array (malloc): locals, cells, stack, blocks
  uint32_t slot_capacity = 0;       // how many Object* the array holds (blocks included)
  uint32_t instruction_index = 0;   // the next instruction to run (saved at calls and
                                    // frame switches; the loop keeps it in a register)
  uint32_t stack_depth = 0;         // values on the value stack
  uint32_t block_count = 0;         // blocks on the block stack
  Dict* globals = nullptr;          // owned: the module namespace
  Dict* builtins = nullptr;         // owned: the builtins namespace
  Object* locals_mapping = nullptr; // owned: module/class bodies' namespace, else null
  Object* handled_exception = nullptr;  // owned: the exception its except/finally handler
                                        // is handling (sys.exc_info()), or null
  Object* generator = nullptr;      // borrowed: the generator/coroutine owning this frame
  Frame* delegate = nullptr;        // borrowed: the sub-generator's frame this frame waits
                                    // on in YIELD_FROM (its receiver on the stack owns it)
  FrameReturn return_kind = FrameReturn::to_native;  // where its result goes (see above)
  bool finished = false;            // returned or raised: it cannot run again

  // The slot areas.
  Object** locals() const { return slots; }
  Object** cells() const { return slots + code->local_names.size(); }
  Object** stack_base() const { return slots + named_slot_count(code); }
  Block* blocks() const { return reinterpret_cast<Block*>(stack_base() + code->stack_size); }
  // The line of the instruction running (or last run); f_lineno.
  int line() const {
    return code_position(code, instruction_index > 0 ? instruction_index - 1 : 0).line;
  }
};

extern Type frame_type;

// A frame ready to run `code` from its first instruction: locals unset, cells empty
// (free-variable cells are filled by the caller), owning references to `globals`,
// `builtins` and `locals_mapping` (which may be null). Null with MemoryError.
Frame* make_frame(Code* code, Dict* globals, Dict* builtins, Object* locals_mapping);

// Frames kept for reuse with their slot arrays, linked through `back`, their code and
// namespaces dropped: calls take one and returns give one back, so a warm call allocates
// nothing. The fast paths below are inline because the VM takes them on every call.
struct FreeFrames {
  Frame* first = nullptr;  // owned
  uint32_t count = 0;
};
extern FreeFrames free_frames;
constexpr uint32_t kMaxFreeFrames = 200;

// Slots a frame for `code` needs: locals, cells, stack, and the block stack rounded up.
inline size_t frame_slots_needed(const Code* code) {
  size_t block_slots = (code->block_depth * sizeof(Block) + sizeof(Object*) - 1) / sizeof(Object*);
  return named_slot_count(code) + code->stack_size + block_slots;
}

// take_frame's slow path: a frame from the free list given a bigger slot array, or a new
// one. Null with MemoryError.
Frame* take_frame_from_heap(size_t slot_count);

// make_frame without clearing the named slots (the caller fills them).
inline Frame* take_frame(Code* code, Dict* globals, Dict* builtins, Object* locals_mapping) {
  size_t slot_count = frame_slots_needed(code);
  Frame* frame = free_frames.first;
  if (frame && frame->slot_capacity >= slot_count) {
    free_frames.first = frame->back;
    --free_frames.count;
    frame->back = nullptr;
  } else {
    frame = take_frame_from_heap(slot_count);
    if (!frame) return nullptr;
  }
  incref(code);
  frame->code = code;
  incref(globals);
  frame->globals = globals;
  xincref(builtins);
  frame->builtins = builtins;
  xincref(locals_mapping);
  frame->locals_mapping = locals_mapping;
  frame->instruction_index = 0;
  frame->stack_depth = 0;
  frame->block_count = 0;
  frame->handled_exception = nullptr;
  frame->generator = nullptr;
  frame->delegate = nullptr;
  frame->return_kind = FrameReturn::to_native;
  frame->finished = false;
  return frame;
}

// A frame for a call of a plain function (Function::plain: no cells) passing exactly its
// positional parameters: takes over the references of `arguments[0..count)` as the first
// locals, whatever the outcome. Null with MemoryError.
inline Frame* make_plain_call_frame(Code* code, Dict* globals, Dict* builtins,
                                    Object** arguments, size_t count) {
  Frame* frame = take_frame(code, globals, builtins, nullptr);
  if (!frame) {
    for (size_t i = 0; i < count; ++i) decref(arguments[i]);
    return nullptr;
  }
  Object** locals = frame->slots;
  size_t local_count = code->local_names.size();
  for (size_t i = 0; i < count; ++i) locals[i] = arguments[i];
  for (size_t i = count; i < local_count; ++i) locals[i] = nullptr;
  return frame;
}

// Gives back the VM's reference to a frame: when nothing else holds the frame (no
// traceback, no generator), it is cleared and kept for reuse. Clears the value stack,
// locals and cells first either way, unless something else holds it (then only the stack
// and blocks, so tb_frame.f_locals still shows the locals).
void release_frame(Frame* frame);

// Drops every reference a frame's slots hold (locals, cells, stack) and its namespaces.
void clear_frame(Frame* frame);

// Empties the locals, cells and free slots, each slot before its value goes: a value's
// destructor may run Python code (a generator's finally) that looks at this frame.
inline void empty_named_slots(Frame* frame) {
  size_t named = named_slot_count(frame->code);
  Object** slots = frame->slots;
  for (size_t i = 0; i < named; ++i) {
    Object* value = slots[i];
    slots[i] = nullptr;
    xdecref(value);
  }
}

// Drops the frame's code and namespaces (null afterwards: what frame_destruct and
// frame_locals test).
inline void drop_namespaces(Frame* frame) {
  Code* code = frame->code;
  Dict* globals = frame->globals;
  Dict* builtins = frame->builtins;
  Object* mapping = frame->locals_mapping;
  frame->code = nullptr;
  frame->globals = nullptr;
  frame->builtins = nullptr;
  frame->locals_mapping = nullptr;
  xdecref(code);
  xdecref(globals);
  xdecref(builtins);
  xdecref(mapping);
}

// Puts an emptied frame on the free list (last: taking frames may run before this).
inline void push_free_frame(Frame* frame) {
  frame->back = free_frames.first;
  free_frames.first = frame;
  ++free_frames.count;
}

// release_frame for a call's frame that has returned (value stack empty, no delegate,
// no block): inline, and without clear_frame's stack walk.
inline void release_returned_frame(Frame* frame) {
  if (frame->refcount != 1 || free_frames.count >= kMaxFreeFrames ||
      frame->handled_exception || frame->locals_mapping) {
    release_frame(frame);
    return;
  }
  empty_named_slots(frame);
  drop_namespaces(frame);
  push_free_frame(frame);
}

// Readies frame_type (f_code, f_lineno, f_globals, f_locals, f_back, f_lasti).
int ready_frame_type();

// The frame running now (innermost), or null outside the VM. Borrowed.
Frame* current_frame();
void set_current_frame(Frame* frame);

// The exception being handled by the innermost handler on the current chain
// (sys.exc_info()[1]), or null. Borrowed.
Object* current_handled_exception();

// The namespace of the running frame (for builtins' globals()/locals()). Borrowed /
// a new reference (locals() of a function frame is a fresh dict snapshot).
Dict* current_globals();
Ref<> current_locals();
// f_locals: the mapping of a module/class frame, else a new dict of the set fast locals and
// cells. Null on MemoryError.
Ref<> frame_locals(Frame* frame);

}  // namespace py
