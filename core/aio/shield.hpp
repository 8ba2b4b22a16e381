// aio::shield — asyncio.shield from CPython 3.11's tasks.py.
//
// shield(x) returns a new outer future that follows the inner one: when the
// inner finishes, its done callback copies the outcome to the outer (one loop
// hop, then the outer wakes its awaiter: two hops, as in CPython). Cancelling
// the outer — which is what cancelling the task awaiting it does — leaves the
// inner running; the outer's own done callback then unhooks the inner's. If
// the inner is cancelled by other means, the outer is cancelled too.
//
// Where CPython's shortcut returns an already done inner future itself, this
// returns an outer future already holding the same outcome: awaiting either
// does not suspend and yields the same result.
#pragma once

#include <utility>

#include "core/aio/ensure_future.hpp"

namespace aio {

namespace detail {

// The two futures a shield ties together; the target of both callbacks.
template <class S>
class ShieldLink final : public RefCounted {
 public:
  using Value = typename S::value_type;
  ShieldLink(Ref<S> inner, Ref<FutureState<Value>> outer)
      : inner_(std::move(inner)), outer_(std::move(outer)) {}

  // _inner_done_callback: copies the inner outcome unless the outer was cancelled.
  static void on_inner_done(RefCounted* self, FutureBase*) {
    auto& link = *static_cast<ShieldLink*>(self);
    if (link.outer_->cancelled()) return;
    if (link.inner_->cancelled()) link.outer_->cancel();
    else link.outer_->set(link.inner_->result()).value();
  }

  // _outer_done_callback: a cancelled outer stops listening to the inner.
  static void on_outer_done(RefCounted* self, FutureBase*) {
    auto& link = *static_cast<ShieldLink*>(self);
    if (!link.inner_->done()) {
      Callback inner_done(&ShieldLink::on_inner_done, Ref<RefCounted>(self));
      link.inner_->remove_done_callback(inner_done);
    }
  }

 private:
  Ref<S> inner_;                  // the shielded future or task
  Ref<FutureState<Value>> outer_;  // what the caller awaits
};

}  // namespace detail

// Wraps `argument` (a Task<T> becomes a task) so that cancelling the
// returned future does not cancel it. Await the result: Result<T>.
template <FutureLike A>
Future<AwaitedValue<A>> shield(A argument) {
  using S = EnsuredFuture<A>;
  Ref<S> inner = ensure_future(std::move(argument));
  auto outer = Future<AwaitedValue<A>>::create(inner->loop());
  if (inner->done()) {
    if (inner->cancelled()) outer->cancel(inner->error()->message());
    else outer->set(inner->result()).value();
    return outer;
  }
  Ref<RefCounted> link(new detail::ShieldLink<S>(inner, outer.ref()));
  inner->add_done_callback(Callback(&detail::ShieldLink<S>::on_inner_done, link));
  outer->add_done_callback(Callback(&detail::ShieldLink<S>::on_outer_done, link));
  return outer;
}

}  // namespace aio
