import type { ContextConfig, SessionConfig, TlsConfig } from '../engine/config.js';
import { resolveAlpn } from './alpn.js';
import { resolveCertificates } from './certificates.js';
import { resolveGroups } from './groups.js';
import { resolveRole } from './role.js';
import type { SecureAttributes } from './SecureAttributes.js';
import { resolveServername } from './servername.js';
import { resolveSuites } from './suites.js';
import { resolveHandshakeTimeout } from './timeouts.js';
import { resolveTrust } from './trust.js';
import { checkAttributeValues } from './values.js';
import { resolveVersions } from './versions.js';

/**
 * The attributes an engine context is built from. A session overriding none of them runs on its
 * environment's context; one that overrides any may need a context of its own.
 */
export const CONTEXT_ATTRIBUTES: ReadonlySet<keyof SecureAttributes> = new Set<keyof SecureAttributes>([
  'role', 'GSK_SESSION_TYPE', 'minVersion', 'maxVersion', 'GSK_PROTOCOL_TLSV13', 'GSK_PROTOCOL_TLSV12',
  'cipherSuites', 'ciphers', 'GSK_TLSV13_CIPHER_SPECS_EX', 'GSK_TLSV12_CIPHER_SPECS_EX', 'groups', 'GSK_ECDHE_CURVES',
  'ca', 'cert', 'key', 'pfx', 'passphrase', 'sniCertificates', 'sessionTickets', 'ticketKeys', 'sessionCache',
  'requireExtendedMasterSecret',
]);

/** The context part of the configuration. Throws GskError with the status GSKit gives the bad attribute. */
export function resolveContextConfig(attrs: SecureAttributes): ContextConfig {
  checkAttributeValues(attrs);
  const { role } = resolveRole(attrs);
  const versions = resolveVersions(attrs);
  const { pfxCa, ...own } = resolveCertificates(attrs, role);
  return {
    role,
    ...versions,
    ...resolveSuites(attrs, versions),
    groups: resolveGroups(attrs),
    ...resolveTrust(attrs, pfxCa),
    ...own,
    sessionTickets: attrs.sessionTickets ?? true,
    ticketKeys: attrs.ticketKeys,
    sessionCache: attrs.sessionCache,
    requireExtendedMasterSecret: attrs.requireExtendedMasterSecret,
  };
}

/** The session part of the configuration. Throws GskError with the status GSKit gives the bad attribute. */
export function resolveSessionConfig(attrs: SecureAttributes): SessionConfig {
  checkAttributeValues(attrs);
  const { role, requestCert, rejectUnauthorized } = resolveRole(attrs);
  return {
    ...resolveServername(attrs, role),
    alpnProtocols: resolveAlpn(attrs),
    requestCert,
    rejectUnauthorized,
    session: attrs.session,
    keylog: attrs.keylog !== undefined,
    handshakeTimeoutMs: resolveHandshakeTimeout(attrs),
  };
}

/** Validates attributes and resolves the whole configuration an engine context and its engines run with. */
export function resolveTlsConfig(attrs: SecureAttributes): TlsConfig {
  return { ...resolveContextConfig(attrs), ...resolveSessionConfig(attrs) };
}
