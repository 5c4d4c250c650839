import { Errno } from '../gsk/errno.js';
import { GskStatus } from '../gsk/status.js';
import type { Operation } from '../port/Operation.js';
import type { OperationId } from '../port/Overlapped.js';
import { TlsError } from '../tls/TlsError.js';
import type { EndOfInput } from './ReceiveQueue.js';

/** How shutdown()/startShutdown() close: 1-step (send close_notify) or 2-step (also wait for the peer's). */
export interface ShutdownOptions {
  /** Wait for the peer's close_notify (2-step) instead of only sending ours (1-step). */
  twoStep?: boolean;
  /** 2-step: how long to wait for the peer's close_notify; default 10000 ms. */
  timeoutMs?: number;
  operationId?: OperationId;
  descriptorHandle?: unknown;
}

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/** A 2-step shutdown waiting for the peer's close_notify (docs/design.md rule 9). */
export class ShutdownRequest {
  private waiting: Operation | undefined;

  /**
   * Completes `op` when the peer's close_notify comes, the transport ends first, or the timeout
   * passes. `already`: the input is over before we asked (by close_notify, or how it ended).
   */
  waitForPeer(op: Operation, options: ShutdownOptions, already: 'peer-closed' | EndOfInput | undefined): void {
    if (already === 'peer-closed') {
      op.finish({ returnValue: GskStatus.GSK_OK });
      return;
    }
    if (already !== undefined) {
      op.finish({ returnValue: already.status, error: already.error });
      return;
    }
    const timeout = options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
    op.armTimer(timeout, () =>
      op.finish({
        returnValue: GskStatus.GSK_IBMI_ERROR_TIMED_OUT,
        errnoValue: Errno.ETIMEDOUT,
        error: new TlsError('timeout', `peer did not answer close_notify within ${timeout} ms`, { errno: Errno.ETIMEDOUT, alert: undefined }),
      }),
    );
    this.waiting = op;
  }

  peerClosed(): void {
    this.waiting?.finish({ returnValue: GskStatus.GSK_OK });
  }

  transportEnded(): void {
    this.waiting?.finish({
      returnValue: GskStatus.GSK_ERROR_SOCKET_CLOSED,
      errnoValue: Errno.ECONNRESET,
      error: new TlsError('peer-closed', 'the transport ended before the peer sent close_notify', { alert: undefined }),
    });
  }
}
