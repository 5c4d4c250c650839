import { TlsError } from '@tlsport/core';
import { equal } from '../codec/bytes.js';
import { illegalParameter } from '../codec/errors.js';
import type { ServerHello } from '../handshake/serverHello.js';
import { TLS12, TLS13 } from '../handshake/types.js';
import type { VersionRange } from './options.js';

/** The supported_versions list a client offers, newest first. */
export function offeredVersions(range: VersionRange): number[] {
  return [...(range.tls13 ? [TLS13] : []), ...(range.tls12 ? [TLS12] : [])];
}

/** ServerHello.random ends with these when a 1.3-capable server negotiates 1.2 (§4.1.3). */
const DOWNGRADE_TLS12 = new TextEncoder().encode('DOWNGRD\x01');

/**
 * The version a ServerHello selects (§4.2.1), checked against what was offered. Only TLS 1.3 has a
 * handshake here so far; a 1.2 answer fails with protocol_version until the 1.2 stack plugs in.
 */
export function serverSelectedVersion(sh: ServerHello, range: VersionRange): number {
  if (sh.supportedVersion !== undefined) {
    if (sh.supportedVersion !== TLS13 || !range.tls13) throw illegalParameter(`ServerHello selected version 0x${sh.supportedVersion.toString(16)}, which was not offered`);
    if (sh.legacyVersion !== TLS12) throw illegalParameter(`TLS 1.3 ServerHello with legacy_version 0x${sh.legacyVersion.toString(16)}`);
    return TLS13;
  }
  if (sh.legacyVersion === TLS12 && range.tls12) {
    if (range.tls13 && equal(sh.random.subarray(24), DOWNGRADE_TLS12)) throw illegalParameter('downgrade sentinel in ServerHello.random');
    throw new TlsError('protocol-version', 'server chose TLS 1.2, which the pure engine does not negotiate yet');
  }
  throw new TlsError('protocol-version', `server chose legacy version 0x${sh.legacyVersion.toString(16)}`);
}

/** The version a server picks from a ClientHello's supported_versions (§4.2.1). */
export function clientOfferedVersion(supported: readonly number[] | undefined, range: VersionRange): number {
  if (supported !== undefined && supported.includes(TLS13) && range.tls13) return TLS13;
  if (supported !== undefined && supported.includes(TLS12) && range.tls12) {
    throw new TlsError('protocol-version', 'client offers TLS 1.2 only, which the pure engine does not negotiate yet');
  }
  throw new TlsError('protocol-version', 'client does not offer TLS 1.3 in supported_versions');
}
