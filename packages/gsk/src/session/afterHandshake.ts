import type { Negotiated } from '@tlsport/core';
import * as rc from '../constants/returnCodes.js';
import type { GskSession } from '../handles.js';
import type { AuthPolicy } from '../attributes/toCore.js';

/** The chain's verdict as GSK_CERTIFICATE_VALIDATION_CODE reports it. */
function validationCode(n: Negotiated): number {
  if (n.peerCertificates.length === 0) return rc.GSK_ERROR_NO_CERTIFICATE;
  return n.peerCertificate?.verified ? rc.GSK_OK : rc.GSK_ERROR_CERT_VALIDATION;
}

/**
 * GSKit's checks once the engine reports a completed handshake: a required client certificate
 * (…_CL_AUTH_CRITICAL, GSK_OS400_CLIENT_AUTH_REQUIRED), a sent one that must verify (FULL) or
 * need not (PASSTHRU), and the application's GSK_CERT_VALIDATION_CALLBACK verdict.
 */
export function peerStatus(policy: AuthPolicy, n: Negotiated): { status: number; code: number } {
  const code = validationCode(n);
  const sent = n.peerCertificates.length > 0;
  if (!sent) return { status: policy.role === 'server' && policy.clientCertRequired ? rc.GSK_ERROR_NO_CERTIFICATE : rc.GSK_OK, code };
  if (policy.callback !== undefined) {
    const verdict = policy.callback.validation_callback(n.peerCertificates, code);
    return { status: verdict === rc.GSK_OK ? rc.GSK_OK : rc.GSK_ERROR_CERT_VALIDATION, code };
  }
  return { status: policy.verifyPeer ? code : rc.GSK_OK, code };
}

/**
 * Settles a session's handshake result: records what was negotiated and the validation code,
 * applies GSKit's checks, and closes the session when they fail. Returns the status to report.
 */
export function afterHandshake(session: GskSession, returnValue: number, negotiated: Negotiated | undefined): number {
  if (returnValue !== rc.GSK_OK || negotiated === undefined || session.policy === undefined) {
    session.state = 'failed';
    session.lastValidationError = returnValue;
    return returnValue;
  }
  if (negotiated.resumed) {
    // The chain was checked by the full handshake this one resumes; report the chain it had.
    session.negotiated = { ...negotiated, peerCertificates: negotiated.peerCertificates.length > 0 ? negotiated.peerCertificates : session.resumedChain ?? [] };
    session.validationCode = rc.GSK_OK;
    session.state = 'established';
    return rc.GSK_OK;
  }
  session.negotiated = negotiated;
  const { status, code } = peerStatus(session.policy, negotiated);
  session.validationCode = code;
  if (status !== rc.GSK_OK) {
    session.state = 'failed';
    session.lastValidationError = status;
    // The peer learns it is refused: close_notify, then the engine is released.
    const core = session.core;
    void core?.shutdown().finally(() => core.close());
    return status;
  }
  session.state = 'established';
  return rc.GSK_OK;
}
