// aio::Result<T> and aio::Error: errors are values (DESIGN.md decision 5). A Result holds
// exactly one side; copies, moves and assignments between the sides destroy what they
// replace (Counted checks that nothing leaks or is destroyed twice).
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "core/aio/error.hpp"
#include "tests/unit/support/counted.hpp"

using test_support::Counted;
using test_support::CountedScope;

namespace {

// A binding's exception object riding on an Error.
struct Payload final : aio::ErrorPayload {
  explicit Payload(int code_) : code(code_) {}
  int code;
  Counted alive;  // counts the payload itself
};

}  // namespace

TEST_CASE("result: a value or an error", "[result]") {
  aio::Result<int> value = 3;
  REQUIRE(value.ok());
  REQUIRE(bool(value));
  REQUIRE(value.value() == 3);
  aio::Result<int> error = aio::Error(aio::ErrorKind::timeout);
  REQUIRE_FALSE(error.ok());
  REQUIRE(error.error().is(aio::ErrorKind::timeout));
  REQUIRE(error.error().kind() == aio::ErrorKind::timeout);
  REQUIRE(error.error().message().empty());
  aio::Result<std::string> moved = std::string("text");
  std::string taken = std::move(moved).value();
  REQUIRE(taken == "text");
}

TEST_CASE("result: Result<void>", "[result]") {
  aio::Result<void> ok;
  REQUIRE(ok.ok());
  ok.value();  // does not abort
  aio::Result<void> failed = aio::Error(aio::ErrorKind::runtime_error, "Lock is not acquired.");
  REQUIRE_FALSE(failed);
  REQUIRE(failed.error().describe() == "RuntimeError: Lock is not acquired.");
  aio::Result<void> copy = failed;
  REQUIRE(copy.error().message() == "Lock is not acquired.");
}

TEST_CASE("result: copies, moves and assignments destroy what they replace", "[result]") {
  CountedScope counting;
  {
    aio::Result<Counted> a = Counted(1);
    REQUIRE(Counted::live() == 1);
    aio::Result<Counted> b = a;  // copy
    REQUIRE(Counted::live() == 2);
    aio::Result<Counted> c = std::move(a);  // move leaves a moved-from Counted in a
    REQUIRE(Counted::live() == 3);
    REQUIRE(c.value().id == 1);
    b = aio::Error(aio::ErrorKind::user, "replaced");  // value -> error
    REQUIRE(Counted::live() == 2);
    REQUIRE(b.error().message() == "replaced");
    b = c;  // error -> value
    REQUIRE(Counted::live() == 3);
    REQUIRE(b.value().id == 1);
    aio::Result<Counted>& same = b;
    b = same;  // self-assignment keeps the value
    REQUIRE(b.value().id == 1);
    REQUIRE(Counted::live() == 3);
    c = Counted(2);  // value -> value
    REQUIRE(c.value().id == 2);
    REQUIRE(Counted::live() == 3);
  }
  REQUIRE(Counted::live() == 0);
}

TEST_CASE("error: describe names the Python class", "[result]") {
  using aio::ErrorKind;
  REQUIRE(aio::Error(ErrorKind::cancelled).describe() == "CancelledError");
  REQUIRE(aio::Error(ErrorKind::cancelled, "why").describe() == "CancelledError: why");
  REQUIRE(aio::Error(ErrorKind::timeout).describe() == "TimeoutError");
  REQUIRE(aio::Error(ErrorKind::invalid_state, "x").describe() == "InvalidStateError: x");
  REQUIRE(aio::Error(ErrorKind::queue_empty).describe() == "QueueEmpty");
  REQUIRE(aio::Error(ErrorKind::queue_full).describe() == "QueueFull");
  REQUIRE(aio::Error(ErrorKind::value_error).describe() == "ValueError");
  REQUIRE(aio::Error(ErrorKind::runtime_error).describe() == "RuntimeError");
  REQUIRE(aio::Error(ErrorKind::exception_group).describe() == "BaseExceptionGroup");
  REQUIRE(aio::Error(ErrorKind::deadlock).describe() == "Deadlock");
  REQUIRE(aio::Error(ErrorKind::interrupted).describe() == "KeyboardInterrupt");
  REQUIRE(aio::Error(ErrorKind::user, "boom").describe() == "Exception: boom");
}

TEST_CASE("error: groups keep their children in order", "[result]") {
  aio::Error group = aio::Error::group(
      "unhandled errors in a TaskGroup",
      {aio::Error(aio::ErrorKind::value_error, "a"), aio::Error(aio::ErrorKind::timeout)});
  REQUIRE(group.is(aio::ErrorKind::exception_group));
  REQUIRE(group.describe() == "BaseExceptionGroup: unhandled errors in a TaskGroup");
  REQUIRE(group.children().size() == 2);
  REQUIRE(group.children()[0].describe() == "ValueError: a");
  REQUIRE(group.children()[1].is(aio::ErrorKind::timeout));
  REQUIRE(aio::Error(aio::ErrorKind::user).children().empty());
}

TEST_CASE("error: the payload comes back unchanged and is freed with the last copy", "[result]") {
  CountedScope counting;
  {
    aio::Error original(aio::ErrorKind::user, "ZeroDivisionError", aio::make_ref<Payload>(42));
    REQUIRE(Counted::live() == 1);
    aio::Error copy = original;
    aio::Result<int> carried = copy;
    REQUIRE(static_cast<Payload*>(carried.error().payload())->code == 42);
    REQUIRE(carried.error().payload() == original.payload());  // shared, not cloned
    REQUIRE(Counted::live() == 1);
    REQUIRE(aio::Error(aio::ErrorKind::user).payload() == nullptr);
  }
  REQUIRE(Counted::live() == 0);
}
