import { CompletionPort, GskStatus, Listener, OperationKind, SecureEnvironment, type ListenOptions, type Overlapped, type SecureSession, type TlsBackend } from '@tlsport/core';
import type { ServerUnderTest } from '../contenders/Contender.js';

const ANSWER = Uint8Array.of(0x78);

/**
 * A tlsport server written the GSKit way: one completion port, one loop taking completions;
 * accept -> open session -> startInit -> send one byte -> 1-step shutdown -> close.
 */
export class TlsportServer implements ServerUnderTest {
  failures = 0;
  private readonly port = CompletionPort.create();
  private readonly sessions = new Set<SecureSession>();
  private closing = false;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly env: SecureEnvironment,
    private readonly listener: Listener,
  ) {
    this.loop = this.serve();
  }

  /** `listen.workers`: the same program serves from that many processes (see bench/servers/clusterServer.ts). */
  static async start(backend: TlsBackend, identity: { cert: string; key: string }, listen: ListenOptions = {}): Promise<TlsportServer> {
    const env = await SecureEnvironment.open(backend, { role: 'server', ...identity });
    return new TlsportServer(env, await Listener.listen(listen));
  }

  get tcpPort(): number {
    return this.listener.port;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.listener.close();
    await Promise.all([...this.sessions].map((s) => s.close()));
    this.port.destroy();
    await this.loop;
    await this.env.close();
  }

  private async serve(): Promise<void> {
    this.listener.startAccept(this.port, {});
    for (;;) {
      let c: Overlapped | null;
      try {
        c = await this.port.wait();
      } catch {
        return; // the port was destroyed: the server is closed
      }
      if (c !== null) this.handle(c);
    }
  }

  private handle(c: Overlapped): void {
    switch (c.operationCompleted) {
      case OperationKind.StartAccept:
        if (this.closing) return;
        this.listener.startAccept(this.port, {});
        if (c.returnValue === GskStatus.GSK_OK && c.socket !== undefined) this.open(c.socket);
        return;
      case OperationKind.StartInit:
        return this.answer(c);
      case OperationKind.StartSend:
        return this.finish(c.descriptorHandle as SecureSession);
      default:
        return;
    }
  }

  private open(socket: NonNullable<Overlapped['socket']>): void {
    const session = this.env.openSession(socket, {}, { ownsSocket: true });
    this.sessions.add(session);
    session.startInit(this.port, { descriptorHandle: session });
  }

  private answer(c: Overlapped): void {
    const session = c.descriptorHandle as SecureSession;
    if (c.returnValue !== GskStatus.GSK_OK) {
      this.failures++;
      this.release(session);
      return;
    }
    const status = session.startSend(this.port, { buffer: ANSWER, descriptorHandle: session });
    if (status !== GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND) this.finish(session);
  }

  private finish(session: SecureSession): void {
    void session.shutdown().finally(() => this.release(session));
  }

  private release(session: SecureSession): void {
    this.sessions.delete(session);
    void session.close();
  }
}
