import { PureBackend } from './engine/PureBackend.js';

export { PureBackend, type PureBackendOptions } from './engine/PureBackend.js';
export type { Clock, RandomSource } from './tls13/sources.js';
export type { CryptoProvider } from './crypto/provider.js';

/** The pure backend with the default provider, clock and randomness. */
export const pureBackend = new PureBackend();
