import { TicketKeyRing, type RotationSchedule } from '@tlsport/core';
import { connectQuietly, DEFAULT_COMMAND_TIMEOUT_MS, redisClient, type RedisClient } from './redisClient.js';
import { RedisSessionCache } from './RedisSessionCache.js';
import { RedisTicketKeySource } from './RedisTicketKeySource.js';

export interface RedisStoresOptions {
  /** redis://[user:password@]host:port[/db] */
  readonly url: string;
  /** Prefix of every Redis key and channel; default "tlsport". Servers of one fleet use the same. */
  readonly prefix?: string;
  /** Rotation; default encrypt 2 h, then decrypt 13 h (s2n's). Every server of a fleet needs the same. */
  readonly schedule?: Partial<RotationSchedule>;
  /** How often servers look for new keys (ms); default a quarter slot, at most a minute. */
  readonly refreshMs?: number;
  /** Entries of the TLS 1.2 session cache each server keeps; default 1024. */
  readonly sessionCacheSize?: number;
  /** Where outages are reported; default console.warn. */
  readonly log?: (message: string) => void;
}

/**
 * What a server of a fleet passes to its environment (`ticketKeys`, `sessionCache`), connected to
 * one Redis. Opening never fails because Redis is down: the server starts with keys of its own and
 * picks up the fleet's once Redis answers.
 */
export class RedisStores {
  private constructor(
    readonly ticketKeys: TicketKeyRing,
    readonly sessionCache: RedisSessionCache,
    private readonly clients: readonly RedisClient[],
  ) {}

  static async open(options: RedisStoresOptions): Promise<RedisStores> {
    const log = options.log ?? ((message: string) => console.warn(message));
    const client = redisClient({ url: options.url, log });
    const subscriber = client.duplicate();
    subscriber.on('error', () => {}); // reported once through `client`
    await Promise.all([connectQuietly(client, DEFAULT_COMMAND_TIMEOUT_MS), connectQuietly(subscriber, DEFAULT_COMMAND_TIMEOUT_MS)]);
    const prefix = options.prefix ?? 'tlsport';
    const ticketKeys = await TicketKeyRing.open({
      source: new RedisTicketKeySource(client, { prefix }),
      ...(options.schedule === undefined ? {} : { schedule: options.schedule }),
      ...(options.refreshMs === undefined ? {} : { refreshMs: options.refreshMs }),
      log,
    });
    const sessionCache = await RedisSessionCache.open(client, subscriber, { prefix, log, ...(options.sessionCacheSize === undefined ? {} : { capacity: options.sessionCacheSize }) });
    return new RedisStores(ticketKeys, sessionCache, [client, subscriber]);
  }

  /** Closes the ring, the cache (zeroing what they hold) and both connections. */
  async close(): Promise<void> {
    await this.ticketKeys.close();
    await this.sessionCache.close();
    await Promise.all(this.clients.map((c) => (c.isOpen ? c.close().catch(() => {}) : c.destroy())));
  }
}
