import { OperationKind, type OperationId, type Overlapped } from '@tlsport/core';

/** struct timeval: operationWaitTime and QsoWaitForIOCompletion's timeToWait. */
export interface Timeval {
  tv_sec: number;
  tv_usec?: number;
}

/** The values of Qso_OverlappedIO_t.operationCompleted, named as in qsoasync.h. */
export type QsoOperation =
  | 'GSKSECURESOCSTARTINIT' | 'GSKSECURESOCSTARTRECV' | 'GSKSECURESOCSTARTSEND'
  | 'QSOSTARTRECV' | 'QSOSTARTSEND' | 'QSOSTARTACCEPT' | 'QSOPOSTIOCOMPLETION' | 'TLSPORTSHUTDOWN';

// Typed as the union, not each literal: a program compares the same field against several of
// them after successive waits, as C does.
export const GSKSECURESOCSTARTINIT: QsoOperation = 'GSKSECURESOCSTARTINIT';
export const GSKSECURESOCSTARTRECV: QsoOperation = 'GSKSECURESOCSTARTRECV';
export const GSKSECURESOCSTARTSEND: QsoOperation = 'GSKSECURESOCSTARTSEND';
export const QSOSTARTRECV: QsoOperation = 'QSOSTARTRECV';
export const QSOSTARTSEND: QsoOperation = 'QSOSTARTSEND';
export const QSOSTARTACCEPT: QsoOperation = 'QSOSTARTACCEPT';
export const QSOPOSTIOCOMPLETION: QsoOperation = 'QSOPOSTIOCOMPLETION';
/** tlsport's own: a session shutdown started on a port (no IBM equivalent). */
export const TLSPORTSHUTDOWN: QsoOperation = 'TLSPORTSHUTDOWN';

/**
 * Qso_OverlappedIO_t, field for field. C's int flags (postFlag, fillBuffer) are numbers or
 * booleans; buffers are Uint8Array; the two reserved fields have nothing to carry on Node.
 */
export interface Qso_OverlappedIO_t {
  descriptorHandle?: unknown;
  buffer?: Uint8Array;
  bufferLength?: number;
  postFlag?: number | boolean;
  /** Output: 1 when the operation finished at once but was posted because postFlag was set. */
  postFlagResult?: number;
  fillBuffer?: number | boolean;
  returnValue?: number;
  errnoValue?: number;
  operationCompleted?: QsoOperation;
  secureDataTransferSize?: number;
  bytesAvailable?: number;
  operationWaitTime?: Timeval;
  /** QsoPostIOCompletion: a descriptor the post is about (QsoCancelOperation/QsoIsOperationPending see it). */
  postedDescriptor?: number;
  operationId?: OperationId;
}

const KIND_NAMES: Readonly<Record<OperationKind, QsoOperation>> = {
  [OperationKind.StartInit]: GSKSECURESOCSTARTINIT,
  [OperationKind.StartRecv]: GSKSECURESOCSTARTRECV,
  [OperationKind.StartSend]: GSKSECURESOCSTARTSEND,
  [OperationKind.StartAccept]: QSOSTARTACCEPT,
  [OperationKind.Shutdown]: TLSPORTSHUTDOWN,
  [OperationKind.Post]: QSOPOSTIOCOMPLETION,
};

/** A core completion's kind under its qsoasync.h name; plain Qso records already carry theirs. */
export function qsoOperation(completion: Overlapped): QsoOperation {
  const kind = completion.operationCompleted as string;
  return KIND_NAMES[kind as OperationKind] ?? (kind as QsoOperation);
}

/** A timeval as milliseconds; undefined (or an invalid value) as undefined. */
export function timevalMs(t: Timeval | undefined): number | undefined {
  if (t === undefined || t === null || typeof t !== 'object') return undefined;
  const ms = t.tv_sec * 1000 + Math.floor((t.tv_usec ?? 0) / 1000);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** C's int flags as booleans. */
export function flag(v: number | boolean | undefined): boolean {
  return v === true || (typeof v === 'number' && v !== 0);
}

/** Copies a completion's outputs into the caller's record (what QsoWaitForIOCompletion fills). */
export function copyOutputs(from: Qso_OverlappedIO_t, to: Qso_OverlappedIO_t): void {
  if (from === to) return;
  to.descriptorHandle = from.descriptorHandle;
  to.buffer = from.buffer;
  to.bufferLength = from.bufferLength;
  to.returnValue = from.returnValue;
  to.errnoValue = from.errnoValue;
  to.operationCompleted = from.operationCompleted;
  to.secureDataTransferSize = from.secureDataTransferSize;
  to.bytesAvailable = from.bytesAvailable;
  to.postFlagResult = from.postFlagResult;
  to.postedDescriptor = from.postedDescriptor;
  to.operationId = from.operationId;
}
