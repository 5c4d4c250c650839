import type { ContextConfig, EngineContext, TlsBackend } from '@tlsport/core/spi';
import { defaultProvider } from '../crypto/index.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { providerRandom, systemClock, type Clock, type RandomSource } from '../tls13/sources.js';
import { PureContext, serverStores } from './PureContext.js';

/** What a PureBackend can be given instead of its defaults: crypto provider, clock, randomness. */
export interface PureBackendOptions {
  /** Crypto primitives; default: the node:crypto provider. */
  readonly provider?: CryptoProvider;
  /** Time source; default: Date.now. */
  readonly clock?: Clock;
  /** Randomness and key shares; default: the provider's. */
  readonly random?: RandomSource;
  /**
   * TLS 1.2: abort with handshake_failure unless the peer does extended master secret (RFC 7627).
   * Default true; false accepts legacy peers (a session made without EMS then never resumes with it).
   * The `requireExtendedMasterSecret` attribute, when set, overrides this per environment or session.
   */
  readonly requireExtendedMasterSecret?: boolean;
}

/** TLS in TypeScript behind tlsport's engine SPI: sans-I/O, synchronous, any crypto provider. */
export class PureBackend implements TlsBackend {
  readonly name = 'pure';
  private readonly provider: CryptoProvider;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly requireExtendedMasterSecret: boolean;

  constructor(options: PureBackendOptions = {}) {
    this.provider = options.provider ?? defaultProvider();
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? providerRandom(this.provider);
    this.requireExtendedMasterSecret = options.requireExtendedMasterSecret ?? true;
  }

  async createContext(config: ContextConfig): Promise<EngineContext> {
    const stores = await serverStores(config, this.clock);
    try {
      return new PureContext(config, this.provider, this.clock, this.random, this.requireExtendedMasterSecret, stores);
    } catch (error) {
      await stores?.release();
      throw error;
    }
  }
}
