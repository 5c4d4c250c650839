import type { ContextConfig, EngineContext, EngineSink, SessionConfig, TlsEngine } from '@tlsport/core/spi';
import { NodeTlsEngine } from './NodeTlsEngine.js';
import { SecureContextSet } from './SecureContextSet.js';

/**
 * One environment on Node's tls: its SecureContexts, built once and shared by every engine (on a
 * server they share the session-ticket keys, so a ticket from one session resumes on another).
 */
export class NodeTlsContext implements EngineContext {
  private readonly contexts: SecureContextSet;

  constructor(config: ContextConfig) {
    this.contexts = new SecureContextSet(config);
  }

  createEngine(session: SessionConfig, sink: EngineSink): TlsEngine {
    return new NodeTlsEngine(this.contexts, session, sink);
  }

  async dispose(): Promise<void> {
    // SecureContexts are garbage-collected once the last engine using them is gone.
  }
}
