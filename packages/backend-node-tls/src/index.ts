import { NodeTlsBackend } from './NodeTlsBackend.js';

export { NodeTlsBackend };
export { NodeTlsContext } from './NodeTlsContext.js';
export { tlsErrorFromNode } from './faultTable.js';

/** The shared instance to bind as the TLS backend. */
export const nodeTlsBackend = new NodeTlsBackend();
