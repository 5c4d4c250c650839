import { Errno } from '../gsk/errno.js';
import { GskStatus } from '../gsk/status.js';
import type { CompletionPort, PortClient } from './CompletionPort.js';
import { Operation, type CompletionTarget, type OperationOwner } from './Operation.js';
import type { OperationId, OperationKind, OverlappedInput } from './Overlapped.js';

/**
 * The pending operations of one session (or listener), indexed by id so that cancelOperation and
 * isOperationPending are O(1) in the number pending (docs/design.md rule 4). An id usually names one
 * operation, stored as itself; a shared id holds a Set.
 */
export class OperationRegistry implements PortClient, OperationOwner {
  private readonly byId = new Map<OperationId | undefined, Operation | Set<Operation>>();
  /**
   * Pending operations per port. The registry is attached to a port only while it has operations
   * there, so a long-lived port does not keep every session it ever served.
   */
  private readonly perPort = new Map<CompletionPort, number>();

  start(kind: OperationKind, overlapped: OverlappedInput, target: CompletionTarget): Operation {
    const op = new Operation(kind, overlapped, target, this);
    const id = overlapped.operationId;
    const existing = this.byId.get(id);
    if (existing === undefined) this.byId.set(id, op);
    else if (existing instanceof Set) existing.add(op);
    else this.byId.set(id, new Set([existing, op]));
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
    if (existing === op) {
      this.byId.delete(id);
    } else if (existing instanceof Set && existing.delete(op)) {
      if (existing.size === 0) this.byId.delete(id);
    } else {
      return;
    }
    const port = op.target;
    if (typeof port === 'function') return;
    const n = (this.perPort.get(port) ?? 1) - 1;
    if (n > 0) {
      this.perPort.set(port, n);
    } else {
      this.perPort.delete(port);
      port.detach(this);
    }
  }

  isPending(id: OperationId): boolean {
    return this.byId.has(id);
  }

  /**
   * QsoCancelOperation: completes every pending operation with this id with ECANCELED and returns
   * how many. Status and errno say it all; no Error object, so cancelling stays cheap at any scale.
   */
  cancel(id: OperationId): number {
    let cancelled = 0;
    for (const op of this.withId(id)) {
      if (op.finish({ returnValue: GskStatus.GSK_TLSPORT_ERROR_CANCELLED, errnoValue: Errno.ECANCELED })) cancelled++;
    }
    return cancelled;
  }

  /** The pending operations with this id (a snapshot: settling them does not disturb the loop). */
  private withId(id: OperationId): Operation[] {
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
