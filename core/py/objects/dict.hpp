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
  uint64_t keys_version = 0;       // changes, to a number no other dict has had, whenever a
                                   // key is added or removed or entries move (0: never had
                                   // a key); an entry index stays valid while it holds
                                   // (the VM's name caches)
  bool class_namespace = false;    // a Type's __dict__: see class_namespaces_version
};

// Bumped by every change to any class's __dict__ (and by every new class): the type
// attribute cache (type_lookup) is valid while it holds.
extern uint64_t class_namespaces_version;

// Marks `dict` as the __dict__ of a class whose __mro__ is set (or changed).
void mark_class_namespace(Dict* dict);

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
// Replaces the value of live entry `index` (the key stays, so keys_version does too).
void dict_replace_value(Dict* dict, size_t index, Object* value);
// The index in `entries` of str key `key`, or -1 when absent; never raises.
int64_t dict_entry_index_str(Dict* dict, Str* key);
// del d[key]; raises KeyError when absent; -1 on error.
int dict_delete(Dict* dict, Object* key);
// d.clear(); the old entries are released after the dict is empty.
void dict_clear(Dict* dict);
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
