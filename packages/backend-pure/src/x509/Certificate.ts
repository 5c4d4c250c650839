import type { GeneralName } from './generalNames.js';
import type { SignatureAlgorithm } from './signatureAlgorithm.js';

/** A distinguished name: its exact DER (what chain building matches on) and a readable RFC 4514 string. */
export interface DistinguishedName {
  readonly der: Uint8Array;
  readonly text: string;
  /** The most specific commonName, if any. */
  readonly commonName: string | undefined;
  /** Each RDN, in encoding order, in a form that compares names as RFC 5280 §7.1 does. */
  readonly rdns: readonly string[];
  /** emailAddress attributes (legacy e-mail names, subject to rfc822Name constraints). */
  readonly emails: readonly string[];
}

export type KeyUsageBit =
  | 'digitalSignature' | 'contentCommitment' | 'keyEncipherment' | 'dataEncipherment'
  | 'keyAgreement' | 'keyCertSign' | 'cRLSign' | 'encipherOnly' | 'decipherOnly';

export interface BasicConstraints {
  readonly ca: boolean;
  /** Intermediates allowed below this CA; undefined: no limit. */
  readonly pathLen: number | undefined;
}

export interface SubjectAltName {
  /** dNSName entries, as written (case preserved). */
  readonly dnsNames: readonly string[];
  /** iPAddress entries: 4 bytes (IPv4) or 16 (IPv6). */
  readonly ipAddresses: readonly Uint8Array[];
  /** Every entry, in order, for name constraints. */
  readonly names: readonly GeneralName[];
}

/**
 * One GeneralSubtree (RFC 5280 §4.2.1.10): a name form tlsport evaluates, or why it cannot be
 * (an unknown form, minimum/maximum, a malformed base), which fails closed when it applies.
 */
export type GeneralSubtree =
  | { readonly form: 'dns' | 'email' | 'uri'; readonly value: string }
  | { readonly form: 'ip'; readonly address: Uint8Array; readonly mask: Uint8Array }
  | { readonly form: 'directory'; readonly name: DistinguishedName }
  | { readonly form: 'unsupported'; readonly why: string };

export interface NameConstraints {
  /** undefined: no permittedSubtrees (everything permitted that is not excluded). */
  readonly permitted: readonly GeneralSubtree[] | undefined;
  readonly excluded: readonly GeneralSubtree[];
}

/** A parsed X.509 v1-v3 certificate (RFC 5280 §4.1). Extensions absent from the certificate are undefined. */
export interface Certificate {
  /** The whole certificate, DER. */
  readonly der: Uint8Array;
  /** tbsCertificate exactly as encoded: the bytes the issuer signed. */
  readonly tbs: Uint8Array;
  /** 1, 2 or 3. */
  readonly version: number;
  /** Serial number, lowercase hex of its DER contents. */
  readonly serialNumber: string;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly signature: Uint8Array;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SubjectPublicKeyInfo, DER: what CryptoProvider.importPublicKey takes. */
  readonly spki: Uint8Array;
  readonly basicConstraints: BasicConstraints | undefined;
  readonly keyUsage: ReadonlySet<KeyUsageBit> | undefined;
  /** extKeyUsage purpose OIDs. */
  readonly extKeyUsage: readonly string[] | undefined;
  readonly subjectAltName: SubjectAltName | undefined;
  readonly nameConstraints: NameConstraints | undefined;
  readonly subjectKeyId: Uint8Array | undefined;
  readonly authorityKeyId: Uint8Array | undefined;
}
