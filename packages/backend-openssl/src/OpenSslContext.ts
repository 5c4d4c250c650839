import { contextTicketKeys, DEFAULT_ROTATION, ticketKeyBytes, TlsError, type ContextConfig, type ContextTicketKeys, type EngineContext, type EngineSink, type SessionConfig, type TlsEngine } from '@tlsport/core/spi';
import { opensslSettings } from '@tlsport/core/openssl';
import { addon, type NativeContext } from './native.js';
import { certificatePairs, contextOptions } from './nativeOptions.js';
import { OpenSslEngine, type OpenSslContextParts } from './OpenSslEngine.js';
import { configError } from './toTlsError.js';

/** The ring's live keys, handed to the SSL_CTX set's ticket callback (SSL_CTX_set_tlsext_ticket_key_evp_cb). */
function pushTicketKeys(native: NativeContext, tickets: ContextTicketKeys): void {
  const live = tickets.ring.liveKeys();
  const encrypting = live.decrypting.findIndex((d) => d.key === live.encrypting);
  const keys = live.decrypting.map((d) => d.key);
  const ends = live.decrypting.map((d) => d.decryptEndMs);
  if (encrypting < 0) {
    // A key made locally while the source was down is not among the decrypting ones yet.
    keys.push(live.encrypting);
    ends.push(Number.MAX_SAFE_INTEGER);
  }
  native.setTicketKeys(Buffer.concat(keys.map((k) => ticketKeyBytes(k))), ends, encrypting < 0 ? keys.length - 1 : encrypting);
}

/** One environment: an SSL_CTX per certificate pair, sharing one trust store and one set of ticket keys. */
export class OpenSslContext implements EngineContext {
  private constructor(
    /** What each engine takes from the context, built once here rather than per connection. */
    private readonly parts: OpenSslContextParts,
    private native: NativeContext | undefined,
    private readonly tickets: ContextTicketKeys | undefined,
    private readonly unsubscribe: () => void,
  ) {}

  /** Parses certificates, keys and trust anchors on the libuv pool, off the event loop. */
  static async create(config: ContextConfig): Promise<OpenSslContext> {
    const settings = opensslSettings(config, 'openssl');
    const tickets = config.sessionTickets ? await contextTicketKeys(config) : undefined;
    const lifetime = (tickets?.ring.schedule ?? DEFAULT_ROTATION).lifetimeSeconds;
    let native: NativeContext;
    try {
      native = await new Promise<NativeContext>((resolve, reject) => {
        addon.buildContext(contextOptions(config, settings, lifetime), (error, built) => (error !== null ? reject(configError(error)) : resolve(built!)));
      });
    } catch (error) {
      await tickets?.release();
      throw error;
    }
    let unsubscribe = (): void => {};
    if (tickets !== undefined) {
      pushTicketKeys(native, tickets);
      unsubscribe = tickets.ring.onChange(() => pushTicketKeys(native, tickets));
    }
    return new OpenSslContext({ config, pairs: certificatePairs(config) }, native, tickets, unsubscribe);
  }

  createEngine(session: SessionConfig, sink: EngineSink): TlsEngine {
    if (this.native === undefined) throw new TlsError('internal', 'createEngine on a disposed context');
    return new OpenSslEngine(this.native, this.parts, session, sink);
  }

  /** Drops the context's reference; the SSL_CTX objects go when the last engine using them does. */
  async dispose(): Promise<void> {
    this.unsubscribe();
    this.native?.dispose();
    this.native = undefined;
    await this.tickets?.release();
  }
}
