// str's case mappings (lower upper casefold swapcase title capitalize) and character-class
// questions (isalpha isdigit isupper istitle isidentifier ...), as CPython 3.11's
// Objects/unicodeobject.c computes them: full mappings (ß.upper() is 'SS'), final sigma
// in lower-casing, title case for the first letter of capitalize(). The character data
// comes from unicode_case.hpp's generated tables; all-ASCII text takes byte loops.
#include <string>

#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/unicode_case.hpp"
#include "core/py/syntax/utf8.hpp"

namespace py {

namespace {

using unicode::Property;

// CPython's handle_capital_sigma: Σ at position `index` lowers to ς when it ends a word
// (a cased letter before it, skipping case-ignorables, and none after it).
char32_t lower_sigma(const std::u32string& text, size_t index) {
  size_t before = index;
  while (before > 0 && unicode::has(text[before - 1], Property::case_ignorable)) --before;
  bool final_sigma = before > 0 && unicode::is_cased(text[before - 1]);
  if (final_sigma) {
    size_t after = index + 1;
    while (after < text.size() && unicode::has(text[after], Property::case_ignorable)) ++after;
    final_sigma = after == text.size() || !unicode::is_cased(text[after]);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

// CPython's lower_ucs4: the full lower-case mapping, with final sigma.
void append_lower_at(const std::u32string& text, size_t index, std::string& out) {
  if (text[index] == 0x3A3) {
    unicode::append_utf8(lower_sigma(text, index), out);
  } else {
    unicode::append_lower(text[index], out);
  }
}

enum class CaseOperation { lower, upper, casefold, swapcase, title, capitalize };

std::string map_case(const std::string& value, CaseOperation operation) {
  std::string out;
  out.reserve(value.size());
  const std::u32string text = decode_utf8(value);
  bool previous_is_cased = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t code = text[i];
    switch (operation) {
      case CaseOperation::lower: append_lower_at(text, i, out); break;
      case CaseOperation::upper: unicode::append_upper(code, out); break;
      case CaseOperation::casefold: unicode::append_casefold(code, out); break;
      case CaseOperation::swapcase:
        if (unicode::has(code, Property::upper)) {
          append_lower_at(text, i, out);
        } else if (unicode::has(code, Property::lower)) {
          unicode::append_upper(code, out);
        } else {
          unicode::append_utf8(code, out);
        }
        break;
      case CaseOperation::title:
        if (previous_is_cased) {
          append_lower_at(text, i, out);
        } else {
          unicode::append_title(code, out);
        }
        previous_is_cased = unicode::is_cased(code);
        break;
      case CaseOperation::capitalize:
        if (i == 0) {
          unicode::append_title(code, out);
        } else {
          append_lower_at(text, i, out);
        }
        break;
    }
  }
  return out;
}

template <CaseOperation operation>
Ref<> case_method(Object* self, CallArgs args) {
  static constexpr const char* names[] = {"str.lower", "str.upper", "str.casefold",
                                          "str.swapcase", "str.title", "str.capitalize"};
  if (!check_positional(names[int(operation)], args, 0, 0)) return nullptr;
  return make_str(map_case(as_str(self)->value, operation));
}

// isalpha, isdigit, ...: true when the text is not empty and every character has one of
// the `wanted` properties. isprintable and isascii are true for the empty text.
template <uint16_t wanted>
bool all_characters_have(const std::string& value) {
  for (size_t i = 0; i < value.size();) {
    if (!(unicode::properties(utf8::decode(value, i)) & wanted)) return false;
  }
  return true;
}

constexpr uint16_t alphanumeric =
    Property::alpha | Property::decimal | Property::digit | Property::numeric;

constexpr const char* class_method_name(uint16_t wanted) {
  switch (wanted) {
    case Property::alpha: return "str.isalpha";
    case alphanumeric: return "str.isalnum";
    case Property::decimal: return "str.isdecimal";
    case Property::digit: return "str.isdigit";
    case Property::numeric: return "str.isnumeric";
    case Property::space: return "str.isspace";
    default: return "str.isprintable";
  }
}

template <uint16_t wanted>
Ref<> class_method(Object* self, CallArgs args) {
  if (!check_positional(class_method_name(wanted), args, 0, 0)) return nullptr;
  const std::string& value = as_str(self)->value;
  if (value.empty() && wanted != Property::printable) return make_bool(false);
  return make_bool(all_characters_have<wanted>(value));
}

Ref<> str_isascii(Object* self, CallArgs args) {
  if (!check_positional("str.isascii", args, 0, 0)) return nullptr;
  return make_bool(as_str(self)->is_ascii);
}

// islower/isupper: no character of the opposite case (or title case) and at least one of
// the asked case.
template <Property asked, Property opposite>
Ref<> cased_method(Object* self, CallArgs args) {
  if (!check_positional(asked == Property::lower ? "str.islower" : "str.isupper", args, 0, 0))
    return nullptr;
  const std::string& value = as_str(self)->value;
  bool cased = false;
  for (size_t i = 0; i < value.size();) {
    const uint16_t flags = unicode::properties(utf8::decode(value, i));
    if (flags & (opposite | Property::title)) return make_bool(false);
    if (flags & asked) cased = true;
  }
  return make_bool(cased);
}

Ref<> str_istitle(Object* self, CallArgs args) {
  if (!check_positional("str.istitle", args, 0, 0)) return nullptr;
  const std::string& value = as_str(self)->value;
  bool cased = false;
  bool previous_is_cased = false;
  for (size_t i = 0; i < value.size();) {
    const uint16_t flags = unicode::properties(utf8::decode(value, i));
    if (flags & (Property::upper | Property::title)) {
      if (previous_is_cased) return make_bool(false);
      previous_is_cased = cased = true;
    } else if (flags & Property::lower) {
      if (!previous_is_cased) return make_bool(false);
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return make_bool(cased);
}

Ref<> str_isidentifier(Object* self, CallArgs args) {
  if (!check_positional("str.isidentifier", args, 0, 0)) return nullptr;
  const std::string& value = as_str(self)->value;
  if (value.empty()) return make_bool(false);
  size_t i = 0;
  if (!unicode::has(utf8::decode(value, i), Property::identifier_start)) return make_bool(false);
  while (i < value.size()) {
    if (!unicode::has(utf8::decode(value, i), Property::identifier_continue))
      return make_bool(false);
  }
  return make_bool(true);
}

}  // namespace

const NativeMethod str_case_methods[] = {
    {"lower", case_method<CaseOperation::lower>},
    {"upper", case_method<CaseOperation::upper>},
    {"casefold", case_method<CaseOperation::casefold>},
    {"swapcase", case_method<CaseOperation::swapcase>},
    {"title", case_method<CaseOperation::title>},
    {"capitalize", case_method<CaseOperation::capitalize>},
    {"isalpha", class_method<Property::alpha>},
    {"isalnum", class_method<alphanumeric>},
    {"isdecimal", class_method<Property::decimal>},
    {"isdigit", class_method<Property::digit>},
    {"isnumeric", class_method<Property::numeric>},
    {"isspace", class_method<Property::space>},
    {"isprintable", class_method<Property::printable>},
    {"isascii", str_isascii},
    {"islower", cased_method<Property::lower, Property::upper>},
    {"isupper", cased_method<Property::upper, Property::lower>},
    {"istitle", str_istitle},
    {"isidentifier", str_isidentifier},
    {nullptr, nullptr},
};

}  // namespace py
