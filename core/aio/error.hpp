// Errors are values (DESIGN.md decision 5): the core builds with
// -fno-exceptions, so every operation that can fail returns a Result<T>
// holding either its value or an Error. An Error names its kind the way
// asyncio names its exception classes; a language binding attaches its own
// exception object as the payload and gets it back unchanged.
#pragma once

#include <cstdlib>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/aio/ref.hpp"

namespace aio {

enum class ErrorKind : uint8_t {
  cancelled,        // asyncio.CancelledError
  timeout,          // TimeoutError (asyncio.TimeoutError is an alias in 3.11)
  invalid_state,    // asyncio.InvalidStateError
  queue_empty,      // asyncio.QueueEmpty
  queue_full,       // asyncio.QueueFull
  value_error,      // ValueError raised by the runtime (e.g. BoundedSemaphore)
  runtime_error,    // RuntimeError raised by the runtime (e.g. Lock not held)
  exception_group,  // BaseExceptionGroup from TaskGroup: see Error::children()
  deadlock,         // every task waits and nothing can wake one (decision 7)
  interrupted,      // the host asked the run to stop
  user,             // raised by user code; the payload says what
};

// The Python-facing class name of a kind, e.g. "CancelledError".
const char* error_kind_name(ErrorKind kind);

// Opaque data a binding attaches to an error (e.g. a Python exception).
class ErrorPayload : public RefCounted {
 public:
  // The class the error is an instance of, for describe() ("ValueError"); empty to use
  // the kind's name.
  virtual std::string class_name() const { return {}; }
};

class Error {
 public:
  explicit Error(ErrorKind kind) : kind_(kind) {}
  Error(ErrorKind kind, std::string message);
  Error(ErrorKind kind, std::string message, Ref<ErrorPayload> payload);
  static Error group(std::string message, std::vector<Error> children);

  ErrorKind kind() const { return kind_; }
  bool is(ErrorKind kind) const { return kind_ == kind; }
  const std::string& message() const;
  ErrorPayload* payload() const { return detail_ ? detail_->payload.get() : nullptr; }
  const std::vector<Error>& children() const;

  // "CancelledError: msg" or just the class name when there is no message. The class is
  // the payload's when it names one (a user error's "ValueError"), else the kind's.
  std::string describe() const;

 private:
  struct Detail : RefCounted {
    std::string message;
    Ref<ErrorPayload> payload;
    std::vector<Error> children;  // the member errors of an exception group
  };
  // detail_ first: the tail padding after kind_ can then hold a neighbour's
  // flag (Result<void> is 16 bytes, not 24).
  Ref<Detail> detail_;  // absent for a bare error of a kind (the common cancel)
  ErrorKind kind_;
};

// Either a value of T or an Error. Result<void> carries only success/failure.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : has_value_(true) { new (&value_) T(std::move(value)); }
  Result(Error error) : has_value_(false) { new (&error_) Error(std::move(error)); }
  Result(const Result& other) : has_value_(other.has_value_) {
    if (has_value_) new (&value_) T(other.value_);
    else new (&error_) Error(other.error_);
  }
  Result(Result&& other) noexcept : has_value_(other.has_value_) {
    if (has_value_) new (&value_) T(std::move(other.value_));
    else new (&error_) Error(std::move(other.error_));
  }
  Result& operator=(Result other) {
    this->~Result();
    new (this) Result(std::move(other));
    return *this;
  }
  ~Result() {
    if (has_value_) value_.~T();
    else error_.~Error();
  }

  bool ok() const { return has_value_; }
  explicit operator bool() const { return has_value_; }
  T& value() & { check(has_value_); return value_; }
  const T& value() const& { check(has_value_); return value_; }
  T&& value() && { check(has_value_); return std::move(value_); }
  const Error& error() const { check(!has_value_); return error_; }

 private:
  static void check(bool condition) {
    if (!condition) std::abort();  // reading the wrong side is a programming error
  }
  bool has_value_;
  union {
    T value_;
    Error error_;
  };
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), has_error_(true) {}

  bool ok() const { return !has_error_; }
  explicit operator bool() const { return !has_error_; }
  void value() const {
    if (has_error_) std::abort();
  }
  const Error& error() const {
    if (!has_error_) std::abort();
    return error_;
  }

 private:
  [[no_unique_address]] Error error_{ErrorKind::user};  // meaningful only when has_error_
  bool has_error_ = false;  // shares error_'s tail padding
};

}  // namespace aio
