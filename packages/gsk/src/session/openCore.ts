import * as id from '../constants/ids.js';
import * as rc from '../constants/returnCodes.js';
import { valueOf, type GskSession } from '../handles.js';
import { toCoreAttributes } from '../attributes/toCore.js';
import { statusOf } from '../api/environment.js';
import { socketOf } from '../qso/descriptors.js';
import { bindSecureSession, plainSocketOf } from '../qso/plainApi.js';

/**
 * Binds a session handle to its socket (GSK_FD) with the attributes in effect (session over
 * environment), the first time it is initialized. A descriptor that carried plaintext through
 * QsoStartRecv/QsoStartSend is handed over with what was read ahead (STARTTLS). Returns a status.
 */
export function openCoreSession(session: GskSession): number {
  const env = session.env;
  if (env.core === undefined || env.state !== 'initialized') return rc.GSK_IBMI_ERROR_NO_INITIALIZE;
  const sd = session.values.get(id.GSK_FD) as number | undefined;
  const socket = sd === undefined ? undefined : socketOf(sd);
  if (sd === undefined || socket === undefined || socket.destroyed) return rc.GSK_IBMI_ERROR_BAD_SOCKET_DESCRIPTOR;
  const plain = plainSocketOf(sd);
  if (plain !== undefined && !plain.release()) return rc.GSK_INVALID_STATE;
  try {
    const { attrs, policy } = toCoreAttributes((attributeId) => valueOf(session, attributeId), env.material);
    if (policy.role === 'client') {
      session.cacheKey = attrs.servername ?? `${socket.remoteAddress}:${socket.remotePort}`;
      const cached = env.sessionCache.get(session.cacheKey);
      const maxAgeMs = ((valueOf(session, id.GSK_V3_SESSION_TIMEOUT) as number | undefined) ?? 86400) * 1000;
      if (cached !== undefined && Date.now() - cached.storedAt <= maxAgeMs) {
        attrs.session = cached.state;
        session.resumedChain = cached.peerCertificates;
      }
    }
    session.core = env.core.openSession(socket, attrs);
    session.policy = policy;
    session.descriptor = sd;
    bindSecureSession(sd, session);
    return rc.GSK_OK;
  } catch (error) {
    return statusOf(error);
  }
}

/** Keeps a client's resumption state for the next session to the same server (unless GSK_RESET_SESSION). */
export function rememberResumption(session: GskSession): void {
  const state = session.core?.resumptionState;
  if (state === undefined || session.cacheKey === undefined || session.resumptionReset) return;
  const peerCertificates = session.negotiated?.peerCertificates ?? [];
  session.env.sessionCache.set(session.cacheKey, { state, storedAt: Date.now(), peerCertificates });
}
