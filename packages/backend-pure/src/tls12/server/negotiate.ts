import { TlsError, groupByCode, isHybridGroup, type GroupName } from '@tlsport/core/spi';
import type { KeyKind } from '../../crypto/provider.js';
import type { ClientHello } from '../../handshake/clientHello.js';
import type { LocalCertificate, ServerOptions } from '../../tls13/options.js';
import { authForKey, type Tls12Suite } from '../suite.js';

/** The group an ECDSA certificate key lives on. */
const CURVE_GROUP: Partial<Record<KeyKind, GroupName>> = { 'ec-p256': 'secp256r1', 'ec-p384': 'secp384r1' };

/**
 * The server's TLS 1.2 suite: its own preference order, among the suites the client offers, that
 * the certificate can serve (ECDHE_ECDSA for EC and Ed25519 keys, ECDHE_RSA for RSA keys). An
 * ECDSA key must be on a curve in the client's supported_groups (RFC 8422 §5.1.1).
 */
export function chooseTls12Suite(hello: ClientHello, options: ServerOptions, certificate: LocalCertificate): Tls12Suite {
  const auth = authForKey(certificate.key.kind);
  const curve = CURVE_GROUP[certificate.key.kind];
  if (curve !== undefined && hello.supportedGroups !== undefined && !hello.supportedGroups.some((c) => groupByCode(c)?.name === curve)) {
    throw new TlsError('no-shared-cipher', `the client does not accept the certificate's curve ${curve}`);
  }
  const suite = options.tls12Suites.find((s) => s.auth === auth && hello.cipherSuites.includes(s.info.code));
  if (suite === undefined) throw new TlsError('no-shared-cipher', `no TLS 1.2 ECDHE_${auth.toUpperCase()} cipher suite in common`);
  return suite;
}

/**
 * The ECDHE group: the server's preference among the client's supported_groups. A client that sends
 * none is taken to accept any (RFC 8422 §4). The hybrids are TLS 1.3 only (draft-ietf-tls-ecdhe-mlkem §3).
 */
export function chooseTls12Group(hello: ClientHello, options: ServerOptions): GroupName {
  const offered = hello.supportedGroups;
  const ecdhe = options.groups.filter((g) => !isHybridGroup(g));
  const group = offered === undefined ? ecdhe[0] : ecdhe.find((g) => offered.some((c) => groupByCode(c)?.name === g));
  if (group === undefined) throw new TlsError('no-shared-group', 'no key exchange group in common');
  return group;
}
