import { Asn1Error, DerReader, contextTag, decodeInteger } from '../asn1/index.js';
import type { GeneralSubtree, NameConstraints } from './Certificate.js';
import { formName, parseGeneralName } from './generalNames.js';

/** Whether `mask` is some 1-bits followed only by 0-bits (RFC 4632 prefix form). */
function isPrefixMask(mask: Uint8Array): boolean {
  let seenZero = false;
  for (const byte of mask) {
    for (let bit = 7; bit >= 0; bit--) {
      const one = ((byte >> bit) & 1) === 1;
      if (one && seenZero) return false;
      if (!one) seenZero = true;
    }
  }
  return true;
}

/** One GeneralSubtree; anything tlsport cannot evaluate is kept as 'unsupported', to fail closed if it applies. */
function parseSubtree(reader: DerReader): GeneralSubtree {
  const fields = reader.sequence('GeneralSubtree');
  const base = parseGeneralName(fields.element());
  const minimum = fields.optional(contextTag(0, false));
  const maximum = fields.optional(contextTag(1, false));
  fields.end();
  // RFC 5280 §4.2.1.10: minimum MUST be zero and maximum MUST be absent.
  if ((minimum !== undefined && decodeInteger(minimum.value, 'minimum') !== 0n) || maximum !== undefined) {
    return { form: 'unsupported', why: 'a subtree with minimum or maximum' };
  }
  switch (base.form) {
    case 'dns':
    case 'email':
    case 'uri':
      return { form: base.form, value: base.value };
    case 'directory':
      return base;
    case 'ip': {
      // RFC 5280 §4.2.1.10: address then mask, 8 octets for IPv4 and 32 for IPv6.
      const half = base.bytes.length / 2;
      if (half !== 4 && half !== 16) return { form: 'unsupported', why: `an iPAddress subtree of ${base.bytes.length} octets` };
      const mask = base.bytes.subarray(half);
      if (!isPrefixMask(mask)) return { form: 'unsupported', why: 'an iPAddress subtree with a non-contiguous mask' };
      return { form: 'ip', address: base.bytes.subarray(0, half), mask };
    }
    case 'other':
      return { form: 'unsupported', why: `a ${formName(base.tag)} subtree` };
  }
}

function parseSubtrees(element: { value: Uint8Array } | undefined): GeneralSubtree[] | undefined {
  if (element === undefined) return undefined;
  const reader = new DerReader(element.value, 'GeneralSubtrees');
  if (reader.empty) throw new Asn1Error('nameConstraints: empty GeneralSubtrees');
  const subtrees: GeneralSubtree[] = [];
  while (!reader.empty) subtrees.push(parseSubtree(reader));
  return subtrees;
}

/** NameConstraints ::= SEQUENCE { permittedSubtrees [0], excludedSubtrees [1] } (RFC 5280 §4.2.1.10). */
export function parseNameConstraints(value: Uint8Array): NameConstraints {
  const outer = new DerReader(value, 'nameConstraints');
  const fields = outer.sequence('NameConstraints');
  outer.end();
  const permitted = parseSubtrees(fields.optional(contextTag(0, true)));
  const excluded = parseSubtrees(fields.optional(contextTag(1, true)));
  fields.end();
  // "Conforming CAs MUST NOT issue certificates where name constraints is an empty sequence."
  if (permitted === undefined && excluded === undefined) throw new Asn1Error('nameConstraints: empty');
  return { permitted, excluded: excluded ?? [] };
}
