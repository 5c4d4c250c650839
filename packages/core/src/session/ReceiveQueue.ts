import { GskStatus } from '../gsk/status.js';
import type { Outcome } from '../port/completionRecord.js';
import { Fifo } from '../port/Fifo.js';
import type { Operation } from '../port/Operation.js';
import type { OverlappedInput } from '../port/Overlapped.js';
import type { TlsError } from '../tls/TlsError.js';
import { PlaintextBuffer } from './PlaintextBuffer.js';

/** Why no more plaintext will come: the status a receive that finds nothing gets, and the failure if one. */
export interface EndOfInput {
  readonly status: GskStatus;
  readonly error: TlsError | undefined;
}

/**
 * Received plaintext and the receives waiting for it, served in order by one readiness rule:
 * a receive completes once it can take at least one byte (or its whole buffer, with fillBuffer),
 * or with what is left (else the end status) once no more input will come.
 */
export class ReceiveQueue {
  private readonly plaintext = new PlaintextBuffer();
  private readonly waiting = new Fifo<Operation>();

  /** `end()`: undefined while input may still come. */
  constructor(private readonly end: () => EndOfInput | undefined) {}

  /** Plaintext received and not yet taken. */
  get buffered(): number {
    return this.plaintext.length;
  }

  /** Whether a receive is waiting (a new one must queue behind it, in order). */
  get hasWaiting(): boolean {
    return this.waiting.length > 0;
  }

  push(data: Uint8Array): void {
    this.plaintext.push(data);
  }

  /** The outcome of a receive into `record` if it can complete now; undefined if it must wait. */
  take(record: OverlappedInput): Outcome | undefined {
    const length = record.bufferLength ?? record.buffer!.length;
    const end = this.end();
    if (this.plaintext.length >= (record.fillBuffer ? length : 1) || (end !== undefined && this.plaintext.length > 0)) {
      const n = this.plaintext.readInto(record.buffer!, length);
      return { returnValue: GskStatus.GSK_OK, secureDataTransferSize: n, bytesAvailable: this.plaintext.length };
    }
    if (end === undefined) return undefined;
    return { returnValue: end.status, errnoValue: end.error?.errno, error: end.error };
  }

  wait(op: Operation): void {
    this.waiting.push(op);
  }

  /** Completes waiting receives, in order, for as long as the first can complete. */
  serve(): void {
    for (let op = this.waiting.peek(); op !== undefined; op = this.waiting.peek()) {
      if (op.pending) {
        const outcome = this.take(op.overlapped);
        if (outcome === undefined) return;
        op.finish(outcome);
      }
      this.waiting.shift();
    }
  }

  /** Drops the plaintext (the session ended; its waiting receives were finished with it). */
  clear(): void {
    this.plaintext.clear();
    this.waiting.drain();
  }
}
