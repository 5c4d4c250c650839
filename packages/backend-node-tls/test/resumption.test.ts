import { expect } from 'chai';
import { resolveTlsConfig, type EngineContext, type TlsBackend } from '@tlsport/core';
import { opensslHasHybridGroups } from '@tlsport/core/openssl';
import { EnginePair, TestCa } from '@tlsport/testkit';
import { nodeTlsBackend } from '../src/index.js';

/** A backend that hands every pair the same server context, as one environment serves many sessions. */
function sharedServerBackend(context: EngineContext): TlsBackend {
  return { name: 'node-tls (shared context)', createContext: async () => ({ createEngine: (c, s) => context.createEngine(c, s), dispose: async () => {} }) };
}

describe('node-tls engine: resumption', function () {
  const ca = TestCa.root();
  const leaf = ca.issue();
  const open: EnginePair[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((p) => p.destroy()));
  });
  after(() => ca.dispose());

  async function connect(server: TlsBackend, session: Uint8Array | undefined, version: 'TLSv1.2' | 'TLSv1.3', serverAttrs = {}): Promise<EnginePair> {
    const pair = await EnginePair.create(
      nodeTlsBackend,
      { ca: ca.cert, servername: 'localhost', minVersion: version, maxVersion: version, ...(session === undefined ? {} : { session }) },
      server,
      { cert: leaf.chain, key: leaf.key, ...serverAttrs },
    );
    open.push(pair);
    await pair.handshake();
    // 1.3 tickets arrive after the handshake: exchange data so the client reads them.
    pair.server.engine.send(Buffer.from('x'), () => {});
    await pair.until(() => pair.client.received.length > 0);
    return pair;
  }

  for (const version of ['TLSv1.2', 'TLSv1.3'] as const) {
    it(`${version}: a session from the first connection resumes the second`, async () => {
      const serverContext = await nodeTlsBackend.createContext(resolveTlsConfig({ role: 'server', cert: leaf.chain, key: leaf.key }));
      const server = sharedServerBackend(serverContext);
      const first = await connect(server, undefined, version);
      await first.until(() => first.client.sessions.length > 0);
      expect(first.client.handshake?.resumed).to.equal(false);
      const second = await connect(server, first.client.sessions.at(-1), version);
      expect(second.client.error).to.equal(undefined);
      for (const side of [second.client, second.server]) {
        expect(side.handshake?.resumed).to.equal(true);
        expect(side.handshake?.version).to.equal(version);
      }
      // 1.3 resumption runs psk_dhe_ke: a fresh key exchange (the default group: the hybrid where
      // Node's OpenSSL has it); a 1.2 resumption has none.
      const group = version === 'TLSv1.3' ? (opensslHasHybridGroups(process.versions.openssl) ? 'X25519MLKEM768' : 'x25519') : undefined;
      expect(second.client.handshake?.group).to.equal(group);
      expect(second.server.handshake?.group).to.equal(group);
      expect(second.client.handshake?.peerVerified).to.equal(true);
    });

    it(`${version}: unreadable session state gives a full handshake`, async () => {
      const pair = await connect(nodeTlsBackend, new Uint8Array([1, 2, 3, 4]), version);
      expect(pair.client.error).to.equal(undefined);
      expect(pair.client.handshake?.resumed).to.equal(false);
      expect(pair.client.handshake?.peerVerified).to.equal(true);
    });

    it(`${version}: another environment's ticket is not accepted`, async () => {
      const first = await connect(nodeTlsBackend, undefined, version);
      await first.until(() => first.client.sessions.length > 0);
      const second = await connect(nodeTlsBackend, first.client.sessions.at(-1), version);
      expect(second.client.handshake?.resumed).to.equal(false);
      expect(second.server.handshake?.resumed).to.equal(false);
    });

    it(`${version}: sessionTickets false on the server: no resumption`, async () => {
      const serverContext = await nodeTlsBackend.createContext(resolveTlsConfig({ role: 'server', cert: leaf.chain, key: leaf.key, sessionTickets: false }));
      const server = sharedServerBackend(serverContext);
      const first = await connect(server, undefined, version, { sessionTickets: false });
      await first.until(() => first.client.sessions.length > 0);
      const session = first.client.sessions.at(-1);
      const second = await connect(server, session, version, { sessionTickets: false });
      expect(second.server.handshake?.resumed).to.equal(false);
    });
  }
});
