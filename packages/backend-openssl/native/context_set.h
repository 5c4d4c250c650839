// The SSL_CTX objects of one EngineContext, shared by the context and every connection made from it.
#pragma once
#include <openssl/ssl.h>

#include <string>
#include <vector>

#include "ticket_keys.h"

namespace tlsport {

struct CertificateKeyPem {
  std::string cert;
  std::string key;
};

struct ContextOptions {
  bool server = false;
  /** Trust anchors, PEM. */
  std::vector<std::string> ca;
  /** One SSL_CTX per entry; index 0 is the default (no certificate when `cert` is empty). */
  std::vector<CertificateKeyPem> certificates;
  std::string sigalgs;
  bool sessionTickets = true;
  /** Server: the session timeout, which is also the ticket lifetime hint (SSL_CTX_set_timeout). */
  long ticketLifetimeSeconds = 7200;
  // What every SSL made from these contexts inherits (SSL_new copies it): set once here rather
  // than parsed again for each connection.
  int minVersion = TLS1_2_VERSION;
  int maxVersion = TLS1_3_VERSION;
  std::string ciphersuites;  // TLS 1.3, OpenSSL names, ':'-joined; may be empty
  std::string cipherList;    // TLS 1.2; empty when 1.2 is off
  int verifyAuthLevel = 0;   // X509_VERIFY_PARAM auth level for the peer's chain: core's OPENSSL_SECURITY_LEVEL
  std::string groups;
};

/**
 * Pre-built contexts: [0] the default, [i] the i-th certificate pair, all configured alike, so the
 * server's certificate choice is a pointer swap (SSL_set_SSL_CTX) with no parsing on the worker.
 * Freed when the last holder (the JS context or a connection) lets go.
 */
class ContextSet {
 public:
  explicit ContextSet(const ContextOptions& options);
  ~ContextSet();
  ContextSet(const ContextSet&) = delete;
  ContextSet& operator=(const ContextSet&) = delete;

  /** [0], with the key-log callback when `keylog` (built on first use, on the main thread). */
  SSL_CTX* primary(bool keylog) { return at(0, keylog); }
  SSL_CTX* at(size_t index, bool keylog);
  /** The ticket keys every server context of the set seals and opens tickets with. */
  TicketKeys& ticketKeys() { return ticketKeys_; }

 private:
  // Declared first so it outlives the contexts whose callback reads it.
  TicketKeys ticketKeys_;
  // OpenSSL hex-formats every secret (sprintf per byte) whenever the SSL_CTX has a key-log
  // callback, so only the twins of sessions that asked for the key log have one.
  std::vector<SSL_CTX*> contexts_;
  std::vector<SSL_CTX*> keylogContexts_;
  ContextOptions options_;
  X509_STORE* store_;
};

}  // namespace tlsport
