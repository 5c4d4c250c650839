import type { GroupName, HandshakeResult, TlsVersion } from '@tlsport/core/spi';

/** What every handshake context (either version, either side) has settled by the time it completes. */
export interface Negotiated {
  readonly group: GroupName | undefined;
  readonly alpn: string | undefined;
  readonly resumed: boolean;
  readonly peerCertificates: readonly Uint8Array[];
  readonly peerVerified: boolean;
}

/** The result a context reports to the engine. */
export function handshakeResult(
  context: Negotiated,
  version: TlsVersion,
  cipherSuite: string,
  servername: string | undefined,
): HandshakeResult {
  return {
    version,
    cipherSuite,
    // A TLS 1.2 resumption does no key exchange; a TLS 1.3 one may (psk_dhe_ke) and names its group.
    group: version === 'TLSv1.2' && context.resumed ? undefined : context.group,
    alpnProtocol: context.alpn,
    servername,
    resumed: context.resumed,
    peerCertificates: context.peerCertificates,
    peerVerified: context.peerVerified,
  };
}
