import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import type { SecureAttributes } from './SecureAttributes.js';
import { list } from './text.js';

/** ALPN protocol ids in preference order (`ALPNProtocols` or GSK_ALPN_PROTOCOLS); each 1-255 bytes (RFC 7301 §3.1). */
export function resolveAlpn(attrs: SecureAttributes): readonly string[] {
  const spec = attrs.GSK_ALPN_PROTOCOLS ?? attrs.ALPNProtocols;
  const protocols = spec === undefined ? [] : list(spec);
  for (const p of protocols) {
    if (Buffer.byteLength(p) > 255) throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_LENGTH, `ALPN protocol longer than 255 bytes: ${p.slice(0, 20)}…`);
  }
  return protocols;
}
