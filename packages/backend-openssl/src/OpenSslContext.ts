import { TlsError, type EngineContext, type EngineSink, type TlsConfig, type TlsEngine } from '@tlsport/core';
import { addon, type NativeContext } from './native.js';
import { certificatePairs, contextOptions } from './nativeOptions.js';
import { OpenSslEngine, pairKey } from './OpenSslEngine.js';
import { configError } from './toTlsError.js';

/** One environment: an SSL_CTX per certificate pair, sharing one trust store. */
export class OpenSslContext implements EngineContext {
  private native: NativeContext | undefined;
  /** pairKey -> index of the SSL_CTX pre-built with that certificate. */
  private readonly prebuilt = new Map<string, number>();

  constructor(private readonly config: TlsConfig) {
    try {
      this.native = new addon.Context(contextOptions(config));
    } catch (error) {
      throw configError(error);
    }
    certificatePairs(config).forEach((pair, index) => {
      if (pair !== undefined && !this.prebuilt.has(pairKey(pair))) this.prebuilt.set(pairKey(pair), index);
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
