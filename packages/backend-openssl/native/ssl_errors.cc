#include "ssl_errors.h"

#include <openssl/err.h>

namespace tlsport {

ClearErrorsOnExit::~ClearErrorsOnExit() { ERR_clear_error(); }

std::vector<ErrorEntry> TakeErrors() {
  std::vector<ErrorEntry> entries;
  const char* data = nullptr;
  int flags = 0;
  unsigned long code;
  while ((code = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) != 0) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    std::string line(text);
    if ((flags & ERR_TXT_STRING) != 0 && data != nullptr && *data != '\0') line += std::string(" (") + data + ")";
    entries.push_back({ERR_GET_LIB(code), ERR_GET_REASON(code), line});
  }
  return entries;
}

std::string TakeErrorText(const std::string& fallback) {
  std::string joined;
  for (const ErrorEntry& e : TakeErrors()) joined += (joined.empty() ? "" : "; ") + e.text;
  return joined.empty() ? fallback : fallback + ": " + joined;
}

}  // namespace tlsport
