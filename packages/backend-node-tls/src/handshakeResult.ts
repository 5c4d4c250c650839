import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { groupByName, type GroupName, type HandshakeResult, type TlsVersion } from '@tlsport/core/spi';

/**
 * The peer's chain as Node reports it, leaf first, DER: the certificates the peer sent in issuing
 * order; when the peer did not send its root, Node appends the trust anchor that issued the last one.
 */
function peerChain(socket: TLSSocket): Uint8Array[] {
  const chain: Uint8Array[] = [];
  const seen = new Set<DetailedPeerCertificate>();
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert?.raw !== undefined && !seen.has(cert)) {
    chain.push(new Uint8Array(cert.raw));
    seen.add(cert);
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** The group a client learns from its peer's ephemeral key; undefined after a 1.2 resumption. */
export function clientGroup(socket: TLSSocket): GroupName | undefined {
  // OpenSSL 3.5 still reports the original session's key after a 1.2 resumption; 3.0 none.
  if (socket.getProtocol() === 'TLSv1.2' && socket.isSessionReused()) return undefined;
  const info = socket.getEphemeralKeyInfo() as { name?: string } | null;
  return info?.name === undefined ? undefined : groupByName(info.name)?.name;
}

export function handshakeResult(
  socket: TLSSocket,
  parts: { group: GroupName | undefined; servername: string | undefined; peerVerified: boolean },
): HandshakeResult {
  return {
    version: socket.getProtocol() as TlsVersion,
    cipherSuite: socket.getCipher().standardName,
    group: parts.group,
    alpnProtocol: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : undefined,
    servername: parts.servername,
    resumed: socket.isSessionReused(),
    peerCertificates: peerChain(socket),
    peerVerified: parts.peerVerified,
  };
}
