import { DerReader, Tag, type DerElement } from '../asn1/index.js';
import { HASH_LENGTH, SignatureScheme, type HashName } from '../crypto/index.js';
import { Oid } from './oids.js';

/**
 * A certificate's signature algorithm: the TLS SignatureSchemes that compute it (RSASSA-PSS maps
 * to the rsae or the pss scheme, depending on the issuer's key), or why it cannot be checked.
 */
export type SignatureAlgorithm =
  | { readonly kind: 'supported'; readonly name: string; readonly schemes: readonly SignatureScheme[] }
  | { readonly kind: 'sha1'; readonly name: string }
  | { readonly kind: 'unsupported'; readonly name: string };

const SIMPLE: Readonly<Record<string, { name: string; scheme: SignatureScheme; params: 'absent' | 'null-or-absent' }>> = {
  [Oid.ecdsaWithSha256]: { name: 'ecdsa-with-SHA256', scheme: SignatureScheme.ecdsa_secp256r1_sha256, params: 'absent' },
  [Oid.ecdsaWithSha384]: { name: 'ecdsa-with-SHA384', scheme: SignatureScheme.ecdsa_secp384r1_sha384, params: 'absent' },
  [Oid.ecdsaWithSha512]: { name: 'ecdsa-with-SHA512', scheme: SignatureScheme.ecdsa_secp521r1_sha512, params: 'absent' },
  [Oid.sha256WithRSAEncryption]: { name: 'sha256WithRSAEncryption', scheme: SignatureScheme.rsa_pkcs1_sha256, params: 'null-or-absent' },
  [Oid.sha384WithRSAEncryption]: { name: 'sha384WithRSAEncryption', scheme: SignatureScheme.rsa_pkcs1_sha384, params: 'null-or-absent' },
  [Oid.sha512WithRSAEncryption]: { name: 'sha512WithRSAEncryption', scheme: SignatureScheme.rsa_pkcs1_sha512, params: 'null-or-absent' },
  [Oid.ed25519]: { name: 'Ed25519', scheme: SignatureScheme.ed25519, params: 'absent' },
};

const SHA1: Readonly<Record<string, string>> = {
  [Oid.sha1WithRSAEncryption]: 'sha1WithRSAEncryption',
  [Oid.ecdsaWithSha1]: 'ecdsa-with-SHA1',
};

const PSS_SCHEMES: Readonly<Record<HashName, readonly SignatureScheme[]>> = {
  sha256: [SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pss_pss_sha256],
  sha384: [SignatureScheme.rsa_pss_rsae_sha384, SignatureScheme.rsa_pss_pss_sha384],
  sha512: [SignatureScheme.rsa_pss_rsae_sha512, SignatureScheme.rsa_pss_pss_sha512],
};

const HASHES: Readonly<Record<string, HashName | 'sha1'>> = { [Oid.sha1]: 'sha1', [Oid.sha256]: 'sha256', [Oid.sha384]: 'sha384', [Oid.sha512]: 'sha512' };

/** AlgorithmIdentifier (RFC 5280 §4.1.1.2) -> SignatureAlgorithm. Throws Asn1Error when malformed. */
export function parseSignatureAlgorithm(element: DerElement): SignatureAlgorithm {
  const reader = new DerReader(element.value, 'signatureAlgorithm');
  const oid = reader.oid('algorithm');
  const simple = SIMPLE[oid];
  if (simple !== undefined) {
    // RFC 5758 §3.2 and RFC 8410 §3: absent; RFC 4055 §5: NULL (absent tolerated, as OpenSSL does).
    if (simple.params === 'null-or-absent' && !reader.empty) reader.null('parameters');
    reader.end();
    return { kind: 'supported', name: simple.name, schemes: [simple.scheme] };
  }
  const sha1 = SHA1[oid];
  if (sha1 !== undefined) return { kind: 'sha1', name: sha1 };
  if (oid === Oid.rsassaPss) return parsePssParameters(reader);
  return { kind: 'unsupported', name: oid };
}

/**
 * RSASSA-PSS-params (RFC 4055 §3.1). Usable only with SHA-2, MGF1 over the same hash, salt as long
 * as the digest and the 0xBC trailer: what TLS's rsa_pss_* schemes mean (RFC 8446 §4.2.3).
 */
function parsePssParameters(reader: DerReader): SignatureAlgorithm {
  const params = reader.sequence('RSASSA-PSS-params');
  reader.end();
  const hashReader = params.explicit(0, 'hashAlgorithm');
  const hash = hashReader === undefined ? 'sha1' : hashAlgorithm(hashReader);
  const mgfReader = params.explicit(1, 'maskGenAlgorithm');
  let mgfHash: HashName | 'sha1' | undefined = 'sha1';
  if (mgfReader !== undefined) {
    const mgf = mgfReader.sequence('maskGenAlgorithm');
    mgfReader.end();
    mgfHash = mgf.oid('algorithm') === Oid.mgf1 ? hashAlgorithm(mgf) : undefined;
  }
  const saltReader = params.explicit(2, 'saltLength');
  const saltLength = saltReader === undefined ? 20 : saltReader.smallInteger('saltLength');
  saltReader?.end();
  const trailerReader = params.explicit(3, 'trailerField');
  const trailer = trailerReader === undefined ? 1 : trailerReader.smallInteger('trailerField');
  trailerReader?.end();
  params.end();
  if (hash === 'sha1') return { kind: 'sha1', name: 'RSASSA-PSS with SHA-1' };
  if (hash === undefined || mgfHash !== hash || saltLength !== HASH_LENGTH[hash] || trailer !== 1) {
    return { kind: 'unsupported', name: 'RSASSA-PSS with unusual parameters' };
  }
  return { kind: 'supported', name: `RSASSA-PSS with ${hash}`, schemes: PSS_SCHEMES[hash] };
}

/** A hash AlgorithmIdentifier inside `outer` (parameters NULL or absent); undefined when not SHA-1/SHA-2. */
function hashAlgorithm(outer: DerReader): HashName | 'sha1' | undefined {
  const algorithm = outer.sequence('hashAlgorithm');
  outer.end();
  const oid = algorithm.oid('algorithm');
  if (algorithm.peekTag() === Tag.NULL) algorithm.null('parameters');
  algorithm.end();
  return HASHES[oid];
}
