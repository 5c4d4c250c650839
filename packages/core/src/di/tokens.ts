/** DI tokens: one place, Symbol.for so separately bundled copies agree. */
export const TLS_BACKEND = Symbol.for('tlsport.TlsBackend');
