// CPython 3.11's string and bytes hash: SipHash-1-3 (Python/pyhash.c) with the all-zero key
// that PYTHONHASHSEED=0 gives, so hash('abc') and the iteration order of sets of strings
// match `PYTHONHASHSEED=0 python3`.
//
// Design: CPython hashes a str over its canonical representation — one byte per code point
// when every code point is below 256 (latin-1), two when all are below 65536 (UCS-2), four
// otherwise (UCS-4), little-endian as on every platform we build for — not over UTF-8; we
// rebuild that buffer from our UTF-8 before hashing (str caches the result). Cost: one
// temporary buffer per first hash of a non-ASCII str. Py_HASH_CUTOFF is 0, so short inputs
// use SipHash as well, and the empty input hashes to 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace py {

// SipHash-1-3 of `size` bytes at `data` with the key (key0, key1), as CPython's siphash13().
uint64_t siphash13(uint64_t key0, uint64_t key1, const void* data, size_t size);

// hash(bytes): SipHash-1-3 with the zero key, 0 for empty input, -1 mapped to -2.
int64_t hash_bytes(const void* data, size_t size);

// hash(str) for the text `utf8` (valid UTF-8), over its canonical representation.
int64_t hash_text(std::string_view utf8);

}  // namespace py
