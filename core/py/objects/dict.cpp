// dict's hash table: CPython's compact layout (an insertion-ordered entries array plus a
// sparse index table probed with the same perturbation sequence), so lookups cost what
// CPython's do and iteration is insertion order by construction. The type's Python-facing
// behaviour (methods, views, repr) lives in dict_type.cpp.
#include "core/py/objects/dict.hpp"

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/str.hpp"

namespace py {

uint64_t class_namespaces_version = 1;

namespace {

uint64_t last_keys_version = 0;  // the newest keys_version handed out, run-wide

// Records a change: `version` for iterators, a fresh keys_version when keys were added or
// removed or entries moved, and the class-namespace epoch for the type attribute cache.
void note_change(Dict* dict, bool keys_changed) {
  ++dict->version;
  if (keys_changed) dict->keys_version = ++last_keys_version;
  if (dict->class_namespace) ++class_namespaces_version;
}

constexpr int64_t empty_index = -1;    // DKIX_EMPTY: the probe chain ends here
constexpr int64_t deleted_index = -2;  // DKIX_DUMMY: a deleted entry; probing continues
constexpr size_t minimum_table_size = 8;

size_t table_mask(const Dict* dict) { return dict->indices.size() - 1; }
// Entries the table takes before it grows: two thirds of its slots (USABLE_FRACTION).
size_t usable_entries(size_t table_size) { return (table_size << 1) / 3; }

// The probe result: where the key is (entry >= 0) or, when absent, the first slot of its
// probe chain that can take it.
struct Probe {
  int64_t entry = empty_index;  // index into entries, or empty_index when absent
  size_t slot = 0;              // index into indices
  bool failed = false;          // __eq__ raised
};

Probe probe(Dict* dict, Object* key, int64_t hash) {
  Probe result;
  if (dict->indices.empty()) return result;
  const size_t mask = table_mask(dict);
  uint64_t perturb = uint64_t(hash);
  size_t slot = size_t(hash) & mask;
  bool have_free_slot = false;
  for (;;) {
    const int64_t index = dict->indices[slot];
    if (index == empty_index) {
      if (!have_free_slot) result.slot = slot;
      return result;
    }
    if (index == deleted_index) {
      if (!have_free_slot) {
        result.slot = slot;
        have_free_slot = true;
      }
    } else {
      DictEntry& entry = dict->entries[size_t(index)];
      if (entry.key.get() == key) {
        result.entry = index;
        result.slot = slot;
        return result;
      }
      if (entry.hash == hash) {
        Ref<> entry_key = entry.key;  // __eq__ may mutate the dict
        const int same = equal(entry_key.get(), key);
        if (same < 0) {
          result.failed = true;
          return result;
        }
        if (same) {
          result.entry = index;
          result.slot = slot;
          return result;
        }
      }
    }
    perturb >>= 5;
    slot = (slot * 5 + size_t(perturb) + 1) & mask;
  }
}

// Rebuilds the tables with at least `wanted_size` index slots (a power of two, 8 or
// more), dropping the holes deletions left in the entries. False after raising
// MemoryError, the dict unchanged, when the new tables would not fit under the heap cap.
bool resize(Dict* dict, size_t wanted_size) {
  size_t table_size = minimum_table_size;
  while (table_size < wanted_size) table_size <<= 1;
  if (!check_heap_room(1, usable_entries(table_size) * sizeof(DictEntry) +
                              table_size * sizeof(int64_t)))
    return false;
  std::vector<DictEntry> live;
  live.reserve(usable_entries(table_size));
  for (DictEntry& entry : dict->entries)
    if (entry.key) live.push_back(std::move(entry));
  dict->entries = std::move(live);
  dict->indices.assign(table_size, empty_index);
  const size_t mask = table_size - 1;
  for (size_t i = 0; i < dict->entries.size(); ++i) {
    uint64_t perturb = uint64_t(dict->entries[i].hash);
    size_t slot = size_t(dict->entries[i].hash) & mask;
    while (dict->indices[slot] != empty_index) {
      perturb >>= 5;
      slot = (slot * 5 + size_t(perturb) + 1) & mask;
    }
    dict->indices[slot] = int64_t(i);
  }
  note_change(dict, true);
  return true;
}

int insert(Dict* dict, Object* key, int64_t hash, Object* value) {
  Probe found = probe(dict, key, hash);
  if (found.failed) return -1;
  if (found.entry >= 0) {
    dict->entries[size_t(found.entry)].value = Ref<>::borrow(value);
    note_change(dict, false);
    return 0;
  }
  if (dict->indices.empty() || dict->entries.size() >= usable_entries(dict->indices.size())) {
    // CPython's GROWTH_RATE: room for three times the live entries.
    if (!resize(dict, dict->used * 3)) return -1;
    found = probe(dict, key, hash);  // cannot fail: the key was compared already
  }
  dict->indices[found.slot] = int64_t(dict->entries.size());
  dict->entries.push_back(DictEntry{hash, Ref<>::borrow(key), Ref<>::borrow(value)});
  ++dict->used;
  note_change(dict, true);
  return 0;
}

}  // namespace

Ref<Dict> make_dict() { return make_object<Dict>(&dict_type); }

Object* dict_lookup(Dict* dict, Object* key) {
  const int64_t hash = py::hash(key);
  if (hash == -1 && exception_pending()) return nullptr;
  const Probe found = probe(dict, key, hash);
  if (found.entry < 0) return nullptr;
  return dict->entries[size_t(found.entry)].value.get();
}

Object* dict_lookup_str(Dict* dict, Str* key) {
  const Probe found = probe(dict, key, str_hash(key));
  return found.entry < 0 ? nullptr : dict->entries[size_t(found.entry)].value.get();
}

void dict_replace_value(Dict* dict, size_t index, Object* value) {
  dict->entries[index].value = Ref<>::borrow(value);
  note_change(dict, false);
}

int64_t dict_entry_index_str(Dict* dict, Str* key) {
  return probe(dict, key, str_hash(key)).entry;
}

Object* dict_lookup_str(Dict* dict, std::string_view key) {
  return dict_lookup_str(dict, intern_borrowed(key));
}

int dict_set(Dict* dict, Object* key, Object* value) {
  const int64_t hash = py::hash(key);
  if (hash == -1 && exception_pending()) return -1;
  return insert(dict, key, hash, value);
}

int dict_set_str(Dict* dict, std::string_view key, Object* value) {
  Str* name = intern_borrowed(key);
  if (!name) return -1;
  return insert(dict, name, str_hash(name), value);
}

int dict_delete(Dict* dict, Object* key) {
  const int64_t hash = py::hash(key);
  if (hash == -1 && exception_pending()) return -1;
  const Probe found = probe(dict, key, hash);
  if (found.failed) return -1;
  if (found.entry < 0) {
    set_exception(make_exception(key_error_type, make_tuple({key})));
    return -1;
  }
  dict->indices[found.slot] = deleted_index;
  DictEntry& entry = dict->entries[size_t(found.entry)];
  // Release after unlinking: a key's or value's destructor may look at the dict.
  Ref<> old_key = std::move(entry.key);
  Ref<> old_value = std::move(entry.value);
  --dict->used;
  note_change(dict, true);
  return 0;
}

void dict_clear(Dict* dict) {
  std::vector<DictEntry> old = std::move(dict->entries);
  dict->entries.clear();
  dict->indices.clear();
  dict->used = 0;
  note_change(dict, true);
}

void mark_class_namespace(Dict* dict) {
  dict->class_namespace = true;
  ++class_namespaces_version;
}

bool dict_next(Dict* dict, size_t* position, Object** key, Object** value) {
  while (*position < dict->entries.size()) {
    DictEntry& entry = dict->entries[(*position)++];
    if (entry.key) {
      if (key) *key = entry.key.get();
      if (value) *value = entry.value.get();
      return true;
    }
  }
  return false;
}

int dict_update(Dict* dict, Object* other) {
  if (is_dict(other)) {
    Dict* source = static_cast<Dict*>(other);
    if (source == dict) return 0;
    size_t position = 0;
    Object* key;
    Object* value;
    while (dict_next(source, &position, &key, &value)) {
      // Hold both: a key's __eq__ may change the source.
      Ref<> held_key = Ref<>::borrow(key), held_value = Ref<>::borrow(value);
      if (insert(dict, key, source->entries[position - 1].hash, value) < 0) return -1;
    }
    return 0;
  }
  // A mapping: anything with keys(); else an iterable of key/value pairs.
  Ref<> keys_method = get_attribute_or_missing(other, intern_borrowed("keys"));
  if (!keys_method && exception_pending()) return -1;
  if (keys_method) {
    Ref<> keys = call(keys_method.get(), {});
    if (!keys) return -1;
    Ref<> iterator = get_iter(keys.get());
    if (!iterator) return -1;
    while (Ref<> key = iter_next(iterator.get())) {
      Ref<> value = get_item(other, key.get());
      if (!value || dict_set(dict, key.get(), value.get()) < 0) return -1;
    }
    return exception_pending() ? -1 : 0;
  }
  Ref<> iterator = get_iter(other);
  if (!iterator) return -1;
  for (size_t index = 0;; ++index) {
    Ref<> item = iter_next(iterator.get());
    if (!item) return exception_pending() ? -1 : 0;
    Ref<List> pair = sequence_to_list(item.get());
    if (!pair) {
      if (exception_matches(type_error_type)) {
        clear_exception();
        raise_format(type_error_type,
                     "cannot convert dictionary update sequence element #{} to a sequence",
                     index);
      }
      return -1;
    }
    if (pair->items.size() != 2) {
      raise_format(value_error_type,
                   "dictionary update sequence element #{} has length {}; 2 is required",
                   index, pair->items.size());
      return -1;
    }
    if (dict_set(dict, pair->items[0].get(), pair->items[1].get()) < 0) return -1;
  }
}

}  // namespace py
