import { EngineSide } from '@tlsport/testkit';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Duplex } from 'node:stream';
import { resolveTlsConfig } from '../../src/attributes/resolveTlsConfig.js';
import type { SecureAttributes } from '../../src/attributes/SecureAttributes.js';
import type { EngineContext, TlsBackend } from '../../src/engine/spi.js';

/** How much the client lets wait in its own pipe end before it considers the server stalled. */
const CLIENT_QUEUE = 64 * 1024;

/**
 * A TLS client on raw engine calls over one end of a memory pipe, that stops reading once its
 * handshake is done: what the server sends piles up on the server's side. For slow-reader tests.
 */
export class FloodingClient extends EngineSide {
  private constructor(private readonly end: Duplex, private readonly context: EngineContext) {
    super();
  }

  static async connect(end: Duplex, backend: TlsBackend, attrs: SecureAttributes): Promise<FloodingClient> {
    const config = resolveTlsConfig({ ...attrs, role: 'client' });
    const context = await backend.createContext(config);
    const client = new FloodingClient(end, context);
    client.engine = context.createEngine(config, client.sink((bytes) => end.write(bytes)));
    const read = (chunk: Uint8Array): void => client.engine.receive(chunk);
    end.on('data', read);
    client.engine.start();
    while (client.handshake === undefined && client.error === undefined) await sleep(5);
    if (client.error !== undefined) throw client.error;
    // From here on the client reads nothing: the pipe end stays paused and fills up.
    end.off('data', read);
    end.pause();
    return client;
  }

  /**
   * Runs `step` (a send, a KeyUpdate request) whenever the client's own queue has room, until the
   * server has taken nothing for `stallMs` or `budgetMs` passes. Returns whether it stalled.
   */
  async flood(step: () => void, stallMs: number, budgetMs: number): Promise<boolean> {
    const deadline = performance.now() + budgetMs;
    let stalledSince: number | undefined;
    while (performance.now() < deadline && this.error === undefined) {
      if (this.end.writableLength < CLIENT_QUEUE) {
        stalledSince = undefined;
        for (let i = 0; i < 16 && this.end.writableLength < CLIENT_QUEUE; i++) step();
        await new Promise((r) => setImmediate(r));
        continue;
      }
      stalledSince ??= performance.now();
      if (performance.now() - stalledSince >= stallMs) return true;
      await sleep(10);
    }
    return false;
  }

  async close(): Promise<void> {
    this.end.destroy();
    await this.engine.destroy();
    await this.context.dispose();
  }
}
