// A scheduled call, as small as the hot path needs: a plain function and the
// object it acts on, which the callback keeps alive by reference. Done
// callbacks also receive the future that finished (asyncio passes it too).
#pragma once

#include <utility>

#include "core/aio/ref.hpp"

namespace aio {

class FutureBase;

class Callback {
 public:
  using Function = void (*)(RefCounted* target, FutureBase* finished);

  Callback() = default;
  Callback(Function function, Ref<RefCounted> target)
      : function_(function), target_(std::move(target)) {}

  // Wraps any callable taking () or (FutureBase&); allocates one small box.
  template <class F>
  static Callback from(F callable);

  explicit operator bool() const { return function_ != nullptr; }
  void operator()(FutureBase* finished) const { function_(target_.get(), finished); }
  RefCounted* target() const { return target_.get(); }
  Function function() const { return function_; }

 private:
  Function function_ = nullptr;
  Ref<RefCounted> target_;  // kept alive until the call has run
};

namespace detail {
template <class F>
struct CallableBox final : RefCounted {
  explicit CallableBox(F f) : callable(std::move(f)) {}
  F callable;
  static void invoke(RefCounted* self, FutureBase* finished) {
    auto& callable = static_cast<CallableBox*>(self)->callable;
    if constexpr (std::is_invocable_v<F&, FutureBase&>) callable(*finished);
    else callable();
  }
};
}  // namespace detail

template <class F>
Callback Callback::from(F callable) {
  auto* box = new detail::CallableBox<F>(std::move(callable));
  return Callback(&detail::CallableBox<F>::invoke, Ref<RefCounted>(box));
}

}  // namespace aio
