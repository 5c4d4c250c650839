#include "step_costs.h"

#include <atomic>
#include <cstdint>
#include <ctime>

namespace tlsport {
namespace {

// Below this much CPU a step runs inline. A pool round trip costs 16-85 us of latency alone
// (scripts/measure-io.mjs) plus a thread wake-up each way. Measured on the (busy) bench machine:
// steps that sign, verify or derive cost 100-500 us of CPU (ECDSA P-256, x25519) and stay on the
// pool; key generation (the client's first step) and the server's last TLS 1.3 step (Finished
// check, two session tickets) cost 20-60 us and run where they are called.
constexpr uint32_t kInlineBudgetNs = 75'000;
constexpr uint32_t kSampleCapNs = 4 * kInlineBudgetNs;
constexpr size_t kStates = 64;  // OSSL_HANDSHAKE_STATE has fewer values; more means "unknown kind"

// Exponential moving average (weight 1/4) per kind in ns, 0 = never measured. Relaxed atomics:
// a lost update between two threads only delays learning.
std::atomic<uint32_t> averages[2][kStates][2];

std::atomic<uint32_t>* Slot(const StepKind& kind) {
  size_t state = static_cast<size_t>(kind.state);
  return state < kStates ? &averages[kind.server][state][kind.variant] : nullptr;
}

}  // namespace

std::chrono::nanoseconds ThreadCpuTime() {
#ifdef CLOCK_THREAD_CPUTIME_ID
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
#else
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch());
#endif
}

bool StepIsCheap(const StepKind& kind) {
  std::atomic<uint32_t>* slot = Slot(kind);
  if (slot == nullptr) return false;
  uint32_t average = slot->load(std::memory_order_relaxed);
  return average != 0 && average < kInlineBudgetNs;
}

void RecordStepCost(const StepKind& kind, std::chrono::nanoseconds duration) {
  std::atomic<uint32_t>* slot = Slot(kind);
  if (slot == nullptr) return;
  // Clamped: one slow sample (cold caches, a sibling hyperthread) moves a cheap kind out of budget for a few steps
  // only; an expensive kind stays far above it anyway.
  int64_t ns = duration.count();
  uint32_t sample = ns <= 0 ? 1 : ns >= kSampleCapNs ? kSampleCapNs : static_cast<uint32_t>(ns);
  uint32_t average = slot->load(std::memory_order_relaxed);
  int64_t next = average == 0 ? sample : average + (static_cast<int64_t>(sample) - average) / 4;
  slot->store(static_cast<uint32_t>(next < 1 ? 1 : next), std::memory_order_relaxed);
}

}  // namespace tlsport
