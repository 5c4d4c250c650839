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
