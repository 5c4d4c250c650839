import { constants } from 'node:crypto';
import { createSecureContext, type SecureContext } from 'node:tls';
import { groupByName, opensslCipherList, selectCertificate, type CertificateKeyPair, type TlsConfig } from '@tlsport/core/spi';
import { contextErrorFromNode } from './faultTable.js';

/** What every SecureContext of one EngineContext shares, so resumption works across SNI contexts. */
export interface SharedServerState {
  /** 48 bytes: ticket key name, HMAC key, AES key (Node's ticketKeys layout). */
  readonly ticketKeys: Buffer;
  /** Required by OpenSSL to resume sessions when the server asks for client certificates. */
  readonly sessionIdContext: string;
}

function build(config: TlsConfig, certificate: CertificateKeyPair | undefined, shared: SharedServerState | undefined): SecureContext {
  const server = config.role === 'server';
  // TLS 1.2 renegotiation is refused in both directions (DESIGN.md TLS scope).
  let secureOptions = constants.SSL_OP_NO_RENEGOTIATION;
  // The server decides the suite and group by its own preference order (config lists it so).
  if (server) secureOptions |= constants.SSL_OP_CIPHER_SERVER_PREFERENCE;
  if (server && !config.sessionTickets) secureOptions |= constants.SSL_OP_NO_TICKET;
  try {
    return createSecureContext({
      minVersion: config.minVersion,
      maxVersion: config.maxVersion,
      // Node splits this list: "TLS_*" names become the 1.3 ciphersuites, the rest the 1.2 ciphers
      // (with core's key-strength policy as OpenSSL's security level).
      ciphers: [
        ...config.cipherSuites.filter((s) => s.version === 'TLSv1.3').map((s) => s.openssl),
        opensslCipherList(config.cipherSuites.filter((s) => s.version === 'TLSv1.2').map((s) => s.openssl)),
      ].join(':'),
      ecdhCurve: config.groups.map((g) => groupByName(g)!.openssl).join(':'),
      ca: [...config.ca],
      ...(certificate === undefined ? {} : { cert: certificate.cert, key: certificate.key }),
      ...(shared === undefined ? {} : { ticketKeys: shared.ticketKeys, sessionIdContext: shared.sessionIdContext }),
      secureOptions,
    });
  } catch (error) {
    throw contextErrorFromNode(error);
  }
}

/**
 * The SecureContexts one configuration needs, built once: the default one and, on a server, one
 * per SNI certificate, chosen by core's selectCertificate so every backend picks alike.
 */
export class SecureContextSet {
  private readonly bySniCertificate = new Map<CertificateKeyPair, SecureContext>();
  readonly main: SecureContext;

  constructor(readonly config: TlsConfig, shared: SharedServerState | undefined) {
    this.main = build(config, config.certificate, shared);
    for (const pair of config.sniCertificates.values()) {
      if (pair !== config.certificate && !this.bySniCertificate.has(pair)) this.bySniCertificate.set(pair, build(config, pair, shared));
    }
  }

  get hasSniCertificates(): boolean {
    return this.bySniCertificate.size > 0;
  }

  /** The context for a client's SNI name; undefined when no certificate fits it. */
  forServername(servername: string): SecureContext | undefined {
    const pair = selectCertificate(this.config, servername);
    if (pair === undefined) return undefined;
    return pair === this.config.certificate ? this.main : this.bySniCertificate.get(pair);
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function samePair(a: CertificateKeyPair | undefined, b: CertificateKeyPair | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.cert === b.cert && a.key === b.key);
}

/** Whether two configurations need the same SecureContexts (what differs is then per connection). */
export function sameContextSettings(a: TlsConfig, b: TlsConfig): boolean {
  return (
    a.role === b.role &&
    a.minVersion === b.minVersion &&
    a.maxVersion === b.maxVersion &&
    a.sessionTickets === b.sessionTickets &&
    sameList(a.cipherSuites.map((s) => s.name), b.cipherSuites.map((s) => s.name)) &&
    sameList(a.groups, b.groups) &&
    sameList(a.ca, b.ca) &&
    samePair(a.certificate, b.certificate) &&
    a.sniCertificates.size === b.sniCertificates.size &&
    [...a.sniCertificates].every(([name, pair]) => samePair(pair, b.sniCertificates.get(name)))
  );
}
