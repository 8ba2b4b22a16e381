// json.loads: CPython 3.11's scanner (Modules/_json.c scan_once_unicode and
// scanstring_unicode) over the document's code points, with its error messages and
// positions, so JSONDecodeError reads as CPython's ("Expecting ',' delimiter: line 1
// column 7 (char 6)").
//
// Design: the UTF-8 text is decoded to code points once, so positions are the code point
// indices CPython reports. A syntax error is returned as a DecodeError (message,
// position) without a Python exception; hooks and RecursionError raise normally.
#include <cmath>

#include "core/py/modules/json_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/number_parse.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {
namespace {

bool is_json_whitespace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

class Scanner {
 public:
  Scanner(std::u32string text, const DecodeOptions& options, DecodeError* error)
      : text_(std::move(text)), options_(options), error_(error) {}

  size_t skip_whitespace(size_t position) const {
    while (position < text_.size() && is_json_whitespace(text_[position])) ++position;
    return position;
  }
  size_t size() const { return text_.size(); }

  // scan_once: the value starting at `position`, its end in *end. Null on error: a syntax
  // error fills error_ (no exception); "Expecting value" when nothing starts there.
  Ref<> scan(size_t position, size_t* end) {
    if (position >= text_.size()) return fail("Expecting value", position);
    char32_t c = text_[position];
    switch (c) {
      case '"': return scan_string(position + 1, end);
      case '{': return nested(position, end, true);
      case '[': return nested(position, end, false);
      case 'n':
        if (matches(position, U"null")) {
          *end = position + 4;
          return none();
        }
        break;
      case 't':
        if (matches(position, U"true")) {
          *end = position + 4;
          return make_bool(true);
        }
        break;
      case 'f':
        if (matches(position, U"false")) {
          *end = position + 5;
          return make_bool(false);
        }
        break;
      case 'N':
        if (matches(position, U"NaN")) return constant("NaN", NAN, position + 3, end);
        break;
      case 'I':
        if (matches(position, U"Infinity"))
          return constant("Infinity", INFINITY, position + 8, end);
        break;
      case '-':
        if (matches(position, U"-Infinity"))
          return constant("-Infinity", -INFINITY, position + 9, end);
        break;
    }
    return scan_number(position, end);
  }

 private:
  bool matches(size_t position, std::u32string_view word) const {
    return text_.compare(position, word.size(), word) == 0;
  }

  std::nullptr_t fail(const char* message, size_t position) {
    error_->message = message;
    error_->position = position;
    return nullptr;
  }

  std::string utf8(size_t start, size_t end) const {
    return encode_utf8(std::u32string_view(text_).substr(start, end - start));
  }

  Ref<> constant(const char* name, double value, size_t after, size_t* end) {
    *end = after;
    if (options_.parse_constant) {
      Ref<Str> text = make_str(name);
      return text ? call(options_.parse_constant, {text.get()}) : nullptr;
    }
    return make_float(value);
  }

  // An object or array, counted against the recursion limit as CPython's scanner does.
  Ref<> nested(size_t position, size_t* end, bool object) {
    Runtime& run = runtime();
    if (++run.recursion_depth > run.recursion_limit) {
      --run.recursion_depth;
      return raise_format(recursion_error_type,
                          "maximum recursion depth exceeded while decoding a JSON {} from a "
                          "unicode string",
                          object ? "object" : "array");
    }
    Ref<> result = object ? scan_object(position + 1, end) : scan_array(position + 1, end);
    --run.recursion_depth;
    return result;
  }

  // _match_number_unicode: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
  Ref<> scan_number(size_t start, size_t* end) {
    size_t position = start;
    const size_t length = text_.size();
    if (position < length && text_[position] == '-') ++position;
    if (position >= length || !is_digit(text_[position])) return fail("Expecting value", start);
    if (text_[position] == '0') {
      ++position;
    } else {
      while (position < length && is_digit(text_[position])) ++position;
    }
    bool is_float_text = false;
    if (position + 1 < length && text_[position] == '.' && is_digit(text_[position + 1])) {
      is_float_text = true;
      position += 2;
      while (position < length && is_digit(text_[position])) ++position;
    }
    if (position < length && (text_[position] == 'e' || text_[position] == 'E')) {
      size_t exponent = position + 1;
      if (exponent < length && (text_[exponent] == '-' || text_[exponent] == '+')) ++exponent;
      if (exponent < length && is_digit(text_[exponent])) {
        while (exponent < length && is_digit(text_[exponent])) ++exponent;
        position = exponent;
        is_float_text = true;
      }
    }
    *end = position;
    std::string digits = utf8(start, position);
    Object* hook = is_float_text ? options_.parse_float : options_.parse_int;
    if (hook) {
      Ref<Str> text = make_str(digits);
      return text ? call(hook, {text.get()}) : nullptr;
    }
    if (!is_float_text) return int_from_text(digits, 10, digits);
    return make_float(*parse_float(digits));
  }

  // scanstring_unicode: the string whose opening quote is at start - 1.
  Ref<> scan_string(size_t start, size_t* end) {
    std::u32string chunk;
    size_t position = start;
    const size_t length = text_.size();
    for (;;) {
      size_t run_start = position;
      while (position < length && text_[position] != '"' && text_[position] != '\\') {
        if (options_.strict && text_[position] <= 0x1F)
          return fail("Invalid control character at", position);
        ++position;
      }
      if (position >= length) return fail("Unterminated string starting at", start - 1);
      chunk.append(text_, run_start, position - run_start);
      if (text_[position] == '"') {
        *end = position + 1;
        return make_str(encode_utf8(chunk));
      }
      ++position;  // the backslash
      if (position >= length) return fail("Unterminated string starting at", start - 1);
      char32_t escape = text_[position];
      if (escape != 'u') {
        char32_t decoded = 0;
        switch (escape) {
          case '"': decoded = '"'; break;
          case '\\': decoded = '\\'; break;
          case '/': decoded = '/'; break;
          case 'b': decoded = '\b'; break;
          case 'f': decoded = '\f'; break;
          case 'n': decoded = '\n'; break;
          case 'r': decoded = '\r'; break;
          case 't': decoded = '\t'; break;
          default: return fail("Invalid \\escape", position - 1);
        }
        chunk += decoded;
        ++position;
        continue;
      }
      // As CPython: the four digits must be followed by something (the closing quote).
      char32_t unit;
      if (position + 5 >= length || !hex4(position + 1, &unit))
        return fail("Invalid \\uXXXX escape", position);
      position += 5;
      // A high surrogate followed by \u and a low surrogate is one character.
      if (unit >= 0xD800 && unit <= 0xDBFF && position + 6 < length && text_[position] == '\\' &&
          text_[position + 1] == 'u') {
        char32_t low;
        if (!hex4(position + 2, &low)) return fail("Invalid \\uXXXX escape", position + 1);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          unit = 0x10000 + (((unit - 0xD800) << 10) | (low - 0xDC00));
          position += 6;
        }
      }
      chunk += unit;
    }
  }

  bool hex4(size_t position, char32_t* out) const {
    if (position + 4 > text_.size()) return false;
    char32_t value = 0;
    for (size_t i = position; i < position + 4; ++i) {
      char32_t c = text_[i];
      int digit = is_digit(c) ? int(c - '0')
                  : (c >= 'a' && c <= 'f') ? int(c - 'a' + 10)
                  : (c >= 'A' && c <= 'F') ? int(c - 'A' + 10)
                                            : -1;
      if (digit < 0) return false;
      value = value * 16 + char32_t(digit);
    }
    *out = value;
    return true;
  }

  // _parse_object_unicode: members after the '{' at start - 1.
  Ref<> scan_object(size_t start, size_t* end) {
    Ref<Dict> dict = make_dict();
    Ref<List> pairs = options_.object_pairs_hook ? make_list() : nullptr;
    if (!dict || (options_.object_pairs_hook && !pairs)) return nullptr;
    size_t position = skip_whitespace(start);
    if (position >= text_.size() || text_[position] != '}') {
      for (;;) {
        if (position >= text_.size() || text_[position] != '"')
          return fail("Expecting property name enclosed in double quotes", position);
        Ref<> key = scan_string(position + 1, &position);
        if (!key) return nullptr;
        position = skip_whitespace(position);
        if (position >= text_.size() || text_[position] != ':')
          return fail("Expecting ':' delimiter", position);
        position = skip_whitespace(position + 1);
        Ref<> value = scan(position, &position);
        if (!value) return nullptr;
        if (pairs) {
          Ref<Tuple> pair = make_tuple({key.get(), value.get()});
          if (!pair || list_append(pairs.get(), pair.get()) < 0) return nullptr;
        } else if (dict_set(dict.get(), key.get(), value.get()) < 0) {
          return nullptr;
        }
        position = skip_whitespace(position);
        if (position < text_.size() && text_[position] == '}') break;
        if (position >= text_.size() || text_[position] != ',')
          return fail("Expecting ',' delimiter", position);
        position = skip_whitespace(position + 1);
      }
    }
    *end = position + 1;
    if (pairs) return call(options_.object_pairs_hook, {pairs.get()});
    if (options_.object_hook) return call(options_.object_hook, {dict.get()});
    return dict;
  }

  // _parse_array_unicode: items after the '[' at start - 1.
  Ref<> scan_array(size_t start, size_t* end) {
    Ref<List> list = make_list();
    if (!list) return nullptr;
    size_t position = skip_whitespace(start);
    if (position >= text_.size() || text_[position] != ']') {
      for (;;) {
        Ref<> value = scan(position, &position);
        if (!value || list_append(list.get(), value.get()) < 0) return nullptr;
        position = skip_whitespace(position);
        if (position < text_.size() && text_[position] == ']') break;
        if (position >= text_.size() || text_[position] != ',')
          return fail("Expecting ',' delimiter", position);
        position = skip_whitespace(position + 1);
      }
    }
    *end = position + 1;
    return list;
  }

  std::u32string text_;            // the document's code points
  const DecodeOptions& options_;   // hooks and strictness
  DecodeError* error_;             // where a syntax error is reported
};

}  // namespace

Ref<> json_decode(std::string_view utf8_text, const DecodeOptions& options, DecodeError* error) {
  Scanner scanner(decode_utf8(utf8_text), options, error);
  if (utf8_text.substr(0, 3) == "\xEF\xBB\xBF") {
    error->message = "Unexpected UTF-8 BOM (decode using utf-8-sig)";
    error->position = 0;
    return nullptr;
  }
  size_t end = 0;
  Ref<> value = scanner.scan(scanner.skip_whitespace(0), &end);
  if (!value) return nullptr;
  end = scanner.skip_whitespace(end);
  if (end != scanner.size()) {
    error->message = "Extra data";
    error->position = end;
    return nullptr;
  }
  return value;
}

}  // namespace py
