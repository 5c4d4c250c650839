import { refuseRequiredExtendedMasterSecret, type ContextConfig, type EngineContext, type TlsBackend } from '@tlsport/core/spi';
import { NodeTlsContext } from './NodeTlsContext.js';

/** The tlsport backend over Node's own tls module (a TLSSocket on an in-memory duplex). */
export class NodeTlsBackend implements TlsBackend {
  readonly name = 'node-tls';

  async createContext(config: ContextConfig): Promise<EngineContext> {
    refuseRequiredExtendedMasterSecret(config, this.name);
    return NodeTlsContext.create(config);
  }
}
