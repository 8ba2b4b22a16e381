// aio::gather — asyncio.gather and its _GatheringFuture, transliterated from
// CPython 3.11's tasks.py.
//
// gather() wraps every argument into a future at once, in argument order (a
// lazy Task<T> becomes a new task), adds one done callback to each distinct
// child and returns the outer future. A child finishing schedules that
// callback (one loop hop); the callback that sees the last child — or,
// without return_exceptions, the first failed or cancelled child — completes
// the outer future, whose own done callbacks wake the awaiting task one hop
// later. That is CPython's count of hops, so output interleaves the same.
//
// Without return_exceptions the first failure fails the outer future at once
// and the other children keep running. A cancelled child fails the gather
// with CancelledError, it does not cancel it (3.11). Cancelling the outer
// future cancels the children instead (like Task.cancel it does not mark
// itself cancelled); once they are done it fails with CancelledError.
//
// Shapes (A: Task<T>, TaskHandle<T>, Future<T> or GatherFuture<T>):
//   gather(std::vector<A>)                     -> GatherFuture<std::vector<Gathered<T>>>
//   gather(return_exceptions, std::vector<A>)  -> GatherFuture<std::vector<Result<T>>>
//   gather(a, b, ...)                          -> GatherFuture<std::tuple<Gathered<Ta>, ...>>
//   gather(return_exceptions, a, b, ...)       -> GatherFuture<std::tuple<Result<Ta>, ...>>
// Gathered<void> is std::monostate (Python's None), so void tasks gather too.
#pragma once

#include <string>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "core/aio/ensure_future.hpp"

namespace aio {

// Tag selecting gather(return_exceptions=True).
struct ReturnExceptions {};
inline constexpr ReturnExceptions return_exceptions{};

// The value a child contributes to a gather without return_exceptions.
template <class T>
using Gathered = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

// The untyped half of the outer future: the children and the done callback.
class GatheringFuture : public FutureBase {
 public:
  // Cancels every child (even those already done, which refuse); returns
  // whether any accepted. This future itself stays pending until the
  // children are done. False when already done.
  bool cancel(std::string message = {}) override;
  std::string describe() const override { return "gather()"; }

 protected:
  GatheringFuture(Loop& loop, bool return_exceptions)
      : FutureBase(loop), return_exceptions_(return_exceptions) {}

  // Appends the future of the next argument. A future already listed is
  // listed again (its result appears twice) but watched only once.
  void add_child(Ref<FutureBase> child);
  // The same for a task gather() itself just created from a lazy Task<T>:
  // it cannot be listed already, so it skips the duplicate check.
  void add_new_child(Ref<FutureBase> child);
  // Ends construction: with no children the gather is done at once.
  void seal();
  // Every child is done and the result is due: set it from the children.
  virtual void set_results() = 0;
  FutureBase& child(size_t index) const { return *children_[index]; }

 private:
  // gather's _done_callback, run (via call_soon) as each child finishes.
  static void on_child_done(RefCounted* self, FutureBase* child);

  std::vector<Ref<FutureBase>> children_;  // one per argument, in order
  std::unordered_set<const FutureBase*> watched_;  // distinct children; emptied by seal()
  size_t distinct_ = 0;             // children watched (nfuts)
  size_t finished_ = 0;             // done callbacks run so far (nfinished)
  bool return_exceptions_;          // errors become results
  bool cancel_requested_ = false;   // cancel() reached a child (_cancel_requested)
};

// The outer future with its typed result.
template <class Value>
using GatherState = WithValue<Value, GatheringFuture>;

// What gather() returns: awaitable (-> Result<Value>), cancellable.
template <class Value>
class GatherFuture {
 public:
  GatherFuture() = default;
  explicit GatherFuture(Ref<GatherState<Value>> state) : state_(std::move(state)) {}

  bool done() const { return state_->done(); }
  bool cancelled() const { return state_->cancelled(); }
  bool cancel(std::string message = {}) { return state_->cancel(std::move(message)); }
  Result<Value> result() const { return state_->result(); }
  const Ref<GatherState<Value>>& ref() const { return state_; }

  FutureAwaiter<GatherState<Value>> operator co_await() const {
    return FutureAwaiter<GatherState<Value>>(state_);
  }

 private:
  Ref<GatherState<Value>> state_;
};

namespace detail {

// A child's outcome as it enters the result: kept whole with
// return_exceptions, else its value (all children succeeded by then).
template <bool keep_errors, class T>
using GatherElement = std::conditional_t<keep_errors, Result<T>, Gathered<T>>;

template <bool keep_errors, class S>
GatherElement<keep_errors, typename S::value_type> gather_element(const S& child) {
  if constexpr (keep_errors) {
    // CPython rebuilds CancelledError from the future's cancel message, which a
    // task never keeps (its step cancels itself without one); a future does.
    if constexpr (std::is_base_of_v<TaskCore, S>) {
      if (child.cancelled()) return Error(ErrorKind::cancelled);
    }
    return child.result();
  } else if constexpr (std::is_void_v<typename S::value_type>) {
    return std::monostate{};
  } else {
    return child.result().value();
  }
}

// gather over a vector: every child is an S.
template <bool keep_errors, class S>
class GatherVector final
    : public GatherState<std::vector<GatherElement<keep_errors, typename S::value_type>>> {
  using Base = GatherState<std::vector<GatherElement<keep_errors, typename S::value_type>>>;

 public:
  template <class A>
  GatherVector(Loop& loop, std::vector<A> arguments)
      : Base(loop, keep_errors), count_(arguments.size()) {
    for (auto& argument : arguments) {
      if constexpr (is_lazy_task<A>) this->add_new_child(ensure_future(std::move(argument)));
      else this->add_child(ensure_future(std::move(argument)));
    }
    this->seal();
  }

 private:
  void set_results() override {
    std::vector<GatherElement<keep_errors, typename S::value_type>> results;
    results.reserve(count_);
    for (size_t i = 0; i < count_; ++i) {
      results.push_back(gather_element<keep_errors>(static_cast<S&>(this->child(i))));
    }
    this->set_result(std::move(results)).value();
  }
  size_t count_;  // number of arguments (duplicates included)
};

// gather over a parameter pack: child I is an S_I.
template <bool keep_errors, class... S>
class GatherTuple final
    : public GatherState<std::tuple<GatherElement<keep_errors, typename S::value_type>...>> {
  using Base = GatherState<std::tuple<GatherElement<keep_errors, typename S::value_type>...>>;

 public:
  template <class... A>
  GatherTuple(Loop& loop, A&&... arguments) : Base(loop, keep_errors) {
    (this->add_child(ensure_future(std::forward<A>(arguments))), ...);  // left to right
    this->seal();
  }

 private:
  void set_results() override { set_from(std::index_sequence_for<S...>{}); }
  template <size_t... I>
  void set_from(std::index_sequence<I...>) {
    this->set_result(std::tuple<GatherElement<keep_errors, typename S::value_type>...>(
                         gather_element<keep_errors>(static_cast<S&>(this->child(I)))...))
        .value();
  }
};

template <bool keep_errors, class A>
auto gather_vector(std::vector<A> arguments) {
  using State = GatherVector<keep_errors, EnsuredFuture<A>>;
  Ref<State> state = make_ref<State>(running_loop_or_abort("gather()"), std::move(arguments));
  return GatherFuture<typename State::value_type>(std::move(state));
}

template <bool keep_errors, class... A>
auto gather_pack(A&&... arguments) {
  using State = GatherTuple<keep_errors, EnsuredFuture<A>...>;
  Ref<State> state =
      make_ref<State>(running_loop_or_abort("gather()"), std::forward<A>(arguments)...);
  return GatherFuture<typename State::value_type>(std::move(state));
}

}  // namespace detail

// asyncio.gather(*aws): results in argument order; the first error wins.
template <FutureLike A>
auto gather(std::vector<A> arguments) {
  return detail::gather_vector<false>(std::move(arguments));
}

// asyncio.gather(*aws, return_exceptions=True): every outcome, in order.
template <FutureLike A>
auto gather(ReturnExceptions, std::vector<A> arguments) {
  return detail::gather_vector<true>(std::move(arguments));
}

// asyncio.gather(a, b, ...) over mixed types: a tuple of values.
template <class... A>
  requires(sizeof...(A) > 0 && (FutureLike<A> && ...))
auto gather(A&&... arguments) {
  return detail::gather_pack<false>(std::forward<A>(arguments)...);
}

// The same with return_exceptions=True: a tuple of Results.
template <class... A>
  requires(sizeof...(A) > 0 && (FutureLike<A> && ...))
auto gather(ReturnExceptions, A&&... arguments) {
  return detail::gather_pack<true>(std::forward<A>(arguments)...);
}

}  // namespace aio
