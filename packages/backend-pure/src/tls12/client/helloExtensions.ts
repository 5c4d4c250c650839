import { writePointFormats, writeRenegotiationInfo } from '../../handshake/extensionCodecs.js';
import { ExtensionType } from '../../handshake/types.js';
import type { ClientOptions } from '../../tls13/options.js';
import { sessionAlive, type Tls12Session } from '../sessionState.js';

const EMPTY = new Uint8Array(0);
const UNCOMPRESSED = 0;

/**
 * The ClientHello extensions a TLS 1.2 server needs: ec_point_formats (RFC 8422 §5.1.2),
 * extended_master_secret (RFC 7627 §5.1), SessionTicket (RFC 5077 §3.2, carrying the stored
 * ticket if any) and an empty renegotiation_info (RFC 5746 §3.4).
 */
export function addTls12Extensions(ext: Map<number, Uint8Array>, session: Tls12Session | undefined): void {
  ext.set(ExtensionType.ec_point_formats, writePointFormats([UNCOMPRESSED]));
  ext.set(ExtensionType.extended_master_secret, EMPTY);
  ext.set(ExtensionType.session_ticket, session?.ticket ?? EMPTY);
  ext.set(ExtensionType.renegotiation_info, writeRenegotiationInfo(EMPTY));
}

/** The stored 1.2 session worth offering: alive, its suite still enabled, EMS when EMS is required. */
export function offerableSession(options: ClientOptions, now: number): Tls12Session | undefined {
  const s = options.session12;
  if (s === undefined || !options.versions.tls12 || !sessionAlive(s, now)) return undefined;
  if (!options.tls12Suites.some((suite) => suite.info.code === s.suite)) return undefined;
  if (options.requireExtendedMasterSecret && !s.extendedMasterSecret) return undefined;
  return s.ticket.length > 0 || s.sessionId.length > 0 ? s : undefined;
}
