import { randomBytes } from 'node:crypto';
import type { EngineContext, EngineSink, TlsConfig, TlsEngine } from '@tlsport/core/spi';
import { NodeTlsEngine } from './NodeTlsEngine.js';
import { SecureContextSet, sameContextSettings, type SharedServerState } from './SecureContextSet.js';

/**
 * One environment on Node's tls: its SecureContexts, built once and shared by every engine, and
 * on a server the session-ticket keys, so a ticket from one session resumes on another.
 */
export class NodeTlsContext implements EngineContext {
  private readonly shared: SharedServerState | undefined;
  private readonly contexts: SecureContextSet;

  constructor(config: TlsConfig) {
    this.shared = config.role === 'server' ? { ticketKeys: randomBytes(48), sessionIdContext: randomBytes(16).toString('hex') } : undefined;
    this.contexts = new SecureContextSet(config, this.shared);
  }

  createEngine(config: TlsConfig, sink: EngineSink): TlsEngine {
    // A session that overrides a context-level setting (versions, suites, certificates, …) gets
    // SecureContexts of its own; the ticket keys stay the environment's.
    const contexts = sameContextSettings(this.contexts.config, config) ? this.contexts : new SecureContextSet(config, this.shared);
    return new NodeTlsEngine(config, contexts, sink);
  }

  async dispose(): Promise<void> {
    // SecureContexts are garbage-collected once the last engine using them is gone.
  }
}
