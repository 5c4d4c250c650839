import type { CryptoProvider } from './provider.js';
import { NodeCryptoProvider } from './NodeCryptoProvider.js';

let shared: CryptoProvider | undefined;

/** The provider the pure engine uses unless told otherwise: one shared node:crypto provider. */
export function defaultProvider(): CryptoProvider {
  shared ??= new NodeCryptoProvider();
  return shared;
}
