// bytes: construction, repr, hash, the sequence slots and the methods a learner meets
// (decode, hex, fromhex, count, find, index, startswith, endswith, split, join, strip,
// replace, upper, lower), with CPython 3.11's messages. The codecs are in bytes_codecs.cpp.
#include "core/py/objects/bytes.hpp"

#include <string>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/siphash.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type bytes_type = builtin_type<Bytes>("bytes");

Ref<Bytes> make_bytes(std::string_view data) {
  Ref<Bytes> bytes = make_object<Bytes>(&bytes_type);
  if (bytes) bytes->value.assign(data);
  return bytes;
}

std::string bytes_repr(std::string_view data) {
  const bool has_single = data.find('\'') != std::string_view::npos;
  const bool has_double = data.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (char character : data) {
    const auto byte = static_cast<unsigned char>(character);
    if (byte == static_cast<unsigned char>(quote) || byte == '\\') {
      out += '\\';
      out += character;
    } else if (byte == '\t') {
      out += "\\t";
    } else if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte >= 0x7f) {
      out += format_message("\\x{:02x}", unsigned(byte));
    } else {
      out += character;
    }
  }
  out += quote;
  return out;
}

bool bytes_needle(Object* argument, std::string* needle) {
  if (is_bytes(argument)) {
    *needle = as_bytes(argument)->value;
    return true;
  }
  if (!is_int(argument) && !argument->type->index) {
    raise_format(type_error_type, "argument should be integer or bytes-like object, not '{}'",
                 type_name(argument->type));
    return false;
  }
  int64_t value = 0;
  if (!index_to_int64(argument, &value)) return false;
  if (value < 0 || value > 255) {
    raise(value_error_type, "byte must be in range(0, 256)");
    return false;
  }
  *needle = std::string(1, char(value));
  return true;
}

namespace {

int64_t bytes_length(Object* self) { return int64_t(as_bytes(self)->value.size()); }

int64_t bytes_hash(Object* self) {
  Bytes* bytes = as_bytes(self);
  if (bytes->cached_hash == -1) bytes->cached_hash = hash_bytes(bytes->value.data(), bytes->value.size());
  return bytes->cached_hash;
}

Ref<> bytes_repr_slot(Object* self) { return make_str(bytes_repr(as_bytes(self)->value)); }

Ref<> bytes_get_item(Object* self, Object* key) {
  const std::string& value = as_bytes(self)->value;
  int64_t start = 0, step = 0, count = 0;
  const int sliced = unpack_slice(key, int64_t(value.size()), &start, &step, &count);
  if (sliced < 0) return nullptr;
  if (sliced) {
    std::string out;
    out.reserve(size_t(count));
    for (int64_t i = 0; i < count; ++i) out += value[size_t(start + i * step)];
    return make_bytes(out);
  }
  if (!is_int(key) && !key->type->index) {
    return raise_format(type_error_type, "byte indices must be integers or slices, not {}",
                        type_name(key->type));
  }
  int64_t index = 0;
  if (!index_to_int64(key, &index)) return nullptr;
  if (index < 0) index += int64_t(value.size());
  if (index < 0 || index >= int64_t(value.size())) return raise(index_error_type, "index out of range");
  return make_int(static_cast<unsigned char>(value[size_t(index)]));
}

int bytes_contains(Object* self, Object* item) {
  std::string needle;
  if (is_str(item)) {
    raise_format(type_error_type, "a bytes-like object is required, not '{}'", type_name(item->type));
    return -1;
  }
  if (!bytes_needle(item, &needle)) return -1;
  return as_bytes(self)->value.find(needle) != std::string::npos;
}

Ref<> bytes_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_bytes(other)) return not_implemented();
  const int order = as_bytes(self)->value.compare(as_bytes(other)->value);
  return make_bool(order_satisfies(order, op));
}

Ref<> bytes_add(Object* self, Object* other, bool reflected) {
  if (reflected) return not_implemented();
  if (!is_bytes(other)) {
    return raise_format(type_error_type, "can't concat {} to bytes", type_name(other->type));
  }
  return make_bytes(as_bytes(self)->value + as_bytes(other)->value);
}

Ref<> bytes_multiply(Object* self, Object* other, bool) {
  if (!is_int(other) && !other->type->index) {
    return raise_format(type_error_type, "can't multiply sequence by non-int of type '{}'",
                        type_name(other->type));
  }
  int64_t count = 0;
  if (!index_to_int64(other, &count)) return nullptr;
  const std::string& value = as_bytes(self)->value;
  std::string out;
  if (count > 0 && !value.empty()) {
    if (!check_heap_room(value.size(), uint64_t(count))) return nullptr;
    for (int64_t i = 0; i < count; ++i) out += value;
  }
  return make_bytes(out);
}

// The iterator over a bytes object's ints.
struct BytesIterator : Object {
  Ref<Bytes> bytes;     // null once exhausted
  size_t position = 0;  // index of the next byte
};

Type bytes_iterator_type = builtin_type<BytesIterator>("bytes_iterator", 0);

Ref<> bytes_iter(Object* self) {
  Ref<BytesIterator> iterator = make_object<BytesIterator>(&bytes_iterator_type);
  if (iterator) iterator->bytes = Ref<Bytes>::borrow(as_bytes(self));
  return iterator;
}

Ref<> bytes_iterator_next(Object* self) {
  auto* iterator = static_cast<BytesIterator*>(self);
  if (!iterator->bytes) return nullptr;
  if (iterator->position >= iterator->bytes->value.size()) {
    iterator->bytes = nullptr;
    return nullptr;
  }
  return make_int(static_cast<unsigned char>(iterator->bytes->value[iterator->position++]));
}

// bytes(), bytes(n), bytes(iterable of ints), bytes(bytes), bytes(str, encoding[, errors]).
Ref<> bytes_new(Type* type, CallArgs args) {
  Object* given[3] = {};
  if (!parse_arguments("bytes", args, {"source", "encoding", "errors"}, 0, given)) return nullptr;
  Object* source = given[0];
  std::string data;
  if (given[1] || given[2]) {
    if (!source || !is_str(source)) {
      return raise(type_error_type, given[1] ? "encoding without a string argument"
                                             : "errors without a string argument");
    }
    for (int which = 1; which < 3; ++which) {
      if (given[which] && !is_str(given[which])) {
        return raise_format(type_error_type, "bytes() argument '{}' must be str, not {}",
                            which == 1 ? "encoding" : "errors", type_name(given[which]->type));
      }
    }
    Ref<Bytes> encoded = encode_text(as_str(source)->value,
                                     optional_text(given[1], "utf-8"),
                                     optional_text(given[2], "strict"));
    if (!encoded || type == &bytes_type) return encoded;
    data = encoded->value;
  } else if (source && is_str(source)) {
    return raise(type_error_type, "string argument without an encoding");
  } else if (!source) {
    // bytes() is empty.
  } else if (is_bytes(source)) {
    if (type == &bytes_type && is_exact(source, bytes_type)) return Ref<>::borrow(source);
    data = as_bytes(source)->value;
  } else if (is_int(source) || source->type->index) {
    int64_t count = 0;
    if (!index_to_int64(source, &count)) return nullptr;
    if (count < 0) return raise(value_error_type, "negative count");
    if (count > (int64_t(1) << 40)) return raise_memory_error();
    data.assign(size_t(count), '\0');
  } else {
    Ref<> iterator = get_iter(source);
    if (!iterator) {
      if (!exception_matches(type_error_type)) return nullptr;
      clear_exception();
      return raise_format(type_error_type, "cannot convert '{}' object to bytes",
                          type_name(source->type));
    }
    while (Ref<> item = iter_next(iterator.get())) {
      Ref<> number = index(item.get());
      if (!number) return nullptr;
      int64_t value = 0;
      if (!index_to_int64(number.get(), &value) || value < 0 || value > 255) {
        clear_exception();
        return raise(value_error_type, "bytes must be in range(0, 256)");
      }
      data += char(value);
    }
    if (exception_pending()) return nullptr;
  }
  Ref<Bytes> bytes = make_object<Bytes>(type);
  if (bytes) bytes->value = std::move(data);
  return bytes;
}

}  // namespace

void ready_bytes_types() {
  bytes_type.length = bytes_length;
  bytes_type.hash = bytes_hash;
  bytes_type.repr = bytes_repr_slot;
  bytes_type.get_item = bytes_get_item;
  bytes_type.contains = bytes_contains;
  bytes_type.rich_compare = bytes_rich_compare;
  bytes_type.binary[size_t(BinaryOp::add)] = bytes_add;
  bytes_type.binary[size_t(BinaryOp::multiply)] = bytes_multiply;
  bytes_type.iter = bytes_iter;
  bytes_type.new_instance = bytes_new;
  bytes_iterator_type.iter = iterator_return_self;
  bytes_iterator_type.next = bytes_iterator_next;
  install_bytes_methods();
  ready_type(bytes_iterator_type);
  ready_type(bytes_type);
}

}  // namespace py
