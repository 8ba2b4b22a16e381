// The stack of containers whose repr is under way (repr_guard.hpp).
#include "core/py/objects/repr_guard.hpp"

#include <algorithm>
#include <vector>

namespace py {
namespace {

std::vector<Object*>& containers_in_repr() {
  static std::vector<Object*> stack;
  return stack;
}

}  // namespace

ReprGuard::ReprGuard(Object* container) {
  std::vector<Object*>& stack = containers_in_repr();
  recursive_ = std::find(stack.begin(), stack.end(), container) != stack.end();
  if (!recursive_) stack.push_back(container);
}

ReprGuard::~ReprGuard() {
  if (!recursive_) containers_in_repr().pop_back();
}

}  // namespace py
