// aio::Queue, aio::LifoQueue, aio::PriorityQueue: asyncio's queues (CPython
// 3.11 queues.py), transliterated. Items plus two waiter lists: get() blocks
// while the queue is empty, put() while it is full (maxsize > 0). Every item
// moved wakes one waiter of the other side (_wakeup_next pops waiters until
// it completes a pending one). A waiter cancelled after being woken passes the
// wakeup on to the next in line, so no wakeup is lost. task_done()/join()
// count unfinished items with an Event, exactly as asyncio does.
//
// Design decision: one template, BasicQueue<T, Storage>, where Storage plays
// the part of asyncio's overridable _init/_put/_get: a deque (FIFO), a vector
// used as a stack (LIFO), or a binary heap (priority). The heap transliterates
// heapq's sift-down/sift-up exactly, because heapq is not stable: items that
// compare equal come out in the order CPython's heapq gives them, not in
// insertion order. put()/get()/join() are Task coroutines (see event.hpp).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <utility>
#include <vector>

#include "core/aio/event.hpp"
#include "core/aio/task.hpp"
#include "core/aio/waiters.hpp"

namespace aio {

// First in, first out (asyncio.Queue's collections.deque).
template <class T>
class FifoStorage {
 public:
  void push(T item) { items_.push_back(std::move(item)); }
  // Removes and returns the oldest item; must not be empty.
  T pop() {
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }
  size_t size() const { return items_.size(); }

 private:
  std::deque<T> items_;  // oldest first
};

// Last in, first out (asyncio.LifoQueue's list).
template <class T>
class LifoStorage {
 public:
  void push(T item) { items_.push_back(std::move(item)); }
  // Removes and returns the newest item; must not be empty.
  T pop() {
    T item = std::move(items_.back());
    items_.pop_back();
    return item;
  }
  size_t size() const { return items_.size(); }

 private:
  std::vector<T> items_;  // newest last
};

// Smallest first: heapq.heappush/heappop on a list. `Less(a, b)` is Python's
// `a < b`, the only comparison heapq makes.
template <class T, class Less>
class HeapStorage {
 public:
  // heappush: append, then _siftdown(heap, 0, len(heap) - 1).
  void push(T item) {
    items_.push_back(std::move(item));
    sift_down(0, items_.size() - 1);
  }
  // heappop: pop the last item; if items remain, return the root and move
  // the last item to the root with _siftup. Must not be empty.
  T pop() {
    T last = std::move(items_.back());
    items_.pop_back();
    if (items_.empty()) return last;
    T root = std::move(items_[0]);
    items_[0] = std::move(last);
    sift_up(0);
    return root;
  }
  size_t size() const { return items_.size(); }

 private:
  // heapq._siftdown: moves the item at `pos` up towards `start` while it is
  // smaller than its parent.
  void sift_down(size_t start, size_t pos) {
    T moving = std::move(items_[pos]);
    while (pos > start) {
      size_t parent = (pos - 1) >> 1;
      if (!less_(moving, items_[parent])) break;
      items_[pos] = std::move(items_[parent]);
      pos = parent;
    }
    items_[pos] = std::move(moving);
  }
  // heapq._siftup: moves the smaller child up until a leaf is reached, then
  // sifts the item that was at `pos` down from there into place.
  void sift_up(size_t pos) {
    size_t end = items_.size();
    size_t start = pos;
    T moving = std::move(items_[pos]);
    size_t child = 2 * pos + 1;
    while (child < end) {
      size_t right = child + 1;
      if (right < end && !less_(items_[child], items_[right])) child = right;
      items_[pos] = std::move(items_[child]);
      pos = child;
      child = 2 * pos + 1;
    }
    items_[pos] = std::move(moving);
    sift_down(start, pos);
  }

  std::vector<T> items_;  // a binary min-heap in heapq's layout
  Less less_;             // Python's `<` on items
};

template <class T, class Storage>
class BasicQueue {
 public:
  // maxsize <= 0 means unbounded.
  explicit BasicQueue(int64_t maxsize = 0) : maxsize_(maxsize) { finished_.set(); }
  BasicQueue(const BasicQueue&) = delete;
  BasicQueue& operator=(const BasicQueue&) = delete;

  size_t qsize() const { return items_.size(); }
  int64_t maxsize() const { return maxsize_; }
  bool empty() const { return items_.size() == 0; }
  // True when maxsize > 0 and qsize() >= maxsize.
  bool full() const { return maxsize_ > 0 && static_cast<int64_t>(qsize()) >= maxsize_; }

  // Waits while the queue is full, then puts `item`. Fails with
  // CancelledError (dropping the item) when cancelled while waiting. The
  // queue must outlive the call.
  Task<void> put(T item);
  // Puts `item` if there is room (and wakes one getter); QueueFull otherwise,
  // dropping the item.
  Result<void> put_nowait(T item);

  // Waits while the queue is empty, then removes and returns an item. Fails
  // with CancelledError when cancelled while waiting. The queue must outlive
  // the call.
  Task<T> get();
  // Removes and returns an item (and wakes one putter); QueueEmpty when empty.
  Result<T> get_nowait();

  // Marks one item gotten earlier as processed; ValueError "task_done()
  // called too many times" when every item already is.
  Result<void> task_done();
  // Completes once every item put has been marked with task_done().
  Task<void> join();

  // Counts for a repr: asyncio's `_getters[N]`, `_putters[N]`, `tasks=N`.
  size_t waiting_getters() const { return getters_.size(); }
  size_t waiting_putters() const { return putters_.size(); }
  int64_t unfinished_tasks() const { return unfinished_tasks_; }

 private:
  // Completes the first waiter still pending, dropping those already done.
  static void wakeup_next(Waiters& waiters) {
    while (!waiters.empty()) {
      Waiter waiter = waiters.pop_front();
      if (!waiter->done()) {
        waiter->set_result().value();
        break;
      }
    }
  }

  Storage items_;                   // the items, in the order they leave
  Waiters getters_{"Queue.get()"};  // futures of get() calls waiting for an item
  Waiters putters_{"Queue.put()"};  // futures of put() calls waiting for room
  int64_t unfinished_tasks_ = 0;    // items put and not yet marked task_done()
  Event finished_{"Queue.join()"};  // set while unfinished_tasks_ is 0
  int64_t maxsize_;                 // capacity; <= 0 for unbounded
};

template <class T>
using Queue = BasicQueue<T, FifoStorage<T>>;
template <class T>
using LifoQueue = BasicQueue<T, LifoStorage<T>>;
// Smallest item first by `Less`; ties come out as with Python's heapq.
template <class T, class Less = std::less<T>>
using PriorityQueue = BasicQueue<T, HeapStorage<T, Less>>;

template <class T, class Storage>
Task<void> BasicQueue<T, Storage>::put(T item) {
  while (full()) {
    Waiter putter = putters_.append();
    Result<void> woken = co_await putter;
    if (!woken) {
      putter->cancel();  // in case it is not done yet
      // It may already be gone: a get_nowait() popped it to wake us.
      putters_.remove(putter);
      // Woken by get_nowait() but cannot take the slot: wake the next putter.
      if (!full() && !putter->cancelled()) wakeup_next(putters_);
      co_return woken.error();
    }
  }
  co_return put_nowait(std::move(item));
}

template <class T, class Storage>
Result<void> BasicQueue<T, Storage>::put_nowait(T item) {
  if (full()) return Error(ErrorKind::queue_full);
  items_.push(std::move(item));
  ++unfinished_tasks_;
  finished_.clear();
  wakeup_next(getters_);
  return {};
}

template <class T, class Storage>
Task<T> BasicQueue<T, Storage>::get() {
  while (empty()) {
    Waiter getter = getters_.append();
    Result<void> woken = co_await getter;
    if (!woken) {
      getter->cancel();  // in case it is not done yet
      // It may already be gone: a put_nowait() popped it to wake us.
      getters_.remove(getter);
      // Woken by put_nowait() but cannot take the item: wake the next getter.
      if (!empty() && !getter->cancelled()) wakeup_next(getters_);
      co_return woken.error();
    }
  }
  co_return get_nowait();
}

template <class T, class Storage>
Result<T> BasicQueue<T, Storage>::get_nowait() {
  if (empty()) return Error(ErrorKind::queue_empty);
  T item = items_.pop();
  wakeup_next(putters_);
  return item;
}

template <class T, class Storage>
Result<void> BasicQueue<T, Storage>::task_done() {
  if (unfinished_tasks_ <= 0) {
    return Error(ErrorKind::value_error, "task_done() called too many times");
  }
  --unfinished_tasks_;
  if (unfinished_tasks_ == 0) finished_.set();
  return {};
}

template <class T, class Storage>
Task<void> BasicQueue<T, Storage>::join() {
  if (unfinished_tasks_ > 0) co_return co_await finished_.wait();
  co_return {};
}

}  // namespace aio
