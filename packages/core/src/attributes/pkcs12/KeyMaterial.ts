/** What a key store yields for one label: this side's chain and key, and the CA certificates it trusts. */
export interface KeyMaterial {
  /** This side's certificate chain, leaf first, DER (empty when the store holds only CAs). */
  readonly chain: readonly Uint8Array[];
  /** The private key for chain[0], PKCS#8 PEM (undefined when the store holds only CAs). */
  readonly keyPem: string | undefined;
  /** Certificates without a key: trust anchors. */
  readonly trusted: readonly Uint8Array[];
}

/** A DER certificate as PEM. */
export function certificatePem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}
