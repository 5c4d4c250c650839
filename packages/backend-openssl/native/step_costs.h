// Learned cost of a handshake step, by where the step starts. A step that has been cheap runs on
// the calling thread: a pool hop costs tens of microseconds of latency, more than the step itself.
// Steps that sign, verify or derive keys keep going to the pool.
#pragma once
#include <openssl/ssl.h>

#include <chrono>
#include <cstddef>

namespace tlsport {

/** Which kind of step: the side, the handshake state it starts from, and one variant bit. */
struct StepKind {
  bool server;
  OSSL_HANDSHAKE_STATE state;
  /** Client: a session was offered for resumption. Server: a client certificate is requested. */
  bool variant;
};

/** CPU time this thread has used: a step's cost without the time it was preempted (busy machines). */
std::chrono::nanoseconds ThreadCpuTime();
/** True when steps of this kind took less than the inline budget lately (never for an unseen kind). */
bool StepIsCheap(const StepKind& kind);
/** Folds one step's duration into its kind's running average. Any thread. */
void RecordStepCost(const StepKind& kind, std::chrono::nanoseconds duration);

}  // namespace tlsport
