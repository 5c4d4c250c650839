import type { Socket } from 'node:net';
import { resolveTlsConfig, type EngineContext, type SecureAttributes } from '@tlsport/core';
import { EngineSide } from '@tlsport/testkit';
import { nodeTlsBackend } from '../../src/index.js';

/**
 * One node-tls engine pumped over a real TCP socket: socket bytes go to `receive`, `transmit`
 * goes to the socket. Just enough transport for interop tests, independent of core's sessions.
 */
export class SocketPump {
  readonly side = new EngineSide();

  private constructor(private readonly socket: Socket, private readonly context: EngineContext) {}

  static async open(socket: Socket, attrs: SecureAttributes): Promise<SocketPump> {
    const config = resolveTlsConfig(attrs);
    const pump = new SocketPump(socket, await nodeTlsBackend.createContext(config));
    const side = pump.side;
    side.engine = pump.context.createEngine(config, {
      transmit: (bytes) => socket.write(bytes),
      plaintext: (data) => side.received.push(Uint8Array.from(data)),
      handshakeComplete: (result) => (side.handshake = result),
      peerClosed: () => (side.peerClosed = true),
      failed: (error) => (side.error = error),
      keylog: (line) => side.keylog.push(line),
      session: (state) => side.sessions.push(state),
    });
    socket.on('data', (data: Buffer) => side.engine.receive(data));
    socket.on('error', () => {});
    side.engine.start();
    return pump;
  }

  send(text: string): void {
    this.side.engine.send(Buffer.from(text), () => {});
  }

  async until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('SocketPump: timed out waiting');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async close(): Promise<void> {
    await this.side.engine.destroy();
    await this.context.dispose();
    this.socket.destroy();
  }
}
