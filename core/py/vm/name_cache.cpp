// The global-name cache's lookups on a miss (name_cache.hpp).
#include "core/py/vm/name_cache.hpp"

namespace py {

Object* find_global(Code* code, uint32_t name_index, Dict* globals, Dict* builtins) {
  if (code->name_caches.empty()) code->name_caches.resize(code->names.size());
  NameCacheEntry& entry = code->name_caches[name_index];
  Str* name = code->names[name_index].get();
  int64_t index = dict_entry_index_str(globals, name);
  if (index >= 0) {
    entry = {globals->keys_version, 0, uint32_t(index), false};
    return globals->entries[size_t(index)].value.get();
  }
  if (!builtins) return nullptr;
  index = dict_entry_index_str(builtins, name);
  if (index < 0) return nullptr;
  entry = {globals->keys_version, builtins->keys_version, uint32_t(index), true};
  return builtins->entries[size_t(index)].value.get();
}

}  // namespace py
