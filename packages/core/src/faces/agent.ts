import { Agent as HttpsAgent, type AgentOptions as HttpsAgentOptions } from 'node:https';
import { connect } from './connect.js';
import type { ConnectOptions } from './nodeOptions.js';
import type { TlsSocket } from './TlsSocket.js';

export type AgentOptions = HttpsAgentOptions & Pick<ConnectOptions, 'backend'>;

/**
 * An https.Agent whose connections are tlsport sockets: pass it as `agent` to https.request or
 * https.get. Keep-alive, socket pooling and the TLS options (ca, cert, ALPNProtocols, …) work as
 * with Node's own Agent; `backend` picks the engine.
 *
 *   https.get('https://example.com/', { agent: new Agent({ keepAlive: true, backend: 'pure' }) });
 */
export class Agent extends HttpsAgent {
  constructor(options: AgentOptions = {}) {
    super(options);
  }

  // The agent's own options (backend included) are merged into `options` by node:http.
  override createConnection(options: object): TlsSocket {
    return connect(options as ConnectOptions);
  }
}
