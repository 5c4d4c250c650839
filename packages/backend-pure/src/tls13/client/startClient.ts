import type { HandshakeIo, HandshakeState } from '../io.js';
import type { ClientOptions } from '../options.js';
import { ClientContext } from './ClientContext.js';
import { firstKeyShares } from './firstKeyShares.js';
import { sendClientHello } from './clientHello.js';
import { ExpectServerHello } from './ExpectServerHello.js';
import { offerableSession } from '../../tls12/client/helloExtensions.js';

/**
 * Opens a client handshake: a fresh random, a 32-byte legacy_session_id and (TLS 1.3) a key share
 * for the most preferred group (see firstKeyShares); the ClientHello goes out now. The session id is fresh, for
 * compatibility mode (RFC 8446 §D.4) and to see a TLS 1.2 ticket accepted (RFC 5077 §3.4), unless
 * a stored TLS 1.2 session resumes by its id.
 */
export function startClient(io: HandshakeIo, options: ClientOptions): HandshakeState {
  const ctx = new ClientContext(io, options);
  ctx.clientRandom = io.random.bytes(32);
  ctx.session12 = offerableSession(options, io.clock.now());
  ctx.sessionId = ctx.session12 !== undefined && ctx.session12.ticket.length === 0 ? Uint8Array.from(ctx.session12.sessionId) : io.random.bytes(32);
  ctx.keyShares = options.versions.tls13 ? firstKeyShares(io.random, options.groups) : [];
  sendClientHello(ctx);
  return new ExpectServerHello(ctx);
}
