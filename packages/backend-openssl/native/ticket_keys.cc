#include "ticket_keys.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <chrono>
#include <cstring>

namespace tlsport {
namespace {

int ExIndex() {
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

double NowMs() {
  return static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

/** The same layout Node's own ticket callback uses (AES-128-CBC, HMAC-SHA256), so openssl and node-tls tickets interchange. */
bool InitKey(const TicketKey& key, const unsigned char* iv, EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac, int encrypt) {
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, const_cast<unsigned char*>(key.hmacKey.data()), key.hmacKey.size()),
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>("sha256"), 0),
      OSSL_PARAM_construct_end(),
  };
  if (EVP_MAC_CTX_set_params(mac, params) != 1) return false;
  return EVP_CipherInit_ex(cipher, EVP_aes_128_cbc(), nullptr, key.aesKey.data(), iv, encrypt) == 1;
}

}  // namespace

TicketKeys::~TicketKeys() {
  for (TicketKey& key : keys_) OPENSSL_cleanse(&key, sizeof key);
}

void TicketKeys::Replace(std::vector<TicketKey> keys, int encrypting) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (TicketKey& key : keys_) OPENSSL_cleanse(&key, sizeof key);
  keys_ = std::move(keys);
  encrypting_ = encrypting;
}

void TicketKeys::Install(SSL_CTX* ctx) {
  SSL_CTX_set_ex_data(ctx, ExIndex(), this);
  SSL_CTX_set_tlsext_ticket_key_evp_cb(ctx, &TicketKeys::Callback);
}

int TicketKeys::Callback(SSL* ssl, unsigned char* keyName, unsigned char* iv, EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac, int encrypt) {
  // Every context of a set points at the same keys, so an SNI switch (SSL_set_SSL_CTX) changes nothing here.
  auto* keys = static_cast<TicketKeys*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ExIndex()));
  if (keys == nullptr) return 0;
  return encrypt ? keys->Encrypt(keyName, iv, cipher, mac) : keys->Decrypt(keyName, iv, cipher, mac);
}

/** 1: sealed under the encrypting key; 0: no key, no ticket. */
int TicketKeys::Encrypt(unsigned char* keyName, unsigned char* iv, EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (encrypting_ < 0 || static_cast<size_t>(encrypting_) >= keys_.size()) return 0;
  const TicketKey& key = keys_[static_cast<size_t>(encrypting_)];
  if (RAND_bytes(iv, EVP_MAX_IV_LENGTH) != 1) return -1;
  std::memcpy(keyName, key.name.data(), key.name.size());
  return InitKey(key, iv, cipher, mac, 1) ? 1 : -1;
}

/**
 * 0: unknown key or its decrypt window closed (a full handshake follows); 1: opened with the
 * encrypting key; 2: opened with a decrypt-only key, so OpenSSL issues a fresh ticket (RFC 5077 §3.3).
 */
int TicketKeys::Decrypt(const unsigned char* keyName, const unsigned char* iv, EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac) {
  std::lock_guard<std::mutex> lock(mutex_);
  double now = NowMs();
  for (size_t i = 0; i < keys_.size(); i++) {
    const TicketKey& key = keys_[i];
    if (std::memcmp(key.name.data(), keyName, key.name.size()) != 0) continue;
    if (key.decryptEndMs <= now) return 0;
    if (!InitKey(key, iv, cipher, mac, 0)) return -1;
    return static_cast<int>(i) == encrypting_ ? 1 : 2;
  }
  return 0;
}

}  // namespace tlsport
