// Making classes: type(name, bases, dict) and the class statement (make_class) — the
// metaclass calculation, the C3 method resolution order, the instance layout inherited
// from the most derived builtin base, and the __set_name__ / __init_subclass__ calls.
#include <algorithm>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/descriptors.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/objects/type_slots.hpp"
#include "core/py/vm/execution.hpp"
#include "core/py/vm/function.hpp"

namespace py {
namespace {

Type* as_type(Object* object) { return static_cast<Type*>(object); }

// Flags a class inherits from its layout base: the fast isinstance families.
constexpr uint32_t inherited_flags = type_flag_int_subclass | type_flag_str_subclass |
                                     type_flag_tuple_subclass | type_flag_list_subclass |
                                     type_flag_dict_subclass | type_flag_exception_subclass |
                                     type_flag_type_subclass;

// The most derived metaclass among `metatype` and the bases' types (CPython's
// _PyType_CalculateMetaclass); null with TypeError on a conflict.
Type* calculate_metaclass(Type* metatype, Tuple* bases) {
  Type* winner = metatype;
  for (const Ref<>& base : bases->items) {
    Type* candidate = base->type;
    if (is_subtype(winner, candidate)) continue;
    if (is_subtype(candidate, winner)) {
      winner = candidate;
      continue;
    }
    raise(type_error_type,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
          "subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

// The type whose instance layout `type` extends: heap classes add only a __dict__ slot,
// and a builtin type with its base's size and dict offset adds nothing either.
const Type* solid_base(const Type* type) {
  while (type->base) {
    const Type* base = type->base;
    bool adds_fields =
        !(type->flags & type_flag_heap) &&
        (type->instance_size != base->instance_size || type->dict_offset != base->dict_offset);
    if (adds_fields) return type;
    type = base;
  }
  return type;
}

// The base whose layout the class extends (__base__): the one with the most derived solid
// base; TypeError when two bases' layouts cannot be combined.
Type* best_base(Tuple* bases) {
  Type* base = nullptr;
  const Type* winner = nullptr;
  for (const Ref<>& entry : bases->items) {
    if (!is_instance(entry.get(), type_type)) {
      raise(type_error_type, "bases must be types");
      return nullptr;
    }
    Type* candidate_base = as_type(entry.get());
    if (!(candidate_base->flags & type_flag_base_allowed)) {
      raise_format(type_error_type, "type '{}' is not an acceptable base type",
                   type_name(candidate_base));
      return nullptr;
    }
    const Type* candidate = solid_base(candidate_base);
    if (!winner) {
      winner = candidate;
      base = candidate_base;
    } else if (is_subtype(winner, candidate)) {
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = candidate_base;
    } else {
      raise(type_error_type, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

}  // namespace

// C3: the class, then a merge of the bases' MROs and the bases list. The error names the
// heads that could not be placed, as CPython's set_mro_error does.
Ref<Tuple> linearize_mro(Type* type, Tuple* bases) {
  std::vector<std::vector<Object*>> sequences;
  for (const Ref<>& base : bases->items) {
    std::vector<Object*> sequence;
    for (const Ref<>& entry : as_type(base.get())->mro->items) sequence.push_back(entry.get());
    sequences.push_back(std::move(sequence));
  }
  std::vector<Object*> base_list;
  for (const Ref<>& base : bases->items) base_list.push_back(base.get());
  sequences.push_back(std::move(base_list));
  std::vector<size_t> next(sequences.size(), 0);

  std::vector<Ref<>> result{Ref<>::borrow(type)};
  auto in_some_tail = [&](Object* candidate) {
    for (size_t i = 0; i < sequences.size(); ++i)
      for (size_t j = next[i] + 1; j < sequences[i].size(); ++j)
        if (sequences[i][j] == candidate) return true;
    return false;
  };
  for (;;) {
    bool remaining = false;
    Object* chosen = nullptr;
    for (size_t i = 0; i < sequences.size() && !chosen; ++i) {
      if (next[i] >= sequences[i].size()) continue;
      remaining = true;
      Object* head = sequences[i][next[i]];
      if (!in_some_tail(head)) chosen = head;
    }
    if (!remaining) break;
    if (!chosen) {
      std::vector<Object*> heads;
      for (size_t i = 0; i < sequences.size(); ++i)
        if (next[i] < sequences[i].size() &&
            std::find(heads.begin(), heads.end(), sequences[i][next[i]]) == heads.end())
          heads.push_back(sequences[i][next[i]]);
      std::string names;
      for (Object* head : heads) {
        if (!names.empty()) names += ",";
        names += " ";
        names += type_name(as_type(head));
      }
      raise_format(type_error_type,
                   "Cannot create a consistent method resolution\norder (MRO) for bases{}", names);
      return nullptr;
    }
    result.push_back(Ref<>::borrow(chosen));
    for (size_t i = 0; i < sequences.size(); ++i)
      if (next[i] < sequences[i].size() && sequences[i][next[i]] == chosen) ++next[i];
  }
  return make_tuple(std::move(result));
}

namespace {

// "duplicate base class A"
bool check_duplicate_bases(Tuple* bases) {
  for (size_t i = 0; i < tuple_size(bases); ++i)
    for (size_t j = i + 1; j < tuple_size(bases); ++j)
      if (bases->items[i] == bases->items[j]) {
        raise_format(type_error_type, "duplicate base class {}",
                     type_name(as_type(bases->items[i].get())));
        return false;
      }
  return true;
}

// __new__ is an implicit staticmethod; __init_subclass__ and __class_getitem__ are
// implicit classmethods.
int wrap_implicit_methods(Dict* dict) {
  struct Implicit {
    const char* name;
    Ref<> (*wrap)(Object*);
  };
  const Implicit implicit[] = {{"__new__", make_staticmethod},
                               {"__init_subclass__", make_classmethod},
                               {"__class_getitem__", make_classmethod}};
  for (const Implicit& row : implicit) {
    Object* value = dict_lookup_str(dict, row.name);
    bool is_function = value && ((value->type->flags & type_flag_method_descriptor) ||
                                 value->type == &function_type);
    if (!is_function) continue;
    Ref<> wrapped = row.wrap(value);
    if (!wrapped || dict_set_str(dict, row.name, wrapped.get()) < 0) return -1;
  }
  return 0;
}

// value.__set_name__(cls, name) for each attribute of the class body that has one.
int call_set_names(Type* type) {
  Ref<Str> set_name = intern("__set_name__");
  std::vector<std::pair<Ref<>, Ref<>>> entries;  // a copy: __set_name__ may change the dict
  size_t position = 0;
  Object* key;
  Object* value;
  while (dict_next(type->dict, &position, &key, &value))
    entries.emplace_back(Ref<>::borrow(key), Ref<>::borrow(value));
  for (auto& [name, attribute] : entries) {
    Object* values[] = {type, name.get()};
    bool found = false;
    Ref<> result =
        call_special_method(attribute.get(), set_name.get(), CallArgs{values, 2}, &found);
    if (found && !result) {
      // RuntimeError from the original error, as CPython 3.11's _PyErr_FormatFromCause.
      Ref<> cause = take_exception();
      Ref<Str> shown_name = repr(name.get());
      if (!shown_name) return -1;
      raise_format(runtime_error_type, "Error calling __set_name__ on '{}' instance {} in '{}'",
                   type_name(attribute->type), shown_name->value, type_name(type));
      Object* error = current_exception();
      if (error && cause && is_exception(error)) {
        auto* wrapped = static_cast<BaseException*>(error);
        wrapped->cause = cause;
        wrapped->context = cause;
        wrapped->suppress_context = true;
      }
      return -1;
    }
  }
  return 0;
}

// super(cls, cls).__init_subclass__(**keywords)
int call_init_subclass(Type* type, CallArgs keywords) {
  Ref<Str> name = intern("__init_subclass__");
  const std::vector<Ref<>>& mro = type->mro->items;
  for (size_t i = 1; i < mro.size(); ++i) {
    Object* attribute = dict_lookup_str(as_type(mro[i].get())->dict, name.get());
    if (!attribute) continue;
    Ref<> bound = Ref<>::borrow(attribute);
    if (auto getter = attribute->type->descriptor_get) bound = getter(attribute, nullptr, type);
    if (!bound) return -1;
    return call(bound.get(), keywords) ? 0 : -1;
  }
  return 0;
}

// The class object, its slots and layout set; no __set_name__/__init_subclass__ yet.
Ref<Type> create_heap_type(Type* metatype, Str* name, Tuple* bases_given, Dict* namespace_dict) {
  Ref<Tuple> bases =
      tuple_size(bases_given) ? Ref<Tuple>::borrow(bases_given) : make_tuple({&object_type});
  if (!bases || !check_duplicate_bases(bases.get())) return nullptr;
  Type* base = best_base(bases.get());
  if (!base) return nullptr;

  Ref<Dict> dict = make_dict();
  if (!dict || dict_update(dict.get(), namespace_dict) < 0) return nullptr;
  Ref<> qualified_name = Ref<>::borrow(dict_lookup_str(dict.get(), "__qualname__"));
  if (qualified_name) {
    if (!is_str(qualified_name.get()))
      return raise_format(type_error_type, "type __qualname__ must be a str, not {}",
                          type_name(qualified_name->type));
    if (dict_delete(dict.get(), intern_borrowed("__qualname__")) < 0) return nullptr;
  }
  // The class body's __class__ cell (for super() and __class__ in methods) gets the class.
  Ref<> class_cell = Ref<>::borrow(dict_lookup_str(dict.get(), "__classcell__"));
  if (class_cell) {
    if (class_cell->type != &cell_type) {
      Ref<Str> shown = repr(class_cell->type);
      return raise_format(type_error_type, "__classcell__ must be a nonlocal cell, not {}",
                          shown ? shown->value : "?");
    }
    if (dict_delete(dict.get(), intern_borrowed("__classcell__")) < 0) return nullptr;
  }
  if (dict_lookup_str(dict.get(), "__eq__") && !dict_lookup_str(dict.get(), "__hash__"))
    if (dict_set_str(dict.get(), "__hash__", &none_object) < 0) return nullptr;
  if (!dict_lookup_str(dict.get(), "__doc__"))
    if (dict_set_str(dict.get(), "__doc__", &none_object) < 0) return nullptr;
  if (wrap_implicit_methods(dict.get()) < 0) return nullptr;

  Ref<Type> type = make_object<Type>(metatype);
  if (!type) return nullptr;
  type->flags = type_flag_heap | type_flag_base_allowed | (base->flags & inherited_flags);
  type->heap_name = Ref<Str>::borrow(name).release();
  type->qualified_name = static_cast<Str*>(qualified_name.release());
  type->base = Ref<Type>::borrow(base).release();
  type->bases = bases.release();
  type->dict = dict.release();
  type->destruct = base->destruct;
  type->instance_size = base->instance_size;
  type->dict_offset = base->dict_offset;
  if (type->dict_offset == 0) {
    constexpr size_t alignment = alignof(Dict*);
    type->dict_offset = (type->instance_size + alignment - 1) / alignment * alignment;
    type->instance_size = type->dict_offset + sizeof(Dict*);
  }
  Ref<Tuple> mro = linearize_mro(type.get(), type->bases);
  if (!mro) return nullptr;
  type->mro = mro.release();
  mark_class_namespace(type->dict);
  set_heap_type_slots(type.get());
  if (class_cell) static_cast<Cell*>(class_cell.get())->contents = type;
  return type;
}

}  // namespace

// type(name, bases, dict, **keywords): the keywords go to __init_subclass__.
Ref<> type_new(Type* metatype, CallArgs args) {
  size_t positional = args.positional_count();
  if (positional != 3) {
    if (positional == 1)
      return raise(type_error_type, "type.__new__() takes exactly 3 arguments (1 given)");
    return raise(type_error_type, "type() takes 1 or 3 arguments");
  }
  Object* name = args.values[0];
  Object* bases = args.values[1];
  Object* namespace_dict = args.values[2];
  if (!is_str(name))
    return raise_format(type_error_type, "type.__new__() argument 1 must be str, not {}",
                        type_name(name->type));
  if (!is_tuple(bases))
    return raise_format(type_error_type, "type.__new__() argument 2 must be tuple, not {}",
                        type_name(bases->type));
  if (!is_dict(namespace_dict))
    return raise_format(type_error_type, "type.__new__() argument 3 must be dict, not {}",
                        type_name(namespace_dict->type));
  Type* winner = calculate_metaclass(metatype, static_cast<Tuple*>(bases));
  if (!winner) return nullptr;
  if (winner != metatype && winner->new_instance != type_new)
    return winner->new_instance(winner, args);

  Ref<Type> type = create_heap_type(winner, static_cast<Str*>(name), static_cast<Tuple*>(bases),
                                    static_cast<Dict*>(namespace_dict));
  if (!type) return nullptr;
  if (call_set_names(type.get()) < 0) return nullptr;
  CallArgs keywords{args.values + 3, args.count - 3, args.keyword_names};
  if (call_init_subclass(type.get(), keywords) < 0) return nullptr;
  return type;
}

Ref<> make_class(Object* metaclass, Str* name, Tuple* bases, Dict* namespace_dict,
                 CallArgs keywords) {
  if (!metaclass) metaclass = tuple_size(bases) ? bases->items[0]->type : &type_type;
  if (is_instance(metaclass, type_type)) {
    metaclass = calculate_metaclass(as_type(metaclass), bases);
    if (!metaclass) return nullptr;
  }
  std::vector<Object*> values{name, bases, namespace_dict};
  values.insert(values.end(), keywords.values, keywords.values + keywords.count);
  return call(metaclass, CallArgs{values.data(), values.size(), keywords.keyword_names});
}

}  // namespace py
