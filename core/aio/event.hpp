// aio::Event: asyncio.Event (CPython 3.11 locks.py), transliterated. A flag
// plus the futures of the tasks waiting for it. set() completes every pending
// waiter future at once, so the waiting tasks resume in the order they began
// to wait, each one call_soon hop later; each waiter removes its own future
// when it resumes (the `finally` of Event.wait), so a waiter cancelled after
// set() still leaves the list clean.
//
// Design decision: wait() is a Task<void> coroutine, as Event.wait is an
// `async def`: awaiting it runs inline in the awaiting task (no extra loop
// iteration) and it can also be handed to create_task(). It costs one
// coroutine frame per call, as the Python coroutine object does.
#pragma once

#include "core/aio/task.hpp"
#include "core/aio/waiters.hpp"

namespace aio {

class Event {
 public:
  // `wait_label` (static text) names the waiter futures in deadlock reports;
  // Queue.join() waits on an Event labelled "Queue.join()".
  explicit Event(const char* wait_label = "Event.wait()") : waiters_(wait_label) {}
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  bool is_set() const { return value_; }

  // Sets the flag and wakes every waiting task, in wait order. Does nothing
  // when the flag is already set.
  void set();

  // Resets the flag: later wait() calls block until the next set().
  void clear() { value_ = false; }

  // Completes at once when the flag is set, otherwise once set() is called.
  // Fails with CancelledError when the task is cancelled meanwhile. The event
  // must outlive the call.
  Task<void> wait();

  // Number of wait() calls blocked now (the "waiters:N" of asyncio's repr).
  size_t waiting() const { return waiters_.size(); }

 private:
  Waiters waiters_;     // futures of blocked wait() calls, oldest first
  bool value_ = false;  // the flag
};

}  // namespace aio
