import type { LeafOptions } from '@tlsport/testkit';
import type { Pki } from '../Pki.js';
import { opensslSays, BAD_CERTIFICATE, HOSTNAME, KEY_USAGE, OK, type PkiCase } from './PkiCase.js';

const onIntermediate = (leaf: LeafOptions) => (pki: Pki) => pki.send(pki.leaf(pki.intermediate, leaf), pki.intermediate);

/** A CA with `options` between the trusted root and the leaf. */
const underCa = (options: LeafOptions, leaf: LeafOptions = {}) => (pki: Pki) => {
  const ca = pki.constrained(options);
  return pki.send(pki.leaf(ca, leaf), ca);
};

/** A trusted root of its own with `extensions`, an intermediate and a leaf under it. */
const underRoot = (extensions: string[]) => (pki: Pki) => {
  const root = pki.newRoot({ extensions });
  const ca = pki.constrained({}, root);
  return { ...pki.send(pki.leaf(ca), ca), anchors: root.cert };
};

const CA_LEAF = 'A CA certificate (cA=TRUE) as the end-entity certificate: OpenSSL checks only that the leaf allows the purpose, and accepts it; the pure verifier refuses it (RFC 5280 §4.2.1.9, CA/B Forum BR §7.1.2.7.8).';
const ODD_RSA = 'RSA moduli that are not a multiple of 8 bits: OpenSSL accepts any size its security level allows (it rates a 2047-bit modulus at 112 bits, as 2048); the pure verifier requires at least 2048 bits and a multiple of 8 (CA/B Forum BR §6.1.5).';

/** Host names from the SAN only (RFC 6125 §6.4.4): one rule on all three backends. */
export const IDENTITY_CASES: readonly PkiCase[] = [
  { name: 'CN-only leaf', note: 'no SAN, CN=localhost', detector: 'client', expected: HOSTNAME, setup: onIntermediate({ dns: [], ips: [], cn: 'localhost' }) },
  { name: 'CN-only leaf, IP SAN', note: 'SAN IP 127.0.0.1 only, CN=localhost', detector: 'client', expected: HOSTNAME, setup: onIntermediate({ dns: [], ips: ['127.0.0.1'], cn: 'localhost' }) },
  { name: 'CN matches, SAN does not', note: 'SAN other.example, CN=localhost', detector: 'client', expected: HOSTNAME, setup: onIntermediate({ dns: ['other.example'], ips: [], cn: 'localhost' }) },
  { name: 'CN-only leaf, wildcard CN', note: 'no SAN, CN=*.example.com, asked for www.example.com', detector: 'client', expected: HOSTNAME, detectorAttrs: { servername: 'www.example.com' }, setup: onIntermediate({ dns: [], ips: [], cn: '*.example.com' }) },
  { name: 'SAN match, CN elsewhere', note: 'SAN localhost, CN=other.example (control)', detector: 'client', expected: OK, setup: onIntermediate({ cn: 'other.example' }) },
];

/** A CA certificate is not an end-entity certificate. */
export const CA_LEAF_CASES: readonly PkiCase[] = [
  {
    name: 'CA as server leaf', note: 'cA=TRUE, digitalSignature, serverAuth', detector: 'client', expected: BAD_CERTIFICATE, disagreement: opensslSays(OK, CA_LEAF),
    setup: onIntermediate({ ca: true, dns: ['localhost'], ips: ['127.0.0.1'], keyUsage: 'critical,digitalSignature,keyCertSign', eku: 'serverAuth,clientAuth' }),
  },
  {
    name: 'client: CA as client leaf', note: 'cA=TRUE, digitalSignature, clientAuth', detector: 'server', expected: BAD_CERTIFICATE, disagreement: opensslSays(OK, CA_LEAF),
    setup: onIntermediate({ ca: true, dns: ['localhost'], keyUsage: 'critical,digitalSignature,keyCertSign', eku: 'clientAuth' }),
  },
];

/** The EKU rule (docs/path-validation.md): absent is unrestricted, present must name the purpose, anyExtendedKeyUsage does not. */
export const EKU_CASES: readonly PkiCase[] = [
  { name: 'EKU anyExtendedKeyUsage only', note: 'server leaf with anyExtendedKeyUsage alone', detector: 'client', expected: KEY_USAGE, setup: onIntermediate({ eku: 'anyExtendedKeyUsage' }) },
  { name: 'EKU serverAuth + any', note: 'serverAuth and anyExtendedKeyUsage', detector: 'client', expected: OK, setup: onIntermediate({ eku: 'serverAuth,anyExtendedKeyUsage' }) },
  { name: 'EKU absent on the leaf', note: 'no extendedKeyUsage: unrestricted (RFC 5280 §4.2.1.12)', detector: 'client', expected: OK, setup: onIntermediate({ eku: null }) },
  { name: 'EKU codeSigning only', note: 'server leaf for code signing', detector: 'client', expected: KEY_USAGE, setup: onIntermediate({ eku: 'codeSigning' }) },
  { name: 'EKU intermediate clientAuth only', note: 'the intermediate is for client certificates', detector: 'client', expected: KEY_USAGE, setup: underCa({ eku: 'clientAuth' }) },
  { name: 'EKU intermediate any only', note: 'intermediate with anyExtendedKeyUsage alone', detector: 'client', expected: KEY_USAGE, setup: underCa({ eku: 'anyExtendedKeyUsage' }) },
  { name: 'EKU intermediate serverAuth', note: 'intermediate restricted to serverAuth (control)', detector: 'client', expected: OK, setup: underCa({ eku: 'serverAuth' }) },
  { name: 'EKU anchor clientAuth only', note: 'the trusted root is for client certificates', detector: 'client', expected: KEY_USAGE, setup: underRoot(['extendedKeyUsage=clientAuth']) },
  { name: 'EKU anchor serverAuth', note: 'the trusted root is for servers (control)', detector: 'client', expected: OK, setup: underRoot(['extendedKeyUsage=serverAuth']) },
  { name: 'client: EKU anyExtendedKeyUsage only', note: 'client leaf with anyExtendedKeyUsage alone', detector: 'server', expected: KEY_USAGE, setup: onIntermediate({ eku: 'anyExtendedKeyUsage' }) },
  { name: 'client: EKU intermediate serverAuth only', note: 'the client CA is for servers', detector: 'server', expected: KEY_USAGE, setup: underCa({ eku: 'serverAuth' }) },
];

/** Keys the web PKI does not allow. */
export const KEY_CASES: readonly PkiCase[] = [
  { name: 'explicit-curve EC leaf', note: 'P-256 key with explicit parameters', detector: 'client', expected: BAD_CERTIFICATE, setup: onIntermediate({ keyType: 'ec-p256-explicit' }) },
  {
    name: 'explicit-curve EC intermediate', note: 'the intermediate has explicit parameters', detector: 'client', expected: BAD_CERTIFICATE,
    setup: (pki) => {
      const ca = pki.root.signer(pki.root.issue({ ca: true, cn: pki.name('explicit intermediate'), keyType: 'ec-p256-explicit' }));
      return pki.send(pki.leaf(ca), ca);
    },
  },
  { name: 'RSA-2047 leaf', note: 'below 2048 bits and not a whole byte', detector: 'client', expected: BAD_CERTIFICATE, disagreement: opensslSays(OK, ODD_RSA), setup: onIntermediate({ keyType: 'rsa-2047' }) },
  { name: 'RSA-2052 leaf', note: 'modulus not a multiple of 8 bits', detector: 'client', expected: BAD_CERTIFICATE, disagreement: opensslSays(OK, ODD_RSA), setup: onIntermediate({ keyType: 'rsa-2052' }) },
];
