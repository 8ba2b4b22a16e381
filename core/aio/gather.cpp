#include "core/aio/gather.hpp"

namespace aio {

bool GatheringFuture::cancel(std::string message) {
  if (done()) return false;
  bool any = false;
  for (auto& child : children_) {
    if (child->cancel(message)) any = true;
  }
  // Even with return_exceptions, the gather then ends in CancelledError.
  if (any) cancel_requested_ = true;
  return any;
}

void GatheringFuture::add_child(Ref<FutureBase> child) {
  if (watched_.insert(child.get()).second) {
    ++distinct_;
    child->add_done_callback(Callback(&GatheringFuture::on_child_done, Ref<RefCounted>(this)));
  }
  children_.push_back(std::move(child));
}

void GatheringFuture::add_new_child(Ref<FutureBase> child) {
  ++distinct_;
  child->add_done_callback(Callback(&GatheringFuture::on_child_done, Ref<RefCounted>(this)));
  children_.push_back(std::move(child));
}

void GatheringFuture::seal() {
  watched_ = {};
  if (children_.empty()) set_results();  // gather() of nothing is done at once
}

void GatheringFuture::on_child_done(RefCounted* self, FutureBase* child) {
  auto& outer = *static_cast<GatheringFuture*>(self);
  ++outer.finished_;
  if (outer.done()) return;  // an earlier error already completed the gather

  if (!outer.return_exceptions_ && child->state() != State::succeeded) {
    outer.set_error(*child->error()).value();  // a cancelled child: its CancelledError
    return;
  }
  if (outer.finished_ < outer.distinct_) return;

  if (outer.cancel_requested_) {
    // CPython takes the CancelledError of the last child in argument order
    // (the loop variable left over from building the results).
    FutureBase& last = *outer.children_.back();
    outer.set_error(last.cancelled() ? *last.error() : Error(ErrorKind::cancelled)).value();
    return;
  }
  outer.set_results();
}

}  // namespace aio
