import { illegalParameter } from '../../codec/errors.js';
import type { ClientHello } from '../../handshake/clientHello.js';
import { readExtension } from '../../handshake/extensions.js';
import { parseRenegotiationInfo } from '../../handshake/extensionCodecs.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { ExtensionType } from '../../handshake/types.js';
import type { HandshakeIo, HandshakeState } from '../../tls13/io.js';
import type { ServerOptions } from '../../tls13/options.js';
import { chooseAlpn } from '../../tls13/server/negotiate.js';
import { handshakeFailure } from '../errors.js';
import { findResumableSession } from './resumption.js';
import { Tls12ServerContext } from './ServerContext.js';
import { sendAbbreviatedFlight, sendFullFlight } from './serverFlight.js';

/** TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746 §3.3). */
const RENEGOTIATION_SCSV = 0x00ff;

/**
 * Server: the ClientHello selected TLS 1.2. Checks the security extensions (RFC 5746 §3.6,
 * RFC 7627 §5.1), then resumes a session it finds (abbreviated handshake) or runs a full one.
 */
export function acceptTls12ClientHello(io: HandshakeIo, options: ServerOptions, msg: HandshakeMessage, hello: ClientHello): HandshakeState {
  if (!hello.compressionMethods.includes(0)) throw illegalParameter('ClientHello does not offer null compression');
  const renegotiation = readExtension(hello.extensions, ExtensionType.renegotiation_info, 'renegotiation_info', parseRenegotiationInfo);
  if (renegotiation !== undefined && renegotiation.length !== 0) throw handshakeFailure('illegal-parameter', 'renegotiation_info is not empty on an initial handshake');
  const secureRenegotiation = renegotiation !== undefined || hello.cipherSuites.includes(RENEGOTIATION_SCSV);
  const ems = readExtension(hello.extensions, ExtensionType.extended_master_secret, 'extended_master_secret', (r) => {
    if (r.remaining !== 0) throw illegalParameter('extended_master_secret must be empty');
    return true;
  }) ?? false;
  if (!ems && options.requireExtendedMasterSecret) throw handshakeFailure('missing-extension', 'client does not do extended_master_secret (RFC 7627), which this server requires');

  io.transcript.retainMessages();
  const ctx = new Tls12ServerContext(io, options, hello, ems, secureRenegotiation);
  ctx.alpn = chooseAlpn(hello, options);
  const session = findResumableSession(ctx, hello);
  return session === undefined ? sendFullFlight(ctx, msg, hello) : sendAbbreviatedFlight(ctx, msg, hello, session);
}
