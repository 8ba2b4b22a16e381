// The dispatch loop's out-of-line operations (eval_support.cpp, eval_calls.cpp): the
// opcodes whose work is long or rare, kept out of run_frames() so its registers stay in
// machine registers. Internal to the VM. Conventions as everywhere: Ref<> null / int -1 /
// false means an exception is pending. "Stealing" functions take over the references of
// the stack slots they are given, whatever the outcome.
#pragma once

#include <cstdint>

#include "core/py/objects/object.hpp"
#include "core/py/vm/frame.hpp"

namespace py {

struct Generator;
struct List;
struct Set;
class BlockingCall;

// The thread's VM state (one run per thread at a time).
// Loop iterations between two calls of Host::poll() (and of Host::interrupted(), which
// stops the run with KeyboardInterrupt): often enough that output printed before a long
// computation shows within milliseconds, rare enough to cost nothing.
constexpr int host_poll_interval = 1 << 14;

struct VmState {
  Frame* current = nullptr;   // the innermost running frame, or null outside the VM
  int nesting = 0;            // dispatch loops active on the C++ stack
  bool suspendable = false;   // the innermost loop may suspend its chain on a blocking call
  BlockingCall* pending_block = nullptr;  // owned: the call a blocked chain waits for
  int jumps_until_host_poll = host_poll_interval;  // loop iterations before Host::poll()
};
extern VmState vm_state;

// --- names -----------------------------------------------------------------------------
// UnboundLocalError "cannot access local variable 'x' where it is not associated with a value".
void raise_unbound_local(Str* name);
// The same for cell `index` (a cell variable), or NameError for a free variable.
void raise_unbound_cell(Code* code, uint32_t index);
Ref<> load_name(Frame* frame, Str* name);
int store_name(Frame* frame, Str* name, Object* value);
int delete_name(Frame* frame, Str* name);
Ref<> load_class_deref(Frame* frame, uint32_t index);
// LOAD_METHOD: when `name` is a plain method found on the type (and not shadowed by the
// instance), sets *method (new reference) and returns null with no exception; otherwise
// returns the attribute (or null with an exception).
Ref<> load_method(Object* owner, Str* name, Object** method);

// --- building ----------------------------------------------------------------------------
Ref<> build_tuple(Object** items, uint32_t count);  // stealing
Ref<> build_list(Object** items, uint32_t count);   // stealing
Ref<> build_set(Object** items, uint32_t count);    // stealing
Ref<> build_map(Object** pairs, uint32_t count);    // stealing: key, value, key, value...
Ref<> build_const_key_map(Object** values, uint32_t count);  // stealing: values then keys
Ref<> build_string(Object** parts, uint32_t count);  // stealing
Ref<> build_slice(Object** parts, uint32_t count);   // stealing
int list_extend_for_display(List* list, Object* iterable);
int set_update_for_display(Set* set, Object* iterable);
int dict_update_for_display(Dict* dict, Object* mapping);
// f(**a, **b): `function` names the callee in "got multiple values for keyword argument".
int dict_merge_for_call(Dict* dict, Object* mapping, Object* function);
// Writes exactly `count` items of `sequence` to out[0..count), the first item at the top
// (out[count - 1]); new references.
bool unpack_sequence(Object* sequence, uint32_t count, Object** out);
// a, *b, c = ...: before + 1 + after values, the first on top.
bool unpack_extended(Object* sequence, uint32_t before, uint32_t after, Object** out);
// FORMAT_VALUE: conversion 0 none, 1 str, 2 repr, 3 ascii; spec may be null.
Ref<> format_value(Object* value, uint32_t conversion, Object* spec);

// --- exceptions --------------------------------------------------------------------------
// `except cls:` test: 1, 0, or -1 (TypeError for a class that is not an exception class).
int exception_matches_class(Object* exception, Object* cls);
// RAISE_VARARGS: sets the exception to raise. Returns true for a bare `raise` (the
// handled exception re-raised with its traceback: unwind without a new entry).
bool do_raise(Object* exception, Object* cause);
// PEP 479: a StopIteration (or StopAsyncIteration from an async generator) leaving a
// generator's frame becomes RuntimeError("generator raised StopIteration").
void convert_generator_stop_iteration(Generator* generator);

// --- with / async ------------------------------------------------------------------------
// cm.__enter__() (or cm.__aenter__() when `async_protocol`); *exit gets the bound
// __exit__ / __aexit__.
Ref<> enter_context(Object* manager, Ref<>* exit, bool async_protocol);
// exit(type(exception), exception, exception.__traceback__).
Ref<> call_exit_with_exception(Object* exit, Object* exception);
// GET_AWAITABLE: `kind` 0 await, 1 __aenter__, 2 __aexit__ (for the messages).
Ref<> get_awaitable(Object* awaited, uint32_t kind);
Ref<> get_async_iterator(Object* iterable);
Ref<> get_async_next(Object* iterator);

// What a delegate did with a sent value (YIELD_FROM on something that is not a Python
// frame the VM can link).
enum class DelegateStep : uint8_t { yielded, returned, failed };
// Sends `value` into `receiver` (next() for None on iterators, else .send()); *outcome is
// the yielded or returned value.
DelegateStep send_to_receiver(Object* receiver, Object* value, Ref<>* outcome);
enum class ThrowIntoReceiver : uint8_t { yielded, returned, raised };
// gen.throw()/close() arriving at a frame suspended in YIELD_FROM on such a receiver:
// GeneratorExit closes it then is raised here; other exceptions go to its throw() when
// it has one. On `raised` the exception to raise in the frame is pending.
ThrowIntoReceiver throw_into_receiver(Object* receiver, Object* exception, Ref<>* outcome);

// --- calls, functions, imports -------------------------------------------------------------
// CALL_FUNCTION_EX: when `callable` is a Python function, binds the arguments into a new
// frame (*callee, the call is left to the loop) and returns null with no exception;
// otherwise calls it. `keywords` may be null.
Ref<> call_with_unpacked(Object* callable, Object* positional, Object* keywords,
                         Frame** callee);
// MAKE_FUNCTION with its operands below `top` (stealing them).
Ref<> make_function_from_stack(Object** top, uint32_t flags, Dict* globals);
Ref<> import_name(Frame* frame, Str* name, Object* from_list, Object* level);
Ref<> import_from(Object* module, Str* name);
int import_star(Frame* frame, Object* module);
int setup_annotations(Frame* frame);

// --- match -------------------------------------------------------------------------------
bool is_match_mapping(Object* subject);
bool is_match_sequence(Object* subject);
// The values of `keys` in `subject` as a tuple, or null (no exception) when one is missing.
Ref<> match_keys(Object* subject, Object* keys);
// The attributes the class pattern extracts as a tuple, or null (no exception) on no match.
Ref<> match_class(Object* subject, Object* cls, uint32_t positional_count, Object* names);
Ref<> copy_dict_without_keys(Object* subject, Object* keys);

}  // namespace py
