// asyncio.run for C++: a loop on `host`, the main task, the driver, and the
// clean-up asyncio.run does — cancel what is left and let it finish.
//
// The iterations match CPython's, not just the results: asyncio stops its loop
// from a done callback, so the iteration after the main task finishes still
// runs (a task created just before main returns gets its first step), and
// Runner.close() spends a few more iterations on gather() and two empty
// shutdown coroutines, in which ready callbacks keep running.
#pragma once

#include "core/aio/loop.hpp"
#include "core/aio/task.hpp"

namespace aio {

// loop.run_until_complete(future): drives the loop until the end of the
// iteration in which a done callback of `future` (added now, before any
// added later) has run — one iteration after `future` is done. Fails with
// the driver's error (deadlock, interrupted) if that never happens.
Result<void> run_until_complete(Loop& loop, FutureBase& future);

// asyncio.runners._cancel_all_tasks: cancels every unfinished task and runs
// the loop until a gather() of them would complete. Gives up on tasks that a
// deadlock keeps from finishing; the loop's destructor frees them.
void cancel_remaining_tasks(Loop& loop);

// asyncio.Runner.close(): cancel_remaining_tasks, then the iterations of
// shutdown_asyncgens() and shutdown_default_executor() (nothing to shut down
// here, but ready callbacks still run in them).
void close_run(Loop& loop);

// Runs `main` as the main task until it completes; then cancels the tasks it
// left behind. A deadlock or an interrupt ends the run with that error
// instead of the task's result.
template <class T>
Result<T> run_until_complete(Loop& loop, Task<T> main) {
  TaskHandle<T> task = spawn(loop, std::move(main));
  Result<void> driven = run_until_complete(loop, task.state());
  close_run(loop);
  if (!driven) return driven.error();
  return task.result();
}

template <class T>
Result<T> run(host::Host& host, Task<T> main) {
  Loop loop(host);
  return run_until_complete(loop, std::move(main));
}

}  // namespace aio
