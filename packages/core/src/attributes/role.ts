import { GskError } from '../gsk/GskError.js';
import { GskStatus } from '../gsk/status.js';
import type { SecureAttributes } from './SecureAttributes.js';

export interface ResolvedRole {
  readonly role: 'client' | 'server';
  readonly requestCert: boolean;
  readonly rejectUnauthorized: boolean;
}

/** GSK_SESSION_TYPE's effect on role and client authentication; it wins over `role`/`requestCert`. */
const SESSION_TYPES: Readonly<Record<NonNullable<SecureAttributes['GSK_SESSION_TYPE']>, Partial<ResolvedRole>>> = {
  GSK_CLIENT_SESSION: { role: 'client' },
  GSK_SERVER_SESSION: { role: 'server' },
  GSK_SERVER_SESSION_WITH_CL_AUTH: { role: 'server', requestCert: true, rejectUnauthorized: false },
  GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL: { role: 'server', requestCert: true, rejectUnauthorized: true },
};

/** Which side this is and whether it authenticates the peer: `role`, `requestCert`, `rejectUnauthorized`, GSK_SESSION_TYPE. */
export function resolveRole(attrs: SecureAttributes): ResolvedRole {
  const byType = attrs.GSK_SESSION_TYPE === undefined ? {} : SESSION_TYPES[attrs.GSK_SESSION_TYPE];
  if (byType === undefined) throw new GskError(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION, `GSK_SESSION_TYPE: ${String(attrs.GSK_SESSION_TYPE)}`);
  return {
    role: byType.role ?? attrs.role ?? 'client',
    requestCert: byType.requestCert ?? attrs.requestCert ?? false,
    rejectUnauthorized: byType.rejectUnauthorized ?? attrs.rejectUnauthorized ?? true,
  };
}
