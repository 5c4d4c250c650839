import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
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

/** An openssl CLI process whose output the test can wait on; killed by `kill()`. */
export class OpensslProcess {
  stdout = '';
  stderr = '';
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[]) {
    this.child = spawn('openssl', args, { stdio: 'pipe' });
    this.child.stdout.on('data', (d: Buffer) => (this.stdout += d.toString('latin1')));
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString('latin1')));
  }

  write(text: string): void {
    this.child.stdin.write(text);
  }

  async waitFor(pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout', timeoutMs = 10_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = pattern.exec(this[stream]);
      if (found !== null) return found;
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`openssl: no ${pattern} in output\nstdout: ${this.stdout}\nstderr: ${this.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill();
    await exited;
  }
}
