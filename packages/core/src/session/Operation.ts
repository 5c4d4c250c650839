import { Errno } from '../gsk/errno.js';
import { GskStatus } from '../gsk/status.js';
import type { CompletionPort, PortClient } from '../port/CompletionPort.js';
import type { OperationId, OperationKind, Overlapped, OverlappedInput } from '../port/Overlapped.js';

/** Where a finished operation goes: a completion port, or a callback (the reactive layer). */
export type CompletionTarget = CompletionPort | ((completion: Overlapped) => void);

/** The outputs an operation finishes with. */
export interface Outcome {
  returnValue: GskStatus;
  errnoValue?: Errno;
  secureDataTransferSize?: number;
  bytesAvailable?: number;
  error?: Overlapped['error'];
  negotiated?: Overlapped['negotiated'];
}

/**
 * One started operation. `finish` is the only way out and runs once: a result, a cancellation,
 * a timeout or the port's destruction (DESIGN.md rule 2).
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
    private readonly registry: OperationRegistry,
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
    const o = this.overlapped as Overlapped;
    o.operationCompleted = this.kind;
    o.returnValue = outcome.returnValue;
    o.errnoValue = outcome.errnoValue ?? Errno.NONE;
    o.secureDataTransferSize = outcome.secureDataTransferSize ?? 0;
    o.bytesAvailable = outcome.bytesAvailable ?? 0;
    if (outcome.error !== undefined) o.error = outcome.error;
    if (outcome.negotiated !== undefined) o.negotiated = outcome.negotiated;
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
      const o = this.overlapped as Overlapped;
      o.operationCompleted = this.kind;
      o.returnValue = GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT;
      o.errnoValue = Errno.EDESTROYED;
    }
  }

  private settle(): boolean {
    if (this.done) return false;
    this.done = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.registry.remove(this);
    this.onSettle?.();
    return true;
  }
}

/**
 * The pending operations of one session (or listener), indexed by id so that cancelOperation and
 * isOperationPending are O(1) in the number pending (DESIGN.md rule 4). An id usually names one
 * operation, stored as itself; a shared id holds a Set.
 */
export class OperationRegistry implements PortClient {
  private readonly byId = new Map<OperationId | undefined, Operation | Set<Operation>>();
  private count = 0;
  /**
   * Pending operations per port. The registry is attached to a port only while it has operations
   * there, so a long-lived port does not keep every session it ever served.
   */
  private readonly perPort = new Map<CompletionPort, number>();

  get size(): number {
    return this.count;
  }

  start(kind: OperationKind, overlapped: OverlappedInput, target: CompletionTarget): Operation {
    const op = new Operation(kind, overlapped, target, this);
    const id = overlapped.operationId;
    const existing = this.byId.get(id);
    if (existing === undefined) this.byId.set(id, op);
    else if (existing instanceof Set) existing.add(op);
    else this.byId.set(id, new Set([existing, op]));
    this.count++;
    if (typeof target !== 'function') {
      const n = this.perPort.get(target) ?? 0;
      if (n === 0) target.attach(this);
      this.perPort.set(target, n + 1);
    }
    return op;
  }

  /** @internal Called by Operation when it settles. */
  remove(op: Operation): void {
    const id = op.overlapped.operationId;
    const existing = this.byId.get(id);
    let removed = false;
    if (existing === op) {
      this.byId.delete(id);
      removed = true;
    } else if (existing instanceof Set && existing.delete(op)) {
      removed = true;
      if (existing.size === 0) this.byId.delete(id);
    }
    if (!removed) return;
    this.count--;
    const port = op.target;
    if (typeof port !== 'function') {
      const n = (this.perPort.get(port) ?? 1) - 1;
      if (n > 0) {
        this.perPort.set(port, n);
      } else {
        this.perPort.delete(port);
        port.detach(this);
      }
    }
  }

  isPending(id: OperationId): boolean {
    return this.byId.has(id);
  }

  /** The pending operations with this id (a snapshot: settling them does not disturb the loop). */
  withId(id: OperationId): Operation[] {
    const existing = this.byId.get(id);
    if (existing === undefined) return [];
    return existing instanceof Set ? [...existing] : [existing];
  }

  all(): Operation[] {
    return [...this.byId.values()].flatMap((e) => (e instanceof Set ? [...e] : [e]));
  }

  /** The port is gone: its operations settle without being posted. */
  portDestroyed(port: CompletionPort): void {
    this.perPort.delete(port);
    for (const op of this.all()) if (op.target === port) op.portDestroyed();
  }
}
