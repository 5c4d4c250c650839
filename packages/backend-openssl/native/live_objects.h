// Counts the SSL and SSL_CTX objects this addon created that OpenSSL has not yet freed.
#pragma once
#include <openssl/ssl.h>
#include <cstdint>

namespace tlsport {

/** Registers the ex_data slots whose free callbacks do the counting. Idempotent. */
void InitLiveObjects();
/** Marks an SSL this addon created; the count drops when OpenSSL really frees it. */
void TrackSsl(SSL* ssl);
/** Same for an SSL_CTX (freed when its last reference, ours or an SSL's, goes). */
void TrackContext(SSL_CTX* ctx);
int64_t LiveSslCount();
int64_t LiveContextCount();

}  // namespace tlsport
