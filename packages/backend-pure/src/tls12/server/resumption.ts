import { readExtension } from '../../handshake/extensions.js';
import type { ClientHello } from '../../handshake/clientHello.js';
import { ExtensionType } from '../../handshake/types.js';
import { handshakeFailure } from '../errors.js';
import { parseTls12Session, sessionAlive, type Tls12Session } from '../sessionState.js';
import type { Tls12ServerContext } from './ServerContext.js';

/** The client's SessionTicket extension: undefined when absent, empty when it asks for a new ticket (RFC 5077 §3.2). */
export function offeredTicket(hello: ClientHello): Uint8Array | undefined {
  return readExtension(hello.extensions, ExtensionType.session_ticket, 'session_ticket', (r) => r.rest());
}

/**
 * The session this ClientHello resumes, if any: a ticket this context sealed, else a session id in
 * its cache. It must be alive, for the same server name, with a suite both sides still enable, and
 * keep extended_master_secret (RFC 7627 §5.3: losing it is fatal, gaining it means a full handshake).
 */
export function findResumableSession(ctx: Tls12ServerContext, hello: ClientHello): Tls12Session | undefined {
  const o = ctx.options;
  const ticket = offeredTicket(hello);
  let session: Tls12Session | undefined;
  if (ticket !== undefined && ticket.length > 0 && o.tickets !== undefined) {
    session = o.tickets.openWith(ticket, (plain) => parseTls12Session(plain, 'ticket'));
  }
  if (session === undefined && hello.sessionId.length > 0) {
    session = o.sessionCache.find(hello.sessionId);
    if (session !== undefined && !sessionAlive(session, ctx.io.clock.now())) {
      o.sessionCache.remove(hello.sessionId);
      return undefined;
    }
  }
  if (session === undefined || !sessionAlive(session, ctx.io.clock.now())) return undefined;
  if (session.servername !== hello.serverName) return undefined;
  if (!hello.cipherSuites.includes(session.suite) || !o.tls12Suites.some((s) => s.info.code === session.suite)) return undefined;
  if (session.extendedMasterSecret && !ctx.extendedMasterSecret) throw handshakeFailure('missing-extension', 'resumption of an extended_master_secret session without the extension');
  if (!session.extendedMasterSecret && ctx.extendedMasterSecret) return undefined;
  return session;
}
