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

/** What a summary says about the certificate itself (the rest depends on the handshake). */
type CertificateFields = Omit<PeerCertificateSummary, 'chainLength' | 'verified'>;

/**
 * Fields of recently seen leaf certificates, by DER. A client usually meets the same few servers
 * again and again, and parsing a certificate (OpenSSL 3 decodes its public key through the
 * provider machinery) cost about a tenth of a whole connection's instructions (bench/PROFILES.md).
 */
const recentLeaves = new Map<string, CertificateFields>();
const RECENT_LEAVES = 64;

function certificateFields(leaf: Uint8Array): CertificateFields {
  const key = Buffer.from(leaf.buffer, leaf.byteOffset, leaf.byteLength).toString('latin1');
  let fields = recentLeaves.get(key);
  if (fields === undefined) {
    const x = new X509Certificate(leaf);
    fields = { subject: x.subject, issuer: x.issuer, serialNumber: x.serialNumber, validFrom: x.validFrom, validTo: x.validTo, subjectAltName: x.subjectAltName, fingerprint256: x.fingerprint256 };
    // Oldest out first: the map keeps its insertion order.
    if (recentLeaves.size >= RECENT_LEAVES) recentLeaves.delete(recentLeaves.keys().next().value!);
    recentLeaves.set(key, fields);
  }
  return fields;
}

/** Builds the completion's summary from an engine's result, the same way for every backend. */
export function negotiatedFrom(result: HandshakeResult, handshakeMs: number): Negotiated {
  const leaf = result.peerCertificates[0];
  const peerCertificate: PeerCertificateSummary | undefined =
    leaf === undefined ? undefined : { ...certificateFields(leaf), chainLength: result.peerCertificates.length, verified: result.peerVerified };
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
