#include "core/aio/error.hpp"

namespace aio {

const char* error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::cancelled: return "CancelledError";
    case ErrorKind::timeout: return "TimeoutError";
    case ErrorKind::invalid_state: return "InvalidStateError";
    case ErrorKind::queue_empty: return "QueueEmpty";
    case ErrorKind::queue_full: return "QueueFull";
    case ErrorKind::value_error: return "ValueError";
    case ErrorKind::runtime_error: return "RuntimeError";
    case ErrorKind::exception_group: return "BaseExceptionGroup";
    case ErrorKind::deadlock: return "Deadlock";
    case ErrorKind::interrupted: return "KeyboardInterrupt";
    case ErrorKind::user: return "Exception";
  }
  return "Exception";
}

Error::Error(ErrorKind kind, std::string message) : detail_(make_ref<Detail>()), kind_(kind) {
  detail_->message = std::move(message);
}

Error::Error(ErrorKind kind, std::string message, Ref<ErrorPayload> payload)
    : Error(kind, std::move(message)) {
  detail_->payload = std::move(payload);
}

Error Error::group(std::string message, std::vector<Error> children) {
  Error error(ErrorKind::exception_group, std::move(message));
  error.detail_->children = std::move(children);
  return error;
}

const std::string& Error::message() const {
  static const std::string empty;
  return detail_ ? detail_->message : empty;
}

const std::vector<Error>& Error::children() const {
  static const std::vector<Error> none;
  return detail_ ? detail_->children : none;
}

std::string Error::describe() const {
  std::string text = payload() ? payload()->class_name() : std::string();
  if (text.empty()) text = error_kind_name(kind_);
  if (!message().empty()) text += ": " + message();
  return text;
}

}  // namespace aio
