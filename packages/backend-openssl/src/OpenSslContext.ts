import { TlsError, type EngineContext, type EngineSink, type TlsConfig, type TlsEngine } from '@tlsport/core/spi';
import { addon, type NativeContext } from './native.js';
import { certificatePairs, contextOptions } from './nativeOptions.js';
import { OpenSslEngine, pairKey } from './OpenSslEngine.js';
import { configError } from './toTlsError.js';

/** One environment: an SSL_CTX per certificate pair, sharing one trust store. */
export class OpenSslContext implements EngineContext {
  /** pairKey -> index of the SSL_CTX pre-built with that certificate. */
  private readonly prebuilt = new Map<string, number>();

  private constructor(
    private readonly config: TlsConfig,
    private native: NativeContext | undefined,
  ) {
    certificatePairs(config).forEach((pair, index) => {
      if (pair !== undefined && !this.prebuilt.has(pairKey(pair))) this.prebuilt.set(pairKey(pair), index);
    });
  }

  /** Parses certificates, keys and trust anchors on the libuv pool, off the event loop. */
  static create(config: TlsConfig): Promise<OpenSslContext> {
    return new Promise((resolve, reject) => {
      addon.buildContext(contextOptions(config), (error, native) => {
        if (error !== null) reject(configError(error));
        else resolve(new OpenSslContext(config, native));
      });
    });
  }

  createEngine(config: TlsConfig, sink: EngineSink): TlsEngine {
    if (this.native === undefined) throw new TlsError('internal', 'createEngine on a disposed context');
    if (config.role !== this.config.role) throw new TlsError('unsupported', `a ${this.config.role} environment cannot run a ${config.role} session`);
    return new OpenSslEngine(this.native, config, sink, this.prebuilt);
  }

  /** Drops the context's reference; the SSL_CTX objects go when the last engine using them does. */
  async dispose(): Promise<void> {
    this.native?.dispose();
    this.native = undefined;
  }
}
