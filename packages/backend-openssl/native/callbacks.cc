#include "callbacks.h"

namespace tlsport {
namespace {

Hooks* HooksOf(const SSL* ssl) { return static_cast<Hooks*>(SSL_get_app_data(ssl)); }

void OnKeylog(const SSL* ssl, const char* line) {
  Hooks* hooks = HooksOf(ssl);
  if (hooks != nullptr) hooks->keylogLines.emplace_back(line);
}

int OnNewSession(SSL* ssl, SSL_SESSION* session) {
  Hooks* hooks = HooksOf(ssl);
  if (hooks == nullptr || SSL_SESSION_is_resumable(session) != 1) return 0;
  int length = i2d_SSL_SESSION(session, nullptr);
  if (length <= 0) return 0;
  Bytes bytes(static_cast<size_t>(length));
  unsigned char* cursor = bytes.data();
  i2d_SSL_SESSION(session, &cursor);
  hooks->sessions.push_back(std::move(bytes));
  return 0;  // we keep no reference to `session`
}

int OnAlpnSelect(SSL* ssl, const unsigned char** out, unsigned char* outLength, const unsigned char* offered,
                 unsigned int offeredLength, void*) {
  Hooks* hooks = HooksOf(ssl);
  if (hooks == nullptr || hooks->serverAlpn.empty()) return SSL_TLSEXT_ERR_NOACK;
  unsigned char* chosen = nullptr;
  // Server preference: the first of our protocols the client offered.
  if (SSL_select_next_proto(&chosen, outLength, hooks->serverAlpn.data(), static_cast<unsigned int>(hooks->serverAlpn.size()),
                            offered, offeredLength) != OPENSSL_NPN_NEGOTIATED) {
    return SSL_TLSEXT_ERR_ALERT_FATAL;  // RFC 7301 §3.2: no_application_protocol
  }
  *out = chosen;
  return SSL_TLSEXT_ERR_OK;
}

/** The host_name entry of a server_name extension body (RFC 6066 §3), if well formed. */
bool ParseServername(const unsigned char* data, size_t length, std::string& name) {
  if (length < 2 || static_cast<size_t>((data[0] << 8) | data[1]) != length - 2) return false;
  size_t at = 2;
  while (at + 3 <= length) {
    int type = data[at];
    size_t nameLength = static_cast<size_t>((data[at + 1] << 8) | data[at + 2]);
    at += 3;
    if (at + nameLength > length) return false;
    if (type == TLSEXT_NAMETYPE_host_name) {
      name.assign(reinterpret_cast<const char*>(data + at), nameLength);
      return true;
    }
    at += nameLength;
  }
  return false;
}

int OnClientHello(SSL* ssl, int*, void*) {
  Hooks* hooks = HooksOf(ssl);
  if (hooks == nullptr || !hooks->chooseCertificate || hooks->certificateChosen) return SSL_CLIENT_HELLO_SUCCESS;
  const unsigned char* data = nullptr;
  size_t length = 0;
  hooks->hasServername = SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_server_name, &data, &length) == 1 &&
                         ParseServername(data, length, hooks->servername);
  // SSL_do_handshake returns SSL_ERROR_WANT_CLIENT_HELLO_CB; JS picks, then the step reruns.
  return SSL_CLIENT_HELLO_RETRY;
}

}  // namespace

void InstallCallbacks(SSL_CTX* ctx, bool server, bool keylog) {
  if (keylog) SSL_CTX_set_keylog_callback(ctx, OnKeylog);
  if (server) {
    SSL_CTX_set_alpn_select_cb(ctx, OnAlpnSelect, nullptr);
    SSL_CTX_set_client_hello_cb(ctx, OnClientHello, nullptr);
  } else {
    SSL_CTX_sess_set_new_cb(ctx, OnNewSession);
  }
}

void AttachHooks(SSL* ssl, Hooks* hooks) { SSL_set_app_data(ssl, hooks); }

int AcceptAnyChain(int, X509_STORE_CTX*) { return 1; }

}  // namespace tlsport
