// The abstract object layer (abstract.hpp), part one: representation, hashing,
// comparison, truth, attributes, calls, iteration and containers. Numbers and
// isinstance are in abstract_numbers.cpp.
#include "core/py/objects/abstract.hpp"

#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/sequence_iterator.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

// Native recursion through repr (a list containing itself through a user __repr__) is
// bounded by the run's recursion limit, as CPython's Py_EnterRecursiveCall does.
class RecursionGuard {
 public:
  explicit RecursionGuard(const char* where) {
    Runtime& run = runtime();
    entered_ = ++run.recursion_depth <= run.recursion_limit;
    if (!entered_) raise_format(recursion_error_type, "maximum recursion depth exceeded{}", where);
  }
  ~RecursionGuard() { --runtime().recursion_depth; }
  RecursionGuard(const RecursionGuard&) = delete;
  RecursionGuard& operator=(const RecursionGuard&) = delete;
  bool entered() const { return entered_; }

 private:
  bool entered_;  // false: the limit was passed and RecursionError raised
};

Ref<Str> checked_str(Ref<> result, const char* method) {
  if (!result) return nullptr;
  if (!is_str(result.get()))
    return raise_format(type_error_type, "{} returned non-string (type {})", method,
                        type_name(result->type));
  return ref_cast<Str>(std::move(result));
}

// Decodes one UTF-8 sequence at `text[*position]` (valid UTF-8 assumed).
uint32_t next_code_point(const std::string& text, size_t* position) {
  auto byte = [&](size_t i) { return uint32_t(uint8_t(text[i])); };
  uint32_t lead = byte(*position);
  size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) code = (code << 6) | (byte(*position + i) & 0x3F);
  *position += length;
  return code;
}

}  // namespace

Ref<Str> repr(Object* object) {
  RecursionGuard guard(" while getting the repr of an object");
  if (!guard.entered()) return nullptr;
  return checked_str(object->type->repr(object), "__repr__");
}

Ref<Str> to_str(Object* object) {
  if (is_exact(object, str_type)) return Ref<Str>::borrow(static_cast<Str*>(object));
  // str(n) in a loop: an exact int's str is its repr, which cannot recurse or return a
  // non-str, so it needs neither the guard nor the checks.
  if (is_exact(object, int_type)) return int_to_decimal(static_cast<Int*>(object));
  if (!object->type->str) return repr(object);
  RecursionGuard guard(" while getting the str of an object");
  if (!guard.entered()) return nullptr;
  return checked_str(object->type->str(object), "__str__");
}

// repr() with every non-ASCII code point escaped (\xNN, \uNNNN, \UNNNNNNNN).
Ref<Str> ascii(Object* object) {
  Ref<Str> text = repr(object);
  if (!text || text->is_ascii) return text;
  std::string escaped;
  for (size_t position = 0; position < text->value.size();) {
    uint32_t code = next_code_point(text->value, &position);
    if (code < 0x80)
      escaped += char(code);
    else if (code <= 0xFF)
      escaped += format_message("\\x{:02x}", code);
    else if (code <= 0xFFFF)
      escaped += format_message("\\u{:04x}", code);
    else
      escaped += format_message("\\U{:08x}", code);
  }
  return make_str(std::move(escaped));
}

Ref<Str> format(Object* object, Str* spec) {
  if (spec->length == 0 && is_exact(object, str_type))
    return Ref<Str>::borrow(static_cast<Str*>(object));
  Ref<> result = call_method(object, "__format__", {spec});
  if (!result) return nullptr;
  if (!is_str(result.get()))
    return raise_format(type_error_type, "__format__ must return a str, not {}",
                        type_name(result->type));
  return ref_cast<Str>(std::move(result));
}

// Exact str is answered directly: the common dict key, and the object model's own dicts are
// filled before str's slots are readied.
int64_t hash(Object* object) {
  if (is_exact(object, str_type)) return str_hash(static_cast<Str*>(object));
  if (!object->type->hash) {
    raise_format(type_error_type, "unhashable type: '{}'", type_name(object->type));
    return -1;
  }
  return object->type->hash(object);
}

// --- comparison ----------------------------------------------------------------------------

namespace {

CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::less: return CompareOp::greater;
    case CompareOp::less_equal: return CompareOp::greater_equal;
    case CompareOp::greater: return CompareOp::less;
    case CompareOp::greater_equal: return CompareOp::less_equal;
    default: return op;
  }
}

const char* compare_symbol(CompareOp op) {
  static const char* const symbols[] = {"<", "<=", "==", "!=", ">", ">="};
  return symbols[size_t(op)];
}

bool is_not_implemented(const Ref<>& result) { return result.get() == &not_implemented_object; }

}  // namespace

// CPython's do_richcompare: the right operand's reflected method first when its type is a
// proper subclass of the left's; ==/!= fall back to identity.
Ref<> rich_compare(Object* left, Object* right, CompareOp op) {
  RecursionGuard guard(" in comparison");
  if (!guard.entered()) return nullptr;
  Type* left_type = left->type;
  Type* right_type = right->type;
  bool reverse_tried = false;
  if (left_type != right_type && right_type->rich_compare && is_subtype(right_type, left_type)) {
    reverse_tried = true;
    Ref<> result = right_type->rich_compare(right, left, swapped(op));
    if (!is_not_implemented(result)) return result;
  }
  if (left_type->rich_compare) {
    Ref<> result = left_type->rich_compare(left, right, op);
    if (!is_not_implemented(result)) return result;
  }
  if (!reverse_tried && right_type->rich_compare) {
    Ref<> result = right_type->rich_compare(right, left, swapped(op));
    if (!is_not_implemented(result)) return result;
  }
  if (op == CompareOp::equal) return make_bool(left == right);
  if (op == CompareOp::not_equal) return make_bool(left != right);
  return raise_format(type_error_type, "'{}' not supported between instances of '{}' and '{}'",
                      compare_symbol(op), type_name(left_type), type_name(right_type));
}

int compare_truth(Object* left, Object* right, CompareOp op) {
  Ref<> result = rich_compare(left, right, op);
  if (!result) return -1;
  if (result.get() == &true_object) return 1;
  if (result.get() == &false_object) return 0;
  return truthy(result.get());
}

int equal(Object* left, Object* right) {
  if (left == right) return 1;
  if (is_exact(left, str_type) && is_exact(right, str_type))
    return static_cast<Str*>(left)->value == static_cast<Str*>(right)->value;
  return compare_truth(left, right, CompareOp::equal);
}

int truthy(Object* object) {
  if (object == &true_object) return 1;
  if (object == &false_object || object == &none_object) return 0;
  if (object->type->truthy) return object->type->truthy(object);
  if (object->type->length) {
    int64_t size = object->type->length(object);
    return size < 0 ? -1 : size > 0;
  }
  return 1;
}

// --- attributes ----------------------------------------------------------------------------

Ref<> get_attribute(Object* object, Str* name) {
  auto getter = object->type->get_attribute;
  return getter ? getter(object, name) : generic_get_attribute(object, name);
}

Ref<> get_attribute(Object* object, std::string_view name) {
  Ref<Str> interned = intern(name);
  if (!interned) return nullptr;
  return get_attribute(object, interned.get());
}

Ref<> get_attribute_or_missing(Object* object, Str* name) {
  auto getter = object->type->get_attribute;
  if (!getter || getter == generic_get_attribute)
    return generic_get_attribute_or_missing(object, name);
  Ref<> value = getter(object, name);
  if (!value && exception_matches(attribute_error_type)) clear_exception();
  return value;
}

int set_attribute(Object* object, Str* name, Object* value) {
  auto setter = object->type->set_attribute;
  if (!setter) {
    raise_format(attribute_error_type, "'{}' object has no attribute '{}'", type_name(object->type),
                 name->value);
    return -1;
  }
  return setter(object, name, value);
}

int delete_attribute(Object* object, Str* name) { return set_attribute(object, name, nullptr); }

// --- calls ---------------------------------------------------------------------------------

Ref<> call(Object* callable, CallArgs args) {
  if (!callable->type->call)
    return raise_format(type_error_type, "'{}' object is not callable", type_name(callable->type));
  return callable->type->call(callable, args);
}

Ref<> call(Object* callable, std::initializer_list<Object*> positional) {
  return call(callable, CallArgs{positional.begin(), positional.size(), nullptr});
}

Ref<> call_method(Object* object, Str* name, std::initializer_list<Object*> positional) {
  Ref<> method = get_attribute(object, name);
  if (!method) return nullptr;
  return call(method.get(), positional);
}

Ref<> call_method(Object* object, std::string_view name,
                  std::initializer_list<Object*> positional) {
  Ref<Str> interned = intern(name);
  if (!interned) return nullptr;
  return call_method(object, interned.get(), positional);
}

// --- iteration -----------------------------------------------------------------------------

Ref<> get_iter(Object* object) {
  Type* type = object->type;
  if (type->iter) {
    Ref<> iterator = type->iter(object);
    if (iterator && !iterator->type->next)
      return raise_format(type_error_type, "iter() returned non-iterator of type '{}'",
                          type_name(iterator->type));
    return iterator;
  }
  if (type->get_item && !is_instance(object, dict_type)) return make_sequence_iterator(object);
  return raise_format(type_error_type, "'{}' object is not iterable", type_name(type));
}

Ref<> iter_next(Object* iterator) {
  if (!iterator->type->next)
    return raise_format(type_error_type, "'{}' object is not an iterator",
                        type_name(iterator->type));
  return iterator->type->next(iterator);
}

// --- containers ----------------------------------------------------------------------------

int64_t length(Object* object) {
  if (!object->type->length) {
    raise_format(type_error_type, "object of type '{}' has no len()", type_name(object->type));
    return -1;
  }
  return object->type->length(object);
}

// obj[key]; a class subscripted (list[int]) goes to its __class_getitem__.
Ref<> get_item(Object* container, Object* key) {
  if (container->type->get_item) return container->type->get_item(container, key);
  if (is_instance(container, type_type)) {
    Ref<Str> name = intern("__class_getitem__");
    Ref<> method = get_attribute_or_missing(container, name.get());
    if (method) return call(method.get(), {key});
    if (exception_pending()) return nullptr;
    return raise_format(type_error_type, "type '{}' is not subscriptable",
                        type_name(static_cast<Type*>(container)));
  }
  return raise_format(type_error_type, "'{}' object is not subscriptable",
                      type_name(container->type));
}

int set_item(Object* container, Object* key, Object* value) {
  if (!container->type->set_item) {
    raise_format(type_error_type, "'{}' object does not support item assignment",
                 type_name(container->type));
    return -1;
  }
  return container->type->set_item(container, key, value);
}

int delete_item(Object* container, Object* key) {
  if (!container->type->set_item) {
    raise_format(type_error_type, "'{}' object doesn't support item deletion",
                 type_name(container->type));
    return -1;
  }
  return container->type->set_item(container, key, nullptr);
}

int contains(Object* container, Object* item) {
  if (container->type->contains) return container->type->contains(container, item);
  if (!container->type->iter && !container->type->get_item) {
    raise_format(type_error_type, "argument of type '{}' is not iterable",
                 type_name(container->type));
    return -1;
  }
  Ref<> iterator = get_iter(container);
  if (!iterator) return -1;
  while (Ref<> element = iter_next(iterator.get())) {
    int found = equal(element.get(), item);
    if (found != 0) return found;
  }
  return exception_pending() ? -1 : 0;
}

}  // namespace py
