// Out-of-line opcode work for the dispatch loop (eval_support.hpp): names, displays,
// unpacking, f-string fields, raising and matching exceptions, with-statements and the
// asynchronous protocols. Messages are CPython 3.11's.
#include "core/py/vm/eval_support.hpp"

#include <string>
#include <vector>

#include "core/py/compiler/code.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/set.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/eval.hpp"
#include "core/py/vm/function.hpp"
#include "core/py/vm/generator.hpp"

namespace py {
namespace {

// Releases `count` stolen stack values.
void release_values(Object** values, uint32_t count) {
  for (uint32_t i = 0; i < count; ++i) xdecref(values[i]);
}

bool is_iterable(Object* object) { return object->type->iter || object->type->get_item; }

// A special method looked up on the type and bound to `object` (CPython's
// _PyObject_LookupSpecial); null with no exception when absent.
Ref<> lookup_special(Object* object, const char* name) {
  Object* descriptor = type_lookup(object->type, intern_borrowed(name));
  if (!descriptor) return nullptr;
  if (descriptor->type->descriptor_get)
    return descriptor->type->descriptor_get(descriptor, object, object->type);
  return Ref<>::borrow(descriptor);
}

}  // namespace

// --- names ---------------------------------------------------------------------------------

void raise_unbound_local(Str* name) {
  raise_format(unbound_local_error_type,
               "cannot access local variable '{}' where it is not associated with a value",
               name->value);
}

void raise_unbound_cell(Code* code, uint32_t index) {
  if (index < code->cell_names.size()) {
    raise_unbound_local(code->cell_names[index].get());
    return;
  }
  raise_format(name_error_type,
               "cannot access free variable '{}' where it is not associated with a value in "
               "enclosing scope",
               code->free_names[index - code->cell_names.size()]->value);
}

namespace {

// The locals mapping's value for `name`: borrowed... as a new reference, or null with no
// exception when absent.
Ref<> lookup_locals(Object* mapping, Str* name) {
  if (is_dict(mapping)) return Ref<>::borrow(dict_lookup_str(static_cast<Dict*>(mapping), name));
  Ref<> found = get_item(mapping, name);
  if (!found && exception_matches(key_error_type)) clear_exception();
  return found;
}

}  // namespace

Ref<> load_name(Frame* frame, Str* name) {
  if (frame->locals_mapping) {
    Ref<> found = lookup_locals(frame->locals_mapping, name);
    if (found || exception_pending()) return found;
  }
  if (Object* found = dict_lookup_str(frame->globals, name)) return Ref<>::borrow(found);
  if (Object* found = dict_lookup_str(frame->builtins, name)) return Ref<>::borrow(found);
  return raise_name_error(name);
}

int store_name(Frame* frame, Str* name, Object* value) {
  if (!frame->locals_mapping) {
    raise_format(system_error_type, "no locals found when storing '{}'", name->value);
    return -1;
  }
  if (is_dict(frame->locals_mapping))
    return dict_set(static_cast<Dict*>(frame->locals_mapping), name, value);
  return set_item(frame->locals_mapping, name, value);
}

int delete_name(Frame* frame, Str* name) {
  if (!frame->locals_mapping) {
    raise_format(system_error_type, "no locals when deleting '{}'", name->value);
    return -1;
  }
  if (is_dict(frame->locals_mapping) &&
      !dict_lookup_str(static_cast<Dict*>(frame->locals_mapping), name)) {
    raise_name_error(name);
    return -1;
  }
  if (delete_item(frame->locals_mapping, name) < 0) {
    if (exception_matches(key_error_type)) {
      clear_exception();
      raise_name_error(name);
    }
    return -1;
  }
  return 0;
}

Ref<> load_class_deref(Frame* frame, uint32_t index) {
  Code* code = frame->code;
  Str* name = index < code->cell_names.size()
                  ? code->cell_names[index].get()
                  : code->free_names[index - code->cell_names.size()].get();
  if (frame->locals_mapping) {
    Ref<> found = lookup_locals(frame->locals_mapping, name);
    if (found || exception_pending()) return found;
  }
  Object* contents = static_cast<Cell*>(frame->cells()[index])->contents.get();
  if (!contents) {
    raise_unbound_cell(code, index);
    return nullptr;
  }
  return Ref<>::borrow(contents);
}

Ref<> load_method(Object* owner, Str* name, Object** method) {
  Type* type = owner->type;
  if (type->get_attribute == generic_get_attribute) {
    Object* descriptor = type_lookup(type, name);
    if (descriptor && (descriptor->type == &function_type ||
                       (descriptor->type == &method_descriptor_type &&
                        method_descriptor_type.call))) {
      Dict** instance_dict = instance_dict_slot(owner);
      if (!instance_dict || !*instance_dict || !dict_lookup_str(*instance_dict, name)) {
        incref(descriptor);
        *method = descriptor;
        return nullptr;
      }
    }
  }
  return get_attribute(owner, name);
}

// --- building ------------------------------------------------------------------------------

Ref<> build_tuple(Object** items, uint32_t count) {
  std::vector<Ref<>> values;
  values.reserve(count);
  for (uint32_t i = 0; i < count; ++i) values.push_back(Ref<>::steal(items[i]));
  return make_tuple(std::move(values));
}

Ref<> build_list(Object** items, uint32_t count) {
  std::vector<Ref<>> values;
  values.reserve(count);
  for (uint32_t i = 0; i < count; ++i) values.push_back(Ref<>::steal(items[i]));
  return make_list(std::move(values));
}

Ref<> build_set(Object** items, uint32_t count) {
  Ref<Set> set = make_set();
  bool failed = !set;
  for (uint32_t i = 0; i < count; ++i) {
    if (!failed && set_add(set.get(), items[i]) < 0) failed = true;
    decref(items[i]);
  }
  if (failed) return nullptr;
  return set;
}

Ref<> build_map(Object** pairs, uint32_t count) {
  Ref<Dict> dict = make_dict();
  bool failed = !dict;
  for (uint32_t i = 0; i < count; ++i) {
    if (!failed && dict_set(dict.get(), pairs[2 * i], pairs[2 * i + 1]) < 0) failed = true;
  }
  release_values(pairs, 2 * count);
  if (failed) return nullptr;
  return dict;
}

Ref<> build_const_key_map(Object** values, uint32_t count) {
  Tuple* keys = static_cast<Tuple*>(values[count]);
  Ref<Dict> dict = make_dict();
  bool failed = !dict;
  for (uint32_t i = 0; i < count && !failed; ++i) {
    if (dict_set(dict.get(), keys->items[i].get(), values[i]) < 0) failed = true;
  }
  release_values(values, count + 1);
  if (failed) return nullptr;
  return dict;
}

Ref<> build_string(Object** parts, uint32_t count) {
  std::string text;
  for (uint32_t i = 0; i < count; ++i) text += static_cast<Str*>(parts[i])->value;
  release_values(parts, count);
  return make_str(std::move(text));
}

Ref<> build_slice(Object** parts, uint32_t count) {
  Object* slice_class = dict_lookup_str(runtime().builtins, "slice");
  Ref<> slice;
  if (!slice_class) {
    raise(system_error_type, "slice is not available");
  } else if (count == 2) {
    slice = call(slice_class, {parts[0], parts[1]});
  } else {
    slice = call(slice_class, {parts[0], parts[1], parts[2]});
  }
  release_values(parts, count);
  return slice;
}

int list_extend_for_display(List* list, Object* iterable) {
  if (!is_iterable(iterable)) {
    raise_format(type_error_type, "Value after * must be an iterable, not {}",
                 type_name(iterable->type));
    return -1;
  }
  return list_extend(list, iterable);
}

int set_update_for_display(Set* set, Object* iterable) {
  Ref<> iterator = get_iter(iterable);
  if (!iterator) return -1;
  while (Ref<> item = iter_next(iterator.get())) {
    if (set_add(set, item.get()) < 0) return -1;
  }
  return exception_pending() ? -1 : 0;
}

int dict_update_for_display(Dict* dict, Object* mapping) {
  if (!is_dict(mapping) && !type_lookup(mapping->type, intern_borrowed("keys"))) {
    raise_format(type_error_type, "'{}' object is not a mapping", type_name(mapping->type));
    return -1;
  }
  return dict_update(dict, mapping);
}

int dict_merge_for_call(Dict* dict, Object* mapping, Object* function) {
  if (!is_dict(mapping) && !type_lookup(mapping->type, intern_borrowed("keys"))) {
    raise_format(type_error_type, "{} argument after ** must be a mapping, not {}",
                 function_description(function), type_name(mapping->type));
    return -1;
  }
  Ref<Dict> copy = make_dict();
  if (!copy || dict_update(copy.get(), mapping) < 0) return -1;
  size_t position = 0;
  Object* key;
  Object* value;
  while (dict_next(copy.get(), &position, &key, &value)) {
    if (!is_str(key)) {
      raise(type_error_type, "keywords must be strings");
      return -1;
    }
    if (dict_lookup(dict, key)) {
      raise_format(type_error_type, "{} got multiple values for keyword argument '{}'",
                   function_description(function), static_cast<Str*>(key)->value);
      return -1;
    }
    if (dict_set(dict, key, value) < 0) return -1;
  }
  return 0;
}

bool unpack_sequence(Object* sequence, uint32_t count, Object** out) {
  if (is_exact(sequence, tuple_type) || is_exact(sequence, list_type)) {
    const std::vector<Ref<>>& items = is_exact(sequence, tuple_type)
                                          ? static_cast<Tuple*>(sequence)->items
                                          : static_cast<List*>(sequence)->items;
    if (items.size() != count) {
      if (items.size() > count)
        raise_format(value_error_type, "too many values to unpack (expected {})", count);
      else
        raise_format(value_error_type, "not enough values to unpack (expected {}, got {})",
                     count, items.size());
      return false;
    }
    for (uint32_t i = 0; i < count; ++i) {
      out[count - 1 - i] = items[i].get();
      incref(items[i].get());
    }
    return true;
  }
  if (!is_iterable(sequence)) {
    raise_format(type_error_type, "cannot unpack non-iterable {} object",
                 type_name(sequence->type));
    return false;
  }
  Ref<> iterator = get_iter(sequence);
  if (!iterator) return false;
  uint32_t got = 0;
  for (; got < count; ++got) {
    Ref<> item = iter_next(iterator.get());
    if (!item) break;
    out[count - 1 - got] = item.release();
  }
  bool ok = got == count && !exception_pending();
  if (ok) {
    Ref<> extra = iter_next(iterator.get());
    if (extra) {
      raise_format(value_error_type, "too many values to unpack (expected {})", count);
      ok = false;
    } else if (exception_pending()) {
      ok = false;
    }
  } else if (!exception_pending()) {
    raise_format(value_error_type, "not enough values to unpack (expected {}, got {})", count,
                 got);
  }
  if (!ok)
    for (uint32_t i = 0; i < got; ++i) decref(out[count - 1 - i]);
  return ok;
}

bool unpack_extended(Object* sequence, uint32_t before, uint32_t after, Object** out) {
  if (!is_iterable(sequence)) {
    raise_format(type_error_type, "cannot unpack non-iterable {} object",
                 type_name(sequence->type));
    return false;
  }
  Ref<List> items = sequence_to_list(sequence);
  if (!items) return false;
  size_t size = items->items.size();
  if (size < before + after) {
    raise_format(value_error_type, "not enough values to unpack (expected at least {}, got {})",
                 before + after, size);
    return false;
  }
  uint32_t total = before + 1 + after;
  std::vector<Ref<>> middle(items->items.begin() + before, items->items.end() - after);
  Ref<List> starred = make_list(std::move(middle));
  if (!starred) return false;
  uint32_t slot = total;
  for (uint32_t i = 0; i < before; ++i) out[--slot] = Ref<>(items->items[i]).release();
  out[--slot] = starred.release();
  for (size_t i = size - after; i < size; ++i) out[--slot] = Ref<>(items->items[i]).release();
  return true;
}

Ref<> format_value(Object* value, uint32_t conversion, Object* spec) {
  Ref<> converted;
  switch (conversion) {
    case 1: converted = to_str(value); break;
    case 2: converted = repr(value); break;
    case 3: converted = ascii(value); break;
    default: converted = Ref<>::borrow(value); break;
  }
  if (!converted) return nullptr;
  if (!spec && is_exact(converted.get(), str_type)) return converted;
  return format(converted.get(), spec ? static_cast<Str*>(spec) : intern_borrowed(""));
}

// --- exceptions ----------------------------------------------------------------------------

int exception_matches_class(Object* exception, Object* cls) {
  if (is_tuple(cls)) {
    for (const Ref<>& item : static_cast<Tuple*>(cls)->items) {
      int matched = exception_matches_class(exception, item.get());
      if (matched != 0) return matched;
    }
    return 0;
  }
  if (!is_instance(cls, type_type) ||
      !is_subtype(static_cast<Type*>(cls), &base_exception_type)) {
    raise(type_error_type,
          "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return is_subtype(exception->type, static_cast<Type*>(cls)) ? 1 : 0;
}

namespace {

// An exception instance from `raise X` / `raise X from Y` operands: classes are called.
Ref<> exception_instance(Object* object, const char* message) {
  if (is_instance(object, type_type)) {
    if (!is_subtype(static_cast<Type*>(object), &base_exception_type))
      return raise(type_error_type, message);
    Ref<> instance = call(object, std::initializer_list<Object*>{});
    if (!instance) return nullptr;
    if (!is_exception(instance.get()))
      return raise_format(type_error_type,
                          "calling {} should have returned an instance of BaseException, not {}",
                          type_name(static_cast<Type*>(object)), type_name(instance->type));
    return instance;
  }
  if (is_exception(object)) return Ref<>::borrow(object);
  return raise(type_error_type, message);
}

}  // namespace

bool do_raise(Object* exception, Object* cause) {
  if (!exception) {
    Object* handled = current_handled_exception();
    if (!handled) {
      raise(runtime_error_type, "No active exception to reraise");
      return false;
    }
    set_exception(Ref<>::borrow(handled));
    return true;
  }
  Ref<> instance = exception_instance(exception, "exceptions must derive from BaseException");
  if (!instance) return false;
  if (cause) {
    Ref<> cause_instance;
    if (!is_none(cause)) {
      cause_instance = exception_instance(cause, "exception causes must derive from BaseException");
      if (!cause_instance) return false;
    }
    as_exception(instance.get())->cause = std::move(cause_instance);
    as_exception(instance.get())->suppress_context = true;
  }
  chain_exception_context(instance.get());
  set_exception(std::move(instance));
  return false;
}

void convert_generator_stop_iteration(Generator* generator) {
  Object* exception = current_exception();
  if (!exception) return;
  const char* message = nullptr;
  bool async_generator = generator->kind == GeneratorKind::async_generator;
  if (is_instance(exception, stop_iteration_type)) {
    message = generator->kind == GeneratorKind::coroutine ? "coroutine raised StopIteration"
              : async_generator ? "async generator raised StopIteration"
                                : "generator raised StopIteration";
  } else if (async_generator && is_instance(exception, stop_async_iteration_type)) {
    message = "async generator raised StopAsyncIteration";
  }
  if (!message || generator->kind == GeneratorKind::module) return;
  Ref<> cause = take_exception();
  raise(runtime_error_type, message);
  Object* converted = current_exception();
  if (!converted) return;
  as_exception(converted)->cause = cause;
  as_exception(converted)->context = cause;
  as_exception(converted)->suppress_context = true;
}

// --- with / async --------------------------------------------------------------------------

Ref<> enter_context(Object* manager, Ref<>* exit, bool async_protocol) {
  const char* protocol = async_protocol ? "asynchronous context manager" : "context manager";
  Ref<> enter = lookup_special(manager, async_protocol ? "__aenter__" : "__enter__");
  if (!enter) {
    if (!exception_pending())
      raise_format(type_error_type, "'{}' object does not support the {} protocol",
                   type_name(manager->type), protocol);
    return nullptr;
  }
  *exit = lookup_special(manager, async_protocol ? "__aexit__" : "__exit__");
  if (!*exit) {
    if (!exception_pending())
      raise_format(type_error_type,
                   "'{}' object does not support the {} protocol (missed {} method)",
                   type_name(manager->type), protocol,
                   async_protocol ? "__aexit__" : "__exit__");
    return nullptr;
  }
  return call(enter.get(), std::initializer_list<Object*>{});
}

Ref<> call_exit_with_exception(Object* exit, Object* exception) {
  Object* traceback = as_exception(exception)->traceback.get();
  return call(exit, {exception->type, exception, traceback ? traceback : &none_object});
}

namespace {

// The coroutine sits in an `await` of something else (CPython's _PyGen_yf).
bool coroutine_is_awaiting(Generator* coroutine) {
  Frame* frame = coroutine->frame;
  if (!frame || frame->finished || !coroutine->started) return false;
  if (frame->delegate) return true;
  const std::vector<uint32_t>& instructions = frame->code->instructions;
  return frame->instruction_index < instructions.size() &&
         instruction_opcode(instructions[frame->instruction_index]) == Opcode::YIELD_FROM;
}

}  // namespace

Ref<> get_awaitable(Object* awaited, uint32_t kind) {
  if (awaited->type == &coroutine_type) {
    if (coroutine_is_awaiting(static_cast<Generator*>(awaited)))
      return raise(runtime_error_type, "coroutine is being awaited already");
    return Ref<>::borrow(awaited);
  }
  UnaryFunction await_slot = awaited->type->await;
  if (!await_slot) {
    if (kind == 1)
      return raise_format(type_error_type,
                          "'async with' received an object from __aenter__ that does not "
                          "implement __await__: {}",
                          type_name(awaited->type));
    if (kind == 2)
      return raise_format(type_error_type,
                          "'async with' received an object from __aexit__ that does not "
                          "implement __await__: {}",
                          type_name(awaited->type));
    return raise_format(type_error_type, "object {} can't be used in 'await' expression",
                        type_name(awaited->type));
  }
  Ref<> iterator = await_slot(awaited);
  if (!iterator) return nullptr;
  if (iterator->type == &coroutine_type)
    return raise(type_error_type, "__await__() returned a coroutine");
  if (!iterator->type->next)
    return raise_format(type_error_type, "__await__() returned non-iterator of type '{}'",
                        type_name(iterator->type));
  return iterator;
}

Ref<> get_async_iterator(Object* iterable) {
  if (!iterable->type->aiter)
    return raise_format(type_error_type,
                        "'async for' requires an object with __aiter__ method, got {}",
                        type_name(iterable->type));
  Ref<> iterator = iterable->type->aiter(iterable);
  if (!iterator) return nullptr;
  if (!iterator->type->anext)
    return raise_format(type_error_type,
                        "'async for' received an object from __aiter__ that does not "
                        "implement __anext__: {}",
                        type_name(iterator->type));
  return iterator;
}

Ref<> get_async_next(Object* iterator) {
  if (!iterator->type->anext)
    return raise_format(type_error_type,
                        "'async for' requires an iterator with __anext__ method, got {}",
                        type_name(iterator->type));
  Ref<> next = iterator->type->anext(iterator);
  if (!next) return nullptr;
  if (next->type == &coroutine_type) return next;
  if (!next->type->await)
    return raise_format(type_error_type,
                        "'async for' received an invalid object from __anext__: {}",
                        type_name(next->type));
  Ref<> awaitable = next->type->await(next.get());
  if (!awaitable) return nullptr;
  if (!awaitable->type->next)
    return raise_format(type_error_type, "__await__() returned non-iterator of type '{}'",
                        type_name(awaitable->type));
  return awaitable;
}

namespace {

DelegateStep finish_step(Ref<> outcome, Ref<>* out) {
  if (outcome) {
    *out = std::move(outcome);
    return DelegateStep::yielded;
  }
  if (!exception_pending()) {
    *out = none();
    return DelegateStep::returned;
  }
  if (!exception_matches(stop_iteration_type)) return DelegateStep::failed;
  Ref<> stop = take_exception();
  *out = stop_iteration_value(stop.get());
  return DelegateStep::returned;
}

DelegateStep from_resume(ResumeResult result, Ref<>* out) {
  switch (result.status) {
    case ResumeStatus::yielded:
      *out = std::move(result.value);
      return DelegateStep::yielded;
    case ResumeStatus::returned:
      *out = std::move(result.value);
      return DelegateStep::returned;
    default:
      return DelegateStep::failed;
  }
}

}  // namespace

DelegateStep send_to_receiver(Object* receiver, Object* value, Ref<>* outcome) {
  if (is_generator_like(receiver))
    return from_resume(
        resume_generator(static_cast<Generator*>(receiver), EntryMode::send, value, false),
        outcome);
  if (is_none(value) && receiver->type->next)
    return finish_step(receiver->type->next(receiver), outcome);
  return finish_step(call_method(receiver, "send", {value}), outcome);
}

ThrowIntoReceiver throw_into_receiver(Object* receiver, Object* exception, Ref<>* outcome) {
  if (is_instance(exception, generator_exit_type)) {
    if (is_generator_like(receiver)) {
      if (close_generator(receiver) < 0) return ThrowIntoReceiver::raised;
    } else {
      Ref<> close = get_attribute_or_missing(receiver, intern_borrowed("close"));
      if (!close && exception_pending()) return ThrowIntoReceiver::raised;
      if (close && !call(close.get(), std::initializer_list<Object*>{}))
        return ThrowIntoReceiver::raised;
    }
    set_exception(Ref<>::borrow(exception));
    return ThrowIntoReceiver::raised;
  }
  DelegateStep step;
  if (is_generator_like(receiver)) {
    step = from_resume(resume_generator(static_cast<Generator*>(receiver), EntryMode::throw_,
                                        exception, false),
                       outcome);
  } else {
    Ref<> throw_method = get_attribute_or_missing(receiver, intern_borrowed("throw"));
    if (!throw_method) {
      if (!exception_pending()) set_exception(Ref<>::borrow(exception));
      return ThrowIntoReceiver::raised;
    }
    step = finish_step(call(throw_method.get(), {exception}), outcome);
  }
  if (step == DelegateStep::yielded) return ThrowIntoReceiver::yielded;
  if (step == DelegateStep::returned) return ThrowIntoReceiver::returned;
  return ThrowIntoReceiver::raised;
}

// --- match ---------------------------------------------------------------------------------

bool is_match_mapping(Object* subject) { return is_dict(subject); }

bool is_match_sequence(Object* subject) {
  if (is_list(subject) || is_tuple(subject)) return true;
  const char* name = type_name(subject->type);
  return std::string_view(name) == "range" || std::string_view(name) == "deque";
}

Ref<> match_keys(Object* subject, Object* keys) {
  std::vector<Ref<>> values;
  Ref<Set> seen = make_set();
  if (!seen) return nullptr;
  for (const Ref<>& key : static_cast<Tuple*>(keys)->items) {
    int duplicate = set_contains(seen.get(), key.get());
    if (duplicate < 0) return nullptr;
    if (duplicate) {
      Ref<Str> text = repr(key.get());
      if (!text) return nullptr;
      return raise_format(value_error_type, "mapping pattern checks duplicate key ({})",
                          text->value);
    }
    if (set_add(seen.get(), key.get()) < 0) return nullptr;
    Object* value = dict_lookup(static_cast<Dict*>(subject), key.get());
    if (!value) return nullptr;
    values.push_back(Ref<>::borrow(value));
  }
  return make_tuple(std::move(values));
}

namespace {

// Builtin classes whose single positional sub-pattern matches the subject itself.
bool matches_self(Type* cls) {
  std::string_view name = cls->name;
  if (cls->flags & type_flag_heap) return false;
  return name == "bool" || name == "bytearray" || name == "bytes" || name == "dict" ||
         name == "float" || name == "frozenset" || name == "int" || name == "list" ||
         name == "set" || name == "str" || name == "tuple";
}

}  // namespace

Ref<> match_class(Object* subject, Object* cls, uint32_t positional_count, Object* names) {
  if (!is_instance(cls, type_type))
    return raise(type_error_type, "called match pattern must be a type");
  Type* type = static_cast<Type*>(cls);
  int instance = is_instance_of(subject, cls);
  if (instance <= 0) return nullptr;
  std::vector<Ref<>> attributes;
  std::vector<std::string> seen;
  auto take = [&](Str* name) -> int {
    for (const std::string& earlier : seen) {
      if (earlier == name->value) {
        raise_format(type_error_type, "{}() got multiple sub-patterns for attribute '{}'",
                     type_name(type), name->value);
        return -1;
      }
    }
    seen.push_back(name->value);
    Ref<> attribute = get_attribute_or_missing(subject, name);
    if (!attribute) return exception_pending() ? -1 : 0;
    attributes.push_back(std::move(attribute));
    return 1;
  };
  if (positional_count > 0) {
    Ref<> match_args = get_attribute_or_missing(cls, intern_borrowed("__match_args__"));
    if (!match_args && exception_pending()) return nullptr;
    if (match_args) {
      if (!is_tuple(match_args.get()))
        return raise_format(type_error_type, "{}.__match_args__ must be a tuple (got {})",
                            type_name(type), type_name(match_args->type));
      Tuple* arguments = static_cast<Tuple*>(match_args.get());
      if (positional_count > tuple_size(arguments))
        return raise_format(type_error_type, "{}() accepts {} positional sub-pattern{} ({} given)",
                            type_name(type), tuple_size(arguments),
                            tuple_size(arguments) == 1 ? "" : "s", positional_count);
      for (uint32_t i = 0; i < positional_count; ++i) {
        Object* name = arguments->items[i].get();
        if (!is_str(name))
          return raise_format(type_error_type, "__match_args__ elements must be strings (got {})",
                              type_name(name->type));
        int taken = take(static_cast<Str*>(name));
        if (taken <= 0) return nullptr;
      }
    } else if (matches_self(type)) {
      if (positional_count > 1)
        return raise_format(type_error_type, "{}() accepts 1 positional sub-pattern ({} given)",
                            type_name(type), positional_count);
      attributes.push_back(Ref<>::borrow(subject));
    } else {
      return raise_format(type_error_type, "{}() accepts 0 positional sub-patterns ({} given)",
                          type_name(type), positional_count);
    }
  }
  for (const Ref<>& name : static_cast<Tuple*>(names)->items) {
    int taken = take(static_cast<Str*>(name.get()));
    if (taken <= 0) return nullptr;
  }
  return make_tuple(std::move(attributes));
}

Ref<> copy_dict_without_keys(Object* subject, Object* keys) {
  Ref<Dict> rest = make_dict();
  if (!rest || dict_update(rest.get(), subject) < 0) return nullptr;
  for (const Ref<>& key : static_cast<Tuple*>(keys)->items) {
    if (dict_lookup(rest.get(), key.get()) && dict_delete(rest.get(), key.get()) < 0)
      return nullptr;
  }
  return rest;
}

}  // namespace py
