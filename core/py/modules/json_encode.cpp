// json.dumps: CPython 3.11's encoder (Modules/_json.c and Lib/json/encoder.py) in one
// recursive writer. Floats use float.__repr__ (NaN/Infinity/-Infinity spelled as
// JavaScript does), ints int.__repr__ (subclasses' own __repr__ are ignored, as CPython
// does), strings are escaped as py_encode_basestring(_ascii), containers are written with
// the separators and indentation of the options.
#include <cmath>
#include <unordered_set>

#include "core/py/modules/json_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/float_repr.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {
namespace {

void append_hex4(std::string* out, uint32_t unit) {
  static const char digits[] = "0123456789abcdef";
  *out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) *out += digits[(unit >> shift) & 0xF];
}

// A JSON string literal for UTF-8 `text`: py_encode_basestring_ascii when ensure_ascii
// (non-ASCII as \uXXXX, astral characters as surrogate pairs), else py_encode_basestring.
void append_string(std::string* out, std::string_view text, bool ensure_ascii) {
  *out += '"';
  for (size_t i = 0; i < text.size();) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      switch (byte) {
        case '"': *out += "\\\""; break;
        case '\\': *out += "\\\\"; break;
        case '\n': *out += "\\n"; break;
        case '\r': *out += "\\r"; break;
        case '\t': *out += "\\t"; break;
        case '\b': *out += "\\b"; break;
        case '\f': *out += "\\f"; break;
        default:
          if (byte < 0x20 || (ensure_ascii && byte == 0x7F)) append_hex4(out, byte);
          else *out += char(byte);
      }
      ++i;
      continue;
    }
    size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    length = std::min(length, text.size() - i);
    if (!ensure_ascii) {
      out->append(text.substr(i, length));
    } else {
      std::u32string code_points = decode_utf8(text.substr(i, length));
      uint32_t code = code_points.empty() ? 0xFFFD : uint32_t(code_points[0]);
      if (code >= 0x10000) {
        code -= 0x10000;
        append_hex4(out, 0xD800 | (code >> 10));
        append_hex4(out, 0xDC00 | (code & 0x3FF));
      } else {
        append_hex4(out, code);
      }
    }
    i += length;
  }
  *out += '"';
}

class Encoder {
 public:
  explicit Encoder(const EncodeOptions& options) : options_(options) {}

  // Appends `value` at nesting `level`; false after raising.
  bool encode(Object* value, int level) {
    if (is_none(value)) return append("null");
    if (value == &true_object) return append("true");
    if (value == &false_object) return append("false");
    if (is_str(value)) {
      append_string(&out_, as_str(value)->value, options_.ensure_ascii);
      return true;
    }
    if (is_int(value)) return append_repr(int_type.repr(value));
    if (is_float(value)) return append_float(static_cast<Float*>(value)->value);
    if (is_list(value) || is_tuple(value) || is_dict(value)) {
      Guard guard(this, value);
      if (!guard.entered()) return false;
      return is_dict(value) ? encode_dict(static_cast<Dict*>(value), level)
                            : encode_sequence(value, level);
    }
    Guard guard(this, value);
    if (!guard.entered()) return false;
    if (!options_.default_function)
      return fail(raise_format(type_error_type, "Object of type {} is not JSON serializable",
                               type_name(value->type)));
    Ref<> replacement = call(options_.default_function, {value});
    return replacement && encode(replacement.get(), level);
  }

  std::string& text() { return out_; }

 private:
  // Marks a container as being encoded (for the circular check) and counts the native
  // recursion against the run's limit, as CPython's Py_EnterRecursiveCall.
  class Guard {
   public:
    Guard(Encoder* encoder, Object* value) : encoder_(encoder), value_(value) {
      Runtime& run = runtime();
      if (++run.recursion_depth > run.recursion_limit) {
        raise(recursion_error_type,
              "maximum recursion depth exceeded while encoding a JSON object");
        return;
      }
      if (encoder->options_.check_circular && !encoder->markers_.insert(value).second) {
        raise(value_error_type, "Circular reference detected");
        return;
      }
      marked_ = encoder->options_.check_circular;
      entered_ = true;
    }
    ~Guard() {
      --runtime().recursion_depth;
      if (marked_) encoder_->markers_.erase(value_);
    }
    bool entered() const { return entered_; }

   private:
    Encoder* encoder_;     // whose markers hold value_
    Object* value_;        // the container being encoded
    bool marked_ = false;  // value_ was added to the markers by this guard
    bool entered_ = false; // false: an error was raised
  };

  // `return fail(raise(...))` in functions returning bool.
  static bool fail(std::nullptr_t) { return false; }
  static bool out_of_range() {
    return fail(raise(value_error_type, "Out of range float values are not JSON compliant"));
  }

  bool append(std::string_view text) {
    out_ += text;
    return true;
  }

  bool append_repr(Ref<> text) {
    if (!text) return false;
    out_ += as_str(text.get())->value;
    return true;
  }

  // float.__repr__, or NaN/Infinity/-Infinity (ValueError when allow_nan is off).
  bool append_float(double value) {
    if (std::isfinite(value)) return append(float_repr(value));
    if (!options_.allow_nan)
      return out_of_range();
    return append(std::isnan(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
  }

  void newline(int level) {
    out_ += '\n';
    for (int i = 0; i < level; ++i) out_ += options_.indent;
  }

  void open(char bracket, int level) {
    out_ += bracket;
    if (options_.indented) newline(level + 1);
  }

  void separate(int level) {
    out_ += options_.item_separator;
    if (options_.indented) newline(level + 1);
  }

  void close(char bracket, int level) {
    if (options_.indented) newline(level);
    out_ += bracket;
  }

  bool encode_sequence(Object* sequence, int level) {
    const std::vector<Ref<>>& items = is_list(sequence) ? static_cast<List*>(sequence)->items
                                                         : static_cast<Tuple*>(sequence)->items;
    if (items.empty()) return append("[]");
    open('[', level);
    // A list may change while a default() hook runs: index it afresh each time.
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) separate(level);
      Ref<> item = items[i];
      if (!encode(item.get(), level + 1)) return false;
    }
    close(']', level);
    return true;
  }

  // The JSON text of a member's key, or false (with `skip` set for skipkeys, else raising).
  bool key_text(Object* key, std::string* out, bool* skip) {
    *skip = false;
    if (is_str(key)) {
      *out = as_str(key)->value;
    } else if (is_float(key)) {
      double value = static_cast<Float*>(key)->value;
      if (!std::isfinite(value) && !options_.allow_nan)
        return out_of_range();
      *out = std::isfinite(value) ? float_repr(value)
             : std::isnan(value)  ? "NaN"
             : value > 0          ? "Infinity"
                                  : "-Infinity";
    } else if (key == &true_object || key == &false_object || is_none(key)) {
      *out = key == &true_object ? "true" : key == &false_object ? "false" : "null";
    } else if (is_int(key)) {
      Ref<> text = int_type.repr(key);
      if (!text) return false;
      *out = as_str(text.get())->value;
    } else if (options_.skip_keys) {
      *skip = true;
      return false;
    } else {
      return fail(raise_format(type_error_type,
                               "keys must be str, int, float, bool or None, not {}",
                               type_name(key->type)));
    }
    return true;
  }

  bool encode_dict(Dict* dict, int level) {
    if (dict_size(dict) == 0) return append("{}");
    // Snapshot the items (as CPython's PyMapping_Items), sorted as (key, value) tuples.
    Ref<List> items = make_list();
    if (!items) return false;
    size_t position = 0;
    Object *key, *value;
    while (dict_next(dict, &position, &key, &value)) {
      Ref<Tuple> pair = make_tuple({key, value});
      if (!pair || list_append(items.get(), pair.get()) < 0) return false;
    }
    if (options_.sort_keys && list_sort(items.get(), nullptr, false) < 0) return false;
    out_ += '{';
    if (options_.indented) newline(level + 1);
    bool first = true;
    for (const Ref<>& item : items->items) {
      Tuple* pair = static_cast<Tuple*>(item.get());
      std::string key_json;
      bool skip;
      if (!key_text(pair->items[0].get(), &key_json, &skip)) {
        if (skip) continue;
        return false;
      }
      if (!first) separate(level);
      first = false;
      append_string(&out_, key_json, options_.ensure_ascii);
      out_ += options_.key_separator;
      if (!encode(pair->items[1].get(), level + 1)) return false;
    }
    close('}', level);
    return true;
  }

  const EncodeOptions& options_;            // how to write
  std::unordered_set<Object*> markers_;      // containers being encoded (circular check)
  std::string out_;                          // the JSON text so far
};

}  // namespace

Ref<Str> json_encode(Object* value, const EncodeOptions& options) {
  Encoder encoder(options);
  if (!encoder.encode(value, 0)) return nullptr;
  return make_str(std::move(encoder.text()));
}

}  // namespace py
