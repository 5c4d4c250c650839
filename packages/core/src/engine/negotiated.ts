import { X509Certificate } from 'node:crypto';
import type { HandshakeResult } from './spi.js';

/** A readable summary of the peer's leaf certificate. */
export interface PeerCertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly subjectAltName: string | undefined;
  readonly fingerprint256: string;
  /** Certificates the peer sent, leaf included. */
  readonly chainLength: number;
  readonly verified: boolean;
}

/**
 * What a StartInit completion carries about the established session: the engine's result with
 * the peer's chain summarised.
 */
export interface Negotiated extends Omit<HandshakeResult, 'peerCertificates' | 'peerVerified'> {
  readonly peerCertificate: PeerCertificateSummary | undefined;
  /** The peer's chain as sent, leaf first, DER (empty when it sent none): for certificate-info APIs and application checks. */
  readonly peerCertificates: readonly Uint8Array[];
  /** Milliseconds from startInit to completion. */
  readonly handshakeMs: number;
}

/** Builds the completion's summary from an engine's result, the same way for every backend. */
export function negotiatedFrom(result: HandshakeResult, handshakeMs: number): Negotiated {
  const leaf = result.peerCertificates[0];
  let peerCertificate: PeerCertificateSummary | undefined;
  if (leaf !== undefined) {
    const x = new X509Certificate(leaf);
    peerCertificate = {
      subject: x.subject,
      issuer: x.issuer,
      serialNumber: x.serialNumber,
      validFrom: x.validFrom,
      validTo: x.validTo,
      subjectAltName: x.subjectAltName,
      fingerprint256: x.fingerprint256,
      chainLength: result.peerCertificates.length,
      verified: result.peerVerified,
    };
  }
  return {
    version: result.version,
    cipherSuite: result.cipherSuite,
    group: result.group,
    alpnProtocol: result.alpnProtocol,
    servername: result.servername,
    resumed: result.resumed,
    peerCertificate,
    peerCertificates: result.peerCertificates,
    handshakeMs,
  };
}
