// CPython's Py_ReprEnter/Py_ReprLeave: a container's repr shows "[...]" / "{...}" for
// itself when it contains itself, instead of recursing forever.
//
// Design: the containers whose repr is under way sit on one stack for the thread (one run
// at a time per thread); a guard pushes on construction and pops on destruction, so an
// error leaving a repr early cannot leave a container marked. Cost: a linear search of the
// stack per container repr — the stack is as deep as the nesting being printed.
#pragma once

#include "core/py/objects/object.hpp"

namespace py {

class ReprGuard {
 public:
  // Marks `container` as being repr'd, unless it already is (then recursive() is true).
  explicit ReprGuard(Object* container);
  ~ReprGuard();
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;

  // True when `container` was already being repr'd further out: print "[...]".
  bool recursive() const { return recursive_; }

 private:
  bool recursive_;  // the container was on the stack already (and was not pushed again)
};

}  // namespace py
