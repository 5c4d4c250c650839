import { backendModule } from '@tlsport/core/spi';
import { OpenSslBackend } from './OpenSslBackend.js';

export { OpenSslBackend } from './OpenSslBackend.js';
export { liveObjects, opensslConstant, opensslText, type NativeOutcome, type NativeErrorEntry, type NativeHandshakeInfo } from './native.js';
/** How this backend reads OpenSSL's error queue (exported for the vocabulary test and tools). */
export { toTlsError } from './toTlsError.js';

/** The DI module that binds this backend as TLS_BACKEND (`useBackend(container, 'openssl')`). */
export const containerModule = backendModule(new OpenSslBackend());
