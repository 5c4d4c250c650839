import { deriveSecret, expandLabel, hkdfExtract, hmac, sha256 } from './crypto.js';
import { HS, handshakeMessage } from './wire.js';

const ZERO = Buffer.alloc(32);
const EMPTY_HASH = sha256();

/** The TLS 1.3 key schedule over a transcript (RFC 8446 §7.1), SHA-256, (EC)DHE only. */
export class Schedule13 {
  private readonly transcript: Buffer[] = [];
  private handshakeSecret: Buffer | undefined;

  add(...messages: Buffer[]): void {
    this.transcript.push(...messages);
  }

  hash(): Buffer {
    return sha256(...this.transcript);
  }

  /** §4.4.1: a HelloRetryRequest turns ClientHello1 into message_hash. */
  replaceWithMessageHash(): void {
    const digest = this.hash();
    this.transcript.splice(0, this.transcript.length, handshakeMessage(HS.messageHash, digest));
  }

  /** The handshake traffic secrets, once ServerHello is in the transcript. */
  handshakeSecrets(shared: Buffer): { client: Buffer; server: Buffer } {
    const early = hkdfExtract(ZERO, ZERO);
    this.handshakeSecret = hkdfExtract(deriveSecret(early, 'derived', EMPTY_HASH), shared);
    const h = this.hash();
    return { client: deriveSecret(this.handshakeSecret, 'c hs traffic', h), server: deriveSecret(this.handshakeSecret, 's hs traffic', h) };
  }

  /** The application traffic secrets, once the server Finished is in the transcript. */
  applicationSecrets(): { client: Buffer; server: Buffer } {
    const master = hkdfExtract(deriveSecret(this.handshakeSecret!, 'derived', EMPTY_HASH), ZERO);
    const h = this.hash();
    return { client: deriveSecret(master, 'c ap traffic', h), server: deriveSecret(master, 's ap traffic', h) };
  }

  /** A Finished message under `baseKey` over the transcript so far (§4.4.4). */
  finished(baseKey: Buffer): Buffer {
    const key = expandLabel(baseKey, 'finished', Buffer.alloc(0), 32);
    return handshakeMessage(HS.finished, hmac(key, this.hash()));
  }
}
