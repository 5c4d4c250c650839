import { resolveTlsConfig, type EngineContext, type EngineSink, type SecureAttributes, type TlsBackend, type TlsConfig } from '@tlsport/core';
import { EngineSide } from './engineSide.js';
import { pollUntil } from './pollUntil.js';

const clientConfig = (attrs: SecureAttributes): TlsConfig => resolveTlsConfig({ ...attrs, role: 'client' });
const serverConfig = (attrs: SecureAttributes): TlsConfig => resolveTlsConfig({ ...attrs, role: 'server' });

export interface EnginePairOptions {
  /** Called with each chunk going client -> server or server -> client; return the bytes to deliver. */
  tamper?: (direction: 'c2s' | 's2c', chunk: Uint8Array) => Uint8Array;
}

/**
 * Two engines wired back to back in memory, no sockets: what one transmits is delivered to the
 * other on the next macrotask turn, as a transport would. For engine-level tests of any backend.
 */
export class EnginePair {
  readonly client = new EngineSide();
  readonly server = new EngineSide();
  /** The contexts `create` made, disposed by `destroy`; `fromContexts` leaves them to the caller. */
  private readonly owned: EngineContext[] = [];

  private constructor(private readonly options: EnginePairOptions) {}

  /** A pair on fresh contexts, one from each backend; `destroy` disposes them. */
  static async create(
    clientBackend: TlsBackend,
    clientAttrs: SecureAttributes,
    serverBackend: TlsBackend,
    serverAttrs: SecureAttributes,
    options: EnginePairOptions = {},
  ): Promise<EnginePair> {
    const cConfig = clientConfig(clientAttrs);
    const sConfig = serverConfig(serverAttrs);
    const cCtx = await clientBackend.createContext(cConfig);
    const sCtx = await serverBackend.createContext(sConfig);
    const pair = new EnginePair(options).wire(cCtx, cConfig, sCtx, sConfig);
    pair.owned.push(cCtx, sCtx);
    return pair;
  }

  /**
   * A pair on contexts the test keeps and disposes itself: consecutive pairs on one server
   * context share its ticket keys and session cache, which resumption needs.
   */
  static fromContexts(
    clientContext: EngineContext,
    clientAttrs: SecureAttributes,
    serverContext: EngineContext,
    serverAttrs: SecureAttributes,
    options: EnginePairOptions = {},
  ): EnginePair {
    return new EnginePair(options).wire(clientContext, clientConfig(clientAttrs), serverContext, serverConfig(serverAttrs));
  }

  /** A client and a server context on `backend`, made as `create` makes them, for `fromContexts`. */
  static async contexts(backend: TlsBackend, clientAttrs: SecureAttributes, serverAttrs: SecureAttributes): Promise<[EngineContext, EngineContext]> {
    return [await backend.createContext(clientConfig(clientAttrs)), await backend.createContext(serverConfig(serverAttrs))];
  }

  private wire(clientContext: EngineContext, cConfig: TlsConfig, serverContext: EngineContext, sConfig: TlsConfig): this {
    this.client.engine = clientContext.createEngine(cConfig, this.sink(this.client, this.server, 'c2s'));
    this.server.engine = serverContext.createEngine(sConfig, this.sink(this.server, this.client, 's2c'));
    return this;
  }

  private sink(self: EngineSide, peer: EngineSide, direction: 'c2s' | 's2c'): EngineSink {
    return self.sink((bytes) => {
      const delivered = this.options.tamper ? this.options.tamper(direction, bytes) : bytes;
      setImmediate(() => {
        if (peer.error === undefined && delivered.length > 0) peer.engine.receive(delivered);
      });
    });
  }

  /** Starts both engines and resolves when both handshakes completed or either side failed. */
  async handshake(timeoutMs = 10_000): Promise<void> {
    this.server.engine.start();
    this.client.engine.start();
    await this.until(() => (this.client.handshake !== undefined && this.server.handshake !== undefined) || this.client.error !== undefined || this.server.error !== undefined, timeoutMs);
  }

  /** Polls `condition` every macrotask turn until true, or rejects after `timeoutMs`. */
  until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    return pollUntil(condition, timeoutMs, () => 'EnginePair: timed out waiting', () => new Promise((r) => setImmediate(r)));
  }

  async destroy(): Promise<void> {
    await Promise.all([this.client.engine?.destroy(), this.server.engine?.destroy()]);
    await Promise.all(this.owned.map((c) => c.dispose()));
  }
}
