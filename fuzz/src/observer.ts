import { GskStatus, TlsError, type EngineSink, type HandshakeResult } from '@tlsport/core';

/**
 * The target engine's sink: records what the engine reported and checks the SPI contract as it
 * goes (a failure is a TlsError carrying a GSK status; nothing after failed; one handshake result).
 */
export class ObservedSink implements EngineSink {
  readonly problems: string[] = [];
  failure: TlsError | undefined;
  handshake: HandshakeResult | undefined;
  ended = false;

  constructor(private readonly forward: (bytes: Uint8Array) => void) {}

  private check(what: string): boolean {
    if (this.failure !== undefined) {
      this.problems.push(`sink.${what} called after failed (${this.failure.message})`);
      return false;
    }
    if (this.ended) return false;
    return true;
  }

  transmit(ciphertext: Uint8Array): void {
    if (this.check('transmit')) this.forward(Uint8Array.from(ciphertext));
  }

  plaintext(): void {
    if (this.check('plaintext') && this.handshake === undefined) this.problems.push('plaintext before handshakeComplete');
  }

  handshakeComplete(result: HandshakeResult): void {
    if (!this.check('handshakeComplete')) return;
    if (this.handshake !== undefined) this.problems.push('handshakeComplete called twice');
    this.handshake = result;
  }

  peerClosed(): void {
    this.check('peerClosed');
  }

  failed(error: TlsError): void {
    if (!this.check('failed')) return;
    if (!(error instanceof TlsError)) {
      this.problems.push(`failed with a non-TlsError: ${String(error)}`);
    } else if (GskStatus[error.status] === undefined) {
      this.problems.push(`failed with status ${error.status}, not a GskStatus`);
    }
    this.failure = error instanceof TlsError ? error : new TlsError('internal', String(error));
  }

  keylog(): void {
    this.check('keylog');
  }

  session(): void {
    this.check('session');
  }
}

/** A sink that only forwards ciphertext: the peer's, whose own behaviour is not under test. */
export function peerSink(forward: (bytes: Uint8Array) => void, onDone: () => void): EngineSink {
  let over = false;
  return {
    transmit: (bytes) => {
      if (!over) forward(Uint8Array.from(bytes));
    },
    plaintext: () => undefined,
    handshakeComplete: () => onDone(),
    peerClosed: () => undefined,
    failed: () => {
      over = true;
      onDone();
    },
    keylog: () => undefined,
    session: () => undefined,
  };
}
