import type { Socket } from 'node:net';
import { Errno, errnoFromNodeCode, type CompletionPort } from '@tlsport/core';
import { QSOSTARTRECV, QSOSTARTSEND, flag, type Qso_OverlappedIO_t, type QsoOperation } from './overlapped.js';
import { completeNow, PlainOperation, type PlainOutcome } from './PlainOperation.js';
import { PendingSet } from './PendingSet.js';
import { setErrno } from './ports.js';

function lengthOf(io: Qso_OverlappedIO_t): number | undefined {
  if (!(io.buffer instanceof Uint8Array)) return undefined;
  const n = io.bufferLength ?? io.buffer.length;
  return Number.isInteger(n) && n >= 1 && n <= io.buffer.length ? n : undefined;
}

/**
 * A connected descriptor used without TLS: QsoStartRecv/QsoStartSend on a completion port, with
 * IBM's socket-style results (returnValue = bytes, 0 at end of stream, -1 + errnoValue). The
 * socket is read only while a receive is pending, so at most one chunk waits here; `release`
 * hands what was read ahead back to the socket for a TLS session (STARTTLS).
 */
export class PlainSocket {
  readonly pending = new PendingSet();
  private readonly receives: PlainOperation[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;
  private failure: number | undefined;
  private attached = false;
  private released = false;

  constructor(private readonly socket: Socket) {}

  startRecv(port: CompletionPort, io: Qso_OverlappedIO_t): number {
    const length = lengthOf(io);
    if (length === undefined) return setErrno(Errno.EINVAL);
    if (this.released) return setErrno(Errno.EBADF);
    this.attach();
    const ready = this.receives.length === 0 ? this.takeFor(io, length) : undefined;
    if (ready !== undefined && !flag(io.postFlag)) {
      completeNow(io, QSOSTARTRECV, ready);
      return 1;
    }
    const op = this.start(QSOSTARTRECV, port, io);
    if (ready !== undefined) {
      io.postFlagResult = 1;
      op.finish(ready, 1);
      return 0;
    }
    this.receives.push(op);
    this.serve();
    return 0;
  }

  startSend(port: CompletionPort, io: Qso_OverlappedIO_t): number {
    const length = lengthOf(io);
    if (length === undefined) return setErrno(Errno.EINVAL);
    if (this.released || this.socket.destroyed || this.socket.writableEnded) return setErrno(Errno.EPIPE);
    let op: PlainOperation | undefined;
    let failed: PlainOutcome | undefined;
    const accepted = this.socket.write(io.buffer!.subarray(0, length), (error) => {
      if (error === undefined || error === null) return;
      const outcome = { returnValue: -1, errnoValue: errnoFromNodeCode((error as NodeJS.ErrnoException).code) };
      if (op === undefined) failed = outcome;
      else op.finish(outcome);
    });
    const done: PlainOutcome = failed ?? { returnValue: length };
    if (accepted && !flag(io.postFlag)) {
      completeNow(io, QSOSTARTSEND, done);
      return 1;
    }
    op = this.start(QSOSTARTSEND, port, io);
    if (accepted) {
      io.postFlagResult = 1;
      op.finish(done, 1);
    } else {
      const sent = op;
      this.socket.once('drain', () => sent.finish({ returnValue: length }));
    }
    return 0;
  }

  /** Cancels the pending operations with this id (-1, ECANCELED on the port); returns how many. */
  cancel(id: Qso_OverlappedIO_t['operationId']): number {
    let n = 0;
    for (const op of this.pending.withId(id)) if (op.finish({ returnValue: -1, errnoValue: Errno.ECANCELED })) n++;
    return n;
  }

  /**
   * STARTTLS: stop reading for plain receives and give back what was read ahead, so a TLS
   * session on the same socket sees every byte. False while plain operations are pending.
   */
  release(): boolean {
    if (this.pending.size > 0) return false;
    this.released = true;
    this.detach();
    this.socket.pause();
    for (const chunk of this.chunks.reverse()) this.socket.unshift(chunk);
    this.chunks = [];
    this.buffered = 0;
    return true;
  }

  private start(kind: QsoOperation, port: CompletionPort, io: Qso_OverlappedIO_t): PlainOperation {
    const op = new PlainOperation(kind, io, port, (settled) => this.pending.remove(settled));
    this.pending.add(op);
    return op;
  }

  /** What a receive into `io` gets now, or undefined when it must wait. */
  private takeFor(io: Qso_OverlappedIO_t, length: number): PlainOutcome | undefined {
    const need = flag(io.fillBuffer) ? length : 1;
    if (this.buffered >= need || (this.buffered > 0 && (this.ended || this.failure !== undefined))) {
      return { returnValue: this.copyInto(io.buffer!, length) };
    }
    if (this.failure !== undefined) return { returnValue: -1, errnoValue: this.failure };
    if (this.ended) return { returnValue: 0 };
    return undefined;
  }

  private copyInto(buffer: Uint8Array, length: number): number {
    let n = 0;
    while (n < length && this.chunks.length > 0) {
      const chunk = this.chunks[0]!;
      const take = Math.min(chunk.length, length - n);
      buffer.set(chunk.subarray(0, take), n);
      n += take;
      if (take === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(take);
    }
    this.buffered -= n;
    return n;
  }

  private serve(): void {
    while (this.receives.length > 0) {
      const op = this.receives[0]!;
      if (!op.pending) {
        this.receives.shift();
        continue;
      }
      const outcome = this.takeFor(op.io, op.io.bufferLength ?? op.io.buffer!.length);
      if (outcome === undefined) break;
      this.receives.shift();
      op.finish(outcome);
    }
    // Read only while someone waits: the socket's own buffer and TCP window do the back-pressure.
    if (this.receives.some((op) => op.pending) && !this.ended) this.socket.resume();
    else this.socket.pause();
  }

  private readonly onData = (chunk: Buffer): void => {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    this.serve();
  };

  private readonly onEnd = (): void => {
    this.ended = true;
    this.serve();
  };

  private readonly onError = (error: NodeJS.ErrnoException): void => {
    this.failure = errnoFromNodeCode(error.code);
    this.serve();
  };

  private attach(): void {
    if (this.attached) return;
    this.attached = true;
    this.socket.on('data', this.onData);
    this.socket.on('end', this.onEnd);
    this.socket.on('close', this.onEnd);
    this.socket.on('error', this.onError);
  }

  private detach(): void {
    if (!this.attached) return;
    this.attached = false;
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
  }
}
