import type { KeyKind, SignatureScheme } from '../provider.js';
import { schemeSupportedBy, schemeUsableWith, signatureSchemeInfo, type KeyFlavour, type SignatureSchemeInfo } from '../signatureSchemes.js';

/** What every provider's key shares: its kind, RSA size, and which schemes fit it. */
export abstract class SchemeKey implements KeyFlavour {
  protected constructor(
    readonly kind: KeyKind,
    readonly rsaBits: number | undefined,
    readonly rsaPssOnly: boolean,
  ) {}

  /** Whether TLS 1.3 allows this key to sign with `scheme` (ECDSA schemes name the curve). */
  supports(scheme: SignatureScheme): boolean {
    return schemeSupportedBy(scheme, this);
  }

  /** The scheme's parameters when sign/verify can run it with this key. */
  protected usable(scheme: SignatureScheme): SignatureSchemeInfo | undefined {
    const info = signatureSchemeInfo(scheme);
    return info !== undefined && schemeUsableWith(info, this) ? info : undefined;
  }
}
