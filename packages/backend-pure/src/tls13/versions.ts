import { TlsError } from '@tlsport/core/spi';
import { equal } from '../codec/bytes.js';
import { illegalParameter } from '../codec/errors.js';
import type { ClientHello } from '../handshake/clientHello.js';
import type { ServerHello } from '../handshake/serverHello.js';
import { TLS12, TLS13 } from '../handshake/types.js';
import type { VersionRange } from './options.js';

/** The supported_versions list a client offers, newest first. */
export function offeredVersions(range: VersionRange): number[] {
  return [...(range.tls13 ? [TLS13] : []), ...(range.tls12 ? [TLS12] : [])];
}

const SSL3 = 0x0300;

/** ServerHello.random ends with these when a 1.3-capable server negotiates 1.2 (§4.1.3). */
const DOWNGRADE_TLS12 = new TextEncoder().encode('DOWNGRD\x01');

/**
 * The version a ServerHello selects (§4.2.1), checked against what was offered. A 1.2 answer to a
 * 1.3-capable client must not carry the downgrade sentinel (§4.1.3).
 */
export function serverSelectedVersion(sh: ServerHello, range: VersionRange): number {
  if (sh.supportedVersion !== undefined) {
    if (sh.supportedVersion !== TLS13 || !range.tls13) throw illegalParameter(`ServerHello selected version 0x${sh.supportedVersion.toString(16)}, which was not offered`);
    // §4.1.3: legacy_version MUST be 0x0303; Appendix D.5: 0x0300 or less is protocol_version (OpenSSL: any other).
    if (sh.legacyVersion !== TLS12) throw new TlsError('protocol-version', `TLS 1.3 ServerHello with legacy_version 0x${sh.legacyVersion.toString(16)}`);
    return TLS13;
  }
  if (sh.legacyVersion === TLS12 && range.tls12) {
    if (range.tls13 && equal(sh.random.subarray(24), DOWNGRADE_TLS12)) throw illegalParameter('downgrade sentinel in ServerHello.random');
    return TLS12;
  }
  throw new TlsError('protocol-version', `server chose legacy version 0x${sh.legacyVersion.toString(16)}`);
}

/**
 * The version a server picks (§4.2.1): from supported_versions when present, else from
 * legacy_version (a TLS 1.2 client, RFC 5246 §E.1). TLS 1.3 wins when both sides can.
 */
export function clientOfferedVersion(hello: Pick<ClientHello, 'legacyVersion' | 'supportedVersions'>, range: VersionRange): number {
  const supported = hello.supportedVersions;
  // Appendix D.5: a ClientHello.legacy_version of 0x0300 (SSL 3.0) or less MUST end with protocol_version.
  if (hello.legacyVersion <= SSL3) throw new TlsError('protocol-version', `ClientHello legacy_version 0x${hello.legacyVersion.toString(16).padStart(4, '0')}`);
  if (supported !== undefined) {
    if (supported.includes(TLS13) && range.tls13) return TLS13;
    if (supported.includes(TLS12) && range.tls12) return TLS12;
    throw new TlsError('protocol-version', `client offers versions ${supported.map((v) => `0x${v.toString(16)}`).join(', ')}, none enabled here`);
  }
  if (hello.legacyVersion >= TLS12 && range.tls12) return TLS12;
  throw new TlsError('protocol-version', `client offers legacy version 0x${hello.legacyVersion.toString(16)} without supported_versions`);
}

/** A 1.3-capable server that negotiates 1.2 ends its random with the sentinel (§4.1.3). */
export function markDowngrade(random: Uint8Array, range: VersionRange): Uint8Array {
  if (range.tls13) random.set(DOWNGRADE_TLS12, 24);
  return random;
}
