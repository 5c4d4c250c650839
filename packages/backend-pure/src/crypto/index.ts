export * from './provider.js';
export { NodeCryptoProvider } from './NodeCryptoProvider.js';
export { NobleCryptoProvider } from './NobleCryptoProvider.js';
export { signatureSchemeInfo, type SignatureSchemeInfo, HASH_LENGTH } from './signatureSchemes.js';
export { defaultProvider } from './defaultProvider.js';
