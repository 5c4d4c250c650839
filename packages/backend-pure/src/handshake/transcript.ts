import type { CryptoProvider, Hash, HashName } from '../crypto/provider.js';
import { concat } from '../codec/bytes.js';
import { frameHandshake, type HandshakeMessage } from './message.js';
import { HandshakeType } from './types.js';

/**
 * The running transcript hash (RFC 8446 §4.4.1) over the exact handshake bytes. Until the suite
 * (and so the hash) is known, messages are kept; `select` starts hashing. Messages enter only
 * through `readMessage`/`writeMessage` below, so none can be left out.
 */
export class Transcript {
  private pending: Uint8Array[] = [];
  private running: Hash | undefined;
  private hashName: HashName | undefined;
  /** TLS 1.2 keeps the messages themselves: CertificateVerify signs them, not a hash (RFC 5246 §7.4.8). */
  private retained: Uint8Array[] | undefined;

  constructor(private readonly provider: CryptoProvider) {}

  select(name: HashName): void {
    if (this.running !== undefined) return;
    this.hashName = name;
    this.running = this.provider.hash(name);
    for (const m of this.pending) this.running.update(m);
    this.pending = [];
  }

  add(raw: Uint8Array): void {
    this.retained?.push(raw);
    if (this.running === undefined) this.pending.push(raw);
    else this.running.update(raw);
  }

  /** From now on keep every message; call before `select`, so nothing is missed. */
  retainMessages(): void {
    if (this.running !== undefined) throw new Error('transcript already hashing; messages were not kept');
    this.retained ??= [...this.pending];
  }

  /** Every message so far, concatenated (after `retainMessages`). */
  messages(): Uint8Array {
    if (this.retained === undefined) throw new Error('transcript messages were not retained');
    return concat(...this.retained);
  }

  /** Stops keeping messages once no signature needs them. */
  releaseMessages(): void {
    this.retained = undefined;
  }

  /** Transcript-Hash of everything so far. */
  current(): Uint8Array {
    if (this.running === undefined) throw new Error('transcript hash not selected yet');
    return this.running.snapshot();
  }

  /** Transcript-Hash of everything so far followed by `partial` (a truncated ClientHello, for binders). */
  hashWith(name: HashName, partial: Uint8Array): Uint8Array {
    if (this.running !== undefined) return this.running.fork().update(partial).snapshot();
    return this.provider.digest(name, concat(...this.pending, partial));
  }

  /**
   * HelloRetryRequest (§4.4.1): ClientHello1 is replaced by message_hash(Hash(ClientHello1)).
   * Call after `select` and before the HelloRetryRequest itself is added.
   */
  replaceWithMessageHash(): void {
    if (this.running === undefined || this.hashName === undefined) throw new Error('transcript hash not selected yet');
    const digest = this.running.snapshot();
    this.running = this.provider.hash(this.hashName).update(frameHandshake(HandshakeType.message_hash, digest).raw);
  }
}

/** Parses a received message and adds its exact bytes to the transcript. */
export function readMessage<T>(transcript: Transcript, msg: HandshakeMessage, parse: (body: Uint8Array) => T): T {
  const value = parse(msg.body);
  transcript.add(msg.raw);
  return value;
}
