import { expect } from 'chai';
import { GskStatus, TlsError, resolveTlsConfig } from '@tlsport/core';
import { TestCa, type EngineSide } from '@tlsport/testkit';
import { nodeTlsBackend } from '../src/index.js';
import { Pairs } from './helpers/fixtures.js';

/** Everything a side's sink has recorded, to prove nothing more arrives. */
function recorded(side: EngineSide): unknown[] {
  return [side.wire.length, side.received.length, side.keylog.length, side.sessions.length, side.handshake, side.error, side.peerClosed];
}

/** Handles and timers alive now; call after an await, once mocha has armed this test's own timer. */
function activeResources(): string[] {
  return process.getActiveResourcesInfo().sort();
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

describe('node-tls engine: lifecycle', function () {
  const pairs = new Pairs();
  const ca = TestCa.root();
  const leaf = ca.issue();
  const server = { cert: leaf.chain, key: leaf.key, keylog: () => {} };
  const client = { ca: ca.cert, servername: 'localhost', keylog: () => {} };

  afterEach(() => pairs.destroyAll());
  after(() => ca.dispose());

  it('is named node-tls', () => {
    expect(nodeTlsBackend.name).to.equal('node-tls');
  });

  it('destroy mid-handshake: no further sink calls, late input ignored, no timers or handles left', async () => {
    await turns(1);
    const before = activeResources();
    const held: Uint8Array[] = [];
    // Hold the server's flight back so neither side can finish.
    const pair = await pairs.create(client, server, { tamper: (direction, chunk) => (direction === 's2c' ? (held.push(chunk), new Uint8Array(0)) : chunk) });
    pair.server.engine.start();
    pair.client.engine.start();
    await pair.until(() => held.length > 0);
    await Promise.all([pair.client.engine.destroy(), pair.server.engine.destroy()]);
    const snapshot = [recorded(pair.client), recorded(pair.server)];
    for (const chunk of held) pair.client.engine.receive(chunk);
    pair.server.engine.receive(pair.client.wire[0]!);
    pair.client.engine.closeNotify();
    await turns(20);
    expect([recorded(pair.client), recorded(pair.server)]).to.deep.equal(snapshot);
    expect(pair.client.handshake).to.equal(undefined);
    expect(pair.client.error).to.equal(undefined);
    expect(activeResources()).to.deep.equal(before);
  });

  it('destroy before start and destroy twice are harmless', async () => {
    const pair = await pairs.create(client, server);
    await pair.client.engine.destroy();
    await pair.client.engine.destroy();
    pair.client.engine.start();
    await turns(5);
    expect(pair.client.wire).to.have.length(0);
  });

  it('destroy after a completed handshake leaves no handles', async () => {
    await turns(1);
    const before = activeResources();
    const pair = await pairs.handshake(client, server);
    expect(pair.client.handshake).to.not.equal(undefined);
    await pair.destroy();
    await turns(5);
    expect(activeResources()).to.deep.equal(before);
  });

  for (const version of ['TLSv1.2', 'TLSv1.3'] as const) {
    it(`${version}: keyUpdate() fails with unsupported (Node has no KeyUpdate API), the connection stays usable`, async () => {
      const pair = await pairs.handshake({ ...client, maxVersion: version }, server);
      let thrown: unknown;
      try {
        pair.client.engine.keyUpdate(true);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(TlsError);
      expect((thrown as TlsError).fault).to.equal('unsupported');
      expect((thrown as TlsError).status).to.equal(GskStatus.GSK_ERROR_UNSUPPORTED);
      expect((thrown as TlsError).detail).to.contain('KeyUpdate');
      pair.client.engine.send(Buffer.from('still here'), () => {});
      await pair.until(() => pair.server.receivedText() === 'still here');
      expect(pair.client.error).to.equal(undefined);
    });
  }

  it('receiveEnd resolves only after a fatal alert received just before has been reported', async () => {
    const held: Uint8Array[] = [];
    const pair = await pairs.create({ ...client, maxVersion: 'TLSv1.2' }, { ...server, minVersion: 'TLSv1.3' }, {
      tamper: (direction, chunk) => (direction === 's2c' ? (held.push(chunk), new Uint8Array(0)) : chunk),
    });
    await pair.handshake();
    expect(pair.server.error?.fault).to.equal('protocol-version');
    expect(pair.client.error).to.equal(undefined);
    for (const chunk of held) pair.client.engine.receive(chunk);
    expect(pair.client.error, 'Node reports on a later tick').to.equal(undefined);
    await pair.client.engine.receiveEnd!();
    expect(pair.client.error?.fault).to.equal('protocol-version');
    expect(pair.client.error?.origin).to.equal('peer');
  });

  it('receiveEnd resolves only after plaintext received just before has been delivered', async () => {
    let hold = false;
    const held: Uint8Array[] = [];
    const pair = await pairs.handshake(client, server, {
      tamper: (direction, chunk) => (hold && direction === 's2c' ? (held.push(chunk), new Uint8Array(0)) : chunk),
    });
    hold = true;
    pair.server.engine.send(Buffer.from('last bytes'), () => {});
    await pair.until(() => held.length > 0);
    for (const chunk of held) pair.client.engine.receive(chunk);
    await pair.client.engine.receiveEnd!();
    expect(pair.client.receivedText()).to.equal('last bytes');
  });

  it('send before the handshake completes is refused, not queued', async () => {
    const pair = await pairs.create(client, server);
    let refusal: TlsError | undefined;
    pair.client.engine.send(Buffer.from('too early'), (error) => {
      refusal = error;
    });
    expect(refusal).to.be.instanceOf(TlsError);
    expect(pair.client.wire).to.have.length(0);
  });

  it('a key that does not match its certificate fails createContext with bad-certificate', async () => {
    const other = ca.issue();
    // Core refuses this at environment init; Node's createSecureContext still does when handed one directly.
    const config = { ...resolveTlsConfig({ role: 'server', cert: leaf.chain, key: leaf.key }), certificate: { cert: leaf.chain, key: other.key } };
    const error = await nodeTlsBackend.createContext(config).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(TlsError);
    expect((error as TlsError).fault).to.equal('bad-certificate');
  });
});
