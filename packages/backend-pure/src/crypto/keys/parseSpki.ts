import { DerReader, Tag } from '../../asn1/index.js';
import { ProviderError } from '../provider.js';
import { bytesToBigInt } from './bigint.js';
import { ecKindOfCurve } from './curveOid.js';
import { KeyOid } from './oids.js';
import { parsingKey } from './asn1Boundary.js';
import type { ParsedPublicKey } from './parsedKeys.js';

/** SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) for the key types tlsport uses. */
export function parseSpki(spki: Uint8Array): ParsedPublicKey {
  return parsingKey('SubjectPublicKeyInfo', () => {
    const outer = new DerReader(spki, 'SubjectPublicKeyInfo');
    const info = outer.sequence('SubjectPublicKeyInfo');
    outer.end();
    const algorithm = info.sequence('algorithm');
    const oid = algorithm.oid('algorithm');
    const key = info.bitString('subjectPublicKey');
    info.end();
    if (key.unusedBits !== 0) throw new ProviderError('SubjectPublicKeyInfo: key is not whole bytes');
    switch (oid) {
      case KeyOid.rsaEncryption:
      case KeyOid.rsassaPss: {
        // rsaEncryption carries NULL parameters; RSASSA-PSS may carry restrictions, not enforced here.
        if (oid === KeyOid.rsaEncryption && !algorithm.empty) algorithm.null('parameters');
        const rsa = new DerReader(key.bytes, 'RSAPublicKey');
        const fields = rsa.sequence('RSAPublicKey');
        rsa.end();
        const n = bytesToBigInt(fields.unsigned('modulus'));
        const e = bytesToBigInt(fields.unsigned('publicExponent'));
        fields.end();
        return { type: 'rsa', n, e, pssOnly: oid === KeyOid.rsassaPss };
      }
      case KeyOid.ecPublicKey: {
        if (algorithm.peekTag() !== Tag.OID) throw new ProviderError('EC key without a named curve');
        const kind = ecKindOfCurve(algorithm.oid('namedCurve'));
        algorithm.end();
        return { type: 'ec', kind, point: key.bytes };
      }
      case KeyOid.ed25519:
        algorithm.end();
        if (key.bytes.length !== 32) throw new ProviderError('Ed25519 public key is not 32 bytes');
        return { type: 'ed25519', key: key.bytes };
      default:
        throw new ProviderError(`unsupported public key algorithm ${oid}`);
    }
  });
}
