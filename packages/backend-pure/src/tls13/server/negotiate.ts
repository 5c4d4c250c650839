import { TlsError, groupByCode, type GroupName } from '@tlsport/core/spi';
import { illegalParameter } from '../../codec/errors.js';
import type { ClientHello } from '../../handshake/clientHello.js';
import type { KeyShareEntry } from '../../handshake/extensionCodecs.js';
import type { ServerOptions } from '../options.js';
import type { Suite } from '../suite.js';

/** The server's choices from a ClientHello, each a small pure function (RFC 8446 §4.1.1). */

/** Server preference order wins; handshake_failure when nothing is shared. */
export function chooseSuite(hello: ClientHello, options: ServerOptions): Suite {
  const suite = options.suites.find((s) => hello.cipherSuites.includes(s.info.code));
  if (suite === undefined) throw new TlsError('no-shared-cipher', 'no TLS 1.3 cipher suite in common');
  return suite;
}

export interface GroupChoice {
  readonly group: GroupName;
  /** The client's share for it; undefined means a HelloRetryRequest must ask for one. */
  readonly share: KeyShareEntry | undefined;
}

/**
 * A group both sides support. A group the client already sent a share for is preferred (no
 * round trip), in the server's order; otherwise the server's favourite common group, via HRR.
 */
export function chooseGroup(hello: ClientHello, options: ServerOptions): GroupChoice {
  const clientGroups = (hello.supportedGroups ?? []).map((c) => groupByCode(c)?.name);
  const shares = hello.keyShares ?? [];
  const seen = new Set<number>();
  for (const s of shares) {
    // §4.2.8: each share's group must be in supported_groups, at most once.
    if (seen.has(s.group) || !(hello.supportedGroups ?? []).includes(s.group)) throw illegalParameter(`key_share for group 0x${s.group.toString(16)} is duplicated or not in supported_groups`);
    seen.add(s.group);
  }
  const common = options.groups.filter((g) => clientGroups.includes(g));
  if (common.length === 0) throw new TlsError('no-shared-group', 'no key exchange group in common');
  for (const group of common) {
    const share = shares.find((s) => groupByCode(s.group)?.name === group);
    if (share !== undefined) return { group, share };
  }
  return { group: common[0]!, share: undefined };
}

/** RFC 7301 §3.2: the server's most preferred protocol the client offers; no overlap is fatal. */
export function chooseAlpn(hello: ClientHello, options: ServerOptions): string | undefined {
  if (hello.alpn === undefined || options.alpn.length === 0) return undefined;
  const chosen = options.alpn.find((p) => hello.alpn!.includes(p));
  if (chosen === undefined) throw new TlsError('no-application-protocol', `no ALPN protocol in common (client offers ${hello.alpn.join(', ')})`);
  return chosen;
}
