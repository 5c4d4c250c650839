import { Reader } from '../codec/Reader.js';
import { Writer } from '../codec/Writer.js';
import { decodeError, illegalParameter } from '../codec/errors.js';
import { HandshakeType } from './types.js';
import { frameHandshake, type HandshakeMessage } from './message.js';

/** ECCurveType named_curve, the only one RFC 8422 §5.4 leaves. */
export const NAMED_CURVE = 3;

/** ECDHE ServerKeyExchange (RFC 8422 §5.4; signature as in RFC 5246 §7.4.1.4.1). */
export interface ServerKeyExchange {
  readonly group: number;
  readonly publicKey: Uint8Array;
  /** The exact ServerECDHParams bytes: the signature covers them. */
  readonly params: Uint8Array;
  readonly scheme: number;
  readonly signature: Uint8Array;
}

/** ServerECDHParams: curve_type, named_curve, ECPoint public. */
export function serializeEcdhParams(group: number, publicKey: Uint8Array): Uint8Array {
  return new Writer().u8(NAMED_CURVE).u16(group).bytes8(publicKey).finish();
}

export function parseServerKeyExchange(body: Uint8Array): ServerKeyExchange {
  const r = new Reader(body, 'ServerKeyExchange');
  const curveType = r.u8();
  if (curveType !== NAMED_CURVE) throw illegalParameter(`ServerKeyExchange: curve type ${curveType} is not named_curve`);
  const group = r.u16();
  const publicKey = r.bytes8();
  if (publicKey.length === 0) throw decodeError('ServerKeyExchange: empty public key');
  const params = body.subarray(0, r.offset);
  const scheme = r.u16();
  const signature = r.bytes16();
  r.expectEnd();
  return { group, publicKey, params, scheme, signature };
}

export function serializeServerKeyExchange(params: Uint8Array, scheme: number, signature: Uint8Array): HandshakeMessage {
  return frameHandshake(HandshakeType.server_key_exchange, new Writer().bytes(params).u16(scheme).bytes16(signature).finish());
}
