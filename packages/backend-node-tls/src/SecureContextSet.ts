import { constants } from 'node:crypto';
import { createSecureContext, type SecureContext } from 'node:tls';
import { DEFAULT_ROTATION, selectCertificate, ticketKeyBytes, type CertificateKeyPair, type ContextConfig, type TicketKeyRing } from '@tlsport/core/spi';
import { opensslSettings, type OpenSslSettings } from '@tlsport/core/openssl';
import { contextErrorFromNode } from './faultTable.js';

/** What the openssl backend uses too (its kSessionIdContext). */
const SESSION_ID_CONTEXT = 'tlsport';

/** What every SecureContext of one server shares, so resumption works across SNI contexts. */
interface SharedServerState {
  /** 48 bytes: ticket key name, HMAC key, AES key (Node's ticketKeys layout); undefined when tickets are off. */
  readonly ticketKeys: Buffer | undefined;
  /** Seconds a session stays resumable (SSL_CTX_set_timeout: also the ticket lifetime hint). */
  readonly sessionTimeout: number;
  /** Required by OpenSSL to resume sessions when the server asks for client certificates. */
  readonly sessionIdContext: string;
}

function sharedServerState(config: ContextConfig, ring: TicketKeyRing | undefined): SharedServerState {
  return {
    ticketKeys: config.sessionTickets && ring !== undefined ? Buffer.from(ticketKeyBytes(ring.encryptionKey())) : undefined,
    sessionTimeout: (ring?.schedule ?? DEFAULT_ROTATION).lifetimeSeconds,
    // The same on every server of a fleet: OpenSSL resumes a session only under the context it was made in.
    sessionIdContext: SESSION_ID_CONTEXT,
  };
}

function build(config: ContextConfig, settings: OpenSslSettings, certificate: CertificateKeyPair | undefined, shared: SharedServerState | undefined): SecureContext {
  const server = config.role === 'server';
  // TLS 1.2 renegotiation is refused in both directions (docs/design.md TLS scope).
  let secureOptions = constants.SSL_OP_NO_RENEGOTIATION;
  // The server decides the suite and group by its own preference order (config lists it so).
  if (server) secureOptions |= constants.SSL_OP_CIPHER_SERVER_PREFERENCE;
  if (server && !config.sessionTickets) secureOptions |= constants.SSL_OP_NO_TICKET;
  try {
    return createSecureContext({
      minVersion: settings.minVersion,
      maxVersion: settings.maxVersion,
      ciphers: settings.nodeCiphers,
      ecdhCurve: settings.groups,
      sigalgs: settings.sigalgs,
      ca: [...config.ca],
      ...(certificate === undefined ? {} : { cert: certificate.cert, key: certificate.key }),
      ...(shared === undefined ? {} : { sessionIdContext: shared.sessionIdContext, sessionTimeout: shared.sessionTimeout }),
      ...(shared?.ticketKeys === undefined ? {} : { ticketKeys: shared.ticketKeys }),
      secureOptions,
    });
  } catch (error) {
    throw contextErrorFromNode(error);
  }
}

/** Node's SecureContext holds one ticket key; setTicketKeys on its native handle swaps it (as tls.Server#setTicketKeys does). */
interface TicketKeyHolder {
  readonly context: { setTicketKeys(keys: Buffer): void };
}

/**
 * The SecureContexts one context config needs, built once: the default one and, on a server, one
 * per SNI certificate, chosen by core's selectCertificate so every backend picks alike. On a server
 * they all follow the ring's encrypting key. Node keeps one key at a time, so a rotation leaves
 * tickets sealed under the previous key unopened: those clients do one full handshake.
 */
export class SecureContextSet {
  private readonly bySniCertificate = new Map<CertificateKeyPair, SecureContext>();
  readonly main: SecureContext;

  constructor(readonly config: ContextConfig, ring: TicketKeyRing | undefined) {
    const settings = opensslSettings(config, 'node-tls');
    const shared = config.role === 'server' ? sharedServerState(config, ring) : undefined;
    this.main = build(config, settings, config.certificate, shared);
    for (const pair of config.sniCertificates.values()) {
      if (pair !== config.certificate && !this.bySniCertificate.has(pair)) this.bySniCertificate.set(pair, build(config, settings, pair, shared));
    }
  }

  /** Puts the ring's encrypting key into every context of the set. */
  followTicketKeys(ring: TicketKeyRing): void {
    const key = Buffer.from(ticketKeyBytes(ring.encryptionKey()));
    for (const context of [this.main, ...this.bySniCertificate.values()]) (context as unknown as TicketKeyHolder).context.setTicketKeys(key);
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
