// The iteration builtins: iter, next, aiter, anext and sorted. (map, filter, reversed,
// enumerate and zip are types: objects/iterators.hpp, sequence_iterator.hpp.)
#include "core/py/builtins/builtin_functions.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/anext_awaitable.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/iterators.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

// iter(iterable) / iter(callable, sentinel)
Ref<> iter_function(Object*, CallArgs args) {
  if (!check_positional("iter", args, 1, 2)) return nullptr;
  if (args.count == 2) return make_callable_iterator(args.values[0], args.values[1]);
  return get_iter(args.values[0]);
}

// next(iterator[, default])
Ref<> next_function(Object*, CallArgs args) {
  if (!check_positional("next", args, 1, 2)) return nullptr;
  Object* iterator = args.values[0];
  if (!iterator->type->next) {
    return raise_format(type_error_type, "'{}' object is not an iterator", type_name(iterator->type));
  }
  Ref<> item = iter_next(iterator);
  if (item || exception_pending()) return item;
  if (args.count == 2) return Ref<>::borrow(args.values[1]);
  return raise_empty(stop_iteration_type);
}

// aiter(async_iterable): type(x).__aiter__(x), which must give an async iterator.
Ref<> aiter_function(Object*, CallArgs args) {
  if (!check_positional("aiter", args, 1, 1)) return nullptr;
  Object* iterable = args.values[0];
  if (!iterable->type->aiter) {
    return raise_format(type_error_type, "'{}' object is not an async iterable",
                        type_name(iterable->type));
  }
  Ref<> iterator = iterable->type->aiter(iterable);
  if (!iterator) return nullptr;
  if (!iterator->type->anext) {
    return raise_format(type_error_type, "aiter() returned not an async iterator of type '{}'",
                        type_name(iterator->type));
  }
  return iterator;
}

// anext(async_iterator[, default]): the awaitable of __anext__(); with a default, an
// awaitable that turns StopAsyncIteration into that value.
Ref<> anext_function(Object*, CallArgs args) {
  if (!check_positional("anext", args, 1, 2)) return nullptr;
  Object* iterator = args.values[0];
  if (!iterator->type->anext) {
    return raise_format(type_error_type, "'{}' object is not an async iterator",
                        type_name(iterator->type));
  }
  Ref<> awaitable = iterator->type->anext(iterator);
  if (!awaitable || args.count == 1) return awaitable;
  return make_anext_awaitable(awaitable.get(), args.values[1]);
}

// sorted(iterable, /, *, key=None, reverse=False): a new list, sorted stably.
Ref<> sorted_function(Object*, CallArgs args) {
  const size_t positional = args.positional_count();
  if (positional != 1)
    return raise_format(type_error_type, "sorted expected 1 argument, got {}", positional);
  Object* key = nullptr;
  bool reverse = false;
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    const std::string& keyword = as_str(args.keyword_names->items[i].get())->value;
    Object* value = args.values[positional + i];
    if (keyword == "key") {
      key = is_none(value) ? nullptr : value;
    } else if (keyword == "reverse") {
      const int truth = truthy(value);
      if (truth < 0) return nullptr;
      reverse = truth;
    } else {
      return raise_format(type_error_type, "'{}' is an invalid keyword argument for sort()", keyword);
    }
  }
  Ref<List> result = sequence_to_list(args.values[0]);
  if (!result || list_sort(result.get(), key, reverse) < 0) return nullptr;
  return result;
}

}  // namespace

const NativeMethod iteration_builtin_functions[] = {
    {"iter", iter_function},
    {"next", next_function},
    {"aiter", aiter_function},
    {"anext", anext_function},
    {"sorted", sorted_function},
    {nullptr, nullptr},
};

}  // namespace py
