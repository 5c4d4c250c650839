import { gskStatusName, gskStrerror, type GskStatus, type Negotiated, type Overlapped } from '@tlsport/core';

/**
 * The one-line reports the CLI prints on stderr. Tests and scripts parse them, so their shape is
 * fixed: `CONNECTED version=… suite=… group=… alpn=… resumed=…` and `FAILED NAME (code): detail`.
 */

export function connectedLine(n: Negotiated): string {
  return `CONNECTED version=${n.version} suite=${n.cipherSuite} group=${n.group ?? '-'} alpn=${n.alpnProtocol ?? '-'} resumed=${n.resumed ? 'yes' : 'no'}`;
}

/** Server side: who the client said it was, when it sent a certificate. */
export function peerLine(n: Negotiated): string | undefined {
  const peer = n.peerCertificate;
  return peer === undefined ? undefined : `PEER subject=${peer.subject.replace(/\n/g, ', ')} verified=${peer.verified ? 'yes' : 'no'}`;
}

/** A failure with its GSK status; `error` supplies the detail when there is one. */
export function failedLine(status: GskStatus, error?: Error): string {
  const name = gskStatusName(status);
  // TlsError and GskError messages start with the status name (and number); the line states them once.
  const detail = error === undefined ? gskStrerror(status) : error.message.replace(new RegExp(`^${name}( \\(${status}\\))?: `), '');
  return `FAILED ${name} (${status}): ${detail}`;
}

/** The FAILED line for a failed completion. */
export function failedCompletion(c: Overlapped): string {
  return failedLine(c.returnValue, c.error);
}

/** The FAILED line for something thrown (a TlsError, a GskError, or anything else). */
export function failedThrown(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number') return failedLine(status as GskStatus, error as Error);
  return `FAILED GSK_INTERNAL_ERROR (3): ${error instanceof Error ? error.message : String(error)}`;
}
