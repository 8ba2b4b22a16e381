// str's searching, splitting, joining, stripping, padding and translating methods, with
// CPython 3.11's argument handling and messages (Objects/unicodeobject.c and its Argument
// Clinic signatures). Searches run on the UTF-8 bytes (a UTF-8 match always starts at a
// character boundary) and convert offsets to code point indices only for the answer, so
// all-ASCII text never counts characters. The case and is*() methods are in
// str_case_methods.cpp, format/format_map in str_format.cpp.
#include <string>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/format_spec.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/number_support.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/unicode_case.hpp"
#include "core/py/syntax/utf8.hpp"

namespace py {

namespace {

using unicode::Property;

// The argument as a str, or TypeError "must be str, not int" (CPython's generic text).
Str* require_str(Object* argument) {
  if (is_str(argument)) return as_str(argument);
  raise_format(type_error_type, "must be str, not {}", type_name(argument->type));
  return nullptr;
}

// How Argument Clinic names a wrong argument's type: "None" for None, else the type name.
const char* argument_type_name(Object* argument) {
  return is_none(argument) ? "None" : type_name(argument->type);
}

// An integer argument through __index__ ("'str' object cannot be interpreted as an
// integer"); false on error.
bool integer_argument(Object* argument, int64_t* out) {
  Ref<> number = index(argument);
  if (!number) return false;
  return index_to_int64(number.get(), out);
}

}  // namespace

bool parse_method_keywords(const char* name, CallArgs args,
                           std::initializer_list<const char*> names, Object** out) {
  const size_t limit = names.size();
  for (size_t i = 0; i < limit; ++i) out[i] = nullptr;
  if (args.count > limit) {
    if (args.keyword_count() == 0) {
      raise_format(type_error_type, "{}() takes at most {} argument{} ({} given)", name, limit,
                   limit == 1 ? "" : "s", args.count);
    } else {
      raise_format(type_error_type, "{}() takes at most {} keyword argument{} ({} given)", name,
                   limit, limit == 1 ? "" : "s", args.count);
    }
    return false;
  }
  const size_t positional = args.positional_count();
  for (size_t i = 0; i < positional; ++i) out[i] = args.values[i];
  for (size_t k = 0; k < args.keyword_count(); ++k) {
    std::string_view keyword = as_str(args.keyword_names->items[k].get())->value;
    size_t at = 0;
    while (at < limit && keyword != names.begin()[at]) ++at;
    if (at == limit) {
      raise_format(type_error_type, "'{}' is an invalid keyword argument for {}()", keyword, name);
      return false;
    }
    if (out[at]) {
      raise_format(type_error_type, "argument for {}() given by name ('{}') and position ({})",
                   name, keyword, at + 1);
      return false;
    }
    out[at] = args.values[positional + k];
  }
  return true;
}

namespace {

// find/count/index/startswith's (sub[, start[, end]]) argument checks.
bool check_search_arguments(const char* name, CallArgs args) {
  if (args.keyword_count() > 0) {
    raise_format(type_error_type, "{}() takes no keyword arguments", name);
    return false;
  }
  if (args.count < 1) {
    raise_format(type_error_type, "{}() takes at least 1 argument (0 given)", name);
    return false;
  }
  if (args.count > 3) {
    raise_format(type_error_type, "{}() takes at most 3 arguments ({} given)", name, args.count);
    return false;
  }
  return true;
}

// The byte window [begin, end) of the code points [start, stop) of `text`.
struct ByteWindow {
  size_t begin;
  size_t end;
};
ByteWindow byte_window(Str* text, int64_t start, int64_t stop) {
  return {str_byte_offset(text, start), str_byte_offset(text, stop)};
}

enum class Direction { forward, backward };

// The code point index of `sub` in text[start:stop], or -1. -2 on error.
int64_t find_in(Str* text, CallArgs args, Direction direction, const char* name) {
  if (!check_search_arguments(name, args)) return -2;
  Str* sub = require_str(args.values[0]);
  if (!sub) return -2;
  int64_t start = 0, stop = 0;
  if (!parse_slice_bounds(args.count > 1 ? args.values[1] : nullptr,
                          args.count > 2 ? args.values[2] : nullptr, text->length, &start, &stop))
    return -2;
  if (stop - start < sub->length) return -1;
  const ByteWindow window = byte_window(text, start, stop);
  const std::string_view haystack =
      std::string_view(text->value).substr(window.begin, window.end - window.begin);
  const size_t found =
      direction == Direction::forward ? haystack.find(sub->value) : haystack.rfind(sub->value);
  if (found == std::string_view::npos) return -1;
  return str_code_point_index(text, window.begin + found);
}

template <Direction direction, bool raises>
Ref<> find_method(Object* self, CallArgs args) {
  static constexpr const char* name = direction == Direction::forward ? (raises ? "index" : "find")
                                                                      : (raises ? "rindex" : "rfind");
  const int64_t found = find_in(as_str(self), args, direction, name);
  if (found == -2) return nullptr;
  if (found == -1 && raises) return raise(value_error_type, "substring not found");
  return make_int(found);
}

Ref<> str_count(Object* self, CallArgs args) {
  if (!check_search_arguments("count", args)) return nullptr;
  Str* text = as_str(self);
  Str* sub = require_str(args.values[0]);
  if (!sub) return nullptr;
  int64_t start = 0, stop = 0;
  if (!parse_slice_bounds(args.count > 1 ? args.values[1] : nullptr,
                          args.count > 2 ? args.values[2] : nullptr, text->length, &start, &stop))
    return nullptr;
  if (stop - start < sub->length) return make_int(0);
  if (sub->length == 0) return make_int(stop - start + 1);
  const ByteWindow window = byte_window(text, start, stop);
  const std::string_view haystack =
      std::string_view(text->value).substr(window.begin, window.end - window.begin);
  int64_t count = 0;
  for (size_t at = haystack.find(sub->value); at != std::string_view::npos;
       at = haystack.find(sub->value, at + sub->value.size()))
    ++count;
  return make_int(count);
}

// startswith/endswith(prefix or tuple of prefixes[, start[, end]]).
template <bool at_end>
Ref<> affix_method(Object* self, CallArgs args) {
  static constexpr const char* name = at_end ? "endswith" : "startswith";
  if (!check_search_arguments(name, args)) return nullptr;
  Str* text = as_str(self);
  int64_t start = 0, stop = 0;
  if (!parse_slice_bounds(args.count > 1 ? args.values[1] : nullptr,
                          args.count > 2 ? args.values[2] : nullptr, text->length, &start, &stop))
    return nullptr;
  auto matches = [&](Str* affix) {
    if (stop - start < affix->length) return false;
    const ByteWindow window = byte_window(text, start, stop);
    const std::string_view haystack =
        std::string_view(text->value).substr(window.begin, window.end - window.begin);
    const std::string_view wanted = affix->value;
    if (wanted.size() > haystack.size()) return false;
    return at_end ? haystack.substr(haystack.size() - wanted.size()) == wanted
                  : haystack.substr(0, wanted.size()) == wanted;
  };
  Object* affixes = args.values[0];
  if (is_tuple(affixes)) {
    for (const Ref<>& item : static_cast<Tuple*>(affixes)->items) {
      if (!is_str(item.get())) {
        return raise_format(type_error_type, "tuple for {} must only contain str, not {}", name,
                            type_name(item->type));
      }
      if (matches(as_str(item.get()))) return make_bool(true);
    }
    return make_bool(false);
  }
  if (!is_str(affixes)) {
    return raise_format(type_error_type, "{} first arg must be str or a tuple of str, not {}",
                        name, type_name(affixes->type));
  }
  return make_bool(matches(as_str(affixes)));
}

// The split pieces as a list of strs.
Ref<> pieces_to_list(const std::vector<std::string_view>& pieces) {
  std::vector<Ref<>> items;
  items.reserve(pieces.size());
  for (std::string_view piece : pieces) {
    Ref<Str> item = make_str(piece);
    if (!item) return nullptr;
    items.push_back(std::move(item));
  }
  return make_list(std::move(items));
}

bool is_space_at(std::string_view text, size_t at, size_t* next) {
  size_t position = at;
  const char32_t code = utf8::decode(text, position);
  *next = position;
  return unicode::has(code, Property::space);
}

// split/rsplit(sep=None, maxsplit=-1).
template <Direction direction>
Ref<> split_method(Object* self, CallArgs args) {
  static constexpr const char* name = direction == Direction::forward ? "split" : "rsplit";
  Object* given[2];
  if (!parse_method_keywords(name, args, {"sep", "maxsplit"}, given)) return nullptr;
  int64_t limit = -1;
  if (given[1] && !integer_argument(given[1], &limit)) return nullptr;
  if (limit < 0) limit = INT64_MAX;
  const std::string_view text = as_str(self)->value;
  std::vector<std::string_view> pieces;
  if (!given[0] || is_none(given[0])) {
    // Runs of whitespace separate; leading and trailing whitespace give no empty pieces.
    std::vector<std::pair<size_t, size_t>> words;  // byte ranges
    size_t at = 0;
    while (at < text.size()) {
      size_t next = 0;
      if (is_space_at(text, at, &next)) {
        at = next;
        continue;
      }
      size_t end = at;
      while (end < text.size() && !is_space_at(text, end, &next)) end = next;
      words.emplace_back(at, end);
      at = end;
    }
    const size_t count = words.size();
    if (count == 0) return make_list();
    // Every word is split off when the limit allows; otherwise the last piece is the rest
    // of the text from the next word on, whitespace and all (CPython's split_whitespace).
    const bool every_word = uint64_t(limit) >= count;
    const size_t allowed = every_word ? count : size_t(limit) + 1;
    if (direction == Direction::forward) {
      for (size_t i = 0; i + 1 < allowed; ++i)
        pieces.push_back(text.substr(words[i].first, words[i].second - words[i].first));
      const size_t first = words[allowed - 1].first;
      const size_t last = every_word ? words[count - 1].second : text.size();
      pieces.push_back(text.substr(first, last - first));
    } else {
      const size_t skip = count - allowed;
      const size_t first = every_word ? words[0].first : 0;
      pieces.push_back(text.substr(first, words[skip].second - first));
      for (size_t i = skip + 1; i < count; ++i)
        pieces.push_back(text.substr(words[i].first, words[i].second - words[i].first));
    }
    return pieces_to_list(pieces);
  }
  if (!is_str(given[0])) {
    return raise_format(type_error_type, "must be str or None, not {}", type_name(given[0]->type));
  }
  Str* separator_object = as_str(given[0]);
  const std::string_view separator = separator_object->value;
  if (separator.empty()) return raise(value_error_type, "empty separator");
  if (direction == Direction::forward) {
    size_t at = 0;
    for (int64_t splits = 0; splits < limit; ++splits) {
      const size_t found = text.find(separator, at);
      if (found == std::string_view::npos) break;
      pieces.push_back(text.substr(at, found - at));
      at = found + separator.size();
    }
    pieces.push_back(text.substr(at));
  } else {
    size_t end = text.size();
    std::vector<std::string_view> reversed;
    for (int64_t splits = 0; splits < limit && end >= separator.size(); ++splits) {
      const size_t found = text.substr(0, end).rfind(separator);
      if (found == std::string_view::npos) break;
      reversed.push_back(text.substr(found + separator.size(), end - found - separator.size()));
      end = found;
    }
    reversed.push_back(text.substr(0, end));
    pieces.assign(reversed.rbegin(), reversed.rend());
  }
  return pieces_to_list(pieces);
}

Ref<> str_splitlines(Object* self, CallArgs args) {
  Object* given[1];
  if (!parse_method_keywords("splitlines", args, {"keepends"}, given)) return nullptr;
  int keep_ends = 0;
  if (given[0]) {
    keep_ends = truthy(given[0]);
    if (keep_ends < 0) return nullptr;
  }
  const std::string_view text = as_str(self)->value;
  std::vector<std::string_view> pieces;
  size_t line_start = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t next = at;
    const char32_t code = utf8::decode(text, next);
    const bool boundary = code == '\n' || code == '\r' || code == 0x0B || code == 0x0C ||
                          code == 0x1C || code == 0x1D || code == 0x1E || code == 0x85 ||
                          code == 0x2028 || code == 0x2029;
    if (!boundary) {
      at = next;
      continue;
    }
    if (code == '\r' && next < text.size() && text[next] == '\n') ++next;
    pieces.push_back(text.substr(line_start, (keep_ends ? next : at) - line_start));
    line_start = at = next;
  }
  if (line_start < text.size()) pieces.push_back(text.substr(line_start));
  return pieces_to_list(pieces);
}

Ref<> str_join(Object* self, CallArgs args) {
  if (!check_positional("str.join", args, 1, 1)) return nullptr;
  Ref<> iterator = get_iter(args.values[0]);
  if (!iterator) {
    if (exception_matches(type_error_type)) {
      clear_exception();
      return raise(type_error_type, "can only join an iterable");
    }
    return nullptr;
  }
  const std::string& separator = as_str(self)->value;
  std::string out;
  size_t position = 0;
  while (Ref<> item = iter_next(iterator.get())) {
    if (!is_str(item.get())) {
      return raise_format(type_error_type, "sequence item {}: expected str instance, {} found",
                          position, type_name(item->type));
    }
    if (position++ > 0) out += separator;
    out += as_str(item.get())->value;
  }
  if (exception_pending()) return nullptr;
  return make_str(std::move(out));
}

enum class StripSide { left = 1, right = 2, both = 3 };

template <StripSide side>
Ref<> strip_method(Object* self, CallArgs args) {
  static constexpr const char* name =
      side == StripSide::left ? "lstrip" : side == StripSide::right ? "rstrip" : "strip";
  if (!check_positional(name, args, 0, 1)) return nullptr;
  std::u32string characters;
  const bool whitespace = args.count == 0 || is_none(args.values[0]);
  if (!whitespace) {
    if (!is_str(args.values[0]))
      return raise_format(type_error_type, "{} arg must be None or str", name);
    characters = decode_utf8(as_str(args.values[0])->value);
  }
  const std::string_view text = as_str(self)->value;
  auto strippable = [&](char32_t code) {
    return whitespace ? unicode::has(code, Property::space)
                      : characters.find(code) != std::u32string::npos;
  };
  size_t begin = 0, end = text.size();
  if (int(side) & int(StripSide::left)) {
    while (begin < end) {
      size_t next = begin;
      if (!strippable(utf8::decode(text, next))) break;
      begin = next;
    }
  }
  if (int(side) & int(StripSide::right)) {
    while (end > begin) {
      size_t start = end - 1;
      while (start > begin && utf8::is_continuation_byte(static_cast<unsigned char>(text[start])))
        --start;
      size_t next = start;
      if (!strippable(utf8::decode(text, next))) break;
      end = start;
    }
  }
  if (begin == 0 && end == text.size()) return str_exact_copy(as_str(self));
  return make_str(text.substr(begin, end - begin));
}

// The fill character argument of center/ljust/rjust.
bool fill_character(Object* argument, std::string* fill) {
  if (!argument) {
    *fill = " ";
    return true;
  }
  if (!is_str(argument)) {
    raise_format(type_error_type, "The fill character must be a unicode character, not {}",
                 type_name(argument->type));
    return false;
  }
  if (as_str(argument)->length != 1) {
    raise(type_error_type, "The fill character must be exactly one character long");
    return false;
  }
  *fill = as_str(argument)->value;
  return true;
}

enum class Justify { left, right, center };

template <Justify justify>
Ref<> justify_method(Object* self, CallArgs args) {
  static constexpr const char* name =
      justify == Justify::left ? "ljust" : justify == Justify::right ? "rjust" : "center";
  if (!check_positional(name, args, 1, 2)) return nullptr;
  int64_t width = 0;
  if (!integer_argument(args.values[0], &width)) return nullptr;
  std::string fill;
  if (!fill_character(args.count > 1 ? args.values[1] : nullptr, &fill)) return nullptr;
  Str* text = as_str(self);
  if (text->length >= width) return str_exact_copy(text);
  const int64_t margin = width - text->length;
  int64_t left = 0;
  if (justify == Justify::right) left = margin;
  if (justify == Justify::center) left = margin / 2 + (margin & width & 1);
  std::string out;
  for (int64_t i = 0; i < left; ++i) out += fill;
  out += text->value;
  for (int64_t i = left; i < margin; ++i) out += fill;
  return make_str(std::move(out));
}

Ref<> str_zfill(Object* self, CallArgs args) {
  if (!check_positional("str.zfill", args, 1, 1)) return nullptr;
  int64_t width = 0;
  if (!integer_argument(args.values[0], &width)) return nullptr;
  Str* text = as_str(self);
  if (text->length >= width) return str_exact_copy(text);
  std::string out(size_t(width - text->length), '0');
  const std::string& value = text->value;
  if (!value.empty() && (value[0] == '+' || value[0] == '-')) {
    out.insert(out.begin(), value[0]);
    out.append(value, 1, std::string::npos);
  } else {
    out += value;
  }
  return make_str(std::move(out));
}

Ref<> str_expandtabs(Object* self, CallArgs args) {
  Object* given[1];
  if (!parse_method_keywords("expandtabs", args, {"tabsize"}, given)) return nullptr;
  int64_t tab_size = 8;
  if (given[0] && !integer_argument(given[0], &tab_size)) return nullptr;
  const std::string& value = as_str(self)->value;
  std::string out;
  int64_t column = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const char byte = value[i];
    if (byte == '\t') {
      if (tab_size > 0) {
        const int64_t spaces = tab_size - column % tab_size;
        out.append(size_t(spaces), ' ');
        column += spaces;
      }
    } else {
      out += byte;
      if (!utf8::is_continuation_byte(static_cast<unsigned char>(byte))) ++column;
      if (byte == '\n' || byte == '\r') column = 0;
    }
  }
  return make_str(std::move(out));
}

Ref<> str_replace(Object* self, CallArgs args) {
  if (!check_positional("replace", args, 2, 3)) return nullptr;
  for (int which = 0; which < 2; ++which) {
    if (!is_str(args.values[which])) {
      return raise_format(type_error_type, "replace() argument {} must be str, not {}", which + 1,
                          argument_type_name(args.values[which]));
    }
  }
  int64_t limit = -1;
  if (args.count > 2 && !integer_argument(args.values[2], &limit)) return nullptr;
  if (limit < 0) limit = INT64_MAX;
  Str* text = as_str(self);
  const std::string_view old_text = as_str(args.values[0])->value;
  const std::string_view new_text = as_str(args.values[1])->value;
  const std::string_view value = text->value;
  std::string out;
  int64_t done = 0;
  if (old_text.empty()) {
    // The new text goes before every character and at the end, up to the limit.
    size_t at = 0;
    while (done < limit && at <= value.size()) {
      out += new_text;
      ++done;
      if (at == value.size()) {
        at = value.size() + 1;
        break;
      }
      size_t next = at;
      utf8::decode(value, next);
      out.append(value.substr(at, next - at));
      at = next;
    }
    if (at <= value.size()) out.append(value.substr(at));
    return make_str(std::move(out));
  }
  size_t at = 0;
  for (; done < limit; ++done) {
    const size_t found = value.find(old_text, at);
    if (found == std::string_view::npos) break;
    out.append(value.substr(at, found - at));
    out += new_text;
    at = found + old_text.size();
  }
  if (done == 0) return str_exact_copy(text);
  out.append(value.substr(at));
  return make_str(std::move(out));
}

template <Direction direction>
Ref<> partition_method(Object* self, CallArgs args) {
  if (!check_positional(direction == Direction::forward ? "str.partition" : "str.rpartition",
                        args, 1, 1))
    return nullptr;
  Str* separator = require_str(args.values[0]);
  if (!separator) return nullptr;
  if (separator->value.empty()) return raise(value_error_type, "empty separator");
  Str* text = as_str(self);
  const std::string_view value = text->value;
  const size_t found = direction == Direction::forward ? value.find(separator->value)
                                                       : value.rfind(separator->value);
  Ref<Str> empty = make_str("");
  if (found == std::string_view::npos) {
    Ref<Str> whole = str_exact_copy(text);
    if (direction == Direction::forward) return make_tuple({whole.get(), empty.get(), empty.get()});
    return make_tuple({empty.get(), empty.get(), whole.get()});
  }
  Ref<Str> head = make_str(value.substr(0, found));
  Ref<Str> tail = make_str(value.substr(found + separator->value.size()));
  Ref<Str> middle = str_exact_copy(separator);
  if (!head || !tail) return nullptr;
  return make_tuple({head.get(), middle.get(), tail.get()});
}

template <bool suffix>
Ref<> remove_affix_method(Object* self, CallArgs args) {
  static constexpr const char* name = suffix ? "removesuffix" : "removeprefix";
  if (!check_positional(suffix ? "str.removesuffix" : "str.removeprefix", args, 1, 1))
    return nullptr;
  if (!is_str(args.values[0])) {
    return raise_format(type_error_type, "{}() argument must be str, not {}", name,
                        argument_type_name(args.values[0]));
  }
  const std::string_view value = as_str(self)->value;
  const std::string_view affix = as_str(args.values[0])->value;
  if (!affix.empty() && value.size() >= affix.size()) {
    if (!suffix && value.substr(0, affix.size()) == affix)
      return make_str(value.substr(affix.size()));
    if (suffix && value.substr(value.size() - affix.size()) == affix)
      return make_str(value.substr(0, value.size() - affix.size()));
  }
  return str_exact_copy(as_str(self));
}

Ref<> str_encode(Object* self, CallArgs args) {
  Object* given[2];
  if (!parse_method_keywords("encode", args, {"encoding", "errors"}, given)) return nullptr;
  static constexpr const char* names[] = {"encoding", "errors"};
  for (int which = 0; which < 2; ++which) {
    if (given[which] && !is_str(given[which])) {
      return raise_format(type_error_type, "encode() argument '{}' must be str, not {}",
                          names[which], argument_type_name(given[which]));
    }
  }
  return encode_text(as_str(self)->value, optional_text(given[0], "utf-8"),
                     optional_text(given[1], "strict"));
}

// str.maketrans(x[, y[, z]]): the dict translate() takes.
Ref<> str_maketrans(Object*, CallArgs args) {
  if (!check_positional("maketrans", args, 1, 3)) return nullptr;
  Ref<Dict> table = make_dict();
  if (!table) return nullptr;
  if (args.count == 1) {
    Object* mapping = args.values[0];
    if (!is_dict(mapping)) {
      return raise(type_error_type,
                   "if you give only one argument to maketrans it must be a dict");
    }
    size_t position = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(static_cast<Dict*>(mapping), &position, &key, &value)) {
      Ref<> new_key;
      if (is_str(key)) {
        if (as_str(key)->length != 1) {
          return raise(value_error_type, "string keys in translate table must be of length 1");
        }
        new_key = make_int(decode_utf8(as_str(key)->value)[0]);
      } else if (is_int(key)) {
        new_key = Ref<>::borrow(key);
      } else {
        return raise(type_error_type, "keys in translate table must be strings or integers");
      }
      if (!new_key || dict_set(table.get(), new_key.get(), value) < 0) return nullptr;
    }
    return table;
  }
  for (size_t which = 0; which < args.count; ++which) {
    if (!is_str(args.values[which])) {
      return raise_format(type_error_type, "maketrans() argument {} must be str, not {}",
                          which + 1, type_name(args.values[which]->type));
    }
  }
  const std::u32string from = decode_utf8(as_str(args.values[0])->value);
  const std::u32string to = decode_utf8(as_str(args.values[1])->value);
  if (from.size() != to.size()) {
    return raise(value_error_type, "the first two maketrans arguments must have equal length");
  }
  for (size_t i = 0; i < from.size(); ++i) {
    Ref<> key = make_int(from[i]);
    Ref<> value = make_int(to[i]);
    if (!key || !value || dict_set(table.get(), key.get(), value.get()) < 0) return nullptr;
  }
  if (args.count == 3) {
    for (char32_t code : decode_utf8(as_str(args.values[2])->value)) {
      Ref<> key = make_int(code);
      if (!key || dict_set(table.get(), key.get(), &none_object) < 0) return nullptr;
    }
  }
  return table;
}

Ref<> str_translate(Object* self, CallArgs args) {
  if (!check_positional("str.translate", args, 1, 1)) return nullptr;
  Object* table = args.values[0];
  std::string out;
  const std::string_view value = as_str(self)->value;
  for (size_t at = 0; at < value.size();) {
    const size_t start = at;
    const char32_t code = utf8::decode(value, at);
    Ref<> key = make_int(code);
    if (!key) return nullptr;
    Ref<> mapped = get_item(table, key.get());
    if (!mapped) {
      if (!exception_matches(lookup_error_type)) return nullptr;
      clear_exception();
      out.append(value.substr(start, at - start));
    } else if (is_none(mapped.get())) {
      continue;
    } else if (is_int(mapped.get())) {
      int64_t replacement = -1;
      if (!index_to_int64(mapped.get(), &replacement)) clear_exception();
      if (replacement < 0 || replacement > 0x10FFFF) {
        return raise(value_error_type, "character mapping must be in range(0x110000)");
      }
      unicode::append_utf8(char32_t(replacement), out);
    } else if (is_str(mapped.get())) {
      out += as_str(mapped.get())->value;
    } else {
      return raise(type_error_type, "character mapping must return integer, None or str");
    }
  }
  return make_str(std::move(out));
}

Ref<> str_format_method(Object* self, CallArgs args) {
  return str_format_call(as_str(self)->value, args, nullptr);
}

Ref<> str_format_map(Object* self, CallArgs args) {
  if (!check_positional("str.format_map", args, 1, 1)) return nullptr;
  return str_format_call(as_str(self)->value, CallArgs{}, args.values[0]);
}

// str.__format__(spec): the format-spec mini-language for text.
Ref<> str_dunder_format(Object* self, CallArgs args) {
  if (!check_positional("__format__", args, 1, 1)) return nullptr;
  if (!is_str(args.values[0])) {
    return raise_format(type_error_type, "__format__() argument must be str, not {}",
                        type_name(args.values[0]->type));
  }
  const std::string_view spec = as_str(args.values[0])->value;
  if (spec.empty()) return str_exact_copy(as_str(self));
  FormatResult result = format_string(as_str(self)->value, spec, type_name(self->type));
  if (!result.ok()) return raise_number_error(*result.error);
  return make_str(std::move(result.text));
}

Ref<> str_getnewargs(Object* self, CallArgs args) {
  if (!check_positional("str.__getnewargs__", args, 0, 0)) return nullptr;
  Ref<Str> copy = make_str(as_str(self)->value);
  if (!copy) return nullptr;
  return make_tuple({copy.get()});
}

const NativeMethod str_methods[] = {
    {"find", find_method<Direction::forward, false>},
    {"rfind", find_method<Direction::backward, false>},
    {"index", find_method<Direction::forward, true>},
    {"rindex", find_method<Direction::backward, true>},
    {"count", str_count},
    {"startswith", affix_method<false>},
    {"endswith", affix_method<true>},
    {"split", split_method<Direction::forward>},
    {"rsplit", split_method<Direction::backward>},
    {"splitlines", str_splitlines},
    {"join", str_join},
    {"strip", strip_method<StripSide::both>},
    {"lstrip", strip_method<StripSide::left>},
    {"rstrip", strip_method<StripSide::right>},
    {"center", justify_method<Justify::center>},
    {"ljust", justify_method<Justify::left>},
    {"rjust", justify_method<Justify::right>},
    {"zfill", str_zfill},
    {"expandtabs", str_expandtabs},
    {"replace", str_replace},
    {"partition", partition_method<Direction::forward>},
    {"rpartition", partition_method<Direction::backward>},
    {"removeprefix", remove_affix_method<false>},
    {"removesuffix", remove_affix_method<true>},
    {"encode", str_encode},
    {"maketrans", str_maketrans, MethodKind::static_},
    {"translate", str_translate},
    {"format", str_format_method},
    {"format_map", str_format_map},
    {"__format__", str_dunder_format},
    {"__getnewargs__", str_getnewargs},
    {nullptr, nullptr},
};

}  // namespace

void install_str_methods() {
  install_methods(str_type, str_methods);
  install_methods(str_type, str_case_methods);
}

}  // namespace py
