import { connect, createServer, type Socket } from 'node:net';
import { resolveTlsConfig, type EngineContext, type HandshakeResult, type SecureAttributes, type TlsBackend, type TlsConfig } from '@tlsport/core';
import { EngineSide } from './engineSide.js';
import { pollUntil } from './pollUntil.js';

/** A loopback server of SocketEngines: one per accepted connection, all on one context. */
export interface SocketListener {
  readonly port: number;
  readonly accepted: readonly SocketEngine[];
  /** The `index`-th accepted connection, once it exists. */
  next(index: number, timeoutMs?: number): Promise<SocketEngine>;
  /** Closes every accepted connection, then the server and its context. */
  close(): Promise<void>;
}

/**
 * One engine of any backend pumped over a real TCP socket, for interop tests against the openssl
 * CLI: socket bytes go to `engine.receive`, what the engine transmits goes to the socket, and what
 * it reports is kept (it is an EngineSide). Just enough transport, independent of core's sessions.
 */
export class SocketEngine extends EngineSide {
  socketClosed = false;

  /** `ownContext` is disposed on close: a client's own; a listener's engines share the listener's. */
  private constructor(private readonly socket: Socket, context: EngineContext, config: TlsConfig, private readonly ownContext?: EngineContext) {
    super();
    this.engine = context.createEngine(config, this.sink((bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    }));
    socket.on('data', (chunk: Buffer) => this.engine.receive(chunk));
    socket.on('error', () => {}); // a peer that aborts shows up as a TLS failure or peerClosed
    socket.on('close', () => {
      this.socketClosed = true;
    });
    this.engine.start();
  }

  /** Starts an engine (role from `attrs`, client by default) on a socket the test connected or accepted; it gets its own context. */
  static async open(socket: Socket, backend: TlsBackend, attrs: SecureAttributes): Promise<SocketEngine> {
    const config = resolveTlsConfig(attrs);
    const context = await backend.createContext(config);
    return new SocketEngine(socket, context, config, context);
  }

  /** Client: connects to 127.0.0.1:port and starts the handshake. */
  static async connect(port: number, backend: TlsBackend, attrs: SecureAttributes): Promise<SocketEngine> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return SocketEngine.open(socket, backend, { ...attrs, role: 'client' });
  }

  /** Server: listens on 127.0.0.1, OS-chosen port, with one context; every accepted connection gets an engine. */
  static async listen(backend: TlsBackend, attrs: SecureAttributes): Promise<SocketListener> {
    const config = resolveTlsConfig({ ...attrs, role: 'server' });
    const context = await backend.createContext(config);
    const accepted: SocketEngine[] = [];
    const server = createServer((socket) => accepted.push(new SocketEngine(socket, context, config)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('SocketEngine: no TCP port');
    return {
      port: address.port,
      accepted,
      async next(index: number, timeoutMs = 10_000): Promise<SocketEngine> {
        await pollUntil(() => accepted.length > index, timeoutMs, () => `SocketEngine: connection ${index} not accepted within ${timeoutMs} ms`);
        return accepted[index]!;
      },
      async close(): Promise<void> {
        await Promise.all(accepted.map((engine) => engine.close()));
        await new Promise((resolve) => server.close(resolve));
        await context.dispose();
      },
    };
  }

  /** Sends `text`; resolves when the engine accepted it (unawaited, a failure shows as `error`). */
  send(text: string): Promise<void> {
    const sent = new Promise<void>((resolve, reject) => this.engine.send(Buffer.from(text), (error) => (error ? reject(error) : resolve())));
    sent.catch(() => {});
    return sent;
  }

  until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    return pollUntil(condition, timeoutMs, () => `SocketEngine: timed out (received ${JSON.stringify(this.receivedText())}, error ${String(this.error)})`);
  }

  /** The handshake's result; rejects with the engine's error if it failed. */
  async handshakeDone(timeoutMs = 10_000): Promise<HandshakeResult> {
    await this.until(() => this.handshake !== undefined || this.error !== undefined, timeoutMs);
    if (this.error !== undefined) throw this.error;
    return this.handshake!;
  }

  async close(): Promise<void> {
    this.socket.destroy();
    await this.engine.destroy();
    await this.ownContext?.dispose();
  }
}
