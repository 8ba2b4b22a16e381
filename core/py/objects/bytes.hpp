// bytes: immutable sequences of bytes (b'...' literals, str.encode, bytes.decode).
//
// Design: a std::string holds the bytes, as Str holds its UTF-8; the hash is CPython's
// (SipHash-1-3 over the bytes, siphash.hpp), equal to hash() of the same bytes under
// PYTHONHASHSEED=0. The codecs are the three a learner meets — UTF-8, ASCII and Latin-1,
// under their usual aliases, with the error handlers 'strict', 'replace' and 'ignore' —
// and raise CPython's UnicodeDecodeError / UnicodeEncodeError texts; any other encoding
// is a LookupError "unknown encoding: x", as CPython says for a name it does not know.
// bytearray is not provided.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/py/objects/object.hpp"

namespace py {

struct Bytes : Object {
  std::string value;         // the bytes
  int64_t cached_hash = -1;  // hash once computed (-1: not yet)
};

extern Type bytes_type;

inline bool is_bytes(const Object* object) {
  return object->type == &bytes_type || is_subtype(object->type, &bytes_type);
}

// A new bytes object holding `data`. Null with MemoryError.
Ref<Bytes> make_bytes(std::string_view data);

// repr(): b'...' with CPython's quote choice and \t \n \r \xhh escapes.
std::string bytes_repr(std::string_view data);

// bytes.decode(encoding, errors) / str(data, encoding, errors). Null after raising
// LookupError "unknown encoding: x", UnicodeDecodeError ("'utf-8' codec can't decode byte
// 0xff in position 0: invalid start byte") or LookupError "unknown error handler name 'x'".
Ref<Str> decode_bytes(std::string_view data, std::string_view encoding, std::string_view errors);

// str.encode(encoding, errors). Null after raising LookupError or UnicodeEncodeError
// ("'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)").
Ref<Bytes> encode_text(std::string_view utf8, std::string_view encoding, std::string_view errors);

inline Bytes* as_bytes(Object* object) { return static_cast<Bytes*>(object); }

// The needle of find/count/index/`in`: a bytes object's bytes or an int in range(256) as
// one byte; TypeError "argument should be integer or bytes-like object, not 'str'" or
// ValueError "byte must be in range(0, 256)" otherwise. False on error.
bool bytes_needle(Object* argument, std::string* needle);

// Installs bytes' methods (bytes_methods.cpp); ready_bytes_types() calls it.
void install_bytes_methods();

// Readies bytes and its iterator (called by ready_text_types()).
void ready_bytes_types();

}  // namespace py
