// anext_awaitable: anext(iterator, default)'s result (anext_awaitable.hpp).
#include "core/py/objects/anext_awaitable.hpp"

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

struct AnextAwaitable : Object {
  Ref<> awaitable;      // what __anext__() returned
  Ref<> iterator;       // its __await__ iterator, fetched on the first step (null before)
  Ref<> default_value;  // the result when the iteration is over
};

AnextAwaitable* as_anext(Object* object) { return static_cast<AnextAwaitable*>(object); }

// The wrapped awaitable's __await__ iterator, fetched once. Null after raising.
Object* awaited_iterator(AnextAwaitable* self) {
  if (self->iterator) return self->iterator.get();
  Object* awaitable = self->awaitable.get();
  if (!awaitable->type->await) {
    raise_format(type_error_type, "'{}' object is not awaitable", type_name(awaitable->type));
    return nullptr;
  }
  self->iterator = awaitable->type->await(awaitable);
  return self->iterator.get();
}

// A step's outcome: StopAsyncIteration from the wrapped awaitable becomes
// StopIteration(default), which finishes the `await` with the default.
Ref<> finish(AnextAwaitable* self, Ref<> outcome) {
  if (outcome || !exception_matches(stop_async_iteration_type)) return outcome;
  clear_exception();
  Ref<> stop = make_exception(stop_iteration_type, make_tuple({self->default_value.get()}));
  if (stop) set_exception(std::move(stop));
  return nullptr;
}

Ref<> anext_next(Object* self) {
  Object* iterator = awaited_iterator(as_anext(self));
  if (!iterator) return nullptr;
  if (!iterator->type->next)
    return raise_format(type_error_type, "'{}' object is not an iterator", type_name(iterator->type));
  return finish(as_anext(self), iterator->type->next(iterator));
}

// send/throw/close: the same call on the wrapped iterator.
Ref<> forward(Object* self, const char* method, CallArgs args) {
  Object* iterator = awaited_iterator(as_anext(self));
  if (!iterator) return nullptr;
  Ref<> bound = get_attribute(iterator, method);
  if (!bound) return nullptr;
  return finish(as_anext(self), call(bound.get(), args));
}
Ref<> anext_send(Object* self, CallArgs args) { return forward(self, "send", args); }
Ref<> anext_throw(Object* self, CallArgs args) { return forward(self, "throw", args); }
Ref<> anext_close(Object* self, CallArgs args) { return forward(self, "close", args); }

const NativeMethod anext_methods[] = {
    {"send", anext_send},
    {"throw", anext_throw},
    {"close", anext_close},
    {nullptr, nullptr},
};

}  // namespace

Type anext_awaitable_type = builtin_type<AnextAwaitable>("anext_awaitable", 0);

Ref<> make_anext_awaitable(Object* awaitable, Object* default_value) {
  Ref<AnextAwaitable> result = make_object<AnextAwaitable>(&anext_awaitable_type);
  if (!result) return nullptr;
  result->awaitable = Ref<>::borrow(awaitable);
  result->default_value = Ref<>::borrow(default_value);
  return result;
}

int ready_anext_awaitable_type() {
  anext_awaitable_type.await = iterator_return_self;
  anext_awaitable_type.iter = iterator_return_self;
  anext_awaitable_type.next = anext_next;
  install_methods(anext_awaitable_type, anext_methods);
  return ready_type(anext_awaitable_type);
}

}  // namespace py
