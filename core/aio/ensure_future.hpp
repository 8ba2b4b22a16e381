// asyncio.ensure_future, as the combinators (gather, wait_for, shield,
// as_completed) apply it to each argument: a lazy Task<T> is scheduled as a
// new task right now — its first step queued with call_soon, so arguments
// start in the order they are wrapped — and anything that already holds a
// future (TaskHandle<T>, Future<T>, GatherFuture<V>) is used as it is. Either
// way the combinator gets a Ref to the future state, whose result() it reads.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <utility>

#include "core/aio/task.hpp"

namespace aio {

// A Task<T> becomes a new task on the running loop.
template <class T>
Ref<TaskState<T>> ensure_future(Task<T> body) {
  return create_task(std::move(body)).ref();
}

// A handle already holding a future state is returned unchanged.
template <class Handle>
  requires requires(const Handle& handle) { handle.ref(); }
auto ensure_future(const Handle& handle) {
  return handle.ref();
}

// The future state ensure_future makes of an A, and the value it yields.
template <class A>
using EnsuredFuture = std::remove_reference_t<decltype(*ensure_future(std::declval<A>()))>;
template <class A>
using AwaitedValue = typename EnsuredFuture<A>::value_type;

// True for an argument ensure_future accepts.
template <class A>
concept FutureLike = requires(A argument) { ensure_future(std::move(argument)); };

// True for a lazy Task<T> (a coroutine, in asyncio's words).
template <class A>
inline constexpr bool is_lazy_task = false;
template <class T>
inline constexpr bool is_lazy_task<Task<T>> = true;

// The running loop; combinators called outside one are a programming error.
inline Loop& running_loop_or_abort(const char* who) {
  Loop* loop = Loop::running();
  if (!loop) {
    std::fprintf(stderr, "aio: %s called with no running loop\n", who);
    std::abort();
  }
  return *loop;
}

}  // namespace aio
