// The bytes held by C++ containers (a str's text, a list's items, a dict's table: the
// std::string and std::vector inside objects), counted by replacing the global operator
// new and delete, so that the run's heap cap covers them as well as the objects
// (heap.cpp: heap_in_use). Without it a list of long strings grew past any cap until the
// process, or the browser tab's wasm memory, ran out.
//
// Sizes come from malloc_usable_size, which glibc, ASan and Emscripten's dlmalloc all
// provide; a header per allocation would cost more. Every plain and nothrow form is
// replaced (a sanitizer runtime brings its own of each, which must not pair with ours);
// the aligned ones stay the library's, uncounted: nothing here is over-aligned.
#include <malloc.h>

#include <cstddef>
#include <cstdlib>
#include <new>

#include "core/py/objects/object.hpp"

namespace {

size_t live_bytes = 0;  // usable bytes of every live operator-new allocation

void* allocate_or_null(size_t bytes) {
  void* memory = std::malloc(bytes ? bytes : 1);
  if (memory) live_bytes += malloc_usable_size(memory);
  return memory;
}

void* allocate(size_t bytes) {
  void* memory = allocate_or_null(bytes);
  // The core is built without exceptions, so there is no std::bad_alloc to throw; the
  // heap cap stops a run long before the system allocator fails.
  if (!memory) std::abort();
  return memory;
}

void release(void* memory) {
  if (!memory) return;
  live_bytes -= malloc_usable_size(memory);
  std::free(memory);
}

}  // namespace

namespace py {

size_t cpp_heap_bytes() { return live_bytes; }

}  // namespace py

void* operator new(size_t bytes) { return allocate(bytes); }
void* operator new[](size_t bytes) { return allocate(bytes); }
void* operator new(size_t bytes, const std::nothrow_t&) noexcept { return allocate_or_null(bytes); }
void* operator new[](size_t bytes, const std::nothrow_t&) noexcept {
  return allocate_or_null(bytes);
}
void operator delete(void* memory) noexcept { release(memory); }
void operator delete[](void* memory) noexcept { release(memory); }
void operator delete(void* memory, size_t) noexcept { release(memory); }
void operator delete[](void* memory, size_t) noexcept { release(memory); }
void operator delete(void* memory, const std::nothrow_t&) noexcept { release(memory); }
void operator delete[](void* memory, const std::nothrow_t&) noexcept { release(memory); }
