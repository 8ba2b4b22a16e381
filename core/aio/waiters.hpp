// Waiters: the futures of the tasks blocked on one synchronization primitive,
// oldest first — asyncio's `self._waiters` (and Queue's `_getters` and
// `_putters`), a collections.deque of futures made by loop.create_future().
//
// Design decision: this holds the list and nothing else. Each primitive keeps
// its own wakeup rule (Lock wakes only the first, Semaphore the first not yet
// done, Queue pops until one is pending) written out where asyncio writes it,
// so a reader can set the C++ beside locks.py/queues.py and compare line by
// line. The one thing added is a label on every future, so a deadlock report
// says "Queue.get()" instead of "Future".
#pragma once

#include <algorithm>
#include <deque>

#include "core/aio/future.hpp"
#include "core/aio/task_core.hpp"

namespace aio {

// A waiter is a plain void future: its result is never read, only whether it
// completed or was cancelled. Awaiting it yields Result<void>.
using Waiter = Future<void>;

class Waiters {
 public:
  // `label` is static text naming every future in the list ("Lock.acquire()").
  explicit Waiters(const char* label) : label_(label) {}
  Waiters(const Waiters&) = delete;
  Waiters& operator=(const Waiters&) = delete;

  // loop.create_future() + append: a new pending future on the running task's
  // loop (aborts outside a task), added at the back and returned.
  Waiter append() {
    Waiter waiter = Waiter::create(TaskCore::current_or_abort().loop());
    waiter->set_label(label_);
    list_.push_back(waiter);
    return waiter;
  }

  // deque.remove(waiter): drops its first occurrence; false when absent.
  bool remove(const Waiter& waiter) {
    auto found = std::find_if(list_.begin(), list_.end(),
                              [&](const Waiter& w) { return w.ref() == waiter.ref(); });
    if (found == list_.end()) return false;
    list_.erase(found);
    return true;
  }

  // deque.popleft(); the list must not be empty.
  Waiter pop_front() {
    Waiter first = std::move(list_.front());
    list_.pop_front();
    return first;
  }

  const Waiter& front() const { return list_.front(); }
  bool empty() const { return list_.empty(); }
  size_t size() const { return list_.size(); }
  auto begin() const { return list_.begin(); }
  auto end() const { return list_.end(); }

 private:
  std::deque<Waiter> list_;  // blocked waiters' futures, oldest first
  const char* label_;        // describe() of every future in the list
};

}  // namespace aio
