import { guardSink, type EngineSink, type HandshakeResult, type TlsEngine, type TlsError } from '@tlsport/core';

/** What one engine has reported, as tests inspect it: an in-memory pair's side or a socket's engine. */
export class EngineSide {
  readonly received: Uint8Array[] = [];
  readonly keylog: string[] = [];
  readonly sessions: Uint8Array[] = [];
  handshake: HandshakeResult | undefined;
  error: TlsError | undefined;
  peerClosed = false;
  engine!: TlsEngine;
  /** Bytes this side transmitted, in order (for tests that tamper with the wire). */
  readonly wire: Uint8Array[] = [];

  receivedText(): string {
    return Buffer.concat(this.received).toString('utf8');
  }

  /**
   * A sink that records into this side; each transmitted chunk is copied, kept in `wire` and handed
   * to `deliver`. Guarded as a session guards it: nothing gets through after `failed`.
   */
  sink(deliver: (bytes: Uint8Array) => void): EngineSink {
    return guardSink({
      transmit: (bytes) => {
        const copy = Uint8Array.from(bytes);
        this.wire.push(copy);
        deliver(copy);
      },
      plaintext: (data) => this.received.push(Uint8Array.from(data)),
      handshakeComplete: (result) => {
        this.handshake = result;
      },
      peerClosed: () => {
        this.peerClosed = true;
      },
      failed: (error) => {
        this.error = error;
      },
      keylog: (line) => this.keylog.push(line),
      session: (state) => this.sessions.push(state),
    }).sink;
  }
}
