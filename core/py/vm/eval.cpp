// The dispatch loop: runs a chain of frames (eval.hpp), one instruction at a time.
//
// Design: one function holding the interpreter's registers in locals (instruction
// pointer, stack pointer, fast locals, constants), a computed-goto table generated from
// opcodes.hpp (a switch where the compiler lacks labels-as-values), and frame switches in
// place: a call of a Python function binds the arguments into a new frame and continues
// with it; RETURN_VALUE pops back to the caller. Exceptions are values: a failing
// operation leaves the exception in the runtime and jumps to `error`, which adds a
// traceback entry and unwinds the block stack (opcodes.hpp's rules). Rare or long
// operations live in eval_support.cpp so the loop stays small enough to keep its registers.
#include <cstring>

#include "core/host/host.hpp"
#include "core/py/compiler/code.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/set.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/eval_support.hpp"
#include "core/py/vm/except_star.hpp"
#include "core/py/vm/function.hpp"
#include "core/py/vm/generator.hpp"
#include "core/py/vm/name_cache.hpp"

namespace py {

VmState vm_state;

namespace {

constexpr int kMaxNativeNesting = 800;  // nested dispatch loops on the C++ stack

inline bool is_small_int(Object* object) {
  return object->type == &int_type && !static_cast<Int*>(object)->big;
}

// `a op b` for + - * // % of two int64 values; false for other operators, on overflow
// and for a divisor of 0 or -1 (the general path then computes it or raises).
inline bool small_int_operation(uint32_t op, int64_t a, int64_t b, int64_t* result) {
  // + and - first, before the switch: the commonest by far.
  if (op == uint32_t(BinaryOp::add)) return !__builtin_add_overflow(a, b, result);
  if (op == uint32_t(BinaryOp::subtract)) return !__builtin_sub_overflow(a, b, result);
  switch (BinaryOp(op)) {
    case BinaryOp::multiply: return !__builtin_mul_overflow(a, b, result);
    case BinaryOp::floor_divide:
      if (b == 0 || b == -1) return false;
      *result = a / b - ((a % b != 0) && ((a < 0) != (b < 0)));  // rounds toward -inf
      return true;
    case BinaryOp::modulo:
      if (b == 0 || b == -1) return false;
      *result = a % b;
      if (*result != 0 && ((*result < 0) != (b < 0))) *result += b;  // the divisor's sign
      return true;
    default: return false;
  }
}

// The instance __dict__ of an object whose class uses generic attribute access, or null.
inline Dict* generic_instance_dict(Object* owner) {
  size_t offset = owner->type->dict_offset;
  if (offset == 0) return nullptr;
  return *reinterpret_cast<Dict**>(reinterpret_cast<unsigned char*>(owner) + offset);
}

// Where LOAD_ATTR / STORE_ATTR instructions last found their name in an instance
// __dict__: an entry index per instruction address (hashed). A hint is only a guess,
// checked against the entry's key, so collisions cost a lookup, never a wrong answer.
// Instances of a class usually get their attributes in the same order, so one hint
// serves them all.
constexpr size_t kAttributeHints = 4096;  // a power of two
uint32_t attribute_hints[kAttributeHints];

uint32_t& attribute_hint(const uint32_t* instruction) {
  return attribute_hints[(uintptr_t(instruction) / sizeof(uint32_t)) & (kAttributeHints - 1)];
}

// What generic attribute access (object_type.cpp) finds for `owner.name` in the instance
// __dict__, when the class has no data descriptor of that name: the general path's answer
// without its calls or, when the hint holds, a hash probe (CPython 3.11's
// LOAD_ATTR_INSTANCE_VALUE). Borrowed; null when the general path must decide.
inline Object* plain_instance_attribute(Object* owner, Str* name, uint32_t& hint) {
  if (owner->type->get_attribute != generic_get_attribute) return nullptr;
  Dict* dict = generic_instance_dict(owner);
  if (!dict) return nullptr;
  Object* descriptor = type_lookup(owner->type, name);
  if (descriptor && descriptor->type->descriptor_get && descriptor->type->descriptor_set)
    return nullptr;
  if (hint < dict->entries.size() && dict->entries[hint].key.get() == name)
    return dict->entries[hint].value.get();
  int64_t index = dict_entry_index_str(dict, name);
  if (index < 0) return nullptr;
  hint = uint32_t(index);
  return dict->entries[size_t(index)].value.get();
}

// `owner.name = value` into an existing instance __dict__ when generic attribute
// assignment would put it there (no data descriptor on the class): 0, or -1 on error;
// 1 when the general path must decide.
inline int store_plain_instance_attribute(Object* owner, Str* name, Object* value,
                                          uint32_t& hint) {
  if (owner->type->set_attribute != generic_set_attribute) return 1;
  Dict* dict = generic_instance_dict(owner);
  if (!dict) return 1;
  Object* descriptor = type_lookup(owner->type, name);
  if (descriptor && descriptor->type->descriptor_set) return 1;
  if (hint < dict->entries.size() && dict->entries[hint].key.get() == name) {
    dict_replace_value(dict, hint, value);
    return 0;
  }
  int64_t index = dict_entry_index_str(dict, name);
  if (index >= 0) hint = uint32_t(index);
  return dict_set(dict, name, value);
}

// Global name `name_index` of `code` (borrowed): through the cache, else globals then
// builtins; NameError and null when neither has it.
inline Object* load_global(Code* code, uint32_t name_index, Frame* frame) {
  Object* found = cached_global(code, name_index, frame->globals, frame->builtins);
  if (!found) found = find_global(code, name_index, frame->globals, frame->builtins);
  if (!found) raise_name_error(code->names[name_index].get());
  return found;
}

// make_int(value).release(), forced inline: gcc keeps make_int out of line in this loop.
[[gnu::always_inline]] inline Object* new_int(int64_t value) {
  if (value >= smallest_cached_int && value <= largest_cached_int) {
    Int* cached = &small_ints.values[value - smallest_cached_int];
    incref(cached);
    return cached;
  }
  return make_uncached_int(value).release();
}

// `left op right` (new reference, or null on error): small ints computed here, anything
// else by `general` (binary_operation or inplace_operation).
inline Object* arithmetic(uint32_t op, Object* left, Object* right,
                          Ref<> (*general)(Object*, Object*, BinaryOp)) {
  int64_t result;
  if (is_small_int(left) && is_small_int(right) &&
      small_int_operation(op, static_cast<Int*>(left)->value, static_cast<Int*>(right)->value,
                          &result)) {
    return new_int(result);
  }
  return general(left, right, BinaryOp(op)).release();
}

// CPython's in-place concatenation: `s += t` (or `s = s + t`), where the str `s` is held
// only by the stack and by the variable the next instruction rebinds, appends to `s`
// instead of copying it, so building a string in a loop takes linear time, not quadratic.
// True when it did (`left` is then the result); false to take the general path.
inline bool concatenated_in_place(uint32_t op, Object* left, Object* right, uint32_t next,
                                  Frame* frame, Object** fast) {
  if (left->type != &str_type || BinaryOp(op) != BinaryOp::add || right->type != &str_type ||
      left->refcount != 2 || static_cast<Str*>(left)->interned)
    return false;
  const uint32_t index = next >> 8;
  switch (instruction_opcode(next)) {
    case Opcode::STORE_FAST:
      if (fast[index] != left) return false;
      break;
    case Opcode::STORE_NAME:  // at module level, where the names are the globals
      if (frame->locals_mapping != frame->globals) return false;
      [[fallthrough]];
    case Opcode::STORE_GLOBAL:
      if (dict_lookup_str(frame->globals, frame->code->names[index].get()) != left) return false;
      break;
    default:
      return false;
  }
  if (!str_append_in_place(static_cast<Str*>(left), static_cast<Str*>(right))) {
    clear_exception();  // the general path raises the same MemoryError
    return false;
  }
  return true;
}

// The frame for calling `function` with `count` positional arguments, whose references
// it takes over: a plain function's fast path when they are exactly its parameters, else
// the general binder (defaults, errors). Null on error.
inline Frame* positional_call_frame(Function* function, Object** arguments, size_t count) {
  if (function->plain && count == function->code->argument_count) {
    return make_plain_call_frame(function->code, function->globals, function->builtins,
                                 arguments, count);
  }
  return bind_arguments_stealing(function, arguments, count, nullptr);
}

// Counts the frames from `top` down to the innermost one, linking their back pointers.
int link_chain(Frame* top) {
  int count = 1;
  for (Frame* frame = top; frame->delegate; frame = frame->delegate) {
    frame->delegate->back = frame;
    ++count;
  }
  return count;
}

}  // namespace

Frame* innermost_frame(Frame* frame) {
  while (frame->delegate) frame = frame->delegate;
  return frame;
}

int native_nesting() { return vm_state.nesting; }

bool check_recursion(const char* suffix) {
  Runtime& run = runtime();
  if (run.recursion_depth < run.recursion_limit) return true;
  raise_format(recursion_error_type, "maximum recursion depth exceeded{}", suffix);
  return false;
}

ResumeResult run_frames(Frame* entry, EntryMode mode, Object* value, bool suspendable) {
  VmState& vm = vm_state;
  if (vm.nesting >= kMaxNativeNesting) {
    raise(recursion_error_type, "maximum recursion depth exceeded while calling a Python object");
    return {ResumeStatus::raised, nullptr};
  }
  Runtime& run = runtime();
  ++vm.nesting;
  Frame* const saved_current = vm.current;
  const bool saved_suspendable = vm.suspendable;
  vm.suspendable = suspendable;
  int chain_depth = link_chain(entry);
  run.recursion_depth += chain_depth;

  Frame* frame = innermost_frame(entry);
  // The registers of `frame`.
  Code* code;
  const uint32_t* first;       // the code's first instruction
  const uint32_t* ip;          // the next instruction
  Object** stack_base;         // the value stack's bottom
  Object** sp;                 // the value stack's top (one past)
  Object** fast;               // fast locals
  Object** cells;              // cells then free cells
  Object* const* constants;    // co_consts
  uint32_t word = 0;           // the instruction being run
  uint32_t arg = 0;            // its argument
  bool chain_context = true;   // `error` sets __context__ on fresh exceptions
  ResumeResult result{ResumeStatus::returned, nullptr};
  Object* yielded = nullptr;   // the value a yield hands up the chain (owned)
  Object* returned = nullptr;  // the value a frame returns (owned)
  Frame* callee = nullptr;     // a frame bound for a call, about to be entered

#define LOAD_FRAME()                                                         \
  do {                                                                       \
    vm.current = frame;                                                      \
    code = frame->code;                                                      \
    first = code->instructions.data();                                       \
    ip = first + frame->instruction_index;                                   \
    fast = frame->locals();                                                  \
    cells = frame->cells();                                                  \
    stack_base = frame->stack_base();                                        \
    sp = stack_base + frame->stack_depth;                                    \
    constants = reinterpret_cast<Object* const*>(code->constants.data());    \
  } while (0)
#define SAVE_FRAME()                                                         \
  do {                                                                       \
    frame->instruction_index = uint32_t(ip - first);                         \
    frame->stack_depth = uint32_t(sp - stack_base);                          \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-int64_t(n)])

// gcc's computed goto; clang rejects an indirect goto out of a scope holding a Ref, and
// wasm lowers one to a switch anyway.
#if defined(__GNUC__) && !defined(__clang__)
#define AWAITPAD_COMPUTED_GOTO 1
#endif

#if AWAITPAD_COMPUTED_GOTO
  static void* const dispatch_table[] = {
#define X(name, effect, meaning) &&op_##name,
#include "core/py/compiler/opcodes.hpp"
#undef X
  };
#define TARGET(name) op_##name:
#define DISPATCH()                            \
  do {                                        \
    word = *ip++;                             \
    arg = word >> 8;                          \
    goto* dispatch_table[word & 0xff];        \
  } while (0)
#else
#define TARGET(name) case Opcode::name:
#define DISPATCH() goto dispatch
#endif

  LOAD_FRAME();
  if (mode == EntryMode::send) {
    incref(value);
    PUSH(value);
  } else if (mode == EntryMode::throw_) {
    chain_context = false;
    if (ip < first + code->instructions.size() &&
        instruction_opcode(*ip) == Opcode::YIELD_FROM && !frame->delegate) {
      // Suspended in YIELD_FROM on an iterator that is not a Python frame: it gets the
      // exception first (its throw() or close()), as CPython's gen_throw does.
      Ref<> outcome;
      ThrowIntoReceiver thrown = throw_into_receiver(TOP(), value, &outcome);
      if (thrown == ThrowIntoReceiver::yielded) {
        yielded = outcome.release();
        goto chain_yield;
      }
      ++ip;
      if (thrown == ThrowIntoReceiver::returned) {
        decref(POP());
        PUSH(outcome.release());
        DISPATCH();
      }
      goto error;  // the receiver's exception (or the thrown one) is pending
    }
    set_exception(Ref<>::borrow(value));
    if (ip == first) ++ip;  // not started: report the first instruction
    goto error;
  }
  DISPATCH();

#if !AWAITPAD_COMPUTED_GOTO
dispatch:
  word = *ip++;
  arg = word >> 8;
  switch (Opcode(word & 0xff)) {
#endif

  TARGET(NOP) { DISPATCH(); }
  TARGET(POP_TOP) {
    // Freeing it may warn with this line (a coroutine never awaited): let the frame say it.
    frame->instruction_index = uint32_t(ip - first);
    xdecref(POP());
    DISPATCH();
  }
  TARGET(ROT_TWO) {
    std::swap(sp[-1], sp[-2]);
    DISPATCH();
  }
  TARGET(ROT_THREE) {
    Object* top = sp[-1];
    sp[-1] = sp[-2];
    sp[-2] = sp[-3];
    sp[-3] = top;
    DISPATCH();
  }
  TARGET(ROT_FOUR) {
    Object* top = sp[-1];
    sp[-1] = sp[-2];
    sp[-2] = sp[-3];
    sp[-3] = sp[-4];
    sp[-4] = top;
    DISPATCH();
  }
  TARGET(ROT_N) {
    Object* top = sp[-1];
    std::memmove(sp - arg + 1, sp - arg, (arg - 1) * sizeof(Object*));
    sp[-int(arg)] = top;
    DISPATCH();
  }
  TARGET(DUP_TOP) {
    Object* top = TOP();
    incref(top);
    PUSH(top);
    DISPATCH();
  }
  TARGET(DUP_TOP_TWO) {
    Object* a = sp[-2];
    Object* b = sp[-1];
    incref(a);
    incref(b);
    PUSH(a);
    PUSH(b);
    DISPATCH();
  }

  TARGET(LOAD_CONST) {
    Object* constant = constants[arg];
    incref(constant);
    PUSH(constant);
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    Object* local = fast[arg];
    if (!local) {
      raise_unbound_local(code->local_names[arg].get());
      goto error;
    }
    incref(local);
    PUSH(local);
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    Object* old = fast[arg];
    fast[arg] = POP();
    xdecref(old);
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    Object* old = fast[arg];
    if (!old) {
      raise_unbound_local(code->local_names[arg].get());
      goto error;
    }
    fast[arg] = nullptr;
    decref(old);
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    if (frame->locals_mapping == frame->globals) {
      // Module level: the same lookup as LOAD_GLOBAL's, through its cache.
      Object* found = load_global(code, arg, frame);
      if (!found) goto error;
      incref(found);
      PUSH(found);
      DISPATCH();
    }
    Ref<> found = load_name(frame, code->names[arg].get());
    if (!found) goto error;
    PUSH(found.release());
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    Object* stored = POP();
    if (frame->locals_mapping == frame->globals &&
        store_cached_global(code, arg, frame->globals, stored)) {
      decref(stored);
      DISPATCH();
    }
    int status = store_name(frame, code->names[arg].get(), stored);
    decref(stored);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    if (delete_name(frame, code->names[arg].get()) < 0) goto error;
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    Object* found = load_global(code, arg, frame);
    if (!found) goto error;
    incref(found);
    PUSH(found);
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    Object* stored = POP();
    if (store_cached_global(code, arg, frame->globals, stored)) {
      decref(stored);
      DISPATCH();
    }
    int status = dict_set(frame->globals, code->names[arg].get(), stored);
    decref(stored);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    Str* name = code->names[arg].get();
    if (!dict_lookup_str(frame->globals, name)) {
      raise_name_error(name);
      goto error;
    }
    if (dict_delete(frame->globals, name) < 0) goto error;
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Object* contents = static_cast<Cell*>(cells[arg])->contents.get();
    if (!contents) {
      raise_unbound_cell(code, arg);
      goto error;
    }
    incref(contents);
    PUSH(contents);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    static_cast<Cell*>(cells[arg])->contents = Ref<>::steal(POP());
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    Cell* cell = static_cast<Cell*>(cells[arg]);
    if (!cell->contents) {
      raise_unbound_cell(code, arg);
      goto error;
    }
    cell->contents = nullptr;
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    incref(cells[arg]);
    PUSH(cells[arg]);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    Ref<> found = load_class_deref(frame, arg);
    if (!found) goto error;
    PUSH(found.release());
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    Object* owner = TOP();
    if (Object* value =
            plain_instance_attribute(owner, code->names[arg].get(), attribute_hint(ip))) {
      incref(value);
      decref(owner);
      TOP() = value;
      DISPATCH();
    }
    Ref<> attribute = get_attribute(owner, code->names[arg].get());
    decref(owner);
    if (!attribute) {
      --sp;
      goto error;
    }
    TOP() = attribute.release();
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    Object* owner = POP();
    Object* stored = POP();
    int status = store_plain_instance_attribute(owner, code->names[arg].get(), stored,
                                                attribute_hint(ip));
    if (status == 1) status = set_attribute(owner, code->names[arg].get(), stored);
    decref(owner);
    decref(stored);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    Object* owner = POP();
    int status = delete_attribute(owner, code->names[arg].get());
    decref(owner);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    Object* owner = TOP();
    Object* method = nullptr;
    Ref<> attribute = load_method(owner, code->names[arg].get(), &method);
    if (method) {
      // Unbound method + self: the owner stays where it is, as the first argument.
      TOP() = method;
      PUSH(owner);
      DISPATCH();
    }
    decref(owner);
    if (!attribute) {
      --sp;
      goto error;
    }
    // Not a method: the attribute is the callable and the self slot stays empty, the
    // layout CALL_METHOD reads (callable, then self or NULL).
    TOP() = attribute.release();
    PUSH(nullptr);
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    incref(&assertion_error_type);
    PUSH(&assertion_error_type);
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    Object* build_class = dict_lookup_str(frame->builtins, "__build_class__");
    if (!build_class) {
      raise(name_error_type, "__build_class__ not found");
      goto error;
    }
    incref(build_class);
    PUSH(build_class);
    DISPATCH();
  }

  TARGET(BINARY_SUBSCR) {
    Object* key = POP();
    Object* container = TOP();
    if (container->type == &list_type && is_small_int(key)) {
      // list[int] in range (CPython 3.11's BINARY_SUBSCR_LIST_INT); else the general path.
      const std::vector<Ref<>>& items = static_cast<List*>(container)->items;
      int64_t index = static_cast<Int*>(key)->value;
      if (index < 0) index += int64_t(items.size());
      if (index >= 0 && index < int64_t(items.size())) {
        Object* item = items[size_t(index)].get();
        incref(item);
        decref(key);
        decref(container);
        TOP() = item;
        DISPATCH();
      }
    }
    Ref<> item = get_item(container, key);
    decref(key);
    decref(container);
    if (!item) {
      --sp;
      goto error;
    }
    TOP() = item.release();
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    Object* key = POP();
    Object* container = POP();
    Object* stored = POP();
    int status = set_item(container, key, stored);
    decref(key);
    decref(container);
    decref(stored);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    Object* key = POP();
    Object* container = POP();
    int status = delete_item(container, key);
    decref(key);
    decref(container);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    // Raw pointers, not Ref<>: gcc leaves a Ref's destructor out of line in this loop.
    Object* right = POP();
    Object* left = TOP();
    if (concatenated_in_place(arg, left, right, *ip, frame, fast)) {
      decref(right);
      DISPATCH();
    }
    Object* outcome = arithmetic(arg, left, right, binary_operation);
    decref(right);
    decref(left);
    if (!outcome) {
      --sp;
      goto error;
    }
    TOP() = outcome;
    DISPATCH();
  }
  TARGET(INPLACE_OP) {
    Object* right = POP();
    Object* left = TOP();
    if (concatenated_in_place(arg, left, right, *ip, frame, fast)) {
      decref(right);
      DISPATCH();
    }
    Object* outcome = arithmetic(arg, left, right, inplace_operation);
    decref(right);
    decref(left);
    if (!outcome) {
      --sp;
      goto error;
    }
    TOP() = outcome;
    DISPATCH();
  }
  TARGET(UNARY_POSITIVE) {
    Object* operand = TOP();
    Ref<> outcome = positive(operand);
    decref(operand);
    if (!outcome) {
      --sp;
      goto error;
    }
    TOP() = outcome.release();
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    Object* operand = TOP();
    Ref<> outcome = negative(operand);
    decref(operand);
    if (!outcome) {
      --sp;
      goto error;
    }
    TOP() = outcome.release();
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    Object* operand = TOP();
    Ref<> outcome = invert(operand);
    decref(operand);
    if (!outcome) {
      --sp;
      goto error;
    }
    TOP() = outcome.release();
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    Object* operand = TOP();
    int truth = truthy(operand);
    decref(operand);
    if (truth < 0) {
      --sp;
      goto error;
    }
    TOP() = make_bool(!truth).release();
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    Object* right = POP();
    Object* left = TOP();
    if (is_small_int(left) && is_small_int(right)) {
      int64_t a = static_cast<Int*>(left)->value;
      int64_t b = static_cast<Int*>(right)->value;
      bool truth = false;
      switch (CompareOp(arg)) {
        case CompareOp::less: truth = a < b; break;
        case CompareOp::less_equal: truth = a <= b; break;
        case CompareOp::equal: truth = a == b; break;
        case CompareOp::not_equal: truth = a != b; break;
        case CompareOp::greater: truth = a > b; break;
        case CompareOp::greater_equal: truth = a >= b; break;
      }
      // A conditional jump next takes the answer without a bool on the stack (CPython
      // 3.11's COMPARE_OP_INT_JUMP).
      decref(right);
      decref(left);
      uint32_t next = *ip;
      Opcode next_opcode = instruction_opcode(next);
      if (next_opcode == Opcode::POP_JUMP_IF_FALSE || next_opcode == Opcode::POP_JUMP_IF_TRUE) {
        --sp;
        ++ip;
        if (truth == (next_opcode == Opcode::POP_JUMP_IF_TRUE))
          ip = first + instruction_argument(next);
        DISPATCH();
      }
      TOP() = make_bool(truth).release();
      DISPATCH();
    }
    Object* outcome = rich_compare(left, right, CompareOp(arg)).release();
    decref(right);
    decref(left);
    if (!outcome) {
      --sp;
      goto error;
    }
    TOP() = outcome;
    DISPATCH();
  }
  TARGET(IS_OP) {
    Object* right = POP();
    Object* left = TOP();
    bool truth = (left == right) != (arg == 1);
    decref(right);
    decref(left);
    TOP() = make_bool(truth).release();
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    Object* container = POP();
    Object* item = TOP();
    int found = contains(container, item);
    decref(container);
    decref(item);
    if (found < 0) {
      --sp;
      goto error;
    }
    TOP() = make_bool((found == 1) != (arg == 1)).release();
    DISPATCH();
  }

  TARGET(BUILD_TUPLE) {
    Ref<> built = build_tuple(sp - arg, arg);
    sp -= arg;
    if (!built) goto error;
    PUSH(built.release());
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    Ref<> built = build_list(sp - arg, arg);
    sp -= arg;
    if (!built) goto error;
    PUSH(built.release());
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    Ref<> built = build_set(sp - arg, arg);
    sp -= arg;
    if (!built) goto error;
    PUSH(built.release());
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    Ref<> built = build_map(sp - 2 * arg, arg);
    sp -= 2 * arg;
    if (!built) goto error;
    PUSH(built.release());
    DISPATCH();
  }
  TARGET(BUILD_CONST_KEY_MAP) {
    Ref<> built = build_const_key_map(sp - arg - 1, arg);
    sp -= arg + 1;
    if (!built) goto error;
    PUSH(built.release());
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    Ref<> built = build_string(sp - arg, arg);
    sp -= arg;
    if (!built) goto error;
    PUSH(built.release());
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Ref<> built = build_slice(sp - arg, arg);
    sp -= arg;
    if (!built) goto error;
    PUSH(built.release());
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    Object* item = POP();
    int status = list_append(static_cast<List*>(PEEK(arg)), item);
    decref(item);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(SET_ADD) {
    Object* item = POP();
    int status = set_add(static_cast<Set*>(PEEK(arg)), item);
    decref(item);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    Object* item = POP();
    Object* key = POP();
    int status = dict_set(static_cast<Dict*>(PEEK(arg)), key, item);
    decref(item);
    decref(key);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    Object* iterable = POP();
    int status = list_extend_for_display(static_cast<List*>(PEEK(arg)), iterable);
    decref(iterable);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    Object* iterable = POP();
    int status = set_update_for_display(static_cast<Set*>(PEEK(arg)), iterable);
    decref(iterable);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    Object* mapping = POP();
    int status = dict_update_for_display(static_cast<Dict*>(PEEK(arg)), mapping);
    decref(mapping);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    Object* mapping = POP();
    int status = dict_merge_for_call(static_cast<Dict*>(PEEK(arg)), mapping, PEEK(arg + 2));
    decref(mapping);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    Object* list = TOP();
    Ref<> tuple = make_tuple(static_cast<List*>(list)->items);
    decref(list);
    if (!tuple) {
      --sp;
      goto error;
    }
    TOP() = tuple.release();
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    Object* sequence = POP();
    bool ok = unpack_sequence(sequence, arg, sp);
    decref(sequence);
    if (!ok) goto error;
    sp += arg;
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    Object* sequence = POP();
    uint32_t count = (arg & 0xff) + (arg >> 8) + 1;
    bool ok = unpack_extended(sequence, arg & 0xff, arg >> 8, sp);
    decref(sequence);
    if (!ok) goto error;
    sp += count;
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    Object* spec = (arg & 4) ? POP() : nullptr;
    Object* formatted = TOP();
    Ref<> text = format_value(formatted, arg & 3, spec);
    xdecref(spec);
    decref(formatted);
    if (!text) {
      --sp;
      goto error;
    }
    TOP() = text.release();
    DISPATCH();
  }

  TARGET(JUMP_FORWARD) {
    ip = first + arg;
    DISPATCH();
  }
  TARGET(JUMP_ABSOLUTE) {  // closes every loop
    if (--vm.jumps_until_host_poll == 0) {
      vm.jumps_until_host_poll = host_poll_interval;
      close_memory_reserve();
      run.host->poll();
      if (run.host->interrupted()) {
        // Asked to stop (Ctrl-C, a budget): KeyboardInterrupt at this loop's end. Until
        // the host stops asking, every loop end checks again, so a program that catches
        // the interrupt in one loop is stopped at the next loop end outside the handler.
        vm.jumps_until_host_poll = 1;
        raise_empty(keyboard_interrupt_type);
        goto error;
      }
    }
    ip = first + arg;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    Object* condition = POP();
    int truth;
    if (condition == &true_object) truth = 1;
    else if (condition == &false_object || condition == &none_object) truth = 0;
    else truth = truthy(condition);
    decref(condition);
    if (truth < 0) goto error;
    if (!truth) ip = first + arg;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Object* condition = POP();
    int truth;
    if (condition == &true_object) truth = 1;
    else if (condition == &false_object || condition == &none_object) truth = 0;
    else truth = truthy(condition);
    decref(condition);
    if (truth < 0) goto error;
    if (truth) ip = first + arg;
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    int truth = truthy(TOP());
    if (truth < 0) goto error;
    if (!truth) {
      ip = first + arg;
    } else {
      decref(POP());
    }
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    int truth = truthy(TOP());
    if (truth < 0) goto error;
    if (truth) {
      ip = first + arg;
    } else {
      decref(POP());
    }
    DISPATCH();
  }
  TARGET(JUMP_IF_NOT_EXC_MATCH) {
    Object* wanted = POP();
    int matches = exception_matches_class(TOP(), wanted);
    decref(wanted);
    if (matches < 0) goto error;
    if (!matches) ip = first + arg;
    DISPATCH();
  }
  TARGET(JUMP_IF_NOT_EG_MATCH) {
    Object* wanted = TOP();
    Ref<> match, rest;
    int failed = exception_group_match(PEEK(2), wanted, &match, &rest);
    decref(POP());
    if (failed) goto error;
    if (is_none(match.get())) {
      ip = first + arg;
      DISPATCH();
    }
    // The clause handles `match`: sys.exc_info() and __context__ see it (CHECK_EG_MATCH).
    xdecref(frame->handled_exception);
    frame->handled_exception = Ref<>(match).release();
    decref(TOP());
    TOP() = rest.release();
    PUSH(match.release());
    DISPATCH();
  }
  TARGET(PREP_RERAISE_STAR) {
    Object* results = POP();
    Ref<> reraised = prepare_reraise_star(TOP(), results);
    decref(results);
    if (!reraised) goto error;
    decref(TOP());
    TOP() = reraised.release();
    DISPATCH();
  }
  TARGET(GET_ITER) {
    Object* iterable = TOP();
    Ref<> iterator = get_iter(iterable);
    decref(iterable);
    if (!iterator) {
      --sp;
      goto error;
    }
    TOP() = iterator.release();
    DISPATCH();
  }
  TARGET(GET_YIELD_FROM_ITER) {
    Object* iterable = TOP();
    if (iterable->type == &coroutine_type) {
      if (!(code->flags & code_flag_coroutine)) {
        raise(type_error_type,
              "cannot 'yield from' a coroutine object in a non-coroutine generator");
        goto error;
      }
      DISPATCH();
    }
    if (iterable->type == &generator_type) DISPATCH();
    Ref<> iterator = get_iter(iterable);
    decref(iterable);
    if (!iterator) {
      --sp;
      goto error;
    }
    TOP() = iterator.release();
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    Object* iterator = TOP();
    if (iterator->type == &generator_type) {
      Generator* generator = static_cast<Generator*>(iterator);
      if (!generator->running && generator->frame && !generator->frame->finished) {
        // Advance the generator on this chain: its yield comes back as the next item.
        if (!check_recursion("")) goto error;
        SAVE_FRAME();
        Frame* callee = generator->frame;
        generator->running = true;
        generator->started = true;
        callee->back = frame;
        callee->return_kind = FrameReturn::for_iter;
        frame->delegate = callee;
        int entered = link_chain(callee);
        chain_depth += entered;
        run.recursion_depth += entered;
        frame = innermost_frame(callee);
        LOAD_FRAME();
        incref(&none_object);
        PUSH(&none_object);
        DISPATCH();
      }
    }
    Ref<> item = iterator->type->next ? iterator->type->next(iterator) : iter_next(iterator);
    if (item) {
      PUSH(item.release());
      DISPATCH();
    }
    if (exception_pending()) {
      if (!exception_matches(stop_iteration_type)) goto error;
      clear_exception();
    }
    decref(POP());
    ip = first + arg;
    DISPATCH();
  }

  TARGET(SETUP_FINALLY) {
    frame->blocks()[frame->block_count++] = {BlockKind::handler, arg,
                                             uint32_t(sp - stack_base)};
    DISPATCH();
  }
  TARGET(POP_BLOCK) {
    --frame->block_count;
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    --frame->block_count;  // the EXCEPT_HANDLER block
    Object* previous = POP();
    Object* old = frame->handled_exception;
    frame->handled_exception = is_none(previous) ? nullptr : previous;
    if (is_none(previous)) decref(previous);
    xdecref(old);
    DISPATCH();
  }
  TARGET(RERAISE) {
    set_exception(Ref<>::steal(POP()));
    goto exception_unwind;
  }
  TARGET(RAISE_VARARGS) {
    Object* cause = arg == 2 ? POP() : nullptr;
    Object* raised = arg >= 1 ? POP() : nullptr;
    bool reraise = do_raise(raised, cause);
    xdecref(raised);
    xdecref(cause);
    if (reraise) goto exception_unwind;
    goto error;
  }
  TARGET(SETUP_WITH) {
    Object* manager = TOP();
    Ref<> exit;
    Ref<> entered = enter_context(manager, &exit, false);
    decref(manager);
    if (!entered) {
      --sp;
      goto error;
    }
    TOP() = exit.release();
    frame->blocks()[frame->block_count++] = {BlockKind::handler, arg,
                                             uint32_t(sp - stack_base)};
    PUSH(entered.release());
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    Ref<> outcome = call_exit_with_exception(PEEK(3), TOP());
    if (!outcome) goto error;
    PUSH(outcome.release());
    DISPATCH();
  }
  TARGET(BEFORE_ASYNC_WITH) {
    Object* manager = TOP();
    Ref<> exit;
    Ref<> entered = enter_context(manager, &exit, true);
    decref(manager);
    if (!entered) {
      --sp;
      goto error;
    }
    TOP() = exit.release();
    PUSH(entered.release());
    DISPATCH();
  }
  TARGET(SETUP_ASYNC_WITH) {
    Object* entered = POP();
    frame->blocks()[frame->block_count++] = {BlockKind::handler, arg,
                                             uint32_t(sp - stack_base)};
    PUSH(entered);
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    returned = POP();
    goto frame_returned;
  }
  TARGET(YIELD_VALUE) {
    yielded = POP();
    if (frame->generator && frame->return_kind != FrameReturn::yield_from)
      static_cast<Generator*>(frame->generator)->last_yield_was_own = true;
    goto chain_yield;
  }
  TARGET(YIELD_FROM) {
    Object* sent = POP();
    Object* receiver = TOP();
    if (is_generator_like(receiver) && receiver->type != &async_generator_type) {
      Generator* generator = static_cast<Generator*>(receiver);
      if (!generator->running && generator->frame && !generator->frame->finished) {
        if (!generator->started && !is_none(sent)) {
          decref(sent);
          raise_format(type_error_type, "can't send non-None value to a just-started {}",
                       generator->kind == GeneratorKind::coroutine ? "coroutine" : "generator");
          goto error;
        }
        if (!check_recursion("")) {
          decref(sent);
          goto error;
        }
        // Delegate on this chain: the generator's frame runs on top of this one.
        SAVE_FRAME();
        Frame* callee = generator->frame;
        generator->running = true;
        generator->started = true;
        callee->back = frame;
        callee->return_kind = FrameReturn::yield_from;
        frame->delegate = callee;
        int entered = link_chain(callee);
        chain_depth += entered;
        run.recursion_depth += entered;
        frame = innermost_frame(callee);
        LOAD_FRAME();
        PUSH(sent);
        DISPATCH();
      }
    }
    Ref<> next_value;
    DelegateStep step = send_to_receiver(receiver, sent, &next_value);
    decref(sent);
    if (step == DelegateStep::yielded) {
      --ip;  // YIELD_FROM runs again with the value sent next
      yielded = next_value.release();
      goto chain_yield;
    }
    if (step == DelegateStep::failed) goto error;
    decref(POP());
    PUSH(next_value.release());
    DISPATCH();
  }
  TARGET(GEN_START) {
    decref(POP());
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    Object* awaited = TOP();
    Ref<> awaitable = get_awaitable(awaited, arg);
    decref(awaited);
    if (!awaitable) {
      --sp;
      goto error;
    }
    TOP() = awaitable.release();
    DISPATCH();
  }
  TARGET(GET_AITER) {
    Object* iterable = TOP();
    Ref<> iterator = get_async_iterator(iterable);
    decref(iterable);
    if (!iterator) {
      --sp;
      goto error;
    }
    TOP() = iterator.release();
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    Ref<> awaitable = get_async_next(TOP());
    if (!awaitable) goto error;
    PUSH(awaitable.release());
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    Object* raised = TOP();
    if (!is_instance(raised, stop_async_iteration_type)) {
      set_exception(Ref<>::steal(POP()));
      goto exception_unwind;
    }
    decref(POP());
    --frame->block_count;  // the EXCEPT_HANDLER block
    Object* previous = POP();
    Object* old = frame->handled_exception;
    frame->handled_exception = is_none(previous) ? nullptr : previous;
    if (is_none(previous)) decref(previous);
    xdecref(old);
    decref(POP());  // the async iterator
    DISPATCH();
  }

  TARGET(CALL_FUNCTION) {
    Object** arguments = sp - arg;
    Object* callable = arguments[-1];
    if (callable->type == &function_type) {
      callee = positional_call_frame(static_cast<Function*>(callable), arguments, arg);
      sp = arguments;
      goto enter_callee;
    }
    if (callable->type == &bound_method_type &&
        static_cast<BoundMethod*>(callable)->function->type == &function_type) {
      // The bound self takes the callable's place as the first argument.
      BoundMethod* method = static_cast<BoundMethod*>(callable);
      Object* function = method->function.get();
      incref(function);
      arguments[-1] = method->self.get();
      incref(arguments[-1]);
      decref(callable);
      callable = function;
      callee = bind_arguments_stealing(static_cast<Function*>(function), arguments - 1,
                                       arg + 1, nullptr);
      sp = arguments - 1;
      PUSH(function);  // where enter_callee expects the callable
      goto enter_callee;
    }
    SAVE_FRAME();
    Ref<> outcome = call(callable, CallArgs{arguments, arg, nullptr});
    while (sp > arguments - 1) decref(POP());
    if (!outcome) goto error;
    if (outcome.get() == blocked_marker()) goto chain_blocked;
    PUSH(outcome.release());
    DISPATCH();
  }
  TARGET(CALL_FUNCTION_KW) {
    Tuple* names = static_cast<Tuple*>(POP());
    Object** arguments = sp - arg;
    Object* callable = arguments[-1];
    if (callable->type == &function_type) {
      callee = bind_arguments_stealing(static_cast<Function*>(callable), arguments, arg,
                                       names);
      decref(names);
      sp = arguments;
      goto enter_callee;
    }
    SAVE_FRAME();
    Ref<> outcome = call(callable, CallArgs{arguments, arg, names});
    decref(names);
    while (sp > arguments - 1) decref(POP());
    if (!outcome) goto error;
    if (outcome.get() == blocked_marker()) goto chain_blocked;
    PUSH(outcome.release());
    DISPATCH();
  }
  TARGET(CALL_METHOD) {
    Object** arguments = sp - arg;
    Object* callable = arguments[-2];
    size_t count = arg;
    if (arguments[-1]) {
      --arguments;  // self is the first argument
      ++count;
    }
    if (callable->type == &function_type) {
      callee = positional_call_frame(static_cast<Function*>(callable), arguments, count);
      sp = arguments;
      if (!sp[-1]) --sp;  // the NULL slot
      goto enter_callee;
    }
    SAVE_FRAME();
    Ref<> outcome = call(callable, CallArgs{arguments, count, nullptr});
    while (sp > arguments) decref(POP());
    if (!sp[-1]) --sp;
    decref(POP());
    if (!outcome) goto error;
    if (outcome.get() == blocked_marker()) goto chain_blocked;
    PUSH(outcome.release());
    DISPATCH();
  }
  TARGET(CALL_METHOD_KW) {
    Tuple* names = static_cast<Tuple*>(POP());
    Object** arguments = sp - arg;
    Object* callable = arguments[-2];
    size_t count = arg;
    if (arguments[-1]) {
      --arguments;
      ++count;
    }
    if (callable->type == &function_type) {
      callee = bind_arguments_stealing(static_cast<Function*>(callable), arguments, count,
                                       names);
      decref(names);
      sp = arguments;
      if (!sp[-1]) --sp;
      goto enter_callee;
    }
    SAVE_FRAME();
    Ref<> outcome = call(callable, CallArgs{arguments, count, names});
    decref(names);
    while (sp > arguments) decref(POP());
    if (!sp[-1]) --sp;
    decref(POP());
    if (!outcome) goto error;
    if (outcome.get() == blocked_marker()) goto chain_blocked;
    PUSH(outcome.release());
    DISPATCH();
  }
  TARGET(CALL_FUNCTION_EX) {
    Object* keywords = (arg & 1) ? POP() : nullptr;
    Object* positional = POP();
    Object* callable = TOP();
    SAVE_FRAME();
    callee = nullptr;
    Ref<> outcome = call_with_unpacked(callable, positional, keywords, &callee);
    xdecref(keywords);
    decref(positional);
    if (callee) {
      if (TOP()->type == &bound_method_type) {
        // enter_callee wants the function itself (its names make generators).
        Object* function = static_cast<BoundMethod*>(TOP())->function.get();
        incref(function);
        decref(TOP());
        TOP() = function;
      }
      goto enter_callee;
    }
    decref(POP());
    if (!outcome) goto error;
    if (outcome.get() == blocked_marker()) goto chain_blocked;
    PUSH(outcome.release());
    DISPATCH();
  }
  TARGET(MAKE_FUNCTION) {
    Ref<> made = make_function_from_stack(sp, arg, frame->globals);
    sp -= 2 + ((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) + ((arg & 8) != 0);
    if (!made) goto error;
    PUSH(made.release());
    DISPATCH();
  }

  TARGET(IMPORT_NAME) {
    Object* from_list = POP();
    Object* level = TOP();
    Ref<> module = import_name(frame, code->names[arg].get(), from_list, level);
    decref(from_list);
    decref(level);
    if (!module) {
      --sp;
      goto error;
    }
    TOP() = module.release();
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    Ref<> imported = import_from(TOP(), code->names[arg].get());
    if (!imported) goto error;
    PUSH(imported.release());
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    Object* module = POP();
    int status = import_star(frame, module);
    decref(module);
    if (status < 0) goto error;
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    if (setup_annotations(frame) < 0) goto error;
    DISPATCH();
  }

  TARGET(GET_LEN) {
    int64_t size = length(TOP());
    if (size < 0) goto error;
    Ref<> size_object = make_int(size);
    if (!size_object) goto error;
    PUSH(size_object.release());
    DISPATCH();
  }
  TARGET(MATCH_MAPPING) {
    Object* answer = make_bool(is_match_mapping(TOP())).release();
    PUSH(answer);
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    Object* answer = make_bool(is_match_sequence(TOP())).release();
    PUSH(answer);
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    Ref<> values = match_keys(PEEK(2), TOP());
    if (!values && exception_pending()) goto error;
    bool matched = bool(values);
    PUSH(values ? values.release() : none().release());
    PUSH(make_bool(matched).release());
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    Object* names = POP();
    Object* cls = POP();
    Object* subject = TOP();
    Ref<> attributes = match_class(subject, cls, arg, names);
    decref(names);
    decref(cls);
    decref(subject);
    if (!attributes && exception_pending()) {
      --sp;
      goto error;
    }
    bool matched = bool(attributes);
    TOP() = attributes ? attributes.release() : none().release();
    PUSH(make_bool(matched).release());
    DISPATCH();
  }
  TARGET(COPY_DICT_WITHOUT_KEYS) {
    Object* keys = TOP();
    Ref<> rest = copy_dict_without_keys(PEEK(2), keys);
    if (!rest) goto error;
    decref(keys);
    TOP() = rest.release();
    DISPATCH();
  }

#if !AWAITPAD_COMPUTED_GOTO
  case Opcode::count_:
    break;
  }
#endif

  // --- frame switches ------------------------------------------------------------------
enter_callee:
  // `callee` was bound from the stack for the Python function on top of the stack (null
  // after a binding error). A generator function's frame becomes a generator object;
  // any other frame runs on top of this one.
  {
    Object* callable = POP();
    if (!callee) {
      decref(callable);
      goto error;
    }
    if (callee->code->flags &
        (code_flag_generator | code_flag_coroutine | code_flag_async_generator)) {
      Function* function = static_cast<Function*>(callable);
      Ref<Generator> generator =
          make_generator(callee, function->name.get(), function->qualified_name.get());
      decref(callable);
      if (!generator) goto error;
      PUSH(generator.release());
      DISPATCH();
    }
    decref(callable);
    if (run.recursion_depth >= run.recursion_limit) {
      release_frame(callee);
      raise(recursion_error_type, "maximum recursion depth exceeded");
      goto error;
    }
    SAVE_FRAME();
    callee->back = frame;
    callee->return_kind = FrameReturn::push_result;
    frame->delegate = callee;
    ++chain_depth;
    ++run.recursion_depth;
    frame = callee;
    LOAD_FRAME();
    DISPATCH();
  }

error:
  // An exception is pending: the instruction before `ip` raised it.
  {
    Object* exception = current_exception();
    // A fresh exception (no traceback, no context yet) raised while a handler runs gets
    // the handled exception as its __context__, as CPython's _PyErr_SetObject.
    if (chain_context && !as_exception(exception)->traceback && !as_exception(exception)->context)
      chain_exception_context(exception);
    chain_context = true;
    uint32_t at = ip > first ? uint32_t(ip - first - 1) : 0;
    add_traceback_entry(exception, frame, at);
  }
exception_unwind:
  while (frame->block_count > 0) {
    Block block = frame->blocks()[--frame->block_count];
    if (block.kind == BlockKind::except_handler) {
      while (sp > stack_base + block.stack_depth + 1) xdecref(POP());
      Object* previous = POP();
      Object* old = frame->handled_exception;
      frame->handled_exception = is_none(previous) ? nullptr : previous;
      if (is_none(previous)) decref(previous);
      xdecref(old);
      continue;
    }
    while (sp > stack_base + block.stack_depth) xdecref(POP());
    frame->blocks()[frame->block_count++] = {BlockKind::except_handler, 0, block.stack_depth};
    Object* previous = frame->handled_exception;
    PUSH(previous ? previous : none().release());
    Object* exception = take_exception().release();
    incref(exception);
    frame->handled_exception = exception;
    PUSH(exception);
    ip = first + block.handler;
    DISPATCH();
  }
  // No handler: the exception leaves this frame.
  while (sp > stack_base) xdecref(POP());
  frame->stack_depth = 0;
  frame->finished = true;
  if (frame->generator) {
    convert_generator_stop_iteration(static_cast<Generator*>(frame->generator));
    generator_finished(static_cast<Generator*>(frame->generator));
  }
  if (frame == entry) {
    result = {ResumeStatus::raised, nullptr};
    goto leave;
  }
  {
    Frame* callee = frame;
    frame = callee->back;
    frame->delegate = nullptr;
    callee->back = nullptr;
    --chain_depth;
    --run.recursion_depth;
    if (callee->return_kind == FrameReturn::push_result) release_frame(callee);
    LOAD_FRAME();
    goto error;
  }

frame_returned:
  // `returned` is the frame's result (owned).
  while (sp > stack_base) xdecref(POP());
  frame->stack_depth = 0;
  frame->block_count = 0;
  frame->finished = true;
  if (frame->generator) generator_finished(static_cast<Generator*>(frame->generator));
  if (frame == entry) {
    result = {ResumeStatus::returned, Ref<>::steal(returned)};
    goto leave;
  }
  {
    Frame* callee = frame;
    FrameReturn kind = callee->return_kind;
    frame = callee->back;
    frame->delegate = nullptr;
    callee->back = nullptr;
    --chain_depth;
    --run.recursion_depth;
    if (kind == FrameReturn::push_result) release_returned_frame(callee);
    LOAD_FRAME();
    if (kind == FrameReturn::push_result) {
      PUSH(returned);
    } else if (kind == FrameReturn::yield_from) {
      decref(POP());  // the receiver
      PUSH(returned);
    } else {
      // for_iter: the loop ends; a generator's return value is dropped.
      decref(returned);
      decref(POP());
      ip = first + instruction_argument(ip[-1]);
    }
    DISPATCH();
  }

chain_yield:
  // `yielded` (owned) leaves `frame`, a generator frame or one suspended in YIELD_FROM.
  // It travels up through the frames that delegate by YIELD_FROM to the generator being
  // advanced: FOR_ITER takes it as its next item, anything else ends this loop.
  {
    SAVE_FRAME();
    Frame* top = frame;
    int suspended = 1;
    while (top->return_kind == FrameReturn::yield_from) {
      top = top->back;
      ++suspended;
    }
    if (top->return_kind == FrameReturn::for_iter) {
      static_cast<Generator*>(top->generator)->running = false;
      frame = top->back;
      frame->delegate = nullptr;
      top->back = nullptr;
      chain_depth -= suspended;
      run.recursion_depth -= suspended;
      LOAD_FRAME();
      PUSH(yielded);
      DISPATCH();
    }
    result = {ResumeStatus::yielded, Ref<>::steal(yielded)};
    goto leave;
  }

chain_blocked:
  // A native call returned the blocked marker: the chain stays linked as it is; resuming
  // it pushes the call's outcome on this frame's stack.
  SAVE_FRAME();
  result = {ResumeStatus::blocked, nullptr};
  goto leave;

leave:
  run.recursion_depth -= chain_depth;
  vm.current = saved_current;
  vm.suspendable = saved_suspendable;
  --vm.nesting;
  return result;
}

}  // namespace py
