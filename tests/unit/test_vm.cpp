// The stackless VM (core/py/vm): hand-assembled code objects run through
// start_module_execution/resume and call_python — arithmetic, jumps, calls and CPython's
// argument-binding messages (recorded by scripts/record_call_errors.py), generators,
// blocking calls suspending a chain of Python frames, and the recursion limit.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/host/host.hpp"
#include "core/py/compiler/code.hpp"
#include "core/py/objects/abstract.hpp"
#include "core/py/objects/dict.hpp"
#include "core/py/objects/errors.hpp"
#include "core/py/objects/exceptions.hpp"
#include "core/py/objects/int.hpp"
#include "core/py/objects/native_function.hpp"
#include "core/py/objects/runtime.hpp"
#include "core/py/objects/str.hpp"
#include "core/py/objects/tuple.hpp"
#include "core/py/vm/execution.hpp"
#include "core/py/vm/function.hpp"
#include "core/py/vm/interpreter.hpp"
#include "support/expected_output.hpp"
#include "support/string_host.hpp"

using namespace py;

namespace {

// One run with its Runtime installed.
struct Run {
  test_support::StringHost host;
  Interpreter interpreter{host, RunOptions{}};
};

// Builds a code object instruction by instruction.
class Assembler {
 public:
  explicit Assembler(std::string_view name) : code_(make_code()) {
    code_->name = intern(name);
    code_->qualified_name = intern(name);
    code_->filename = intern("main.py");
    code_->first_line = 1;
  }
  uint32_t constant(Ref<> value) {
    code_->constants.push_back(std::move(value));
    return uint32_t(code_->constants.size() - 1);
  }
  uint32_t name(std::string_view text) {
    code_->names.push_back(intern(text));
    return uint32_t(code_->names.size() - 1);
  }
  uint32_t here() const { return uint32_t(code_->instructions.size()); }
  uint32_t emit(Opcode opcode, uint32_t argument = 0, int line = 1) {
    code_->instructions.push_back(make_instruction(opcode, argument));
    code_->positions.push_back({line, line, 0, 0});
    return here() - 1;
  }
  void patch(uint32_t at, uint32_t target) {
    code_->instructions[at] = make_instruction(instruction_opcode(code_->instructions[at]), target);
  }
  Code* code() { return code_.get(); }
  Ref<Code> finish(uint32_t stack_size, uint32_t block_depth = 0) {
    code_->stack_size = stack_size;
    code_->block_depth = block_depth;
    return code_;
  }

 private:
  Ref<Code> code_;
};

// A function's code: parameters, then `body` fills the instructions.
Ref<Code> function_code(std::string_view name, std::vector<std::string> locals,
                        uint32_t argument_count, uint32_t flags,
                        const std::function<void(Assembler&)>& body, uint32_t stack_size,
                        uint32_t block_depth = 0) {
  Assembler assembler(name);
  for (const std::string& local : locals) assembler.code()->local_names.push_back(intern(local));
  assembler.code()->argument_count = argument_count;
  assembler.code()->flags = code_flag_optimized | code_flag_new_locals | flags;
  body(assembler);
  return assembler.finish(stack_size, block_depth);
}

std::string message_of(Object* exception) {
  Ref<Str> text = to_str(exception);
  return text ? text->value : "<str() failed>";
}

// Takes the pending exception's "Type: message".
std::string take_error() {
  Ref<> exception = take_exception();
  if (!exception) return "<no exception>";
  return std::string(type_name(exception->type)) + ": " + message_of(exception.get());
}

Ref<Dict> new_globals() {
  Ref<Dict> globals = make_dict();
  Ref<Str> name = make_str(std::string_view("__main__"));
  dict_set_str(globals.get(), "__name__", name.get());
  return globals;
}

// Runs module code to completion (no blocking), returning its status.
ResumeStatus run_module(Code* code, Dict* globals) {
  Ref<> execution = start_module_execution(code, globals);
  REQUIRE(execution);
  return resume(execution.get(), &none_object).status;
}

int64_t int_value(Object* object) {
  REQUIRE(object);
  REQUIRE(is_int(object));
  int64_t value = 0;
  REQUIRE(int_to_int64(static_cast<Int*>(object), &value));
  return value;
}

// Module code: name = <function made from code> (MAKE_FUNCTION without extras).
void define_function(Assembler& module, Ref<Code> code, std::string_view name) {
  module.emit(Opcode::LOAD_CONST, module.constant(code));
  module.emit(Opcode::LOAD_CONST, module.constant(make_str(name)));
  module.emit(Opcode::MAKE_FUNCTION, 0);
  module.emit(Opcode::STORE_NAME, module.name(name));
}

}  // namespace

TEST_CASE("vm runs arithmetic and stores names", "[vm]") {
  Run run;
  Assembler module("<module>");
  module.emit(Opcode::LOAD_CONST, module.constant(make_int(2)));
  module.emit(Opcode::LOAD_CONST, module.constant(make_int(3)));
  module.emit(Opcode::BINARY_OP, uint32_t(BinaryOp::add));
  module.emit(Opcode::LOAD_CONST, module.constant(make_int(7)));
  module.emit(Opcode::BINARY_OP, uint32_t(BinaryOp::multiply));
  module.emit(Opcode::STORE_NAME, module.name("x"));
  module.emit(Opcode::LOAD_CONST, module.constant(none()));
  module.emit(Opcode::RETURN_VALUE);
  Ref<Dict> globals = new_globals();
  REQUIRE(run_module(module.finish(2).get(), globals.get()) == ResumeStatus::returned);
  CHECK(int_value(dict_lookup_str(globals.get(), "x")) == 35);
}

TEST_CASE("vm loops with jumps over fast locals", "[vm]") {
  Run run;
  // def total(n): s = 0; i = 0; while i < n: s += i; i += 1; return s
  Ref<Code> total = function_code("total", {"n", "s", "i"}, 1, 0, [](Assembler& a) {
    uint32_t zero = a.constant(make_int(0));
    uint32_t one = a.constant(make_int(1));
    a.emit(Opcode::LOAD_CONST, zero);
    a.emit(Opcode::STORE_FAST, 1);
    a.emit(Opcode::LOAD_CONST, zero);
    a.emit(Opcode::STORE_FAST, 2);
    uint32_t loop = a.emit(Opcode::LOAD_FAST, 2);
    a.emit(Opcode::LOAD_FAST, 0);
    a.emit(Opcode::COMPARE_OP, uint32_t(CompareOp::less));
    uint32_t exit_jump = a.emit(Opcode::POP_JUMP_IF_FALSE, 0);
    a.emit(Opcode::LOAD_FAST, 1);
    a.emit(Opcode::LOAD_FAST, 2);
    a.emit(Opcode::INPLACE_OP, uint32_t(BinaryOp::add));
    a.emit(Opcode::STORE_FAST, 1);
    a.emit(Opcode::LOAD_FAST, 2);
    a.emit(Opcode::LOAD_CONST, one);
    a.emit(Opcode::INPLACE_OP, uint32_t(BinaryOp::add));
    a.emit(Opcode::STORE_FAST, 2);
    a.emit(Opcode::JUMP_ABSOLUTE, loop);
    a.patch(exit_jump, a.here());
    a.emit(Opcode::LOAD_FAST, 1);
    a.emit(Opcode::RETURN_VALUE);
  }, 2);
  Assembler module("<module>");
  define_function(module, total, "total");
  module.emit(Opcode::LOAD_NAME, module.name("total"));
  module.emit(Opcode::LOAD_CONST, module.constant(make_int(100)));
  module.emit(Opcode::CALL_FUNCTION, 1);
  module.emit(Opcode::STORE_NAME, module.name("result"));
  module.emit(Opcode::LOAD_CONST, module.constant(none()));
  module.emit(Opcode::RETURN_VALUE);
  Ref<Dict> globals = new_globals();
  REQUIRE(run_module(module.finish(3).get(), globals.get()) == ResumeStatus::returned);
  CHECK(int_value(dict_lookup_str(globals.get(), "result")) == 4950);
}

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream stream(text);
  while (std::getline(stream, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.push_back("");
  return parts;
}

std::vector<std::string> names_of(const std::string& list) {
  std::vector<std::string> names;
  for (const std::string& name : split(list, ','))
    if (!name.empty()) names.push_back(name);
  return names;
}

// `f` with the recorded signature (see scripts/record_call_errors.py).
Ref<Function> function_for_signature(const std::string& signature, Dict* globals) {
  std::vector<std::string> fields = split(signature, ';');
  REQUIRE(fields.size() == 7);
  std::vector<std::string> positional_only = names_of(fields[0]);
  std::vector<std::string> positional = names_of(fields[1]);
  size_t default_count = std::stoul(fields[2]);
  bool varargs = fields[3] == "1";
  std::vector<std::string> keyword_only = names_of(fields[4]);
  std::vector<std::string> keyword_defaults = names_of(fields[5]);
  bool varkeywords = fields[6] == "1";
  std::vector<std::string> locals = positional_only;
  locals.insert(locals.end(), positional.begin(), positional.end());
  uint32_t argument_count = uint32_t(locals.size());
  locals.insert(locals.end(), keyword_only.begin(), keyword_only.end());
  if (varargs) locals.push_back("args");
  if (varkeywords) locals.push_back("kwargs");
  uint32_t flags = (varargs ? uint32_t(code_flag_varargs) : 0u) |
                   (varkeywords ? uint32_t(code_flag_varkeywords) : 0u);
  Ref<Code> code = function_code("f", locals, argument_count, flags, [](Assembler& a) {
    a.emit(Opcode::LOAD_CONST, a.constant(none()));
    a.emit(Opcode::RETURN_VALUE);
  }, 1);
  code->positional_only_count = uint32_t(positional_only.size());
  code->keyword_only_count = uint32_t(keyword_only.size());
  Ref<Tuple> defaults;
  if (default_count) {
    std::vector<Ref<>> values;
    for (size_t i = 0; i < default_count; ++i) values.push_back(make_int(0));
    defaults = make_tuple(std::move(values));
  }
  Ref<Dict> keyword_default_dict;
  if (!keyword_defaults.empty()) {
    keyword_default_dict = make_dict();
    for (const std::string& name : keyword_defaults) {
      Ref<> zero = make_int(0);
      dict_set_str(keyword_default_dict.get(), name, zero.get());
    }
  }
  Ref<Str> qualified_name = make_str(std::string_view("f"));
  return make_function(code.get(), globals, qualified_name.get(), defaults.get(),
                       keyword_default_dict.get(), nullptr, nullptr);
}

}  // namespace

TEST_CASE("vm binds arguments with CPython's error messages", "[vm]") {
  Run run;
  std::ifstream file(test_support::source_path("tests/unit/data/call_errors.tsv"));
  REQUIRE(file);
  Ref<Dict> globals = new_globals();
  std::string line;
  int rows = 0;
  while (std::getline(file, line)) {
    std::vector<std::string> fields = split(line, '\t');
    REQUIRE(fields.size() == 4);
    Ref<Function> function = function_for_signature(fields[0], globals.get());
    size_t positional_count = std::stoul(fields[1]);
    std::vector<std::string> keywords = names_of(fields[2]);
    std::vector<Ref<>> owned;
    std::vector<Object*> values;
    for (size_t i = 0; i < positional_count + keywords.size(); ++i) {
      owned.push_back(make_int(int64_t(i)));
      values.push_back(owned.back().get());
    }
    std::vector<Ref<>> names;
    for (const std::string& keyword : keywords) names.push_back(intern(keyword));
    Ref<Tuple> keyword_names = names.empty() ? nullptr : make_tuple(std::move(names));
    Ref<> result = call_python(function.get(), CallArgs{values.data(), values.size(), keyword_names.get()});
    std::string outcome = result ? "ok" : message_of(take_exception().get());
    INFO(line);
    CHECK(outcome == fields[3]);
    ++rows;
  }
  CHECK(rows > 200);
}

namespace {

// def f(): x = yield 1; yield x; return 'done'
Ref<Code> simple_generator_code() {
  return function_code("gen", {"x"}, 0, code_flag_generator, [](Assembler& a) {
    a.emit(Opcode::GEN_START, 0);
    a.emit(Opcode::LOAD_CONST, a.constant(make_int(1)));
    a.emit(Opcode::YIELD_VALUE);
    a.emit(Opcode::STORE_FAST, 0);
    a.emit(Opcode::LOAD_FAST, 0);
    a.emit(Opcode::YIELD_VALUE);
    a.emit(Opcode::POP_TOP);
    a.emit(Opcode::LOAD_CONST, a.constant(make_str(std::string_view("done"))));
    a.emit(Opcode::RETURN_VALUE);
  }, 1);
}

// def f():
//     try: yield 1
//     except BaseException: yield 'caught'
Ref<Code> catching_generator_code() {
  return function_code("gen", {}, 0, code_flag_generator, [](Assembler& a) {
    a.emit(Opcode::GEN_START, 0);
    uint32_t setup = a.emit(Opcode::SETUP_FINALLY, 0);
    a.emit(Opcode::LOAD_CONST, a.constant(make_int(1)));
    a.emit(Opcode::YIELD_VALUE);
    a.emit(Opcode::POP_TOP);
    a.emit(Opcode::POP_BLOCK);
    uint32_t skip = a.emit(Opcode::JUMP_FORWARD, 0);
    a.patch(setup, a.here());
    a.emit(Opcode::POP_TOP);
    a.emit(Opcode::POP_EXCEPT);
    a.emit(Opcode::LOAD_CONST, a.constant(make_str(std::string_view("caught"))));
    a.emit(Opcode::YIELD_VALUE);
    a.emit(Opcode::POP_TOP);
    a.patch(skip, a.here());
    a.emit(Opcode::LOAD_CONST, a.constant(none()));
    a.emit(Opcode::RETURN_VALUE);
  }, 2, 2);
}

Ref<> make_generator_from(Ref<Code> code, Dict* globals) {
  Ref<Str> name = make_str(std::string_view("gen"));
  Ref<Function> function = make_function(code.get(), globals, name.get(), nullptr, nullptr,
                                         nullptr, nullptr);
  Ref<> generator = call_python(function.get(), CallArgs{});
  REQUIRE(generator);
  return generator;
}

}  // namespace

TEST_CASE("vm generators send values and finish with StopIteration", "[vm]") {
  Run run;
  Ref<Dict> globals = new_globals();
  Ref<> generator = make_generator_from(simple_generator_code(), globals.get());
  CHECK(std::string(type_name(generator->type)) == "generator");
  Ref<> five = make_int(5);
  CHECK(!call_method(generator.get(), "send", {five.get()}));
  CHECK(take_error() == "TypeError: can't send non-None value to a just-started generator");
  CHECK(int_value(iter_next(generator.get()).get()) == 1);
  CHECK(int_value(call_method(generator.get(), "send", {five.get()}).get()) == 5);
  CHECK(!call_method(generator.get(), "send", {&none_object}));
  REQUIRE(exception_matches(stop_iteration_type));
  CHECK(message_of(take_exception().get()) == "done");
  CHECK(!iter_next(generator.get()));
  CHECK(!exception_pending());
}

TEST_CASE("vm generators take thrown exceptions and closing", "[vm]") {
  Run run;
  Ref<Dict> globals = new_globals();
  Ref<> generator = make_generator_from(catching_generator_code(), globals.get());
  CHECK(int_value(iter_next(generator.get()).get()) == 1);
  Ref<> thrown = call_method(generator.get(), "throw", {&value_error_type});
  REQUIRE(thrown);
  CHECK(message_of(thrown.get()) == "caught");
  CHECK(!iter_next(generator.get()));
  CHECK(!exception_pending());

  Ref<> stubborn = make_generator_from(catching_generator_code(), globals.get());
  CHECK(int_value(iter_next(stubborn.get()).get()) == 1);
  CHECK(!call_method(stubborn.get(), "close", {}));
  CHECK(take_error() == "RuntimeError: generator ignored GeneratorExit");

  Ref<> fresh = make_generator_from(simple_generator_code(), globals.get());
  CHECK(call_method(fresh.get(), "close", {}));
  CHECK(!iter_next(fresh.get()));
  CHECK(!exception_pending());
}

namespace {

// A blocking native call whose outcome is 41.
class FortyOne final : public BlockingCall {
 public:
  Ref<> complete() override { return make_int(41); }
  const char* name() const override { return "blocker()"; }
};

Ref<> blocker(Object*, CallArgs) { return request_blocking_call(new FortyOne); }
const NativeMethod blocker_method = {"blocker", blocker};

}  // namespace

TEST_CASE("vm suspends a chain of Python frames on a blocking call", "[vm]") {
  Run run;
  Ref<Dict> globals = new_globals();
  Ref<> native = make_native_function(&blocker_method, nullptr);
  dict_set_str(globals.get(), "blocker", native.get());
  // def inner(): return blocker() + 1
  Ref<Code> inner = function_code("inner", {}, 0, 0, [](Assembler& a) {
    a.emit(Opcode::LOAD_GLOBAL, a.name("blocker"));
    a.emit(Opcode::CALL_FUNCTION, 0);
    a.emit(Opcode::LOAD_CONST, a.constant(make_int(1)));
    a.emit(Opcode::BINARY_OP, uint32_t(BinaryOp::add));
    a.emit(Opcode::RETURN_VALUE);
  }, 2);
  // def outer(): return inner() * 2
  Ref<Code> outer = function_code("outer", {}, 0, 0, [](Assembler& a) {
    a.emit(Opcode::LOAD_GLOBAL, a.name("inner"));
    a.emit(Opcode::CALL_FUNCTION, 0);
    a.emit(Opcode::LOAD_CONST, a.constant(make_int(2)));
    a.emit(Opcode::BINARY_OP, uint32_t(BinaryOp::multiply));
    a.emit(Opcode::RETURN_VALUE);
  }, 2);
  Assembler module("<module>");
  define_function(module, inner, "inner");
  define_function(module, outer, "outer");
  module.emit(Opcode::LOAD_NAME, module.name("outer"));
  module.emit(Opcode::CALL_FUNCTION, 0);
  module.emit(Opcode::STORE_NAME, module.name("result"));
  module.emit(Opcode::LOAD_CONST, module.constant(none()));
  module.emit(Opcode::RETURN_VALUE);
  Ref<> execution = start_module_execution(module.finish(2).get(), globals.get());
  REQUIRE(execution);
  ResumeResult first = resume(execution.get(), &none_object);
  REQUIRE(first.status == ResumeStatus::blocked);
  CHECK(runtime().recursion_depth == 0);
  std::unique_ptr<BlockingCall> call(take_blocking_call());
  REQUIRE(call);
  Ref<> outcome = call->complete();
  ResumeResult second = resume(execution.get(), outcome.get());
  REQUIRE(second.status == ResumeStatus::returned);
  CHECK(int_value(dict_lookup_str(globals.get(), "result")) == 84);

  // Called from native code, the same function cannot block.
  Object* inner_function = dict_lookup_str(globals.get(), "inner");
  CHECK(!call_python(inner_function, CallArgs{}));
  CHECK(take_error() ==
        "RuntimeError: blocker() cannot block inside code called from a built-in function");
}

namespace {

// def f(n): return 0 if n == 0 else f(n - 1) + 1
Ref<Code> counting_recursion_code() {
  return function_code("f", {"n"}, 1, 0, [](Assembler& a) {
    uint32_t zero = a.constant(make_int(0));
    uint32_t one = a.constant(make_int(1));
    a.emit(Opcode::LOAD_FAST, 0);
    a.emit(Opcode::LOAD_CONST, zero);
    a.emit(Opcode::COMPARE_OP, uint32_t(CompareOp::equal));
    uint32_t jump = a.emit(Opcode::POP_JUMP_IF_FALSE, 0);
    a.emit(Opcode::LOAD_CONST, zero);
    a.emit(Opcode::RETURN_VALUE);
    a.patch(jump, a.here());
    a.emit(Opcode::LOAD_GLOBAL, a.name("f"));
    a.emit(Opcode::LOAD_FAST, 0);
    a.emit(Opcode::LOAD_CONST, one);
    a.emit(Opcode::BINARY_OP, uint32_t(BinaryOp::subtract));
    a.emit(Opcode::CALL_FUNCTION, 1);
    a.emit(Opcode::LOAD_CONST, one);
    a.emit(Opcode::BINARY_OP, uint32_t(BinaryOp::add));
    a.emit(Opcode::RETURN_VALUE);
  }, 3);
}

ResumeStatus call_f(Dict* globals, int64_t n) {
  Assembler module("<module>");
  module.emit(Opcode::LOAD_NAME, module.name("f"));
  module.emit(Opcode::LOAD_CONST, module.constant(make_int(n)));
  module.emit(Opcode::CALL_FUNCTION, 1);
  module.emit(Opcode::STORE_NAME, module.name("result"));
  module.emit(Opcode::LOAD_CONST, module.constant(none()));
  module.emit(Opcode::RETURN_VALUE);
  return run_module(module.finish(2).get(), globals);
}

}  // namespace

TEST_CASE("vm recursion is stackless and stops at the recursion limit", "[vm]") {
  Run run;
  Ref<Dict> globals = new_globals();
  Assembler module("<module>");
  define_function(module, counting_recursion_code(), "f");
  module.emit(Opcode::LOAD_CONST, module.constant(none()));
  module.emit(Opcode::RETURN_VALUE);
  REQUIRE(run_module(module.finish(3).get(), globals.get()) == ResumeStatus::returned);

  REQUIRE(call_f(globals.get(), 500) == ResumeStatus::returned);
  CHECK(int_value(dict_lookup_str(globals.get(), "result")) == 500);

  REQUIRE(call_f(globals.get(), 5000) == ResumeStatus::raised);
  CHECK(take_error() == "RecursionError: maximum recursion depth exceeded");
  CHECK(runtime().recursion_depth == 0);

  runtime().recursion_limit = 1000000;
  REQUIRE(call_f(globals.get(), 100000) == ResumeStatus::returned);
  CHECK(int_value(dict_lookup_str(globals.get(), "result")) == 100000);
  CHECK(runtime().recursion_depth == 0);
}

namespace {

std::string read_file_or_empty(const std::string& relative) {
  std::ifstream file(test_support::source_path(relative), std::ios::binary);
  if (!file) return "";
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Runs tests/unit/data/vm_programs/NAME.py as main.py and compares stdout and stderr with
// what CPython printed (scripts/record_vm_programs.py).
void check_program(const std::string& name) {
  std::string base = "tests/unit/data/vm_programs/" + name;
  std::string source = read_file_or_empty(base + ".py");
  REQUIRE(!source.empty());
  test_support::StringHost host;
  int status;
  {
    Interpreter interpreter(host, RunOptions{});
    status = interpreter.run_main(source);
  }
  std::string expected_err = read_file_or_empty(base + ".err");
  CHECK(host.out == read_file_or_empty(base + ".out"));
  CHECK(host.err == expected_err);
  CHECK(status == (expected_err.find("Traceback") != std::string::npos ? 1 : 0));
}

}  // namespace

TEST_CASE("vm runs calls closures and methods as CPython", "[vm]") { check_program("calls"); }
TEST_CASE("vm runs generators as CPython", "[vm]") { check_program("generators"); }
TEST_CASE("vm handles exceptions as CPython", "[vm]") { check_program("exceptions"); }
TEST_CASE("vm runs coroutines and async generators as CPython", "[vm]") {
  check_program("coroutines");
}
TEST_CASE("vm prints chained tracebacks with carets as CPython", "[vm]") {
  check_program("traceback_chain");
}
TEST_CASE("vm collapses repeated traceback lines as CPython", "[vm]") {
  check_program("traceback_recursion");
}
TEST_CASE("vm runs except* clauses that raise as CPython", "[vm]") {
  check_program("except_star_handlers_raise");
}
TEST_CASE("vm keeps nested groups' shape through except* as CPython", "[vm]") {
  check_program("except_star_nested_groups");
}
TEST_CASE("vm wraps a plain exception for except* and truncates wide groups as CPython", "[vm]") {
  check_program("except_star_naked_exception");
}
TEST_CASE("vm ends a traceback with CPython's suggestion and the notes", "[vm]") {
  check_program("traceback_suggestion_and_notes");
}

namespace {

// A host that asks the run to stop once Python code has computed for `polls_allowed`
// Host::poll() periods (each host_poll_interval loop iterations).
class StoppingHost final : public host::Host {
 public:
  explicit StoppingHost(int polls_allowed) : polls_left(polls_allowed) {}
  double now() override { return 0; }
  void wait_until(std::optional<double>) override {}
  bool has_pending_io() override { return false; }
  void write(host::Stream stream, std::string_view text) override {
    (stream == host::Stream::stdout_stream ? out : err) += text;
  }
  void poll() override { --polls_left; }
  bool interrupted() override { return polls_left < 0; }
  int polls_left;   // poll() calls before interrupted() turns true
  std::string out;  // what the program printed
  std::string err;  // what it wrote to stderr
};

int run_until_stopped(StoppingHost& host, std::string_view source) {
  Interpreter interpreter(host, RunOptions{});
  return interpreter.run_main(source);
}

}  // namespace

TEST_CASE("vm stops an endless loop with KeyboardInterrupt when the host asks", "[vm]") {
  StoppingHost host(3);
  int status = run_until_stopped(host, "print('start')\nwhile True:\n    pass\n");
  CHECK(status != 0);
  CHECK(host.out == "start\n");
  CHECK(host.err.starts_with("Traceback (most recent call last):\n"));
  CHECK(host.err.ends_with("KeyboardInterrupt\n"));
}

TEST_CASE("vm stops at the next loop end a program that catches the interrupt", "[vm]") {
  StoppingHost host(0);
  int status = run_until_stopped(host,
                                 "caught = 0\n"
                                 "while True:\n"
                                 "    try:\n"
                                 "        while True:\n"
                                 "            pass\n"
                                 "    except KeyboardInterrupt:\n"
                                 "        caught += 1\n"
                                 "        print('caught', caught)\n");
  CHECK(status != 0);
  CHECK(host.out == "caught 1\n");
  CHECK(host.err.ends_with("KeyboardInterrupt\n"));
}

TEST_CASE("vm polls the host without stopping while it does not ask", "[vm]") {
  StoppingHost host(1000);
  int status = run_until_stopped(host, "n = 0\nfor i in range(100000):\n    n += i\nprint(n)\n");
  CHECK(status == 0);
  CHECK(host.out == "4999950000\n");
  CHECK(host.polls_left < 1000);
}

// Regression (found by fuzz/run_fuzzer on tests/scenarios/09_cpu_bound_blocks_loop.py): the
// KeyboardInterrupt asyncio.run raised when the host asked to stop was lost when the main
// task was freed (its "exception was never retrieved" report cleared it), so the module
// was resumed with a null exception to throw (UBSan: member access within null pointer).
TEST_CASE("vm stops an endless loop inside asyncio.run with KeyboardInterrupt", "[vm]") {
  StoppingHost host(2);
  int status = run_until_stopped(host,
                                 "import asyncio\n"
                                 "async def main():\n"
                                 "    while True:\n"
                                 "        pass\n"
                                 "asyncio.run(main())\n");
  CHECK(status != 0);
  CHECK(host.err.ends_with("KeyboardInterrupt\n"));
}
