import { resolveTlsConfig, type EngineSink, type SecureAttributes, type TlsBackend } from '@tlsport/core';
import { EngineSide } from './engineSide.js';
import { pollUntil } from './pollUntil.js';

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
  private readonly contexts: { dispose(): Promise<void> }[] = [];

  private constructor(private readonly options: EnginePairOptions) {}

  static async create(
    clientBackend: TlsBackend,
    clientAttrs: SecureAttributes,
    serverBackend: TlsBackend,
    serverAttrs: SecureAttributes,
    options: EnginePairOptions = {},
  ): Promise<EnginePair> {
    const pair = new EnginePair(options);
    const cConfig = resolveTlsConfig({ ...clientAttrs, role: 'client' });
    const sConfig = resolveTlsConfig({ ...serverAttrs, role: 'server' });
    const cCtx = await clientBackend.createContext(cConfig);
    const sCtx = await serverBackend.createContext(sConfig);
    pair.contexts.push(cCtx, sCtx);
    pair.client.engine = cCtx.createEngine(cConfig, pair.sink(pair.client, pair.server, 'c2s'));
    pair.server.engine = sCtx.createEngine(sConfig, pair.sink(pair.server, pair.client, 's2c'));
    return pair;
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
    await Promise.all(this.contexts.map((c) => c.dispose()));
  }
}
