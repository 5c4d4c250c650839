/** Bytes of a ticket key's name, written at the front of every ticket it seals (RFC 5077 §4's key_name). */
export const TICKET_KEY_NAME_BYTES = 16;
/** Bytes of a ticket key's secret: a 16-byte HMAC key then a 16-byte AES key, as OpenSSL and Node lay them out. */
export const TICKET_KEY_SECRET_BYTES = 32;

/**
 * One session-ticket key of a rotation slot. The slot fixes when the key encrypts and how long it
 * still decrypts (see RotationSchedule); the name lets a server find the key of a ticket without
 * trying every key.
 */
export interface TicketKey {
  /** The rotation slot: the key encrypts from slot × encryptSeconds for encryptSeconds. */
  readonly slot: number;
  readonly name: Uint8Array;
  readonly secret: Uint8Array;
}

/** The 48 bytes Node's `ticketKeys` option and `setTicketKeys()` take: name, HMAC key, AES key. */
export function ticketKeyBytes(key: TicketKey): Uint8Array {
  const bytes = new Uint8Array(TICKET_KEY_NAME_BYTES + TICKET_KEY_SECRET_BYTES);
  bytes.set(key.name, 0);
  bytes.set(key.secret, TICKET_KEY_NAME_BYTES);
  return bytes;
}

/** The key stored as 48 bytes (ticketKeyBytes) for `slot`; throws when `bytes` has another length. */
export function ticketKeyFromBytes(slot: number, bytes: Uint8Array): TicketKey {
  if (bytes.length !== TICKET_KEY_NAME_BYTES + TICKET_KEY_SECRET_BYTES) {
    throw new RangeError(`ticket key of slot ${slot}: expected ${TICKET_KEY_NAME_BYTES + TICKET_KEY_SECRET_BYTES} bytes, got ${bytes.length}`);
  }
  // Copies, not views (Buffer#slice is a view): the caller may zero `bytes`.
  return { slot, name: Uint8Array.from(bytes.subarray(0, TICKET_KEY_NAME_BYTES)), secret: Uint8Array.from(bytes.subarray(TICKET_KEY_NAME_BYTES)) };
}

/** Whether two key names are the same (names are not secret: no constant-time compare needed). */
export function sameKeyName(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
