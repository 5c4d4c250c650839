import { refuseRequiredExtendedMasterSecret, type EngineContext, type TlsBackend, type TlsConfig } from '@tlsport/core';
import { OpenSslContext } from './OpenSslContext.js';

/** tlsport's engine over the OpenSSL inside the node binary (native addon, handshakes on the libuv pool). */
export class OpenSslBackend implements TlsBackend {
  readonly name = 'openssl';

  async createContext(config: TlsConfig): Promise<EngineContext> {
    refuseRequiredExtendedMasterSecret(config, this.name);
    return OpenSslContext.create(config);
  }
}
