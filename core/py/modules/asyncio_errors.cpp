// asyncio's exception classes and the two-way mapping between Python exceptions and
// aio::Error (asyncio_module.hpp): a Python exception rides through aio as the payload of
// an Error whose kind mirrors its class, so aio's logic (a cancelled task, a failed
// gather) sees the kind and the Python side gets the very same object back.
#include <vector>

#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py::asyncio {

namespace {

ExceptionClasses classes;  // this run's classes; cleared at the run's end

void forget_classes() { classes = ExceptionClasses(); }

// class `name`(base): defined in asyncio.exceptions, as CPython names them in tracebacks.
Type* make_exception_class(Dict* module_dict, const char* name, Type& base) {
  Ref<Dict> namespace_dict = make_dict();
  if (!namespace_dict) return nullptr;
  Ref<Str> module_name = make_str("asyncio.exceptions");
  Ref<Str> class_name = make_str(name);
  if (!module_name || !class_name) return nullptr;
  dict_set_str(namespace_dict.get(), "__module__", module_name.get());
  dict_set_str(namespace_dict.get(), "__qualname__", class_name.get());
  Ref<Tuple> bases = make_tuple({&base});
  if (!bases) return nullptr;
  Ref<> made = make_class(nullptr, class_name.get(), bases.get(), namespace_dict.get(), CallArgs{});
  if (!made || dict_set_str(module_dict, name, made.get()) < 0) return nullptr;
  return static_cast<Type*>(made.get());  // the module's dict keeps it alive
}

// A new `type(message)` (no argument when the message is empty).
Ref<> new_exception(Type& type, const std::string& message) {
  if (message.empty()) return make_exception(type, empty_tuple());
  Ref<Str> text = make_str(message);
  if (!text) return nullptr;
  return make_exception(type, make_tuple({text.get()}));
}

}  // namespace

ExceptionClasses& exception_classes() { return classes; }

int make_exception_classes(Dict* module_dict) {
  on_run_end(&forget_classes);
  classes.cancelled_error = make_exception_class(module_dict, "CancelledError", base_exception_type);
  classes.invalid_state_error =
      make_exception_class(module_dict, "InvalidStateError", exception_type);
  classes.queue_empty = make_exception_class(module_dict, "QueueEmpty", exception_type);
  classes.queue_full = make_exception_class(module_dict, "QueueFull", exception_type);
  if (!classes.cancelled_error || !classes.invalid_state_error || !classes.queue_empty ||
      !classes.queue_full)
    return -1;
  // asyncio.TimeoutError is builtins.TimeoutError in 3.11.
  return dict_set_str(module_dict, "TimeoutError", &timeout_error_type);
}

std::string ExceptionPayload::class_name() const { return type_name(exception->type); }

aio::Error error_from_exception(Ref<> exception) {
  aio::ErrorKind kind = aio::ErrorKind::user;
  if (classes.cancelled_error && is_instance(exception.get(), *classes.cancelled_error))
    kind = aio::ErrorKind::cancelled;
  std::string message;
  if (Ref<Str> text = to_str(exception.get())) message = text->value;
  else clear_exception();
  return aio::Error(kind, std::move(message),
                    aio::make_ref<ExceptionPayload>(std::move(exception)));
}

aio::Error error_from_pending_exception() { return error_from_exception(take_exception()); }

Ref<> exception_from_error(const aio::Error& error) {
  if (auto* payload = static_cast<ExceptionPayload*>(error.payload())) return payload->exception;
  const std::string& message = error.message();
  switch (error.kind()) {
    case aio::ErrorKind::cancelled: return new_exception(*classes.cancelled_error, message);
    case aio::ErrorKind::timeout: return new_exception(timeout_error_type, message);
    case aio::ErrorKind::invalid_state:
      return new_exception(*classes.invalid_state_error, message);
    case aio::ErrorKind::queue_empty: return new_exception(*classes.queue_empty, message);
    case aio::ErrorKind::queue_full: return new_exception(*classes.queue_full, message);
    case aio::ErrorKind::value_error: return new_exception(value_error_type, message);
    case aio::ErrorKind::runtime_error: return new_exception(runtime_error_type, message);
    case aio::ErrorKind::interrupted: return new_exception(keyboard_interrupt_type, message);
    case aio::ErrorKind::exception_group: {
      // BaseExceptionGroup(message, [children]) — ExceptionGroup when all are Exceptions.
      std::vector<Ref<>> children;
      bool all_exceptions = true;
      for (const aio::Error& child : error.children()) {
        Ref<> converted = exception_from_error(child);
        if (!converted) return nullptr;
        if (!is_instance(converted.get(), exception_type)) all_exceptions = false;
        children.push_back(std::move(converted));
      }
      Ref<List> list = make_list(std::move(children));
      // aio's message ends with the count that str() of an ExceptionGroup adds itself.
      std::string group_message = message;
      size_t count_start = group_message.rfind(" (");
      if (count_start != std::string::npos && group_message.find("sub-exception", count_start) != std::string::npos)
        group_message.erase(count_start);
      Ref<Str> text = make_str(group_message);
      if (!list || !text) return nullptr;
      Type& group = all_exceptions ? exception_group_type : base_exception_group_type;
      return make_exception(group, make_tuple({text.get(), list.get()}));
    }
    case aio::ErrorKind::deadlock:
    case aio::ErrorKind::user: break;
  }
  return new_exception(runtime_error_type, message);
}

std::nullptr_t raise_error(const aio::Error& error) {
  Ref<> exception = exception_from_error(error);
  if (exception) set_exception(std::move(exception));
  return nullptr;
}

Ref<> value_or_raise(const Outcome& outcome) {
  if (outcome) return outcome.value();
  return raise_error(outcome.error());
}

aio::Loop* running_loop_or_raise() {
  aio::Loop* loop = aio::Loop::running();
  if (!loop) return raise(runtime_error_type, "no running event loop");
  return loop;
}

Outcome none_or_error(const aio::Result<void>& result) {
  if (!result) return result.error();
  return none();
}

}  // namespace py::asyncio
