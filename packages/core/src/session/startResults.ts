import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import { writeCompletion } from '../port/completionRecord.js';
import type { OperationKind, Overlapped, OverlappedInput } from '../port/Overlapped.js';

/** The usable length of the record's buffer, or undefined when buffer or bufferLength is bad. */
export function bufferLength(o: OverlappedInput): number | undefined {
  if (!(o.buffer instanceof Uint8Array)) return undefined;
  const length = o.bufferLength ?? o.buffer.length;
  return Number.isInteger(length) && length >= 1 && length <= o.buffer.length ? length : undefined;
}

export const BAD_BUFFER = 'buffer must be a Uint8Array and 1 <= bufferLength <= buffer.length';

/** A start refused at once: the status in the record and as the return value; nothing posted. */
export function refuse(o: OverlappedInput, status: GskStatus, detail: string): GskStatus {
  (o as Overlapped).returnValue = status;
  (o as Overlapped).error = new GskError(status, detail);
  return status;
}

/** A refused start as a whole completion record (for promise-returning calls). */
export function refusedRecord(o: OverlappedInput, kind: OperationKind, status: GskStatus, detail: string): Overlapped {
  const error = new GskError(status, detail);
  return writeCompletion(o, kind, { returnValue: status, error });
}
