// OpenSSL callbacks. They run on whichever thread drives the SSL (a pool worker during the
// handshake), so they never touch N-API: they only record into the connection's Hooks, which the
// main thread collects after the step.
#pragma once
#include <openssl/ssl.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bytes.h"

namespace tlsport {

struct Hooks {
  /** Only from a key-log context (ContextSet::at), so only when the session asked for them. */
  std::vector<std::string> keylogLines;
  /** Client: i2d_SSL_SESSION of each resumable session the server gave us. */
  std::vector<Bytes> sessions;
  /** Server: ALPN protocols, wire format, preference order. */
  Bytes serverAlpn;
  /** Server: pause at the ClientHello until the main thread picks the certificate. */
  bool chooseCertificate = false;
  bool certificateChosen = false;
  /** Server: the SNI host name from the ClientHello, when there was one. */
  bool hasServername = false;
  std::string servername;
};

void InstallCallbacks(SSL_CTX* ctx, bool server, bool keylog);
void AttachHooks(SSL* ssl, Hooks* hooks);
/** SSL_set_verify callback for rejectUnauthorized=false: record the result, accept the chain. */
int AcceptAnyChain(int preverifyOk, X509_STORE_CTX* store);

}  // namespace tlsport
