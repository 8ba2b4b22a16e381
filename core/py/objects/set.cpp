// set and frozenset's hash table, following CPython's Objects/setobject.c: linear probing
// over up to LINEAR_PROBES slots, then perturbed jumps; a dummy marks deleted slots; the
// table quadruples (or doubles when large) when 3/5 full. Same table, same probing, same
// growth — so iteration order equals CPython's.
#include "core/py/objects/set.hpp"

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/type.hpp"

namespace py {

Type set_type = builtin_type<Set>("set");
Type frozenset_type = builtin_type<Set>("frozenset");

namespace {

constexpr size_t minimum_size = 8;
constexpr size_t linear_probes = 9;

// The object marking a deleted slot: never a real key, never freed.
Object dummy_key{1u << 30, &object_type};

bool is_free(const SetEntry& entry) { return !entry.key || entry.key.get() == &dummy_key; }

void ensure_table(Set* set) {
  if (set->table.empty()) set->table.resize(minimum_size);
}

// The slot holding `key`, or (found false) the slot where it would go. -1 on error.
int64_t lookup(Set* set, Object* key, int64_t hash, bool* found) {
  ensure_table(set);
  const size_t mask = set->table.size() - 1;
  size_t index = size_t(hash) & mask;
  uint64_t perturb = uint64_t(hash);
  int64_t free_slot = -1;
  for (;;) {
    const size_t limit = index + linear_probes <= mask ? linear_probes : 0;
    for (size_t probe = 0; probe <= limit; ++probe) {
      SetEntry& entry = set->table[index + probe];
      if (!entry.key) {
        *found = false;
        return free_slot >= 0 ? free_slot : int64_t(index + probe);
      }
      if (entry.key.get() == &dummy_key) {
        if (free_slot < 0) free_slot = int64_t(index + probe);
        continue;
      }
      if (entry.key.get() == key) {
        *found = true;
        return int64_t(index + probe);
      }
      if (entry.hash == hash) {
        Ref<> held = entry.key;
        const int same = equal(held.get(), key);
        if (same < 0) return -1;
        if (same) {
          *found = true;
          return int64_t(index + probe);
        }
      }
    }
    perturb >>= 5;
    index = (index * 5 + 1 + size_t(perturb)) & mask;
  }
}

void insert_clean(std::vector<SetEntry>& table, Ref<> key, int64_t hash) {
  const size_t mask = table.size() - 1;
  size_t index = size_t(hash) & mask;
  uint64_t perturb = uint64_t(hash);
  for (;;) {
    const size_t limit = index + linear_probes <= mask ? linear_probes : 0;
    for (size_t probe = 0; probe <= limit; ++probe) {
      if (!table[index + probe].key) {
        table[index + probe] = SetEntry{hash, std::move(key)};
        return;
      }
    }
    perturb >>= 5;
    index = (index * 5 + 1 + size_t(perturb)) & mask;
  }
}

// False after raising MemoryError, the set unchanged, when the new table would not fit
// under the heap cap.
bool resize(Set* set, size_t minimum_used) {
  size_t size = minimum_size;
  while (size <= minimum_used) size <<= 1;
  if (!check_heap_room(sizeof(SetEntry), size)) return false;
  std::vector<SetEntry> old = std::move(set->table);
  set->table.assign(size, SetEntry{});
  for (SetEntry& entry : old)
    if (entry.key && entry.key.get() != &dummy_key) insert_clean(set->table, std::move(entry.key), entry.hash);
  set->fill = set->used;
  return true;
}

}  // namespace

Ref<Set> make_set() { return make_object<Set>(&set_type); }
Ref<Set> make_frozenset() { return make_object<Set>(&frozenset_type); }

int set_add(Set* set, Object* key) {
  const int64_t hash = py::hash(key);
  if (hash == -1 && exception_pending()) return -1;
  return set_add_hashed(set, key, hash);
}

int set_add_hashed(Set* set, Object* key, int64_t hash) {
  bool found = false;
  const int64_t slot = lookup(set, key, hash, &found);
  if (slot < 0) return -1;
  if (found) return 0;
  SetEntry& entry = set->table[size_t(slot)];
  if (!entry.key) ++set->fill;
  entry = SetEntry{hash, Ref<>::borrow(key)};
  ++set->used;
  const size_t mask = set->table.size() - 1;
  // As in CPython, a failed growth leaves the key added (the table has room) and raises.
  if (set->fill * 5 >= mask * 3 &&
      !resize(set, set->used > 50000 ? set->used * 2 : set->used * 4))
    return -1;
  return 0;
}

int set_contains(Set* set, Object* key) {
  const int64_t hash = py::hash(key);
  if (hash == -1 && exception_pending()) return -1;
  bool found = false;
  if (lookup(set, key, hash, &found) < 0) return -1;
  return found;
}

int set_discard(Set* set, Object* key) {
  const int64_t hash = py::hash(key);
  if (hash == -1 && exception_pending()) return -1;
  return set_discard_hashed(set, key, hash);
}

int set_discard_hashed(Set* set, Object* key, int64_t hash) {
  bool found = false;
  const int64_t slot = lookup(set, key, hash, &found);
  if (slot < 0) return -1;
  if (!found) return 0;
  Ref<> old = std::move(set->table[size_t(slot)].key);
  set->table[size_t(slot)].key = Ref<>::borrow(&dummy_key);
  --set->used;
  return 1;
}

bool set_next(Set* set, size_t* position, Object** key) {
  int64_t hash = 0;
  return set_next_entry(set, position, key, &hash);
}

bool set_next_entry(Set* set, size_t* position, Object** key, int64_t* hash) {
  while (*position < set->table.size()) {
    SetEntry& entry = set->table[(*position)++];
    if (!is_free(entry)) {
      *key = entry.key.get();
      *hash = entry.hash;
      return true;
    }
  }
  return false;
}

int set_merge(Set* set, Set* other) {
  if (other == set || other->used == 0) return 0;
  ensure_table(set);
  if ((set->fill + other->used) * 5 >= (set->table.size() - 1) * 3)
    if (!resize(set, (set->used + other->used) * 2)) return -1;
  if (set->fill == 0) {
    // An empty table: the same slots when the sizes agree (and the source has no deleted
    // slots), else clean insertions, in the source's table order.
    if (set->table.size() == other->table.size() && other->fill == other->used) {
      for (size_t i = 0; i < other->table.size(); ++i)
        if (other->table[i].key) set->table[i] = other->table[i];
    } else {
      for (const SetEntry& entry : other->table)
        if (!is_free(entry)) insert_clean(set->table, entry.key, entry.hash);
    }
    set->fill = set->used = other->used;
    return 0;
  }
  // Hold the source: a key's __eq__ may mutate it.
  Ref<Set> source = Ref<Set>::borrow(other);
  for (size_t i = 0; i < source->table.size(); ++i) {
    if (is_free(source->table[i])) continue;
    SetEntry entry = source->table[i];
    if (set_add_hashed(set, entry.key.get(), entry.hash) < 0) return -1;
  }
  return 0;
}

int set_update_from(Set* set, Object* iterable) {
  if (is_set_or_frozenset(iterable)) return set_merge(set, static_cast<Set*>(iterable));
  Ref<> iterator = get_iter(iterable);
  if (!iterator) return -1;
  while (Ref<> item = iter_next(iterator.get()))
    if (set_add(set, item.get()) < 0) return -1;
  return exception_pending() ? -1 : 0;
}

void set_clear(Set* set) {
  std::vector<SetEntry> old = std::move(set->table);  // released once the set is empty
  set->table.clear();
  set->used = set->fill = 0;
}

Ref<> set_pop(Set* set) {
  if (set->used == 0) return raise(key_error_type, "pop from an empty set");
  const size_t mask = set->table.size() - 1;
  size_t index = set->finger & mask;
  while (is_free(set->table[index])) index = index == mask ? 0 : index + 1;
  Ref<> key = std::move(set->table[index].key);
  set->table[index] = SetEntry{-1, Ref<>::borrow(&dummy_key)};
  --set->used;
  set->finger = index + 1;
  return key;
}

void set_compact(Set* set) {
  if (set->table.empty() || set->fill - set->used <= (set->table.size() - 1) / 4) return;
  // Compacting is optional: without room for the new table, the old one stays.
  if (!resize(set, set->used > 50000 ? set->used * 2 : set->used * 4)) clear_exception();
}

}  // namespace py
