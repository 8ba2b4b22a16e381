#include "core/py/objects/iterators.hpp"

#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/anext_awaitable.hpp"
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

// map(function, iterable, *iterables)
struct Map : Object {
  Ref<> function;                // called with one item of each iterator
  std::vector<Ref<>> iterators;  // one per iterable
};

// filter(function_or_None, iterable)
struct Filter : Object {
  Ref<> function;  // the predicate; null for None (the items' own truth)
  Ref<> iterator;  // the wrapped iterator
};

// iter(callable, sentinel)
struct CallableIterator : Object {
  Ref<> callable;  // null once exhausted
  Ref<> sentinel;  // the value that ends the iteration
};

}  // namespace

Type enumerate_type = builtin_type<Enumerate>("enumerate");
Type zip_type = builtin_type<Zip>("zip");
Type map_type = builtin_type<Map>("map");
Type filter_type = builtin_type<Filter>("filter");
Type callable_iterator_type = builtin_type<CallableIterator>("callable_iterator", 0);

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
                              i + 1, i == 1 ? "" : "s", i == 1 ? "1" : format_message("1-{}", i));
        }
        for (size_t j = 1; j < state->iterators.size(); ++j) {
          Ref<> extra = iter_next(state->iterators[j].get());
          if (extra) {
            return raise_format(value_error_type, "zip() argument {} is longer than argument{} {}",
                                j + 1, j == 1 ? "" : "s", j == 1 ? "1" : format_message("1-{}", j));
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

Ref<> map_new(Type* type, CallArgs args) {
  if (args.keyword_count()) return raise(type_error_type, "map() takes no keyword arguments");
  if (args.count < 2) return raise(type_error_type, "map() must have at least two arguments.");
  Ref<Map> result = make_object<Map>(type);
  if (!result) return nullptr;
  result->function = Ref<>::borrow(args.values[0]);
  for (size_t i = 1; i < args.count; ++i) {
    Ref<> iterator = get_iter(args.values[i]);
    if (!iterator) return nullptr;
    result->iterators.push_back(std::move(iterator));
  }
  return result;
}

// function(next(it1), next(it2), ...): stops with the shortest iterable.
Ref<> map_next(Object* self) {
  auto* state = static_cast<Map*>(self);
  std::vector<Ref<>> items;
  items.reserve(state->iterators.size());
  for (const Ref<>& iterator : state->iterators) {
    Ref<> item = iter_next(iterator.get());
    if (!item) return nullptr;
    items.push_back(std::move(item));
  }
  std::vector<Object*> values;
  values.reserve(items.size());
  for (const Ref<>& item : items) values.push_back(item.get());
  return call(state->function.get(), CallArgs{values.data(), values.size(), nullptr});
}

Ref<> filter_new(Type* type, CallArgs args) {
  if (args.keyword_count()) return raise(type_error_type, "filter() takes no keyword arguments");
  if (args.count != 2)
    return raise_format(type_error_type, "filter expected 2 arguments, got {}", args.count);
  Ref<> iterator = get_iter(args.values[1]);
  if (!iterator) return nullptr;
  Ref<Filter> result = make_object<Filter>(type);
  if (!result) return nullptr;
  // filter(bool, ...) is filter(None, ...), as CPython's fast path.
  Object* function = args.values[0];
  if (!is_none(function) && function != &bool_type) result->function = Ref<>::borrow(function);
  result->iterator = std::move(iterator);
  return result;
}

// The next item whose predicate (or own truth) holds.
Ref<> filter_next(Object* self) {
  auto* state = static_cast<Filter*>(self);
  for (;;) {
    Ref<> item = iter_next(state->iterator.get());
    if (!item) return nullptr;
    Ref<> verdict = state->function ? call(state->function.get(), {item.get()}) : item;
    if (!verdict) return nullptr;
    const int keep = truthy(verdict.get());
    if (keep < 0) return nullptr;
    if (keep) return item;
  }
}

Ref<> callable_iterator_next(Object* self) {
  auto* state = static_cast<CallableIterator*>(self);
  if (!state->callable) return nullptr;
  Ref<> value = call(state->callable.get(), CallArgs{});
  if (!value) {
    if (exception_matches(stop_iteration_type)) {
      clear_exception();
      state->callable = nullptr;
    }
    return nullptr;
  }
  const int done = equal(value.get(), state->sentinel.get());
  if (done < 0) return nullptr;
  if (done) {
    state->callable = nullptr;
    state->sentinel = nullptr;
    return nullptr;
  }
  return value;
}

}  // namespace

Ref<> make_callable_iterator(Object* callable, Object* sentinel) {
  if (!callable->type->call) return raise(type_error_type, "iter(v, w): v must be callable");
  Ref<CallableIterator> iterator = make_object<CallableIterator>(&callable_iterator_type);
  if (!iterator) return nullptr;
  iterator->callable = Ref<>::borrow(callable);
  iterator->sentinel = Ref<>::borrow(sentinel);
  return iterator;
}

int ready_iterator_types() {
  map_type.new_instance = map_new;
  map_type.iter = iterator_return_self;
  map_type.next = map_next;
  filter_type.new_instance = filter_new;
  filter_type.iter = iterator_return_self;
  filter_type.next = filter_next;
  callable_iterator_type.iter = iterator_return_self;
  callable_iterator_type.next = callable_iterator_next;
  if (ready_type(map_type) < 0 || ready_type(filter_type) < 0 ||
      ready_type(callable_iterator_type) < 0 || ready_anext_awaitable_type() < 0)
    return -1;
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
