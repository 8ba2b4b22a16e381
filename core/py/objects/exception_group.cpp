// BaseExceptionGroup and ExceptionGroup (PEP 654), as CPython 3.11's
// Objects/exceptions.c: the constructor's validation (and BaseExceptionGroup(...) giving
// an ExceptionGroup when every member is an Exception), message/exceptions, str
// "msg (2 sub-exceptions)", derive, and subgroup/split by a type, a tuple of types or a
// predicate, which rebuild the nested groups keeping traceback, cause, context and notes.
// ExceptionGroup's second base, Exception, is set here before the hierarchy is readied.
#include <string>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/getset.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"

namespace py {
namespace {

Object* get_field(Object* group, const char* name) {
  Dict* dict = as_exception(group)->dict.get();
  return dict ? dict_lookup_str(dict, name) : nullptr;
}

// The group's members (a tuple; borrowed).
Tuple* members_of(Object* group) {
  Object* members = get_field(group, "exceptions");
  return members && is_tuple(members) ? static_cast<Tuple*>(members) : nullptr;
}

// BaseExceptionGroup.__new__(cls, message, exceptions)
Ref<> group_new(Type* type, CallArgs args) {
  if (args.keyword_count())
    return raise_format(type_error_type, "{}() takes no keyword arguments", type_name(type));
  if (args.count != 2) {
    return raise_format(type_error_type,
                        "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                        args.count);
  }
  Object* message = args.values[0];
  Object* sequence = args.values[1];
  if (!is_str(message)) {
    return raise_format(type_error_type, "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                        type_name(message->type));
  }
  if (!sequence->type->get_item || is_dict(sequence))
    return raise(type_error_type, "second argument (exceptions) must be a sequence");
  Ref<List> members = sequence_to_list(sequence);
  if (!members) return nullptr;
  if (members->items.empty())
    return raise(value_error_type, "second argument (exceptions) must be a non-empty sequence");
  bool nests_base_exceptions = false;
  for (size_t i = 0; i < members->items.size(); ++i) {
    Object* member = members->items[i].get();
    if (!is_exception(member)) {
      return raise_format(value_error_type, "Item {} of second argument (exceptions) is not an exception",
                          i);
    }
    if (!is_instance(member, exception_type)) nests_base_exceptions = true;
  }
  if (type == &base_exception_group_type) {
    if (!nests_base_exceptions) type = &exception_group_type;
  } else if (type == &exception_group_type) {
    if (nests_base_exceptions) return raise(type_error_type, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nests_base_exceptions && is_subtype(type, &exception_type)) {
    return raise_format(type_error_type, "Cannot nest BaseExceptions in '{}'", type_name(type));
  }
  Ref<BaseException> group = make_object<BaseException>(type);
  if (!group) return nullptr;
  group->args = make_tuple({message, sequence});
  group->dict = make_dict();
  Ref<Tuple> member_tuple = make_tuple(std::move(members->items));
  if (!group->args || !group->dict || !member_tuple ||
      dict_set_str(group->dict.get(), "message", message) < 0 ||
      dict_set_str(group->dict.get(), "exceptions", member_tuple.get()) < 0)
    return nullptr;
  return group;
}

// __init__ accepts what __new__ accepted and keeps args as given.
int group_init(Object* self, CallArgs args) {
  if (args.keyword_count()) {
    raise_format(type_error_type, "{}() takes no keyword arguments", type_name(self->type));
    return -1;
  }
  return 0;
}

Ref<> group_str(Object* self) {
  Object* message = get_field(self, "message");
  Tuple* members = members_of(self);
  Ref<Str> text = to_str(message ? message : &none_object);
  if (!text) return nullptr;
  const size_t count = members ? members->items.size() : 0;
  return make_str(
      format_message("{} ({} sub-exception{})", text->value, count, count == 1 ? "" : "s"));
}

Ref<> get_message(Object* self) {
  Object* message = get_field(self, "message");
  return message ? Ref<>::borrow(message) : none();
}

Ref<> get_exceptions(Object* self) {
  Tuple* members = members_of(self);
  return members ? Ref<>::borrow(members) : Ref<>(empty_tuple());
}

// derive(excs): BaseExceptionGroup(self.message, excs).
Ref<> derive(Object* self, Object* members) {
  Ref<> message = get_message(self);
  return call(&base_exception_group_type, {message.get(), members});
}

Ref<> derive_method(Object* self, CallArgs args) {
  if (!check_positional("derive", args, 1, 1)) return nullptr;
  return derive(self, args.values[0]);
}

// What subgroup/split match with: exception types or a predicate.
struct Matcher {
  Object* condition;  // a type, a tuple of types, or a callable
  bool by_type;       // isinstance(exception, condition) rather than condition(exception)
};

bool make_matcher(Object* condition, Matcher* out) {
  auto is_exception_class = [](Object* value) {
    return is_instance(value, type_type) && is_subtype(static_cast<Type*>(value), &base_exception_type);
  };
  bool types = is_exception_class(condition);
  if (!types && is_tuple(condition)) {
    types = true;
    for (const Ref<>& item : static_cast<Tuple*>(condition)->items)
      if (!is_exception_class(item.get())) types = false;
  }
  if (!types && !condition->type->call) {
    raise(type_error_type, "expected a function, exception type or tuple of exception types");
    return false;
  }
  *out = Matcher{condition, types};
  return true;
}

// 0, 1 or -1.
int matches(const Matcher& matcher, Object* exception) {
  if (matcher.by_type) return is_instance_of(exception, matcher.condition);
  Ref<> verdict = call(matcher.condition, {exception});
  if (!verdict) return -1;
  return truthy(verdict.get());
}

// A group like `original` holding `members`: None when nothing is left, else
// original.derive(members) with the original's traceback, cause, context and notes.
Ref<> subset(Object* original, std::vector<Ref<>> members) {
  if (members.empty()) return none();
  Ref<List> list = make_list(std::move(members));
  if (!list) return nullptr;
  Ref<> group = call_method(original, "derive", {list.get()});
  if (!group) return nullptr;
  if (!is_instance(group.get(), base_exception_group_type))
    return raise(type_error_type, "derive must return an instance of BaseExceptionGroup");
  BaseException* target = as_exception(group.get());
  BaseException* source = as_exception(original);
  target->traceback = source->traceback;
  target->cause = source->cause;
  target->context = source->context;
  target->suppress_context = true;  // PyException_SetCause's effect
  if (Object* notes = get_field(original, "__notes__")) {
    Ref<List> copy = sequence_to_list(notes);
    if (!copy || set_attribute(group.get(), intern_borrowed("__notes__"), copy.get()) < 0)
      return nullptr;
  }
  return group;
}

// CPython's exceptiongroup_split_recursive: the matching part and (when `with_rest`)
// the rest of `exception`; either may be None. False on error.
bool split(Object* exception, const Matcher& matcher, bool with_rest, Ref<>* match, Ref<>* rest) {
  const int matched = matches(matcher, exception);
  if (matched < 0) return false;
  if (matched) {
    *match = Ref<>::borrow(exception);
    *rest = none();
    return true;
  }
  if (!is_instance(exception, base_exception_group_type)) {
    *match = none();
    *rest = with_rest ? Ref<>::borrow(exception) : none();
    return true;
  }
  std::vector<Ref<>> matched_members, rest_members;
  Ref<Tuple> members = Ref<Tuple>::borrow(members_of(exception));
  if (members) {
    for (const Ref<>& member : members->items) {
      Ref<> member_match, member_rest;
      if (!split(member.get(), matcher, with_rest, &member_match, &member_rest)) return false;
      if (!is_none(member_match.get())) matched_members.push_back(std::move(member_match));
      if (with_rest && !is_none(member_rest.get())) rest_members.push_back(std::move(member_rest));
    }
  }
  *match = subset(exception, std::move(matched_members));
  if (!*match) return false;
  *rest = with_rest ? subset(exception, std::move(rest_members)) : none();
  return bool(*rest);
}

Ref<> subgroup_method(Object* self, CallArgs args) {
  if (!check_positional("subgroup", args, 1, 1)) return nullptr;
  Matcher matcher;
  if (!make_matcher(args.values[0], &matcher)) return nullptr;
  Ref<> match, rest;
  if (!split(self, matcher, false, &match, &rest)) return nullptr;
  return match;
}

Ref<> split_method(Object* self, CallArgs args) {
  if (!check_positional("split", args, 1, 1)) return nullptr;
  Matcher matcher;
  if (!make_matcher(args.values[0], &matcher)) return nullptr;
  Ref<> match, rest;
  if (!split(self, matcher, true, &match, &rest)) return nullptr;
  return make_tuple({match.get(), rest.get()});
}

const GetSetDefinition group_getsets[] = {
    {"message", get_message, nullptr},
    {"exceptions", get_exceptions, nullptr},
    {nullptr, nullptr, nullptr},
};

const NativeMethod group_methods[] = {
    {"derive", derive_method},
    {"subgroup", subgroup_method},
    {"split", split_method},
    {nullptr, nullptr},
};

}  // namespace

int install_exception_group() {
  base_exception_group_type.new_instance = group_new;
  base_exception_group_type.init = group_init;
  base_exception_group_type.str = group_str;
  Ref<Tuple> bases = make_tuple({&base_exception_group_type, &exception_type});
  if (!bases) return -1;
  exception_group_type.bases = bases.release();
  install_methods(base_exception_group_type, group_methods);
  return install_getsets(base_exception_group_type, group_getsets);
}

}  // namespace py
