import { TlsError } from '@tlsport/core';
import type { CryptoProvider, PublicKey } from '../crypto/index.js';
import type { Certificate } from './Certificate.js';
import { toHex } from './hex.js';
import { parseCertificate } from './parseCertificate.js';
import { pemToDer } from './pemToDer.js';

/** Trust anchors indexed by subject DER, so an issuer is found by one lookup of a child's issuer name. */
export class TrustStore {
  private readonly bySubject = new Map<string, Certificate[]>();
  /** Each anchor's imported key per provider, by the anchor's DER: importing costs more than a signature check. */
  private readonly keys = new Map<CryptoProvider, Map<string, PublicKey>>();
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
    const candidates = this.bySubject.get(toHex(certificate.subject.der)) ?? [];
    const der = toHex(certificate.der);
    return candidates.some((anchor) => toHex(anchor.der) === der);
  }

  /**
   * The key of `anchor` (a certificate this store contains), imported by `load` the first time for
   * this provider. A failed import is not kept: it fails again, the same way, next time.
   */
  keyOf(anchor: Certificate, provider: CryptoProvider, load: () => PublicKey): PublicKey {
    let byDer = this.keys.get(provider);
    if (byDer === undefined) this.keys.set(provider, (byDer = new Map()));
    const der = toHex(anchor.der);
    let key = byDer.get(der);
    if (key === undefined) byDer.set(der, (key = load()));
    return key;
  }

  private add(anchor: Certificate): void {
    const key = toHex(anchor.subject.der);
    const list = this.bySubject.get(key);
    if (list === undefined) this.bySubject.set(key, [anchor]);
    else if (!list.some((other) => toHex(other.der) === toHex(anchor.der))) list.push(anchor);
  }
}
