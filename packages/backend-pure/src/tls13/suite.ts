import type { CipherSuiteInfo } from '@tlsport/core/spi';
import type { AeadName, HashName } from '../crypto/provider.js';

/** What the TLS 1.3 key schedule and record layer need from a cipher suite (RFC 8446 §B.4). */
export interface Suite {
  readonly info: CipherSuiteInfo;
  readonly hash: HashName;
  readonly hashLength: number;
  readonly aead: AeadName;
  readonly keyLength: number;
}

const HASH_LENGTH: Record<'sha256' | 'sha384', number> = { sha256: 32, sha384: 48 };
const KEY_LENGTH: Record<AeadName, number> = { 'aes-128-gcm': 16, 'aes-256-gcm': 32, 'chacha20-poly1305': 32 };

export function tls13Suite(info: CipherSuiteInfo): Suite {
  return { info, hash: info.hash, hashLength: HASH_LENGTH[info.hash], aead: info.aead, keyLength: KEY_LENGTH[info.aead] };
}
