import { TlsError, type ContextConfig, type EngineContext, type EngineSink, type SessionConfig, type TlsEngine } from '@tlsport/core/spi';
import { opensslSettings, type OpenSslSettings } from '@tlsport/core/openssl';
import { addon, type NativeContext } from './native.js';
import { certificatePairs, contextOptions } from './nativeOptions.js';
import { OpenSslEngine } from './OpenSslEngine.js';
import { configError } from './toTlsError.js';

/** One environment: an SSL_CTX per certificate pair, sharing one trust store. */
export class OpenSslContext implements EngineContext {
  private constructor(
    private readonly config: ContextConfig,
    private readonly settings: OpenSslSettings,
    private native: NativeContext | undefined,
  ) {}

  /** Parses certificates, keys and trust anchors on the libuv pool, off the event loop. */
  static create(config: ContextConfig): Promise<OpenSslContext> {
    const settings = opensslSettings(config, 'openssl');
    return new Promise((resolve, reject) => {
      addon.buildContext(contextOptions(config, settings), (error, native) => {
        if (error !== null) reject(configError(error));
        else resolve(new OpenSslContext(config, settings, native));
      });
    });
  }

  createEngine(session: SessionConfig, sink: EngineSink): TlsEngine {
    if (this.native === undefined) throw new TlsError('internal', 'createEngine on a disposed context');
    return new OpenSslEngine(this.native, { config: this.config, settings: this.settings, pairs: certificatePairs(this.config) }, session, sink);
  }

  /** Drops the context's reference; the SSL_CTX objects go when the last engine using them does. */
  async dispose(): Promise<void> {
    this.native?.dispose();
    this.native = undefined;
  }
}
