import * as id from '../constants/ids.js';
import * as rc from '../constants/returnCodes.js';
import type { GskSession } from '../handles.js';

/** A value only the handshake can give (GSK_CONNECT_CIPHER_SPEC_EX, GSK_PROTOCOL_USED, …); GSK_INVALID_STATE before it. */
export function negotiatedValue(session: GskSession, attributeId: number): { status: number; value?: unknown } {
  if (attributeId === id.GSK_LAST_VALIDATION_ERROR) return { status: rc.GSK_OK, value: session.lastValidationError };
  const n = session.negotiated;
  if (n === undefined) return { status: rc.GSK_INVALID_STATE };
  switch (attributeId) {
    case id.GSK_CONNECT_CIPHER_SPEC_EX:
      return { status: rc.GSK_OK, value: n.cipherSuite };
    case id.GSK_CONNECT_SEC_TYPE:
      return { status: rc.GSK_OK, value: n.version === 'TLSv1.3' ? 'TLSV13' : 'TLSV12' };
    case id.GSK_ALPN_NEGOTIATED:
      return { status: rc.GSK_OK, value: n.alpnProtocol ?? '' };
    case id.GSK_SSL_EXTN_SERVERNAME_NEGOTIATED:
      return { status: rc.GSK_OK, value: n.servername ?? '' };
    case id.GSK_PROTOCOL_USED:
      return { status: rc.GSK_OK, value: n.version === 'TLSv1.3' ? id.GSK_PROTOCOL_USED_TLSV13 : id.GSK_PROTOCOL_USED_TLSV12 };
    case id.GSK_SID_FIRST:
      return { status: rc.GSK_OK, value: n.resumed ? id.GSK_SID_NOT_FIRST : id.GSK_SID_IS_FIRST };
    case id.GSK_CERTIFICATE_VALIDATION_CODE:
      return { status: rc.GSK_OK, value: session.validationCode ?? rc.GSK_OK };
    default:
      // GSK_CONNECT_CIPHER_SPEC: the two-character SSLv3-era codes name no suite tlsport negotiates.
      return { status: rc.GSK_ERROR_UNSUPPORTED };
  }
}
