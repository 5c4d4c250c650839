// What a completed handshake negotiated, read on the thread that completed it.
#pragma once
#include <openssl/ssl.h>

#include <optional>
#include <string>
#include <vector>

#include "bytes.h"

namespace tlsport {

struct HandshakeInfo {
  int version = 0;
  /** SSL_CIPHER_get_name: OpenSSL's suite name. */
  std::string cipher;
  /** OBJ_nid2sn of SSL_get_negotiated_group. */
  std::optional<std::string> group;
  std::optional<std::string> alpn;
  std::optional<std::string> servername;
  bool resumed = false;
  /** The peer's chain as sent, leaf first, DER. */
  std::vector<Bytes> peerCertificates;
  long verifyResult = X509_V_OK;
};

HandshakeInfo DescribeHandshake(SSL* ssl);

}  // namespace tlsport
