// str: immutable Unicode text, stored as UTF-8 with its length in code points.
//
// Design: UTF-8 keeps the common ASCII case compact and makes output free (the Host takes
// UTF-8). Indexing is O(1) for all-ASCII strings (the usual case) and O(n) otherwise — a
// playground trade-off against CPython's 1/2/4-byte forms. Hashes are CPython's (SipHash-1-3
// with the key PYTHONHASHSEED=0 gives), so sets of strings iterate in CPython's order.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/py/objects/object.hpp"

namespace py {

struct Str : Object {
  std::string value;        // the text, UTF-8
  int64_t length = 0;       // number of code points
  int64_t cached_hash = -1; // hash once computed (-1: not yet)
  bool is_ascii = true;     // every code point < 128: byte index == code point index
  bool interned = false;    // the one object for its text in the intern table
};

extern Type str_type;

inline bool is_str(const Object* object) {
  return object->type == &str_type || (object->type->flags & type_flag_str_subclass);
}

// A new str holding `utf8` (which must be valid UTF-8).
Ref<Str> make_str(std::string_view utf8);
Ref<Str> make_str(std::string&& utf8);
inline Ref<Str> make_str(const char* utf8) { return make_str(std::string_view(utf8)); }
// The interned str for `utf8`: the same object for the same text, kept for the run.
// Identifiers and attribute names are interned so dict lookups compare pointers first.
Ref<Str> intern(std::string_view utf8);
Str* intern_borrowed(std::string_view utf8);

int64_t str_hash(Str* text);

// Appends `tail` to `text`, which only the caller may see (it is not interned and no one
// else holds it): CPython's in-place `s += t` (vm/eval.cpp). False after raising
// MemoryError when the grown text would not fit under the run's cap.
bool str_append_in_place(Str* text, const Str* tail);

// repr() of a str: quotes chosen as CPython does, escapes for non-printables.
std::string str_repr(std::string_view utf8);

// Code point at index (0 <= index < length) as a new one-character str.
Ref<Str> str_char_at(Str* text, int64_t index);

// --- shared by the str files (str_methods.cpp, str_format.cpp, str_percent.cpp, bytes.cpp) --

inline Str* as_str(Object* object) { return static_cast<Str*>(object); }

// The text of an optional str argument (null: absent), or `fallback`. (A plain
// `object ? str->value : "utf-8"` would copy into a temporary std::string.)
inline std::string_view optional_text(Object* object, std::string_view fallback) {
  return object ? std::string_view(as_str(object)->value) : fallback;
}

// Byte offset of code point `index` (0 <= index <= length) in `text`: O(1) for ASCII text.
size_t str_byte_offset(const Str* text, int64_t index);
// Code point index of byte offset `offset` (at a character boundary) in `text`.
int64_t str_code_point_index(const Str* text, size_t offset);
// The code points [start, stop) of `text` (0 <= start <= stop <= length) as a new str.
Ref<Str> str_substring(Str* text, int64_t start, int64_t stop);
// The code points of `utf8` (valid UTF-8), and back.
std::u32string decode_utf8(std::string_view utf8);
std::string encode_utf8(std::u32string_view code_points);
// A new str of one code point (0 <= code < 0x110000, not a surrogate).
Ref<Str> str_from_code_point(char32_t code);
// self when `self` is an exact str (a new reference), else a new exact str of its text:
// what methods return when the result equals the receiver.
Ref<Str> str_exact_copy(Str* self);

// The bound `(start, stop)` arguments of find/count/startswith: None or an object with
// __index__ (TypeError "slice indices must be integers or None or have an __index__
// method"), adjusted as slice bounds against `length`. False on error.
bool parse_slice_bounds(Object* start, Object* stop, int64_t length, int64_t* start_out,
                        int64_t* stop_out);

// The Argument Clinic checks of a method whose parameters may be passed by keyword (split,
// encode, decode...): fills `out` (borrowed; null when absent) or raises "'x' is an invalid
// keyword argument for split()" / "split() takes at most 2 arguments (3 given)".
bool parse_method_keywords(const char* name, CallArgs args,
                           std::initializer_list<const char*> names, Object** out);

// When `key` is a slice object: its start, step and item count for a sequence of `length`
// (CPython's PySlice_Unpack + PySlice_AdjustIndices: "slice step cannot be zero", "slice
// indices must be integers or None or have an __index__ method"); returns 1. Returns 0
// when `key` is not a slice, -1 on error. Reads the slice's start/stop/step attributes, so
// it needs nothing from slice.cpp but a type named "slice". TODO(containers): switch to
// slice_indices() once slice.hpp exists.
int unpack_slice(Object* key, int64_t length, int64_t* start, int64_t* step, int64_t* count);

// Installs str's methods (str_methods.cpp, str_case_methods.cpp); ready_text_types() calls it.
void install_str_methods();
// The case and character-class methods (str_case_methods.cpp), for install_str_methods().
extern const struct NativeMethod str_case_methods[];
// str.format(*args, **kwargs) on the template `format_text`.
Ref<Str> str_format_call(std::string_view format_text, CallArgs args, Object* mapping);
// `format_text % values` for str.
Ref<> str_percent_format(Str* format_text, Object* values);

}  // namespace py
