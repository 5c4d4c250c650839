import { Errno, type CompletionPort, type OperationId } from '@tlsport/core';
import { flag, timevalMs, type Qso_OverlappedIO_t, type QsoOperation } from './overlapped.js';

/** How a plain operation ends: IBM's socket-style results (returnValue = bytes or descriptor, -1 + errno). */
export interface PlainOutcome {
  returnValue: number;
  errnoValue?: number;
}

/**
 * One started QsoStartRecv/QsoStartSend/QsoStartAccept. Finishes exactly once: its result, a
 * cancel, operationWaitTime (-1, EAGAIN) or the port's destruction (settled, not posted).
 */
export class PlainOperation {
  private done = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly kind: QsoOperation,
    readonly io: Qso_OverlappedIO_t,
    readonly port: CompletionPort,
    private readonly onSettle: (op: PlainOperation) => void,
  ) {
    port.attach(this);
    const ms = timevalMs(io.operationWaitTime);
    if (ms !== undefined && ms > 0) this.timer = setTimeout(() => this.finish({ returnValue: -1, errnoValue: Errno.EAGAIN }), ms);
  }

  get pending(): boolean {
    return !this.done;
  }

  get id(): OperationId | undefined {
    return this.io.operationId;
  }

  /** Posts the result (a copy of the caller's record with the outputs). False when already settled. */
  finish(outcome: PlainOutcome, postFlagResult = 0): boolean {
    if (!this.settle()) return false;
    if (!this.port.destroyed) {
      const record: Qso_OverlappedIO_t = { ...this.io, operationCompleted: this.kind, returnValue: outcome.returnValue, errnoValue: outcome.errnoValue ?? 0, postFlagResult };
      this.port.post(record as never);
    }
    return true;
  }

  /** The port is being destroyed: settle without posting (core's PortClient). */
  portDestroyed(): void {
    this.settle();
  }

  private settle(): boolean {
    if (this.done) return false;
    this.done = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.port.detach(this);
    this.onSettle(this);
    return true;
  }
}

/** Fills a synchronous result into the caller's record (nothing posted), as Qso does with postFlag 0. */
export function completeNow(io: Qso_OverlappedIO_t, kind: QsoOperation, outcome: PlainOutcome): void {
  io.operationCompleted = kind;
  io.returnValue = outcome.returnValue;
  io.errnoValue = outcome.errnoValue ?? 0;
  io.postFlagResult = 0;
}

export { flag };
