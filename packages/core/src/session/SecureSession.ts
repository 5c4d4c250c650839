import type { Duplex } from 'node:stream';
import type { Observable } from 'rxjs';
import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import type { EngineSink, HandshakeResult, TlsEngine } from '../engine/spi.js';
import { Errno, errnoFromNodeCode } from '../gsk/errno.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import type { CompletionPort } from '../port/CompletionPort.js';
import { Fifo } from '../port/CompletionQueue.js';
import { OperationKind, type OperationId, type Overlapped, type OverlappedInput } from '../port/Overlapped.js';
import { handshake$, receive$, send$ } from '../reactive/sessionStreams.js';
import { cancelledError, TlsError } from '../tls/TlsError.js';
import { negotiatedFrom, type Negotiated } from './negotiated.js';
import { Operation, OperationRegistry, type CompletionTarget } from './Operation.js';
import { PlaintextBuffer } from './PlaintextBuffer.js';
import type { EnginePlan, SessionHost } from './SessionHost.js';

/** Where a session is in its life. */
export type SessionState = 'open' | 'handshaking' | 'established' | 'closing' | 'closed';

/** How shutdown()/startShutdown() close: 1-step (send close_notify) or 2-step (also wait for the peer's). */
export interface ShutdownOptions {
  /** Wait for the peer's close_notify (2-step) instead of only sending ours (1-step). */
  twoStep?: boolean;
  /** 2-step: how long to wait for the peer's close_notify; default 10000 ms. */
  timeoutMs?: number;
  operationId?: OperationId;
  descriptorHandle?: unknown;
}

/** Buffered plaintext above which the session stops reading the transport (back-pressure). */
const HIGH_WATER = 1 << 20;
const LOW_WATER = 1 << 18;
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

let nextOperationId = 1;

/**
 * One TLS connection: an engine bound to a transport (gsk_secure_soc_open). Operations are
 * started against a completion port and complete there exactly once (DESIGN.md rules 1-9).
 */
export class SecureSession {
  private state: SessionState = 'open';
  private overrides: SecureAttributes;
  private engine: TlsEngine | undefined;
  private engineBusy = false;
  private readonly engineCalls: (() => void)[] = [];
  private readonly operations = new OperationRegistry();
  private readonly receives = new Fifo<Operation>();
  private readonly plaintext = new PlaintextBuffer();
  private readonly drainWaiters: (() => void)[] = [];
  private initOperation: Operation | undefined;
  private twoStepShutdown: Operation | undefined;
  private handshakeStartedAt = 0;
  private peerClosed = false;
  private transportEnding = false;
  private transportEnded = false;
  private needDrain = false;
  private readingPaused = false;
  private failure: TlsError | undefined;
  private destroyed: Promise<void> | undefined;
  private result: Negotiated | undefined;
  private resumption: Uint8Array | undefined;
  private keylog: ((line: string) => void) | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- stream listeners of different shapes
  private readonly listeners: [string, (...args: any[]) => void][] = [];

  /** @internal Use SecureEnvironment.openSession. */
  constructor(
    private readonly host: SessionHost,
    private readonly socket: Duplex,
    overrides: SecureAttributes,
    private readonly ownsSocket: boolean,
  ) {
    this.overrides = { ...overrides };
  }

  get currentState(): SessionState {
    return this.state;
  }

  /** What the handshake negotiated; undefined before it completes. */
  get negotiated(): Negotiated | undefined {
    return this.result;
  }

  /** Client: the latest resumption state the server gave (pass as attribute `session` to resume). */
  get resumptionState(): Uint8Array | undefined {
    return this.resumption;
  }

  /** The failure that ended the session, if one did. */
  get error(): TlsError | undefined {
    return this.failure;
  }

  /** Plaintext received and not yet taken by a StartRecv. */
  get bytesAvailable(): number {
    return this.plaintext.length;
  }

  /** gsk_attribute_set_*: overrides the environment's attribute for this session, before startInit only. */
  setAttribute<K extends keyof SecureAttributes>(id: K, value: SecureAttributes[K]): void {
    if (this.state !== 'open') throw new GskError(GskStatus.GSK_INVALID_STATE, `attribute ${String(id)} cannot be set after startInit`);
    this.host.checkAttribute(id, value);
    this.overrides = { ...this.overrides, [id]: value };
  }

  /** QsoGenerateOperationId: a fresh id, unique within the process. */
  generateOperationId(): OperationId {
    return nextOperationId++;
  }

  /** QsoIsOperationPending: whether an operation with this id is started and not yet completed. */
  isOperationPending(id: OperationId): boolean {
    return this.operations.isPending(id);
  }

  /**
   * QsoCancelOperation: completes every pending operation with this id with ECANCELED and
   * returns how many. Cancelling a handshake tears the engine down and closes the session.
   */
  cancelOperation(id: OperationId): number {
    let cancelled = 0;
    for (const op of this.operations.withId(id)) {
      // Status and errno say it all; no Error object, so cancelling stays cheap at any scale.
      if (op.finish({ returnValue: GskStatus.GSK_TLSPORT_ERROR_CANCELLED, errnoValue: Errno.ECANCELED })) cancelled++;
    }
    return cancelled;
  }

  /**
   * gsk_secure_soc_startInit: begins the handshake. Never completes synchronously: returns
   * GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT and posts the result (with `negotiated`) to the port.
   * Misuse returns its status at once and posts nothing.
   */
  startInit(port: CompletionPort, overlapped: OverlappedInput = {}): GskStatus {
    return this.startInitTo(port, overlapped);
  }

  /**
   * gsk_secure_soc_startRecv: receives plaintext into `buffer`. Returns GSK_OK when it finished
   * at once (postFlag false; nothing posted), GSK_IBMI_ASYNCHRONOUS_RECV when it will be posted.
   */
  startRecv(port: CompletionPort, overlapped: OverlappedInput): GskStatus {
    return this.startRecvTo(port, overlapped);
  }

  /**
   * gsk_secure_soc_startSend: encrypts and sends `buffer`. Returns GSK_OK when it finished at once
   * (postFlag false; nothing posted), GSK_IBMI_ASYNCHRONOUS_SEND when it will be posted.
   */
  startSend(port: CompletionPort, overlapped: OverlappedInput): GskStatus {
    return this.startSendTo(port, overlapped);
  }

  /**
   * Sends close_notify. 1-step completes once it is written; 2-step when the peer's close_notify
   * arrives (GSK_OK), the transport ends first (GSK_ERROR_SOCKET_CLOSED) or the timeout passes
   * (GSK_IBMI_ERROR_TIMED_OUT). Resolves with the Shutdown completion.
   */
  shutdown(options: ShutdownOptions = {}): Promise<Overlapped> {
    return new Promise((resolve) => {
      const overlapped: OverlappedInput = { operationId: options.operationId, descriptorHandle: options.descriptorHandle };
      const status = this.startShutdownTo(resolve, overlapped, options);
      if (status !== GskStatus.GSK_OK) resolve(rejected(overlapped, OperationKind.Shutdown, status, 'shutdown not possible in state ' + this.state));
    });
  }

  /** The same as shutdown(), completing on a port (operationCompleted = Shutdown). */
  startShutdown(port: CompletionPort, overlapped: OverlappedInput & ShutdownOptions = {}): GskStatus {
    const usable = portStatus(port);
    if (usable !== GskStatus.GSK_OK) return usable;
    return this.startShutdownTo(port, overlapped, overlapped);
  }

  /** TLS 1.3 KeyUpdate; `requestPeer` asks the peer to update its keys too. */
  keyUpdate(requestPeer = false): void {
    if (this.state !== 'established') throw new GskError(GskStatus.GSK_INVALID_STATE, `keyUpdate needs an established session (state ${this.state})`);
    this.callEngine((engine) => engine.keyUpdate(requestPeer));
  }

  /**
   * gsk_secure_soc_close: cancels what is pending (ECANCELED), tears the engine down and releases
   * its resources. The socket is destroyed only if the session created it. Resolves when native
   * resources are freed. Idempotent.
   */
  close(): Promise<void> {
    this.terminate(cancelledError('session closed'), GskStatus.GSK_TLSPORT_ERROR_CANCELLED);
    return this.destroyed ?? Promise.resolve();
  }

  /** Cold: subscribing starts the handshake, unsubscribing before it completes cancels it. */
  handshake$(): Observable<Negotiated> {
    return handshake$(this);
  }

  /** Cold: each subscription receives plaintext chunks until the peer closes; unsubscribing cancels the pending receive. */
  get data$(): Observable<Uint8Array> {
    return receive$(this);
  }

  /** Cold: subscribing sends `bytes`; emits the byte count when written; unsubscribing cancels a pending send. */
  send$(bytes: Uint8Array): Observable<number> {
    return send$(this, bytes);
  }

  // ---- operation starts, shared by the port API and the reactive layer --------------------------

  /** @internal */
  startInitTo(target: CompletionTarget, overlapped: OverlappedInput): GskStatus {
    const usable = portStatus(target);
    if (usable !== GskStatus.GSK_OK) return fail(overlapped, usable, 'completion port destroyed');
    if (this.state !== 'open') {
      const status = this.state === 'closed' ? GskStatus.GSK_IBMI_ERROR_CLOSED : this.state === 'handshaking' ? GskStatus.GSK_INVALID_STATE : GskStatus.GSK_IBMI_ERROR_ALREADY_SECURE;
      return fail(overlapped, status, `startInit in state ${this.state}`);
    }
    let plan: EnginePlan;
    try {
      plan = this.host.planEngine(this.overrides);
    } catch (error) {
      return fail(overlapped, error instanceof GskError ? error.status : GskStatus.GSK_INTERNAL_ERROR, (error as Error).message);
    }
    const config = plan.config;
    this.keylog = { ...this.host.attributes(), ...this.overrides }.keylog;
    this.state = 'handshaking';
    this.handshakeStartedAt = performance.now();
    const op = this.operations.start(OperationKind.StartInit, overlapped, target);
    this.initOperation = op;
    // Cancelled, timed out or its port destroyed: a handshake cannot be resumed, so the session ends.
    op.onSettle = () => {
      if (this.state === 'handshaking') this.terminate(this.failure ?? cancelledError('handshake cancelled'), GskStatus.GSK_TLSPORT_ERROR_CANCELLED);
    };
    if (config.handshakeTimeoutMs > 0) {
      op.armTimer(config.handshakeTimeoutMs, () =>
        this.terminate(new TlsError('timeout', `handshake did not complete within ${config.handshakeTimeoutMs} ms`, { errno: Errno.ETIMEDOUT, alert: undefined })),
      );
    }
    try {
      this.engine = plan.createEngine(this.sink());
    } catch (error) {
      this.terminate(error instanceof TlsError ? error : new TlsError('internal', `engine creation failed: ${(error as Error).message}`, { cause: error }));
      return GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT;
    }
    this.attachTransport();
    this.callEngine((engine) => engine.start());
    return GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT;
  }

  /** @internal */
  startRecvTo(target: CompletionTarget, overlapped: OverlappedInput): GskStatus {
    const usable = portStatus(target);
    if (usable !== GskStatus.GSK_OK) return fail(overlapped, usable, 'completion port destroyed');
    if (this.state !== 'established' && this.state !== 'closing') {
      // A closed session refuses every start with one status, as startInit and startSend do; what closed it is in the detail.
      const why = this.failure === undefined ? '' : ` (${this.failure.message})`;
      return fail(overlapped, this.state === 'closed' ? GskStatus.GSK_IBMI_ERROR_CLOSED : GskStatus.GSK_INVALID_STATE, `startRecv in state ${this.state}${why}`);
    }
    const length = bufferLength(overlapped);
    if (length === undefined) return fail(overlapped, GskStatus.GSK_INVALID_BUFFER_SIZE, 'buffer must be a Uint8Array and 1 <= bufferLength <= buffer.length');
    if (this.receives.length === 0 && !overlapped.postFlag) {
      const ready = this.plaintext.length >= (overlapped.fillBuffer ? length : 1);
      if (ready) {
        const n = this.plaintext.readInto(overlapped.buffer!, length);
        this.resumeReading();
        return complete(overlapped, OperationKind.StartRecv, GskStatus.GSK_OK, n, this.plaintext.length);
      }
      if (this.inputEnded() && this.plaintext.length === 0) {
        return complete(overlapped, OperationKind.StartRecv, this.endOfInputStatus(), 0, 0);
      }
    }
    const op = this.operations.start(OperationKind.StartRecv, overlapped, target);
    this.armWaitTime(op);
    this.receives.push(op);
    this.serveReceives();
    return GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV;
  }

  /** @internal */
  startSendTo(target: CompletionTarget, overlapped: OverlappedInput): GskStatus {
    const usable = portStatus(target);
    if (usable !== GskStatus.GSK_OK) return fail(overlapped, usable, 'completion port destroyed');
    if (this.state !== 'established') {
      const closed = this.state === 'closing' || this.state === 'closed';
      return fail(overlapped, closed ? GskStatus.GSK_IBMI_ERROR_CLOSED : GskStatus.GSK_INVALID_STATE, closed ? 'the session is shut down: no more sends' : `startSend in state ${this.state}`);
    }
    const length = bufferLength(overlapped);
    if (length === undefined) return fail(overlapped, GskStatus.GSK_INVALID_BUFFER_SIZE, 'buffer must be a Uint8Array and 1 <= bufferLength <= buffer.length');
    const data = overlapped.buffer!.subarray(0, length);
    let op: Operation | undefined;
    let immediate: { error: TlsError | undefined } | undefined;
    this.callEngine((engine) =>
      engine.send(data, (error) => {
        if (op === undefined) immediate = { error };
        else this.afterWrite(op, length, error);
      }),
    );
    if (immediate !== undefined && !overlapped.postFlag && !this.needDrain) {
      const error = immediate.error;
      return complete(overlapped, OperationKind.StartSend, error?.status ?? GskStatus.GSK_OK, error === undefined ? length : 0, 0, error);
    }
    op = this.operations.start(OperationKind.StartSend, overlapped, target);
    this.armWaitTime(op);
    if (immediate !== undefined) this.afterWrite(op, length, immediate.error);
    return GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND;
  }

  private startShutdownTo(target: CompletionTarget, overlapped: OverlappedInput, options: ShutdownOptions): GskStatus {
    if (this.state !== 'established') {
      const status = this.state === 'closing' || this.state === 'closed' ? GskStatus.GSK_IBMI_ERROR_CLOSED : GskStatus.GSK_INVALID_STATE;
      return fail(overlapped, status, `shutdown in state ${this.state}`);
    }
    this.state = 'closing';
    this.callEngine((engine) => engine.closeNotify());
    const op = this.operations.start(OperationKind.Shutdown, overlapped, target);
    if (!options.twoStep) {
      this.whenFlushed(() => op.finish({ returnValue: GskStatus.GSK_OK }));
      return GskStatus.GSK_OK;
    }
    if (this.peerClosed) {
      op.finish({ returnValue: GskStatus.GSK_OK });
      return GskStatus.GSK_OK;
    }
    if (this.transportEnded || this.failure !== undefined) {
      op.finish({ returnValue: this.failure?.status ?? GskStatus.GSK_ERROR_SOCKET_CLOSED, error: this.failure });
      return GskStatus.GSK_OK;
    }
    const timeout = options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
    op.armTimer(timeout, () =>
      op.finish({
        returnValue: GskStatus.GSK_IBMI_ERROR_TIMED_OUT,
        errnoValue: Errno.ETIMEDOUT,
        error: new TlsError('timeout', `peer did not answer close_notify within ${timeout} ms`, { errno: Errno.ETIMEDOUT, alert: undefined }),
      }),
    );
    this.twoStepShutdown = op;
    return GskStatus.GSK_OK;
  }

  // ---- engine side -----------------------------------------------------------------------------

  private sink(): EngineSink {
    return {
      transmit: (ciphertext) => this.transmit(ciphertext),
      plaintext: (data) => {
        this.plaintext.push(data);
        if (this.plaintext.length > HIGH_WATER && !this.readingPaused) {
          this.readingPaused = true;
          this.socket.pause();
        }
        this.serveReceives();
      },
      handshakeComplete: (result) => this.onHandshake(result),
      peerClosed: () => {
        this.peerClosed = true;
        this.serveReceives();
        this.twoStepShutdown?.finish({ returnValue: GskStatus.GSK_OK });
      },
      failed: (error) => this.terminate(error),
      keylog: (line) => this.keylog?.(line),
      session: (state) => {
        this.resumption = state;
      },
    };
  }

  private onHandshake(result: HandshakeResult): void {
    if (this.state !== 'handshaking') return;
    this.state = 'established';
    this.result = negotiatedFrom(result, performance.now() - this.handshakeStartedAt);
    this.initOperation?.finish({ returnValue: GskStatus.GSK_OK, negotiated: this.result });
  }

  /** Runs one engine call at a time; a call made from inside an engine callback runs right after. */
  private callEngine(call: (engine: TlsEngine) => void): void {
    if (this.engineBusy) {
      this.engineCalls.push(() => this.callEngine(call));
      return;
    }
    const engine = this.engine;
    if (engine === undefined || this.state === 'closed') return;
    this.engineBusy = true;
    // A synchronous engine may emit a whole flight (or a burst of records) in one call: corked,
    // it leaves as one write instead of one per record.
    this.socket.cork();
    try {
      call(engine);
    } catch (error) {
      this.terminate(error instanceof TlsError ? error : new TlsError('internal', `engine threw: ${(error as Error).message}`, { cause: error }));
    } finally {
      this.engineBusy = false;
      this.socket.uncork();
    }
    const next = this.engineCalls.shift();
    if (next !== undefined) next();
  }

  // ---- transport side --------------------------------------------------------------------------

  private attachTransport(): void {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    const on = (event: string, handler: (...args: any[]) => void): void => {
      this.socket.on(event, handler);
      this.listeners.push([event, handler]);
    };
    on('data', (chunk: Buffer) => this.callEngine((engine) => engine.receive(chunk)));
    on('end', () => this.onTransportEnd());
    on('close', () => this.onTransportEnd());
    on('error', (error: NodeJS.ErrnoException) =>
      this.terminate(new TlsError('io', `transport error: ${error.message}`, { errno: errnoFromNodeCode(error.code), alert: undefined, cause: error })),
    );
    on('drain', () => {
      this.needDrain = false;
      for (const waiter of this.drainWaiters.splice(0)) waiter();
    });
    if (this.socket.isPaused()) this.socket.resume();
  }

  private detachTransport(): void {
    for (const [event, handler] of this.listeners.splice(0)) this.socket.off(event, handler);
  }

  private transmit(ciphertext: Uint8Array): void {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    if (!this.socket.write(ciphertext)) this.needDrain = true;
  }

  private whenFlushed(then: () => void): void {
    if (this.needDrain) this.drainWaiters.push(then);
    else then();
  }

  private afterWrite(op: Operation, length: number, error: TlsError | undefined): void {
    if (error !== undefined) {
      op.finish({ returnValue: error.status, errnoValue: error.errno, error });
      return;
    }
    this.whenFlushed(() => op.finish({ returnValue: GskStatus.GSK_OK, secureDataTransferSize: length }));
  }

  private onTransportEnd(): void {
    if (this.transportEnded || this.transportEnding) return;
    this.transportEnding = true;
    const engine = this.engine;
    // Let an asynchronous engine finish what it received first (an alert may be among it).
    if (engine?.receiveEnd !== undefined && this.state !== 'closed') {
      void engine.receiveEnd().then(
        () => this.onInputEnded(),
        () => this.onInputEnded(),
      );
    } else {
      this.onInputEnded();
    }
  }

  private onInputEnded(): void {
    if (this.transportEnded) return;
    this.transportEnded = true;
    if (this.state === 'closed') return;
    if (this.state === 'handshaking') {
      this.terminate(new TlsError('peer-closed', 'the peer closed the connection during the handshake', { errno: Errno.ECONNRESET, alert: undefined }));
      return;
    }
    this.serveReceives();
    this.twoStepShutdown?.finish({
      returnValue: GskStatus.GSK_ERROR_SOCKET_CLOSED,
      errnoValue: Errno.ECONNRESET,
      error: new TlsError('peer-closed', 'the transport ended before the peer sent close_notify', { alert: undefined }),
    });
  }

  // ---- receives --------------------------------------------------------------------------------

  private inputEnded(): boolean {
    return this.peerClosed || this.transportEnded || this.failure !== undefined;
  }

  /** A receive with nothing left to read: closed by close_notify, by the transport, or failed. */
  private endOfInputStatus(): GskStatus {
    return this.failure?.status ?? GskStatus.GSK_ERROR_SOCKET_CLOSED;
  }

  private serveReceives(): void {
    for (let op = this.receives.shift(); op !== undefined; op = this.receives.shift()) {
      if (!op.pending) continue;
      const o = op.overlapped;
      const length = o.bufferLength ?? o.buffer!.length;
      if (this.plaintext.length >= (o.fillBuffer ? length : 1) || (this.inputEnded() && this.plaintext.length > 0)) {
        const n = this.plaintext.readInto(o.buffer!, length);
        op.finish({ returnValue: GskStatus.GSK_OK, secureDataTransferSize: n, bytesAvailable: this.plaintext.length });
        continue;
      }
      if (this.inputEnded()) {
        op.finish({ returnValue: this.endOfInputStatus(), errnoValue: this.failure?.errno, error: this.failure });
        continue;
      }
      this.receives.unshift(op);
      break;
    }
    this.resumeReading();
  }

  private resumeReading(): void {
    if (this.readingPaused && this.plaintext.length < LOW_WATER) {
      this.readingPaused = false;
      this.socket.resume();
    }
  }

  private armWaitTime(op: Operation): void {
    const ms = op.overlapped.operationWaitTime;
    if (ms !== undefined && ms > 0) {
      op.armTimer(ms, () => op.finish({ returnValue: GskStatus.GSK_IBMI_ERROR_TIMED_OUT, errnoValue: Errno.EAGAIN }));
    }
  }

  // ---- the end ---------------------------------------------------------------------------------

  /**
   * Ends the session: every pending operation completes with the failure (or `status`), the
   * engine is destroyed, the transport released. Idempotent; the first failure wins.
   */
  private terminate(error: TlsError, status: GskStatus = error.status): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.failure ??= error;
    for (const op of this.operations.all()) {
      op.finish({ returnValue: op === this.initOperation ? error.status : status, errnoValue: error.errno, error });
    }
    this.plaintext.clear();
    this.detachTransport();
    const engine = this.engine;
    this.engine = undefined;
    this.destroyed = (engine?.destroy() ?? Promise.resolve()).finally(() => this.host.sessionClosed(this));
    if (this.ownsSocket) releaseSocket(this.socket);
  }
}

/** How long an owned socket may take to flush its last bytes (a final alert) before it is destroyed. */
const SOCKET_LINGER_MS = 1000;

/**
 * Closes a socket the session owns: what was already written (a final alert, close_notify) is
 * flushed first, so the peer learns why; a peer that does not read cannot hold it open for long.
 */
function releaseSocket(socket: Duplex): void {
  // Errors of a socket we are discarding have nobody left to hear them.
  socket.on('error', () => undefined);
  if (socket.destroyed) return;
  if (socket.writableLength === 0 || socket.writableEnded) {
    socket.destroy();
    return;
  }
  const linger = setTimeout(() => socket.destroy(), SOCKET_LINGER_MS);
  socket.once('finish', () => {
    clearTimeout(linger);
    socket.destroy();
  });
  socket.once('close', () => clearTimeout(linger));
  socket.end();
}

function portStatus(target: CompletionTarget): GskStatus {
  return typeof target !== 'function' && target.destroyed ? GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT : GskStatus.GSK_OK;
}

function bufferLength(o: OverlappedInput): number | undefined {
  if (!(o.buffer instanceof Uint8Array)) return undefined;
  const length = o.bufferLength ?? o.buffer.length;
  return Number.isInteger(length) && length >= 1 && length <= o.buffer.length ? length : undefined;
}

/** Fills a synchronous result into the caller's record (nothing is posted) and returns the status. */
function complete(o: OverlappedInput, kind: OperationKind, status: GskStatus, transferred: number, available: number, error?: TlsError): GskStatus {
  const out = o as Overlapped;
  out.operationCompleted = kind;
  out.returnValue = status;
  out.errnoValue = error?.errno ?? Errno.NONE;
  out.secureDataTransferSize = transferred;
  out.bytesAvailable = available;
  if (error !== undefined) out.error = error;
  return status;
}

/** A start refused at once: the status in the record and as the return value; nothing posted. */
function fail(o: OverlappedInput, status: GskStatus, detail: string): GskStatus {
  (o as Overlapped).returnValue = status;
  (o as Overlapped).error = new GskError(status, detail);
  return status;
}

function rejected(o: OverlappedInput, kind: OperationKind, status: GskStatus, detail: string): Overlapped {
  fail(o, status, detail);
  return Object.assign(o, { operationCompleted: kind, errnoValue: Errno.NONE, secureDataTransferSize: 0, bytesAvailable: 0 }) as Overlapped;
}
