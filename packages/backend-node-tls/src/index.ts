import { backendModule } from '@tlsport/core/spi';
import { NodeTlsBackend } from './NodeTlsBackend.js';

export { NodeTlsBackend };
export { tlsErrorFromNode } from './faultTable.js';

/** The shared instance to bind as the TLS backend. */
export const nodeTlsBackend = new NodeTlsBackend();

/** The DI module: `await useBackend(container, 'node-tls')` loads it by name. */
export const containerModule = backendModule(nodeTlsBackend);
