import { TlsError } from '../../tls/TlsError.js';
import { firstKeyShareGroups } from '../../tls/keyShares.js';
import { GROUPS, type GroupName } from '../../tls/suites.js';

/** Whether an OpenSSL version ("3.0.19", "3.5.9+quic") has the ML-KEM hybrid groups: 3.5 and later. */
export function opensslHasHybridGroups(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return major > 3 || (major === 3 && minor >= 5);
}

/**
 * The groups list (OpenSSL names, colon-separated, in preference order) for an engine on the
 * OpenSSL inside Node, `version` being `process.versions.openssl`. Before OpenSSL 3.5 the hybrids
 * are left out; a list of nothing but hybrids there is TlsError 'unsupported', saying why.
 *
 * A client shares the groups core's firstKeyShareGroups names. OpenSSL shares only the first group
 * unless some are marked `*` (OpenSSL 3.5's list syntax, which servers ignore): so when a hybrid
 * comes first with its ECDHE half enabled, both are marked. The list stays one tuple (no `/`),
 * so a server still takes any share it is offered before asking for another by HelloRetryRequest,
 * in its own order: the hybrid first.
 */
export function opensslGroupList(groups: readonly GroupName[], version: string, backend: string): string {
  const infos = groups.map((name) => GROUPS.find((g) => g.name === name)!);
  const offered = opensslHasHybridGroups(version) ? infos : infos.filter((g) => !g.hybrid);
  if (offered.length === 0) {
    throw new TlsError('unsupported', `${groups.join(', ')} not offered by the ${backend} backend: this Node's OpenSSL ${version} has no ML-KEM hybrid groups (OpenSSL 3.5 and later, as in Node 24 and 26; the pure backend offers them on every Node)`, { alert: undefined });
  }
  const shared = firstKeyShareGroups(offered.map((g) => g.name));
  const mark = (name: GroupName): string => (shared.length > 1 && shared.includes(name) ? '*' : '');
  return offered.map((g) => `${mark(g.name)}${g.openssl}`).join(':');
}
