import { contextTicketKeys, type ContextConfig, type ContextTicketKeys, type EngineContext, type EngineSink, type SessionConfig, type TlsEngine } from '@tlsport/core/spi';
import { NodeTlsEngine } from './NodeTlsEngine.js';
import { SecureContextSet } from './SecureContextSet.js';

/**
 * One environment on Node's tls: its SecureContexts, built once and shared by every engine (on a
 * server they share the session-ticket key of the ring, so a ticket from one session resumes on
 * another, and on another server of the fleet).
 */
export class NodeTlsContext implements EngineContext {
  private constructor(
    private readonly contexts: SecureContextSet,
    private readonly tickets: ContextTicketKeys | undefined,
    private readonly unsubscribe: () => void,
  ) {}

  static async create(config: ContextConfig): Promise<NodeTlsContext> {
    const tickets = config.sessionTickets ? await contextTicketKeys(config) : undefined;
    let contexts: SecureContextSet;
    try {
      contexts = new SecureContextSet(config, tickets?.ring);
    } catch (error) {
      await tickets?.release();
      throw error;
    }
    const unsubscribe = tickets === undefined ? () => {} : tickets.ring.onChange(() => contexts.followTicketKeys(tickets.ring));
    return new NodeTlsContext(contexts, tickets, unsubscribe);
  }

  createEngine(session: SessionConfig, sink: EngineSink): TlsEngine {
    return new NodeTlsEngine(this.contexts, session, sink);
  }

  async dispose(): Promise<void> {
    // SecureContexts are garbage-collected once the last engine using them is gone.
    this.unsubscribe();
    await this.tickets?.release();
  }
}
