import { expect } from 'chai';
import { AlertDescription, resolveTlsConfig, type EngineContext } from '@tlsport/core';
import { EnginePair, TestCa, type Issued } from '@tlsport/testkit';
import { PureBackend } from '../../src/index.js';
import { parseSessionState, serializeSessionState } from '../../src/tls13/sessionState.js';
import { RecordingSink } from '../helpers/replay.js';

const backend = new PureBackend();

describe('resumption edge cases', () => {
  let ca: TestCa;
  let leaf: Issued;
  before(() => {
    ca = TestCa.root();
    leaf = ca.issue();
  });
  after(() => ca.dispose());

  const clientAttrs = (): object => ({ ca: ca.cert, servername: 'localhost' });
  const serverAttrs = (): object => ({ cert: leaf.chain, key: leaf.key });

  async function ticket(): Promise<{ session: Uint8Array; server: EngineContext }> {
    const [cctx, sctx] = await EnginePair.contexts(backend, clientAttrs(), serverAttrs());
    const first = EnginePair.fromContexts(cctx, clientAttrs(), sctx, serverAttrs());
    await first.handshake();
    await first.until(() => first.client.sessions.length > 0);
    return { session: first.client.sessions[0]!, server: sctx };
  }

  it('a binder that does not verify: decrypt_error from the server', async () => {
    const { session, server } = await ticket();
    const state = parseSessionState(session, 'session');
    const forged = serializeSessionState({ ...state, psk: state.psk.map((b, i) => (i === 0 ? b ^ 1 : b)) });
    const cctx = await backend.createContext(resolveTlsConfig({ ...clientAttrs(), role: 'client' }));
    const p = EnginePair.fromContexts(cctx, { ...clientAttrs(), session: forged }, server, serverAttrs());
    await p.handshake();
    await p.until(() => p.client.error !== undefined && p.server.error !== undefined);
    expect(p.server.error!.fault).to.equal('bad-signature');
    expect(p.server.error!.alert).to.equal(AlertDescription.decrypt_error);
    expect(p.client.error!.origin).to.equal('peer');
    expect(p.client.error!.alert).to.equal(AlertDescription.decrypt_error);
  });

  it('an expired ticket is not offered: full handshake', async () => {
    const { session, server } = await ticket();
    const later = new PureBackend({ clock: { now: () => Date.now() + 3 * 3600_000 } });
    const cctx = await later.createContext(resolveTlsConfig({ ...clientAttrs(), role: 'client' }));
    const p = EnginePair.fromContexts(cctx, { ...clientAttrs(), session }, server, serverAttrs());
    await p.handshake();
    expect(p.client.error, String(p.client.error)).to.equal(undefined);
    expect(p.client.handshake!.resumed).to.equal(false);
  });

  it('a ticket for another server name is not offered', async () => {
    const { session, server } = await ticket();
    const cctx = await backend.createContext(resolveTlsConfig({ ...clientAttrs(), role: 'client' }));
    const p = EnginePair.fromContexts(cctx, { ...clientAttrs(), servername: '127.0.0.1', session }, server, serverAttrs());
    await p.handshake();
    expect(p.client.error, String(p.client.error)).to.equal(undefined);
    expect(p.client.handshake!.resumed).to.equal(false);
  });

  it('session bytes that are not a session state fail the handshake clearly, sending nothing', async () => {
    const cctx = await backend.createContext(resolveTlsConfig({ ...clientAttrs(), role: 'client' }));
    const sink = new RecordingSink();
    const engine = cctx.createEngine(resolveTlsConfig({ ...clientAttrs(), role: 'client', session: Uint8Array.of(1, 2, 3) }), sink);
    expect(() => engine.start()).not.to.throw();
    expect(sink.error!.message).to.match(/not a pure-backend session state/);
    expect(sink.transmitted).to.deep.equal([]);
  });
});
