// bytes' methods: decode, hex, fromhex, searching (count find rfind index rindex
// startswith endswith), split/rsplit, join, strip/lstrip/rstrip, replace, upper/lower and
// the ASCII is*() questions, with CPython 3.11's messages. Whitespace and case are ASCII
// only, as for CPython's bytes.
#include <string>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/message_format.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/syntax/utf8.hpp"

namespace py {

namespace {

bool is_ascii_space(char byte) {
  return byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\x0b' ||
         byte == '\x0c';
}

// A bytes argument, or TypeError "a bytes-like object is required, not 'str'".
Bytes* require_bytes(Object* argument) {
  if (is_bytes(argument)) return as_bytes(argument);
  raise_format(type_error_type, "a bytes-like object is required, not '{}'",
               type_name(argument->type));
  return nullptr;
}

Ref<> bytes_decode(Object* self, CallArgs args) {
  Object* given[2];
  if (!parse_method_keywords("decode", args, {"encoding", "errors"}, given)) return nullptr;
  static constexpr const char* names[] = {"encoding", "errors"};
  for (int which = 0; which < 2; ++which) {
    if (given[which] && !is_str(given[which])) {
      return raise_format(type_error_type, "decode() argument '{}' must be str, not {}",
                          names[which], type_name(given[which]->type));
    }
  }
  return decode_bytes(as_bytes(self)->value, optional_text(given[0], "utf-8"),
                      optional_text(given[1], "strict"));
}

// hex([sep]): two lower-case digits per byte, `sep` (one character) between bytes.
Ref<> bytes_hex(Object* self, CallArgs args) {
  if (!check_positional("hex", args, 0, 1)) return nullptr;
  std::string separator;
  if (args.count == 1) {
    if (!is_str(args.values[0]) && !is_bytes(args.values[0])) {
      return raise_format(type_error_type, "object of type '{}' has no len()",
                          type_name(args.values[0]->type));
    }
    separator = is_str(args.values[0]) ? as_str(args.values[0])->value : as_bytes(args.values[0])->value;
    if (separator.size() != 1) return raise(value_error_type, "sep must be length 1.");
  }
  std::string out;
  const std::string& value = as_bytes(self)->value;
  for (size_t i = 0; i < value.size(); ++i) {
    if (i > 0) out += separator;
    out += format_message("{:02x}", static_cast<unsigned char>(value[i]));
  }
  return make_str(std::move(out));
}

int hex_digit(char character) {
  if (character >= '0' && character <= '9') return character - '0';
  if (character >= 'a' && character <= 'f') return character - 'a' + 10;
  if (character >= 'A' && character <= 'F') return character - 'A' + 10;
  return -1;
}

// bytes.fromhex(string): pairs of hex digits, ASCII whitespace allowed between pairs.
Ref<> bytes_fromhex(Object* type, CallArgs args) {
  if (!check_positional("fromhex", args, 1, 1)) return nullptr;
  if (!is_str(args.values[0])) {
    return raise_format(type_error_type, "fromhex() argument must be str, not {}",
                        type_name(args.values[0]->type));
  }
  const std::string& text = as_str(args.values[0])->value;
  std::string out;
  for (size_t at = 0; at < text.size();) {
    if (is_ascii_space(text[at])) {
      ++at;
      continue;
    }
    const int high = hex_digit(text[at]);
    const int low = at + 1 < text.size() ? hex_digit(text[at + 1]) : -1;
    if (high < 0 || low < 0) {
      const size_t bad = high < 0 ? at : at + 1;
      return raise_format(value_error_type,
                          "non-hexadecimal number found in fromhex() arg at position {}",
                          utf8::count_characters(std::string_view(text).substr(0, bad)));
    }
    out += char(high * 16 + low);
    at += 2;
  }
  Ref<Bytes> bytes = make_bytes(out);
  if (!bytes || type == &bytes_type) return bytes;
  return call(type, {bytes.get()});
}

// find/count/index's (sub[, start[, end]]) with CPython's argument texts.
bool search_arguments(const char* name, CallArgs args, Bytes* self, std::string* needle,
                      int64_t* start, int64_t* stop) {
  if (args.keyword_count() > 0) {
    raise_format(type_error_type, "{}() takes no keyword arguments", name);
    return false;
  }
  if (args.count < 1 || args.count > 3) {
    raise_format(type_error_type, "{}() takes at {} ({} given)", name,
                 args.count < 1 ? "least 1 argument" : "most 3 arguments", args.count);
    return false;
  }
  if (!bytes_needle(args.values[0], needle)) return false;
  return parse_slice_bounds(args.count > 1 ? args.values[1] : nullptr,
                            args.count > 2 ? args.values[2] : nullptr,
                            int64_t(self->value.size()), start, stop);
}

enum class Search { find, rfind, index, rindex, count };

template <Search search>
Ref<> search_method(Object* self, CallArgs args) {
  static constexpr const char* names[] = {"find", "rfind", "index", "rindex", "count"};
  Bytes* bytes = as_bytes(self);
  std::string needle;
  int64_t start = 0, stop = 0;
  if (!search_arguments(names[int(search)], args, bytes, &needle, &start, &stop)) return nullptr;
  if (stop - start < int64_t(needle.size())) {
    if (search == Search::count) return make_int(0);
    if (search == Search::index || search == Search::rindex)
      return raise(value_error_type, "subsection not found");
    return make_int(-1);
  }
  const std::string_view window =
      std::string_view(bytes->value).substr(size_t(start), size_t(stop - start));
  if (search == Search::count) {
    if (needle.empty()) return make_int(int64_t(window.size()) + 1);
    int64_t count = 0;
    for (size_t at = window.find(needle); at != std::string_view::npos;
         at = window.find(needle, at + needle.size()))
      ++count;
    return make_int(count);
  }
  const bool forward = search == Search::find || search == Search::index;
  const size_t found = forward ? window.find(needle) : window.rfind(needle);
  if (found == std::string_view::npos) {
    if (search == Search::index || search == Search::rindex)
      return raise(value_error_type, "subsection not found");
    return make_int(-1);
  }
  return make_int(start + int64_t(found));
}

template <bool at_end>
Ref<> affix_method(Object* self, CallArgs args) {
  static constexpr const char* name = at_end ? "endswith" : "startswith";
  if (args.count < 1 || args.count > 3 || args.keyword_count() > 0) {
    return raise_format(type_error_type, "{}() takes at {} ({} given)", name,
                        args.count < 1 ? "least 1 argument" : "most 3 arguments", args.count);
  }
  Bytes* bytes = as_bytes(self);
  int64_t start = 0, stop = 0;
  if (!parse_slice_bounds(args.count > 1 ? args.values[1] : nullptr,
                          args.count > 2 ? args.values[2] : nullptr, int64_t(bytes->value.size()),
                          &start, &stop))
    return nullptr;
  auto matches = [&](const std::string& affix) {
    if (stop - start < int64_t(affix.size())) return false;
    const std::string_view window =
        std::string_view(bytes->value).substr(size_t(start), size_t(stop - start));
    return at_end ? window.substr(window.size() - affix.size()) == affix
                  : window.substr(0, affix.size()) == affix;
  };
  Object* affixes = args.values[0];
  if (is_tuple(affixes)) {
    for (const Ref<>& item : static_cast<Tuple*>(affixes)->items) {
      if (!is_bytes(item.get())) {
        return raise_format(type_error_type, "a bytes-like object is required, not '{}'",
                            type_name(item->type));
      }
      if (matches(as_bytes(item.get())->value)) return make_bool(true);
    }
    return make_bool(false);
  }
  if (!is_bytes(affixes)) {
    return raise_format(type_error_type, "{} first arg must be bytes or a tuple of bytes, not {}",
                        name, type_name(affixes->type));
  }
  return make_bool(matches(as_bytes(affixes)->value));
}

Ref<> pieces_to_list(const std::vector<std::string_view>& pieces) {
  std::vector<Ref<>> items;
  for (std::string_view piece : pieces) {
    Ref<Bytes> item = make_bytes(piece);
    if (!item) return nullptr;
    items.push_back(std::move(item));
  }
  return make_list(std::move(items));
}

// split/rsplit(sep=None, maxsplit=-1).
template <bool from_right>
Ref<> split_method(Object* self, CallArgs args) {
  static constexpr const char* name = from_right ? "rsplit" : "split";
  Object* given[2];
  if (!parse_method_keywords(name, args, {"sep", "maxsplit"}, given)) return nullptr;
  int64_t limit = -1;
  if (given[1]) {
    Ref<> number = index(given[1]);
    if (!number || !index_to_int64(number.get(), &limit)) return nullptr;
  }
  if (limit < 0) limit = INT64_MAX;
  const std::string_view text = as_bytes(self)->value;
  std::vector<std::string_view> pieces;
  if (!given[0] || is_none(given[0])) {
    std::vector<std::pair<size_t, size_t>> words;
    for (size_t at = 0; at < text.size();) {
      if (is_ascii_space(text[at])) {
        ++at;
        continue;
      }
      size_t end = at;
      while (end < text.size() && !is_ascii_space(text[end])) ++end;
      words.emplace_back(at, end);
      at = end;
    }
    const size_t count = words.size();
    if (count == 0) return make_list();
    // Every word is split off when the limit allows; otherwise the last piece is the rest
    // of the text from the next word on, whitespace and all (CPython's split_whitespace).
    const bool every_word = uint64_t(limit) >= count;
    const size_t allowed = every_word ? count : size_t(limit) + 1;
    if (!from_right) {
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
  Bytes* separator_object = require_bytes(given[0]);
  if (!separator_object) return nullptr;
  const std::string_view separator = separator_object->value;
  if (separator.empty()) return raise(value_error_type, "empty separator");
  if (!from_right) {
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

Ref<> bytes_join(Object* self, CallArgs args) {
  if (!check_positional("bytes.join", args, 1, 1)) return nullptr;
  Ref<> iterator = get_iter(args.values[0]);
  if (!iterator) {
    if (!exception_matches(type_error_type)) return nullptr;
    clear_exception();
    return raise(type_error_type, "can only join an iterable");
  }
  std::string out;
  size_t position = 0;
  while (Ref<> item = iter_next(iterator.get())) {
    if (!is_bytes(item.get())) {
      return raise_format(type_error_type,
                          "sequence item {}: expected a bytes-like object, {} found", position,
                          type_name(item->type));
    }
    if (position++ > 0) out += as_bytes(self)->value;
    out += as_bytes(item.get())->value;
  }
  if (exception_pending()) return nullptr;
  return make_bytes(out);
}

template <int sides>  // 1: left, 2: right, 3: both
Ref<> strip_method(Object* self, CallArgs args) {
  static constexpr const char* name = sides == 1 ? "lstrip" : sides == 2 ? "rstrip" : "strip";
  if (!check_positional(name, args, 0, 1)) return nullptr;
  const bool whitespace = args.count == 0 || is_none(args.values[0]);
  std::string characters;
  if (!whitespace) {
    Bytes* chosen = require_bytes(args.values[0]);
    if (!chosen) return nullptr;
    characters = chosen->value;
  }
  auto strippable = [&](char byte) {
    return whitespace ? is_ascii_space(byte) : characters.find(byte) != std::string::npos;
  };
  const std::string_view text = as_bytes(self)->value;
  size_t begin = 0, end = text.size();
  if (sides & 1) while (begin < end && strippable(text[begin])) ++begin;
  if (sides & 2) while (end > begin && strippable(text[end - 1])) --end;
  return make_bytes(text.substr(begin, end - begin));
}

Ref<> bytes_replace(Object* self, CallArgs args) {
  if (!check_positional("replace", args, 2, 3)) return nullptr;
  Bytes* old_bytes = require_bytes(args.values[0]);
  if (!old_bytes) return nullptr;
  Bytes* new_bytes = require_bytes(args.values[1]);
  if (!new_bytes) return nullptr;
  int64_t limit = -1;
  if (args.count > 2) {
    Ref<> number = index(args.values[2]);
    if (!number || !index_to_int64(number.get(), &limit)) return nullptr;
  }
  if (limit < 0) limit = INT64_MAX;
  const std::string_view value = as_bytes(self)->value;
  const std::string_view old_text = old_bytes->value;
  std::string out;
  int64_t done = 0;
  size_t at = 0;
  if (old_text.empty()) {
    for (; done < limit && at <= value.size(); ++done) {
      out += new_bytes->value;
      if (at < value.size()) out += value[at];
      ++at;
    }
    if (at < value.size()) out.append(value.substr(at));
    return make_bytes(out);
  }
  for (; done < limit; ++done) {
    const size_t found = value.find(old_text, at);
    if (found == std::string_view::npos) break;
    out.append(value.substr(at, found - at));
    out += new_bytes->value;
    at = found + old_text.size();
  }
  out.append(value.substr(at));
  return make_bytes(out);
}

template <bool upper>
Ref<> case_method(Object* self, CallArgs args) {
  if (!check_positional(upper ? "bytes.upper" : "bytes.lower", args, 0, 0)) return nullptr;
  std::string out = as_bytes(self)->value;
  for (char& byte : out) {
    if (upper && byte >= 'a' && byte <= 'z') byte = char(byte - 32);
    if (!upper && byte >= 'A' && byte <= 'Z') byte = char(byte + 32);
  }
  return make_bytes(out);
}

enum class ByteClass { alpha, digit, space, alnum, ascii };

bool in_class(char byte, ByteClass wanted) {
  const bool alpha = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
  const bool digit = byte >= '0' && byte <= '9';
  switch (wanted) {
    case ByteClass::alpha: return alpha;
    case ByteClass::digit: return digit;
    case ByteClass::space: return is_ascii_space(byte);
    case ByteClass::alnum: return alpha || digit;
    case ByteClass::ascii: return static_cast<unsigned char>(byte) < 0x80;
  }
  return false;
}

template <ByteClass wanted>
Ref<> class_method(Object* self, CallArgs args) {
  static constexpr const char* names[] = {"bytes.isalpha", "bytes.isdigit", "bytes.isspace",
                                          "bytes.isalnum", "bytes.isascii"};
  if (!check_positional(names[int(wanted)], args, 0, 0)) return nullptr;
  const std::string& value = as_bytes(self)->value;
  if (value.empty()) return make_bool(wanted == ByteClass::ascii);
  for (char byte : value) {
    if (!in_class(byte, wanted)) return make_bool(false);
  }
  return make_bool(true);
}

Ref<> bytes_getnewargs(Object* self, CallArgs args) {
  if (!check_positional("bytes.__getnewargs__", args, 0, 0)) return nullptr;
  Ref<Bytes> copy = make_bytes(as_bytes(self)->value);
  if (!copy) return nullptr;
  return make_tuple({copy.get()});
}

const NativeMethod bytes_methods[] = {
    {"decode", bytes_decode},
    {"hex", bytes_hex},
    {"fromhex", bytes_fromhex, MethodKind::class_},
    {"find", search_method<Search::find>},
    {"rfind", search_method<Search::rfind>},
    {"index", search_method<Search::index>},
    {"rindex", search_method<Search::rindex>},
    {"count", search_method<Search::count>},
    {"startswith", affix_method<false>},
    {"endswith", affix_method<true>},
    {"split", split_method<false>},
    {"rsplit", split_method<true>},
    {"join", bytes_join},
    {"strip", strip_method<3>},
    {"lstrip", strip_method<1>},
    {"rstrip", strip_method<2>},
    {"replace", bytes_replace},
    {"upper", case_method<true>},
    {"lower", case_method<false>},
    {"isalpha", class_method<ByteClass::alpha>},
    {"isdigit", class_method<ByteClass::digit>},
    {"isspace", class_method<ByteClass::space>},
    {"isalnum", class_method<ByteClass::alnum>},
    {"isascii", class_method<ByteClass::ascii>},
    {"__getnewargs__", bytes_getnewargs},
    {nullptr, nullptr},
};

}  // namespace

void install_bytes_methods() { install_methods(bytes_type, bytes_methods); }

}  // namespace py
