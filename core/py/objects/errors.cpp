// The current exception lives in the run's state (runtime.hpp); raising builds an
// exception instance through its class (exceptions.hpp) and stores it there.
#include "core/py/objects/errors.hpp"

#include <cstdint>

#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {

void set_exception(Ref<> exception) { runtime().exception = std::move(exception); }

std::nullptr_t raise(Type& type, std::string_view message) {
  Ref<Str> text = make_str(message);
  if (!text) return nullptr;
  Ref<Tuple> args = make_tuple({text.get()});
  if (!args) return nullptr;
  Ref<> exception = make_exception(type, std::move(args));
  if (exception) set_exception(std::move(exception));
  return nullptr;
}

std::nullptr_t raise_empty(Type& type) {
  Ref<> exception = make_exception(type, empty_tuple());
  if (exception) set_exception(std::move(exception));
  return nullptr;
}

// The heap cap is what ran out, so the MemoryError itself is allocated with the cap lifted
// for the moment (a few hundred bytes past it). If the system allocator itself fails while
// building it, the recursion stops at the guard and the previous exception stays.
std::nullptr_t raise_memory_error() {
  static bool raising = false;  // building a MemoryError now (its allocation failed again)
  if (raising) return nullptr;
  raising = true;
  Runtime& run = runtime();
  size_t limit = run.heap_limit;
  run.heap_limit = SIZE_MAX;
  Ref<> exception = make_exception(memory_error_type, empty_tuple());
  run.heap_limit = limit;
  raising = false;
  if (exception) set_exception(std::move(exception));
  open_memory_reserve();
  return nullptr;
}

bool exception_pending() { return bool(runtime().exception); }

Object* current_exception() { return runtime().exception.get(); }

Ref<> take_exception() { return std::move(runtime().exception); }

void clear_exception() { runtime().exception = nullptr; }

bool exception_matches(const Type& type) {
  Object* exception = current_exception();
  return exception && is_instance(exception, type);
}

}  // namespace py
