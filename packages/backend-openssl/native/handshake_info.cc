#include "handshake_info.h"

#include <openssl/objects.h>
#include <openssl/x509.h>

namespace tlsport {
namespace {

Bytes Der(X509* cert) {
  int length = i2d_X509(cert, nullptr);
  if (length <= 0) return {};
  Bytes der(static_cast<size_t>(length));
  unsigned char* cursor = der.data();
  i2d_X509(cert, &cursor);
  return der;
}

/** OpenSSL's chain holds the leaf on a client only. */
std::vector<Bytes> PeerCertificates(SSL* ssl) {
  std::vector<Bytes> ders;
  X509* leaf = SSL_get0_peer_certificate(ssl);
  if (leaf == nullptr) return ders;
  ders.push_back(Der(leaf));
  STACK_OF(X509)* chain = SSL_get_peer_cert_chain(ssl);
  for (int i = 0; chain != nullptr && i < sk_X509_num(chain); i++) {
    X509* cert = sk_X509_value(chain, i);
    if (i == 0 && X509_cmp(cert, leaf) == 0) continue;
    ders.push_back(Der(cert));
  }
  return ders;
}

}  // namespace

HandshakeInfo DescribeHandshake(SSL* ssl) {
  HandshakeInfo info;
  info.version = SSL_version(ssl);
  info.cipher = SSL_CIPHER_get_name(SSL_get_current_cipher(ssl));
  int nid = SSL_get_negotiated_group(ssl);
  // Provider groups without a NID (the ML-KEM hybrids of OpenSSL 3.5) come flagged
  // TLSEXT_nid_unknown; SSL_group_to_name names those by their TLS name.
  const char* group = nid == NID_undef ? nullptr : (nid & TLSEXT_nid_unknown) != 0 ? SSL_group_to_name(ssl, nid) : OBJ_nid2sn(nid);
  if (group != nullptr) info.group = group;
  const unsigned char* alpn = nullptr;
  unsigned int alpnLength = 0;
  SSL_get0_alpn_selected(ssl, &alpn, &alpnLength);
  if (alpnLength > 0) info.alpn = std::string(reinterpret_cast<const char*>(alpn), alpnLength);
  const char* servername = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  if (servername != nullptr) info.servername = servername;
  info.resumed = SSL_session_reused(ssl) == 1;
  info.peerCertificates = PeerCertificates(ssl);
  info.verifyResult = SSL_get_verify_result(ssl);
  return info;
}

}  // namespace tlsport
