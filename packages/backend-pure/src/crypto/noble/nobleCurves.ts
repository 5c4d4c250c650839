import { p256, p384 } from '@noble/curves/nist.js';
import type { EcKind } from '../keys/parsedKeys.js';

/** The @noble/curves ECDSA/ECDH object per key kind. */
export const NOBLE_CURVES = { 'ec-p256': p256, 'ec-p384': p384 } as const satisfies Record<EcKind, unknown>;
