import { GskStatus } from '../gsk/status.js';
import type { CompletionTarget } from '../port/Operation.js';
import type { TlsError } from '../tls/TlsError.js';

/** Where a session is in its life. */
export type SessionState = 'open' | 'handshaking' | 'established' | 'closing' | 'closed';

export type Start = 'startInit' | 'startRecv' | 'startSend' | 'shutdown';

/** The states each start is allowed in. */
const ALLOWED: Record<Start, readonly SessionState[]> = {
  startInit: ['open'],
  startRecv: ['established', 'closing'],
  startSend: ['established'],
  shutdown: ['established'],
};

/**
 * Why a start is refused at once, as [status, detail]; undefined when it may go ahead. One place
 * for the rules: a destroyed port, a closed session (its failure named in a receive's detail), a wrong state.
 */
export function startRefusal(start: Start, state: SessionState, target: CompletionTarget, failure: TlsError | undefined): [GskStatus, string] | undefined {
  if (typeof target !== 'function' && target.destroyed) return [GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, 'completion port destroyed'];
  if (ALLOWED[start].includes(state)) return undefined;
  const detail = `${start} in state ${state}`;
  if (start === 'startInit') {
    return [state === 'closed' ? GskStatus.GSK_IBMI_ERROR_CLOSED : state === 'handshaking' ? GskStatus.GSK_INVALID_STATE : GskStatus.GSK_IBMI_ERROR_ALREADY_SECURE, detail];
  }
  if (state === 'closing' || state === 'closed') {
    // A closed session refuses every start with one status; what closed it is in the detail.
    if (start === 'startRecv') return [GskStatus.GSK_IBMI_ERROR_CLOSED, failure === undefined ? detail : `${detail} (${failure.message})`];
    return [GskStatus.GSK_IBMI_ERROR_CLOSED, start === 'startSend' ? 'the session is shut down: no more sends' : detail];
  }
  return [GskStatus.GSK_INVALID_STATE, detail];
}
