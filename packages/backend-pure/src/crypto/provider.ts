import type { GroupName } from '@tlsport/core/spi';

/**
 * The crypto a TLS stack needs, behind one interface so the protocol code never names a library.
 * Two providers implement it: `node:crypto` (fast, the default on Node) and a portable one on the
 * audited @noble/* primitives. Inputs are validated at this boundary; callers trust the results.
 */
export type HashName = 'sha256' | 'sha384' | 'sha512';

/** An incremental hash whose running state can be forked (the transcript hash needs both). */
export interface Hash {
  /** Adds `data` to what is hashed. */
  update(data: Uint8Array): this;
  /** The digest of everything so far; the hash stays usable. */
  snapshot(): Uint8Array;
  /** An independent copy of the running state. */
  fork(): Hash;
}

/** The AEADs of the TLS 1.3 and 1.2 suites tlsport speaks. */
export type AeadName = 'aes-128-gcm' | 'aes-256-gcm' | 'chacha20-poly1305';

/** An AEAD bound to one key. Tags are 16 bytes and appended to the ciphertext. */
export interface Aead {
  readonly name: AeadName;
  /** Encrypts and authenticates `plaintext` with `aad`; returns ciphertext and tag. */
  seal(nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array;
  /**
   * seal() over the concatenation of `plaintext`, with ciphertext || tag written into `out` from
   * `offset` (it must have room): a record is built in place, without copying its content first.
   */
  sealInto(nonce: Uint8Array, plaintext: readonly Uint8Array[], aad: Uint8Array, out: Uint8Array, offset: number): void;
  /** The plaintext, or null when authentication fails (tag compared in constant time). */
  open(nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null;
}

/** An ephemeral (EC)DHE key pair, or a hybrid (EC)DHE + ML-KEM key, for one handshake. */
export interface KeyShare {
  readonly group: GroupName;
  /**
   * The encoded public key as carried in the client's key_share: 32 bytes for X25519, the
   * uncompressed point for NIST, both halves for a hybrid (draft-ietf-tls-ecdhe-mlkem §4.1).
   */
  readonly publicKey: Uint8Array;
  /**
   * The shared secret with the peer's encoded public key. Throws ProviderError on an invalid point,
   * a wrong length, or an all-zero X25519 result (RFC 8446 §7.4.2).
   */
  agree(peerPublicKey: Uint8Array): Uint8Array;
  /**
   * The server's side: the key_share bytes to answer the client's share with, and the shared
   * secret. For (EC)DHE that is this key's public key and agree(); for a KEM group it is an
   * encapsulation to the client's key (the answer depends on the client's share). Throws
   * ProviderError as agree() does.
   */
  respond(clientPublicKey: Uint8Array): KeyShareResponse;
}

/** What answering a peer's key share produces: this side's share to send and the shared secret. */
export interface KeyShareResponse {
  readonly publicKey: Uint8Array;
  readonly sharedSecret: Uint8Array;
}

/** TLS SignatureScheme code points (RFC 8446 §4.2.3). */
export enum SignatureScheme {
  rsa_pkcs1_sha256 = 0x0401,
  rsa_pkcs1_sha384 = 0x0501,
  rsa_pkcs1_sha512 = 0x0601,
  ecdsa_secp256r1_sha256 = 0x0403,
  ecdsa_secp384r1_sha384 = 0x0503,
  ecdsa_secp521r1_sha512 = 0x0603,
  rsa_pss_rsae_sha256 = 0x0804,
  rsa_pss_rsae_sha384 = 0x0805,
  rsa_pss_rsae_sha512 = 0x0806,
  ed25519 = 0x0807,
  rsa_pss_pss_sha256 = 0x0809,
  rsa_pss_pss_sha384 = 0x080a,
  rsa_pss_pss_sha512 = 0x080b,
}

/** The kinds of private key a certificate can hold. */
export type KeyKind = 'ec-p256' | 'ec-p384' | 'rsa' | 'ed25519';

/** A private key loaded once per environment. */
export interface PrivateKey {
  readonly kind: KeyKind;
  /** RSA modulus size in bits; undefined for other kinds. */
  readonly rsaBits: number | undefined;
  /**
   * Whether TLS 1.3 lets this key sign with `scheme`: the family fits the key, and an ECDSA scheme
   * names the key's own curve (RFC 8446 §4.2.3). Use it to pick the scheme to sign with. RSA PKCS#1
   * schemes count as supported: keeping them out of TLS 1.3 CertificateVerify is the protocol's rule.
   */
  supports(scheme: SignatureScheme): boolean;
  /**
   * Sign with a scheme that fits the key; ECDSA signatures are DER, as TLS carries them. An ECDSA
   * scheme contributes its hash and the key its curve (the TLS 1.2 reading). Throws ProviderError
   * when the scheme's family does not fit the key.
   */
  sign(scheme: SignatureScheme, data: Uint8Array): Uint8Array;
}

/** A public key from a certificate's SubjectPublicKeyInfo. */
export interface PublicKey {
  readonly kind: KeyKind;
  readonly rsaBits: number | undefined;
  /** As PrivateKey.supports: the TLS 1.3 rule, ECDSA curve included. */
  supports(scheme: SignatureScheme): boolean;
  /**
   * ECDSA signatures DER-encoded. False (never a throw) for a bad or malformed signature, or a
   * scheme whose family does not fit the key. An ECDSA scheme contributes its hash and the key its
   * curve (TLS 1.2 and X.509, where a P-256 key may sign with SHA-384); RSA-PSS requires a salt as
   * long as the digest and MGF1 with the same digest.
   */
  verify(scheme: SignatureScheme, data: Uint8Array, signature: Uint8Array): boolean;
}

/** ML-KEM-768 (FIPS 203): the post-quantum half of the hybrid groups X25519MLKEM768 and SecP256r1MLKEM768. */
export interface MlKem768 {
  /**
   * ML-KEM.KeyGen (FIPS 203 §7.1). A 64-byte `seed` (d || z) makes it deterministic
   * (ML-KEM.KeyGen_internal, §6.1) for test vectors; ProviderError when it is not 64 bytes.
   */
  generateKeyPair(seed?: Uint8Array): MlKemKeyPair;
  /**
   * ML-KEM.Encaps (FIPS 203 §7.2). ProviderError when the encapsulation key is not 1184 bytes or
   * fails the modulus check (a coefficient not reduced mod q). `randomness` (m, 32 bytes) makes it
   * deterministic (ML-KEM.Encaps_internal, §6.2) for test vectors.
   */
  encapsulate(encapsulationKey: Uint8Array, randomness?: Uint8Array): MlKemEncapsulation;
}

/** An ML-KEM-768 key pair: the encapsulation key to send and decapsulation with the secret half. */
export interface MlKemKeyPair {
  /** ek: 1184 bytes. */
  readonly encapsulationKey: Uint8Array;
  /**
   * ML-KEM.Decaps (FIPS 203 §7.3): the 32-byte shared secret. ProviderError when the ciphertext is
   * not 1088 bytes; any other bad ciphertext yields the implicit-rejection key, never an error.
   */
  decapsulate(ciphertext: Uint8Array): Uint8Array;
}

/** What encapsulation produces: the ciphertext to send and the shared secret. */
export interface MlKemEncapsulation {
  /** 1088 bytes. */
  readonly ciphertext: Uint8Array;
  /** 32 bytes. */
  readonly sharedSecret: Uint8Array;
}

/** The primitives the pure engine needs, so they can come from node:crypto or from the audited `@noble` libraries. */
export interface CryptoProvider {
  /** "node" or "noble". */
  readonly name: string;
  /** A running hash (the handshake transcript). */
  hash(name: HashName): Hash;
  /** The hash of `data` in one call. */
  digest(name: HashName, data: Uint8Array): Uint8Array;
  /** HMAC (RFC 2104) of `data` under `key`. */
  hmac(name: HashName, key: Uint8Array, data: Uint8Array): Uint8Array;
  /** HKDF-Extract (RFC 5869 §2.2). */
  hkdfExtract(name: HashName, salt: Uint8Array, ikm: Uint8Array): Uint8Array;
  /** HKDF-Expand (RFC 5869 §2.3). */
  hkdfExpand(name: HashName, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  /** An AEAD keyed for one direction of a record layer. */
  aead(name: AeadName, key: Uint8Array): Aead;
  /** A fresh key pair for a key-exchange group. */
  generateKeyShare(group: GroupName): KeyShare;
  /**
   * A key share from a known private key (raw 32-byte X25519 scalar, or the big-endian NIST scalar
   * of the field's length): replaying recorded traces (RFC 8448) and test vectors.
   */
  importKeyShare(group: GroupName, privateKey: Uint8Array): KeyShare;
  /** `length` bytes from a cryptographically secure generator. */
  randomBytes(length: number): Uint8Array;
  readonly mlkem768: MlKem768;
  /** PKCS#8 or traditional PEM (or PKCS#8 DER). Throws ProviderError for unsupported keys. */
  importPrivateKey(pemOrDer: string | Uint8Array): PrivateKey;
  /** DER SubjectPublicKeyInfo. Throws ProviderError for unsupported keys. */
  importPublicKey(spki: Uint8Array): PublicKey;
}

/** A provider-level failure: bad input to a primitive (invalid point, unsupported key, bad length). */
export class ProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderError';
  }
}
