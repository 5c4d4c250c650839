import { TlsError } from '@tlsport/core/spi';
import { Asn1Error, DerReader, Tag } from '../asn1/index.js';
import type { Certificate } from './Certificate.js';
import { toHex } from './hex.js';
import { parseCertificate } from './parseCertificate.js';
import type { TrustStore } from './TrustStore.js';

/** Parsed certificates by DER, most recently used last: peers send the same intermediates on every handshake. */
const parsedByDer = new Map<string, Certificate>();
const PARSE_CACHE_SIZE = 256;

/** parseCertificate through the cache; a certificate that does not parse is not kept and throws each time. */
export function parseCached(der: Uint8Array): Certificate {
  const key = toHex(der);
  const hit = parsedByDer.get(key);
  if (hit !== undefined) {
    parsedByDer.delete(key);
    parsedByDer.set(key, hit);
    return hit;
  }
  const certificate = parseCertificate(der);
  parsedByDer.set(key, certificate);
  if (parsedByDer.size > PARSE_CACHE_SIZE) parsedByDer.delete(parsedByDer.keys().next().value!);
  return certificate;
}

/** The subject Name's DER (hex), read without parsing the rest; undefined when even that is malformed. */
function peekSubject(der: Uint8Array): string | undefined {
  try {
    const certificate = new DerReader(der, 'Certificate').sequence('Certificate');
    const tbs = certificate.sequence('tbsCertificate');
    tbs.explicit(0, 'version');
    // serialNumber, signature, issuer, validity (RFC 5280 §4.1), then the subject.
    for (let i = 0; i < 4; i++) tbs.element();
    return toHex(tbs.expect(Tag.SEQUENCE, 'subject').encoded);
  } catch (error) {
    if (error instanceof Asn1Error) return undefined;
    throw error;
  }
}

/** An issuer candidate: a usable certificate (an anchor or one the peer sent), or why one the peer sent is unusable. */
export type Candidate =
  | { readonly certificate: Certificate; readonly anchor: boolean }
  | { readonly unusable: TlsError };

interface Sent {
  readonly der: Uint8Array;
  readonly subject: string | undefined;
  parsed?: Certificate | TlsError;
}

/**
 * The certificates a peer sent, beside the trust anchors, looked up by subject name. A sent
 * certificate is parsed only when its subject names the issuer path building looks for, and once:
 * one the valid path does not need never fails the chain (RFC 5280 §6 checks only the path).
 */
export class CertificatePool {
  private readonly sent: Sent[];
  /** How many sent certificates could not even be read to their subject. */
  readonly unreadable: number;

  constructor(sent: readonly Uint8Array[], private readonly trust: TrustStore) {
    const seen = new Set<string>();
    this.sent = [];
    let unreadable = 0;
    for (const der of sent) {
      const key = toHex(der);
      if (seen.has(key)) continue;
      seen.add(key);
      const subject = peekSubject(der);
      if (subject === undefined) unreadable++;
      else this.sent.push({ der, subject });
    }
    this.unreadable = unreadable;
  }

  /** Anchors named as `child`'s issuer first, then the sent certificates so named (parsed on first use). */
  issuersOf(child: Certificate): Candidate[] {
    const candidates: Candidate[] = this.trust.issuersOf(child).map((certificate) => ({ certificate, anchor: true }));
    const name = toHex(child.issuer.der);
    for (const entry of this.sent) {
      if (entry.subject !== name) continue;
      const parsed = (entry.parsed ??= parseOrError(entry.der));
      if (parsed instanceof TlsError) candidates.push({ unusable: parsed });
      // A sent copy of an anchor is the anchor, already listed.
      else if (!this.trust.contains(parsed)) candidates.push({ certificate: parsed, anchor: false });
    }
    return candidates;
  }
}

function parseOrError(der: Uint8Array): Certificate | TlsError {
  try {
    return parseCached(der);
  } catch (error) {
    if (error instanceof TlsError) return error;
    throw error;
  }
}
