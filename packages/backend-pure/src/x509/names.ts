import { Asn1Error, DerReader, Tag, decodeString, type DerElement } from '../asn1/index.js';
import { toHex } from './hex.js';
import type { DistinguishedName } from './Certificate.js';
import { ATTRIBUTE_NAMES, Oid } from './oids.js';

const STRING_TAGS: ReadonlySet<number> = new Set([
  Tag.UTF8String, Tag.PrintableString, Tag.TeletexString, Tag.IA5String, Tag.BMPString, Tag.UniversalString,
]);

/** Characters RFC 4514 §2.4 escapes with a backslash. */
const SPECIAL = /[,+"\\<>;]/g;

/**
 * Name (RFC 5280 §4.1.2.4): the exact DER for matching issuers to subjects, and the RFC 4514
 * string (most specific RDN first) for people. Throws Asn1Error when malformed.
 */
export function parseName(element: DerElement): DistinguishedName {
  const rdns = new DerReader(element.value, 'Name');
  const parts: string[] = [];
  const rdnKeys: string[] = [];
  const emails: string[] = [];
  let commonName: string | undefined;
  while (!rdns.empty) {
    const set = rdns.expect(Tag.SET, 'RelativeDistinguishedName');
    const attributes = new DerReader(set.value, 'RelativeDistinguishedName');
    if (attributes.empty) throw new Asn1Error('Name: empty RelativeDistinguishedName');
    const values: string[] = [];
    const keys: string[] = [];
    while (!attributes.empty) {
      const attribute = attributes.sequence('AttributeTypeAndValue');
      const type = attribute.oid('type');
      const value = attribute.element();
      attribute.end();
      const text = STRING_TAGS.has(value.tag) ? decodeString(value.tag, value.value, 'attribute value') : undefined;
      if (type === Oid.commonName && text !== undefined) commonName = text;
      if (type === Oid.emailAddress && text !== undefined) emails.push(text);
      keys.push(`${type}=${text === undefined ? `#${toHex(value.encoded)}` : comparable(text)}`);
      const rendered = text === undefined ? `#${toHex(value.encoded)}` : text.replace(SPECIAL, (c) => `\\${c}`);
      values.push(`${ATTRIBUTE_NAMES[type] ?? type}=${rendered}`);
    }
    parts.unshift(values.join('+'));
    rdnKeys.push(keys.sort().join('+'));
  }
  return { der: element.encoded, text: parts.join(','), commonName, rdns: rdnKeys, emails };
}

/**
 * An attribute value as name comparison sees it (RFC 5280 §7.1, a simplified RFC 4518): case
 * folded, surrounding space dropped and inner runs of space collapsed, whatever the string type.
 */
function comparable(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
