import { DerReader, Tag, pemBlocks } from '../../asn1/index.js';
import { ProviderError } from '../provider.js';
import { bytesToBigInt } from './bigint.js';
import { ecKindOfCurve } from './curveOid.js';
import { KeyOid } from './oids.js';
import { parsingKey } from './asn1Boundary.js';
import { EC_FIELD_LENGTH, type EcKind, type ParsedPrivateKey } from './parsedKeys.js';

/** A private key from PEM (PKCS#8, PKCS#1 "RSA PRIVATE KEY", SEC1 "EC PRIVATE KEY") or PKCS#8 DER. */
export function parsePrivateKey(pemOrDer: string | Uint8Array): ParsedPrivateKey {
  return parsingKey('private key', () => {
    if (typeof pemOrDer !== 'string') return parsePkcs8(pemOrDer);
    const block = pemBlocks(pemOrDer).find((b) => b.label.endsWith('PRIVATE KEY'));
    if (block === undefined) throw new ProviderError('no PEM private key block');
    switch (block.label) {
      case 'PRIVATE KEY':
        return parsePkcs8(block.der);
      case 'RSA PRIVATE KEY':
        return parseRsaPrivateKey(block.der, false);
      case 'EC PRIVATE KEY':
        return parseEcPrivateKey(block.der, undefined);
      default:
        throw new ProviderError(`unsupported PEM block "${block.label}" (encrypted keys are not supported)`);
    }
  });
}

/** PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5958 §2). */
function parsePkcs8(der: Uint8Array): ParsedPrivateKey {
  const outer = new DerReader(der, 'PrivateKeyInfo');
  const info = outer.sequence('PrivateKeyInfo');
  outer.end();
  const version = info.smallInteger('version');
  if (version > 1) throw new ProviderError(`PrivateKeyInfo version ${version}`);
  const algorithm = info.sequence('privateKeyAlgorithm');
  const oid = algorithm.oid('algorithm');
  const privateKey = info.octetString('privateKey');
  // Optional attributes [0] and (v2) publicKey [1] follow; nothing in them is needed.
  switch (oid) {
    case KeyOid.rsaEncryption:
    case KeyOid.rsassaPss:
      return parseRsaPrivateKey(privateKey, oid === KeyOid.rsassaPss);
    case KeyOid.ecPublicKey: {
      const kind = ecKindOfCurve(algorithm.oid('namedCurve'));
      algorithm.end();
      return parseEcPrivateKey(privateKey, kind);
    }
    case KeyOid.ed25519: {
      algorithm.end();
      const seed = DerReader.single(privateKey, 'CurvePrivateKey');
      if (seed.tag !== Tag.OCTET_STRING || seed.value.length !== 32) throw new ProviderError('Ed25519 private key is not a 32-byte OCTET STRING');
      return { type: 'ed25519', seed: seed.value };
    }
    default:
      throw new ProviderError(`unsupported private key algorithm ${oid}`);
  }
}

/** RSAPrivateKey (RFC 8017 App. A.1.2), two-prime only. */
function parseRsaPrivateKey(der: Uint8Array, pssOnly: boolean): ParsedPrivateKey {
  const outer = new DerReader(der, 'RSAPrivateKey');
  const key = outer.sequence('RSAPrivateKey');
  outer.end();
  if (key.smallInteger('version') !== 0) throw new ProviderError('multi-prime RSA keys are not supported');
  const [n, e, d, p, q, dp, dq, qInv] = ['modulus', 'publicExponent', 'privateExponent', 'prime1', 'prime2', 'exponent1', 'exponent2', 'coefficient']
    .map((what) => bytesToBigInt(key.unsigned(what))) as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
  key.end();
  if (p * q !== n || n === 0n) throw new ProviderError('RSAPrivateKey: primes do not match the modulus');
  return { type: 'rsa', pssOnly, n, e, d, p, q, dp, dq, qInv };
}

/** ECPrivateKey (RFC 5915 §3); the curve comes from PKCS#8 or the key's own [0] parameters. */
function parseEcPrivateKey(der: Uint8Array, outerKind: EcKind | undefined): ParsedPrivateKey {
  const outer = new DerReader(der, 'ECPrivateKey');
  const key = outer.sequence('ECPrivateKey');
  outer.end();
  if (key.smallInteger('version') !== 1) throw new ProviderError('ECPrivateKey version is not 1');
  const scalar = key.octetString('privateKey');
  const parameters = key.explicit(0, 'parameters');
  const innerKind = parameters === undefined ? undefined : ecKindOfCurve(parameters.oid('namedCurve'));
  const kind = outerKind ?? innerKind;
  if (kind === undefined) throw new ProviderError('ECPrivateKey without a named curve');
  if (innerKind !== undefined && innerKind !== kind) throw new ProviderError('ECPrivateKey curve disagrees with PKCS#8');
  const length = EC_FIELD_LENGTH[kind];
  if (scalar.length > length) throw new ProviderError('ECPrivateKey scalar too long');
  const padded = new Uint8Array(length);
  padded.set(scalar, length - scalar.length);
  return { type: 'ec', kind, scalar: padded };
}
