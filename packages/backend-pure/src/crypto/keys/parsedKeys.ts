import type { KeyKind } from '../provider.js';

export type EcKind = Extract<KeyKind, 'ec-p256' | 'ec-p384'>;

/** A public key read out of SubjectPublicKeyInfo. */
export type ParsedPublicKey =
  | { readonly type: 'rsa'; readonly n: bigint; readonly e: bigint; readonly pssOnly: boolean }
  | { readonly type: 'ec'; readonly kind: EcKind; readonly point: Uint8Array }
  | { readonly type: 'ed25519'; readonly key: Uint8Array };

/** RSA private key with its CRT parameters (RFC 8017 §3.2, second representation). */
export interface RsaPrivateParams {
  readonly n: bigint;
  readonly e: bigint;
  readonly d: bigint;
  readonly p: bigint;
  readonly q: bigint;
  readonly dp: bigint;
  readonly dq: bigint;
  readonly qInv: bigint;
}

export type ParsedPrivateKey =
  | ({ readonly type: 'rsa'; readonly pssOnly: boolean } & RsaPrivateParams)
  | { readonly type: 'ec'; readonly kind: EcKind; readonly scalar: Uint8Array }
  | { readonly type: 'ed25519'; readonly seed: Uint8Array };

/** Scalar / coordinate length per curve. */
export const EC_FIELD_LENGTH: Readonly<Record<EcKind, number>> = { 'ec-p256': 32, 'ec-p384': 48 };
