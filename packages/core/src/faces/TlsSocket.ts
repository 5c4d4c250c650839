import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import { GskStatus } from '../gsk/status.js';
import type { CompletionPort } from '../port/CompletionPort.js';
import type { OperationId, Overlapped, OverlappedInput } from '../port/Overlapped.js';
import type { Negotiated } from '../engine/negotiated.js';
import type { SecureEnvironment } from '../session/SecureEnvironment.js';
import type { SecureSession } from '../session/SecureSession.js';
import { nodeError } from './nodeErrors.js';
import { callbackPort, type CompletionHandler } from '../port/callbackPort.js';
import { TlsSocketInfo } from './TlsSocketInfo.js';

/** Plaintext asked for per receive: one TLS record's worth several times over. */
const RECEIVE_CHUNK = 64 * 1024;

/** How a face builds a socket: the side, its environment and what this connection adds. */
export interface TlsSocketInit {
  role: 'client' | 'server';
  environment: Promise<SecureEnvironment>;
  /** Per-connection attributes (servername, session). */
  attributes: SecureAttributes;
  /** Whether closing the socket closes the transport (it opened or accepted it). */
  ownsTransport: boolean;
  /** Trust anchors, for the issuer chain and authorizationError. */
  anchors: () => readonly string[];
  /** This side's certificate (PEM, leaf first), for getCertificate(); asked only then, so a `pfx` is read only if needed. */
  certificate?: () => string | Uint8Array | undefined;
  /** Client: the name verified, for checkServerIdentity and authorizationError. */
  hostname?: string;
  rejectUnauthorized: boolean;
  /** Client: called after the handshake; a returned Error fails the connection (when rejectUnauthorized). */
  checkIdentity?: (socket: TlsSocket) => Error | undefined;
  /** Whether someone wants 'keylog' lines, asked when the handshake starts (default: a 'keylog' listener on the socket). */
  wantsKeylog?: () => boolean;
  signal?: AbortSignal;
  allowHalfOpen?: boolean;
}

/**
 * A Duplex of plaintext over one SecureSession, shaped like tls.TLSSocket so that http, https,
 * http2, undici and ws can run over any tlsport backend. Every read, write, handshake and
 * close_notify is an operation on the socket's completion port, with an operation id: reads start
 * only when the stream asks for data (back-pressure), writes call back when the session's send completes.
 */
export class TlsSocket extends TlsSocketInfo {
  readonly encrypted = true;
  authorized = false;
  authorizationError: string | undefined = undefined;
  secureConnecting = true;
  private session: SecureSession | undefined;
  private readonly port: CompletionPort = callbackPort();
  private readonly ids: { init?: OperationId; receive?: OperationId; send?: OperationId; shutdown?: OperationId } = {};
  private receiving = false;
  private wantsData = false;
  private readonly beforeSecure: (() => void)[] = [];
  private pendingSessions: Buffer[] | undefined = [];

  constructor(
    readonly transport: Duplex,
    private readonly init: TlsSocketInit,
  ) {
    super({ allowHalfOpen: init.allowHalfOpen ?? false, emitClose: true, autoDestroy: true });
    this.onTransportTimeout = this.onTransportTimeout.bind(this);
    // Until the session takes the transport over, its failures are the socket's (ECONNREFUSED keeps its code).
    transport.on('error', (error: Error) => {
      if (this.session === undefined) this.destroy(Object.assign(error, { gskStatus: GskStatus.GSK_ERROR_IO, alert: undefined }));
    });
    if ((transport as Partial<Socket>).connecting === true) {
      transport.once('connect', () => {
        this.emit('connect');
        this.begin();
      });
    } else {
      queueMicrotask(() => this.begin());
    }
    init.signal?.addEventListener('abort', () => this.abort(), { once: true });
    if (init.signal?.aborted === true) queueMicrotask(() => this.abort());
  }

  /** Whether the TCP connection is still being set up. */
  get connecting(): boolean {
    return (this.transport as Partial<Socket>).connecting === true;
  }

  protected get established(): Negotiated | undefined {
    return this.session?.negotiated;
  }

  protected get sessionOf(): SecureSession | undefined {
    return this.session;
  }

  protected get setup(): TlsSocketInit {
    return this.init;
  }

  // ---- handshake -------------------------------------------------------------------------------

  private begin(): void {
    if (this.destroyed) return;
    this.init.environment.then(
      (environment) => {
        if (this.destroyed) return;
        const attributes: SecureAttributes = {
          ...this.init.attributes,
          onSession: (state) => this.onSessionState(state),
          ...((this.init.wantsKeylog?.() ?? this.listenerCount('keylog') > 0) ? { keylog: (line: string) => this.emit('keylog', Buffer.from(line + '\n', 'latin1')) } : {}),
        };
        this.session = environment.openSession(this.transport, attributes, { ownsSocket: this.init.ownsTransport });
        this.ids.init = this.session.generateOperationId();
        const o: OverlappedInput = { operationId: this.ids.init, descriptorHandle: this.handler((c) => this.onHandshake(c)) };
        const status = this.session.startInit(this.port, o);
        if (status !== GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT) this.fail(o as Overlapped);
      },
      (error: Error) => this.destroy(nodeError(error, GskStatus.GSK_INTERNAL_ERROR)),
    );
  }

  private onHandshake(c: Overlapped): void {
    if (c.returnValue !== GskStatus.GSK_OK) return this.fail(c);
    const n = c.negotiated!;
    const verified = n.peerCertificate?.verified === true;
    this.authorized = verified;
    if (!verified && (this.init.role === 'client' || n.peerCertificates.length > 0)) this.authorizationError = this.unverifiedReason(n);
    const identityError = verified && !n.resumed ? this.init.checkIdentity?.(this) : undefined;
    if (identityError !== undefined) {
      this.authorized = false;
      this.authorizationError = (identityError as { code?: string }).code ?? identityError.message;
      if (this.init.rejectUnauthorized) return void this.destroy(identityError);
    }
    this.secureConnecting = false;
    this.emit(this.init.role === 'client' ? 'secureConnect' : 'secure');
    for (const state of this.pendingSessions ?? []) this.emit('session', state);
    this.pendingSessions = undefined;
    for (const run of this.beforeSecure.splice(0)) run();
    if (this.wantsData) this.receive();
  }

  private onSessionState(state: Uint8Array): void {
    const buffer = Buffer.from(state);
    if (this.pendingSessions !== undefined) this.pendingSessions.push(buffer);
    else this.emit('session', buffer);
  }

  /** The signal fired: a pending handshake is cancelled through its operation id; later, the socket is destroyed. */
  private abort(): void {
    const reason = this.init.signal?.reason as Error | undefined;
    const error = Object.assign(new Error('The operation was aborted', { cause: reason }), { name: 'AbortError', code: 'ABORT_ERR' });
    // A pending handshake completes cancelled (ABORT_ERR) through the port; anything else ends here.
    if (this.ids.init !== undefined && this.session?.cancelOperation(this.ids.init) === 1) return;
    this.destroy(error);
  }

  // ---- reading ---------------------------------------------------------------------------------

  override _read(): void {
    this.wantsData = true;
    if (!this.secureConnecting) this.receive();
  }

  /** One StartRecv at a time, and only while the stream wants data: the peer is slowed by TCP when nobody reads. */
  private receive(): void {
    const session = this.session;
    if (this.receiving || session === undefined || this.destroyed) return;
    this.receiving = true;
    this.ids.receive ??= session.generateOperationId();
    const o: OverlappedInput = { buffer: Buffer.allocUnsafe(RECEIVE_CHUNK), operationId: this.ids.receive, descriptorHandle: this.handler((c) => this.onReceived(c)) };
    const status = session.startRecv(this.port, o);
    if (status !== GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV) this.onReceived(o as Overlapped);
  }

  private onReceived(c: Overlapped): void {
    this.receiving = false;
    if (c.returnValue === GskStatus.GSK_OK) {
      this.wantsData = false;
      this.bytesReceived += c.secureDataTransferSize;
      this.push((c.buffer as Buffer).subarray(0, c.secureDataTransferSize));
      return;
    }
    // End of input without a failure: the peer's close_notify, or its FIN.
    if (c.returnValue === GskStatus.GSK_ERROR_SOCKET_CLOSED && c.error === undefined) this.push(null);
    else this.fail(c);
  }

  // ---- writing ---------------------------------------------------------------------------------

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.whenSecure(() => this.send(chunk, callback));
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    const data = chunks.length === 1 ? chunks[0]!.chunk : Buffer.concat(chunks.map((c) => c.chunk));
    this.whenSecure(() => this.send(data, callback));
  }

  private send(data: Buffer, callback: (error?: Error | null) => void): void {
    const session = this.session!;
    this.ids.send ??= session.generateOperationId();
    const done = (c: Overlapped): void => {
      if (c.returnValue === GskStatus.GSK_OK) this.bytesSent += c.secureDataTransferSize;
      callback(c.returnValue === GskStatus.GSK_OK ? null : nodeError(c.error, c.returnValue));
    };
    const o: OverlappedInput = { buffer: data, operationId: this.ids.send, descriptorHandle: this.handler(done) };
    const status = session.startSend(this.port, o);
    if (status !== GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND) done(o as Overlapped);
  }

  /** end(): close_notify (a 1-step shutdown), then the transport's FIN, as node:tls does. */
  override _final(callback: (error?: Error | null) => void): void {
    this.whenSecure(() => {
      const session = this.session!;
      this.ids.shutdown = session.generateOperationId();
      const done = (): void => {
        this.transport.end();
        callback();
      };
      const o: OverlappedInput = { operationId: this.ids.shutdown, descriptorHandle: this.handler(done) };
      // Refused (the session already ended): nothing to say to the peer.
      if (session.startShutdown(this.port, o) !== GskStatus.GSK_OK) done();
    });
  }

  private whenSecure(run: () => void): void {
    if (this.secureConnecting) this.beforeSecure.push(run);
    else run();
  }

  // ---- the end ---------------------------------------------------------------------------------

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.beforeSecure.length = 0;
    this.transport.off('timeout', this.onTransportTimeout);
    const session = this.session;
    const released = session === undefined ? Promise.resolve() : session.close();
    if (session === undefined && this.init.ownsTransport) this.transport.destroy();
    // Pending operations were completed (ECANCELED) by close(); their handlers see a destroyed socket.
    void released.then(() => this.port.destroy());
    callback(error);
  }

  private fail(c: Overlapped): void {
    if (this.destroyed) return;
    // The peer left after this side ended: nothing was lost that anyone still waits for.
    const peerGone = c.returnValue === GskStatus.GSK_ERROR_IO || c.returnValue === GskStatus.GSK_ERROR_SOCKET_CLOSED;
    this.destroy(peerGone && this.writableEnded ? undefined : nodeError(c.error, c.returnValue));
  }

  /** Handlers of a destroyed socket do nothing: its operations end cancelled. */
  private handler(run: (c: Overlapped) => void): CompletionHandler {
    return (c) => {
      if (!this.destroyed) run(c);
    };
  }

  // ---- net.Socket's controls, passed to the transport ------------------------------------------

  /** Emits 'timeout' after `ms` without traffic (0 turns it off), as net.Socket does. */
  setTimeout(ms: number, callback?: () => void): this {
    const socket = this.transport as Partial<Socket>;
    socket.setTimeout?.(ms);
    this.transport.off('timeout', this.onTransportTimeout);
    if (ms > 0) this.transport.on('timeout', this.onTransportTimeout);
    if (callback !== undefined) {
      if (ms > 0) this.once('timeout', callback);
      else this.off('timeout', callback);
    }
    return this;
  }

  private onTransportTimeout(): void {
    this.emit('timeout');
  }
}
