import { createServer, connect, type Socket } from 'node:net';
import { resolveTlsConfig, type EngineContext, type HandshakeResult, type SecureAttributes, type TlsBackend, type TlsConfig, type TlsEngine, type TlsError } from '@tlsport/core';

export interface Listener {
  readonly port: number;
  readonly accepted: readonly SocketEngine[];
  /** The `index`-th accepted connection, once it exists. */
  next(index: number): Promise<SocketEngine>;
  close(): Promise<void>;
}

/**
 * A tiny socket <-> engine pump for interop tests over real loopback TCP: ciphertext from the
 * socket goes to `engine.receive`, `transmit` goes to the socket, and the sink's events are kept.
 */
export class SocketEngine {
  readonly received: Uint8Array[] = [];
  readonly sessions: Uint8Array[] = [];
  readonly keylog: string[] = [];
  handshake: HandshakeResult | undefined;
  error: TlsError | undefined;
  peerClosed = false;
  socketClosed = false;
  engine!: TlsEngine;
  /** The client's own context (a server's pumps share the listener's). */
  private context: EngineContext | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.engine.receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.socketClosed = true;
    });
  }

  private attach(ctx: EngineContext, config: TlsConfig): void {
    this.engine = ctx.createEngine(config, {
      transmit: (bytes) => {
        if (!this.socket.destroyed) this.socket.write(Uint8Array.from(bytes));
      },
      plaintext: (data) => this.received.push(data),
      handshakeComplete: (result) => {
        this.handshake = result;
      },
      peerClosed: () => {
        this.peerClosed = true;
      },
      failed: (error) => {
        this.error = error;
      },
      keylog: (line) => this.keylog.push(line),
      session: (state) => this.sessions.push(state),
    });
    this.engine.start();
  }

  /** Client: connects to 127.0.0.1:port and starts the handshake. */
  static async connect(port: number, backend: TlsBackend, attrs: SecureAttributes): Promise<SocketEngine> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const config = resolveTlsConfig({ ...attrs, role: 'client' });
    const ctx = await backend.createContext(config);
    const pump = new SocketEngine(socket);
    pump.context = ctx;
    pump.attach(ctx, config);
    return pump;
  }

  /** Server: listens on an OS-chosen port with one context; every accepted connection gets a pump. */
  static async listen(backend: TlsBackend, attrs: SecureAttributes): Promise<Listener> {
    const config = resolveTlsConfig({ ...attrs, role: 'server' });
    const ctx = await backend.createContext(config);
    const accepted: SocketEngine[] = [];
    const server = createServer((socket) => {
      const pump = new SocketEngine(socket);
      accepted.push(pump);
      pump.attach(ctx, config);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return {
      port: address.port,
      accepted,
      async next(index: number): Promise<SocketEngine> {
        const deadline = Date.now() + 5000;
        while (accepted.length <= index) {
          if (Date.now() > deadline) throw new Error('no connection accepted');
          await new Promise((r) => setTimeout(r, 5));
        }
        return accepted[index]!;
      },
      async close(): Promise<void> {
        await Promise.all(accepted.map((p) => p.close()));
        await new Promise((r) => server.close(r));
        await ctx.dispose();
      },
    };
  }

  receivedText(): string {
    return Buffer.concat(this.received).toString('utf8');
  }

  send(text: string): void {
    this.engine.send(new TextEncoder().encode(text), () => {});
  }

  async until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out; error=${String(this.error)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async handshakeDone(timeoutMs = 5000): Promise<HandshakeResult> {
    await this.until(() => this.handshake !== undefined || this.error !== undefined, timeoutMs);
    if (this.error !== undefined) throw this.error;
    return this.handshake!;
  }

  async close(): Promise<void> {
    this.socket.destroy();
    await this.engine.destroy();
    await this.context?.dispose();
  }
}
