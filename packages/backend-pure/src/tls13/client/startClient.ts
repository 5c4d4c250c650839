import type { HandshakeIo, HandshakeState } from '../io.js';
import type { ClientOptions } from '../options.js';
import { ClientContext } from './ClientContext.js';
import { sendClientHello } from './clientHello.js';
import { ExpectServerHello } from './ExpectServerHello.js';

/**
 * Opens a client handshake: a fresh random, a 32-byte legacy_session_id (compatibility mode,
 * RFC 8446 §D.4) and one key share for the most preferred group; the ClientHello goes out now.
 */
export function startClient(io: HandshakeIo, options: ClientOptions): HandshakeState {
  const ctx = new ClientContext(io, options);
  ctx.clientRandom = io.random.bytes(32);
  ctx.sessionId = io.random.bytes(32);
  ctx.keyShares = [io.random.keyShare(options.groups[0]!)];
  sendClientHello(ctx);
  return new ExpectServerHello(ctx);
}
