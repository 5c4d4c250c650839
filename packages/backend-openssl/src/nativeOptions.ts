import type { CertificateKeyPair, ContextConfig, SessionConfig, TlsVersion } from '@tlsport/core/spi';
import type { OpenSslSettings } from '@tlsport/core/openssl';
import { opensslConstant, type NativeContextOptions, type NativeEngineOptions } from './native.js';

const VERSION: Record<TlsVersion, number> = {
  'TLSv1.2': opensslConstant('TLS1_2_VERSION'),
  'TLSv1.3': opensslConstant('TLS1_3_VERSION'),
};

/** The certificate pairs a context pre-builds an SSL_CTX for: [0] the default, then each SNI pair. */
export function certificatePairs(config: ContextConfig): (CertificateKeyPair | undefined)[] {
  return [config.certificate, ...config.sniCertificates.values()];
}

export function contextOptions(config: ContextConfig, settings: OpenSslSettings, ticketLifetimeSeconds: number): NativeContextOptions {
  return {
    server: config.role === 'server',
    ca: config.ca,
    certificates: certificatePairs(config).map((p) => (p === undefined ? null : { cert: p.cert, key: p.key })),
    sigalgs: settings.sigalgs,
    sessionTickets: config.sessionTickets,
    ticketLifetimeSeconds,
    minVersion: VERSION[settings.minVersion],
    maxVersion: VERSION[settings.maxVersion],
    ciphersuites: settings.ciphersuites,
    cipherList: settings.cipherList,
    verifyAuthLevel: settings.securityLevel,
    groups: settings.groups,
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

/** One SSL's options: the session's own (the context's settings are in its SSL_CTX already). */
export function engineOptions(server: boolean, session: SessionConfig, chooseCertificate: boolean): NativeEngineOptions {
  const ip = session.verifyName !== undefined && session.sni === undefined;
  return {
    server,
    requestCert: session.requestCert,
    rejectUnauthorized: session.rejectUnauthorized,
    servername: server ? undefined : session.sni,
    ipAddress: !server && ip ? session.verifyName : undefined,
    alpn: alpnWire(session.alpnProtocols),
    session: server ? undefined : session.session,
    keylog: session.keylog,
    chooseCertificate,
  };
}
