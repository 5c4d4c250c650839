import { TICKET_KEY_NAME_BYTES, type TicketKey, type TicketKeyRing } from '@tlsport/core/spi';
import type { CryptoProvider } from '../crypto/provider.js';
import { concat } from '../codec/bytes.js';
import { parseSessionState, serializeSessionState, type SessionState } from './sessionState.js';

const NONCE = 12;
const TAG = 16;
const LABEL = new TextEncoder().encode('tlsport pure ticket v2');

/**
 * Server session tickets: the session state sealed with AES-256-GCM under the current key of a
 * TicketKeyRing, shared by every server of a fleet. A ticket is the key's name, a nonce and the
 * sealed state (RFC 5077 §4's key_name idea); the name picks the key that opens it, so tickets
 * sealed before a rotation still open while their key's decrypt window lasts. TLS 1.3 and TLS 1.2
 * share the keys; each state's format marker keeps them apart.
 */
export class TicketSealer {
  /** The AES key derived from each ring key, so the ring's secret is not used raw for a second cipher. */
  private readonly aesKeys = new WeakMap<TicketKey, Uint8Array>();

  constructor(
    private readonly provider: CryptoProvider,
    private readonly ring: TicketKeyRing,
  ) {}

  /** Seconds a ticket sealed now may live: never past its key's decrypt window. */
  lifetimeSeconds(): number {
    return this.ring.ticketLifetimeSeconds();
  }

  seal(state: SessionState): Uint8Array {
    return this.sealBytes(serializeSessionState(state));
  }

  /** The state inside a ticket of this ring; undefined for anything else. */
  open(ticket: Uint8Array): SessionState | undefined {
    return this.openWith(ticket, (plain) => parseSessionState(plain, 'ticket'));
  }

  sealBytes(plain: Uint8Array): Uint8Array {
    const key = this.ring.encryptionKey();
    const nonce = this.provider.randomBytes(NONCE);
    const sealed = this.provider.aead('aes-256-gcm', this.aesKey(key)).seal(nonce, plain, concat(LABEL, key.name));
    return concat(key.name, nonce, sealed);
  }

  /** `parse` applied to what a ticket of this ring holds; undefined when its key is unknown or gone, or it does not open or parse. */
  openWith<T>(ticket: Uint8Array, parse: (plain: Uint8Array) => T): T | undefined {
    if (ticket.length < TICKET_KEY_NAME_BYTES + NONCE + TAG) return undefined;
    const name = ticket.subarray(0, TICKET_KEY_NAME_BYTES);
    const key = this.ring.decryptionKey(name);
    if (key === undefined) return undefined;
    const nonce = ticket.subarray(TICKET_KEY_NAME_BYTES, TICKET_KEY_NAME_BYTES + NONCE);
    const plain = this.provider.aead('aes-256-gcm', this.aesKey(key)).open(nonce, ticket.subarray(TICKET_KEY_NAME_BYTES + NONCE), concat(LABEL, name));
    if (plain === null) return undefined;
    try {
      return parse(plain);
    } catch {
      return undefined;
    }
  }

  private aesKey(key: TicketKey): Uint8Array {
    let aes = this.aesKeys.get(key);
    if (aes === undefined) this.aesKeys.set(key, (aes = this.provider.hkdfExtract('sha256', LABEL, key.secret)));
    return aes;
  }
}
