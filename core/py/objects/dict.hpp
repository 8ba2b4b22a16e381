// dict: an insertion-ordered hash table (CPython's compact layout: an entries array in
// insertion order plus an index table), so iteration order and growth match CPython's.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/py/objects/object.hpp"

namespace py {

struct DictEntry {
  int64_t hash;  // hash(key), cached
  Ref<> key;     // null for a deleted entry
  Ref<> value;
};

struct Dict : Object {
  std::vector<DictEntry> entries;  // insertion order, with holes left by deletions
  std::vector<int64_t> indices;    // hash table of positions into entries; -1 empty,
                                   // -2 deleted; size a power of two
  size_t used = 0;                 // live entries
  uint64_t version = 0;            // bumped on every change (iterators detect mutation)
};

extern Type dict_type;

inline bool is_dict(const Object* object) {
  return object->type == &dict_type || (object->type->flags & type_flag_dict_subclass);
}

Ref<Dict> make_dict();
inline size_t dict_size(const Dict* dict) { return dict->used; }

// The value for `key` (borrowed), or null: then either absent (no exception) or an
// exception was raised by the key's __hash__/__eq__ (check exception_pending()).
Object* dict_lookup(Dict* dict, Object* key);
// Fast path for str keys (names): never raises.
Object* dict_lookup_str(Dict* dict, Str* key);
Object* dict_lookup_str(Dict* dict, std::string_view key);
// d[key] = value; -1 on error.
int dict_set(Dict* dict, Object* key, Object* value);
int dict_set_str(Dict* dict, std::string_view key, Object* value);
// del d[key]; raises KeyError when absent; -1 on error.
int dict_delete(Dict* dict, Object* key);
// Iteration in insertion order: start with position 0; returns false at the end.
// key and value are borrowed.
bool dict_next(Dict* dict, size_t* position, Object** key, Object** value);
// dict.update(other) for a dict or a mapping/iterable of pairs; -1 on error.
int dict_update(Dict* dict, Object* other);

// iter(dict) (backward: reversed(dict)): the keys in insertion order; RuntimeError
// "dictionary changed size during iteration" when the dict's size changes under it.
// (dict_views.cpp, which iterates the views the same way.)
Ref<> make_dict_key_iterator(Dict* dict, bool backward);

}  // namespace py
