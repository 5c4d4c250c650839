import { GskStatus } from '../gsk/status.js';
import type { Outcome } from '../port/completionRecord.js';
import { Fifo } from '../port/Fifo.js';
import type { Operation } from '../port/Operation.js';
import type { TlsError } from '../tls/TlsError.js';

/** One StartSend's data on its way to the engine, slice by slice. */
export interface PendingSend {
  readonly data: Uint8Array;
  /** Set once the send is registered (a send that finishes inside startSend never gets one). */
  op: Operation | undefined;
  fed: number;
  written: number;
  error: TlsError | undefined;
}

/** What the queue needs from its session. */
export interface SendHooks {
  /** Hands a slice to the engine; `written` once its ciphertext went to the transport. */
  feed(slice: Uint8Array, written: (error?: TlsError) => void): void;
  /** Ciphertext bytes the transport may still take within the bound. */
  room(): number;
  /** Out of room: pump again once the transport has taken some. */
  wantRoom(): void;
  /** All of the send is written, or it failed. */
  settled(send: PendingSend): void;
}

/** A settled send's completion: everything written, or the error that stopped it. */
export function sendOutcome(send: PendingSend): Outcome {
  const error = send.error;
  if (error !== undefined) return { returnValue: error.status, errnoValue: error.errno, error };
  return { returnValue: GskStatus.GSK_OK, secureDataTransferSize: send.data.length };
}

const RECORD = 16 * 1024;
/** Per-record ciphertext overhead, generously (TLS 1.2 GCM: 5 header + 8 nonce + 16 tag). */
const RECORD_OVERHEAD = 64;

/** The ciphertext `n` bytes of plaintext may become. */
export function ciphertextCost(n: number): number {
  return n + Math.ceil(n / RECORD) * RECORD_OVERHEAD;
}

/** How much of `remaining` may go now: all of it, or whole records, within `room`; 0 to wait. */
export function sliceFor(remaining: number, room: number): number {
  if (ciphertextCost(remaining) <= room) return remaining;
  return Math.max(0, Math.floor(room / (RECORD + RECORD_OVERHEAD))) * RECORD;
}

/**
 * StartSends in order, fed to the engine only as the transport takes their ciphertext: a send
 * larger than the room left goes in record-sized slices as the transport drains, so the session
 * never queues more ciphertext than its bound (docs/design.md rule 11).
 */
export class SendQueue {
  private readonly queue = new Fifo<PendingSend>();
  /** Ciphertext fed and not yet reported written. */
  private inFlight = 0;
  private pumping = false;

  constructor(private readonly hooks: SendHooks) {}

  /** Queues `data` and feeds what fits now; the send is returned to be watched. */
  push(data: Uint8Array): PendingSend {
    const send: PendingSend = { data, op: undefined, fed: 0, written: 0, error: undefined };
    this.queue.push(send);
    this.pump();
    return send;
  }

  /** Feeds queued sends while the transport has room. */
  pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let send = this.queue.peek(); send !== undefined; send = this.queue.peek()) {
        const remaining = send.data.length - send.fed;
        if (remaining === 0 || send.error !== undefined || (send.op !== undefined && !send.op.pending)) {
          this.queue.shift();
          continue;
        }
        const n = sliceFor(remaining, this.hooks.room() - this.inFlight);
        if (n === 0) {
          this.hooks.wantRoom();
          return;
        }
        this.feedSlice(send, n);
      }
    } finally {
      this.pumping = false;
    }
  }

  clear(): void {
    this.queue.drain();
  }

  private feedSlice(send: PendingSend, n: number): void {
    const slice = send.data.subarray(send.fed, send.fed + n);
    const cost = ciphertextCost(n);
    send.fed += n;
    this.inFlight += cost;
    this.hooks.feed(slice, (error) => {
      this.inFlight -= cost;
      if (send.error === undefined) {
        if (error !== undefined) send.error = error;
        else send.written += n;
        if (error !== undefined || send.written === send.data.length) this.hooks.settled(send);
      }
      // An asynchronous engine reports later: what it took frees room for the next slice.
      this.pump();
    });
  }
}
