import { TlsError } from '@tlsport/core/spi';
import type { Certificate } from './Certificate.js';
import { equal } from '../codec/bytes.js';
import { toHex } from './hex.js';
import { parseCertificate } from './parseCertificate.js';
import { pemToDer } from './pemToDer.js';

/** Trust anchors indexed by subject DER, so an issuer is found by one lookup of a child's issuer name. */
export class TrustStore {
  private readonly bySubject = new Map<string, Certificate[]>();
  /** How many anchors are usable. */
  readonly size: number;
  /** Anchors that could not be parsed, with why; they are left out rather than failing every connection. */
  readonly skipped: readonly string[];

  constructor(caPems: readonly string[]) {
    const skipped: string[] = [];
    let size = 0;
    for (const pem of caPems) {
      for (const der of pemToDer(pem)) {
        try {
          this.add(parseCertificate(der));
          size++;
        } catch (cause) {
          if (!(cause instanceof TlsError)) throw cause;
          skipped.push(cause.detail);
        }
      }
    }
    this.size = size;
    this.skipped = skipped;
  }

  /** Anchors whose subject is `certificate`'s issuer. */
  issuersOf(certificate: Certificate): readonly Certificate[] {
    return this.bySubject.get(toHex(certificate.issuer.der)) ?? [];
  }

  /** Whether this exact certificate is an anchor (a peer may send its root along). */
  contains(certificate: Certificate): boolean {
    return this.stored(certificate) !== undefined;
  }

  /** This store's own copy of `certificate`, if it is an anchor. */
  private stored(certificate: Certificate): Certificate | undefined {
    const candidates = this.bySubject.get(toHex(certificate.subject.der)) ?? [];
    return candidates.find((anchor) => anchor === certificate || equal(anchor.der, certificate.der));
  }

  private add(anchor: Certificate): void {
    const key = toHex(anchor.subject.der);
    const list = this.bySubject.get(key);
    if (list === undefined) this.bySubject.set(key, [anchor]);
    else if (!list.some((other) => toHex(other.der) === toHex(anchor.der))) list.push(anchor);
  }
}
