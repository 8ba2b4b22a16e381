// A value type that counts its live instances, for leak tests (after cppcoro's
// test/counted.hpp). Put a Counted in a coroutine body, a callback capture or a future
// result; once the loop and every handle are gone, Counted::live() must be 0 again.
// The counters are process-wide and tests run one at a time, so each test calls
// Counted::reset() first (a RAII CountedScope does it for you) and never runs in parallel.
#pragma once

#include <cstdint>

namespace test_support {

struct Counted {
  static inline int64_t default_constructions = 0;  // Counted() calls
  static inline int64_t copy_constructions = 0;     // Counted(const Counted&) calls
  static inline int64_t move_constructions = 0;     // Counted(Counted&&) calls
  static inline int64_t destructions = 0;           // ~Counted() calls

  // Zeroes every counter. Call at the start of a test, while nothing is alive.
  static void reset() {
    default_constructions = copy_constructions = move_constructions = destructions = 0;
  }
  static int64_t constructions() {
    return default_constructions + copy_constructions + move_constructions;
  }
  // Instances constructed and not yet destroyed.
  static int64_t live() { return constructions() - destructions; }

  int id;  // which instance this is (copies and moves keep the id), for debugging

  explicit Counted(int id_ = 0) : id(id_) { ++default_constructions; }
  Counted(const Counted& other) : id(other.id) { ++copy_constructions; }
  Counted(Counted&& other) noexcept : id(other.id) { ++move_constructions; }
  Counted& operator=(const Counted&) = default;
  Counted& operator=(Counted&&) noexcept = default;
  ~Counted() { ++destructions; }
};

// Resets the counters on entry so one test's leftovers cannot mask another's.
struct CountedScope {
  CountedScope() { Counted::reset(); }
};

}  // namespace test_support
