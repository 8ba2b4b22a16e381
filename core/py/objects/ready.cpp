#include "core/py/objects/ready.hpp"

#include <vector>

#include "core/py/objects/object.hpp"

namespace py {
namespace {

// The static types readied in this run, in order.
std::vector<Type*>& readied_types() {
  static std::vector<Type*> types;
  return types;
}

}  // namespace

void ready_all_types() {
  ready_object_model_types();
  ready_number_types();
  ready_text_types();
  ready_container_types();
  ready_exception_types();
  ready_code_types();
  ready_vm_types();
}

void note_readied_type(Type& type) { readied_types().push_back(&type); }

void forget_all_types() {
  for (Type* type : readied_types()) {
    type->dict = nullptr;
    type->mro = nullptr;
    type->bases = nullptr;
  }
  readied_types().clear();
}

}  // namespace py
