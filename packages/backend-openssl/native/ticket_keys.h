// The session-ticket keys of one context set, replaced from JS as the key ring rotates and read by
// OpenSSL's ticket callback on whichever thread runs the handshake step.
#pragma once
#include <openssl/ssl.h>

#include <array>
#include <mutex>
#include <vector>

namespace tlsport {

struct TicketKey {
  std::array<unsigned char, 16> name;
  std::array<unsigned char, 16> hmacKey;
  std::array<unsigned char, 16> aesKey;
  /** When the key stops decrypting, ms since the epoch. */
  double decryptEndMs = 0;
};

class TicketKeys {
 public:
  ~TicketKeys();
  /** Replaces the keys; `encrypting` indexes the one that seals new tickets (-1: none, no ticket is issued). */
  void Replace(std::vector<TicketKey> keys, int encrypting);
  /** Installs the callback on `ctx`, which must outlive nothing: the ContextSet owns both. */
  void Install(SSL_CTX* ctx);

 private:
  static int Callback(SSL* ssl, unsigned char* keyName, unsigned char* iv, EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac, int encrypt);
  int Encrypt(unsigned char* keyName, unsigned char* iv, EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac);
  int Decrypt(const unsigned char* keyName, const unsigned char* iv, EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac);

  std::mutex mutex_;
  std::vector<TicketKey> keys_;
  int encrypting_ = -1;
};

}  // namespace tlsport
