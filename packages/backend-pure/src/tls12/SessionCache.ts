import { toHex } from '../codec/bytes.js';
import type { Tls12Session } from './sessionState.js';

/** Entries a context keeps before evicting the oldest. */
export const SESSION_CACHE_SIZE = 1024;

/**
 * The server's session-id cache (RFC 5246 §7.4.1.2), one per context, bounded: the least recently
 * stored or used session goes first. Secrets are zeroed on eviction and disposal.
 */
export class SessionCache {
  private readonly sessions = new Map<string, Tls12Session>();

  constructor(private readonly capacity = SESSION_CACHE_SIZE) {}

  get size(): number {
    return this.sessions.size;
  }

  store(sessionId: Uint8Array, session: Tls12Session): void {
    const key = toHex(sessionId);
    this.sessions.delete(key);
    this.sessions.set(key, session);
    while (this.sessions.size > this.capacity) {
      const oldest = this.sessions.keys().next().value!;
      this.sessions.get(oldest)!.masterSecret.fill(0);
      this.sessions.delete(oldest);
    }
  }

  /** The session under `sessionId`, refreshed as most recently used; undefined when unknown. */
  find(sessionId: Uint8Array): Tls12Session | undefined {
    const key = toHex(sessionId);
    const session = this.sessions.get(key);
    if (session === undefined) return undefined;
    this.sessions.delete(key);
    this.sessions.set(key, session);
    return session;
  }

  /** Forgets a session that can no longer resume (expired, or its resumption failed). */
  remove(sessionId: Uint8Array): void {
    const key = toHex(sessionId);
    this.sessions.get(key)?.masterSecret.fill(0);
    this.sessions.delete(key);
  }

  destroy(): void {
    for (const s of this.sessions.values()) s.masterSecret.fill(0);
    this.sessions.clear();
  }
}
