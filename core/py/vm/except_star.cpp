// `except*`: matching a clause against an exception group, and assembling what the
// statement re-raises. Follows CPython 3.11's ceval.c (exception_group_match) and
// Objects/exceptions.c (_PyExc_PrepReraiseStar).
#include "core/py/vm/except_star.hpp"

#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

bool is_group(Object* object) { return is_instance(object, base_exception_group_type); }

bool is_exception_class(Object* object) {
  return is_instance(object, type_type) &&
         is_subtype(static_cast<Type*>(object), &base_exception_type);
}

bool is_group_class(Object* object) {
  return is_exception_class(object) &&
         is_subtype(static_cast<Type*>(object), &base_exception_group_type);
}

// check_except_star_type_valid
bool check_match_type(Object* match_type) {
  bool valid = is_exception_class(match_type);
  bool group = is_group_class(match_type);
  if (is_tuple(match_type)) {
    valid = true;
    for (const Ref<>& item : static_cast<Tuple*>(match_type)->items) {
      valid = valid && is_exception_class(item.get());
      group = group || is_group_class(item.get());
    }
  }
  if (!valid) {
    raise(type_error_type,
          "catching classes that do not inherit from BaseException is not allowed");
    return false;
  }
  if (group) {
    raise(type_error_type,
          "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return false;
  }
  return true;
}

// The leaves of `exception` (itself when it is not a group), appended to `leaves`.
bool collect_leaves(Object* exception, std::vector<Ref<>>* leaves) {
  if (!is_group(exception)) {
    leaves->push_back(Ref<>::borrow(exception));
    return true;
  }
  Ref<> members = get_attribute(exception, "exceptions");
  if (!members) return false;
  if (!is_tuple(members.get())) return true;
  for (const Ref<>& member : static_cast<Tuple*>(members.get())->items)
    if (!collect_leaves(member.get(), leaves)) return false;
  return true;
}

// The predicate given to split(): true for one of the leaves in `self` (a tuple), by
// identity, as CPython's EXCEPTION_GROUP_MATCH_INSTANCE_IDS.
Ref<> is_one_of_leaves(Object* self, CallArgs args) {
  for (const Ref<>& leaf : static_cast<Tuple*>(self)->items)
    if (leaf.get() == args.values[0]) return make_bool(true);
  return make_bool(false);
}
const NativeMethod is_one_of_leaves_method = {"is_one_of_leaves", is_one_of_leaves};

// `group.split(condition)` as the pair (match, rest), checked as CPython checks it.
bool split_group(Object* group, Object* condition, Ref<>* match, Ref<>* rest) {
  Ref<> parts = call_method(group, "split", {condition});
  if (!parts) return false;
  if (!is_tuple(parts.get())) {
    raise_format(type_error_type, "{}.split must return a tuple, not {}", type_name(group->type),
                 type_name(parts->type));
    return false;
  }
  std::vector<Ref<>>& items = static_cast<Tuple*>(parts.get())->items;
  if (items.size() != 2) {
    raise_format(type_error_type, "{}.split must return a 2-tuple, got tuple of size {}",
                 type_name(group->type), items.size());
    return false;
  }
  *match = items[0];
  *rest = items[1];
  return true;
}

// The part of `group` whose leaves are among `leaves`, keeping its nesting; None if none.
Ref<> project_on_leaves(Object* group, std::vector<Ref<>> leaves) {
  Ref<Tuple> leaf_tuple = make_tuple(std::move(leaves));
  if (!leaf_tuple) return nullptr;
  Ref<> predicate = make_native_function(&is_one_of_leaves_method, leaf_tuple.get());
  if (!predicate) return nullptr;
  Ref<> match, rest;
  if (!split_group(group, predicate.get(), &match, &rest)) return nullptr;
  return match;
}

// Re-raised exceptions keep the original's metadata (a split copies it); new ones differ.
bool has_same_metadata(Object* exception, Object* original) {
  BaseException* a = as_exception(exception);
  BaseException* b = as_exception(original);
  if (a->traceback.get() != b->traceback.get() || a->cause.get() != b->cause.get() ||
      a->context.get() != b->context.get()) {
    return false;
  }
  // __notes__ lives in the instance dict; a missing one compares as None on both sides.
  Ref<> notes_a = get_attribute_or_missing(exception, intern_borrowed("__notes__"));
  Ref<> notes_b = get_attribute_or_missing(original, intern_borrowed("__notes__"));
  clear_exception();  // an error reading notes counts as a difference
  return notes_a.get() == notes_b.get();
}

}  // namespace

int exception_group_match(Object* exception, Object* match_type, Ref<>* match, Ref<>* rest) {
  if (!check_match_type(match_type)) return -1;
  int matched = is_instance_of(exception, match_type);
  if (matched < 0) return -1;
  if (matched) {
    if (is_group(exception)) {
      *match = Ref<>::borrow(exception);
    } else {
      Ref<Tuple> members = make_tuple({exception});
      if (!members) return -1;
      Ref<Str> empty = make_str("");
      Ref<> wrapped = call(&exception_group_type, {empty.get(), members.get()});
      if (!wrapped) return -1;
      as_exception(wrapped.get())->traceback = as_exception(exception)->traceback;
      *match = std::move(wrapped);
    }
    *rest = none();
    return 0;
  }
  if (is_group(exception)) return split_group(exception, match_type, match, rest) ? 0 : -1;
  *match = none();
  *rest = Ref<>::borrow(exception);
  return 0;
}

Ref<> prepare_reraise_star(Object* original, Object* results) {
  std::vector<Ref<>>& items = static_cast<List*>(results)->items;
  if (!is_group(original)) {
    // A naked exception was wrapped for the clauses: at most one of them ran.
    for (const Ref<>& item : items)
      if (!is_none(item.get())) return item;
    return none();
  }
  std::vector<Ref<>> raised;
  std::vector<Ref<>> reraised_leaves;
  for (const Ref<>& item : items) {
    if (is_none(item.get())) continue;
    if (has_same_metadata(item.get(), original)) {
      if (!collect_leaves(item.get(), &reraised_leaves)) return nullptr;
    } else {
      raised.push_back(item);
    }
  }
  Ref<> reraised = none();
  if (!reraised_leaves.empty()) {
    reraised = project_on_leaves(original, std::move(reraised_leaves));
    if (!reraised) return nullptr;
  }
  if (raised.empty()) return reraised;
  if (!is_none(reraised.get())) raised.push_back(std::move(reraised));
  if (raised.size() == 1) return raised[0];
  Ref<List> members = make_list(std::move(raised));
  if (!members) return nullptr;
  Ref<Str> empty = make_str("");
  return call(&exception_group_type, {empty.get(), members.get()});
}

}  // namespace py
