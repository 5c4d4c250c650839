import { backendModule } from '@tlsport/core/spi';
import { OpenSslBackend } from './OpenSslBackend.js';

export { OpenSslBackend } from './OpenSslBackend.js';
export { liveObjects } from './native.js';

/** The DI module that binds this backend as TLS_BACKEND (`useBackend(container, 'openssl')`). */
export const containerModule = backendModule(new OpenSslBackend());
