// asyncio.Queue, LifoQueue and PriorityQueue: each Python object owns one aio queue of
// Python values (core/aio/queue.hpp, CPython's queues.py transliterated). PriorityQueue
// orders with Python's `<`, as heapq does. put()/get()/join() are Operations holding a
// reference to the queue object, so the queue outlives every wait on it.
#include <optional>

#include "core/aio/queue.hpp"
#include "core/py/modules/asyncio_module.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/type.hpp"

namespace py::asyncio {

namespace {

// Python's `a < b` for heapq; an error counts as false (and is dropped).
struct PythonLess {
  bool operator()(const Ref<>& a, const Ref<>& b) const {
    int truth = compare_truth(a.get(), b.get(), CompareOp::less);
    if (truth < 0) clear_exception();
    return truth > 0;
  }
};

struct QueueObject : Object {
  std::optional<aio::Queue<Ref<>>> fifo;                         // Queue
  std::optional<aio::LifoQueue<Ref<>>> lifo;                     // LifoQueue
  std::optional<aio::PriorityQueue<Ref<>, PythonLess>> priority;  // PriorityQueue
  Ref<Dict> dict;                                                 // __dict__

  // Calls `action` with whichever queue this is.
  template <class F>
  auto with(F action) {
    if (fifo) return action(*fifo);
    if (lifo) return action(*lifo);
    return action(*priority);
  }
};

Type queue_type = builtin_type<QueueObject>("asyncio.queues.Queue");
Type lifo_queue_type = builtin_type<QueueObject>("asyncio.queues.LifoQueue");
Type priority_queue_type = builtin_type<QueueObject>("asyncio.queues.PriorityQueue");

QueueObject* as_queue(Object* self) { return static_cast<QueueObject*>(self); }

aio::Task<Value> put_body(Ref<> owner, Ref<> item) {
  aio::Result<void> put = co_await as_queue(owner.get())->with([&](auto& queue) { return queue.put(item); });
  co_return none_or_error(put);
}

aio::Task<Value> get_body(Ref<> owner) {
  co_return co_await as_queue(owner.get())->with([](auto& queue) { return queue.get(); });
}

aio::Task<Value> join_body(Ref<> owner) {
  aio::Result<void> joined = co_await as_queue(owner.get())->with([](auto& queue) { return queue.join(); });
  co_return none_or_error(joined);
}

// As CPython's Python class: __new__ makes an unbounded queue, __init__ takes maxsize (so
// a subclass's __init__ may take other arguments), and instances take attributes.
void reset_queue(QueueObject& queue, int64_t maxsize) {
  queue.fifo.reset();
  queue.lifo.reset();
  queue.priority.reset();
  if (is_subtype(queue.type, &lifo_queue_type)) queue.lifo.emplace(maxsize);
  else if (is_subtype(queue.type, &priority_queue_type)) queue.priority.emplace(maxsize);
  else queue.fifo.emplace(maxsize);
}
Ref<> queue_new(Type* type, CallArgs) {
  Ref<QueueObject> queue = make_object<QueueObject>(type);
  if (queue) reset_queue(*queue, 0);
  return queue;
}
int queue_init(Object* self, CallArgs args) {
  Object* maxsize_object = nullptr;
  if (!parse_args("Queue", args, {"maxsize"}, 0, {&maxsize_object})) return -1;
  int64_t maxsize = 0;
  if (maxsize_object && !index_to_int64(maxsize_object, &maxsize)) return -1;
  reset_queue(*as_queue(self), maxsize);
  return 0;
}

Ref<> queue_put(Object* self, CallArgs args) {
  if (!check_positional("put", args, 1, 1)) return nullptr;
  return make_operation(put_body(Ref<>::borrow(self), Ref<>::borrow(args.values[0])), "Queue.put");
}

Ref<> queue_get(Object* self, CallArgs args) {
  if (!check_positional("get", args, 0, 0)) return nullptr;
  return make_operation(get_body(Ref<>::borrow(self)), "Queue.get");
}

Ref<> queue_join(Object* self, CallArgs args) {
  if (!check_positional("join", args, 0, 0)) return nullptr;
  return make_operation(join_body(Ref<>::borrow(self)), "Queue.join");
}

Ref<> queue_put_nowait(Object* self, CallArgs args) {
  if (!check_positional("put_nowait", args, 1, 1)) return nullptr;
  Ref<> item = Ref<>::borrow(args.values[0]);
  aio::Result<void> put = as_queue(self)->with([&](auto& queue) { return queue.put_nowait(item); });
  if (!put) return raise_error(put.error());
  return none();
}

Ref<> queue_get_nowait(Object* self, CallArgs args) {
  if (!check_positional("get_nowait", args, 0, 0)) return nullptr;
  return value_or_raise(as_queue(self)->with([](auto& queue) { return queue.get_nowait(); }));
}

Ref<> queue_task_done(Object* self, CallArgs args) {
  if (!check_positional("task_done", args, 0, 0)) return nullptr;
  aio::Result<void> done = as_queue(self)->with([](auto& queue) { return queue.task_done(); });
  if (!done) return raise_error(done.error());
  return none();
}

Ref<> queue_qsize(Object* self, CallArgs args) {
  if (!check_positional("qsize", args, 0, 0)) return nullptr;
  return make_int(int64_t(as_queue(self)->with([](auto& queue) { return queue.qsize(); })));
}

Ref<> queue_empty(Object* self, CallArgs args) {
  if (!check_positional("empty", args, 0, 0)) return nullptr;
  return make_bool(as_queue(self)->with([](auto& queue) { return queue.empty(); }));
}

Ref<> queue_full(Object* self, CallArgs args) {
  if (!check_positional("full", args, 0, 0)) return nullptr;
  return make_bool(as_queue(self)->with([](auto& queue) { return queue.full(); }));
}

Ref<> queue_maxsize(Object* self) {
  return make_int(as_queue(self)->with([](auto& queue) { return queue.maxsize(); }));
}

const NativeMethod queue_methods[] = {
    {"put", queue_put},
    {"get", queue_get},
    {"join", queue_join},
    {"put_nowait", queue_put_nowait},
    {"get_nowait", queue_get_nowait},
    {"task_done", queue_task_done},
    {"qsize", queue_qsize},
    {"empty", queue_empty},
    {"full", queue_full},
    {nullptr, nullptr},
};

const GetSetDefinition queue_getsets[] = {
    {"maxsize", queue_maxsize, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

int init_asyncio_queues(Module* module) {
  queue_type.new_instance = queue_new;
  queue_type.init = queue_init;
  queue_type.dict_offset = dict_member_offset<QueueObject>();
  install_methods(queue_type, queue_methods);
  if (install_getsets(queue_type, queue_getsets) < 0) return -1;
  lifo_queue_type.base = &queue_type;
  priority_queue_type.base = &queue_type;
  if (add_type(module, queue_type, "Queue") < 0 || add_type(module, lifo_queue_type, "LifoQueue") < 0 ||
      add_type(module, priority_queue_type, "PriorityQueue") < 0)
    return -1;
  return 0;
}

}  // namespace py::asyncio
