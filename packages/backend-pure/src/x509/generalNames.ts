import { Asn1Error, DerReader, Tag, contextTag, decodeString, type DerElement } from '../asn1/index.js';
import type { DistinguishedName } from './Certificate.js';
import { parseName } from './names.js';

/**
 * One GeneralName (RFC 5280 §4.2.1.6) in the forms name constraints evaluate; the other forms
 * (otherName, x400Address, ediPartyName, registeredID) keep only their tag number.
 */
export type GeneralName =
  | { readonly form: 'dns'; readonly value: string }
  | { readonly form: 'ip'; readonly bytes: Uint8Array }
  | { readonly form: 'email'; readonly value: string }
  | { readonly form: 'uri'; readonly value: string }
  | { readonly form: 'directory'; readonly name: DistinguishedName }
  | { readonly form: 'other'; readonly tag: number };

const FORM_NAMES: Readonly<Record<number, string>> = { 0: 'otherName', 3: 'x400Address', 5: 'ediPartyName', 8: 'registeredID' };

/** The readable name of a GeneralName form (for faults about forms tlsport does not evaluate). */
export function formName(tag: number): string {
  return FORM_NAMES[tag] ?? `[${tag}]`;
}

/** GeneralName ::= CHOICE { … } (RFC 5280 §4.2.1.6). Throws Asn1Error when malformed. */
export function parseGeneralName(element: DerElement): GeneralName {
  switch (element.tag) {
    case contextTag(1, false):
      return { form: 'email', value: decodeString(Tag.IA5String, element.value, 'rfc822Name') };
    case contextTag(2, false):
      return { form: 'dns', value: decodeString(Tag.IA5String, element.value, 'dNSName') };
    case contextTag(6, false):
      return { form: 'uri', value: decodeString(Tag.IA5String, element.value, 'uniformResourceIdentifier') };
    case contextTag(7, false):
      return { form: 'ip', bytes: element.value };
    case contextTag(4, true):
      // directoryName is [4] EXPLICIT Name (the module uses explicit tagging for CHOICE types).
      return { form: 'directory', name: parseName(DerReader.single(element.value, 'directoryName')) };
    default: {
      const tag = element.tag & 0x1f;
      if ((element.tag & 0xc0) !== 0x80 || tag > 8) throw new Asn1Error(`GeneralName: unknown tag 0x${element.tag.toString(16)}`);
      return { form: 'other', tag };
    }
  }
}
