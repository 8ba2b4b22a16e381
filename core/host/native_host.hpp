// The native Host: std::chrono::steady_clock, a sleeping wait, stdio output.
// HTTP (libcurl's multi interface) joins it with the HTTP issue.
#pragma once

#include "core/host/host.hpp"

namespace host {

class NativeHost final : public Host {
 public:
  double now() override;
  void wait_until(std::optional<double> deadline) override;
  bool has_pending_io() override { return false; }
  void write(Stream stream, std::string_view text) override;
  bool interrupted() override { return false; }
};

}  // namespace host
