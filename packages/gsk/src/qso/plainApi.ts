import { CompletionPort, Errno, type OperationId } from '@tlsport/core';
import type { GskSession } from '../handles.js';
import { serverOf, socketOf } from './descriptors.js';
import type { Qso_OverlappedIO_t } from './overlapped.js';
import { PlainListener } from './PlainListener.js';
import { PlainSocket } from './PlainSocket.js';
import { portOf, setErrno } from './ports.js';

const controllers = new Map<number, PlainSocket | PlainListener>();
const secure = new Map<number, GskSession>();

/** The controller of a descriptor, made on first use from what the descriptor names. */
function controllerOf<S, C extends PlainSocket | PlainListener>(sd: number, Kind: new (s: S) => C, lookup: (sd: number) => S | undefined): C | undefined {
  const existing = controllers.get(sd);
  if (existing instanceof Kind) return existing;
  const underlying = lookup(sd);
  if (underlying === undefined || existing !== undefined) return undefined;
  const made = new Kind(underlying);
  controllers.set(sd, made);
  return made;
}

/** The plain controller of a connected descriptor. */
export function plainSocketOf(sd: number): PlainSocket | undefined {
  return controllerOf(sd, PlainSocket, socketOf);
}

function listenerOf(sd: number): PlainListener | undefined {
  return controllerOf(sd, PlainListener, serverOf);
}

/** @internal A gsk session now runs over this descriptor (QsoCancelOperation and QsoIsOperationPending reach it). */
export function bindSecureSession(sd: number, session: GskSession): void {
  secure.set(sd, session);
}

/** @internal */
export function unbindSecureSession(sd: number, session: GskSession): void {
  if (secure.get(sd) === session) secure.delete(sd);
}

/** @internal Whether a descriptor carries a secure session. */
export function secureSessionOn(sd: number): GskSession | undefined {
  return secure.get(sd);
}

/** Compatibility switches for behaviour where tlsport deliberately differs from IBM's. */
export interface GskCompatibility {
  /**
   * 'tlsport' (default): QsoCancelOperation cancels a handshake in progress too (the session is
   * closed). 'ibm': a handshake cannot be cancelled, as on IBM i; it ends by its own result or timeout.
   */
  cancelDuringHandshake: 'tlsport' | 'ibm';
}
const compatibility: GskCompatibility = { cancelDuringHandshake: 'tlsport' };

export function gskCompatibility(options: Partial<GskCompatibility>): GskCompatibility {
  Object.assign(compatibility, options);
  return { ...compatibility };
}

function started(sd: number, ioCompletionPort: number, io: Qso_OverlappedIO_t, start: (port: NonNullable<ReturnType<typeof portOf>>) => number): number {
  const port = portOf(ioCompletionPort);
  if (port === undefined) return setErrno(Errno.EINVAL);
  if (port.destroyed) return setErrno(Errno.EDESTROYED);
  if (io === null || typeof io !== 'object') return setErrno(Errno.EINVAL);
  if (secure.has(sd)) return setErrno(Errno.EBADF);
  return start(port);
}

/** QsoStartRecv: 1 finished at once (result in `io`, nothing posted), 0 started (will be posted), -1 + errno. */
export function QsoStartRecv(socketDescriptor: number, ioCompletionPort: number, io: Qso_OverlappedIO_t): number {
  return started(socketDescriptor, ioCompletionPort, io, (port) => plainSocketOf(socketDescriptor)?.startRecv(port, io) ?? setErrno(Errno.EBADF));
}

/** QsoStartSend: as QsoStartRecv; returnValue is the byte count sent. */
export function QsoStartSend(socketDescriptor: number, ioCompletionPort: number, io: Qso_OverlappedIO_t): number {
  return started(socketDescriptor, ioCompletionPort, io, (port) => plainSocketOf(socketDescriptor)?.startSend(port, io) ?? setErrno(Errno.EBADF));
}

/** QsoStartAccept: the new connection's descriptor arrives in returnValue. */
export function QsoStartAccept(listenDescriptor: number, ioCompletionPort: number, io: Qso_OverlappedIO_t): number {
  return started(listenDescriptor, ioCompletionPort, io, (port) => listenerOf(listenDescriptor)?.startAccept(port, io) ?? setErrno(Errno.EBADF));
}

/**
 * QsoCancelOperation: cancels every pending operation with this id on the descriptor (plain or
 * secure), each posted with ECANCELED. Returns how many; -1 + EBADF for an unknown descriptor.
 */
export function QsoCancelOperation(socketDescriptor: number, operationId: OperationId): number {
  const session = secure.get(socketDescriptor);
  if (session !== undefined) {
    if (session.state === 'handshaking' && compatibility.cancelDuringHandshake === 'ibm') return 0;
    return session.core?.cancelOperation(operationId) ?? 0;
  }
  const controller = controllers.get(socketDescriptor);
  if (controller !== undefined) return controller.cancel(operationId);
  return socketOf(socketDescriptor) !== undefined || serverOf(socketDescriptor) !== undefined ? 0 : setErrno(Errno.EBADF);
}

/** QsoIsOperationPending: 1 pending, 0 not, -1 + EBADF for an unknown descriptor. */
export function QsoIsOperationPending(socketDescriptor: number, operationId: OperationId): number {
  const session = secure.get(socketDescriptor);
  if (session !== undefined) return session.core?.isOperationPending(operationId) ? 1 : 0;
  const controller = controllers.get(socketDescriptor);
  if (controller !== undefined) return controller.pending.has(operationId) ? 1 : 0;
  return socketOf(socketDescriptor) !== undefined || serverOf(socketDescriptor) !== undefined ? 0 : setErrno(Errno.EBADF);
}

/** accept(): waits for the next connection on a listening descriptor; its descriptor, or -1 + errno. */
export async function accept(listenDescriptor: number): Promise<number> {
  const listener = listenerOf(listenDescriptor);
  if (listener === undefined) return setErrno(Errno.EBADF);
  const port = CompletionPort.create();
  try {
    const io: Qso_OverlappedIO_t = {};
    if (listener.startAccept(port, io) === 1) return io.returnValue!;
    const completion = (await port.wait()) as unknown as Qso_OverlappedIO_t;
    return completion.returnValue!;
  } finally {
    port.destroy();
  }
}
