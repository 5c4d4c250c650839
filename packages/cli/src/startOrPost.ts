import { GskStatus, type CompletionPort, type OperationKind, type OverlappedInput } from '@tlsport/core';

/** Start results after which the operation's completion will be posted. */
const POSTED = new Set([
  GskStatus.GSK_OK, // with postFlag true, or a startShutdown/startAccept that is under way
  GskStatus.GSK_TLSPORT_ASYNCHRONOUS_SOC_INIT,
  GskStatus.GSK_IBMI_ASYNCHRONOUS_RECV,
  GskStatus.GSK_IBMI_ASYNCHRONOUS_SEND,
]);

/**
 * Starts an operation whose completion the caller's loop takes from `port`. A start refused at
 * once posts nothing, so it is posted here (as `kind`, with its status), keeping "every event is
 * one completion" true for the loop. Use with postFlag true on receives and sends.
 */
export function startOrPost<T extends OverlappedInput>(port: CompletionPort, kind: OperationKind, overlapped: T, start: (port: CompletionPort, overlapped: T) => GskStatus): void {
  const status = start(port, overlapped);
  if (!POSTED.has(status)) port.post({ ...overlapped, operationCompleted: kind, returnValue: status });
}
