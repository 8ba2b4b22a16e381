#include "core/py/objects/iterators.hpp"

#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

namespace {

// enumerate(iterable, start=0)
struct Enumerate : Object {
  Ref<> iterator;     // the wrapped iterator
  int64_t count = 0;  // the next index
};

// zip(*iterables, strict=False)
struct Zip : Object {
  std::vector<Ref<>> iterators;  // one per argument; empty once exhausted
  bool strict = false;           // raise when lengths differ
};

}  // namespace

Type enumerate_type = builtin_type<Enumerate>("enumerate");
Type zip_type = builtin_type<Zip>("zip");

namespace {

Ref<> enumerate_new(Type* type, CallArgs args) {
  Object* values[2] = {nullptr, nullptr};
  if (!parse_arguments("enumerate", args, {"iterable", "start"}, 1, values)) return nullptr;
  int64_t start = 0;
  if (values[1] && !index_to_int64(values[1], &start)) return nullptr;
  Ref<> iterator = get_iter(values[0]);
  if (!iterator) return nullptr;
  Ref<Enumerate> result = make_object<Enumerate>(type);
  if (!result) return nullptr;
  result->iterator = std::move(iterator);
  result->count = start;
  return result;
}

Ref<> enumerate_next(Object* self) {
  auto* state = static_cast<Enumerate*>(self);
  Ref<> item = iter_next(state->iterator.get());
  if (!item) return nullptr;
  Ref<> index = make_int(state->count++);
  if (!index) return nullptr;
  return make_tuple({index.get(), item.get()});
}

Ref<> zip_new(Type* type, CallArgs args) {
  const size_t positional = args.positional_count();
  bool strict = false;
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    Str* name = static_cast<Str*>(args.keyword_names->items[i].get());
    if (name->value != "strict")
      return raise_format(type_error_type, "zip() got an unexpected keyword argument '{}'", name->value);
    const int truth = truthy(args.values[positional + i]);
    if (truth < 0) return nullptr;
    strict = truth;
  }
  Ref<Zip> result = make_object<Zip>(type);
  if (!result) return nullptr;
  result->strict = strict;
  for (size_t i = 0; i < positional; ++i) {
    Ref<> iterator = get_iter(args.values[i]);
    if (!iterator) {
      if (exception_matches(type_error_type)) {
        clear_exception();
        return raise_format(type_error_type, "zip argument #{} must support iteration", i + 1);
      }
      return nullptr;
    }
    result->iterators.push_back(std::move(iterator));
  }
  return result;
}

Ref<> zip_next(Object* self) {
  auto* state = static_cast<Zip*>(self);
  if (state->iterators.empty()) return nullptr;
  std::vector<Ref<>> items;
  for (size_t i = 0; i < state->iterators.size(); ++i) {
    Ref<> item = iter_next(state->iterators[i].get());
    if (!item) {
      if (exception_pending()) return nullptr;
      if (state->strict) {
        if (i > 0) {
          return raise_format(value_error_type, "zip() argument {} is shorter than argument{} {}",
                              i + 1, i == 1 ? "" : "s", i == 1 ? "1" : fmt::format("1-{}", i));
        }
        for (size_t j = 1; j < state->iterators.size(); ++j) {
          Ref<> extra = iter_next(state->iterators[j].get());
          if (extra) {
            return raise_format(value_error_type, "zip() argument {} is longer than argument{} {}",
                                j + 1, j == 1 ? "" : "s", j == 1 ? "1" : fmt::format("1-{}", j));
          }
          if (exception_pending()) return nullptr;
        }
      }
      state->iterators.clear();
      return nullptr;
    }
    items.push_back(std::move(item));
  }
  return make_tuple(std::move(items));
}

}  // namespace

int ready_iterator_types() {
  enumerate_type.new_instance = enumerate_new;
  enumerate_type.iter = iterator_return_self;
  enumerate_type.next = enumerate_next;
  zip_type.new_instance = zip_new;
  zip_type.iter = iterator_return_self;
  zip_type.next = zip_next;
  if (ready_type(enumerate_type) < 0) return -1;
  return ready_type(zip_type);
}

}  // namespace py
