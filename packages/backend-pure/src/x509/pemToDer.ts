import { pemBlocks } from '../asn1/index.js';
import { parsing } from './certificateError.js';

/** The DER of every CERTIFICATE block in `pem`, in order; other blocks are skipped. */
export function pemToDer(pem: string): Uint8Array[] {
  return parsing('PEM', () => pemBlocks(pem).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der));
}
