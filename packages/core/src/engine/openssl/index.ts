/**
 * `@tlsport/core/openssl`: what the two OpenSSL-based backends (openssl, node-tls) share, kept
 * out of core's public API: one fault vocabulary keyed by OpenSSL's own macro names, and one
 * translation of a context config into OpenSSL settings.
 */
export { SSL_REASON_FAULTS, OTHER_SSL_FAULT, opensslReasonText, type SslReasonName } from './reasons.js';
export { VERIFY_ERRORS, OTHER_VERIFY_FAULT, type VerifyErrorName, type VerifyErrorRow } from './verifyErrors.js';
export { opensslSettings, type OpenSslSettings } from './settings.js';
export { opensslGroupList, opensslHasHybridGroups } from './groups.js';
