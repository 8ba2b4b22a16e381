// The run's heap: every object's memory, its byte count against the cap, and the list of
// live objects that lets the run's end free reference cycles.
//
// Design: each allocation carries a small header linking it into a doubly linked list of
// live objects (24 bytes natively, 12 in wasm32). That is what makes teardown complete
// without a cycle collector: release_run_objects() walks the list. Allocation itself is
// malloc's.
#include <cstdlib>

#include "core/py/objects/errors.hpp"
#include "core/py/objects/object.hpp"
#include "core/py/objects/runtime.hpp"

namespace py {
namespace {

struct HeapHeader {
  HeapHeader* previous;  // the list neighbour allocated after this one, or null
  HeapHeader* next;      // the one allocated before, or null
  size_t bytes;          // the object's size (without this header)
};

HeapHeader* live_objects = nullptr;  // the most recent allocation heads the list

Object* object_of(HeapHeader* header) { return reinterpret_cast<Object*>(header + 1); }

}  // namespace

void* allocate_object(size_t bytes) {
  Runtime& run = runtime();
  if (run.heap_bytes + bytes > run.heap_limit) {
    raise_memory_error();
    return nullptr;
  }
  auto* header = static_cast<HeapHeader*>(std::malloc(sizeof(HeapHeader) + bytes));
  if (!header) {
    raise_memory_error();
    return nullptr;
  }
  header->previous = nullptr;
  header->next = live_objects;
  header->bytes = bytes;
  if (live_objects) live_objects->previous = header;
  live_objects = header;
  run.heap_bytes += bytes;
  if (run.heap_bytes > run.heap_peak) run.heap_peak = run.heap_bytes;
  return header + 1;
}

bool check_heap_room(uint64_t item_bytes, uint64_t count) {
  const Runtime& run = runtime();
  uint64_t room = run.heap_limit > run.heap_bytes ? run.heap_limit - run.heap_bytes : 0;
  if (item_bytes != 0 && count > room / item_bytes) {
    raise_memory_error();
    return false;
  }
  return true;
}

void free_object(void* memory, size_t bytes) {
  HeapHeader* header = static_cast<HeapHeader*>(memory) - 1;
  if (header->previous) header->previous->next = header->next;
  else live_objects = header->next;
  if (header->next) header->next->previous = header->previous;
  runtime().heap_bytes -= bytes;
  std::free(header);
}

void release_run_objects() {
  constexpr uint32_t pinned = 1u << 30;  // no decref during teardown reaches zero
  for (HeapHeader* header = live_objects; header; header = header->next)
    object_of(header)->refcount = pinned;
  for (HeapHeader* header = live_objects; header; header = header->next) {
    Object* object = object_of(header);
    if (object->type->destruct) object->type->destruct(object);
  }
  while (live_objects) {
    HeapHeader* next = live_objects->next;
    std::free(live_objects);
    live_objects = next;
  }
  runtime().heap_bytes = 0;
}

}  // namespace py
