import type { CryptoProvider } from '../crypto/provider.js';
import { concat } from '../codec/bytes.js';
import { parseSessionState, serializeSessionState, type SessionState } from './sessionState.js';

const NONCE = 12;
const AAD = new TextEncoder().encode('tlsport pure ticket v1');

/**
 * Server session tickets: the session state sealed with AES-256-GCM under a key that lives only
 * in this context's memory, so tickets are opaque to clients and useless to anyone else.
 */
export class TicketSealer {
  private readonly key: Uint8Array;

  constructor(private readonly provider: CryptoProvider) {
    this.key = provider.randomBytes(32);
  }

  seal(state: SessionState): Uint8Array {
    const nonce = this.provider.randomBytes(NONCE);
    const sealed = this.provider.aead('aes-256-gcm', this.key).seal(nonce, serializeSessionState(state), AAD);
    return concat(nonce, sealed);
  }

  /** The state inside a ticket this context issued; undefined for anything else. */
  open(ticket: Uint8Array): SessionState | undefined {
    if (ticket.length < NONCE + 16) return undefined;
    const plain = this.provider.aead('aes-256-gcm', this.key).open(ticket.subarray(0, NONCE), ticket.subarray(NONCE), AAD);
    if (plain === null) return undefined;
    try {
      return parseSessionState(plain, 'ticket');
    } catch {
      return undefined;
    }
  }

  destroy(): void {
    this.key.fill(0);
  }
}
