import type { CryptoProvider } from '../crypto/provider.js';
import { concat } from '../codec/bytes.js';
import { parseSessionState, serializeSessionState, type SessionState } from './sessionState.js';

const NONCE = 12;
const AAD = new TextEncoder().encode('tlsport pure ticket v1');

/**
 * Server session tickets: the session state sealed with AES-256-GCM under a key that lives only
 * in this context's memory, so tickets are opaque to clients and useless to anyone else. TLS 1.3
 * and TLS 1.2 (RFC 5077 §4) share the key; each state's format marker keeps them apart.
 */
export class TicketSealer {
  private readonly key: Uint8Array;

  constructor(private readonly provider: CryptoProvider) {
    this.key = provider.randomBytes(32);
  }

  seal(state: SessionState): Uint8Array {
    return this.sealBytes(serializeSessionState(state));
  }

  /** The state inside a ticket this context issued; undefined for anything else. */
  open(ticket: Uint8Array): SessionState | undefined {
    return this.openWith(ticket, (plain) => parseSessionState(plain, 'ticket'));
  }

  sealBytes(plain: Uint8Array): Uint8Array {
    const nonce = this.provider.randomBytes(NONCE);
    const sealed = this.provider.aead('aes-256-gcm', this.key).seal(nonce, plain, AAD);
    return concat(nonce, sealed);
  }

  /** `parse` applied to what a ticket of this context holds; undefined when it is not one or does not parse. */
  openWith<T>(ticket: Uint8Array, parse: (plain: Uint8Array) => T): T | undefined {
    if (ticket.length < NONCE + 16) return undefined;
    const plain = this.provider.aead('aes-256-gcm', this.key).open(ticket.subarray(0, NONCE), ticket.subarray(NONCE), AAD);
    if (plain === null) return undefined;
    try {
      return parse(plain);
    } catch {
      return undefined;
    }
  }

  destroy(): void {
    this.key.fill(0);
  }
}
