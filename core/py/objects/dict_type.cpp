// dict as Python sees it: the type's slots (len, [], in, iteration over keys, ==, repr)
// and its methods, over the hash table of dict.cpp.
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/repr_guard.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type dict_type = builtin_type<Dict>("dict", type_flag_base_allowed | type_flag_dict_subclass);

namespace {

Dict* as_dict(Object* object) { return static_cast<Dict*>(object); }

int64_t dict_length(Object* self) { return int64_t(as_dict(self)->used); }

std::nullptr_t raise_key_error(Object* key) {
  set_exception(make_exception(key_error_type, make_tuple({key})));
  return nullptr;
}

// d[key]; a subclass's __missing__ answers for absent keys (defaultdict, Counter).
Ref<> dict_get_item(Object* self, Object* key) {
  if (Object* value = dict_lookup(as_dict(self), key)) return Ref<>::borrow(value);
  if (exception_pending()) return nullptr;
  if (!is_exact(self, dict_type)) {
    if (Object* missing = type_lookup(self->type, intern_borrowed("__missing__")))
      return call(missing, {self, key});
  }
  return raise_key_error(key);
}

int dict_set_item(Object* self, Object* key, Object* value) {
  return value ? dict_set(as_dict(self), key, value) : dict_delete(as_dict(self), key);
}

int dict_contains(Object* self, Object* key) {
  if (dict_lookup(as_dict(self), key)) return 1;
  return exception_pending() ? -1 : 0;
}

Ref<> dict_iter(Object* self) { return make_dict_key_iterator(as_dict(self), false); }

Ref<> dict_repr(Object* self) {
  Dict* dict = as_dict(self);
  if (dict->used == 0) return make_str("{}");
  ReprGuard guard(self);
  if (guard.recursive()) return make_str("{...}");
  std::string text = "{";
  size_t position = 0;
  Object* key;
  Object* value;
  bool first = true;
  while (dict_next(dict, &position, &key, &value)) {
    Ref<> held_key = Ref<>::borrow(key), held_value = Ref<>::borrow(value);
    if (!first) text += ", ";
    first = false;
    Ref<Str> key_text = repr(key);
    if (!key_text) return nullptr;
    Ref<Str> value_text = repr(value);
    if (!value_text) return nullptr;
    text += key_text->value + ": " + value_text->value;
  }
  text += "}";
  return make_str(std::move(text));
}

Ref<> dict_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_dict(other) || (op != CompareOp::equal && op != CompareOp::not_equal))
    return not_implemented();
  Dict* left = as_dict(self);
  Dict* right = as_dict(other);
  bool same = left->used == right->used;
  size_t position = 0;
  Object* key;
  Object* value;
  while (same && dict_next(left, &position, &key, &value)) {
    Ref<> held_key = Ref<>::borrow(key), held_value = Ref<>::borrow(value);
    Object* other_value = dict_lookup(right, key);
    if (!other_value) {
      if (exception_pending()) return nullptr;
      same = false;
      break;
    }
    Ref<> held_other = Ref<>::borrow(other_value);
    const int equal_values = equal(value, other_value);
    if (equal_values < 0) return nullptr;
    same = equal_values;
  }
  return make_bool(op == CompareOp::equal ? same : !same);
}

Ref<> dict_new(Type* type, CallArgs) { return make_object<Dict>(type); }

// dict(mapping_or_iterable=(), **kwargs) and d.update(...): `function` names the caller
// in the argument-count message.
int update_from_arguments(Object* self, CallArgs args, const char* function) {
  const size_t positional = args.positional_count();
  if (positional > 1) {
    raise_format(type_error_type, "{} expected at most 1 argument, got {}", function, positional);
    return -1;
  }
  if (positional == 1 && dict_update(as_dict(self), args.values[0]) < 0) return -1;
  for (size_t i = 0; i < args.keyword_count(); ++i) {
    Object* name = args.keyword_names->items[i].get();
    if (dict_set(as_dict(self), name, args.values[positional + i]) < 0) return -1;
  }
  return 0;
}

int dict_init(Object* self, CallArgs args) { return update_from_arguments(self, args, "dict"); }

Ref<> dict_get_method(Object* self, CallArgs args) {
  if (!check_positional("get", args, 1, 2)) return nullptr;
  if (Object* value = dict_lookup(as_dict(self), args.values[0])) return Ref<>::borrow(value);
  if (exception_pending()) return nullptr;
  return args.count == 2 ? Ref<>::borrow(args.values[1]) : none();
}

Ref<> dict_setdefault_method(Object* self, CallArgs args) {
  if (!check_positional("setdefault", args, 1, 2)) return nullptr;
  if (Object* value = dict_lookup(as_dict(self), args.values[0])) return Ref<>::borrow(value);
  if (exception_pending()) return nullptr;
  Object* value = args.count == 2 ? args.values[1] : &none_object;
  if (dict_set(as_dict(self), args.values[0], value) < 0) return nullptr;
  return Ref<>::borrow(value);
}

Ref<> dict_pop_method(Object* self, CallArgs args) {
  if (!check_positional("pop", args, 1, 2)) return nullptr;
  Object* found = dict_lookup(as_dict(self), args.values[0]);
  if (!found) {
    if (exception_pending()) return nullptr;
    if (args.count == 2) return Ref<>::borrow(args.values[1]);
    return raise_key_error(args.values[0]);
  }
  Ref<> value = Ref<>::borrow(found);
  if (dict_delete(as_dict(self), args.values[0]) < 0) return nullptr;
  return value;
}

Ref<> dict_update_method(Object* self, CallArgs args) {
  if (update_from_arguments(self, args, "update") < 0) return nullptr;
  return none();
}

// popitem(): the last inserted pair, removed (LIFO); KeyError on an empty dict.
Ref<> dict_popitem_method(Object* self, CallArgs args) {
  if (!check_positional("dict.popitem", args, 0, 0)) return nullptr;
  Dict* dict = as_dict(self);
  if (dict->used == 0) return raise(key_error_type, "popitem(): dictionary is empty");
  size_t last = dict->entries.size();
  while (!dict->entries[last - 1].key) --last;
  DictEntry& entry = dict->entries[last - 1];
  Ref<> pair = make_tuple({entry.key.get(), entry.value.get()});
  if (!pair) return nullptr;
  Ref<> key = entry.key;
  if (dict_delete(dict, key.get()) < 0) return nullptr;
  // Drop the trailing holes so that the next insertion reuses the end, as CPython does.
  while (!dict->entries.empty() && !dict->entries.back().key) dict->entries.pop_back();
  return pair;
}

// dict.fromkeys(iterable, value=None): a new dict (of the class it is called on).
Ref<> dict_fromkeys_method(Object* cls, CallArgs args) {
  if (!check_positional("fromkeys", args, 1, 2)) return nullptr;
  Object* value = args.count == 2 ? args.values[1] : &none_object;
  Ref<> result = call(cls, CallArgs{});
  if (!result) return nullptr;
  Ref<> iterator = get_iter(args.values[0]);
  if (!iterator) return nullptr;
  while (Ref<> key = iter_next(iterator.get()))
    if (set_item(result.get(), key.get(), value) < 0) return nullptr;
  if (exception_pending()) return nullptr;
  return result;
}

// reversed(d): the keys, last inserted first.
Ref<> dict_reversed_method(Object* self, CallArgs args) {
  if (!check_positional("dict.__reversed__", args, 0, 0)) return nullptr;
  return make_dict_key_iterator(as_dict(self), true);
}

// d | other: a copy of d updated with the other dict.
Ref<> dict_or(Object* self, Object* other, bool reflected) {
  if (!is_dict(other)) return not_implemented();
  Object* left = reflected ? other : self;
  Object* right = reflected ? self : other;
  Ref<Dict> result = make_dict();
  if (!result || dict_update(result.get(), left) < 0 || dict_update(result.get(), right) < 0)
    return nullptr;
  return result;
}

// d |= mapping_or_pairs
Ref<> dict_inplace_or(Object* self, Object* other) {
  if (dict_update(as_dict(self), other) < 0) return nullptr;
  return Ref<>::borrow(self);
}

Ref<> dict_copy_method(Object* self, CallArgs args) {
  if (!check_positional("dict.copy", args, 0, 0)) return nullptr;
  Ref<Dict> copy = make_dict();
  if (!copy || dict_update(copy.get(), self) < 0) return nullptr;
  return copy;
}

Ref<> dict_clear_method(Object* self, CallArgs args) {
  if (!check_positional("dict.clear", args, 0, 0)) return nullptr;
  dict_clear(as_dict(self));
  return none();
}

const NativeMethod dict_methods[] = {
    {"get", dict_get_method},
    {"setdefault", dict_setdefault_method},
    {"pop", dict_pop_method},
    {"update", dict_update_method},
    {"popitem", dict_popitem_method},
    {"fromkeys", dict_fromkeys_method, MethodKind::class_},
    {"__reversed__", dict_reversed_method},
    {"copy", dict_copy_method},
    {"clear", dict_clear_method},
    {nullptr, nullptr},
};

}  // namespace

int ready_dict_type() {
  dict_type.length = dict_length;
  dict_type.get_item = dict_get_item;
  dict_type.set_item = dict_set_item;
  dict_type.contains = dict_contains;
  dict_type.iter = dict_iter;
  dict_type.repr = dict_repr;
  dict_type.rich_compare = dict_rich_compare;
  dict_type.new_instance = dict_new;
  dict_type.init = dict_init;
  dict_type.binary[size_t(BinaryOp::bit_or)] = dict_or;
  dict_type.inplace[size_t(BinaryOp::bit_or)] = dict_inplace_or;
  install_methods(dict_type, dict_methods);
  return ready_type(dict_type);
}

}  // namespace py
