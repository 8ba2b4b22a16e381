// str.format and str.format_map, as CPython 3.11's Objects/stringlib/unicode_format.h:
// literal text with {{ and }}, replacement fields {name.attr[key]!conversion:spec} with
// automatic or manual numbering (never both), spec text that itself holds fields
// ("{:{width}}", two levels deep at most: "Max string recursion exceeded"), each value
// converted with repr()/str()/ascii() and then formatted by format(value, spec).
//
// Design: one recursive renderer over the UTF-8 text; a field's end is found first (brackets
// hide braces, a '!' takes the next character as its conversion), then the field is
// split into name, conversion and spec, as CPython's MarkupIterator and parse_field do,
// so the same malformed templates fail with the same messages.
#include <string>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"

namespace py {

namespace {

// How fields without a number are numbered (CPython's AutoNumber).
enum class Numbering { unknown, automatic, manual };

struct FormatContext {
  CallArgs args;               // the positional and keyword arguments of format()
  Object* mapping = nullptr;   // format_map's mapping (keyword lookups), or null
  Numbering numbering = Numbering::unknown;
  int64_t next_automatic = 0;  // the next automatic field's index
};

std::nullptr_t raise_key_error(Object* key) {
  Ref<Tuple> arguments = make_tuple({key});
  if (!arguments) return nullptr;
  Ref<> exception = make_exception(key_error_type, std::move(arguments));
  if (exception) set_exception(std::move(exception));
  return nullptr;
}

// A decimal field name ("0", "12") as an index; -1 when it is not all digits; -2 after
// raising "Too many decimal digits in format string".
int64_t parse_decimal(std::string_view text) {
  if (text.empty()) return -1;
  int64_t value = 0;
  for (char digit : text) {
    if (digit < '0' || digit > '9') return -1;
    if (value > (INT64_MAX - 9) / 10) {
      raise(value_error_type, "Too many decimal digits in format string");
      return -2;
    }
    value = value * 10 + (digit - '0');
  }
  return value;
}

// The object a field name designates: the argument, then each .attribute and [key].
Ref<> resolve_field(std::string_view name, FormatContext& context) {
  size_t first_end = 0;
  while (first_end < name.size() && name[first_end] != '.' && name[first_end] != '[')
    ++first_end;
  const std::string_view first = name.substr(0, first_end);
  Ref<> value;
  int64_t position = parse_decimal(first);
  if (position == -2) return nullptr;
  if (first.empty()) {
    if (context.numbering == Numbering::manual) {
      return raise(value_error_type,
                   "cannot switch from manual field specification to automatic field numbering");
    }
    context.numbering = Numbering::automatic;
    position = context.next_automatic++;
  } else if (position >= 0) {
    if (context.numbering == Numbering::automatic) {
      return raise(value_error_type,
                   "cannot switch from automatic field numbering to manual field specification");
    }
    context.numbering = Numbering::manual;
  }
  if (position >= 0) {
    if (context.mapping) return raise(value_error_type, "Format string contains positional fields");
    if (size_t(position) >= context.args.positional_count()) {
      return raise_format(index_error_type,
                          "Replacement index {} out of range for positional args tuple", position);
    }
    value = Ref<>::borrow(context.args.values[position]);
  } else {
    Ref<Str> key = make_str(first);
    if (!key) return nullptr;
    if (context.mapping) {
      value = get_item(context.mapping, key.get());
      if (!value) return nullptr;
    } else {
      const size_t positional = context.args.positional_count();
      for (size_t k = 0; k < context.args.keyword_count(); ++k) {
        if (as_str(context.args.keyword_names->items[k].get())->value == first) {
          value = Ref<>::borrow(context.args.values[positional + k]);
          break;
        }
      }
      if (!value) return raise_key_error(key.get());
    }
  }
  // The rest: .name and [key] parts.
  size_t at = first_end;
  while (at < name.size()) {
    if (name[at] == '.') {
      size_t end = at + 1;
      while (end < name.size() && name[end] != '.' && name[end] != '[') ++end;
      const std::string_view attribute = name.substr(at + 1, end - at - 1);
      if (attribute.empty()) return raise(value_error_type, "Empty attribute in format string");
      value = get_attribute(value.get(), attribute);
      if (!value) return nullptr;
      at = end;
    } else if (name[at] == '[') {
      const size_t close = name.find(']', at + 1);
      if (close == std::string_view::npos) return raise(value_error_type, "Missing ']' in format string");
      const std::string_view key_text = name.substr(at + 1, close - at - 1);
      if (key_text.empty()) return raise(value_error_type, "Empty attribute in format string");
      const int64_t index_key = parse_decimal(key_text);
      if (index_key == -2) return nullptr;
      Ref<> key = index_key >= 0 ? Ref<>(make_int(index_key)) : Ref<>(make_str(key_text));
      if (!key) return nullptr;
      value = get_item(value.get(), key.get());
      if (!value) return nullptr;
      at = close + 1;
      if (at < name.size() && name[at] != '.' && name[at] != '[') {
        return raise(value_error_type,
                     "Only '.' or '[' may follow ']' in format field specifier");
      }
    } else {
      return raise(value_error_type, "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return value;
}

bool render(std::string_view format_text, FormatContext& context, int depth, std::string& out);

// One replacement field's text (between its braces): name, conversion and spec.
bool render_field(std::string_view field, FormatContext& context, int depth, std::string& out) {
  size_t at = 0;
  while (at < field.size()) {
    const char c = field[at];
    if (c == '{') {
      raise(value_error_type, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (at < field.size() && field[at] != ']') ++at;
      if (at < field.size()) ++at;
      continue;
    }
    if (c == ':' || c == '!') break;
    ++at;
  }
  const std::string_view name = field.substr(0, at);
  char conversion = '\0';
  std::string_view spec;
  if (at < field.size() && field[at] == '!') {
    if (at + 1 >= field.size()) {
      raise(value_error_type, "end of string while looking for conversion specifier");
      return false;
    }
    conversion = field[at + 1];
    at += 2;
    if (at < field.size()) {
      if (field[at] != ':') {
        raise(value_error_type, "expected ':' after conversion specifier");
        return false;
      }
    }
  }
  if (at < field.size()) spec = field.substr(at + 1);
  Ref<> value = resolve_field(name, context);
  if (!value) return false;
  switch (conversion) {
    case '\0': break;
    case 'r': value = repr(value.get()); break;
    case 's': value = to_str(value.get()); break;
    case 'a': value = ascii(value.get()); break;
    default:
      if (static_cast<unsigned char>(conversion) > 32 && static_cast<unsigned char>(conversion) < 127) {
        raise_format(value_error_type, "Unknown conversion specifier {}", conversion);
      } else {
        raise_format(value_error_type, "Unknown conversion specifier \\x{:x}",
                     unsigned(static_cast<unsigned char>(conversion)));
      }
      return false;
  }
  if (!value) return false;
  std::string expanded_spec;
  if (spec.find('{') != std::string_view::npos) {
    if (!render(spec, context, depth - 1, expanded_spec)) return false;
  } else {
    expanded_spec.assign(spec);
  }
  Ref<Str> spec_object = make_str(std::move(expanded_spec));
  if (!spec_object) return false;
  Ref<Str> formatted = format(value.get(), spec_object.get());
  if (!formatted) return false;
  out += formatted->value;
  return true;
}

bool render(std::string_view text, FormatContext& context, int depth, std::string& out) {
  if (depth <= 0) {
    raise(value_error_type, "Max string recursion exceeded");
    return false;
  }
  size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    if (c == '}') {
      if (at + 1 < text.size() && text[at + 1] == '}') {
        out += '}';
        at += 2;
        continue;
      }
      raise(value_error_type, "Single '}' encountered in format string");
      return false;
    }
    if (c != '{') {
      out += c;
      ++at;
      continue;
    }
    if (at + 1 >= text.size()) {
      raise(value_error_type, "Single '{' encountered in format string");
      return false;
    }
    if (text[at + 1] == '{') {
      out += '{';
      at += 2;
      continue;
    }
    // A field: find its closing brace (brackets in the name hide braces; '!' takes the
    // next character as the conversion).
    const size_t start = at + 1;
    size_t scan = start;
    int count = 1;
    bool in_name = true;
    bool saw_markup = false;  // a '!' or ':' was seen
    while (scan < text.size() && count > 0) {
      const char next = text[scan++];
      if (in_name && next == '[') {
        while (scan < text.size() && text[scan] != ']') ++scan;
        continue;
      }
      if (in_name && next == '!') {
        saw_markup = true;
        in_name = false;
        if (scan < text.size()) ++scan;
        continue;
      }
      if (next == ':') {
        saw_markup = true;
        in_name = false;
      } else if (next == '{') {
        ++count;
      } else if (next == '}') {
        --count;
      }
    }
    if (count > 0) {
      raise(value_error_type, saw_markup ? "unmatched '{' in format spec"
                                         : "expected '}' before end of string");
      return false;
    }
    if (!render_field(text.substr(start, scan - 1 - start), context, depth, out)) return false;
    at = scan;
  }
  return true;
}

}  // namespace

Ref<Str> str_format_call(std::string_view format_text, CallArgs args, Object* mapping) {
  FormatContext context;
  context.args = args;
  context.mapping = mapping;
  std::string out;
  if (!render(format_text, context, 2, out)) return nullptr;
  return make_str(std::move(out));
}

}  // namespace py
