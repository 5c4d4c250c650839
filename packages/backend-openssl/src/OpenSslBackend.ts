import { refuseRequiredExtendedMasterSecret, type ContextConfig, type EngineContext, type TlsBackend } from '@tlsport/core/spi';
import { OpenSslContext } from './OpenSslContext.js';

/** tlsport's engine over the OpenSSL inside the node binary (native addon, handshakes on the libuv pool). */
export class OpenSslBackend implements TlsBackend {
  readonly name = 'openssl';

  async createContext(config: ContextConfig): Promise<EngineContext> {
    refuseRequiredExtendedMasterSecret(config, this.name);
    return OpenSslContext.create(config);
  }
}
