import type { GskStatus } from '../gsk/status.js';
import type { CompletionTarget } from '../port/Operation.js';
import type { OperationId, OverlappedInput } from '../port/Overlapped.js';

/**
 * What the reactive layer needs from a session: starts that complete on a callback, ids and
 * cancellation. SecureSession implements it; the streams know nothing else about sessions.
 */
export interface OperationSource {
  generateOperationId(): OperationId;
  cancelOperation(id: OperationId): number;
  startInitTo(target: CompletionTarget, overlapped: OverlappedInput): GskStatus;
  startRecvTo(target: CompletionTarget, overlapped: OverlappedInput): GskStatus;
  startSendTo(target: CompletionTarget, overlapped: OverlappedInput): GskStatus;
}
