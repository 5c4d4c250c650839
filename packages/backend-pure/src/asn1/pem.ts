import { Asn1Error } from './Asn1Error.js';

/** A PEM block: its label ("CERTIFICATE", "PRIVATE KEY", …) and the DER it wraps. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Every PEM block in `text` (RFC 7468), in order. Text between blocks is ignored. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const body = match[2]!.replace(/\s+/g, '');
    if (body.includes(':')) throw new Asn1Error(`PEM ${match[1]}: encrypted or with headers`);
    blocks.push({ label: match[1]!, der: decodeBase64(body, `PEM ${match[1]}`) });
  }
  return blocks;
}

function decodeBase64(body: string, what: string): Uint8Array {
  if (!BASE64.test(body) || body.length % 4 !== 0) throw new Asn1Error(`${what}: bad base64`);
  const binary = atob(body);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
