/**
 * The cipher suites and groups in tlsport's scope (docs/design.md "TLS scope"), with their IANA
 * names and code points (RFC 8446 §B.4, RFC 5289, RFC 7905, draft-ietf-tls-ecdhe-mlkem) and
 * OpenSSL's names for them.
 */
export type TlsVersion = 'TLSv1.2' | 'TLSv1.3';

/** One cipher suite tlsport speaks: its IANA name and code, OpenSSL's name, version, hash and AEAD. */
export interface CipherSuiteInfo {
  readonly name: string;
  readonly code: number;
  readonly openssl: string;
  readonly version: TlsVersion;
  readonly hash: 'sha256' | 'sha384';
  readonly aead: 'aes-128-gcm' | 'aes-256-gcm' | 'chacha20-poly1305';
  /** TLS 1.2 only: the certificate key type the suite needs. */
  readonly auth?: 'ecdsa' | 'rsa';
}

/** Every cipher suite tlsport speaks (TLS 1.3 first, then TLS 1.2), in default preference order. */
export const CIPHER_SUITES: readonly CipherSuiteInfo[] = [
  { name: 'TLS_AES_128_GCM_SHA256', code: 0x1301, openssl: 'TLS_AES_128_GCM_SHA256', version: 'TLSv1.3', hash: 'sha256', aead: 'aes-128-gcm' },
  { name: 'TLS_AES_256_GCM_SHA384', code: 0x1302, openssl: 'TLS_AES_256_GCM_SHA384', version: 'TLSv1.3', hash: 'sha384', aead: 'aes-256-gcm' },
  { name: 'TLS_CHACHA20_POLY1305_SHA256', code: 0x1303, openssl: 'TLS_CHACHA20_POLY1305_SHA256', version: 'TLSv1.3', hash: 'sha256', aead: 'chacha20-poly1305' },
  { name: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', code: 0xc02b, openssl: 'ECDHE-ECDSA-AES128-GCM-SHA256', version: 'TLSv1.2', hash: 'sha256', aead: 'aes-128-gcm', auth: 'ecdsa' },
  { name: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', code: 0xc02c, openssl: 'ECDHE-ECDSA-AES256-GCM-SHA384', version: 'TLSv1.2', hash: 'sha384', aead: 'aes-256-gcm', auth: 'ecdsa' },
  { name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', code: 0xc02f, openssl: 'ECDHE-RSA-AES128-GCM-SHA256', version: 'TLSv1.2', hash: 'sha256', aead: 'aes-128-gcm', auth: 'rsa' },
  { name: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', code: 0xc030, openssl: 'ECDHE-RSA-AES256-GCM-SHA384', version: 'TLSv1.2', hash: 'sha384', aead: 'aes-256-gcm', auth: 'rsa' },
  { name: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', code: 0xcca8, openssl: 'ECDHE-RSA-CHACHA20-POLY1305', version: 'TLSv1.2', hash: 'sha256', aead: 'chacha20-poly1305', auth: 'rsa' },
  { name: 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', code: 0xcca9, openssl: 'ECDHE-ECDSA-CHACHA20-POLY1305', version: 'TLSv1.2', hash: 'sha256', aead: 'chacha20-poly1305', auth: 'ecdsa' },
];

/** A key-exchange group by its IANA name (RFC 8446 §4.2.7; the hybrids: draft-ietf-tls-ecdhe-mlkem). */
export type GroupName = 'X25519MLKEM768' | 'x25519' | 'secp256r1' | 'secp384r1' | 'SecP256r1MLKEM768';

/** One key-exchange group: its IANA name, code point and OpenSSL's name for it. */
export interface GroupInfo {
  readonly name: GroupName;
  readonly code: number;
  readonly openssl: string;
  /**
   * A post-quantum hybrid (ECDHE + ML-KEM-768, draft-ietf-tls-ecdhe-mlkem): TLS 1.3 only, and
   * OpenSSL has it from 3.5 on.
   */
  readonly hybrid: boolean;
  /** A hybrid's ECDHE half, a group of its own too (draft-ietf-tls-ecdhe-mlkem §3); undefined for a classic group. */
  readonly classical?: GroupName;
}

/**
 * In default preference order, as OpenSSL 3.5 and the browsers have it: the X25519MLKEM768 hybrid
 * first, then the classic groups; SecP256r1MLKEM768 is supported but not preferred.
 */
export const GROUPS: readonly GroupInfo[] = [
  { name: 'X25519MLKEM768', code: 0x11ec, openssl: 'X25519MLKEM768', hybrid: true, classical: 'x25519' },
  { name: 'x25519', code: 0x001d, openssl: 'X25519', hybrid: false },
  { name: 'secp256r1', code: 0x0017, openssl: 'P-256', hybrid: false },
  { name: 'secp384r1', code: 0x0018, openssl: 'P-384', hybrid: false },
  { name: 'SecP256r1MLKEM768', code: 0x11eb, openssl: 'SecP256r1MLKEM768', hybrid: true, classical: 'secp256r1' },
];

const SUITE_BY_ANY_NAME = new Map<string, CipherSuiteInfo>();
for (const s of CIPHER_SUITES) {
  SUITE_BY_ANY_NAME.set(s.name.toUpperCase(), s);
  SUITE_BY_ANY_NAME.set(s.openssl.toUpperCase(), s);
}
const GROUP_ALIASES: Record<string, GroupName> = {
  X25519: 'x25519',
  SECP256R1: 'secp256r1',
  'P-256': 'secp256r1',
  PRIME256V1: 'secp256r1',
  SECP384R1: 'secp384r1',
  'P-384': 'secp384r1',
  X25519MLKEM768: 'X25519MLKEM768',
  SECP256R1MLKEM768: 'SecP256r1MLKEM768',
};

/** A suite by IANA or OpenSSL name, case-insensitive; undefined when outside the scope. */
export function suiteByName(name: string): CipherSuiteInfo | undefined {
  return SUITE_BY_ANY_NAME.get(name.trim().toUpperCase());
}

/** The suite with this IANA code point, or undefined. */
export function suiteByCode(code: number): CipherSuiteInfo | undefined {
  return CIPHER_SUITES.find((s) => s.code === code);
}

/** A group by IANA or OpenSSL name, case-insensitive ("x25519", "P-256", "prime256v1", "secp384r1", "X25519MLKEM768"). */
export function groupByName(name: string): GroupInfo | undefined {
  const canonical = GROUP_ALIASES[name.trim().toUpperCase()];
  return canonical === undefined ? undefined : GROUPS.find((g) => g.name === canonical);
}

/** The group with this IANA code point, or undefined. */
export function groupByCode(code: number): GroupInfo | undefined {
  return GROUPS.find((g) => g.code === code);
}

/** Whether a group is a post-quantum hybrid: TLS 1.3 only (draft-ietf-tls-ecdhe-mlkem §3). */
export function isHybridGroup(name: GroupName): boolean {
  return GROUPS.find((g) => g.name === name)?.hybrid ?? false;
}
