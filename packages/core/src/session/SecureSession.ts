import type { Duplex } from 'node:stream';
import type { Observable } from 'rxjs';
import { DEFAULT_MAX_BUFFERED_BYTES } from '../attributes/sessionLimits.js';
import type { SecureAttributes } from '../attributes/SecureAttributes.js';
import { negotiatedFrom, type Negotiated } from '../engine/negotiated.js';
import type { EngineSink, HandshakeResult } from '../engine/spi.js';
import { Errno, errnoFromNodeCode } from '../gsk/errno.js';
import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import type { CompletionPort } from '../port/CompletionPort.js';
import { writeCompletion } from '../port/completionRecord.js';
import type { CompletionTarget, Operation } from '../port/Operation.js';
import { OperationRegistry } from '../port/OperationRegistry.js';
import { OperationKind, type OperationId, type Overlapped, type OverlappedInput } from '../port/Overlapped.js';
import type { OperationSource } from '../reactive/OperationSource.js';
import { handshake$, receive$, send$ } from '../reactive/sessionStreams.js';
import { cancelledError, TlsError } from '../tls/TlsError.js';
import { TransportBinding } from '../transport/TransportBinding.js';
import { BufferBudget } from './BufferBudget.js';
import { EngineDriver } from './EngineDriver.js';
import { IdleTimer } from './IdleTimer.js';
import { exportKeyingMaterial } from './keyingMaterial.js';
import { mainThreadTurns } from './LoopTurns.js';
import { PeerInput } from './PeerInput.js';
import { ReceiveQueue } from './ReceiveQueue.js';
import { SendQueue, sendOutcome } from './SendQueue.js';
import * as promises from './sessionPromises.js';
import type { SessionHost } from './SessionHost.js';
import type { SessionSettings } from './sessionSettings.js';
import { ShutdownRequest, type ShutdownOptions } from './ShutdownRequest.js';
import { startRefusal, type SessionState } from './sessionStates.js';
import { BAD_BUFFER, bufferLength, refuse, refusedRecord } from './startResults.js';

export type { ShutdownOptions } from './ShutdownRequest.js';

export type { SessionState } from './sessionStates.js';

let nextOperationId = 1;

/**
 * One TLS connection: an engine bound to a transport (gsk_secure_soc_open). Operations are
 * started against a completion port and complete there exactly once (docs/design.md rules 1-9), and
 * the session holds at most `maxBufferedBytes` whatever the peer does (rule 11).
 */
export class SecureSession implements OperationSource {
  private state: SessionState = 'open';
  private readonly input = new PeerInput();
  private overrides: SecureAttributes;
  private readonly operations = new OperationRegistry();
  private readonly transport: TransportBinding;
  private readonly driver: EngineDriver;
  private readonly receives = new ReceiveQueue(() => this.input.end(this.failure));
  private readonly sends: SendQueue;
  private readonly budget: BufferBudget;
  private readonly shutdownRequest = new ShutdownRequest();
  private idle: IdleTimer | undefined;
  private initOperation: Operation | undefined;
  private handshakeStartedAt = 0;
  private failure: TlsError | undefined;
  private destroyed: Promise<void> | undefined;
  private result: Negotiated | undefined;
  private resumption: Uint8Array | undefined;
  private keylog: ((line: string) => void) | undefined;
  private onSession: ((state: Uint8Array) => void) | undefined;

  /** @internal Use SecureEnvironment.openSession. */
  constructor(
    private readonly host: SessionHost,
    socket: Duplex,
    overrides: SecureAttributes,
    private readonly ownsSocket: boolean,
  ) {
    this.overrides = { ...overrides };
    this.budget = new BufferBudget(DEFAULT_MAX_BUFFERED_BYTES, {
      transport: () => this.transport.buffered,
      plaintext: () => this.receives.buffered,
      engine: () => this.driver.bufferedBytes,
    });
    this.transport = new TransportBinding(socket, {
      received: (chunk) => {
        this.idle?.touch();
        this.driver.receive(chunk);
      },
      ended: () => this.transportEnded(),
      failed: (error) => this.terminate(new TlsError('io', `transport error: ${error.message}`, { errno: errnoFromNodeCode(error.code), alert: undefined, cause: error })),
      drained: () => this.roomGrew(),
    }, () => this.budget.readRoom());
    this.driver = new EngineDriver({
      cork: () => this.transport.cork(),
      uncork: () => this.budget.note(),
      threw: (error) => this.terminate(error),
    });
    this.sends = new SendQueue({
      feed: (slice, written) => this.driver.call((engine) => engine.send(slice, written)),
      room: () => this.budget.sendRoom(),
      wantRoom: () => this.transport.wantRoom(),
      settled: (send) => send.op?.finish(sendOutcome(send)),
    });
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
    return this.receives.buffered;
  }

  /** Bytes the session holds now: ciphertext for the transport, plaintext for the application, what the engine holds. */
  get bufferedBytes(): number {
    return this.budget.total;
  }

  /** The most `bufferedBytes` has been; never above `maxBufferedBytes`. */
  get bufferedBytesPeak(): number {
    return this.budget.peak;
  }

  /** The memory bound in force (attribute maxBufferedBytes, settled at startInit). */
  get maxBufferedBytes(): number {
    return this.budget.maxBytes;
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
    return this.operations.cancel(id);
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
   * (postFlag false; nothing posted), GSK_IBMI_ASYNCHRONOUS_SEND when it will be posted: once its
   * ciphertext has been taken by the transport within the session's memory bound.
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
      if (status !== GskStatus.GSK_OK) resolve(refusedRecord(overlapped, OperationKind.Shutdown, status, 'shutdown not possible in state ' + this.state));
    });
  }

  /** The same as shutdown(), completing on a port (operationCompleted = Shutdown). */
  startShutdown(port: CompletionPort, overlapped: OverlappedInput & ShutdownOptions = {}): GskStatus {
    if (port.destroyed) return GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT;
    return this.startShutdownTo(port, overlapped, overlapped);
  }

  /** TLS 1.3 KeyUpdate; `requestPeer` asks the peer to update its keys too. */
  keyUpdate(requestPeer = false): void {
    if (this.state !== 'established') throw new GskError(GskStatus.GSK_INVALID_STATE, `keyUpdate needs an established session (state ${this.state})`);
    this.driver.call((engine) => engine.keyUpdate(requestPeer));
  }

  /** RFC 5705 / RFC 8446 §7.5 keying material of an established session (keyingMaterial.ts). */
  exportKeyingMaterial(length: number, label: string, context?: Uint8Array): Uint8Array {
    return exportKeyingMaterial(this.state === 'established' ? this.driver.current : undefined, length, label, context);
  }

  /**
   * gsk_secure_soc_close: cancels what is pending (ECANCELED), tears the engine down and releases
   * its resources. The socket is destroyed only if the session created it. Resolves when native
   * resources are freed. Idempotent.
   */
  close(): Promise<void> {
    // Closed already (the usual case after a failure or a second close): no error object to build.
    if (this.state !== 'closed') this.terminate(cancelledError('session closed'), GskStatus.GSK_TLSPORT_ERROR_CANCELLED);
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

  /** The handshake as a promise (sessionPromises.ts); `signal` cancels it. */
  handshake(options?: promises.PromiseOptions): Promise<Negotiated> {
    return promises.handshake(this, options);
  }

  /** Sends `bytes`; resolves once the send completes. */
  write(bytes: Uint8Array, options?: promises.PromiseOptions): Promise<number> {
    return promises.write(this, bytes, options);
  }

  /** Received plaintext, one receive per step of the loop; `for await (const chunk of session)` uses it too. */
  chunks(options?: promises.PromiseOptions): AsyncGenerator<Uint8Array, void, undefined> {
    return promises.chunks(this, options);
  }

  [Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    return promises.chunks(this);
  }

  /** close_notify (1- or 2-step), then close(). */
  end(options?: promises.EndOptions): Promise<void> {
    return promises.end(this, options);
  }

  // ---- operation starts, shared by the port API and the reactive layer --------------------------

  /** @internal */
  startInitTo(target: CompletionTarget, overlapped: OverlappedInput): GskStatus {
    const refused = startRefusal('startInit', this.state, target, this.failure);
    if (refused !== undefined) return refuse(overlapped, ...refused);
    let settings: SessionSettings;
    try {
      settings = this.host.sessionSettings(this.overrides);
    } catch (error) {
      return refuse(overlapped, error instanceof GskError ? error.status : GskStatus.GSK_INTERNAL_ERROR, (error as Error).message);
    }
    const { plan, limits } = settings;
    const config = plan.config;
    ({ keylog: this.keylog, onSession: this.onSession } = settings);
    this.budget.maxBytes = limits.maxBufferedBytes;
    if (limits.idleTimeoutMs > 0) {
      this.idle = new IdleTimer(limits.idleTimeoutMs, () =>
        this.terminate(new TlsError('timeout', `no traffic for ${limits.idleTimeoutMs} ms (idleTimeoutMs)`, { errno: Errno.ETIMEDOUT, alert: undefined })),
      );
    }
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
      this.driver.create((sink) => plan.createEngine(sink), this.sink());
    } catch (error) {
      this.terminate(error instanceof TlsError ? error : new TlsError('internal', `engine creation failed: ${(error as Error).message}`, { cause: error }));
      return GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT;
    }
    // Handshakes share the main thread turn by turn (a burst must not hold the event loop).
    this.driver.pace(mainThreadTurns);
    // Started before the transport is read: bytes already waiting there (a ClientHello that came
    // before startInit) reach the engine after its start, never before.
    this.driver.call((engine) => engine.start());
    this.transport.attach();
    return GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT;
  }

  /** @internal */
  startRecvTo(target: CompletionTarget, overlapped: OverlappedInput): GskStatus {
    const refused = startRefusal('startRecv', this.state, target, this.failure);
    if (refused !== undefined) return refuse(overlapped, ...refused);
    if (bufferLength(overlapped) === undefined) return refuse(overlapped, GskStatus.GSK_INVALID_BUFFER_SIZE, BAD_BUFFER);
    if (!this.receives.hasWaiting && !overlapped.postFlag) {
      const outcome = this.receives.take(overlapped);
      if (outcome !== undefined) {
        this.transport.pump();
        return writeCompletion(overlapped, OperationKind.StartRecv, outcome).returnValue;
      }
    }
    const op = this.operations.start(OperationKind.StartRecv, overlapped, target);
    this.armWaitTime(op);
    this.receives.wait(op);
    this.serveReceives();
    return GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV;
  }

  /** @internal */
  startSendTo(target: CompletionTarget, overlapped: OverlappedInput): GskStatus {
    const refused = startRefusal('startSend', this.state, target, this.failure);
    if (refused !== undefined) return refuse(overlapped, ...refused);
    const length = bufferLength(overlapped);
    if (length === undefined) return refuse(overlapped, GskStatus.GSK_INVALID_BUFFER_SIZE, BAD_BUFFER);
    const send = this.sends.push(overlapped.buffer!.subarray(0, length));
    const settled = send.error !== undefined || send.written === length;
    if (settled && !overlapped.postFlag) return writeCompletion(overlapped, OperationKind.StartSend, sendOutcome(send)).returnValue;
    send.op = this.operations.start(OperationKind.StartSend, overlapped, target);
    this.armWaitTime(send.op);
    if (settled) send.op.finish(sendOutcome(send));
    return GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND;
  }

  private startShutdownTo(target: CompletionTarget, overlapped: OverlappedInput, options: ShutdownOptions): GskStatus {
    const refused = startRefusal('shutdown', this.state, target, this.failure);
    if (refused !== undefined) return refuse(overlapped, ...refused);
    this.state = 'closing';
    this.driver.call((engine) => engine.closeNotify());
    const op = this.operations.start(OperationKind.Shutdown, overlapped, target);
    if (!options.twoStep) this.transport.whenDrained(() => op.finish({ returnValue: GskStatus.GSK_OK }));
    else this.shutdownRequest.waitForPeer(op, options, this.input.closedByPeer ? 'peer-closed' : this.input.end(this.failure));
    return GskStatus.GSK_OK;
  }

  // ---- engine side -----------------------------------------------------------------------------

  private sink(): EngineSink {
    return {
      transmit: (ciphertext) => {
        this.idle?.touch();
        this.transport.write(ciphertext);
        this.budget.note();
      },
      plaintext: (data) => {
        this.receives.push(data);
        this.budget.note();
        this.serveReceives();
      },
      handshakeComplete: (result) => this.handshakeComplete(result),
      peerClosed: () => {
        this.input.closeNotify();
        this.serveReceives();
        this.shutdownRequest.peerClosed();
      },
      failed: (error) => this.terminate(error),
      keylog: (line) => this.keylog?.(line),
      session: (state) => {
        this.resumption = state;
        this.onSession?.(state);
      },
    };
  }

  private handshakeComplete(result: HandshakeResult): void {
    if (this.state !== 'handshaking') return;
    this.state = 'established';
    this.driver.pace(undefined);
    this.result = negotiatedFrom(result, performance.now() - this.handshakeStartedAt);
    this.idle?.start();
    // Settled now: an established session keeps neither the operation nor its timer.
    const init = this.initOperation;
    this.initOperation = undefined;
    init?.finish({ returnValue: GskStatus.GSK_OK, negotiated: this.result });
  }

  // ---- transport side --------------------------------------------------------------------------

  /** Plaintext was taken or the transport drained: pending sends and reading may go on. */
  private roomGrew(): void {
    this.idle?.touch();
    this.sends.pump();
    this.transport.pump();
  }

  private transportEnded(): void {
    this.input.transportEnding();
    // Let an asynchronous engine finish what it received first (an alert may be among it).
    const processed = this.state === 'closed' ? undefined : this.driver.inputEnded();
    if (processed === undefined) this.inputEnded();
    else void processed.then(() => this.inputEnded(), () => this.inputEnded());
  }

  private inputEnded(): void {
    this.input.transportEnded();
    if (this.state === 'closed') return;
    if (this.state === 'handshaking') {
      this.terminate(new TlsError('peer-closed', 'the peer closed the connection during the handshake', { errno: Errno.ECONNRESET, alert: undefined }));
      return;
    }
    this.serveReceives();
    this.shutdownRequest.transportEnded();
  }

  private serveReceives(): void {
    this.receives.serve();
    this.transport.pump();
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
    this.receives.clear();
    this.sends.clear();
    this.idle?.stop();
    this.transport.detach();
    this.destroyed = this.driver.destroy().finally(() => this.host.sessionClosed(this));
    if (this.ownsSocket) this.transport.release();
  }
}
