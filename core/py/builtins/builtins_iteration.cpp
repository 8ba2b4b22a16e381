// The builtins that consume an iterable into a new object: sorted. (len, iter and next
// live in builtins_core.cpp.)
#include "core/py/builtins/builtin_functions.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {
namespace {

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
    {"sorted", sorted_function},
    {nullptr, nullptr},
};

}  // namespace py
