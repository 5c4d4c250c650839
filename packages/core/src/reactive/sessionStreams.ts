import { Observable } from 'rxjs';
import { GskStatus } from '../gsk/status.js';
import type { Overlapped, OverlappedInput } from '../port/Overlapped.js';
import type { Negotiated } from '../engine/negotiated.js';
import type { OperationSource } from './OperationSource.js';
import { GskError } from '../gsk/GskError.js';

/**
 * The reactive layer: each port operation as a cold Observable. Subscribing starts the operation
 * with a fresh operation id; unsubscribing cancels it only while it is still pending (as fromFetch
 * aborts only while the fetch runs).
 */

/** Start results that mean "running; the completion will be delivered". */
const STARTED: ReadonlySet<GskStatus> = new Set([
  GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT,
  GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV,
  GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND,
]);

/** The error a failed completion carries, as something to throw. */
function errorOf(c: Overlapped): Error {
  return c.error ?? new GskError(c.returnValue);
}

/** Starts one operation per subscription and cancels it on early unsubscribe. */
function operation$<T>(
  session: OperationSource,
  start: (overlapped: OverlappedInput, done: (c: Overlapped) => void) => GskStatus,
  overlapped: () => OverlappedInput,
  onResult: (c: Overlapped, emit: (value: T) => void) => void,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    const o = { ...overlapped(), operationId: session.generateOperationId() };
    const done = (c: Overlapped): void => {
      if (subscriber.closed) return;
      if (c.returnValue !== GskStatus.GSK_OK) {
        subscriber.error(errorOf(c));
        return;
      }
      onResult(c, (value) => subscriber.next(value));
      subscriber.complete();
    };
    const status = start(o, done);
    if (status === GskStatus.GSK_OK) done(o as Overlapped);
    else if (!STARTED.has(status)) subscriber.error(errorOf(o as Overlapped));
    return () => {
      session.cancelOperation(o.operationId);
    };
  });
}

/** Subscribing starts the handshake; emits what was negotiated, then completes. */
export function handshake$(session: OperationSource): Observable<Negotiated> {
  return operation$<Negotiated>(
    session,
    (o, done) => session.startInitTo(done, o),
    () => ({}),
    (c, emit) => emit(c.negotiated!),
  );
}

/** Subscribing sends `bytes`; emits the number of bytes written, then completes. */
export function send$(session: OperationSource, bytes: Uint8Array): Observable<number> {
  return operation$<number>(
    session,
    (o, done) => session.startSendTo(done, o),
    () => ({ buffer: bytes }),
    (c, emit) => emit(c.secureDataTransferSize),
  );
}

const CHUNK = 16 * 1024;

/**
 * Emits plaintext as it arrives, one receive operation at a time, and completes when the peer
 * closes (close_notify or end of transport). Errors with the TlsError that ended the session.
 */
export function receive$(session: OperationSource): Observable<Uint8Array> {
  return new Observable<Uint8Array>((subscriber) => {
    let current: OverlappedInput | undefined;
    const next = (): void => {
      while (!subscriber.closed) {
        const o: OverlappedInput = { buffer: new Uint8Array(CHUNK), operationId: session.generateOperationId() };
        current = o;
        if (STARTED.has(session.startRecvTo(deliver, o))) return;
        if (!settled(o as Overlapped)) return;
      }
    };
    const settled = (c: Overlapped): boolean => {
      if (c.returnValue === GskStatus.GSK_OK) {
        subscriber.next(c.buffer!.subarray(0, c.secureDataTransferSize));
        return true;
      }
      // End of input without a failure (close_notify, or the transport ended) completes the stream.
      if (c.returnValue === GskStatus.GSK_ERROR_SOCKET_CLOSED && c.error === undefined) subscriber.complete();
      else subscriber.error(errorOf(c));
      return false;
    };
    const deliver = (c: Overlapped): void => {
      if (subscriber.closed) return;
      if (settled(c)) next();
    };
    next();
    return () => {
      if (current?.operationId !== undefined) session.cancelOperation(current.operationId);
    };
  });
}
