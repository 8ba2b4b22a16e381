// The run's heap: every object's memory, its byte count against the cap, and the list of
// live objects that lets the run's end free reference cycles.
//
// Design: each allocation carries a small header linking it into a doubly linked list of
// live objects (24 bytes natively, 12 in wasm32). That is what makes teardown complete
// without a cycle collector: release_run_objects() walks the list. Small blocks are
// recycled through free lists by size class (most objects are small and short-lived: the
// ints of a loop); malloc and free took a quarter of an arithmetic loop's time before.
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

// Freed blocks kept for reuse: class c holds blocks with room for objects of up to
// (c + 1) * 16 bytes. Each list is bounded so a burst of garbage goes back to malloc.
constexpr size_t kSizeStep = 16;
constexpr size_t kSizeClasses = 16;           // objects up to 256 bytes
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AWAITPAD_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(AWAITPAD_ASAN)
constexpr size_t kMaxFreeBlocksPerClass = 0;  // every free reaches ASan (use-after-free)
#else
constexpr size_t kMaxFreeBlocksPerClass = 4096;
#endif
struct FreeBlock {
  FreeBlock* next;
};
FreeBlock* free_blocks[kSizeClasses] = {};
size_t free_block_counts[kSizeClasses] = {};

bool is_small(size_t bytes) { return bytes != 0 && bytes <= kSizeStep * kSizeClasses; }
size_t size_class(size_t bytes) { return (bytes - 1) / kSizeStep; }

HeapHeader* take_block(size_t bytes) {
  if (!is_small(bytes)) return static_cast<HeapHeader*>(std::malloc(sizeof(HeapHeader) + bytes));
  size_t index = size_class(bytes);
  if (FreeBlock* block = free_blocks[index]) {
    free_blocks[index] = block->next;
    --free_block_counts[index];
    return reinterpret_cast<HeapHeader*>(block);
  }
  return static_cast<HeapHeader*>(std::malloc(sizeof(HeapHeader) + (index + 1) * kSizeStep));
}

void give_back_block(HeapHeader* header) {
  size_t bytes = header->bytes;
  if (!is_small(bytes) || free_block_counts[size_class(bytes)] >= kMaxFreeBlocksPerClass) {
    std::free(header);
    return;
  }
  size_t index = size_class(bytes);
  FreeBlock* block = reinterpret_cast<FreeBlock*>(header);
  block->next = free_blocks[index];
  free_blocks[index] = block;
  ++free_block_counts[index];
}

void release_free_blocks() {
  for (size_t index = 0; index < kSizeClasses; ++index) {
    while (FreeBlock* block = free_blocks[index]) {
      free_blocks[index] = block->next;
      std::free(block);
    }
    free_block_counts[index] = 0;
  }
}

Object* object_of(HeapHeader* header) { return reinterpret_cast<Object*>(header + 1); }

}  // namespace

size_t heap_in_use() {
  const Runtime& run = runtime();
  size_t buffers = cpp_heap_bytes();
  return run.heap_bytes + (buffers > run.cpp_heap_at_start ? buffers - run.cpp_heap_at_start : 0);
}

void* allocate_object(size_t bytes) {
  Runtime& run = runtime();
  if (heap_in_use() + bytes > run.heap_limit) {
    raise_memory_error();
    return nullptr;
  }
  HeapHeader* header = take_block(bytes);
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

void open_memory_reserve() {
  Runtime& run = runtime();
  run.heap_limit = run.options.max_memory + run.options.max_memory / 16;
}

void close_memory_reserve() {
  Runtime& run = runtime();
  if (run.heap_limit != run.options.max_memory && heap_in_use() <= run.options.max_memory)
    run.heap_limit = run.options.max_memory;
}

bool check_heap_room(uint64_t item_bytes, uint64_t count) {
  const Runtime& run = runtime();
  size_t in_use = heap_in_use();
  uint64_t room = run.heap_limit > in_use ? run.heap_limit - in_use : 0;
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
  give_back_block(header);
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
  release_free_blocks();
  runtime().heap_bytes = 0;
}

}  // namespace py
