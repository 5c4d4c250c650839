import { constants, createPrivateKey, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { ProviderError, SignatureScheme, signatureSchemeInfo, type AeadName, type HashName } from '../../src/crypto/index.js';
import { parseSpki } from '../../src/crypto/keys/parseSpki.js';
import { hexField, numberField, type WycheproofCase } from './wycheproof.js';
import { REJECTED, accepted, eachCase, equal, type Runner } from './wycheproofJudge.js';
import { MLKEM_RUNNERS } from './mlkemRunners.js';

/**
 * AEAD: TLS only uses 96-bit nonces, 128-bit tags, and 128/256-bit keys (RFC 8446 §5.3, §B.4),
 * which is all the Aead interface can express. Other groups (AES-192, nonces of 0..1024 bits,
 * ChaCha20 nonces other than 96 bits) are filtered.
 */
function aeadRunner(nameForKeySize: Readonly<Record<number, AeadName>>, minimumRun: number): Runner {
  return {
    minimumRun,
    run(provider, file, tally) {
      eachCase(file, (group, c) => {
        const name = nameForKeySize[numberField(group, 'keySize')];
        const expressible = name !== undefined && numberField(group, 'ivSize') === 96 && numberField(group, 'tagSize') === 128;
        if (!expressible) {
          tally.filtered++;
          return;
        }
        const [key, iv, aad, msg] = ['key', 'iv', 'aad', 'msg'].map((f) => hexField(c, f)) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
        const sealed = Buffer.concat([hexField(c, 'ct'), hexField(c, 'tag')]);
        tally.judge(c, () => {
          const aead = provider.aead(name, key);
          const opened = aead.open(iv, sealed, aad);
          return opened === null ? REJECTED : accepted(equal(opened, msg) && equal(aead.seal(iv, msg, aad), sealed));
        });
      });
    },
  };
}

/** A scalar as Wycheproof writes it (big-endian, maybe with a sign byte) at the field's length. */
function fixedScalar(bytes: Uint8Array, length: number): Uint8Array {
  let start = 0;
  while (start < bytes.length - length && bytes[start] === 0) start++;
  const out = new Uint8Array(length);
  out.set(bytes.subarray(start), length - (bytes.length - start));
  return out;
}

const isCompressedPoint = (point: Uint8Array): boolean => point[0] === 0x02 || point[0] === 0x03;

/**
 * ECDH P-256. `encoding` says how the peer key is given: a raw point, or SubjectPublicKeyInfo,
 * read with tlsport's own SPKI parser (wrong curves and explicit parameters are rejected there).
 * TLS key_share carries uncompressed points only (RFC 8446 §4.2.8.2), so the provider rejects
 * compressed points by design: such cases are filtered unless they are `invalid` anyway.
 */
function ecdhRunner(encoding: 'ecpoint' | 'spki', minimumRun: number): Runner {
  return {
    minimumRun,
    run(provider, file, tally) {
      eachCase(file, (_group, c) => {
        const publicField = hexField(c, 'public');
        let point: Uint8Array | undefined = publicField;
        if (encoding === 'spki') {
          try {
            const parsed = parseSpki(publicField);
            point = parsed.type === 'ec' && parsed.kind === 'ec-p256' ? parsed.point : undefined;
          } catch (cause) {
            if (!(cause instanceof ProviderError)) throw cause;
            point = undefined;
          }
        }
        if (point !== undefined && isCompressedPoint(point) && c.result !== 'invalid') {
          tally.filtered++;
          return;
        }
        tally.judge(c, () => {
          if (point === undefined) return REJECTED;
          const share = provider.importKeyShare('secp256r1', fixedScalar(hexField(c, 'private'), 32));
          return accepted(equal(share.agree(point), hexField(c, 'shared')));
        });
      });
    },
  };
}

const x25519Runner: Runner = {
  minimumRun: 500,
  run(provider, file, tally) {
    eachCase(file, (_group, c) => {
      tally.judge(c, () => {
        const share = provider.importKeyShare('x25519', hexField(c, 'private'));
        return accepted(equal(share.agree(hexField(c, 'public')), hexField(c, 'shared')));
      });
    });
  },
};

/** IEEE P1363 r||s -> the DER ECDSA-Sig-Value TLS carries; undefined when the length is wrong. */
function p1363ToDer(signature: Uint8Array, coordinateLength: number): Uint8Array | undefined {
  if (signature.length !== 2 * coordinateLength) return undefined;
  const integer = (magnitude: Uint8Array): number[] => {
    let start = 0;
    while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
    const body = [...magnitude.subarray(start)];
    if (body[0]! & 0x80) body.unshift(0);
    return [0x02, body.length, ...body];
  };
  const content = [...integer(signature.subarray(0, coordinateLength)), ...integer(signature.subarray(coordinateLength))];
  return Uint8Array.from([0x30, content.length, ...content]);
}

/** Signature verification with the group's DER public key; a key the provider refuses rejects its cases. */
function signatureRunner(scheme: SignatureScheme, minimumRun: number, p1363CoordinateLength?: number): Runner {
  return {
    minimumRun,
    run(provider, file, tally) {
      for (const group of file.testGroups) {
        const spki = hexField(group, 'publicKeyDer');
        for (const c of group.tests) {
          tally.judge(c, () => {
            const key = provider.importPublicKey(spki);
            const raw = hexField(c, 'sig');
            const signature = p1363CoordinateLength === undefined ? raw : p1363ToDer(raw, p1363CoordinateLength);
            return signature !== undefined && key.verify(scheme, hexField(c, 'msg'), signature) ? accepted(true) : REJECTED;
          });
        }
      }
    },
  };
}

function hkdfRunner(hash: HashName): Runner {
  return {
    minimumRun: 80,
    run(provider, file, tally) {
      eachCase(file, (_group, c) => {
        tally.judge(c, () => {
          const prk = provider.hkdfExtract(hash, hexField(c, 'salt'), hexField(c, 'ikm'));
          return accepted(equal(provider.hkdfExpand(hash, prk, hexField(c, 'info'), numberField(c, 'size')), hexField(c, 'okm')));
        });
      });
    },
  };
}

/** HMAC: groups with truncated tags compare the leading tagSize bits, as Wycheproof defines them. */
function hmacRunner(hash: HashName): Runner {
  return {
    minimumRun: 170,
    run(provider, file, tally) {
      eachCase(file, (group, c) => {
        tally.judge(c, () => {
          const tag = provider.hmac(hash, hexField(c, 'key'), hexField(c, 'msg')).subarray(0, numberField(group, 'tagSize') / 8);
          return equal(tag, hexField(c, 'tag')) ? accepted(true) : REJECTED;
        });
      });
    },
  };
}

const RSA_SCHEMES = [
  SignatureScheme.rsa_pkcs1_sha256, SignatureScheme.rsa_pkcs1_sha384, SignatureScheme.rsa_pkcs1_sha512,
  SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pss_rsae_sha384, SignatureScheme.rsa_pss_rsae_sha512,
];

/**
 * RSAES-PKCS1-v1_5 decryption: no TLS 1.3 or ECDHE TLS 1.2 exchange decrypts with RSA, so the
 * provider has no such operation and every decryption case is filtered. The file's private keys
 * still serve: each distinct key is imported and signs with every RSA scheme, and node:crypto's
 * own verify (independent of the provider) must accept each signature. Counted per key x scheme.
 */
const rsaKeyRunner: Runner = {
  minimumRun: 30 * RSA_SCHEMES.length,
  run(provider, file, tally) {
    const keys = new Set<string>();
    for (const group of file.testGroups) {
      tally.filtered += group.tests.length;
      keys.add(String(group['privateKeyPem']));
    }
    for (const pem of keys) {
      const privateKey = provider.importPrivateKey(pem);
      const publicKey = createPublicKey(createPrivateKey(pem));
      for (const scheme of RSA_SCHEMES) {
        const info = signatureSchemeInfo(scheme)!;
        const data = Buffer.from(`tlsport ${scheme}`);
        const synthetic: WycheproofCase = { tcId: scheme, comment: `sign with 0x${scheme.toString(16)}`, flags: [], result: 'valid' };
        tally.judge(synthetic, () => {
          const signature = privateKey.sign(scheme, data);
          const options = info.family === 'rsa-pss-rsae' ? { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : publicKey;
          return accepted(privateKey.rsaBits === 2048 && nodeVerify(info.hash!, data, options, signature));
        });
      }
    }
  },
};

/** Every file in the vectors directory, and how to run it. A new file without a runner fails the suite. */
export const RUNNERS: Readonly<Record<string, Runner>> = {
  'aes_gcm_test.json': aeadRunner({ 128: 'aes-128-gcm', 256: 'aes-256-gcm' }, 130),
  'chacha20_poly1305_test.json': aeadRunner({ 256: 'chacha20-poly1305' }, 310),
  'x25519_test.json': x25519Runner,
  'ecdh_secp256r1_ecpoint_test.json': ecdhRunner('ecpoint', 350),
  'ecdh_secp256r1_test.json': ecdhRunner('spki', 600),
  'ecdsa_secp256r1_sha256_test.json': signatureRunner(SignatureScheme.ecdsa_secp256r1_sha256, 480),
  'ecdsa_secp256r1_sha256_p1363_test.json': signatureRunner(SignatureScheme.ecdsa_secp256r1_sha256, 260, 32),
  'ecdsa_secp384r1_sha384_test.json': signatureRunner(SignatureScheme.ecdsa_secp384r1_sha384, 500),
  'hkdf_sha256_test.json': hkdfRunner('sha256'),
  'hkdf_sha384_test.json': hkdfRunner('sha384'),
  'hmac_sha256_test.json': hmacRunner('sha256'),
  'hmac_sha384_test.json': hmacRunner('sha384'),
  'rsa_signature_2048_sha256_test.json': signatureRunner(SignatureScheme.rsa_pkcs1_sha256, 255),
  'rsa_pss_2048_sha256_mgf1_32_test.json': signatureRunner(SignatureScheme.rsa_pss_rsae_sha256, 105),
  'rsa_pkcs1_2048_test.json': rsaKeyRunner,
  ...MLKEM_RUNNERS,
};
