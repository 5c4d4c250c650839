import type { Certificate } from './Certificate.js';
import { equal } from '../codec/bytes.js';

/** Subject and issuer are the same name (RFC 5280 §3.2): a root, or a CA's key rollover certificate. */
export function isSelfIssued(certificate: Certificate): boolean {
  return equal(certificate.subject.der, certificate.issuer.der);
}
