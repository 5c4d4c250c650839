#include "pem.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <memory>

#include "ssl_errors.h"

namespace tlsport {
namespace {

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

BioPtr MemoryBio(const std::string& text) {
  BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
  if (!bio) throw ConfigError("internal", TakeErrorText("BIO_new_mem_buf"));
  return bio;
}

/** Every certificate in a PEM text, in order; the caller owns them. */
std::vector<X509*> ReadCertificates(const std::string& pem) {
  BioPtr bio = MemoryBio(pem);
  std::vector<X509*> certs;
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) certs.push_back(cert);
  // Running out of PEM blocks ends the loop with PEM_R_NO_START_LINE: expected once certs exist.
  unsigned long last = ERR_peek_last_error();
  if (!certs.empty() && ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE) ERR_clear_error();
  if (certs.empty() || ERR_peek_error() != 0) {
    for (X509* c : certs) X509_free(c);
    throw ConfigError("bad-certificate", TakeErrorText("unreadable PEM certificate"));
  }
  return certs;
}

EVP_PKEY* ReadKey(const std::string& pem) {
  BioPtr bio = MemoryBio(pem);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (key == nullptr) throw ConfigError("bad-certificate", TakeErrorText("unreadable PEM private key"));
  return key;
}

/** SSL_CTX and SSL have the same certificate calls under different names. */
struct ContextTarget {
  SSL_CTX* ctx;
  void Clear() {}  // a fresh context has no certificate yet
  int UseCert(X509* c) { return SSL_CTX_use_certificate(ctx, c); }
  int AddChain(X509* c) { return static_cast<int>(SSL_CTX_add0_chain_cert(ctx, c)); }
  int UseKey(EVP_PKEY* k) { return SSL_CTX_use_PrivateKey(ctx, k); }
  int CheckKey() { return SSL_CTX_check_private_key(ctx); }
};
struct ConnectionTarget {
  SSL* ssl;
  // The SSL starts with its context's certificates; an override replaces them all, or OpenSSL
  // could still pick the context's certificate of another key type.
  void Clear() { SSL_certs_clear(ssl); }
  int UseCert(X509* c) { return SSL_use_certificate(ssl, c); }
  int AddChain(X509* c) { return static_cast<int>(SSL_add0_chain_cert(ssl, c)); }
  int UseKey(EVP_PKEY* k) { return SSL_use_PrivateKey(ssl, k); }
  int CheckKey() { return SSL_check_private_key(ssl); }
};

template <typename Target>
void Install(Target target, const std::string& chainPem, const std::string& keyPem) {
  std::vector<X509*> chain = ReadCertificates(chainPem);
  target.Clear();
  int ok = target.UseCert(chain[0]);
  X509_free(chain[0]);
  for (size_t i = 1; i < chain.size(); i++) {
    if (ok == 1 && target.AddChain(chain[i]) == 1) continue;  // add0 took ownership
    ok = 0;
    X509_free(chain[i]);
  }
  if (ok != 1) throw ConfigError("bad-certificate", TakeErrorText("certificate chain rejected"));
  EVP_PKEY* key = ReadKey(keyPem);
  ok = target.UseKey(key);
  EVP_PKEY_free(key);
  if (ok != 1 || target.CheckKey() != 1) throw ConfigError("bad-certificate", TakeErrorText("private key does not fit the certificate"));
}

}  // namespace

X509_STORE* NewTrustStore(const std::vector<std::string>& pems) {
  X509_STORE* store = X509_STORE_new();
  if (store == nullptr) throw ConfigError("internal", TakeErrorText("X509_STORE_new"));
  for (const std::string& pem : pems) {
    std::vector<X509*> certs;
    try {
      certs = ReadCertificates(pem);
    } catch (...) {
      X509_STORE_free(store);
      throw;
    }
    for (X509* cert : certs) {
      X509_STORE_add_cert(store, cert);  // a duplicate anchor is harmless: keep going
      X509_free(cert);
    }
  }
  ERR_clear_error();
  return store;
}

void UseCertificateKeyPair(SSL_CTX* ctx, const std::string& chainPem, const std::string& keyPem) {
  Install(ContextTarget{ctx}, chainPem, keyPem);
}

void UseCertificateKeyPair(SSL* ssl, const std::string& chainPem, const std::string& keyPem) {
  Install(ConnectionTarget{ssl}, chainPem, keyPem);
}

}  // namespace tlsport
