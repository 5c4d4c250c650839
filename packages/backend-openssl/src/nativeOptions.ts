import { isIP } from 'node:net';
import { GROUPS, OPENSSL_SECURITY_LEVEL, type CertificateKeyPair, type TlsConfig, type TlsVersion } from '@tlsport/core/spi';
import { opensslConstant, type NativeContextOptions, type NativeEngineOptions } from './native.js';

/**
 * Signature algorithms in tlsport's scope (DESIGN.md): ECDSA P-256/P-384, Ed25519, RSA-PSS,
 * and RSA PKCS#1 (TLS 1.2 and certificates), as OpenSSL names the RFC 8446 §4.2.3 code points.
 */
export const SIGNATURE_ALGORITHMS = [
  'ecdsa_secp256r1_sha256', 'ecdsa_secp384r1_sha384', 'ed25519',
  'rsa_pss_rsae_sha256', 'rsa_pss_rsae_sha384', 'rsa_pss_rsae_sha512',
  'rsa_pss_pss_sha256', 'rsa_pss_pss_sha384', 'rsa_pss_pss_sha512',
  'rsa_pkcs1_sha256', 'rsa_pkcs1_sha384', 'rsa_pkcs1_sha512',
].join(':');

const VERSION: Record<TlsVersion, number> = {
  'TLSv1.2': opensslConstant('TLS1_2_VERSION'),
  'TLSv1.3': opensslConstant('TLS1_3_VERSION'),
};

/** The certificate pairs a context pre-builds an SSL_CTX for: [0] the default, then each SNI pair. */
export function certificatePairs(config: TlsConfig): (CertificateKeyPair | undefined)[] {
  return [config.certificate, ...config.sniCertificates.values()];
}

export function contextOptions(config: TlsConfig): NativeContextOptions {
  return {
    server: config.role === 'server',
    ca: config.ca,
    certificates: certificatePairs(config).map((p) => (p === undefined ? null : { cert: p.cert, key: p.key })),
    sigalgs: SIGNATURE_ALGORITHMS,
    sessionTickets: config.sessionTickets,
  };
}

/** ALPN protocol list in wire format (RFC 7301 §3.1): each name prefixed with its length. */
export function alpnWire(protocols: readonly string[]): Uint8Array | undefined {
  if (protocols.length === 0) return undefined;
  return Buffer.concat(protocols.map((p) => {
    const name = Buffer.from(p, 'utf8');
    return Buffer.concat([Buffer.of(name.length), name]);
  }));
}

export function engineOptions(config: TlsConfig, extra: { chooseCertificate: boolean; certificate?: CertificateKeyPair }): NativeEngineOptions {
  const names = (version: TlsVersion) => config.cipherSuites.filter((s) => s.version === version).map((s) => s.openssl).join(':');
  const ip = config.role === 'client' && config.servername !== undefined && isIP(config.servername) !== 0;
  return {
    server: config.role === 'server',
    minVersion: VERSION[config.minVersion],
    maxVersion: VERSION[config.maxVersion],
    ciphersuites: names('TLSv1.3'),
    cipherList: names('TLSv1.2'),
    verifyAuthLevel: OPENSSL_SECURITY_LEVEL,
    groups: config.groups.map((g) => GROUPS.find((info) => info.name === g)!.openssl).join(':'),
    requestCert: config.requestCert,
    rejectUnauthorized: config.rejectUnauthorized,
    servername: config.role === 'client' && !ip ? config.servername : undefined,
    ipAddress: ip ? config.servername : undefined,
    alpn: alpnWire(config.alpnProtocols),
    session: config.role === 'client' ? config.session : undefined,
    keylog: config.keylog,
    chooseCertificate: extra.chooseCertificate,
    certificate: extra.certificate === undefined ? undefined : { cert: extra.certificate.cert, key: extra.certificate.key },
  };
}
