import type { HandshakeIo, HandshakeState } from '../io.js';
import type { ServerOptions } from '../options.js';
import { ExpectClientHello } from './ExpectClientHello.js';
import { ServerContext } from './ServerContext.js';

/** Opens a server handshake: it waits for a ClientHello. */
export function startServer(io: HandshakeIo, options: ServerOptions): HandshakeState {
  return new ExpectClientHello(new ServerContext(io, options));
}
