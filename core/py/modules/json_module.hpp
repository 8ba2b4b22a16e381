// The json module: dumps/loads in C++ with CPython 3.11's exact output and error texts.
// json_encode.cpp writes JSON text, json_decode.cpp scans it, json_module.cpp binds both
// to Python arguments; the Python part (parts/json.py) defines JSONDecodeError (a
// ValueError subclass with msg/doc/pos/lineno/colno) and the file-object wrappers
// dump/load.
//
// Design: one recursive function each way over the object graph, bounded by the run's
// recursion limit (RecursionError, as CPython's C accelerator raises) so deep nesting can
// never overflow the C++ stack at the default limit. Cost: a JSONEncoder/JSONDecoder
// subclass passed as cls= is not consulted.
#pragma once

#include <cstddef>
#include <string>

#include "core/py/objects/module.hpp"

namespace py {

struct EncodeOptions {
  bool skip_keys = false;       // skipkeys: drop keys of unsupported types instead of raising
  bool ensure_ascii = true;     // escape every non-ASCII character as \uXXXX
  bool check_circular = true;   // ValueError "Circular reference detected" instead of recursing
  bool allow_nan = true;        // NaN/Infinity allowed (else ValueError)
  bool sort_keys = false;       // objects' members sorted by key
  bool indented = false;        // indent was given (even 0 or ""): newlines between items
  std::string indent;           // one level of indentation
  std::string item_separator = ", ";  // between items
  std::string key_separator = ": ";   // between a key and its value
  Object* default_function = nullptr;  // borrowed: default(o) for unsupported objects, or null
};

// json.dumps(value) under `options`; null after raising TypeError ("Object of type set is
// not JSON serializable", "keys must be str, int, float, bool or None, not tuple"),
// ValueError ("Circular reference detected", "Out of range float values are not JSON
// compliant") or RecursionError.
Ref<Str> json_encode(Object* value, const EncodeOptions& options);

struct DecodeOptions {
  bool strict = true;               // control characters inside strings are errors
  Object* object_hook = nullptr;        // borrowed: called with each decoded dict, or null
  Object* object_pairs_hook = nullptr;  // borrowed: called with each object's (key, value) list
  Object* parse_float = nullptr;        // borrowed: called with a float's text, or null
  Object* parse_int = nullptr;          // borrowed: called with an int's text, or null
  Object* parse_constant = nullptr;     // borrowed: called with 'NaN', 'Infinity', '-Infinity'
};

// Where and why JSON text failed to parse (JSONDecodeError's msg and pos).
struct DecodeError {
  std::string message;   // "Expecting value", "Extra data", ...
  size_t position = 0;   // code point index into the document
};

// json.loads(text): the value, or null. On a syntax error, null with NO exception and
// `error` filled (the binding raises JSONDecodeError); on another error (a hook raised,
// RecursionError), null with that exception set.
Ref<> json_decode(std::string_view utf8_text, const DecodeOptions& options, DecodeError* error);

// Fills the json module's C++ part (dumps, loads). -1 on error.
int init_json_module(Module* module);

}  // namespace py
