import { checkServerIdentity, type PeerCertificate } from 'node:tls';

/**
 * Node's checkServerIdentity with the subject's commonName hidden: a server is named by its
 * subjectAltName entries only (RFC 6125 §6.4.4, CA/B Forum Baseline Requirements §7.1.4.3), as the
 * pure and openssl backends name it. Node alone would fall back to the CN when the certificate has
 * no DNS name; without it, such a certificate fails with ERR_TLS_CERT_ALTNAME_INVALID.
 */
export function checkServerIdentityFromSan(host: string, cert: PeerCertificate): Error | undefined {
  const { CN: _ignored, ...subject } = cert.subject ?? {};
  return checkServerIdentity(host, { ...cert, subject: subject as PeerCertificate['subject'] });
}
