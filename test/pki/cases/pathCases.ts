import { X509Certificate } from 'node:crypto';
import type { Issued, LeafOptions, TestCa } from '@tlsport/testkit';
import type { Pki, PkiSetup } from '../Pki.js';
import { opensslSays, BAD_CERTIFICATE, EXPIRED, KEY_USAGE, NAME_CONSTRAINTS, OK, UNKNOWN_CA, type PkiCase } from './PkiCase.js';

/** The same subject and key as `ca`, issued by `by`: a cross-certificate (or an alternative with `options`). */
function crossSign(ca: TestCa, by: TestCa, options: LeafOptions = {}): Issued {
  const subject = `/CN=${new X509Certificate(ca.cert).subject.replace(/^CN=/, '')}`;
  return by.issue({ ca: true, subject, keyFile: ca.keyFile, ...options });
}

/** A leaf under an intermediate of the trusted root, with another issuer for the same intermediate key. */
function withAlternative(pki: Pki, alternative: (ca: TestCa) => Issued, alternativeFirst = true): PkiSetup {
  const ca = pki.constrained({});
  const leaf = pki.leaf(ca);
  const other = alternative(ca);
  const chain = alternativeFirst ? [other.cert, ca.cert] : [ca.cert, other.cert];
  return { anchors: pki.root.cert, presented: { chain: leaf.cert + chain.join(''), key: leaf.key } };
}

/** `depth` intermediates in a line under the trusted root; the leaf and the intermediates in `order`. */
function line(pki: Pki, depth: number, order: (cas: TestCa[]) => TestCa[] = (cas) => [...cas].reverse()): PkiSetup {
  const cas = pki.line(depth);
  const leaf = pki.leaf(cas[depth - 1]!);
  return { anchors: pki.root.cert, presented: { chain: leaf.cert + order(cas).map((c) => c.cert).join(''), key: leaf.key } };
}

/**
 * A mesh of n CAs all named "tlsport mesh CA", each key certified by every other (n x n
 * certificates): the candidate paths grow as n^depth and none reaches a trusted root.
 */
function mesh(pki: Pki, n: number): PkiSetup {
  const roots = Array.from({ length: n }, () => pki.newRoot({ cn: 'tlsport mesh CA', freshKey: true }));
  const links = roots.flatMap((subject) => roots.map((by) => by.issue({ ca: true, cn: 'tlsport mesh CA', keyFile: subject.keyFile })));
  const leaf = pki.leaf(roots[0]!);
  return { anchors: pki.root.cert, presented: { chain: leaf.cert + links.map((l) => l.cert).join(''), key: leaf.key } };
}

/** A certificate cut short: DER the peer sends that no parser can read. */
function truncated(pem: string): string {
  const der = Buffer.from(new X509Certificate(pem).raw).subarray(0, 120);
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`;
}

const NO_BACKTRACK = 'OpenSSL follows the first issuer it finds for each certificate and does not try another when that branch fails; the pure verifier backtracks to the path that verifies (RFC 4158).';

/** Path building: several candidate issuers, order, length, and a budget-exhausting mesh. */
export const PATH_CASES: readonly PkiCase[] = [
  {
    name: 'cross-signed, untrusted branch first', note: 'intermediate also issued by an untrusted root, that copy sent first', detector: 'client', expected: OK, disagreement: opensslSays(UNKNOWN_CA, NO_BACKTRACK),
    setup: (pki) => withAlternative(pki, (ca) => crossSign(ca, pki.newRoot())),
  },
  {
    name: 'cross-signed, trusted branch first', note: 'the same, trusted copy first', detector: 'client', expected: OK,
    setup: (pki) => withAlternative(pki, (ca) => crossSign(ca, pki.newRoot()), false),
  },
  {
    name: 'cross-signed root', note: 'chain ends in a new untrusted root, also cross-signed by the trusted one', detector: 'client', expected: OK, disagreement: opensslSays(UNKNOWN_CA, NO_BACKTRACK),
    setup: (pki) => {
      const newRoot = pki.newRoot();
      const ca = pki.constrained({}, newRoot);
      const leaf = pki.leaf(ca);
      const cross = crossSign(newRoot, pki.root);
      return { anchors: pki.root.cert, presented: { chain: leaf.cert + ca.cert + newRoot.cert + cross.cert, key: leaf.key } };
    },
  },
  {
    name: 'expired branch first', note: 'an expired copy of the intermediate sent before the valid one', detector: 'client', expected: OK, disagreement: opensslSays(EXPIRED, NO_BACKTRACK),
    setup: (pki) => withAlternative(pki, (ca) => crossSign(ca, pki.root, { notBeforeDays: -30, notAfterDays: -1 })),
  },
  {
    name: 'expired branch only', note: 'the only issuer is expired (control)', detector: 'client', expected: EXPIRED,
    setup: (pki) => {
      const ca = pki.root.signer(pki.root.issue({ ca: true, cn: pki.name('expired intermediate'), notBeforeDays: -30, notAfterDays: -1 }));
      return pki.send(pki.leaf(ca, { notBeforeDays: -2 }), ca);
    },
  },
  {
    name: 'non-CA branch first', note: 'a CA:FALSE certificate for the intermediate key sent first', detector: 'client', expected: OK,
    disagreement: {
      statuses: { openssl: BAD_CERTIFICATE, 'node-tls': KEY_USAGE },
      why: `${NO_BACKTRACK} Node lets OpenSSL's verification run on after an error and reports the last one (here: the CA:FALSE certificate's purpose); the openssl backend stops at the first (it is not a CA).`,
    },
    setup: (pki) => withAlternative(pki, (ca) => crossSign(ca, pki.root, { ca: false, dns: [], ips: [], eku: null, keyUsage: 'critical,keyCertSign' })),
  },
  {
    name: 'wrong-EKU branch first', note: 'a clientAuth-only copy of the intermediate sent first', detector: 'client', expected: OK, disagreement: opensslSays(KEY_USAGE, NO_BACKTRACK),
    setup: (pki) => withAlternative(pki, (ca) => crossSign(ca, pki.root, { eku: 'clientAuth' })),
  },
  {
    name: 'constrained branch first', note: 'a copy under a trusted root excluding localhost sent first', detector: 'client', expected: OK, disagreement: opensslSays(NAME_CONSTRAINTS, NO_BACKTRACK),
    setup: (pki) => {
      const constrainedRoot = pki.newRoot({ extensions: ['nameConstraints=critical,excluded;DNS:localhost'] });
      const setup = withAlternative(pki, (ca) => crossSign(ca, constrainedRoot));
      return { ...setup, anchors: pki.root.cert + constrainedRoot.cert };
    },
  },
  {
    name: 'unusable branch first', note: 'a copy with an unknown critical extension sent first', detector: 'client', expected: OK, disagreement: opensslSays(BAD_CERTIFICATE, NO_BACKTRACK),
    setup: (pki) => withAlternative(pki, (ca) => crossSign(ca, pki.root, { extensions: ['1.3.6.1.4.1.55555.1=critical,ASN1:NULL'] })),
  },
  {
    name: 'untrusted branch only', note: 'the intermediate only under an untrusted root (control)', detector: 'client', expected: UNKNOWN_CA,
    setup: (pki) => {
      const ca = pki.constrained({}, pki.newRoot());
      return pki.send(pki.leaf(ca), ca);
    },
  },
  { name: 'shuffled intermediates', note: 'four intermediates sent out of order', detector: 'client', expected: OK, setup: (pki) => line(pki, 4, (c) => [c[1]!, c[3]!, c[0]!, c[2]!]) },
  { name: 'eight intermediates', note: 'the longest path allowed', detector: 'client', expected: OK, setup: (pki) => line(pki, 8) },
  {
    name: 'nine intermediates', note: 'one more than the limit', detector: 'client', expected: BAD_CERTIFICATE,
    disagreement: opensslSays(OK, 'Path length: the pure verifier considers at most 8 intermediates (as rustls-webpki and browsers bound it); OpenSSL allows its verify depth of 100.'),
    setup: (pki) => line(pki, 9),
  },
  {
    name: 'many unrelated certificates', note: 'ten unrelated certificates sent around the intermediate', detector: 'client', expected: OK,
    setup: (pki) => {
      const decoys = Array.from({ length: 10 }, (_, i) => pki.leaf(pki.root, { cn: `decoy ${i}`, dns: [`decoy${i}.example`], ips: [] }).cert);
      const leaf = pki.leaf(pki.intermediate);
      return { anchors: pki.root.cert, presented: { chain: leaf.cert + decoys.slice(0, 5).join('') + pki.intermediate.cert + decoys.slice(5).join(''), key: leaf.key } };
    },
  },
  {
    name: 'unusable certificate off the path', note: 'an unrelated certificate with an unknown critical extension', detector: 'client', expected: OK,
    setup: (pki) => {
      const leaf = pki.leaf(pki.intermediate);
      const odd = pki.leaf(pki.root, { cn: pki.name('odd'), extensions: ['1.3.6.1.4.1.55555.1=critical,ASN1:NULL'] });
      return { anchors: pki.root.cert, presented: { chain: leaf.cert + odd.cert + pki.intermediate.cert, key: leaf.key } };
    },
  },
  {
    name: 'malformed certificate off the path', note: 'a truncated certificate after the intermediate', detector: 'client', expected: OK,
    disagreement: opensslSays(BAD_CERTIFICATE, 'A certificate that cannot be parsed: OpenSSL decodes every certificate of the Certificate message and refuses the message; the pure verifier reads only what path building needs and ignores a certificate no path uses.'),
    setup: (pki) => {
      const leaf = pki.leaf(pki.intermediate);
      return { anchors: pki.root.cert, presented: { chain: leaf.cert + pki.intermediate.cert + truncated(pki.intermediate.cert), key: leaf.key } };
    },
  },
  { name: 'mesh exhausting the budget', note: '3 same-named CAs cross-certifying each other (9 links), no trusted root', detector: 'client', expected: UNKNOWN_CA, setup: (pki) => mesh(pki, 3) },
  {
    name: 'client: cross-signed, untrusted branch first', note: 'the client intermediate also issued by an untrusted root', detector: 'server', expected: OK, disagreement: opensslSays(UNKNOWN_CA, NO_BACKTRACK),
    setup: (pki) => withAlternative(pki, (ca) => crossSign(ca, pki.newRoot())),
  },
];
