import { CompletionPort, Errno, PortDestroyedError, type Overlapped } from '@tlsport/core';
import { copyOutputs, qsoOperation, timevalMs, type Qso_OverlappedIO_t, type Timeval } from './overlapped.js';

/** The errno of the last Qso call that returned -1 (C's `errno`; a live binding). */
export let errno = 0;

export function setErrno(value: number): -1 {
  errno = value;
  return -1;
}

const ports = new Map<number, CompletionPort>();
let nextPort = 1;

/**
 * What a completion means to the program that started it: turns a core completion into the
 * caller's Qso_OverlappedIO_t (mapping kinds, applying GSKit's post-handshake checks).
 */
export type CompletionFinisher = (completion: Overlapped) => Qso_OverlappedIO_t;
const finishers = new WeakMap<object, CompletionFinisher>();

/** @internal Registers how a started record is turned into the caller's record when it completes. */
export function onCompletion(record: object, finisher: CompletionFinisher): void {
  finishers.set(record, finisher);
}

/** @internal The port a descriptor names, or undefined. */
export function portOf(ioCompletionPort: number): CompletionPort | undefined {
  return ports.get(ioCompletionPort);
}

/** QsoCreateIOCompletionPort: a new port's descriptor. */
export function QsoCreateIOCompletionPort(): number {
  const n = nextPort++;
  ports.set(n, CompletionPort.create());
  return n;
}

/**
 * QsoWaitForIOCompletion: waits for the next completion and copies it into `communicationsArea`.
 * Returns 1 with a completion; -1 with errno EAGAIN when timeToWait passes (undefined waits for ever,
 * {0,0} polls), EDESTROYED when the port is destroyed, EINVAL for a port that does not exist.
 */
export async function QsoWaitForIOCompletion(ioCompletionPort: number, communicationsArea: Qso_OverlappedIO_t, timeToWait?: Timeval): Promise<number> {
  const port = ports.get(ioCompletionPort);
  if (port === undefined) return setErrno(Errno.EINVAL);
  let completion: Overlapped | null;
  try {
    completion = await port.wait(timevalMs(timeToWait));
  } catch (error) {
    return setErrno(error instanceof PortDestroyedError ? Errno.EDESTROYED : Errno.EINVAL);
  }
  if (completion === null) return setErrno(Errno.EAGAIN);
  const finisher = finishers.get(completion);
  const record = finisher === undefined ? (completion as unknown as Qso_OverlappedIO_t) : finisher(completion);
  if (finisher === undefined) record.operationCompleted = qsoOperation(completion);
  copyOutputs(record, communicationsArea);
  return 1;
}

/**
 * QsoPostIOCompletion: posts a copy of `communicationsArea` (operationCompleted QSOPOSTIOCOMPLETION
 * unless set). A positive operationWaitTime delays the post by that long. Returns 0, or -1 with
 * errno EINVAL (no such port) or EDESTROYED.
 */
export function QsoPostIOCompletion(ioCompletionPort: number, communicationsArea: Qso_OverlappedIO_t): number {
  const port = ports.get(ioCompletionPort);
  if (port === undefined) return setErrno(Errno.EINVAL);
  if (port.destroyed) return setErrno(Errno.EDESTROYED);
  const record = { ...communicationsArea };
  const post = (): void => {
    if (!port.destroyed) port.post(record as unknown as Overlapped);
  };
  const delay = timevalMs(communicationsArea.operationWaitTime);
  if (delay !== undefined && delay > 0) setTimeout(post, delay);
  else post();
  return 0;
}

/** QsoDestroyIOCompletionPort: waiters get EDESTROYED, pending operations end. 0, or -1 (EINVAL). */
export function QsoDestroyIOCompletionPort(ioCompletionPort: number): number {
  const port = ports.get(ioCompletionPort);
  if (port === undefined) return setErrno(Errno.EINVAL);
  // Kept in the table: later calls on this number answer EDESTROYED, not EINVAL.
  port.destroy();
  return 0;
}

let nextOperationId = 1n;

/** QsoGenerateOperationId: a fresh id, unique in the process. */
export function QsoGenerateOperationId(_ioCompletionPort?: number): bigint {
  return nextOperationId++;
}
