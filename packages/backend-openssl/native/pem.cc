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

/**
 * The password callback for every PEM read: it declines. The core hands over keys already
 * decrypted; without a callback OpenSSL would prompt "Enter PEM pass phrase:" on the terminal
 * and block the worker thread, so an encrypted key fails here instead.
 */
int NoPassword(char* /*buf*/, int /*size*/, int /*rwflag*/, void* /*userdata*/) { return -1; }

/** Every certificate in a PEM text, in order; the caller owns them. */
std::vector<X509*> ReadCertificates(const std::string& pem) {
  BioPtr bio = MemoryBio(pem);
  std::vector<X509*> certs;
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, NoPassword, nullptr)) certs.push_back(cert);
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
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, NoPassword, nullptr);
  if (key == nullptr) throw ConfigError("bad-certificate", TakeErrorText("unreadable PEM private key"));
  return key;
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
  std::vector<X509*> chain = ReadCertificates(chainPem);
  int ok = SSL_CTX_use_certificate(ctx, chain[0]);
  X509_free(chain[0]);
  for (size_t i = 1; i < chain.size(); i++) {
    if (ok == 1 && SSL_CTX_add0_chain_cert(ctx, chain[i]) == 1) continue;  // add0 took ownership
    ok = 0;
    X509_free(chain[i]);
  }
  if (ok != 1) throw ConfigError("bad-certificate", TakeErrorText("certificate chain rejected"));
  EVP_PKEY* key = ReadKey(keyPem);
  ok = SSL_CTX_use_PrivateKey(ctx, key);
  EVP_PKEY_free(key);
  if (ok != 1 || SSL_CTX_check_private_key(ctx) != 1) throw ConfigError("bad-certificate", TakeErrorText("private key does not fit the certificate"));
}

}  // namespace tlsport
