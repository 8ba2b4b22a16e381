// The object model (objects/type.cpp, class_creation.cpp, type_slots.cpp, abstract*.cpp,
// descriptors.cpp): classes built from C++ with make_class, checked against what CPython
// 3.11 answered for the same hierarchies and snippets (tests/unit/data/mro_cases.txt,
// recorded by scripts/record_mro_cases.py), plus the heap's accounting.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/py/objects/abstract.hpp"
#include "core/py/objects/descriptors.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/list.hpp"
#include "core/py/objects/module.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/ready.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/objects/type.hpp"
#include "core/py/vm/function.hpp"
#include "tests/unit/support/expected_output.hpp"

using namespace py;

namespace {

// A run with every builtin type readied, torn down as the Interpreter does.
class ObjectModelRun {
 public:
  ObjectModelRun() {
    previous_ = set_runtime(&run_);
    ready_all_types();
  }
  ~ObjectModelRun() {
    if (!torn_down_) tear_down();
  }
  // Frees the whole run's heap; returns the bytes still counted afterwards.
  size_t tear_down() {
    torn_down_ = true;
    clear_exception();
    for (auto callback : run_.run_end_callbacks) callback();
    forget_all_types();
    release_run_objects();
    size_t left = run_.heap_bytes;
    set_runtime(previous_);
    return left;
  }
  Runtime& state() { return run_; }

 private:
  Runtime run_;
  Runtime* previous_ = nullptr;
  bool torn_down_ = false;
};

// The message of the pending exception (its first argument), and its class name; clears it.
struct RaisedError {
  std::string type;
  std::string message;
};
RaisedError take_error() {
  Ref<> exception = take_exception();
  if (!exception) return {"(none)", ""};
  RaisedError error{type_name(exception->type), ""};
  auto* base = static_cast<BaseException*>(exception.get());
  if (base->args && tuple_size(base->args.get()) > 0 && is_str(base->args->items[0].get()))
    error.message = static_cast<Str*>(base->args->items[0].get())->value;
  return error;
}

Str* name(const char* text) { return intern_borrowed(text); }

// A method built from a C++ function: a method descriptor that binds to any object.
Ref<> method(const NativeMethod* row) {
  Ref<NativeFunction> descriptor = make_object<NativeFunction>(&method_descriptor_type);
  descriptor->method = row;
  descriptor->owner = &object_type;
  return descriptor;
}

// class NAME(*bases): namespace...  (module __main__)
Ref<> make_test_class(const std::string& class_name, std::vector<Object*> bases,
                      std::vector<std::pair<const char*, Ref<>>> attributes = {},
                      Object* metaclass = nullptr) {
  Ref<Dict> namespace_dict = make_dict();
  Ref<Str> module = make_str(std::string_view("__main__"));
  dict_set_str(namespace_dict.get(), "__module__", module.get());
  Ref<Str> qualified = make_str(std::string_view(class_name));
  dict_set_str(namespace_dict.get(), "__qualname__", qualified.get());
  for (auto& [key, value] : attributes) dict_set_str(namespace_dict.get(), key, value.get());
  std::vector<Ref<>> items;
  for (Object* base : bases) items.push_back(Ref<>::borrow(base));
  Ref<Tuple> base_tuple = make_tuple(std::move(items));
  return make_class(metaclass, qualified.get(), base_tuple.get(), namespace_dict.get(), CallArgs{});
}

Ref<> instantiate(Object* cls) { return call(cls, {}); }

std::string repr_text(Object* object) {
  Ref<Str> text = repr(object);
  return text ? text->value : "<error>";
}

// The data file's records: "class" rows by case, and "message" rows by key.
struct RecordedCases {
  struct ClassRow {
    std::string case_name, class_name, bases, answer;
  };
  std::vector<ClassRow> classes;
  std::map<std::string, std::string> messages;
};

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, separator)) fields.push_back(field);
  return fields;
}

std::string unescape_newlines(const std::string& text) {
  std::string result;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      result += '\n';
      ++i;
    } else {
      result += text[i];
    }
  }
  return result;
}

const RecordedCases& recorded() {
  static RecordedCases cases = [] {
    RecordedCases loaded;
    std::ifstream file(test_support::source_path("tests/unit/data/mro_cases.txt"));
    if (!file) throw std::runtime_error("missing tests/unit/data/mro_cases.txt");
    std::string line;
    while (std::getline(file, line)) {
      std::vector<std::string> fields = split(line, '\t');
      if (fields.size() == 5 && fields[0] == "class")
        loaded.classes.push_back({fields[1], fields[2], fields[3], unescape_newlines(fields[4])});
      else if (fields.size() == 3 && (fields[0] == "message" || fields[0] == "value" ||
                                     fields[0] == "prefix"))
        loaded.messages[fields[0] + " " + fields[1]] = unescape_newlines(fields[2]);
    }
    return loaded;
  }();
  return cases;
}

// The recorded text of "message KEY" (an exception's) or "value KEY" (a repr).
const std::string& cpython_text(const std::string& kind, const std::string& key) {
  auto found = recorded().messages.find(kind + " " + key);
  if (found == recorded().messages.end())
    throw std::runtime_error("no recorded " + kind + " " + key);
  return found->second;
}
const std::string& cpython_message(const std::string& key) { return cpython_text("message", key); }
const std::string& cpython_repr(const std::string& key) { return cpython_text("value", key); }
// True when repr(object) starts as CPython's did, up to the address.
bool repr_starts_as_cpython(Object* object, const std::string& key) {
  const std::string& prefix = cpython_text("prefix", key);
  return repr_text(object).compare(0, prefix.size(), prefix) == 0;
}

// --- C++ method bodies for the test classes ------------------------------------------------

Ref<> return_self(Object* self, CallArgs) { return Ref<>::borrow(self); }
Ref<> return_true(Object*, CallArgs) { return make_bool(true); }
Ref<> return_none(Object*, CallArgs) { return none(); }
Ref<> return_answer(Object*, CallArgs) { return make_int(42); }
Ref<> raise_stop_iteration(Object*, CallArgs) { return raise_empty(stop_iteration_type); }
Ref<> return_left_tag(Object*, CallArgs) { return make_str(std::string_view("left __add__")); }
Ref<> return_right_tag(Object*, CallArgs) { return make_str(std::string_view("right __radd__")); }
Ref<> return_inplace_tag(Object*, CallArgs) { return make_str(std::string_view("__iadd__")); }
Ref<> return_not_implemented(Object*, CallArgs) { return not_implemented(); }
// __getattr__(self, name) → "computed <name>"
Ref<> computed_attribute(Object*, CallArgs args) {
  return make_str("computed " + static_cast<Str*>(args.values[0])->value);
}
// __get__(self, instance, owner) → "descriptor value"
Ref<> descriptor_value(Object*, CallArgs) { return make_str(std::string_view("descriptor value")); }
// __init_subclass__(cls, **kwargs): records the keyword names on cls as `seen`.
Ref<> record_init_subclass(Object* cls, CallArgs args) {
  Ref<> seen = args.keyword_names ? Ref<>::borrow(args.keyword_names) : Ref<>(empty_tuple());
  if (set_attribute(cls, name("seen"), seen.get()) < 0) return nullptr;
  return none();
}

const NativeMethod self_row{"__iter__", return_self};
const NativeMethod true_row{"__eq__", return_true};
const NativeMethod none_row{"__set__", return_none};
const NativeMethod answer_row{"method", return_answer};
const NativeMethod stop_row{"__next__", raise_stop_iteration};
const NativeMethod left_row{"__add__", return_left_tag};
const NativeMethod right_row{"__radd__", return_right_tag};
const NativeMethod inplace_row{"__iadd__", return_inplace_tag};
const NativeMethod not_implemented_row{"__add__", return_not_implemented};
const NativeMethod getattr_row{"__getattr__", computed_attribute};
const NativeMethod get_row{"__get__", descriptor_value};
const NativeMethod init_subclass_row{"__init_subclass__", record_init_subclass};
const NativeMethod len_row{"len", return_answer};
const NativeMethod append_row{"append", return_none};

}  // namespace

TEST_CASE("Class MROs and MRO errors match CPython's", "[objects]") {
  ObjectModelRun run;
  std::map<std::string, std::map<std::string, Ref<>>> cases;
  size_t checked = 0;
  for (const auto& row : recorded().classes) {
    auto& defined = cases[row.case_name];
    std::vector<Object*> bases;
    if (row.bases != "-")
      for (const std::string& base : split(row.bases, ','))
        bases.push_back(base == "object" ? static_cast<Object*>(&object_type)
                                         : defined.at(base).get());
    Ref<> cls = make_test_class(row.class_name, bases);
    std::string answer;
    if (cls) {
      answer = "mro";
      for (const Ref<>& entry : static_cast<Type*>(cls.get())->mro->items)
        answer += " " + std::string(type_name(static_cast<Type*>(entry.get())));
      defined[row.class_name] = cls;
    } else {
      answer = "error " + take_error().message;
    }
    INFO(row.case_name << " " << row.class_name << "(" << row.bases << ")");
    CHECK(answer == row.answer);
    ++checked;
  }
  CHECK(checked > 300);
}

TEST_CASE("Attribute and operator errors use CPython's messages", "[objects]") {
  ObjectModelRun run;
  Ref<> cls = make_test_class("C", {});
  REQUIRE(cls);
  Ref<> instance = instantiate(cls.get());
  REQUIRE(instance);
  Ref<> one = make_int(1);

  auto expect = [&](const char* key, bool failed, const char* type) {
    INFO(key);
    REQUIRE(failed);
    RaisedError error = take_error();
    CHECK(error.type == type);
    CHECK(error.message == cpython_message(key));
  };
  expect("instance_no_attribute", !get_attribute(instance.get(), "missing"), "AttributeError");
  // The error carries `name` and `obj`, from which 3.11's traceback suggests a close name.
  REQUIRE(!get_attribute(instance.get(), "missing"));
  Ref<> attribute_error = take_exception();
  CHECK(repr_text(get_attribute(attribute_error.get(), "name").get()) == "'missing'");
  CHECK(get_attribute(attribute_error.get(), "obj").get() == instance.get());
  expect("class_no_attribute", !get_attribute(cls.get(), "missing"), "AttributeError");
  expect("int_no_attribute", !get_attribute(one.get(), "missing"), "AttributeError");
  expect("none_no_attribute", !get_attribute(&none_object, "missing"), "AttributeError");
  Ref<> plain = instantiate(&object_type);
  expect("object_set_attribute", set_attribute(plain.get(), name("x"), one.get()) < 0,
         "AttributeError");
  Object* one_argument[] = {one.get()};
  expect("class_takes_no_arguments", !call(cls.get(), CallArgs{one_argument, 1}), "TypeError");
  Ref<> object_init = get_attribute(&object_type, "__init__");
  expect("object_init_extra", !call(object_init.get(), {instance.get(), one.get()}), "TypeError");
  expect("immutable_type", set_attribute(&int_type, name("x"), one.get()) < 0, "TypeError");

  Ref<> always_equal = make_test_class("E", {}, {{"__eq__", method(&true_row)}});
  Ref<> equal_instance = instantiate(always_equal.get());
  expect("unhashable_class", hash(equal_instance.get()) == -1, "TypeError");
  Ref<> list = make_list();
  expect("unhashable_list", hash(list.get()) == -1, "TypeError");
  expect("not_callable", !call(instance.get(), {}), "TypeError");
  expect("not_iterable", !get_iter(instance.get()), "TypeError");
  expect("not_subscriptable", !get_item(instance.get(), one.get()), "TypeError");
  expect("no_len", length(instance.get()) == -1, "TypeError");
  expect("unsupported_add", !binary_operation(instance.get(), one.get(), BinaryOp::add),
         "TypeError");
  expect("unsupported_less", !rich_compare(instance.get(), one.get(), CompareOp::less),
         "TypeError");
  expect("unary_minus", !negative(instance.get()), "TypeError");
  Ref<Str> spec = make_str(std::string_view("x"));
  expect("format_spec", !format(instance.get(), spec.get()), "TypeError");
  Ref<> int_add = get_attribute(&int_type, "__add__");
  Ref<Str> letter = make_str(std::string_view("a"));
  expect("descriptor_wrong_self", !call(int_add.get(), {letter.get(), one.get()}), "TypeError");
  expect("super_bad_object", !call(&super_type, {&int_type, letter.get()}), "TypeError");

  Ref<> empty_property = call(&property_type, {});
  Ref<> no_getter_class = make_test_class("P", {}, {{"p", empty_property}});
  Ref<> no_getter = instantiate(no_getter_class.get());
  expect("property_no_getter", !get_attribute(no_getter.get(), "p"), "AttributeError");
  Ref<> getter = method(&answer_row);
  Ref<> read_only_property = call(&property_type, {getter.get()});
  Ref<> no_setter_class = make_test_class("P", {}, {{"p", read_only_property}});
  Ref<> no_setter = instantiate(no_setter_class.get());
  expect("property_no_setter", set_attribute(no_setter.get(), name("p"), one.get()) < 0,
         "AttributeError");

  Ref<Module> math = make_module("math");
  expect("module_no_attribute", !get_attribute(math.get(), "missing"), "AttributeError");
  expect("bad_base", !make_test_class("B", {&bool_type}), "TypeError");
  expect("layout_conflict", !make_test_class("L", {&int_type, &str_type}), "TypeError");
}

TEST_CASE("Data descriptors beat the instance dict and non-data descriptors lose to it",
          "[objects]") {
  ObjectModelRun run;
  Ref<> data_class =
      make_test_class("Data", {}, {{"__get__", method(&get_row)}, {"__set__", method(&none_row)}});
  Ref<> non_data_class = make_test_class("NonData", {}, {{"__get__", method(&get_row)}});
  Ref<> data = instantiate(data_class.get());
  Ref<> non_data = instantiate(non_data_class.get());
  Ref<> owner = make_test_class("Owner", {}, {{"d", data}, {"n", non_data}});
  Ref<> instance = instantiate(owner.get());
  Ref<> own_value = make_str(std::string_view("instance value"));
  Ref<> instance_dict = get_attribute(instance.get(), "__dict__");
  REQUIRE(instance_dict);
  dict_set_str(static_cast<Dict*>(instance_dict.get()), "d", own_value.get());
  dict_set_str(static_cast<Dict*>(instance_dict.get()), "n", own_value.get());

  Ref<> through_data = get_attribute(instance.get(), "d");
  Ref<> through_non_data = get_attribute(instance.get(), "n");
  CHECK(repr_text(through_data.get()) == "'descriptor value'");
  CHECK(through_non_data.get() == own_value.get());
  // On the class, both descriptors' __get__(None, Owner) run.
  CHECK(repr_text(get_attribute(owner.get(), "n").get()) == "'descriptor value'");
  // Setting through the data descriptor calls its __set__, leaving the dict alone.
  Ref<> other = make_int(7);
  CHECK(set_attribute(instance.get(), name("d"), other.get()) == 0);
  CHECK(dict_lookup_str(static_cast<Dict*>(instance_dict.get()), "d") == own_value.get());
}

TEST_CASE("Heap type slots call the class's dunders", "[objects]") {
  ObjectModelRun run;
  SECTION("the right operand's reflected method wins for a subclass that overrides it") {
    Ref<> left_class = make_test_class("Left", {}, {{"__add__", method(&left_row)}});
    Ref<> right_class =
        make_test_class("Right", {left_class.get()}, {{"__radd__", method(&right_row)}});
    Ref<> left = instantiate(left_class.get());
    Ref<> right = instantiate(right_class.get());
    CHECK(repr_text(binary_operation(left.get(), right.get(), BinaryOp::add).get()) ==
          "'right __radd__'");
    CHECK(repr_text(binary_operation(left.get(), left.get(), BinaryOp::add).get()) ==
          "'left __add__'");
    Ref<> unrelated_class = make_test_class("Other", {}, {{"__radd__", method(&right_row)}});
    Ref<> unrelated = instantiate(unrelated_class.get());
    CHECK(repr_text(binary_operation(left.get(), unrelated.get(), BinaryOp::add).get()) ==
          "'left __add__'");
  }
  SECTION("NotImplemented from __add__ falls back to the reflected method; += prefers __iadd__") {
    Ref<> declining = make_test_class(
        "Declining", {},
        {{"__add__", method(&not_implemented_row)}, {"__iadd__", method(&inplace_row)}});
    Ref<> accepting = make_test_class("Accepting", {}, {{"__radd__", method(&right_row)}});
    Ref<> left = instantiate(declining.get());
    Ref<> right = instantiate(accepting.get());
    CHECK(repr_text(binary_operation(left.get(), right.get(), BinaryOp::add).get()) ==
          "'right __radd__'");
    CHECK(repr_text(inplace_operation(left.get(), right.get(), BinaryOp::add).get()) ==
          "'__iadd__'");
  }
  SECTION("StopIteration from __next__ means exhausted, with no exception left") {
    Ref<> iterator_class = make_test_class(
        "Iterator", {}, {{"__iter__", method(&self_row)}, {"__next__", method(&stop_row)}});
    Ref<> instance = instantiate(iterator_class.get());
    Ref<> iterator = get_iter(instance.get());
    REQUIRE(iterator.get() == instance.get());
    CHECK(!iter_next(iterator.get()));
    CHECK(!exception_pending());
  }
  SECTION("__getattr__ runs only when normal lookup fails") {
    Ref<> cls = make_test_class("Dynamic", {},
                                {{"__getattr__", method(&getattr_row)}, {"present", make_int(5)}});
    Ref<> instance = instantiate(cls.get());
    CHECK(repr_text(get_attribute(instance.get(), "absent").get()) == "'computed absent'");
    CHECK(repr_text(get_attribute(instance.get(), "present").get()) == "5");
  }
  SECTION("slot wrappers expose builtin slots: int.__add__, object.__init__") {
    Ref<> two = make_int(2);
    Ref<> three = make_int(3);
    Ref<> int_add = get_attribute(&int_type, "__add__");
    CHECK(repr_text(int_add.get()) == cpython_repr("slot_wrapper_repr"));
    CHECK(repr_text(call(int_add.get(), {two.get(), three.get()}).get()) == "5");
    Ref<> bound_add = get_attribute(two.get(), "__add__");
    CHECK(repr_text(call(bound_add.get(), {three.get()}).get()) == "5");
    Ref<> cls = make_test_class("C", {});
    Ref<> instance = instantiate(cls.get());
    Ref<> object_init = get_attribute(&object_type, "__init__");
    CHECK(is_none(call(object_init.get(), {instance.get()}).get()));
  }
  SECTION("a subclass of int inherits int's slots and gets a __dict__") {
    Ref<> cls = make_test_class("MyInt", {&int_type});
    Type* type = static_cast<Type*>(cls.get());
    CHECK(type->instance_size > sizeof(Int));
    CHECK(type->binary[size_t(BinaryOp::add)] == int_type.binary[size_t(BinaryOp::add)]);
    CHECK(is_subtype(type, &int_type));
  }
}

TEST_CASE("Class creation calls __init_subclass__ and wraps __new__", "[objects]") {
  ObjectModelRun run;
  // A plain method named __init_subclass__ becomes a classmethod, as in a class statement.
  Ref<> base = make_test_class("Base", {}, {{"__init_subclass__", method(&init_subclass_row)}});
  REQUIRE(base);
  Ref<Str> keyword = make_str(std::string_view("flavour"));
  Ref<Tuple> keyword_names = make_tuple({keyword.get()});
  Ref<> value = make_int(1);
  Object* keyword_values[] = {value.get()};
  Ref<Dict> namespace_dict = make_dict();
  Ref<Str> class_name = make_str(std::string_view("Derived"));
  Ref<Tuple> bases = make_tuple({base.get()});
  Ref<> derived = make_class(nullptr, class_name.get(), bases.get(), namespace_dict.get(),
                             CallArgs{keyword_values, 1, keyword_names.get()});
  REQUIRE(derived);
  Ref<> seen = get_attribute(derived.get(), "seen");
  REQUIRE(seen);
  REQUIRE(is_tuple(seen.get()));
  REQUIRE(tuple_size(static_cast<Tuple*>(seen.get())) == 1);
  CHECK(static_cast<Tuple*>(seen.get())->items[0].get() == keyword.get());
  CHECK(std::string(type_name(static_cast<Type*>(derived.get()))) == "Derived");
  // type(x) and type(name, bases, dict).
  Ref<> instance = instantiate(derived.get());
  CHECK(call(&type_type, {instance.get()}).get() == derived.get());
  Ref<Tuple> no_bases = empty_tuple();
  Ref<Dict> empty_namespace = make_dict();
  Ref<Str> made_name = make_str(std::string_view("Made"));
  Ref<> made = call(&type_type, {made_name.get(), no_bases.get(), empty_namespace.get()});
  REQUIRE(made);
  CHECK(std::string(type_name(static_cast<Type*>(made.get()))) == "Made");
  CHECK(static_cast<Type*>(made.get())->base == &object_type);
}

TEST_CASE("The class body's __class__ cell receives the new class", "[objects]") {
  ObjectModelRun run;
  Ref<Cell> cell = make_object<Cell>(&cell_type);
  Ref<> cls = make_test_class("WithCell", {}, {{"__classcell__", cell}});
  REQUIRE(cls);
  CHECK(cell->contents.get() == cls.get());
  CHECK(!dict_lookup_str(static_cast<Type*>(cls.get())->dict, "__classcell__"));
}

TEST_CASE("super(C, obj) finds the next class's attribute", "[objects]") {
  ObjectModelRun run;
  Ref<> base = make_test_class("Base", {}, {{"method", method(&answer_row)}});
  Ref<> derived = make_test_class("Derived", {base.get()}, {{"method", make_int(0)}});
  Ref<> instance = instantiate(derived.get());
  Ref<> proxy = call(&super_type, {derived.get(), instance.get()});
  REQUIRE(proxy);
  Ref<> bound = get_attribute(proxy.get(), "method");
  REQUIRE(bound);
  CHECK(repr_text(call(bound.get(), {}).get()) == "42");
}

TEST_CASE("Reprs of classes and builtin callables match CPython's", "[objects]") {
  ObjectModelRun run;
  Ref<> cls = make_test_class("C", {});
  Ref<> instance = instantiate(cls.get());
  CHECK(repr_text(cls.get()) == cpython_repr("class_repr"));
  CHECK(repr_text(&int_type) == cpython_repr("builtin_class_repr"));
  CHECK(repr_text(call(&super_type, {cls.get(), instance.get()}).get()) ==
        cpython_repr("super_repr"));
  CHECK(repr_text(call(&super_type, {cls.get()}).get()) == cpython_repr("unbound_super_repr"));
  CHECK(repr_text(get_attribute(&int_type, "__add__").get()) == cpython_repr("slot_wrapper_repr"));
  CHECK(repr_text(get_attribute(&object_type, "__init__").get()) ==
        cpython_repr("object_init_repr"));
  Ref<NativeFunction> append = make_object<NativeFunction>(&method_descriptor_type);
  append->method = &append_row;
  append->owner = &list_type;
  CHECK(repr_text(append.get()) == cpython_repr("method_descriptor_repr"));
  CHECK(repr_text(make_native_function(&len_row, nullptr).get()) ==
        cpython_repr("builtin_function_repr"));
  CHECK(repr_text(make_module("sys").get()) == cpython_repr("module_repr"));
  CHECK(repr_starts_as_cpython(instance.get(), "object_repr"));
  Ref<> one = make_int(1);
  CHECK(repr_starts_as_cpython(get_attribute(one.get(), "__add__").get(), "bound_slot_wrapper_repr"));
  Ref<> list = make_list();
  Ref<NativeFunction> bound_append = make_native_function(&append_row, list.get());
  CHECK(repr_starts_as_cpython(bound_append.get(), "bound_builtin_method_repr"));
  const NativeMethod fromkeys_row{"fromkeys", return_none, MethodKind::class_};
  Ref<NativeFunction> fromkeys = make_object<NativeFunction>(&classmethod_descriptor_type);
  fromkeys->method = &fromkeys_row;
  fromkeys->owner = &dict_type;
  Ref<> bound_fromkeys = fromkeys->type->descriptor_get(fromkeys.get(), nullptr, &dict_type);
  CHECK(repr_starts_as_cpython(bound_fromkeys.get(), "class_method_repr"));
  CHECK(repr_text(&none_object) == cpython_repr("none_repr"));
  CHECK(repr_text(&not_implemented_object) == cpython_repr("not_implemented_repr"));
  CHECK(repr_text(&ellipsis_object) == cpython_repr("ellipsis_repr"));
}

TEST_CASE("property, staticmethod and classmethod bind as CPython's do", "[objects]") {
  ObjectModelRun run;
  // p = property(getter); p = p.setter(setter): the copy keeps the getter.
  Ref<> getter = method(&answer_row);
  Ref<> setter = method(&none_row);
  Ref<> read_only = call(&property_type, {getter.get()});
  Ref<> setter_method = get_attribute(read_only.get(), "setter");
  Ref<> read_write = call(setter_method.get(), {setter.get()});
  REQUIRE(read_write);
  CHECK(read_write.get() != read_only.get());
  Ref<> wrapped = make_staticmethod(method(&answer_row).get());
  Ref<> class_bound = make_classmethod(method(&self_row).get());
  Ref<> cls =
      make_test_class("Holder", {}, {{"p", read_write}, {"s", wrapped}, {"c", class_bound}});
  Ref<> instance = instantiate(cls.get());
  CHECK(repr_text(get_attribute(instance.get(), "p").get()) == "42");
  Ref<> seven = make_int(7);
  CHECK(set_attribute(instance.get(), name("p"), seven.get()) == 0);
  CHECK(get_attribute(cls.get(), "p").get() == read_write.get());
  // The static method is the plain callable, from the class and from an instance.
  Ref<> from_instance = get_attribute(instance.get(), "s");
  CHECK(from_instance->type == &method_descriptor_type);
  // The class method binds to the class, even through an instance.
  CHECK(call_method(instance.get(), "c", {}).get() == cls.get());
  CHECK(call_method(cls.get(), "c", {}).get() == cls.get());
}

TEST_CASE("Truth, calls, containment and iteration go through the dunders", "[objects]") {
  ObjectModelRun run;
  const NativeMethod length_row{"__len__", return_answer};
  const NativeMethod call_row{"__call__", return_answer};
  Ref<> sized = make_test_class(
      "Sized", {}, {{"__len__", method(&length_row)}, {"__call__", method(&call_row)}});
  Ref<> instance = instantiate(sized.get());
  CHECK(truthy(instance.get()) == 1);
  CHECK(length(instance.get()) == 42);
  CHECK(repr_text(call(instance.get(), {}).get()) == "42");
  // Bare objects are true; a class with __getitem__ only is iterable by index.
  Ref<> plain = instantiate(&object_type);
  CHECK(truthy(plain.get()) == 1);
  Ref<> empty_class = make_test_class("C", {});
  Ref<> empty = instantiate(empty_class.get());
  CHECK(contains(empty.get(), plain.get()) == -1);
  CHECK(take_error().message == cpython_message("not_container"));
}

TEST_CASE("A metaclass derived from type makes and calls classes", "[objects]") {
  ObjectModelRun run;
  Ref<> meta = make_test_class("Meta", {&type_type});
  REQUIRE(meta);
  Ref<> cls = make_test_class("WithMeta", {}, {}, meta.get());
  REQUIRE(cls);
  CHECK(cls->type == static_cast<Type*>(meta.get()));
  Ref<> derived = make_test_class("Derived", {cls.get()});
  REQUIRE(derived);
  CHECK(derived->type == static_cast<Type*>(meta.get()));  // inherited from the base
  Ref<> instance = instantiate(derived.get());
  CHECK(instance->type == static_cast<Type*>(derived.get()));
  CHECK(is_instance_of(derived.get(), meta.get()) == 1);
  CHECK(is_subclass_of(derived.get(), cls.get()) == 1);
  Ref<> mro = get_attribute(derived.get(), "__mro__");
  REQUIRE(mro);
  CHECK(tuple_size(static_cast<Tuple*>(mro.get())) == 3);
  Ref<> class_name = get_attribute(derived.get(), "__name__");
  CHECK(repr_text(class_name.get()) == "'Derived'");
}

TEST_CASE("super() without the VM's frame hook raises CPython's RuntimeError", "[objects]") {
  ObjectModelRun run;
  auto* saved_hook = current_frame_super_arguments;
  current_frame_super_arguments = nullptr;
  CHECK(!call(&super_type, {}));
  RaisedError error = take_error();
  current_frame_super_arguments = saved_hook;
  CHECK(error.type == "RuntimeError");
  CHECK(error.message == cpython_message("super_no_arguments"));
}

TEST_CASE("Reference counts and heap bytes return to their start", "[objects]") {
  ObjectModelRun run;
  Ref<> cls = make_test_class("Counted", {},
                              {{"method", method(&answer_row)}, {"__eq__", method(&true_row)}});
  REQUIRE(cls);
  auto exercise = [&] {
    Ref<> instance = instantiate(cls.get());
    Ref<> value = make_int(12345);
    REQUIRE(set_attribute(instance.get(), name("field"), value.get()) == 0);
    Ref<> fetched = get_attribute(instance.get(), "field");
    CHECK(fetched.get() == value.get());
    Ref<> result = call_method(instance.get(), "method", {});
    CHECK(repr_text(result.get()) == "42");
    CHECK(compare_truth(instance.get(), value.get(), CompareOp::equal) == 1);
    CHECK(compare_truth(instance.get(), value.get(), CompareOp::not_equal) == 0);
    CHECK(!get_attribute(instance.get(), "missing"));
    clear_exception();
    CHECK(cls->refcount > 1);
  };
  exercise();  // interns the names and fills the lookup caches once
  uint32_t class_count = cls->refcount;
  size_t heap_before = run.state().heap_bytes;
  exercise();
  CHECK(cls->refcount == class_count);
  CHECK(run.state().heap_bytes == heap_before);
  cls = nullptr;
  CHECK(run.tear_down() == 0);
}

TEST_CASE("Passing the heap cap raises MemoryError", "[objects]") {
  ObjectModelRun run;
  Runtime& state = run.state();
  std::vector<Ref<>> kept;
  kept.reserve(10000);  // the test's own vector must not use up the room it measures
  state.heap_limit = heap_in_use() + 4096;
  bool failed = false;
  for (int i = 0; i < 10000 && !failed; ++i) {
    Ref<> cls_instance = instantiate(&object_type);
    if (!cls_instance)
      failed = true;
    else
      kept.push_back(std::move(cls_instance));
  }
  REQUIRE(failed);
  CHECK(exception_matches(memory_error_type));
  CHECK(!kept.empty());
  clear_exception();
  kept.clear();
  state.heap_limit = state.options.max_memory;
}
