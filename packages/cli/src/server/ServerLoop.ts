import {
  GskStatus,
  OperationKind,
  PortDestroyedError,
  type CompletionPort,
  type Listener,
  type Overlapped,
  type SecureEnvironment,
  type SecureSession,
} from '@tlsport/core';
import { connectedLine, failedCompletion, peerLine } from '../report.js';
import { startOrPost } from '../startOrPost.js';
import type { Responder, ResponderFactory } from './responders.js';

export interface ServerLoopOptions {
  env: SecureEnvironment;
  listener: Listener;
  port: CompletionPort;
  /** The backend's name, for the responders. */
  backend: string;
  respond: ResponderFactory;
  /** Stop after this many connections have come and gone (openssl -naccept); default: never. */
  naccept?: number;
  /** Where the CONNECTED / PEER / FAILED lines go. */
  report: (line: string) => void;
  /** Report failures only. */
  quiet?: boolean;
}

/** One accepted connection: the descriptorHandle of all its operations. */
class Connection {
  responder: Responder | undefined;
  /** No more sends from the application: the connection is on its way out. */
  closing = false;
  /** Shut down once the reply being sent is written (-www). */
  shutdownAfterSend = false;
  /** Sends started and not yet completed. */
  pendingSends = 0;
  /** The next receive waits for the pending sends: a client that does not read stalls us, not our memory. */
  receiveOwed = false;
  failed = false;

  constructor(readonly session: SecureSession) {}
}

/** Marks the accept operations and application posts on the port. */
const ACCEPT = Symbol('accept');
const BROADCAST = Symbol('broadcast');
const CHUNK = 16 * 1024;
/** How long a closing server waits for the client's close_notify. */
const CLOSE_WAIT_MS = 2000;

/**
 * The server side of tlsport s_server (and of the demo), written the IBM i way: one completion
 * port, and one loop that takes each completion with port.wait() and starts what comes next —
 * StartAccept -> StartInit -> StartRecv/StartSend ... -> Shutdown.
 */
export class ServerLoop {
  private readonly open = new Set<Connection>();
  private readonly closing: Promise<void>[] = [];
  private accepted = 0;

  constructor(private readonly o: ServerLoopOptions) {}

  /** Sends `data` to every established connection (s_server's stdin). */
  broadcast(data: Uint8Array): void {
    if (!this.o.port.destroyed) this.o.port.post({ descriptorHandle: BROADCAST, buffer: data });
  }

  /** Runs until -naccept connections are done or the port is destroyed; then closes every session. */
  async run(): Promise<void> {
    this.accept();
    try {
      while (!this.done()) this.dispatch((await this.o.port.wait())!);
    } catch (error) {
      if (!(error instanceof PortDestroyedError)) throw error;
    } finally {
      for (const conn of this.open) this.finish(conn);
      await Promise.all(this.closing);
    }
  }

  private done(): boolean {
    return this.o.naccept !== undefined && this.accepted >= this.o.naccept && this.open.size === 0;
  }

  private accept(): void {
    if (this.o.naccept !== undefined && this.accepted >= this.o.naccept) return;
    this.o.listener.startAccept(this.o.port, { descriptorHandle: ACCEPT });
  }

  private dispatch(c: Overlapped): void {
    if (c.descriptorHandle === ACCEPT) return this.onAccept(c);
    if (c.descriptorHandle === BROADCAST) return this.onBroadcast(c);
    const conn = c.descriptorHandle as Connection;
    switch (c.operationCompleted) {
      case OperationKind.StartInit:
        return this.onHandshake(conn, c);
      case OperationKind.StartRecv:
        return this.onReceive(conn, c);
      case OperationKind.StartSend:
        return this.onSent(conn, c);
      case OperationKind.Shutdown:
        return this.finish(conn);
    }
  }

  private onAccept(c: Overlapped): void {
    if (c.returnValue !== GskStatus.GSK_OK) return; // the listener closed
    this.accepted++;
    const conn = new Connection(this.o.env.openSession(c.socket!, {}, { ownsSocket: true }));
    this.open.add(conn);
    startOrPost(this.o.port, OperationKind.StartInit, { descriptorHandle: conn }, (p, ov) => conn.session.startInit(p, ov));
    this.accept();
  }

  private onHandshake(conn: Connection, c: Overlapped): void {
    if (c.returnValue !== GskStatus.GSK_OK) return this.fail(conn, c);
    const negotiated = c.negotiated!;
    if (this.o.quiet !== true) {
      this.o.report(connectedLine(negotiated));
      const peer = peerLine(negotiated);
      if (peer !== undefined) this.o.report(peer);
    }
    conn.responder = this.o.respond({ backend: this.o.backend, negotiated });
    this.receive(conn);
  }

  private onReceive(conn: Connection, c: Overlapped): void {
    if (c.returnValue === GskStatus.GSK_OK) {
      const reply = conn.responder!.receive(c.buffer!.subarray(0, c.secureDataTransferSize));
      if (reply.data !== undefined) this.send(conn, reply.data);
      if (reply.close !== true) return this.receiveAfterSends(conn);
      conn.closing = true;
      if (reply.data === undefined) this.closeAndWait(conn);
      else conn.shutdownAfterSend = true;
      return;
    }
    if (c.returnValue === GskStatus.GSK_ERROR_SOCKET_CLOSED && c.error === undefined) {
      // The client closed: answer its close_notify, then release the session.
      conn.closing = true;
      startOrPost(this.o.port, OperationKind.Shutdown, { descriptorHandle: conn }, (p, ov) => conn.session.startShutdown(p, ov));
      return;
    }
    this.fail(conn, c);
  }

  private onSent(conn: Connection, c: Overlapped): void {
    conn.pendingSends--;
    if (c.returnValue !== GskStatus.GSK_OK) return this.fail(conn, c);
    if (conn.shutdownAfterSend) {
      conn.shutdownAfterSend = false;
      this.closeAndWait(conn);
    }
    if (conn.receiveOwed) this.receiveAfterSends(conn);
  }

  /** Receives again once every send to this connection has completed. */
  private receiveAfterSends(conn: Connection): void {
    conn.receiveOwed = conn.pendingSends > 0;
    if (!conn.receiveOwed && !conn.closing && this.open.has(conn)) this.receive(conn);
  }

  /** Our close_notify, then a moment for the client's, so no unread data turns the close into a reset. */
  private closeAndWait(conn: Connection): void {
    startOrPost(this.o.port, OperationKind.Shutdown, { descriptorHandle: conn, twoStep: true, timeoutMs: CLOSE_WAIT_MS }, (p, ov) => conn.session.startShutdown(p, ov));
  }

  private onBroadcast(c: Overlapped): void {
    for (const conn of this.open) {
      if (conn.responder !== undefined && !conn.closing) this.send(conn, c.buffer!);
    }
  }

  private receive(conn: Connection): void {
    startOrPost(this.o.port, OperationKind.StartRecv, { descriptorHandle: conn, buffer: new Uint8Array(CHUNK), postFlag: true }, (p, ov) => conn.session.startRecv(p, ov));
  }

  private send(conn: Connection, data: Uint8Array): void {
    conn.pendingSends++;
    startOrPost(this.o.port, OperationKind.StartSend, { descriptorHandle: conn, buffer: data, postFlag: true }, (p, ov) => conn.session.startSend(p, ov));
  }

  /** Reports a connection's first failure (later completions of the same failure are its echoes). */
  private fail(conn: Connection, c: Overlapped): void {
    if (!conn.failed && this.open.has(conn)) this.o.report(failedCompletion(c));
    conn.failed = true;
    this.finish(conn);
  }

  private finish(conn: Connection): void {
    if (!this.open.delete(conn)) return;
    this.closing.push(conn.session.close());
  }
}
