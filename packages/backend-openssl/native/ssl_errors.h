// OpenSSL's thread-local error queue, read into plain values on the thread that filled it.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace tlsport {

struct ErrorEntry {
  int library;
  int reason;
  std::string text;
};

/** Empties this thread's error queue, oldest entry first. */
std::vector<ErrorEntry> TakeErrors();

/** The queue as one readable line ("a; b"), emptying it. */
std::string TakeErrorText(const std::string& fallback);

/**
 * Leaves this thread's error queue empty when the scope ends. Every entry point that runs OpenSSL
 * on a thread Node shares (the main thread, the libuv pool) holds one: an entry left behind, even
 * after a call that succeeded, would make Node's own crypto calls on that thread fail
 * (createPrivateKey reads a pending error as a parse failure).
 */
struct ClearErrorsOnExit {
  ClearErrorsOnExit() = default;
  ClearErrorsOnExit(const ClearErrorsOnExit&) = delete;
  ClearErrorsOnExit& operator=(const ClearErrorsOnExit&) = delete;
  ~ClearErrorsOnExit();
};

/**
 * A configuration the addon cannot apply: `fault` is the core TlsFault name the JS side turns
 * into a TlsError ("bad-certificate", "unsupported", ...).
 */
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string fault, const std::string& message) : std::runtime_error(message), fault_(std::move(fault)) {}
  const std::string& fault() const { return fault_; }

 private:
  std::string fault_;
};

}  // namespace tlsport
