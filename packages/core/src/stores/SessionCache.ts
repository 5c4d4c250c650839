/**
 * The server's TLS 1.2 session-id cache (RFC 5246 §7.4.1.2) behind an SPI. Entries are opaque
 * serialized sessions (they hold master secrets); engines look them up synchronously while they
 * process a ClientHello, so a fleet adapter replicates entries to every server rather than fetch
 * them on a lookup.
 */
export interface SessionCache {
  /** The session stored under `sessionId`, if it is still alive. */
  get(sessionId: Uint8Array): Uint8Array | undefined;
  /** Stores `session` under `sessionId` for `lifetimeSeconds`. */
  set(sessionId: Uint8Array, session: Uint8Array, lifetimeSeconds: number): void;
  /** Forgets a session that can no longer resume. */
  delete(sessionId: Uint8Array): void;
  /** Releases what the cache holds (zeroing the sessions) and any connection. */
  close(): Promise<void>;
}

/** Entries the in-memory cache keeps before evicting the least recently used. */
export const DEFAULT_SESSION_CACHE_SIZE = 1024;

interface Entry {
  readonly session: Uint8Array;
  readonly expiresMs: number;
}

/** The default: a bounded in-memory cache, least recently used first out, expired entries dropped on sight. */
export class MemorySessionCache implements SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly capacity = DEFAULT_SESSION_CACHE_SIZE,
    private readonly clock: () => number = Date.now,
  ) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError(`capacity: expected a positive whole number, got ${String(capacity)}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(sessionId: Uint8Array): Uint8Array | undefined {
    const id = Buffer.from(sessionId).toString('hex');
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    this.entries.delete(id);
    if (entry.expiresMs <= this.clock()) {
      entry.session.fill(0);
      return undefined;
    }
    this.entries.set(id, entry);
    return entry.session;
  }

  set(sessionId: Uint8Array, session: Uint8Array, lifetimeSeconds: number): void {
    const id = Buffer.from(sessionId).toString('hex');
    this.forget(id);
    this.entries.set(id, { session: Uint8Array.from(session), expiresMs: this.clock() + lifetimeSeconds * 1000 });
    while (this.entries.size > this.capacity) this.forget(this.entries.keys().next().value!);
  }

  delete(sessionId: Uint8Array): void {
    this.forget(Buffer.from(sessionId).toString('hex'));
  }

  private forget(id: string): void {
    this.entries.get(id)?.session.fill(0);
    this.entries.delete(id);
  }

  async close(): Promise<void> {
    for (const id of [...this.entries.keys()]) this.forget(id);
  }
}
