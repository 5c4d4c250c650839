import { Asn1Error } from './Asn1Error.js';
import { Tag } from './tags.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/** The text of a directory string (RFC 5280 §4.1.2.4) or IA5String. */
export function decodeString(tag: number, value: Uint8Array, what: string): string {
  try {
    switch (tag) {
      case Tag.UTF8String:
        return utf8.decode(value);
      case Tag.PrintableString:
      case Tag.IA5String:
        if (value.some((b) => b > 0x7f)) throw new Asn1Error(`${what}: non-ASCII byte in an ASCII string`);
        return String.fromCharCode(...value);
      case Tag.TeletexString:
        return String.fromCharCode(...value);
      case Tag.BMPString:
        return utf16be.decode(value);
      case Tag.UniversalString: {
        if (value.length % 4 !== 0) throw new Asn1Error(`${what}: UniversalString length`);
        const points: number[] = [];
        for (let i = 0; i < value.length; i += 4) points.push(((value[i]! << 24) | (value[i + 1]! << 16) | (value[i + 2]! << 8) | value[i + 3]!) >>> 0);
        return String.fromCodePoint(...points);
      }
      default:
        throw new Asn1Error(`${what}: tag 0x${tag.toString(16)} is not a string`);
    }
  } catch (cause) {
    if (cause instanceof Asn1Error) throw cause;
    throw new Asn1Error(`${what}: undecodable string`);
  }
}
