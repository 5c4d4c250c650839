import type { JsonWebKey } from 'node:crypto';
import { EC_FIELD_LENGTH } from '../keys/parsedKeys.js';
import { parseSpki } from '../keys/parseSpki.js';

const JWK_CURVE = { 'ec-p256': 'P-256', 'ec-p384': 'P-384' } as const;

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

function bigIntBase64url(n: bigint): string {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex').toString('base64url');
}

/**
 * The same key as a JWK (RFC 7517/7518/8037), for the key types JWK can say exactly: rsaEncryption,
 * a named-curve EC key with an uncompressed point, Ed25519. OpenSSL 3 imports a JWK several times
 * faster than it decodes SPKI DER. Undefined for anything else (RSASSA-PSS keys, compressed points,
 * malformed input): the caller takes the DER path, which keeps the error messages.
 */
export function spkiAsJwk(spki: Uint8Array): JsonWebKey | undefined {
  let parsed;
  try {
    parsed = parseSpki(spki);
  } catch {
    return undefined;
  }
  switch (parsed.type) {
    case 'rsa':
      return parsed.pssOnly ? undefined : { kty: 'RSA', n: bigIntBase64url(parsed.n), e: bigIntBase64url(parsed.e) };
    case 'ec': {
      const length = EC_FIELD_LENGTH[parsed.kind];
      const point = parsed.point;
      if (point.length !== 1 + 2 * length || point[0] !== 0x04) return undefined;
      return { kty: 'EC', crv: JWK_CURVE[parsed.kind], x: base64url(point.subarray(1, 1 + length)), y: base64url(point.subarray(1 + length)) };
    }
    case 'ed25519':
      return { kty: 'OKP', crv: 'Ed25519', x: base64url(parsed.key) };
  }
}
