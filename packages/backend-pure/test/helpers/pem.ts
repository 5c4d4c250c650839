/** The DER of the first certificate in a PEM text (for comparing with HandshakeResult.peerCertificates). */
export function firstDer(pem: string): Uint8Array {
  const body = pem.match(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/)![1]!;
  return new Uint8Array(Buffer.from(body.replace(/\s/g, ''), 'base64'));
}
