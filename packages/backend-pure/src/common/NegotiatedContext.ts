import type { GroupName } from '@tlsport/core/spi';
import type { Negotiated } from './handshakeResult.js';

/** The fields every handshake context (either version, either side) fills in as it negotiates. */
export abstract class NegotiatedContext implements Negotiated {
  group: GroupName | undefined;
  alpn: string | undefined;
  resumed = false;
  peerCertificates: readonly Uint8Array[] = [];
  peerVerified = false;
}
