import { GskStatus } from '../gsk/status.js';
import type { TlsError } from '../tls/TlsError.js';
import type { EndOfInput } from './ReceiveQueue.js';

/**
 * Where the peer's input is, as one state: still coming; the transport ended and an asynchronous
 * engine is finishing what it had ('ending'); over by close_notify; over because the transport ended.
 */
export class PeerInput {
  private state: 'open' | 'ending' | 'peer-closed' | 'ended' = 'open';

  /** The peer sent close_notify. */
  closeNotify(): void {
    this.state = 'peer-closed';
  }

  /** The transport ended; the engine may still be processing what came before. */
  transportEnding(): void {
    if (this.state === 'open') this.state = 'ending';
  }

  /** The engine has processed everything the transport delivered. */
  transportEnded(): void {
    if (this.state === 'ending') this.state = 'ended';
  }

  get closedByPeer(): boolean {
    return this.state === 'peer-closed';
  }

  /** Undefined while input may still come; else how a receive that finds nothing completes. */
  end(failure: TlsError | undefined): EndOfInput | undefined {
    if (failure !== undefined) return { status: failure.status, error: failure };
    if (this.state === 'peer-closed' || this.state === 'ended') return { status: GskStatus.GSK_ERROR_SOCKET_CLOSED, error: undefined };
    return undefined;
  }
}
