#include "core/host/native_host.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace host {

double NativeHost::now() {
  auto since_epoch = std::chrono::steady_clock::now().time_since_epoch();
  return std::chrono::duration<double>(since_epoch).count();
}

void NativeHost::wait_until(std::optional<double> deadline) {
#if AWAITPAD_NATIVE_HTTP
  // Requests in flight: wait on their sockets, so one finishing ends the wait. curl may
  // return early with nothing delivered (a timer of its own); then wait again.
  while (http_.pending()) {
    std::optional<double> remaining;
    if (deadline) remaining = *deadline - now();
    if (http_.wait(remaining) > 0 || (remaining && *remaining <= 0)) return;
  }
#endif
  // With no I/O in flight, a wait without deadline would never end; the loop
  // reports a deadlock before it gets here, so returning is the safe answer.
  if (!deadline) return;
  // At most a day per wait, as asyncio's MAXIMUM_SELECT_TIMEOUT: a longer (or
  // infinite) duration would overflow the nanoseconds sleep_for converts to.
  constexpr double longest_wait = 24 * 3600;
  double remaining = std::min(*deadline - now(), longest_wait);
  if (remaining > 0) std::this_thread::sleep_for(std::chrono::duration<double>(remaining));
}

void NativeHost::write(Stream stream, std::string_view text) {
  std::FILE* file = stream == Stream::stdout_stream ? stdout : stderr;
  std::fwrite(text.data(), 1, text.size(), file);
}

}  // namespace host
