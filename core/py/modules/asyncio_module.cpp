// The asyncio module's init (each file adds its part), the Operation awaitable every aio
// coroutine is exposed through, and the small functions: sleep, iscoroutine,
// iscoroutinefunction. The design is in asyncio_module.hpp.
#include "core/aio/sleep.hpp"
#include "core/py/compiler/code.hpp"
#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/execution.hpp"
#include "core/py/vm/function.hpp"
#include "core/py/vm/generator.hpp"

namespace py::asyncio {

Type operation_type = builtin_type<OperationObject>("coroutine", 0);

bool is_coroutine_object(Object* object) {
  return object->type == &coroutine_type || object->type == &operation_type;
}

namespace {

// An Operation yields itself to the driving task once; the task runs its body and stores
// the outcome, which the next step returns (or raises).
Ref<> operation_next(Object* self) {
  auto* operation = static_cast<OperationObject*>(self);
  if (operation->outcome) {
    Outcome outcome = std::move(*operation->outcome);
    operation->outcome.reset();
    Ref<> value = value_or_raise(outcome);
    if (!value) return nullptr;
    return raise_stop_iteration(value.get());
  }
  if (operation->yielded) return raise(runtime_error_type, "cannot reuse already awaited coroutine");
  operation->yielded = true;
  return Ref<>::borrow(self);
}

Ref<> operation_repr(Object* self) {
  return make_str(format_message("<coroutine object {} at {}>",
                                 static_cast<OperationObject*>(self)->name,
                                 static_cast<const void*>(self)));
}

// close(): dropping an operation never awaited is fine.
Ref<> operation_close(Object*, CallArgs args) {
  if (!check_positional("close", args, 0, 0)) return nullptr;
  return none();
}

const NativeMethod operation_methods[] = {
    {"close", operation_close},
    {nullptr, nullptr},
};

aio::Task<Value> sleep_body(double delay, Ref<> result) {
  aio::Result<void> slept = co_await aio::sleep(delay);
  if (!slept) co_return slept.error();
  co_return result;
}

Ref<> sleep(Object*, CallArgs args) {
  Object* delay = nullptr;
  Object* result = nullptr;
  if (!parse_args("sleep", args, {"delay", "result"}, 1, {&delay, &result})) return nullptr;
  double seconds = 0;
  if (!to_double(delay, &seconds)) return nullptr;
  return make_operation(sleep_body(seconds, result ? Ref<>::borrow(result) : none()), "sleep");
}

Ref<> iscoroutine(Object*, CallArgs args) {
  if (!check_positional("iscoroutine", args, 1, 1)) return nullptr;
  Object* object = args.values[0];
  return make_bool(is_coroutine_object(object));
}

Ref<> isfuture(Object*, CallArgs args) {
  if (!check_positional("isfuture", args, 1, 1)) return nullptr;
  return make_bool(is_future(args.values[0]));
}

Ref<> iscoroutinefunction(Object*, CallArgs args) {
  if (!check_positional("iscoroutinefunction", args, 1, 1)) return nullptr;
  Object* function = args.values[0];
  if (function->type == &bound_method_type) function = static_cast<BoundMethod*>(function)->function.get();
  bool is_coroutine = function->type == &function_type &&
                      (static_cast<Function*>(function)->code->flags & code_flag_coroutine);
  return make_bool(is_coroutine);
}

const NativeMethod module_functions[] = {
    {"sleep", sleep},
    {"iscoroutine", iscoroutine},
    {"iscoroutinefunction", iscoroutinefunction},
    {"isfuture", isfuture},
    {nullptr, nullptr},
};

}  // namespace

Ref<> make_operation(aio::Task<Value> body, const char* name) {
  Ref<OperationObject> operation = make_object<OperationObject>(&operation_type);
  if (!operation) return nullptr;
  operation->body = std::move(body);
  operation->name = name;
  return operation;
}

int add_type(Module* module, Type& type, const char* name) {
  if (ready_type(type) < 0) return -1;
  return dict_set_str(module->dict.get(), name, &type);
}

bool parse_args(const char* function_name, CallArgs args, std::initializer_list<const char*> names,
                size_t required, std::initializer_list<Object**> outputs, size_t positional_only) {
  Object* values[8] = {};
  if (!parse_arguments(function_name, args, names, required, values, positional_only)) return false;
  size_t index = 0;
  for (Object** output : outputs) *output = values[index++];
  return true;
}

int add_functions(Module* module, const NativeMethod* functions) {
  for (const NativeMethod* row = functions; row->name; ++row) {
    Ref<NativeFunction> function = make_native_function(row, nullptr);
    if (!function || dict_set_str(module->dict.get(), row->name, function.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace py::asyncio

namespace py {

int init_asyncio_module(Module* module) {
  using namespace asyncio;
  Dict* dict = module->dict.get();
  operation_type.await = iterator_return_self;
  operation_type.iter = iterator_return_self;
  operation_type.next = operation_next;
  operation_type.repr = operation_repr;
  install_methods(operation_type, operation_methods);
  if (ready_type(operation_type) < 0 || make_exception_classes(dict) < 0) return -1;
  for (const char* name : {"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"}) {
    Ref<Str> value = make_str(name);
    if (!value || dict_set_str(dict, name, value.get()) < 0) return -1;
  }
  if (add_functions(module, module_functions) < 0) return -1;
  int (*parts[])(Module*) = {init_asyncio_futures, init_asyncio_tasks,     init_asyncio_run,
                             init_asyncio_loop,    init_asyncio_functions, init_asyncio_sync,
                             init_asyncio_queues,  init_asyncio_scopes};
  for (auto part : parts)
    if (part(module) < 0) return -1;
  return 0;
}

}  // namespace py
