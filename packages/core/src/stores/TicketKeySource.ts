import { randomBytes } from 'node:crypto';
import { TICKET_KEY_NAME_BYTES, TICKET_KEY_SECRET_BYTES, type TicketKey } from './ticketKey.js';
import { previousSlots, type RotationSchedule } from './rotation.js';

/**
 * Where the ticket keys of a server, or of a fleet of servers, come from. Each rotation slot has
 * exactly one key: the first caller for a slot creates it, every later caller (in this process or
 * another one sharing the source) gets the same key. Keys live in memory only: a source never
 * writes them to disk.
 */
export interface TicketKeySource {
  /** The keys of `slots` under `schedule`, creating the missing ones. Rejects when the source is unreachable. */
  keysFor(slots: readonly number[], schedule: RotationSchedule): Promise<TicketKey[]>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}

/** A fresh random key for `slot`. */
export function newTicketKey(slot: number): TicketKey {
  return { slot, name: randomBytes(TICKET_KEY_NAME_BYTES), secret: randomBytes(TICKET_KEY_SECRET_BYTES) };
}

/** The default source: keys made in this process, shared only by the rings that use this object. */
export class MemoryTicketKeySource implements TicketKeySource {
  private readonly keys = new Map<number, TicketKey>();

  async keysFor(slots: readonly number[], schedule: RotationSchedule): Promise<TicketKey[]> {
    // Rings ask for the slots they miss (often only the next one): what is older than every live slot is dead.
    const oldestLive = Math.min(...slots) - previousSlots(schedule) - 1;
    for (const slot of this.keys.keys()) if (slot < oldestLive) this.keys.delete(slot);
    return slots.map((slot) => {
      let key = this.keys.get(slot);
      if (key === undefined) this.keys.set(slot, (key = newTicketKey(slot)));
      return key;
    });
  }

  /** Forgets the keys; the rings holding them zero them when they drop them. */
  async close(): Promise<void> {
    this.keys.clear();
  }
}
