// str's core: construction, the per-run intern table, hashing, repr, and the type's basic
// slots (len, indexing, iteration, comparison, concatenation, repetition, containment).
// Methods, str.format and the % operator live in str_methods.cpp, str_format.cpp and
// str_percent.cpp; bytes in bytes.cpp.
#include "core/py/objects/str.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/siphash.hpp"
#include "core/py/objects/slice.hpp"
#include "core/py/objects/slot_helpers.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/objects/unicode_case.hpp"
#include "core/py/syntax/utf8.hpp"

namespace py {

Type str_type = builtin_type<Str>("str", type_flag_base_allowed | type_flag_str_subclass);

namespace {

void measure(Str* text) {
  int64_t count = 0;
  bool ascii = true;
  for (unsigned char byte : text->value) {
    if (byte >= 0x80) ascii = false;
    if (!utf8::is_continuation_byte(byte)) ++count;
  }
  text->length = count;
  text->is_ascii = ascii;
}

// The run's interned strings, by text. Keys view the Str's own bytes; the table holds one
// reference to each Str until the run ends.
std::unordered_map<std::string_view, Str*>* intern_table = nullptr;

void forget_intern_table() {
  delete intern_table;
  intern_table = nullptr;
}

}  // namespace

Ref<Str> make_str(std::string_view utf8) { return make_str(std::string(utf8)); }

Ref<Str> make_str(std::string&& utf8) {
  Ref<Str> text = make_object<Str>(&str_type);
  if (!text) return nullptr;
  text->value = std::move(utf8);
  measure(text.get());
  return text;
}

Str* intern_borrowed(std::string_view utf8) {
  if (!intern_table) {
    intern_table = new std::unordered_map<std::string_view, Str*>();
    on_run_end(forget_intern_table);
  }
  auto found = intern_table->find(utf8);
  if (found != intern_table->end()) return found->second;
  Ref<Str> text = make_str(utf8);
  if (!text) return nullptr;
  text->interned = true;
  Str* kept = text.release();  // the table's reference, kept for the run
  intern_table->emplace(std::string_view(kept->value), kept);
  return kept;
}

Ref<Str> intern(std::string_view utf8) { return Ref<Str>::borrow(intern_borrowed(utf8)); }

int64_t str_hash(Str* text) {
  if (text->cached_hash == -1) text->cached_hash = hash_text(text->value);
  return text->cached_hash;
}

std::string str_repr(std::string_view utf8) {
  const bool has_single = utf8.find('\'') != std::string_view::npos;
  const bool has_double = utf8.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char byte = static_cast<unsigned char>(utf8[i]);
    if (byte >= 0x80) {
      const size_t start = i;
      const char32_t code = utf8::decode(utf8, i);
      if (unicode::has(code, unicode::printable)) {
        out.append(utf8.substr(start, i - start));
      } else if (code < 0x100) {
        out += format_message("\\x{:02x}", unsigned(code));
      } else if (code < 0x10000) {
        out += format_message("\\u{:04x}", unsigned(code));
      } else {
        out += format_message("\\U{:08x}", unsigned(code));
      }
      continue;
    }
    ++i;
    switch (byte) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (byte == static_cast<unsigned char>(quote)) {
          out += '\\';
          out += char(byte);
        } else if (byte < 0x20 || byte == 0x7f) {
          out += format_message("\\x{:02x}", unsigned(byte));
        } else {
          out += char(byte);
        }
    }
  }
  out += quote;
  return out;
}

size_t str_byte_offset(const Str* text, int64_t index) {
  if (text->is_ascii) return size_t(index);
  const std::string& value = text->value;
  size_t position = 0;
  for (int64_t seen = 0; seen < index && position < value.size(); ++seen) {
    ++position;
    while (position < value.size() &&
           utf8::is_continuation_byte(static_cast<unsigned char>(value[position])))
      ++position;
  }
  return position;
}

int64_t str_code_point_index(const Str* text, size_t offset) {
  if (text->is_ascii) return int64_t(offset);
  return utf8::count_characters(std::string_view(text->value).substr(0, offset));
}

Ref<Str> str_substring(Str* text, int64_t start, int64_t stop) {
  if (start == 0 && stop == text->length) return str_exact_copy(text);
  const size_t from = str_byte_offset(text, start);
  size_t to = from;
  if (text->is_ascii) {
    to = size_t(stop);
  } else {
    const std::string& value = text->value;
    for (int64_t seen = start; seen < stop && to < value.size(); ++seen) {
      ++to;
      while (to < value.size() && utf8::is_continuation_byte(static_cast<unsigned char>(value[to])))
        ++to;
    }
  }
  return make_str(std::string_view(text->value).substr(from, to - from));
}

std::u32string decode_utf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) out += utf8::decode(utf8, i);
  return out;
}

std::string encode_utf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (char32_t code : code_points) unicode::append_utf8(code, out);
  return out;
}

Ref<Str> str_from_code_point(char32_t code) {
  std::string out;
  unicode::append_utf8(code, out);
  return make_str(std::move(out));
}

Ref<Str> str_exact_copy(Str* self) {
  if (is_exact(self, str_type)) return Ref<Str>::borrow(self);
  return make_str(self->value);
}

Ref<Str> str_char_at(Str* text, int64_t index) { return str_substring(text, index, index + 1); }

bool parse_slice_bounds(Object* start, Object* stop, int64_t length, int64_t* start_out,
                        int64_t* stop_out) {
  int64_t bounds[2] = {0, length};
  Object* given[2] = {start, stop};
  for (int which = 0; which < 2; ++which) {
    Object* bound = given[which];
    if (!bound || is_none(bound)) continue;
    if (!is_int(bound) && !bound->type->index) {
      raise(type_error_type,
            "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    if (!index_to_int64(bound, &bounds[which])) {
      if (!exception_matches(overflow_error_type)) return false;
      clear_exception();
      Ref<> zero = make_int(0);
      bounds[which] = compare_truth(bound, zero.get(), CompareOp::less) ? INT64_MIN : INT64_MAX;
    }
  }
  // CPython's ADJUST_INDICES: negative bounds count from the end; only the stop is clipped
  // to the length, so a start past the end finds nothing.
  int64_t& first = bounds[0];
  int64_t& last = bounds[1];
  if (last > length) {
    last = length;
  } else if (last < 0) {
    last = last < -length ? 0 : last + length;
  }
  if (first < 0) first = first < -length ? 0 : first + length;
  *start_out = first;
  *stop_out = last;
  return true;
}

int unpack_slice(Object* key, int64_t length, int64_t* start, int64_t* step, int64_t* count) {
  if (!is_slice(key)) return 0;
  int64_t stop = 0;
  return slice_indices(key, length, start, &stop, step, count) ? 1 : -1;
}

namespace {

int64_t str_length(Object* self) { return as_str(self)->length; }

int64_t str_hash_slot(Object* self) { return str_hash(as_str(self)); }

Ref<> str_repr_slot(Object* self) { return make_str(str_repr(as_str(self)->value)); }

Ref<> str_str_slot(Object* self) { return str_exact_copy(as_str(self)); }

// text[start::step] with `count` characters.
Ref<> str_slice(Str* text, int64_t start, int64_t step, int64_t count) {
  if (step == 1) return str_substring(text, start, start + count);
  if (text->is_ascii) {
    std::string out;
    out.reserve(size_t(count));
    for (int64_t i = 0; i < count; ++i) out += text->value[size_t(start + i * step)];
    return make_str(std::move(out));
  }
  const std::u32string code_points = decode_utf8(text->value);
  std::u32string out;
  for (int64_t i = 0; i < count; ++i) out += code_points[size_t(start + i * step)];
  return make_str(encode_utf8(out));
}

Ref<> str_get_item(Object* self, Object* key) {
  Str* text = as_str(self);
  int64_t start = 0, step = 0, count = 0;
  const int sliced = unpack_slice(key, text->length, &start, &step, &count);
  if (sliced < 0) return nullptr;
  if (sliced) return str_slice(text, start, step, count);
  if (!is_int(key) && !key->type->index) {
    return raise_format(type_error_type, "string indices must be integers, not '{}'",
                        type_name(key->type));
  }
  int64_t index = 0;
  if (!index_to_int64(key, &index)) {
    if (!exception_matches(overflow_error_type)) return nullptr;
    clear_exception();
    return raise(index_error_type, "cannot fit 'int' into an index-sized integer");
  }
  if (index < 0) index += text->length;
  if (index < 0 || index >= text->length) return raise(index_error_type, "string index out of range");
  return str_char_at(text, index);
}

int str_contains(Object* self, Object* item) {
  if (!is_str(item)) {
    raise_format(type_error_type, "'in <string>' requires string as left operand, not {}",
                 type_name(item->type));
    return -1;
  }
  return as_str(self)->value.find(as_str(item)->value) != std::string::npos;
}

// Comparison by code point order, which UTF-8 byte order preserves.
Ref<> str_rich_compare(Object* self, Object* other, CompareOp op) {
  if (!is_str(other)) return not_implemented();
  const int order = as_str(self)->value.compare(as_str(other)->value);
  return make_bool(order_satisfies(order, op));
}

Ref<> str_add(Object* self, Object* other, bool reflected) {
  if (reflected) return not_implemented();
  if (!is_str(other)) {
    return raise_format(type_error_type, "can only concatenate str (not \"{}\") to str",
                        type_name(other->type));
  }
  return make_str(as_str(self)->value + as_str(other)->value);
}

}  // namespace

bool str_append_in_place(Str* text, const Str* tail) {
  std::string& value = text->value;
  const size_t size = value.size() + tail->value.size();
  // std::string doubles its buffer when it grows.
  if (size > value.capacity() && !check_heap_room(1, std::max(size, 2 * value.capacity())))
    return false;
  value += tail->value;
  text->length += tail->length;
  text->is_ascii = text->is_ascii && tail->is_ascii;
  text->cached_hash = -1;
  return true;
}

namespace {

// "ab" * 3 and 3 * "ab" (the int's slot returns NotImplemented, so ours runs reflected).
Ref<> str_multiply(Object* self, Object* other, bool) {
  if (!is_int(other) && !other->type->index) {
    return raise_format(type_error_type, "can't multiply sequence by non-int of type '{}'",
                        type_name(other->type));
  }
  int64_t count = 0;
  if (!index_to_int64(other, &count)) {
    if (!exception_matches(overflow_error_type)) return nullptr;
    clear_exception();
    return raise(overflow_error_type, "cannot fit 'int' into an index-sized integer");
  }
  const std::string& value = as_str(self)->value;
  if (count <= 0 || value.empty()) return make_str("");
  if (count == 1) return str_exact_copy(as_str(self));
  if (!check_heap_room(value.size(), uint64_t(count))) return nullptr;
  std::string out;
  out.reserve(value.size() * size_t(count));
  for (int64_t i = 0; i < count; ++i) out += value;
  return make_str(std::move(out));
}

Ref<> str_modulo(Object* self, Object* other, bool reflected) {
  if (reflected) return not_implemented();
  return str_percent_format(as_str(self), other);
}

// The iterator over a str's characters.
struct StrIterator : Object {
  Ref<Str> text;        // null once exhausted
  size_t position = 0;  // byte offset of the next character
};

Type str_iterator_type = builtin_type<StrIterator>("str_ascii_iterator", 0);

Ref<> str_iter(Object* self) {
  Ref<StrIterator> iterator = make_object<StrIterator>(&str_iterator_type);
  if (iterator) iterator->text = Ref<Str>::borrow(as_str(self));
  return iterator;
}

Ref<> str_iterator_next(Object* self) {
  auto* iterator = static_cast<StrIterator*>(self);
  if (!iterator->text) return nullptr;
  const std::string& value = iterator->text->value;
  if (iterator->position >= value.size()) {
    iterator->text = nullptr;
    return nullptr;
  }
  size_t end = iterator->position + 1;
  while (end < value.size() && utf8::is_continuation_byte(static_cast<unsigned char>(value[end])))
    ++end;
  Ref<Str> character =
      make_str(std::string_view(value).substr(iterator->position, end - iterator->position));
  iterator->position = end;
  return character;
}

// str(object='') → object.__str__(); str(object=b'', encoding='utf-8', errors='strict')
// decodes bytes.
Ref<> str_new(Type* type, CallArgs args) {
  // str(x), the everyday call, skips the argument parser.
  if (type == &str_type && args.count == 1 && !args.keyword_names) return to_str(args.values[0]);
  Object* given[3] = {};
  if (!parse_arguments("str", args, {"object", "encoding", "errors"}, 0, given)) return nullptr;
  Ref<Str> text;
  if (!given[1] && !given[2]) {
    text = given[0] ? to_str(given[0]) : make_str("");
  } else {
    for (int which = 1; which < 3; ++which) {
      if (given[which] && !is_str(given[which])) {
        return raise_format(type_error_type, "str() argument '{}' must be str, not {}",
                            which == 1 ? "encoding" : "errors", type_name(given[which]->type));
      }
    }
    const std::string_view encoding = optional_text(given[1], "utf-8");
    const std::string_view errors = optional_text(given[2], "strict");
    if (!given[0]) {
      text = make_str("");
    } else if (is_bytes(given[0])) {
      text = decode_bytes(static_cast<Bytes*>(given[0])->value, encoding, errors);
    } else if (is_str(given[0])) {
      return raise(type_error_type, "decoding str is not supported");
    } else {
      return raise_format(type_error_type,
                          "decoding to str: need a bytes-like object, {} found",
                          type_name(given[0]->type));
    }
  }
  if (!text || type == &str_type) return text;
  Ref<Str> instance = make_object<Str>(type);
  if (!instance) return nullptr;
  instance->value = text->value;
  measure(instance.get());
  return instance;
}

}  // namespace

void ready_text_types() {
  str_type.length = str_length;
  str_type.hash = str_hash_slot;
  str_type.repr = str_repr_slot;
  str_type.str = str_str_slot;
  str_type.get_item = str_get_item;
  str_type.contains = str_contains;
  str_type.rich_compare = str_rich_compare;
  str_type.binary[size_t(BinaryOp::add)] = str_add;
  str_type.binary[size_t(BinaryOp::multiply)] = str_multiply;
  str_type.binary[size_t(BinaryOp::modulo)] = str_modulo;
  str_type.iter = str_iter;
  str_type.new_instance = str_new;
  str_iterator_type.iter = iterator_return_self;
  str_iterator_type.next = str_iterator_next;
  install_str_methods();
  ready_type(str_iterator_type);
  ready_type(str_type);
  ready_bytes_types();
}

}  // namespace py
