// The global-name cache: LOAD_GLOBAL, and LOAD_NAME / STORE_NAME at module level, find a
// name through the entry index they found it at last time (CPython 3.11's
// LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN specializations, which check dict keys
// versions the same way).
//
// Design: one cache entry per name of a code object (Code::name_caches), holding the
// entry index in the globals (or builtins) and those dicts' keys_version when it was
// filled. A keys_version changes, to a number no dict has had, whenever a key is added or
// removed or the entries move, so a hit needs two compares and the value is read straight
// from the entry: assigning an existing global keeps the cache valid, while `del x`,
// `globals()[new] = ...` or shadowing a builtin by a new global invalidate it. Cost: 24
// bytes per name of a code object that reads globals.
#pragma once

#include <cstdint>

#include "core/py/compiler/code.hpp"
#include "core/py/objects/dict.hpp"

namespace py {

// The value of global name `name_index` of `code` (borrowed) when the cache still holds
// it, else null.
inline Object* cached_global(Code* code, uint32_t name_index, Dict* globals, Dict* builtins) {
  if (name_index >= code->name_caches.size()) return nullptr;
  const NameCacheEntry& entry = code->name_caches[name_index];
  if (entry.globals_keys_version != globals->keys_version) return nullptr;
  if (!entry.in_builtins) return globals->entries[entry.entry_index].value.get();
  if (!builtins || entry.builtins_keys_version != builtins->keys_version) return nullptr;
  return builtins->entries[entry.entry_index].value.get();
}

// The value of global name `name_index` looked up in `globals` then `builtins` (which may
// be null), remembered in the cache; null when absent (no exception is raised).
Object* find_global(Code* code, uint32_t name_index, Dict* globals, Dict* builtins);

// Assigns an existing global through the cache: false (nothing done) when the cache does
// not hold the name as a global.
inline bool store_cached_global(Code* code, uint32_t name_index, Dict* globals,
                                Object* value) {
  if (name_index >= code->name_caches.size()) return false;
  const NameCacheEntry& entry = code->name_caches[name_index];
  if (entry.in_builtins || entry.globals_keys_version != globals->keys_version) return false;
  dict_replace_value(globals, entry.entry_index, value);
  return true;
}

}  // namespace py
