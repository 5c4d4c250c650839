/** TLS record content types, RFC 8446 §5.1. */
export enum ContentType {
  change_cipher_spec = 20,
  alert = 21,
  handshake = 22,
  application_data = 23,
}

/** §5.1: TLSPlaintext.length MUST NOT exceed 2^14. */
export const MAX_PLAINTEXT = 1 << 14;
/** §5.2: TLSCiphertext.length MUST NOT exceed 2^14 + 256. */
export const MAX_CIPHERTEXT = MAX_PLAINTEXT + 256;
export const RECORD_HEADER = 5;

/** One record off the wire, before decryption. */
export interface RawRecord {
  readonly type: ContentType;
  readonly header: Uint8Array;
  readonly fragment: Uint8Array;
}

/**
 * One direction's record protection. TLS 1.3 hides the real content type inside the ciphertext
 * (`innerType`, outer type application_data, RFC 8446 §5.2); TLS 1.2 keeps it in the header
 * (RFC 5246 §6.2.3), so alerts and Finished travel protected under their own type.
 */
export interface RecordProtection {
  readonly innerType: boolean;
  /** A complete protected record (header included). */
  seal(type: ContentType, content: Uint8Array, padding?: number): Uint8Array;
  /** Decrypts one record; throws bad_record_mac when it does not authenticate. */
  open(header: Uint8Array, fragment: Uint8Array): { type: ContentType; content: Uint8Array };
  destroy(): void;
}
