// The object model's foundation: every Python value is an `Object` on the heap with a
// reference count and a `Type`; `Ref<T>` owns one reference.
//
// Design: CPython's model, in C++. A Type is a table of slots (plain function pointers)
// that the interpreter calls directly for builtin types; a class statement makes a heap
// Type whose slots look the dunder methods up in the MRO (type.cpp), so `a + b` costs one
// indirect call for ints and one dictionary lookup more for user classes. Reference
// counting frees objects the moment they become garbage, so steady-state loops do not
// grow and generators close deterministically. Its cost: reference cycles (a class and its
// methods, an exception and its traceback's frames) are not collected until the run's
// heap is torn down — acceptable for a playground run; a cycle collector can walk the
// same Types later.
//
// Errors follow CPython's convention (DESIGN decision 5): a function returning Ref<>
// returns null after setting the thread's current exception (errors.hpp); functions
// returning int return -1 for an error (and 0/1 for false/true where they answer a
// question); a function that cannot fail says so.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

namespace py {

struct Type;
struct Str;
struct Tuple;
struct Dict;

struct Object {
  uint32_t refcount;  // owners holding a reference; 0 destroys the object
  Type* type;         // never null; a reference to the type is held by heap instances
};

// Destroys an object whose count reached zero: decrements what it owns, frees it.
void destroy(Object* object);

inline void incref(Object* object) { ++object->refcount; }
inline void decref(Object* object) {
  if (--object->refcount == 0) destroy(object);
}
inline void xincref(Object* object) {
  if (object) incref(object);
}
inline void xdecref(Object* object) {
  if (object) decref(object);
}

// Owning pointer to an Object (or a subtype T). Null means "an exception was raised" when
// returned from a fallible function.
template <class T = Object>
class Ref {
 public:
  Ref() noexcept = default;
  Ref(std::nullptr_t) noexcept {}
  Ref(const Ref& other) noexcept : pointer_(other.pointer_) { xincref(pointer_); }
  Ref(Ref&& other) noexcept : pointer_(std::exchange(other.pointer_, nullptr)) {}
  template <class U>
  Ref(const Ref<U>& other) noexcept : pointer_(other.get()) {
    xincref(pointer_);
  }
  template <class U>
  Ref(Ref<U>&& other) noexcept : pointer_(other.release()) {}
  ~Ref() { xdecref(pointer_); }
  Ref& operator=(Ref other) noexcept {
    std::swap(pointer_, other.pointer_);
    return *this;
  }

  // Takes over a reference the caller owns (a fresh allocation, a released Ref).
  static Ref steal(T* pointer) noexcept { return Ref(pointer, Steal{}); }
  // Adds a reference to an object someone else owns.
  static Ref borrow(T* pointer) noexcept {
    xincref(pointer);
    return Ref(pointer, Steal{});
  }

  T* get() const noexcept { return pointer_; }
  T* operator->() const noexcept { return pointer_; }
  T& operator*() const noexcept { return *pointer_; }
  explicit operator bool() const noexcept { return pointer_ != nullptr; }
  // Gives the reference to the caller, who must decref it.
  T* release() noexcept { return std::exchange(pointer_, nullptr); }

  friend bool operator==(const Ref& a, const Ref& b) { return a.pointer_ == b.pointer_; }

 private:
  struct Steal {};
  Ref(T* pointer, Steal) noexcept : pointer_(pointer) {}
  T* pointer_ = nullptr;
};

template <class T>
Ref<T> borrow(T* object) {
  return Ref<T>::borrow(object);
}

// Downcast without a check: the caller has tested the type.
template <class T, class U>
Ref<T> ref_cast(Ref<U>&& object) {
  return Ref<T>::steal(static_cast<T*>(object.release()));
}
template <class T, class U>
Ref<T> ref_cast(const Ref<U>& object) {
  return Ref<T>::borrow(static_cast<T*>(object.get()));
}

// --- allocation ---------------------------------------------------------------------------
// Every object comes from the interpreter's heap, which counts bytes against the run's cap
// (RunOptions::max_memory). Returns null after raising MemoryError when the cap would be passed.
// Every live object is also on the run's heap list (heap.cpp), so the run's end can free
// what reference counting cannot (cycles) with release_run_objects().
void* allocate_object(size_t bytes);
void free_object(void* memory, size_t bytes);
// For an operation about to build one large buffer (repetition, a list's growth): false
// after raising MemoryError when `count` items of `item_bytes` each would not fit under
// the cap, so "a" * 10**9 fails before its buffer is allocated.
bool check_heap_room(uint64_t item_bytes, uint64_t count);
// Bytes the run holds, counted against its cap: its objects, and the C++ buffers inside
// them (a str's text, a list's items, a dict's table: cpp_heap.cpp).
size_t heap_in_use();
// Bytes of every live C++ heap allocation in the process (cpp_heap.cpp).
size_t cpp_heap_bytes();
// After a MemoryError the program's handler may use a reserve past the cap (a sixteenth
// of it) while what filled the heap is still alive: enough to count it, print, drop it.
// open_memory_reserve() grants it (raise_memory_error does); close_memory_reserve() takes
// it back once usage is under the cap again (the VM's periodic host poll calls it).
void open_memory_reserve();
void close_memory_reserve();
// Frees every object the run allocated that is still alive, cycles included: first runs
// each one's destructor with every reference count pinned (so no decref frees anything
// twice), then returns all the memory. Nothing may be used afterwards.
void release_run_objects();

// Constructs a T (a struct deriving from Object) of Python type `type`, forwarding the
// arguments to T's constructor; refcount 1. The instance size is `type->instance_size`
// (which may exceed sizeof(T) when a class adds a __dict__ to a builtin layout); the extra
// bytes are zeroed. Null with MemoryError raised when the heap cap is reached.
template <class T, class... Args>
Ref<T> make_object(Type* type, Args&&... args);

// --- slots --------------------------------------------------------------------------------

// The arguments of a call, CPython's vectorcall shape: `count` values, of which the last
// `keyword_names ? size(keyword_names) : 0` are keyword arguments named by the tuple.
struct CallArgs {
  Object* const* values = nullptr;  // borrowed
  size_t count = 0;                 // positional + keyword values
  Tuple* keyword_names = nullptr;   // borrowed; null when there are no keyword arguments

  size_t keyword_count() const;
  size_t positional_count() const { return count - keyword_count(); }
};

enum class CompareOp : uint8_t { less, less_equal, equal, not_equal, greater, greater_equal };

// Binary operators in the order of their dunder names' table in type.cpp.
enum class BinaryOp : uint8_t {
  add, subtract, multiply, true_divide, floor_divide, modulo, power, matrix_multiply,
  left_shift, right_shift, bit_and, bit_or, bit_xor,
  count_  // number of operators
};

using UnaryFunction = Ref<> (*)(Object* self);
using BinaryFunction = Ref<> (*)(Object* self, Object* other);
using CallFunction = Ref<> (*)(Object* self, CallArgs args);

enum TypeFlags : uint32_t {
  type_flag_heap = 1u << 0,          // made by a class statement or type(); has a __dict__ we own
  type_flag_base_allowed = 1u << 1,  // may be subclassed (bool, NoneType... may not)
  type_flag_int_subclass = 1u << 2,  // fast isinstance checks for the common builtin families
  type_flag_str_subclass = 1u << 3,
  type_flag_tuple_subclass = 1u << 4,
  type_flag_list_subclass = 1u << 5,
  type_flag_dict_subclass = 1u << 6,
  type_flag_exception_subclass = 1u << 7,  // BaseException and its subclasses
  type_flag_type_subclass = 1u << 8,
  type_flag_abstract = 1u << 9,  // cannot be instantiated from Python (e.g. NoneType's new)
};

// A Python type. Builtin types are statics filled by their files' init functions; classes
// are heap Types made by type_new (type.cpp). A null slot means "not supported" and the
// abstract operations (abstract.hpp) raise CPython's TypeError for it.
struct Type : Object {
  const char* name = "";       // __name__ for builtin types (heap types: see `heap_name`)
  Str* heap_name = nullptr;    // owned: __name__ of heap types (null for builtin types)
  Str* qualified_name = nullptr;  // owned: __qualname__ (null: same as name)
  Type* base = nullptr;        // owned for heap types: __base__, the layout's parent
  Tuple* bases = nullptr;      // owned: __bases__
  Tuple* mro = nullptr;        // owned: __mro__ (C3 linearization, starts with this type)
  Dict* dict = nullptr;        // owned: __dict__ (methods, class attributes, descriptors)
  uint32_t flags = 0;          // TypeFlags
  size_t instance_size = sizeof(Object);  // bytes of one instance
  size_t dict_offset = 0;      // byte offset of an instance's `Dict*` __dict__ slot, 0 if none

  // Lifecycle.
  void (*destruct)(Object* self) = nullptr;  // runs the layout's C++ destructor (not free)
  Ref<> (*new_instance)(Type* type, CallArgs args) = nullptr;  // __new__
  int (*init)(Object* self, CallArgs args) = nullptr;          // __init__: 0 or -1

  // Representation and identity.
  UnaryFunction repr = nullptr;  // __repr__ -> str
  UnaryFunction str = nullptr;   // __str__ -> str (null: use repr)
  int64_t (*hash)(Object* self) = nullptr;  // __hash__; -1 with an exception on error.
                                            // null: unhashable
  Ref<> (*rich_compare)(Object* self, Object* other, CompareOp op) = nullptr;
                                 // returns NotImplemented when the pair is not handled
  int (*truthy)(Object* self) = nullptr;  // __bool__ (or __len__): 0, 1 or -1

  // Attributes.
  Ref<> (*get_attribute)(Object* self, Str* name) = nullptr;   // __getattribute__
  int (*set_attribute)(Object* self, Str* name, Object* value) = nullptr;  // value null: del
  // Descriptor protocol: __get__ (instance null when looked up on the class) and
  // __set__/__delete__ (value null).
  Ref<> (*descriptor_get)(Object* self, Object* instance, Type* owner) = nullptr;
  int (*descriptor_set)(Object* self, Object* instance, Object* value) = nullptr;

  CallFunction call = nullptr;  // __call__

  // Numbers: binary[op](self, other, reflected) computes `self op other` (__add__), or
  // with `reflected` true `other op self` (__radd__); it returns NotImplemented for
  // operand types it does not handle. abstract.cpp tries the left operand's slot, then the
  // right's reflected (the right first when its type is a proper subclass of the left's
  // that overrides the reflected method), as CPython does. In-place slots are optional
  // (null: fall back to binary).
  Ref<> (*binary[size_t(BinaryOp::count_)])(Object* self, Object* other, bool reflected) = {};
  BinaryFunction inplace[size_t(BinaryOp::count_)] = {};
  UnaryFunction negative = nullptr;  // __neg__
  UnaryFunction positive = nullptr;  // __pos__
  UnaryFunction invert = nullptr;    // __invert__
  UnaryFunction absolute = nullptr;  // __abs__
  UnaryFunction index = nullptr;     // __index__ -> int
  UnaryFunction to_int = nullptr;    // __int__ -> int
  UnaryFunction to_float = nullptr;  // __float__ -> float

  // Containers.
  int64_t (*length)(Object* self) = nullptr;           // __len__; -1 on error
  BinaryFunction get_item = nullptr;                  // __getitem__
  int (*set_item)(Object* self, Object* key, Object* value) = nullptr;  // value null: del
  int (*contains)(Object* self, Object* item) = nullptr;  // __contains__: 0, 1 or -1
  UnaryFunction iter = nullptr;                        // __iter__
  // __next__: returns the next item, or null with NO exception set when exhausted
  // (StopIteration without a value), or null with an exception set on error.
  UnaryFunction next = nullptr;

  // Asynchronous protocol.
  UnaryFunction await = nullptr;   // __await__ -> iterator
  UnaryFunction aiter = nullptr;   // __aiter__
  UnaryFunction anext = nullptr;   // __anext__ -> awaitable
};

// The type of types; builtin `type`.
extern Type type_type;
extern Type object_type;

inline bool is_exact(const Object* object, const Type& type) { return object->type == &type; }
// isinstance() against a type without consulting __instancecheck__ (walks the MRO).
bool is_subtype(const Type* type, const Type* base);
inline bool is_instance(const Object* object, const Type& type) {
  return object->type == &type || is_subtype(object->type, &type);
}

// The Type's __name__ as UTF-8.
const char* type_name(const Type* type);

// Singletons; never freed (their counts start high and are not decremented to zero).
extern Object none_object;
extern Object not_implemented_object;
extern Object ellipsis_object;
inline Ref<> none() { return Ref<>::borrow(&none_object); }
inline Ref<> not_implemented() { return Ref<>::borrow(&not_implemented_object); }
inline bool is_none(const Object* object) { return object == &none_object; }

// --- allocation, defined here so make_object inlines ---------------------------------------
template <class T, class... Args>
Ref<T> make_object(Type* type, Args&&... args) {
  void* memory = allocate_object(type->instance_size);
  if (!memory) return nullptr;
  T* object = new (memory) T(std::forward<Args>(args)...);
  object->refcount = 1;
  object->type = type;
  if (type->flags & type_flag_heap) incref(type);
  if (type->instance_size > sizeof(T)) {
    auto* bytes = static_cast<unsigned char*>(memory);
    for (size_t i = sizeof(T); i < type->instance_size; ++i) bytes[i] = 0;
  }
  return Ref<T>::steal(object);
}

}  // namespace py
