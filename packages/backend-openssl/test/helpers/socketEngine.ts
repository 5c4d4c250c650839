import { createServer, connect, type Server, type Socket } from 'node:net';
import { resolveTlsConfig, type EngineContext, type HandshakeResult, type SecureAttributes, type TlsConfig, type TlsEngine, type TlsError } from '@tlsport/core';
import { backend } from './pair.js';

/**
 * One openssl engine pumped over a real TCP socket: socket data -> engine.receive, engine
 * transmit -> socket.write. Test-only stand-in for the core's session layer.
 */
export class SocketEngine {
  readonly received: Buffer[] = [];
  readonly sessions: Uint8Array[] = [];
  handshake: HandshakeResult | undefined;
  error: TlsError | undefined;
  peerClosed = false;
  readonly engine: TlsEngine;

  constructor(private readonly socket: Socket, context: EngineContext, config: TlsConfig) {
    this.engine = context.createEngine(config, {
      transmit: (bytes) => socket.write(bytes),
      plaintext: (data) => this.received.push(Buffer.from(data)),
      handshakeComplete: (result) => {
        this.handshake = result;
      },
      peerClosed: () => {
        this.peerClosed = true;
      },
      failed: (error) => {
        this.error = error;
      },
      keylog: () => {},
      session: (state) => this.sessions.push(state),
    });
    socket.on('data', (chunk) => this.engine.receive(chunk));
    socket.on('error', () => {});  // a peer that aborts shows up as a TLS failure or peerClosed
  }

  text(): string {
    return Buffer.concat(this.received).toString('utf8');
  }

  async until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`SocketEngine: timed out (received ${JSON.stringify(this.text())}, error ${this.error?.message})`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async handshakeDone(): Promise<HandshakeResult> {
    await this.until(() => this.handshake !== undefined || this.error !== undefined);
    if (this.error !== undefined) throw this.error;
    return this.handshake!;
  }

  send(text: string): Promise<void> {
    return new Promise((resolve, reject) => this.engine.send(Buffer.from(text), (error) => (error ? reject(error) : resolve())));
  }

  async close(): Promise<void> {
    await this.engine.destroy();
    this.socket.destroy();
  }
}

/** Our client engine connected to 127.0.0.1:port, started. */
export async function connectClient(port: number, attrs: SecureAttributes): Promise<{ client: SocketEngine; close(): Promise<void> }> {
  const config = resolveTlsConfig({ ...attrs, role: 'client' });
  const context = await backend.createContext(config);
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const client = new SocketEngine(socket, context, config);
  client.engine.start();
  return {
    client,
    close: async () => {
      await client.close();
      await context.dispose();
    },
  };
}

/** Our server on 127.0.0.1 (OS-chosen port): one engine per accepted connection, one context. */
export async function listen(attrs: SecureAttributes): Promise<{ port: number; connections: SocketEngine[]; close(): Promise<void> }> {
  const config = resolveTlsConfig({ ...attrs, role: 'server' });
  const context = await backend.createContext(config);
  const connections: SocketEngine[] = [];
  const server: Server = createServer((socket) => {
    const engine = new SocketEngine(socket, context, config);
    connections.push(engine);
    engine.engine.start();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    connections,
    close: async () => {
      await Promise.all(connections.map((c) => c.close()));
      await new Promise((resolve) => server.close(resolve));
      await context.dispose();
    },
  };
}
