// A Host for tests that run Python programs: output goes to strings and time stands still
// (waiting does nothing; under VirtualTimeHost the virtual clock jumps instead).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/host/host.hpp"

namespace test_support {

class StringHost final : public host::Host {
 public:
  double now() override { return 0; }
  void wait_until(std::optional<double>) override {}
  bool has_pending_io() override { return false; }
  void write(host::Stream stream, std::string_view text) override {
    (stream == host::Stream::stdout_stream ? out : err) += text;
  }
  bool interrupted() override { return false; }
  std::string out;  // what the program printed
  std::string err;  // what it wrote to stderr
};

}  // namespace test_support
