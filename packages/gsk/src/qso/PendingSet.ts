import type { OperationId } from '@tlsport/core';
import type { PlainOperation } from './PlainOperation.js';

/** The pending plain operations of one descriptor, by id: O(1) cancel and isPending lookups. */
export class PendingSet {
  private readonly byId = new Map<OperationId | undefined, Set<PlainOperation>>();

  add(op: PlainOperation): void {
    const set = this.byId.get(op.id) ?? new Set<PlainOperation>();
    set.add(op);
    this.byId.set(op.id, set);
  }

  remove(op: PlainOperation): void {
    const set = this.byId.get(op.id);
    if (set?.delete(op) && set.size === 0) this.byId.delete(op.id);
  }

  has(id: OperationId | undefined): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    let n = 0;
    for (const s of this.byId.values()) n += s.size;
    return n;
  }

  /** A snapshot of the operations with this id (settling them does not disturb the caller's loop). */
  withId(id: OperationId | undefined): PlainOperation[] {
    return [...(this.byId.get(id) ?? [])];
  }

  all(): PlainOperation[] {
    return [...this.byId.values()].flatMap((s) => [...s]);
  }
}
