#include "context_set.h"

#include "callbacks.h"
#include "live_objects.h"
#include "pem.h"
#include "ssl_errors.h"

namespace tlsport {
namespace {

// Every server context shares one session id context, so resumption survives an SNI switch.
const unsigned char kSessionIdContext[] = "tlsport";

SSL_CTX* NewContext(const ContextOptions& options, X509_STORE* store, TicketKeys& ticketKeys, bool keylog) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  if (ctx == nullptr) throw ConfigError("internal", TakeErrorText("SSL_CTX_new"));
  TrackContext(ctx);
  // RFC 5746: tlsport refuses renegotiation; compression is off in 3.0 already.
  SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
  SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
  X509_STORE_up_ref(store);
  SSL_CTX_set_cert_store(ctx, store);
  auto check = [ctx](bool ok, const char* fault, const char* what) {
    if (ok) return;
    SSL_CTX_free(ctx);
    throw ConfigError(fault, TakeErrorText(what));
  };
  check(SSL_CTX_set1_sigalgs_list(ctx, options.sigalgs.c_str()) == 1, "unsupported", "signature algorithms rejected");
  check(SSL_CTX_set_min_proto_version(ctx, options.minVersion) == 1 && SSL_CTX_set_max_proto_version(ctx, options.maxVersion) == 1,
        "protocol-version", "protocol versions rejected");
  check(SSL_CTX_set_ciphersuites(ctx, options.ciphersuites.c_str()) == 1, "unsupported", "TLS 1.3 suites rejected");
  if (!options.cipherList.empty()) check(SSL_CTX_set_cipher_list(ctx, options.cipherList.c_str()) == 1, "unsupported", "TLS 1.2 suites rejected");
  check(SSL_CTX_set1_groups_list(ctx, options.groups.c_str()) == 1, "unsupported", "groups rejected");
  // Only the peer's chain: this side's own certificate is the application's choice.
  X509_VERIFY_PARAM_set_auth_level(SSL_CTX_get0_param(ctx), options.verifyAuthLevel);
  InstallCallbacks(ctx, options.server, keylog);
  if (options.server) {
    // Stateless tickets only: nothing to expire in a server-side cache.
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_session_id_context(ctx, kSessionIdContext, sizeof kSessionIdContext - 1);
    SSL_CTX_set_timeout(ctx, options.ticketLifetimeSeconds);
    if (!options.sessionTickets) {
      SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
      SSL_CTX_set_num_tickets(ctx, 0);
    } else {
      ticketKeys.Install(ctx);
    }
  } else {
    // The client hands each new session to the app (sink.session) and keeps none itself.
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
  }
  return ctx;
}

/** One SSL_CTX per certificate entry (at least one); on failure frees what it built and rethrows. */
std::vector<SSL_CTX*> NewContexts(const ContextOptions& options, X509_STORE* store, TicketKeys& ticketKeys, bool keylog) {
  std::vector<SSL_CTX*> contexts;
  try {
    size_t count = options.certificates.empty() ? 1 : options.certificates.size();
    for (size_t i = 0; i < count; i++) {
      contexts.push_back(NewContext(options, store, ticketKeys, keylog));
      if (i < options.certificates.size() && !options.certificates[i].cert.empty()) {
        UseCertificateKeyPair(contexts.back(), options.certificates[i].cert, options.certificates[i].key);
      }
    }
  } catch (...) {
    for (SSL_CTX* ctx : contexts) SSL_CTX_free(ctx);
    throw;
  }
  return contexts;
}

}  // namespace

ContextSet::ContextSet(const ContextOptions& options) : options_(options), store_(NewTrustStore(options.ca)) {
  try {
    contexts_ = NewContexts(options_, store_, ticketKeys_, false);
  } catch (...) {
    X509_STORE_free(store_);
    throw;
  }
}

ContextSet::~ContextSet() {
  for (SSL_CTX* ctx : contexts_) SSL_CTX_free(ctx);
  for (SSL_CTX* ctx : keylogContexts_) SSL_CTX_free(ctx);
  X509_STORE_free(store_);
}

SSL_CTX* ContextSet::at(size_t index, bool keylog) {
  if (index >= contexts_.size()) return nullptr;
  if (!keylog) return contexts_[index];
  // A debugging aid: building the twins here (PEM parsing on the main thread, once per set) keeps
  // every other user of the set from paying for them.
  if (keylogContexts_.empty()) keylogContexts_ = NewContexts(options_, store_, ticketKeys_, true);
  return keylogContexts_[index];
}

}  // namespace tlsport
