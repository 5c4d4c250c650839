import { suiteByCode, type CipherSuiteInfo } from '@tlsport/core/spi';
import type { AeadName, HashName, KeyKind } from '../crypto/provider.js';

/** What the TLS 1.2 key schedule and record layer need from an ECDHE AEAD suite (RFC 5289, RFC 7905). */
export interface Tls12Suite {
  readonly info: CipherSuiteInfo;
  /** The PRF hash (RFC 5246 §5; SHA-384 for the *_SHA384 suites, RFC 5289 §3.2). */
  readonly hash: HashName;
  readonly aead: AeadName;
  readonly keyLength: number;
  /** key_block IV bytes: the 4-byte GCM salt (RFC 5288 §3) or the 12-byte ChaCha20 IV (RFC 7905 §2). */
  readonly ivLength: number;
  /** Whether each record carries an 8-byte explicit nonce (GCM) or none (ChaCha20-Poly1305). */
  readonly explicitNonce: boolean;
  readonly auth: 'ecdsa' | 'rsa';
}

const KEY_LENGTH: Record<AeadName, number> = { 'aes-128-gcm': 16, 'aes-256-gcm': 32, 'chacha20-poly1305': 32 };

export function tls12Suite(info: CipherSuiteInfo): Tls12Suite {
  if (info.version !== 'TLSv1.2' || info.auth === undefined) throw new Error(`${info.name} is not a TLS 1.2 suite`);
  const chacha = info.aead === 'chacha20-poly1305';
  return { info, hash: info.hash, aead: info.aead, keyLength: KEY_LENGTH[info.aead], ivLength: chacha ? 12 : 4, explicitNonce: !chacha, auth: info.auth };
}

/** The suite authentication a certificate key serves: ECDHE_ECDSA also covers Ed25519 (RFC 8422 §5.5). */
export function authForKey(kind: KeyKind): 'ecdsa' | 'rsa' {
  return kind === 'rsa' ? 'rsa' : 'ecdsa';
}

/** The TLS 1.2 suite with this code (a stored session's); throws for anything else. */
export function suiteFor(code: number): Tls12Suite {
  const info = suiteByCode(code);
  if (info === undefined) throw new Error(`unknown suite 0x${code.toString(16)}`);
  return tls12Suite(info);
}
