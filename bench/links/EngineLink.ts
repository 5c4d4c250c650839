import type { EngineContext, EngineSink, HandshakeResult, TlsConfig, TlsEngine } from '@tlsport/core';
import { RECORD_BYTES } from '../contenders/Contender.js';

/** How long a link may sit with nothing happening before it counts as stalled. */
const STALL_MS = 10_000;
/** Records sent before the link waits for the receiver to catch up. */
const SEND_WINDOW = 8;
const CHUNK = new Uint8Array(RECORD_BYTES).fill(0x61);

/** One end of an EngineLink: the engine and what it reported. */
class End {
  engine!: TlsEngine;
  /** Ciphertext addressed to this end, not yet delivered. */
  readonly inbox: Uint8Array[] = [];
  handshake: HandshakeResult | undefined;
  session: Uint8Array | undefined;
  plaintextBytes = 0;
}

/**
 * A client and a server engine driven back to back through the SPI, no sockets, no session layer.
 * Ciphertext is queued and delivered in a tight loop, so a synchronous engine finishes a whole
 * handshake without ever yielding to the event loop (the way rustls benchmarks itself); an
 * asynchronous engine (work on the thread pool, stream plumbing) is awaited as it reports.
 */
export class EngineLink {
  readonly client = new End();
  readonly server = new End();
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(clientContext: EngineContext, clientConfig: TlsConfig, serverContext: EngineContext, serverConfig: TlsConfig) {
    this.client.engine = clientContext.createEngine(clientConfig, this.sink(this.client, this.server));
    this.server.engine = serverContext.createEngine(serverConfig, this.sink(this.server, this.client));
  }

  async handshake(): Promise<void> {
    this.server.engine.start();
    this.client.engine.start();
    await this.until(() => this.client.handshake !== undefined && this.server.handshake !== undefined);
  }

  /** Sends `bytes` client -> server in full records; resolves when the server has decrypted them all. */
  async transfer(bytes: number): Promise<void> {
    const base = this.server.plaintextBytes;
    let sent = 0;
    while (sent < bytes) {
      for (let i = 0; i < SEND_WINDOW && sent < bytes; i++, sent += CHUNK.length) {
        this.client.engine.send(CHUNK, (error) => {
          if (error !== undefined) this.failure ??= error;
        });
      }
      const target = base + sent;
      await this.until(() => this.server.plaintextBytes >= target);
    }
  }

  /** Delivers queued ciphertext until `done()` holds; waits whenever an engine is working asynchronously. */
  async until(done: () => boolean): Promise<void> {
    for (;;) {
      this.pump();
      if (this.failure !== undefined) throw this.failure;
      if (done()) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.failure ??= new Error(`engine link stalled for ${STALL_MS} ms`);
          resolve();
        }, STALL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async destroy(): Promise<void> {
    await Promise.all([this.client.engine.destroy(), this.server.engine.destroy()]);
  }

  private pump(): void {
    for (let moved = true; moved && this.failure === undefined; ) {
      const toServer = this.deliver(this.server);
      const toClient = this.deliver(this.client);
      moved = toServer || toClient;
    }
  }

  private deliver(end: End): boolean {
    if (end.inbox.length === 0) return false;
    for (const chunk of end.inbox.splice(0)) end.engine.receive(chunk);
    return true;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private sink(self: End, peer: End): EngineSink {
    return {
      transmit: (ciphertext) => {
        peer.inbox.push(ciphertext);
        this.notify();
      },
      plaintext: (data) => {
        self.plaintextBytes += data.length;
        this.notify();
      },
      handshakeComplete: (result) => {
        self.handshake = result;
        this.notify();
      },
      peerClosed: () => this.notify(),
      failed: (error) => {
        this.failure ??= error;
        this.notify();
      },
      keylog: () => undefined,
      session: (state) => {
        self.session = state;
        this.notify();
      },
    };
  }
}
