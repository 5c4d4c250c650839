import { Errno } from '../gsk/errno.js';
import type { GskStatus } from '../gsk/status.js';
import type { OperationKind, Overlapped, OverlappedInput } from './Overlapped.js';

/** The outputs a completion carries; what is left out reads as zero (or absent). */
export interface Outcome {
  returnValue: GskStatus;
  errnoValue?: Errno;
  secureDataTransferSize?: number;
  bytesAvailable?: number;
  error?: Overlapped['error'];
  negotiated?: Overlapped['negotiated'];
}

/**
 * Fills the outputs of a completion record in place: the one writer of Overlapped outputs, used by
 * operations that finish, by starts that finish at once, and by CompletionPort.post.
 */
export function writeCompletion(record: OverlappedInput, kind: OperationKind, outcome: Outcome): Overlapped {
  const o = record as Overlapped;
  o.operationCompleted = kind;
  o.returnValue = outcome.returnValue;
  o.errnoValue = outcome.errnoValue ?? Errno.NONE;
  o.secureDataTransferSize = outcome.secureDataTransferSize ?? 0;
  o.bytesAvailable = outcome.bytesAvailable ?? 0;
  if (outcome.error !== undefined) o.error = outcome.error;
  if (outcome.negotiated !== undefined) o.negotiated = outcome.negotiated;
  return o;
}
