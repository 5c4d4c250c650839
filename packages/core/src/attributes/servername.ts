import { isIP } from 'node:net';
import type { SecureAttributes } from './SecureAttributes.js';

export interface ResolvedServername {
  readonly sni: string | undefined;
  readonly verifyName: string | undefined;
}

/**
 * `servername` (or GSK_SSL_EXTN_SERVERNAME_REQUEST) is both the SNI name and the name the server
 * certificate must match, except that an IP literal is verified against IP SANs and never sent:
 * RFC 6066 §3 allows only host names in server_name. Decided here, once, for every backend.
 */
export function resolveServername(attrs: SecureAttributes, role: 'client' | 'server'): ResolvedServername {
  const name = attrs.GSK_SSL_EXTN_SERVERNAME_REQUEST ?? attrs.servername;
  if (role !== 'client' || name === undefined || name === '') return { sni: undefined, verifyName: undefined };
  return { sni: isIP(name) === 0 ? name : undefined, verifyName: name };
}
