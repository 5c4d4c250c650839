import { decryptEndMs, newTicketKey, ticketKeyBytes, ticketKeyFromBytes, type RotationSchedule, type TicketKey, type TicketKeySource } from '@tlsport/core';
import { DEFAULT_COMMAND_TIMEOUT_MS, withTimeout, type RedisClient } from './redisClient.js';

export interface RedisTicketKeySourceOptions {
  /** Key prefix, so several fleets can share one Redis; default "tlsport". */
  readonly prefix?: string;
  /** Per-request timeout in ms; default 1000. */
  readonly timeoutMs?: number;
  /** Wall clock in ms; tests inject one. */
  readonly clock?: () => number;
}

/**
 * Ticket keys shared through Redis. For each rotation slot the first server to ask writes a fresh
 * random key with SET NX (set if absent), expiring when the key stops decrypting; every server then
 * reads the one key that won. Keys travel to and from Redis and are held in memory; tlsport never
 * writes them to a file (Redis itself must run without persistence to keep them off disk too).
 */
export class RedisTicketKeySource implements TicketKeySource {
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly client: RedisClient,
    options: RedisTicketKeySourceOptions = {},
  ) {
    this.prefix = options.prefix ?? 'tlsport';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.clock = options.clock ?? Date.now;
  }

  /** One Redis key per slot and schedule, so fleets with different schedules never share a slot's key. */
  private redisKey(slot: number, schedule: RotationSchedule): string {
    return `${this.prefix}:ticket-key:${schedule.encryptSeconds}:${schedule.decryptSeconds}:${slot}`;
  }

  async keysFor(slots: readonly number[], schedule: RotationSchedule): Promise<TicketKey[]> {
    if (!this.client.isReady) throw new Error('not connected');
    const now = this.clock();
    const names = slots.map((slot) => this.redisKey(slot, schedule));
    const writes = slots.map((slot, i) => {
      const candidate = newTicketKey(slot);
      const ttl = Math.max(1000, decryptEndMs(schedule, slot) - now);
      const value = Buffer.from(ticketKeyBytes(candidate)).toString('base64');
      candidate.secret.fill(0);
      return this.client.set(names[i]!, value, { condition: 'NX', expiration: { type: 'PX', value: ttl } });
    });
    const values = await withTimeout(Promise.all(writes).then(() => this.client.mGet(names)), this.timeoutMs, 'ticket keys');
    return slots.map((slot, i) => {
      const value = values[i];
      if (typeof value !== 'string') throw new Error(`ticket key of slot ${slot} vanished from redis`);
      const bytes = Buffer.from(value, 'base64');
      try {
        return ticketKeyFromBytes(slot, bytes);
      } finally {
        bytes.fill(0);
      }
    });
  }

  async close(): Promise<void> {
    // The connection belongs to whoever made it (RedisStores closes it).
  }
}
