import { backendModule } from '@tlsport/core/spi';
import { PureBackend } from './engine/PureBackend.js';

export { PureBackend, type PureBackendOptions } from './engine/PureBackend.js';
export type { Clock, RandomSource } from './tls13/sources.js';
export type { CryptoProvider, Aead, AeadName, Hash, HashName, KeyKind, KeyShare, KeyShareResponse, MlKem768, MlKemEncapsulation, MlKemKeyPair, PrivateKey, PublicKey, SignatureScheme } from './crypto/provider.js';

/** The pure backend with the default provider, clock and randomness. */
export const pureBackend = new PureBackend();

/** The DI module that binds this backend as TLS_BACKEND (`useBackend(container, 'pure')`). */
export const containerModule = backendModule(pureBackend);
