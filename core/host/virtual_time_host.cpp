#include "core/host/virtual_time_host.hpp"

#include <algorithm>

namespace host {

void VirtualTimeHost::wait_until(std::optional<double> deadline) {
  if (!inner_.has_pending_io()) {
    if (deadline) clock_ = std::max(clock_, *deadline);
    return;
  }
  // Real I/O is in flight: let real time pass, at most up to the deadline.
  double real_start = inner_.now();
  std::optional<double> real_deadline;
  if (deadline) real_deadline = real_start + std::max(0.0, *deadline - clock_);
  inner_.wait_until(real_deadline);
  clock_ += std::max(0.0, inner_.now() - real_start);
}

}  // namespace host
