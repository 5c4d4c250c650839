import { MemorySessionCache, type SessionCache as SessionCacheSpi } from '@tlsport/core/spi';
import { zero } from '../codec/bytes.js';
import { parseTls12Session, serializeTls12Session, type Tls12Session } from './sessionState.js';

/**
 * The server's session-id cache (RFC 5246 §7.4.1.2) over core's SessionCache SPI: sessions go in
 * serialized, so the same cache can be shared with other contexts or replicated across a fleet.
 */
export class SessionCache {
  constructor(private readonly cache: SessionCacheSpi = new MemorySessionCache()) {}

  store(sessionId: Uint8Array, session: Tls12Session): void {
    const bytes = serializeTls12Session(session);
    this.cache.set(sessionId, bytes, session.lifetime);
    zero(bytes);
  }

  /** The session under `sessionId`; undefined when unknown or not a session of this format. */
  find(sessionId: Uint8Array): Tls12Session | undefined {
    const bytes = this.cache.get(sessionId);
    if (bytes === undefined) return undefined;
    try {
      return parseTls12Session(bytes, 'cached session');
    } catch {
      this.cache.delete(sessionId);
      return undefined;
    }
  }

  /** Forgets a session that can no longer resume (expired, or its resumption failed). */
  remove(sessionId: Uint8Array): void {
    this.cache.delete(sessionId);
  }
}
