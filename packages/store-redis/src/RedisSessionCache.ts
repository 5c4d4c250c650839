import { MemorySessionCache, type SessionCache } from '@tlsport/core';
import { DEFAULT_COMMAND_TIMEOUT_MS, withTimeout, type RedisClient } from './redisClient.js';

export interface RedisSessionCacheOptions {
  /** Key and channel prefix; default "tlsport". */
  readonly prefix?: string;
  /** Entries each server keeps in memory; default core's DEFAULT_SESSION_CACHE_SIZE. */
  readonly capacity?: number;
  /** Where failed writes are reported (once per outage); default console.warn. */
  readonly log?: (message: string) => void;
}

/**
 * A TLS 1.2 session-id cache replicated through Redis. Engines look sessions up synchronously
 * while they read a ClientHello, so lookups never go to the network: every server keeps a bounded
 * in-memory copy, each new session is written to Redis with a TTL equal to its lifetime and
 * published on a channel, and every server adds what it hears to its copy. A server that joins
 * late loads nothing old: its copy fills as sessions are made. With Redis away, each server keeps
 * its own sessions and says so once.
 */
export class RedisSessionCache implements SessionCache {
  private readonly local: MemorySessionCache;
  private readonly prefix: string;
  private readonly channel: string;
  private readonly log: (message: string) => void;
  private failing = false;

  private constructor(
    private readonly client: RedisClient,
    options: RedisSessionCacheOptions,
  ) {
    this.local = new MemorySessionCache(options.capacity);
    this.prefix = options.prefix ?? 'tlsport';
    this.channel = `${this.prefix}:sessions`;
    this.log = options.log ?? ((message) => console.warn(message));
  }

  /** A cache on `client`, subscribed to its fleet's channel through `subscriber` (a duplicate connection). */
  static async open(client: RedisClient, subscriber: RedisClient, options: RedisSessionCacheOptions = {}): Promise<RedisSessionCache> {
    const cache = new RedisSessionCache(client, options);
    // node-redis re-subscribes by itself after a reconnect.
    await withTimeout(subscriber.subscribe(cache.channel, (message) => cache.receive(message)), DEFAULT_COMMAND_TIMEOUT_MS, 'subscribe').catch((error: Error) => cache.report(error));
    return cache;
  }

  get(sessionId: Uint8Array): Uint8Array | undefined {
    return this.local.get(sessionId);
  }

  set(sessionId: Uint8Array, session: Uint8Array, lifetimeSeconds: number): void {
    this.local.set(sessionId, session, lifetimeSeconds);
    const id = Buffer.from(sessionId).toString('hex');
    const value = Buffer.from(session).toString('base64');
    // Sent together (one pipeline): the other servers should hear of it before the client reconnects.
    this.send(async () => {
      await Promise.all([
        this.client.publish(this.channel, `${id} ${lifetimeSeconds} ${value}`),
        this.client.set(`${this.prefix}:session:${id}`, value, { expiration: { type: 'EX', value: lifetimeSeconds } }),
      ]);
    });
  }

  delete(sessionId: Uint8Array): void {
    this.local.delete(sessionId);
    const id = Buffer.from(sessionId).toString('hex');
    this.send(async () => {
      await Promise.all([this.client.publish(this.channel, `${id} 0`), this.client.del(`${this.prefix}:session:${id}`)]);
    });
  }

  /** A message from the channel: "<id hex> <lifetime s> <session base64>" stores, "<id hex> 0" forgets. Anything else is dropped. */
  private receive(message: string): void {
    const [id, lifetime, value] = message.split(' ');
    if (id === undefined || !/^(?:[0-9a-f]{2}){1,32}$/.test(id) || lifetime === undefined || !/^\d{1,7}$/.test(lifetime)) return;
    const sessionId = Buffer.from(id, 'hex');
    if (lifetime === '0' || value === undefined) {
      this.local.delete(sessionId);
      return;
    }
    const session = Buffer.from(value, 'base64');
    this.local.set(sessionId, session, Number(lifetime));
    session.fill(0);
  }

  private send(write: () => Promise<void>): void {
    if (!this.client.isReady) {
      this.report(new Error('not connected'));
      return;
    }
    withTimeout(write(), DEFAULT_COMMAND_TIMEOUT_MS, 'session cache').then(
      () => {
        this.failing = false;
      },
      (error: Error) => this.report(error),
    );
  }

  private report(error: Error): void {
    if (!this.failing) this.log(`tlsport: session cache not shared while redis is unreachable (${error.message}); sessions stay on this server`);
    this.failing = true;
  }

  async close(): Promise<void> {
    await this.local.close();
  }
}
