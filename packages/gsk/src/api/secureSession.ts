import { CompletionPort, OperationKind, type Overlapped, type OverlappedInput } from '@tlsport/core';
import * as id from '../constants/ids.js';
import * as rc from '../constants/returnCodes.js';
import { GskEnvironment, GskSession, valueOf, type GskRef, type gsk_handle } from '../handles.js';
import { afterHandshake } from '../session/afterHandshake.js';
import { openCoreSession, rememberResumption } from '../session/openCore.js';
import { flag, qsoOperation, timevalMs, type Qso_OverlappedIO_t } from '../qso/overlapped.js';
import { onCompletion, portOf } from '../qso/ports.js';
import { unbindSecureSession } from '../qso/plainApi.js';

function sessionHandle(handle: unknown): GskSession | undefined {
  return handle instanceof GskSession && handle.state !== 'closed' ? handle : undefined;
}

/** gsk_secure_soc_open: `session.value` receives a session handle of an initialized environment. */
export function gsk_secure_soc_open(env: gsk_handle, session: GskRef<gsk_handle>): number {
  if (!(env instanceof GskEnvironment) || env.state === 'closed') return rc.GSK_INVALID_HANDLE;
  if (env.state !== 'initialized') return rc.GSK_IBMI_ERROR_NO_INITIALIZE;
  if (session === null || typeof session !== 'object') return rc.GSK_IBMI_ERROR_INVALID_POINTER;
  session.value = new GskSession(env);
  return rc.GSK_OK;
}

function coreRecord(io: Qso_OverlappedIO_t): OverlappedInput {
  return {
    descriptorHandle: io.descriptorHandle,
    buffer: io.buffer,
    bufferLength: io.bufferLength,
    fillBuffer: flag(io.fillBuffer),
    postFlag: flag(io.postFlag),
    operationId: io.operationId,
    operationWaitTime: timevalMs(io.operationWaitTime),
  };
}

/** Copies a core completion's outputs into the caller's Qso record; StartInit goes through GSKit's checks. */
function fill(session: GskSession, io: Qso_OverlappedIO_t, c: Overlapped): Qso_OverlappedIO_t {
  io.operationCompleted = qsoOperation(c);
  io.returnValue = c.operationCompleted === OperationKind.StartInit ? afterHandshake(session, c.returnValue, c.negotiated) : c.returnValue;
  io.errnoValue = c.errnoValue;
  io.secureDataTransferSize = c.secureDataTransferSize;
  io.bytesAvailable = c.bytesAvailable;
  return io;
}

type Start = (port: CompletionPort, record: OverlappedInput) => number;

/** Starts a core operation for a Qso record: the result in `io` when it finished at once, else posted. */
function startOn(session: GskSession, ioCompletionPort: number | CompletionPort, io: Qso_OverlappedIO_t, start: Start): number {
  const port = typeof ioCompletionPort === 'number' ? portOf(ioCompletionPort) : ioCompletionPort;
  if (port === undefined) return rc.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT;
  if (io === null || typeof io !== 'object') return rc.GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T;
  const record = coreRecord(io);
  onCompletion(record, (c) => fill(session, io, c));
  const status = start(port, record);
  const finished = (record as Partial<Overlapped>).operationCompleted !== undefined;
  const posted = status === rc.GSK_IBMI_ASYNCHRONOUS_RECV || status === rc.GSK_IBMI_ASYNCHRONOUS_SEND;
  if (finished && !posted) fill(session, io, record as Overlapped);
  io.postFlagResult = finished && posted ? 1 : 0;
  return status;
}

/** gsk_secure_soc_startInit: returns GSK_OS400_ASYNCHRONOUS_SOC_INIT; the handshake's result is posted. */
export function gsk_secure_soc_startInit(my_session_handle: gsk_handle, IOCompletionPort: number, communicationsArea: Qso_OverlappedIO_t): number {
  const session = sessionHandle(my_session_handle);
  if (session === undefined) return rc.GSK_INVALID_HANDLE;
  if (session.state !== 'open') return session.state === 'established' ? rc.GSK_IBMI_ERROR_ALREADY_SECURE : rc.GSK_INVALID_STATE;
  if (portOf(IOCompletionPort) === undefined) return rc.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT;
  const opened = openCoreSession(session);
  if (opened !== rc.GSK_OK) return opened;
  session.state = 'handshaking';
  return startOn(session, IOCompletionPort, communicationsArea, (port, record) => session.core!.startInit(port, record));
}

/** gsk_secure_soc_startRecv: GSK_OK when it finished at once (postFlag 0), GSK_OS400_ASYNCHRONOUS_RECV when it will be posted. */
export function gsk_secure_soc_startRecv(my_session_handle: gsk_handle, IOCompletionPort: number, communicationsArea: Qso_OverlappedIO_t): number {
  const session = sessionHandle(my_session_handle);
  if (session?.core === undefined) return session === undefined ? rc.GSK_INVALID_HANDLE : rc.GSK_INVALID_STATE;
  return startOn(session, IOCompletionPort, communicationsArea, (port, record) => session.core!.startRecv(port, record));
}

/** gsk_secure_soc_startSend: GSK_OK when it finished at once (postFlag 0), GSK_OS400_ASYNCHRONOUS_SEND when it will be posted. */
export function gsk_secure_soc_startSend(my_session_handle: gsk_handle, IOCompletionPort: number, communicationsArea: Qso_OverlappedIO_t): number {
  const session = sessionHandle(my_session_handle);
  if (session?.core === undefined) return session === undefined ? rc.GSK_INVALID_HANDLE : rc.GSK_INVALID_STATE;
  return startOn(session, IOCompletionPort, communicationsArea, (port, record) => session.core!.startSend(port, record));
}

/** Runs one operation on a private port and waits for its result: the synchronous calls. */
async function synchronously(session: GskSession, io: Qso_OverlappedIO_t, start: Start): Promise<number> {
  const port = CompletionPort.create();
  try {
    const status = startOn(session, port, io, start);
    if (status !== rc.GSK_IBMI_ASYNCHRONOUS_RECV && status !== rc.GSK_IBMI_ASYNCHRONOUS_SEND && status !== rc.GSK_IBMI_ASYNCHRONOUS_SOC_INIT) return status;
    const c = await port.wait();
    return fill(session, io, c!).returnValue!;
  } finally {
    port.destroy();
  }
}

/** gsk_secure_soc_init: the handshake, waited for (GSK_HANDSHAKE_TIMEOUT bounds it). */
export async function gsk_secure_soc_init(my_session_handle: gsk_handle): Promise<number> {
  const session = sessionHandle(my_session_handle);
  if (session === undefined) return rc.GSK_INVALID_HANDLE;
  if (session.state !== 'open') return session.state === 'established' ? rc.GSK_IBMI_ERROR_ALREADY_SECURE : rc.GSK_INVALID_STATE;
  const opened = openCoreSession(session);
  if (opened !== rc.GSK_OK) return opened;
  session.state = 'handshaking';
  return synchronously(session, {}, (port, record) => session.core!.startInit(port, record));
}

/** gsk_secure_soc_read: waits for plaintext (GSK_IBMI_READ_TIMEOUT ms at most, 0 = no limit); `amtRead.value` = bytes. */
export async function gsk_secure_soc_read(my_session_handle: gsk_handle, readBuffer: Uint8Array, readBufSize: number, amtRead: GskRef<number>): Promise<number> {
  const session = sessionHandle(my_session_handle);
  if (session?.core === undefined) return session === undefined ? rc.GSK_INVALID_HANDLE : rc.GSK_INVALID_STATE;
  const timeout = (valueOf(session, id.GSK_IBMI_READ_TIMEOUT) as number | undefined) ?? 0;
  const io: Qso_OverlappedIO_t = { buffer: readBuffer, bufferLength: readBufSize, operationWaitTime: timeout > 0 ? { tv_sec: timeout / 1000 } : undefined };
  const status = await synchronously(session, io, (port, record) => session.core!.startRecv(port, record));
  amtRead.value = status === rc.GSK_OK ? io.secureDataTransferSize ?? 0 : 0;
  return status;
}

/** gsk_secure_soc_write: sends all of writeBuffer[0, writeBufSize); `amtWritten.value` = bytes. */
export async function gsk_secure_soc_write(my_session_handle: gsk_handle, writeBuffer: Uint8Array, writeBufSize: number, amtWritten: GskRef<number>): Promise<number> {
  const session = sessionHandle(my_session_handle);
  if (session?.core === undefined) return session === undefined ? rc.GSK_INVALID_HANDLE : rc.GSK_INVALID_STATE;
  const io: Qso_OverlappedIO_t = { buffer: writeBuffer, bufferLength: writeBufSize };
  const status = await synchronously(session, io, (port, record) => session.core!.startSend(port, record));
  amtWritten.value = status === rc.GSK_OK ? io.secureDataTransferSize ?? 0 : 0;
  return status;
}

/**
 * gsk_secure_soc_close: sends close_notify if the session is established, ends it and frees its
 * engine; pending operations complete with ECANCELED. The socket stays open (the program closes its descriptor). `session.value` is cleared.
 */
export async function gsk_secure_soc_close(my_session_handle: GskRef<gsk_handle>): Promise<number> {
  const session = sessionHandle(my_session_handle?.value);
  if (session === undefined) return rc.GSK_INVALID_HANDLE;
  rememberResumption(session);
  session.state = 'closed';
  my_session_handle.value = undefined;
  if (session.descriptor !== undefined) unbindSecureSession(session.descriptor, session);
  // GSKit sends close_notify when an established session is closed (a 1-step shutdown).
  if (session.core?.currentState === 'established') await session.core.shutdown();
  await session.core?.close();
  return rc.GSK_OK;
}

/**
 * gsk_secure_soc_misc: GSK_RESET_CIPHER sends a TLS 1.3 KeyUpdate asking the peer to update too
 * (on TLS 1.2 it would be a renegotiation, which tlsport refuses, and the node-tls backend has no
 * KeyUpdate: both GSK_ERROR_UNSUPPORTED);
 * GSK_RESET_SESSION drops this session's resumption state so the next session does a full handshake.
 */
export function gsk_secure_soc_misc(my_session_handle: gsk_handle, miscID: number): number {
  const session = sessionHandle(my_session_handle);
  if (session === undefined) return rc.GSK_INVALID_HANDLE;
  if (miscID === id.GSK_RESET_SESSION) {
    session.resumptionReset = true;
    if (session.cacheKey !== undefined) session.env.sessionCache.delete(session.cacheKey);
    return rc.GSK_OK;
  }
  if (miscID !== id.GSK_RESET_CIPHER) return rc.GSK_MISC_INVALID_ID;
  if (session.state !== 'established' || session.negotiated === undefined) return rc.GSK_INVALID_STATE;
  if (session.negotiated.version !== 'TLSv1.3') return rc.GSK_ERROR_UNSUPPORTED;
  // Node's tls module has no KeyUpdate call; asking its engine would end the session.
  if (session.env.backend.name === 'node-tls') return rc.GSK_ERROR_UNSUPPORTED;
  session.core!.keyUpdate(true);
  return rc.GSK_OK;
}
