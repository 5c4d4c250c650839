// PEM inputs (trust anchors, certificate chains, private keys) loaded into OpenSSL objects.
#pragma once
#include <openssl/ssl.h>
#include <string>
#include <vector>

namespace tlsport {

/** A new X509_STORE holding every certificate of `pems` as a trust anchor. Throws ConfigError. */
X509_STORE* NewTrustStore(const std::vector<std::string>& pems);

/** Installs a PEM chain (leaf first) and its PEM key on a context. Throws ConfigError. */
void UseCertificateKeyPair(SSL_CTX* ctx, const std::string& chainPem, const std::string& keyPem);

}  // namespace tlsport
