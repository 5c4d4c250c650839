import { Errno } from '../gsk/errno.js';
import { GskStatus } from '../gsk/status.js';
import type { CompletionPort } from './CompletionPort.js';
import { writeCompletion, type Outcome } from './completionRecord.js';
import type { OperationKind, Overlapped, OverlappedInput } from './Overlapped.js';

/** Where a finished operation goes: a completion port, or a callback (the reactive layer). */
export type CompletionTarget = CompletionPort | ((completion: Overlapped) => void);

/** What an operation tells its registry when it settles. */
export interface OperationOwner {
  remove(op: Operation): void;
}

/**
 * One started operation. `finish` is the only way out and runs once: a result, a cancellation,
 * a timeout or the port's destruction (docs/design.md rule 2).
 */
export class Operation {
  private done = false;
  private timer: NodeJS.Timeout | undefined;
  /** Called once when the operation settles for any reason, before it is delivered. */
  onSettle: (() => void) | undefined;

  constructor(
    readonly kind: OperationKind,
    readonly overlapped: OverlappedInput,
    readonly target: CompletionTarget,
    private readonly owner: OperationOwner,
  ) {}

  get pending(): boolean {
    return !this.done;
  }

  /** Arms a deadline; `onExpire` decides the outcome (EAGAIN for I/O, timed-out for handshakes). */
  armTimer(ms: number, onExpire: () => void): void {
    this.timer = setTimeout(onExpire, ms);
  }

  /** Settles and delivers. Returns false (and does nothing) if already settled. */
  finish(outcome: Outcome): boolean {
    if (!this.settle()) return false;
    const o = writeCompletion(this.overlapped, this.kind, outcome);
    if (typeof this.target === 'function') {
      // Callbacks run after the current engine call unwinds, so a consumer may start the next
      // operation from inside its callback without re-entering the engine.
      const callback = this.target;
      queueMicrotask(() => callback(o));
    } else {
      this.target.deliver(o);
    }
    return true;
  }

  /** The port is being destroyed: settle without delivering (there is nobody to deliver to). */
  portDestroyed(): void {
    if (this.settle()) {
      writeCompletion(this.overlapped, this.kind, { returnValue: GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, errnoValue: Errno.EDESTROYED });
    }
  }

  private settle(): boolean {
    if (this.done) return false;
    this.done = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.owner.remove(this);
    this.onSettle?.();
    return true;
  }
}
