import { GskStatus, type SecureAttributes } from '@tlsport/core';
import type { FaultHierarchy, Presented } from './hierarchy.js';

/**
 * One certificate fault: the certificate a peer presents, the side that must detect it, and the
 * status every backend must report (docs/design.md rule 10).
 */
export interface CertFaultCase {
  /** Row label in the table. */
  name: string;
  detector: 'client' | 'server';
  expected: GskStatus;
  /** What the table says about the case (why this code). */
  note: string;
  /** The certificate the other side presents. */
  presented: (h: FaultHierarchy) => Presented;
  /** Extra attributes of the detecting side (the client's servername). */
  detectorAttrs?: SecureAttributes;
  /**
   * A disagreement that is policy, not a wrong mapping: what each backend reports, and why. The
   * test holds the backends to exactly these, so a change either way is noticed.
   */
  disagreement?: { statuses: Readonly<Record<string, GskStatus>>; why: string };
}

const p = (name: string) => (h: FaultHierarchy): Presented => h.presented[name]!;

/** Faults of the server's certificate, detected by the client (servername "localhost" unless set). */
export const SERVER_CERT_FAULTS: readonly CertFaultCase[] = [
  { name: 'expired', detector: 'client', expected: GskStatus.GSK_ERROR_BAD_DATE, note: 'notAfter in the past', presented: p('expired') },
  { name: 'not yet valid', detector: 'client', expected: GskStatus.GSK_TLSPORT_ERROR_NOT_YET_VALID, note: 'notBefore in the future', presented: p('notYetValid') },
  { name: 'wrong host', detector: 'client', expected: GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH, note: 'SAN other.example, asked for localhost', presented: p('otherHost') },
  { name: 'IP SAN match', detector: 'client', expected: GskStatus.GSK_OK, note: 'servername 127.0.0.1 matches the IP SAN (control)', presented: p('ipOnly'), detectorAttrs: { servername: '127.0.0.1' } },
  { name: 'IP SAN mismatch', detector: 'client', expected: GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH, note: 'servername 127.0.0.2, SAN IP 127.0.0.1', presented: p('ipOnly'), detectorAttrs: { servername: '127.0.0.2' } },
  { name: 'unknown CA', detector: 'client', expected: GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, note: 'issued by a root the client does not trust', presented: p('unknownCa') },
  { name: 'self-signed leaf', detector: 'client', expected: GskStatus.GSK_ERROR_SELF_SIGNED, note: 'a self-signed end-entity certificate', presented: p('selfSigned') },
  { name: 'missing intermediate', detector: 'client', expected: GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, note: 'leaf sent without its intermediate: no path to the root', presented: p('missingIntermediate') },
  { name: 'intermediate CA:false', detector: 'client', expected: GskStatus.GSK_ERROR_BAD_CERTIFICATE, note: 'the issuer of the leaf is not a CA', presented: p('notCaIntermediate') },
  { name: 'pathLen exceeded', detector: 'client', expected: GskStatus.GSK_ERROR_BAD_CERTIFICATE, note: 'a CA below an intermediate with pathLen 0', presented: p('pathLenExceeded') },
  { name: 'bad signature', detector: 'client', expected: GskStatus.GSK_ERROR_BAD_CERT_SIG, note: "a byte of the leaf's signature changed", presented: p('badSignature') },
  { name: 'wrong EKU (clientAuth only)', detector: 'client', expected: GskStatus.GSK_TLSPORT_ERROR_KEY_USAGE, note: 'extendedKeyUsage clientAuth on a server', presented: p('clientAuthOnly') },
  { name: 'RSA-1024 key', detector: 'client', expected: GskStatus.GSK_ERROR_BAD_CERTIFICATE, note: "key below 2048 bits (core's key-strength policy)", presented: p('rsa1024') },
  { name: 'SHA-1 signature', detector: 'client', expected: GskStatus.GSK_ERROR_BAD_CERTIFICATE, note: 'certificate signed with SHA-1', presented: p('sha1') },
  { name: 'name constraint violated', detector: 'client', expected: GskStatus.GSK_TLSPORT_ERROR_NAME_CONSTRAINTS, note: 'the intermediate excludes localhost', presented: p('nameConstraints') },
  { name: 'CN-only leaf', detector: 'client', expected: GskStatus.GSK_TLSPORT_ERROR_HOSTNAME_MISMATCH, note: 'no SAN, CN=localhost: names come from the SAN only', presented: p('cnOnly') },
  {
    name: 'CA as leaf', detector: 'client', expected: GskStatus.GSK_ERROR_BAD_CERTIFICATE, note: 'cA=TRUE end-entity certificate', presented: p('caLeaf'),
    disagreement: { statuses: { openssl: GskStatus.GSK_OK, 'node-tls': GskStatus.GSK_OK }, why: "OpenSSL's verifier accepts a CA certificate as the leaf when its key usages allow the purpose; the pure verifier refuses it (RFC 5280 §4.2.1.9; see docs/path-validation.md)." },
  },
  { name: 'anyExtendedKeyUsage only', detector: 'client', expected: GskStatus.GSK_TLSPORT_ERROR_KEY_USAGE, note: 'anyExtendedKeyUsage does not stand for serverAuth', presented: p('anyEkuOnly') },
  { name: 'explicit-curve EC key', detector: 'client', expected: GskStatus.GSK_ERROR_BAD_CERTIFICATE, note: 'P-256 key with explicit curve parameters (RFC 5480)', presented: p('explicitCurve') },
];

/** Faults of the client's certificate, detected by a server that requires one. */
export const CLIENT_CERT_FAULTS: readonly CertFaultCase[] = [
  { name: 'client: expired', detector: 'server', expected: GskStatus.GSK_ERROR_BAD_DATE, note: 'notAfter in the past', presented: p('expired') },
  { name: 'client: not yet valid', detector: 'server', expected: GskStatus.GSK_TLSPORT_ERROR_NOT_YET_VALID, note: 'notBefore in the future', presented: p('notYetValid') },
  { name: 'client: unknown CA', detector: 'server', expected: GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, note: 'issued by a root the server does not trust', presented: p('unknownCa') },
  { name: 'client: self-signed', detector: 'server', expected: GskStatus.GSK_ERROR_SELF_SIGNED, note: 'a self-signed end-entity certificate', presented: p('selfSigned') },
  { name: 'client: missing intermediate', detector: 'server', expected: GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, note: 'no path to the root', presented: p('missingIntermediate') },
  { name: 'client: intermediate CA:false', detector: 'server', expected: GskStatus.GSK_ERROR_BAD_CERTIFICATE, note: 'the issuer is not a CA', presented: p('notCaIntermediate') },
  { name: 'client: pathLen exceeded', detector: 'server', expected: GskStatus.GSK_ERROR_BAD_CERTIFICATE, note: 'a CA below pathLen 0', presented: p('pathLenExceeded') },
  { name: 'client: bad signature', detector: 'server', expected: GskStatus.GSK_ERROR_BAD_CERT_SIG, note: 'a byte of the signature changed', presented: p('badSignature') },
  { name: 'client: wrong EKU (serverAuth only)', detector: 'server', expected: GskStatus.GSK_TLSPORT_ERROR_KEY_USAGE, note: 'extendedKeyUsage serverAuth on a client', presented: p('serverAuthOnly') },
  { name: 'client: RSA-1024 key', detector: 'server', expected: GskStatus.GSK_ERROR_BAD_CERTIFICATE, note: "key below 2048 bits (core's key-strength policy)", presented: p('rsa1024') },
  { name: 'client: SHA-1 signature', detector: 'server', expected: GskStatus.GSK_ERROR_BAD_CERTIFICATE, note: 'certificate signed with SHA-1', presented: p('sha1') },
  { name: 'client: name constraint violated', detector: 'server', expected: GskStatus.GSK_TLSPORT_ERROR_NAME_CONSTRAINTS, note: 'the intermediate excludes localhost', presented: p('nameConstraints') },
  { name: 'client: anyExtendedKeyUsage only', detector: 'server', expected: GskStatus.GSK_TLSPORT_ERROR_KEY_USAGE, note: 'anyExtendedKeyUsage does not stand for clientAuth', presented: p('anyEkuOnly') },
];

export const CERT_FAULTS: readonly CertFaultCase[] = [...SERVER_CERT_FAULTS, ...CLIENT_CERT_FAULTS];
