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

/** Client: EncryptedExtensions (RFC 8446 §4.3.1); only extensions the ClientHello offered may appear. */
export class ExpectEncryptedExtensions implements HandshakeState {
  readonly connected = false;

  constructor(private readonly ctx: ClientContext) {}

  handle(msg: HandshakeMessage): HandshakeState {
    if (msg.type !== HandshakeType.encrypted_extensions) throw unexpectedMessage(`expected EncryptedExtensions, got handshake type ${msg.type}`);
    const ee = readMessage(this.ctx.io.transcript, msg, parseEncryptedExtensions);
    const o = this.ctx.options;
    const allowed = new Set<number>([ExtensionType.supported_groups]);
    if (o.sni !== undefined) allowed.add(ExtensionType.server_name);
    if (o.alpn.length > 0) allowed.add(ExtensionType.alpn);
    checkAllowed(ee.extensions, allowed, 'EncryptedExtensions');
    if (ee.alpn !== undefined && !o.alpn.includes(ee.alpn)) throw illegalParameter(`server selected ALPN "${ee.alpn}", which was not offered`);
    this.ctx.alpn = ee.alpn;
    return this.ctx.resumed ? new ExpectFinished(this.ctx, undefined) : new ExpectCertificate(this.ctx, undefined);
  }
}
