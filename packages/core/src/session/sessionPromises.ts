import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import type { CompletionPort } from '../port/CompletionPort.js';
import type { OperationId, Overlapped, OverlappedInput } from '../port/Overlapped.js';
import type { Negotiated } from '../engine/negotiated.js';
import type { SecureSession, ShutdownOptions } from './SecureSession.js';
import { callbackPort } from '../port/callbackPort.js';

/** Options every promise method takes. */
export interface PromiseOptions {
  /** Aborting cancels the operation (cancelOperation) while it is pending; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface EndOptions extends PromiseOptions, Pick<ShutdownOptions, 'twoStep' | 'timeoutMs'> {}

/** Start results that mean the completion will arrive on the port. */
const STARTED: ReadonlySet<GskStatus> = new Set([
  GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT,
  GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV,
  GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND,
]);

/** One port per session for its promise operations; completions go to the operation's own resolver. */
const ports = new WeakMap<SecureSession, CompletionPort>();

function portOf(session: SecureSession): CompletionPort {
  let port = ports.get(session);
  if (port === undefined) ports.set(session, (port = callbackPort()));
  return port;
}

/**
 * Runs one port operation as a promise: resolves with its completion when it succeeds, rejects
 * with its TlsError (or GskError) when it does not, or with the signal's reason when aborted.
 * A cancel racing the completion yields one of the two (docs/design.md rule 3).
 */
function operation(
  session: SecureSession,
  input: OverlappedInput,
  start: (port: CompletionPort, o: OverlappedInput) => GskStatus,
  signal: AbortSignal | undefined,
  started: (status: GskStatus) => boolean = (status) => STARTED.has(status),
): Promise<Overlapped> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const id: OperationId = session.generateOperationId();
    const onAbort = (): void => void session.cancelOperation(id);
    const settle = (c: Overlapped): void => {
      signal?.removeEventListener('abort', onAbort);
      if (c.returnValue === GskStatus.GSK_OK) resolve(c);
      else if (c.returnValue === GskStatus.GSK_TLSPORT_ERROR_CANCELLED && signal?.aborted === true) reject(signal.reason as Error);
      else reject(c.error ?? new GskError(c.returnValue));
    };
    const o: OverlappedInput = { ...input, operationId: id, descriptorHandle: settle };
    const status = start(portOf(session), o);
    if (!started(status)) return settle(o as Overlapped);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** await session.handshake(): the negotiated parameters once the handshake completes. */
export async function handshake(session: SecureSession, options: PromiseOptions = {}): Promise<Negotiated> {
  const c = await operation(session, {}, (port, o) => session.startInit(port, o), options.signal);
  return c.negotiated!;
}

/** await session.write(bytes): resolves with the bytes sent once the session's send completes. */
export async function write(session: SecureSession, bytes: Uint8Array, options: PromiseOptions = {}): Promise<number> {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('write(bytes): bytes must be a Uint8Array');
  if (bytes.length === 0) return 0;
  const c = await operation(session, { buffer: bytes }, (port, o) => session.startSend(port, o), options.signal);
  return c.secureDataTransferSize;
}

const CHUNK = 16 * 1024;

/**
 * for await (const chunk of session): one receive at a time, started when the loop asks for the
 * next chunk, so a slow loop slows the peer. Ends at the peer's close_notify or FIN; throws the
 * failure that ended the session; leaving the loop early cancels nothing (no receive is pending then).
 */
export async function* chunks(session: SecureSession, options: PromiseOptions = {}): AsyncGenerator<Uint8Array, void, undefined> {
  for (;;) {
    let c: Overlapped;
    try {
      c = await operation(session, { buffer: new Uint8Array(CHUNK) }, (port, o) => session.startRecv(port, o), options.signal, (status) => status === GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV);
    } catch (error) {
      // End of input without a failure finishes the loop.
      if (error instanceof GskError && error.status === GskStatus.GSK_ERROR_SOCKET_CLOSED) return;
      throw error;
    }
    yield c.buffer!.subarray(0, c.secureDataTransferSize);
  }
}

/**
 * await session.end(): sends close_notify (with `twoStep`, waits for the peer's), then releases the
 * session. Rejects with the shutdown's failure; the session is released either way.
 */
export async function end(session: SecureSession, options: EndOptions = {}): Promise<void> {
  try {
    if (session.currentState === 'established') {
      await operation(session, { twoStep: options.twoStep, timeoutMs: options.timeoutMs } as OverlappedInput, (port, o) => session.startShutdown(port, o), options.signal, (status) => status === GskStatus.GSK_OK);
    }
  } finally {
    await session.close();
    ports.get(session)?.destroy();
    ports.delete(session);
  }
}
