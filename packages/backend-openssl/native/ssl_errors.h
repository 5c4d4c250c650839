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
