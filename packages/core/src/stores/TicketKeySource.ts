import { randomBytes } from 'node:crypto';
import { TICKET_KEY_NAME_BYTES, TICKET_KEY_SECRET_BYTES, type TicketKey } from './ticketKey.js';
import type { RotationSchedule } from './rotation.js';

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

  async keysFor(slots: readonly number[]): Promise<TicketKey[]> {
    // Slots before the oldest one asked for are past their decrypt window: forget them.
    this.forgetBefore(Math.min(...slots));
    return slots.map((slot) => {
      let key = this.keys.get(slot);
      if (key === undefined) this.keys.set(slot, (key = newTicketKey(slot)));
      return key;
    });
  }

  private forgetBefore(slot: number): void {
    for (const [s, key] of this.keys) {
      if (s < slot) {
        key.secret.fill(0);
        this.keys.delete(s);
      }
    }
  }

  async close(): Promise<void> {
    this.forgetBefore(Number.POSITIVE_INFINITY);
  }
}
