import type { Socket } from 'node:net';
import type { Errno } from '../gsk/errno.js';
import type { GskStatus } from '../gsk/status.js';
import type { TlsError } from '../tls/TlsError.js';
import type { Negotiated } from '../engine/negotiated.js';

/** What finished: the operationCompleted field of Qso_OverlappedIO_t. */
export enum OperationKind {
  StartInit = 'StartInit',
  StartRecv = 'StartRecv',
  StartSend = 'StartSend',
  StartAccept = 'StartAccept',
  Shutdown = 'Shutdown',
  Post = 'Post',
}

/** Opaque operation id: from generateOperationId(), or any value the application chooses. */
export type OperationId = number | bigint | string;

/** The fields an application sets when it starts an operation (the inputs of Qso_OverlappedIO_t). */
export interface OverlappedInput {
  /** Returned untouched on the completion: the application's own handle for the connection. */
  descriptorHandle?: unknown;
  /** StartRecv: where the plaintext goes. StartSend: what to send. */
  buffer?: Uint8Array;
  /** How many bytes of `buffer` to use; defaults to buffer.length. */
  bufferLength?: number;
  /** StartRecv: complete only when bufferLength bytes arrived (or the peer closed). */
  fillBuffer?: boolean;
  /** StartRecv/StartSend: post the result even when the operation finished at once. */
  postFlag?: boolean;
  operationId?: OperationId;
  /** StartRecv/StartSend: ms before the operation is posted with EAGAIN; 0 or undefined = no limit. */
  operationWaitTime?: number;
}

/** A completion: the same object the application passed in, with the outputs filled. */
export interface Overlapped extends OverlappedInput {
  /** GSK status of the operation. */
  returnValue: GskStatus;
  errnoValue: Errno;
  operationCompleted: OperationKind;
  /** Bytes received or sent. */
  secureDataTransferSize: number;
  /** StartRecv: plaintext still buffered after this receive. */
  bytesAvailable: number;
  /** StartInit: what was negotiated. */
  negotiated?: Negotiated;
  /** A failure's details: the TLS alert, fault and readable text. */
  error?: TlsError | Error;
  /** StartAccept: the accepted connection, ready for SecureEnvironment.openSession. */
  socket?: Socket;
}
