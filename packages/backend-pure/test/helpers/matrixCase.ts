import { expect } from 'chai';
import type { GroupName, SecureAttributes, TlsVersion } from '@tlsport/core';
import { EnginePair, type Issued } from '@tlsport/testkit';
import type { PureBackend } from '../../src/index.js';
import { firstDer } from './pem.js';

/** What a matrix cell must negotiate. */
export interface MatrixExpectation {
  readonly version: TlsVersion;
  readonly cipherSuite: string;
  readonly group: GroupName;
}

/**
 * One cell of a pure <-> pure matrix: a full handshake with server certificate `leaf`, no client
 * certificate, both sides agreeing on `expected`, then data both ways. `more` adds the cell's own checks.
 */
export async function matrixCase(
  backend: PureBackend,
  clientAttrs: SecureAttributes,
  serverAttrs: SecureAttributes,
  expected: MatrixExpectation,
  leaf: Issued,
  more: (pair: EnginePair) => void = () => {},
): Promise<void> {
  const pair = await EnginePair.create(backend, clientAttrs, backend, serverAttrs);
  try {
    await pair.handshake();
    expect(pair.client.error, String(pair.client.error)).to.equal(undefined);
    expect(pair.server.error, String(pair.server.error)).to.equal(undefined);
    for (const side of [pair.client, pair.server]) {
      expect(side.handshake).to.include({ ...expected, resumed: false, alpnProtocol: undefined, servername: 'localhost' });
    }
    expect(pair.client.handshake!.peerVerified).to.equal(true);
    expect(pair.client.handshake!.peerCertificates[0]).to.deep.equal(firstDer(leaf.cert));
    expect(pair.server.handshake!.peerCertificates).to.deep.equal([]);
    more(pair);
    pair.client.engine.send(new TextEncoder().encode('ping'), () => {});
    pair.server.engine.send(new TextEncoder().encode('pong'), () => {});
    await pair.until(() => pair.server.received.length > 0 && pair.client.received.length > 0);
    expect(pair.server.receivedText()).to.equal('ping');
    expect(pair.client.receivedText()).to.equal('pong');
  } finally {
    await pair.destroy();
  }
}
