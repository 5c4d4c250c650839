/** Algorithm identifiers in keys (RFC 8017 App. C, RFC 5480 §2.1.1, RFC 8410 §3). */
export const KeyOid = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
  ed25519: '1.3.101.112',
} as const;
