import { expect } from 'chai';
import { resolveTlsConfig, type SecureAttributes, type TlsEngine, type TlsError } from '@tlsport/core';
import { pollUntil, silentSink } from '@tlsport/testkit';
import { backend } from './helpers/pair.js';
import { makePki, serverWith, type Pki } from './helpers/pki.js';

/** Splits a byte stream into its TLS records (5-byte header, 2-byte length at offset 3). */
function records(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const end = at + 5 + bytes.readUInt16BE(at + 3);
    out.push(bytes.subarray(at, end));
    at = end;
  }
  return out;
}

describe('OpenSslEngine: input order around the end of the handshake', () => {
  let pki: Pki;
  before(() => (pki = makePki()));
  after(() => pki.dispose());

  // A sink callback may pull the next chunk from the transport while records queued during the
  // last handshake step are still unread; reading it first would break the record sequence.
  it('a chunk received inside handshakeComplete is read after the records queued during the step', async () => {
    const clientAttrs: SecureAttributes = { role: 'client', ca: pki.ca.cert, servername: 'localhost', minVersion: 'TLSv1.3' };
    const serverAttrs: SecureAttributes = { role: 'server', ...serverWith(pki.ecdsa) };
    const clientContext = await backend.createContext(resolveTlsConfig(clientAttrs));
    const serverContext = await backend.createContext(resolveTlsConfig(serverAttrs));
    const toServer: Uint8Array[] = [];
    const toClient: Uint8Array[] = [];
    const received: Buffer[] = [];
    let clientDone = false;
    let failure: TlsError | undefined;
    let later: Buffer | undefined;
    let server: TlsEngine | undefined = undefined;
    const client = clientContext.createEngine(
      resolveTlsConfig(clientAttrs),
      silentSink({ transmit: (b) => toServer.push(Uint8Array.from(b)), handshakeComplete: () => (clientDone = true), failed: (e) => (failure = e) }),
    );
    server = serverContext.createEngine(
      resolveTlsConfig(serverAttrs),
      silentSink({
        transmit: (b) => toClient.push(Uint8Array.from(b)),
        plaintext: (d) => received.push(Buffer.from(d)),
        failed: (e) => (failure = e),
        handshakeComplete: () => server!.receive(later!),
      }),
    );
    try {
      server.start();
      client.start();
      // Until the client has its keys: ClientHello in, the server's flight back.
      await pollUntil(() => {
        for (const chunk of toServer.splice(0)) server!.receive(chunk);
        for (const chunk of toClient.splice(0)) client.receive(chunk);
        return clientDone || failure !== undefined;
      }, 10_000, () => 'the client did not complete its handshake');
      for (const text of ['first', 'second']) client.send(Buffer.from(text), () => undefined);
      const flight = records(Buffer.concat(toServer.splice(0)));
      const finished = flight.slice(0, -2);
      const [first, second] = flight.slice(-2);
      later = second;
      server.receive(Buffer.concat(finished)); // the step that completes the handshake starts
      server.receive(first!); // held while that step runs
      await pollUntil(() => Buffer.concat(received).length >= 'firstsecond'.length || failure !== undefined, 10_000, () => `the server read ${Buffer.concat(received).length} bytes`);
      expect(failure).to.equal(undefined);
      expect(Buffer.concat(received).toString()).to.equal('firstsecond');
    } finally {
      await server.destroy();
      await client.destroy();
      serverContext.dispose();
      clientContext.dispose();
    }
  });
});
