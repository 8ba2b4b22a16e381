// Object lifecycle (destroy), type identity helpers, and the singletons None,
// NotImplemented and Ellipsis with their types.
#include "core/py/objects/object.hpp"

#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

// Freeing an object frees what it owns, recursively: a chain of a million nested tuples
// would take a million C++ frames and overflow the stack (or trap in wasm). Past this
// depth, objects wait in a list that the outermost destroy() empties, as CPython's
// "trashcan" does.
constexpr int kMaxDestroyDepth = 200;
int destroy_depth = 0;
std::vector<Object*> postponed_destroys;

// The __dict__ is taken out of its slot before the layout's destructor runs, so a layout
// that declares the slot as a C++ member (BaseException::dict) does not release it twice;
// the type's reference goes last because the instance size is read from it.
void destroy_now(Object* object) {
  Type* type = object->type;
  Dict* dict = nullptr;
  if (Dict** slot = instance_dict_slot(object)) dict = std::exchange(*slot, nullptr);
  if (type->destruct) type->destruct(object);
  free_object(object, type->instance_size);
  xdecref(dict);
  if (type->flags & type_flag_heap) decref(type);
}

}  // namespace

void destroy(Object* object) {
  if (destroy_depth == kMaxDestroyDepth) {
    postponed_destroys.push_back(object);
    return;
  }
  ++destroy_depth;
  destroy_now(object);
  if (destroy_depth == 1) {
    while (!postponed_destroys.empty()) {
      Object* next = postponed_destroys.back();
      postponed_destroys.pop_back();
      destroy_now(next);
    }
  }
  --destroy_depth;
}

Dict** instance_dict_slot(Object* object) {
  size_t offset = object->type->dict_offset;
  if (offset == 0) return nullptr;
  return reinterpret_cast<Dict**>(reinterpret_cast<unsigned char*>(object) + offset);
}

size_t CallArgs::keyword_count() const { return keyword_names ? tuple_size(keyword_names) : 0; }

bool is_subtype(const Type* type, const Type* base) {
  if (type == base) return true;
  if (type->mro) {
    for (const Ref<>& entry : type->mro->items)
      if (entry.get() == base) return true;
    return false;
  }
  for (const Type* walk = type->base; walk; walk = walk->base)
    if (walk == base) return true;
  return base == &object_type;
}

const char* type_name(const Type* type) {
  return type->heap_name ? type->heap_name->value.c_str() : type->name;
}

// --- None, NotImplemented, Ellipsis --------------------------------------------------------

Type none_type = builtin_type<Object>("NoneType", 0);
Type not_implemented_type = builtin_type<Object>("NotImplementedType", 0);
Type ellipsis_type = builtin_type<Object>("ellipsis", 0);

Object none_object = {immortal_refcount, &none_type};
Object not_implemented_object = {immortal_refcount, &not_implemented_type};
Object ellipsis_object = {immortal_refcount, &ellipsis_type};

namespace {

Ref<> none_repr(Object*) { return intern("None"); }
Ref<> not_implemented_repr(Object*) { return intern("NotImplemented"); }
Ref<> ellipsis_repr(Object*) { return intern("Ellipsis"); }

int none_truthy(Object*) { return 0; }

// NoneType(), NotImplementedType() and ellipsis() return the singleton.
template <Object* singleton>
Ref<> singleton_new(Type* type, CallArgs args) {
  if (args.count != 0)
    return raise_format(type_error_type, "{} takes no arguments", type_name(type));
  return Ref<>::borrow(singleton);
}

}  // namespace

// CPython's _Py_HashPointer: the address rotated right by four bits (the low bits of an
// aligned allocation are always zero).
int64_t identity_hash(Object* object) {
  uintptr_t address = reinterpret_cast<uintptr_t>(object);
  uintptr_t rotated = (address >> 4) | (address << (8 * sizeof(uintptr_t) - 4));
  int64_t hash = int64_t(intptr_t(rotated));
  return hash == -1 ? -2 : hash;
}

int ready_singleton_types() {
  none_type.repr = none_repr;
  none_type.truthy = none_truthy;
  none_type.new_instance = singleton_new<&none_object>;
  not_implemented_type.repr = not_implemented_repr;
  not_implemented_type.new_instance = singleton_new<&not_implemented_object>;
  ellipsis_type.repr = ellipsis_repr;
  ellipsis_type.new_instance = singleton_new<&ellipsis_object>;
  for (Type* type : {&none_type, &not_implemented_type, &ellipsis_type}) {
    type->hash = identity_hash;
    if (ready_type(*type) < 0) return -1;
  }
  return 0;
}

}  // namespace py
