import type { TlsError } from '../tls/TlsError.js';
import type { EngineSink, HandshakeResult } from './spi.js';

/** A sink that stops passing calls on once silenced, and `silence` to do so. */
export interface GuardedSink {
  readonly sink: EngineSink;
  silence(): void;
}

/**
 * The one guard between an engine and whoever consumes its output: after a failure has been
 * reported, or once the engine is being destroyed, nothing more gets through. Engines therefore
 * need no guard of their own (an asynchronous engine's late callbacks simply fall silent here).
 */
export function guardSink(target: EngineSink): GuardedSink {
  return new SinkGuard(target);
}

/**
 * One object with its methods on the prototype rather than a closure per method: every session
 * keeps one for its lifetime (0.5 KiB less JS heap per idle session than eight closures).
 */
class SinkGuard implements GuardedSink, EngineSink {
  private live = true;

  constructor(private readonly target: EngineSink) {}

  get sink(): EngineSink {
    return this;
  }

  silence(): void {
    this.live = false;
  }

  transmit(ciphertext: Uint8Array): void {
    if (this.live) this.target.transmit(ciphertext);
  }

  plaintext(data: Uint8Array): void {
    if (this.live) this.target.plaintext(data);
  }

  handshakeComplete(result: HandshakeResult): void {
    if (this.live) this.target.handshakeComplete(result);
  }

  peerClosed(): void {
    if (this.live) this.target.peerClosed();
  }

  failed(error: TlsError): void {
    if (!this.live) return;
    this.live = false;
    this.target.failed(error);
  }

  keylog(line: string): void {
    if (this.live) this.target.keylog(line);
  }

  session(state: Uint8Array): void {
    if (this.live) this.target.session(state);
  }
}
