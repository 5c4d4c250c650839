import { illegalParameter, unexpectedMessage } from '../../codec/errors.js';
import { parseEncryptedExtensions } from '../../handshake/encryptedExtensions.js';
import { checkAllowed } from '../../handshake/extensions.js';
import type { HandshakeMessage } from '../../handshake/message.js';
import { readMessage } from '../../handshake/transcript.js';
import { ExtensionType, HandshakeType } from '../../handshake/types.js';
import type { HandshakeState } from '../io.js';
import type { ClientContext } from './ClientContext.js';
import { ExpectCertificate } from './ExpectCertificate.js';
import { ExpectFinished } from './ExpectFinished.js';

/**
 * What EncryptedExtensions may carry (RFC 8446 §4.2 table; record_size_limit from RFC 8449):
 * server_name, max_fragment_length, supported_groups, use_srtp, heartbeat, ALPN,
 * client/server_certificate_type, record_size_limit, early_data; each only if offered, except
 * supported_groups, which a server may always send.
 */
const EE_EXTENSIONS: ReadonlySet<number> = new Set([0, 1, 10, 14, 15, 16, 19, 20, 28, 42]);

/** Client: EncryptedExtensions (RFC 8446 §4.3.1); only extensions the ClientHello offered may appear. */
export class ExpectEncryptedExtensions implements HandshakeState {
  readonly connected = false;

  constructor(private readonly ctx: ClientContext) {}

  handle(msg: HandshakeMessage): HandshakeState {
    if (msg.type !== HandshakeType.encrypted_extensions) throw unexpectedMessage(`expected EncryptedExtensions, got handshake type ${msg.type}`);
    const ee = readMessage(this.ctx.io.transcript, msg, parseEncryptedExtensions);
    const o = this.ctx.options;
    const allowed = new Set([...EE_EXTENSIONS].filter((t) => t === ExtensionType.supported_groups || this.ctx.offeredExtensions.has(t)));
    checkAllowed(ee.extensions, allowed, 'EncryptedExtensions');
    if (ee.alpn !== undefined && !o.alpn.includes(ee.alpn)) throw illegalParameter(`server selected ALPN "${ee.alpn}", which was not offered`);
    this.ctx.alpn = ee.alpn;
    return this.ctx.resumed ? new ExpectFinished(this.ctx, undefined) : new ExpectCertificate(this.ctx, undefined);
  }
}
