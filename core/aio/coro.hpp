// Coroutine compatibility: g++ 12 and clang natively ship <coroutine>; the
// libc++ 14 of Emscripten 3.1.6 has only <experimental/coroutine>
// (TOOLCHAIN.md §1). Everything in core spells the namespace `aio::co`.
#pragma once

#if __has_include(<coroutine>)
#include <coroutine>
namespace aio::co {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace aio::co
#else
#include <experimental/coroutine>
namespace aio::co {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace aio::co
#endif
