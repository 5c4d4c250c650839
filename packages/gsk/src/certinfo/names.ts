import { bmpText, DerCursor, TAG, type Der } from '@tlsport/core';

const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.17': 'PostalCode',
  '1.2.840.113549.1.9.1': 'E',
};

/** One distinguished name: its DER, its attributes by short name (first value wins), and RFC 4514 text. */
export interface DistinguishedName {
  readonly der: Uint8Array;
  readonly fields: ReadonlyMap<string, string>;
  readonly printable: string;
}

function text(value: Der): string {
  if (value.tag === TAG.BMP) return bmpText(value.value);
  return Buffer.from(value.value).toString(value.tag === TAG.UTF8 ? 'utf8' : 'latin1');
}

function escape(value: string): string {
  return value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`);
}

/** Reads an X.501 Name (SEQUENCE OF RDN); printable text lists the RDNs most specific first, as RFC 4514 does. */
export function readName(name: Der): DistinguishedName {
  const fields = new Map<string, string>();
  const parts: string[] = [];
  const rdns = new DerCursor(name.value);
  while (!rdns.done) {
    const set = rdns.enter(TAG.SET);
    const rdn: string[] = [];
    while (!set.done) {
      const atv = set.enter();
      const oid = atv.oid();
      const value = text(atv.next());
      const short = ATTRIBUTE_NAMES[oid] ?? oid;
      if (!fields.has(short)) fields.set(short, value);
      rdn.push(`${short}=${escape(value)}`);
    }
    parts.unshift(rdn.join('+'));
  }
  return { der: name.encoded, fields, printable: parts.join(',') };
}
