/** Malformed DER. Callers turn it into their own failure (ProviderError, TlsError 'bad-certificate'). */
export class Asn1Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Asn1Error';
  }
}
