import type { TLSSocket } from 'node:tls';

/**
 * The two undocumented members of a server-side TLSSocket this backend uses, exactly as Node's
 * own tls.Server uses them once a server handshake is done (lib/_tls_wrap.js onServerSocketSecure).
 * A TLSSocket made with `isServer` outside a tls.Server has no public way to learn whether the
 * client's certificate verified, and keeps post-handshake errors to itself until released.
 */
interface ServerSocketInternals {
  readonly ssl: { verifyError(): (Error & { code?: string }) | null } | null;
  _releaseControl(): boolean;
}

/** The client certificate's verification error, null when it verified (or none was sent). */
export function clientVerifyError(socket: TLSSocket): (Error & { code?: string }) | null {
  return (socket as unknown as ServerSocketInternals).ssl?.verifyError() ?? null;
}

/** Lets later TLS errors reach the socket's 'error' listeners, as a tls.Server does. */
export function releaseServerSocket(socket: TLSSocket): void {
  (socket as unknown as ServerSocketInternals)._releaseControl();
}
