// str and bytes (objects/str*.cpp, bytes*.cpp, siphash.cpp, unicode_case.cpp) against
// CPython 3.11: every case in tests/unit/data/text_cases.txt was recorded by
// scripts/record_text_cases.py (under PYTHONHASHSEED=0): a method call or an operator on
// str/bytes values, and the repr of its result or the exception type and message CPython
// gave. The file's header documents the encoding.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/bytes.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/float.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/ready.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/siphash.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "tests/unit/support/expected_output.hpp"

using namespace py;

namespace {

// A run with every builtin type readied, torn down at the end of the test.
class TextRun {
 public:
  TextRun() {
    previous_ = set_runtime(&run_);
    ready_all_types();
  }
  ~TextRun() {
    clear_exception();
    for (auto callback : run_.run_end_callbacks) callback();
    forget_all_types();
    release_run_objects();
    set_runtime(previous_);
  }

 private:
  Runtime run_;
  Runtime* previous_ = nullptr;
};

std::string from_hex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += char(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  return out;
}

// Decodes one value of the file's notation starting at text[at]; moves `at` past it.
Ref<> decode_value(std::string_view text, size_t& at) {
  auto token_end = [&] {
    size_t end = at;
    while (end < text.size() && text[end] != ',' && text[end] != ')' && text[end] != ']' &&
           text[end] != '}' && text[end] != ':')
      ++end;
    return end;
  };
  const char kind = text[at++];
  switch (kind) {
    case 'N': return none();
    case 'T': return make_bool(true);
    case 'F': return make_bool(false);
    case 's': case 'b': case 'i': case 'f': {
      // A float's repr never holds the separators; a hex string neither.
      size_t end = token_end();
      std::string_view body = text.substr(at, end - at);
      at = end;
      if (kind == 's') return make_str(from_hex(body));
      if (kind == 'b') return make_bytes(from_hex(body));
      if (kind == 'f') return make_float(body == "inf" ? HUGE_VAL : std::stod(std::string(body)));
      Ref<Str> digits = make_str(body);
      return call(&int_type, {digits.get()});
    }
    case '(': case '[': {
      const char close = kind == '(' ? ')' : ']';
      std::vector<Ref<>> items;
      while (text[at] != close) {
        items.push_back(decode_value(text, at));
        if (text[at] == ',') ++at;
      }
      ++at;
      if (kind == '(') return make_tuple(std::move(items));
      return make_list(std::move(items));
    }
    case '{': {
      Ref<Dict> dict = make_dict();
      while (text[at] != '}') {
        Ref<> key = decode_value(text, at);
        ++at;  // ':'
        Ref<> value = decode_value(text, at);
        dict_set(dict.get(), key.get(), value.get());
        if (text[at] == ',') ++at;
      }
      ++at;
      return dict;
    }
  }
  FAIL("bad value notation: " << text);
  return nullptr;
}

Ref<> decode(std::string_view text) {
  size_t at = 0;
  return decode_value(text, at);
}

struct Case {
  std::string line;                 // the whole line, for messages
  std::vector<std::string> fields;  // before "=>"
  std::string expected;             // "ok HEX" or "error Type HEX"
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = [] {
    std::vector<Case> loaded;
    std::istringstream lines(test_support::read_source_file("tests/unit/data/text_cases.txt"));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty() || line[0] == '#') continue;
      Case entry;
      entry.line = line;
      std::istringstream fields(line);
      std::string field;
      bool after_arrow = false;
      while (std::getline(fields, field, '\t')) {
        if (field == "=>") {
          after_arrow = true;
        } else if (after_arrow) {
          entry.expected = field;
        } else {
          entry.fields.push_back(field);
        }
      }
      loaded.push_back(std::move(entry));
    }
    return loaded;
  }();
  return all;
}

// Splits the argument fields into positional values and keyword (name, value) pairs, and
// calls `callable` with them.
Ref<> call_with(Object* callable, const std::vector<std::string>& arguments) {
  std::vector<Ref<>> values;
  std::vector<Ref<>> names;
  for (const std::string& argument : arguments) {
    // No encoded value contains '=', so "name=value" is a keyword argument.
    const size_t equals = argument.find('=');
    if (equals != std::string::npos) {
      names.push_back(make_str(argument.substr(0, equals)));
      values.push_back(decode(std::string_view(argument).substr(equals + 1)));
    } else {
      values.push_back(decode(argument));
    }
  }
  std::vector<Object*> raw;
  for (const Ref<>& value : values) raw.push_back(value.get());
  Ref<Tuple> keyword_names = names.empty() ? nullptr : make_tuple(std::move(names));
  return call(callable, CallArgs{raw.data(), raw.size(), keyword_names.get()});
}

// Runs one case; returns what happened in the file's expected notation.
std::string run_case(const Case& entry) {
  const std::vector<std::string>& fields = entry.fields;
  Ref<> result;
  if (fields[0] == "method") {
    Ref<> receiver = decode(fields[1]);
    Ref<> bound = get_attribute(receiver.get(), fields[2]);
    if (bound) result = call_with(bound.get(), {fields.begin() + 3, fields.end()});
  } else {
    const std::string& operation = fields[1];
    std::vector<Ref<>> operands;
    for (size_t i = 2; i < fields.size(); ++i) operands.push_back(decode(fields[i]));
    auto operand = [&](size_t i) { return operands[i].get(); };
    if (operation == "+") result = binary_operation(operand(0), operand(1), BinaryOp::add);
    else if (operation == "*") result = binary_operation(operand(0), operand(1), BinaryOp::multiply);
    else if (operation == "%") result = binary_operation(operand(0), operand(1), BinaryOp::modulo);
    else if (operation == "[]") result = get_item(operand(0), operand(1));
    else if (operation == "<") result = rich_compare(operand(0), operand(1), CompareOp::less);
    else if (operation == "==") result = rich_compare(operand(0), operand(1), CompareOp::equal);
    else if (operation == "repr") result = repr(operand(0));
    else if (operation == "str") result = to_str(operand(0));
    else if (operation == "ascii") result = ascii(operand(0));
    else if (operation == "list") result = sequence_to_list(operand(0));
    else if (operation == "format") result = format(operand(0), static_cast<Str*>(operand(1)));
    else if (operation == "in") {
      const int found = contains(operand(1), operand(0));
      if (found >= 0) result = make_bool(found);
    } else if (operation == "hash") {
      const int64_t value = hash(operand(0));
      if (value != -1) result = make_int(value);
    } else if (operation == "len") {
      const int64_t value = length(operand(0));
      if (value >= 0) result = make_int(value);
    } else if (operation == "str()" || operation == "bytes()") {
      std::vector<Object*> raw;
      for (const Ref<>& value : operands) raw.push_back(value.get());
      result = call(operation == "str()" ? &str_type : &bytes_type, CallArgs{raw.data(), raw.size(), nullptr});
    } else if (operation == "call") {
      Type* type = static_cast<Str*>(operand(0))->value == "str" ? &str_type : &bytes_type;
      Ref<> function = get_attribute(type, static_cast<Str*>(operand(1)));
      if (function) result = call_with(function.get(), {fields.begin() + 4, fields.end()});
    } else {
      FAIL("unknown operation " << operation);
    }
  }
  if (!result) {
    Ref<> exception = take_exception();
    if (!exception) return "error (none) ";
    Ref<Str> message = to_str(exception.get());
    std::string hex;
    if (message) {
      for (unsigned char byte : message->value) hex += py::format_message("{:02x}", byte);
    } else {
      clear_exception();
    }
    return std::string("error ") + type_name(exception->type) + " " + hex;
  }
  Ref<Str> text = repr(result.get());
  if (!text) {
    clear_exception();
    return "repr failed";
  }
  std::string hex;
  for (unsigned char byte : text->value) hex += py::format_message("{:02x}", byte);
  return "ok " + hex;
}

std::string readable(const std::string& outcome) {
  const size_t space = outcome.rfind(' ');
  if (space == std::string::npos) return outcome;
  return outcome.substr(0, space + 1) + from_hex(outcome.substr(space + 1));
}

std::string readable_fields(const Case& entry) {
  std::string out;
  for (const std::string& field : entry.fields) {
    if (!out.empty()) out += ' ';
    out += (field.size() > 1 && (field[0] == 's' || field[0] == 'b') &&
            field.find_first_not_of("0123456789abcdef", 1) == std::string::npos)
               ? field.substr(0, 1) + "'" + from_hex(field.substr(1)) + "'"
               : field;
  }
  return out;
}

// Runs the recorded cases `selected` picks; reports up to 40 differences.
void check_recorded(const std::function<bool(const Case&)>& selected) {
  TextRun run;
  size_t checked = 0, failed = 0;
  std::string differences;
  for (const Case& entry : cases()) {
    if (!selected(entry)) continue;
    ++checked;
    const std::string got = run_case(entry);
    if (got == entry.expected) continue;
    if (++failed <= 40) {
      differences += readable_fields(entry) + "\n    expected " + readable(entry.expected) +
                     "\n    got      " + readable(got) + "\n";
    }
  }
  INFO("checked " << checked << " recorded cases, " << failed << " differ\n" << differences);
  CHECK(checked > 0);
  CHECK(failed == 0);
}

bool is_bytes_case(const Case& entry) {
  // A bytes value in the receiver or operands, bytes(...), or bytes.fromhex.
  for (const std::string& field : entry.fields) {
    if (field == "bytes()" || field == "s6279746573" || field[0] == 'b') return true;
  }
  return false;
}

bool is_method(const Case& entry, std::initializer_list<const char*> names) {
  if (entry.fields[0] != "method" || is_bytes_case(entry)) return false;
  for (const char* name : names)
    if (entry.fields[2] == name) return true;
  return false;
}

}  // namespace

TEST_CASE("str hashes are CPython's SipHash-1-3 under PYTHONHASHSEED=0", "[text]") {
  // hash('abc'), hash(''), hash('héllo') (latin-1 form), hash('Σας') (UCS-2), hash('😀a')
  // (UCS-4): the values `PYTHONHASHSEED=0 python3 -c "print(hash(...))"` printed.
  CHECK(hash_text("abc") == -4594863902769663758);
  CHECK(hash_text("") == 0);
  CHECK(hash_text("h\xc3\xa9llo") == 6395329678795984700);
  CHECK(hash_text("\xce\xa3\xce\xb1\xcf\x82") == 3848643085015993396);
  CHECK(hash_text("\xf0\x9f\x98\x80" "a") == 1495732039293241016);
  CHECK(hash_bytes("abc", 3) == -4594863902769663758);
  check_recorded([](const Case& entry) { return entry.fields[0] == "op" && entry.fields[1] == "hash"; });
}

TEST_CASE("str case mappings and character classes match CPython", "[text]") {
  check_recorded([](const Case& entry) {
    return is_method(entry, {"capitalize", "casefold", "lower", "upper", "swapcase", "title",
                             "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
                             "isidentifier", "islower", "isnumeric", "isprintable", "isspace",
                             "istitle", "isupper"});
  });
}

TEST_CASE("str searching methods match CPython", "[text]") {
  check_recorded([](const Case& entry) {
    return is_method(entry, {"find", "rfind", "count", "index", "rindex", "startswith",
                             "endswith", "partition", "rpartition", "removeprefix",
                             "removesuffix"});
  });
}

TEST_CASE("str splitting joining and stripping match CPython", "[text]") {
  check_recorded([](const Case& entry) {
    return is_method(entry, {"split", "rsplit", "splitlines", "join", "strip", "lstrip", "rstrip"});
  });
}

TEST_CASE("str padding replacing and translating match CPython", "[text]") {
  check_recorded([](const Case& entry) {
    return is_method(entry, {"center", "ljust", "rjust", "zfill", "expandtabs", "replace",
                             "translate", "encode"}) ||
           (entry.fields[0] == "op" && entry.fields[1] == "call" && entry.fields[2] == "s" "737472");
  });
}

TEST_CASE("str format and format_map match CPython", "[text]") {
  check_recorded([](const Case& entry) { return is_method(entry, {"format", "format_map"}); });
}

TEST_CASE("str percent formatting matches CPython", "[text]") {
  check_recorded([](const Case& entry) {
    return entry.fields[0] == "op" && entry.fields[1] == "%";
  });
}

TEST_CASE("str operators repr and iteration match CPython", "[text]") {
  check_recorded([](const Case& entry) {
    if (entry.fields[0] != "op" || is_bytes_case(entry)) return false;
    const std::string& operation = entry.fields[1];
    return operation != "hash" && operation != "%" && operation != "call";
  });
}

TEST_CASE("bytes match CPython", "[text]") {
  check_recorded([](const Case& entry) {
    return is_bytes_case(entry) && !(entry.fields[0] == "op" && entry.fields[1] == "hash");
  });
}

TEST_CASE("interned strs are one object per text for the run", "[text]") {
  TextRun run;
  Str* first = intern_borrowed("__init__");
  Str* second = intern_borrowed(std::string("__in") + "it__");
  CHECK(first == second);
  CHECK(first->interned);
  Ref<Str> fresh = make_str("__init__");
  CHECK(fresh.get() != first);
  CHECK(equal(fresh.get(), first) == 1);
}
