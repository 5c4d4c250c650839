import { Asn1Error, DerReader, Tag, contextTag, type DerElement } from '../asn1/index.js';
import type { BasicConstraints, KeyUsageBit, NameConstraints, SubjectAltName } from './Certificate.js';
import { badCertificate } from './certificateError.js';
import { parseGeneralName, type GeneralName } from './generalNames.js';
import { parseNameConstraints } from './nameConstraintsExtension.js';
import { Oid } from './oids.js';

export interface ParsedExtensions {
  basicConstraints?: BasicConstraints;
  keyUsage?: ReadonlySet<KeyUsageBit>;
  extKeyUsage?: readonly string[];
  subjectAltName?: SubjectAltName;
  nameConstraints?: NameConstraints;
  subjectKeyId?: Uint8Array;
  authorityKeyId?: Uint8Array;
}

/** RFC 5280 §4.2.1.3, in bit order. */
const KEY_USAGE_BITS: readonly KeyUsageBit[] = [
  'digitalSignature', 'contentCommitment', 'keyEncipherment', 'dataEncipherment',
  'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly',
];

type ExtensionParser = (value: Uint8Array, into: ParsedExtensions) => void;

/** The extensions tlsport understands; any other extension marked critical rejects the certificate (RFC 5280 §4.2). */
const PARSERS: Readonly<Record<string, ExtensionParser>> = {
  [Oid.basicConstraints]: (value, into) => {
    const outer = new DerReader(value, 'basicConstraints');
    const fields = outer.sequence('BasicConstraints');
    outer.end();
    // DER omits the default FALSE (X.690 §11.5), so an encoded cA is TRUE.
    const ca = fields.peekTag() === Tag.BOOLEAN ? fields.boolean('cA') : false;
    const pathLen = fields.empty ? undefined : fields.smallInteger('pathLenConstraint');
    fields.end();
    into.basicConstraints = { ca, pathLen };
  },
  [Oid.keyUsage]: (value, into) => {
    const reader = new DerReader(value, 'keyUsage');
    const { bytes } = reader.bitString('KeyUsage');
    reader.end();
    const usages = new Set<KeyUsageBit>();
    KEY_USAGE_BITS.forEach((name, i) => {
      if (((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1) usages.add(name);
    });
    into.keyUsage = usages;
  },
  [Oid.extKeyUsage]: (value, into) => {
    const outer = new DerReader(value, 'extKeyUsage');
    const purposes = outer.sequence('ExtKeyUsageSyntax');
    outer.end();
    const oids: string[] = [];
    while (!purposes.empty) oids.push(purposes.oid('KeyPurposeId'));
    if (oids.length === 0) throw new Asn1Error('extKeyUsage: empty');
    into.extKeyUsage = oids;
  },
  [Oid.subjectAltName]: (value, into) => {
    const outer = new DerReader(value, 'subjectAltName');
    const list = outer.sequence('GeneralNames');
    outer.end();
    if (list.empty) throw new Asn1Error('subjectAltName: empty');
    const names: GeneralName[] = [];
    while (!list.empty) {
      const name = parseGeneralName(list.element());
      if (name.form === 'ip' && name.bytes.length !== 4 && name.bytes.length !== 16) throw new Asn1Error('iPAddress: not 4 or 16 bytes');
      names.push(name);
    }
    const dnsNames = names.flatMap((n) => (n.form === 'dns' ? [n.value] : []));
    const ipAddresses = names.flatMap((n) => (n.form === 'ip' ? [n.bytes] : []));
    into.subjectAltName = { dnsNames, ipAddresses, names };
  },
  // Parsed whether critical or not: a CA's constraints bind every certificate below it (RFC 5280 §4.2.1.10).
  [Oid.nameConstraints]: (value, into) => {
    into.nameConstraints = parseNameConstraints(value);
  },
  [Oid.subjectKeyIdentifier]: (value, into) => {
    const reader = new DerReader(value, 'subjectKeyIdentifier');
    into.subjectKeyId = reader.octetString('KeyIdentifier');
    reader.end();
  },
  [Oid.authorityKeyIdentifier]: (value, into) => {
    const outer = new DerReader(value, 'authorityKeyIdentifier');
    const fields = outer.sequence('AuthorityKeyIdentifier');
    outer.end();
    const keyId = fields.optional(contextTag(0, false));
    if (keyId !== undefined) into.authorityKeyId = keyId.value;
  },
};

/** Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension (RFC 5280 §4.1). */
export function parseExtensions(element: DerElement): ParsedExtensions {
  const outer = new DerReader(element.value, 'extensions');
  const list = outer.sequence('Extensions');
  outer.end();
  if (list.empty) throw new Asn1Error('extensions: empty');
  const seen = new Set<string>();
  const parsed: ParsedExtensions = {};
  while (!list.empty) {
    const extension = list.sequence('Extension');
    const oid = extension.oid('extnID');
    const critical = extension.peekTag() === Tag.BOOLEAN ? extension.boolean('critical') : false;
    const value = extension.octetString('extnValue');
    extension.end();
    if (seen.has(oid)) throw badCertificate(`certificate: extension ${oid} appears twice`);
    seen.add(oid);
    const parse = PARSERS[oid];
    if (parse !== undefined) {
      parse(value, parsed);
    } else if (critical) {
      throw badCertificate(`certificate: unsupported critical extension ${oid}`);
    }
  }
  return parsed;
}
