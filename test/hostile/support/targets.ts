import type { Socket } from 'node:net';
import { CompletionPort, GskStatus, SecureEnvironment, gskStatusName, type Overlapped, type SecureAttributes, type SecureSession, type TlsBackend } from '@tlsport/core';
import { rawServer, stop } from '../../reliability/support/rawPeer.js';
import type { Pki } from '../../support/sessions.js';

/** What the target reported: a GSK status name, and for a failure its alert and detail. */
export interface TargetReport {
  readonly status: string;
  readonly detail: string;
}

const report = (o: Overlapped): TargetReport => ({ status: gskStatusName(o.returnValue), detail: o.error?.message ?? '' });

/** One tlsport session under attack, its handshake started on its own completion port. */
export class TargetSession {
  private readonly port = CompletionPort.create();
  readonly init: Promise<TargetReport>;

  constructor(readonly session: SecureSession) {
    const o = {} as Overlapped;
    session.startInit(this.port, o);
    this.init = this.port.wait(10_000).then((c) => (c === null ? { status: 'no completion', detail: 'StartInit did not complete' } : report(c)));
  }

  /** One receive: GSK_OK with what arrived, or the failure that ended the session. */
  async receive(ms = 10_000): Promise<TargetReport & { data: string }> {
    const o = { buffer: new Uint8Array(256) } as Overlapped;
    if (this.session.startRecv(this.port, o) === GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV && (await this.port.wait(ms)) === null) {
      return { status: 'no completion', detail: 'StartRecv did not complete', data: '' };
    }
    return { ...report(o), data: Buffer.from(o.buffer!.subarray(0, o.secureDataTransferSize)).toString() };
  }

  /** Sends `text` (to make the target answer, e.g. after KeyUpdates). */
  async send(text: string): Promise<TargetReport> {
    const o = { buffer: new Uint8Array(Buffer.from(text)) } as Overlapped;
    if (this.session.startSend(this.port, o) === GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND) await this.port.wait(10_000);
    return report(o);
  }

  async close(): Promise<void> {
    await this.session.close();
    this.port.destroy();
  }
}

/** A tlsport server on loopback: every connection to `port` becomes a TargetSession. */
export class ServerTarget {
  private readonly waiting: ((s: TargetSession) => void)[] = [];
  private readonly ready: TargetSession[] = [];
  private readonly sessions: TargetSession[] = [];

  private constructor(private readonly env: SecureEnvironment, private readonly listener: Awaited<ReturnType<typeof rawServer>>) {}

  static async open(backend: TlsBackend, pki: Pki, attrs: SecureAttributes = {}): Promise<ServerTarget> {
    const env = await SecureEnvironment.open(backend, { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key, ...attrs });
    let target!: ServerTarget;
    const listener = await rawServer((socket: Socket) => target.accepted(socket));
    target = new ServerTarget(env, listener);
    return target;
  }

  get port(): number {
    return this.listener.port;
  }

  private accepted(socket: Socket): void {
    const session = new TargetSession(this.env.openSession(socket, {}, { ownsSocket: true }));
    this.sessions.push(session);
    const waiter = this.waiting.shift();
    if (waiter !== undefined) waiter(session);
    else this.ready.push(session);
  }

  /** The session of the next connection. */
  async next(): Promise<TargetSession> {
    return this.ready.shift() ?? new Promise((resolve) => this.waiting.push(resolve));
  }

  async close(): Promise<void> {
    for (const s of this.sessions.splice(0)) await s.close();
    await stop(this.listener);
    await this.env.close();
  }
}

/** A tlsport client environment that connects to an attacking server. */
export class ClientTarget {
  private readonly sessions: TargetSession[] = [];

  private constructor(private readonly env: SecureEnvironment) {}

  static async open(backend: TlsBackend, pki: Pki, attrs: SecureAttributes = {}): Promise<ClientTarget> {
    // The default groups: every client shares x25519 beside the hybrid, and the raw server speaks X25519.
    return new ClientTarget(await SecureEnvironment.open(backend, { ca: pki.ca.cert, servername: 'localhost', ...attrs }));
  }

  async connect(port: number): Promise<TargetSession> {
    const session = new TargetSession(await this.env.connect({ host: '127.0.0.1', port }));
    this.sessions.push(session);
    return session;
  }

  async close(): Promise<void> {
    for (const s of this.sessions.splice(0)) await s.close();
    await this.env.close();
  }
}
