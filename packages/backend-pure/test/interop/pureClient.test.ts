import { expect } from 'chai';
import { PureBackend } from '../../src/index.js';
import { firstDer } from '../helpers/pem.js';
import { clientCloseNotifyReachesServer, clientGetsServerAlpnPreference, clientSendsCertificateOnRequest, exchangeWithServer, sServerFixture } from '../helpers/sServerFixture.js';

const backend = new PureBackend();

describe('interop: pure client -> openssl s_server -tls1_3', function () {
  this.timeout(15_000);
  const f = sServerFixture(backend, '-tls1_3', ['ec-p256', 'ec-p384', 'rsa-2048', 'ed25519']);
  const { serve, connect } = f;

  for (const suite of ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']) {
    it(`suite ${suite}`, async () => {
      const { peer, port } = await serve(['-ciphersuites', suite]);
      const pump = await connect(port);
      const hs = await pump.handshakeDone();
      expect(hs.cipherSuite).to.equal(suite);
      expect(hs.version).to.equal('TLSv1.3');
      expect(hs.peerVerified).to.equal(true);
      await exchangeWithServer(peer, pump);
    });
  }

  for (const [group, openssl] of [['x25519', 'X25519'], ['secp256r1', 'P-256'], ['secp384r1', 'P-384']] as const) {
    it(`group ${group} (client prefers it, no retry)`, async () => {
      const { peer, port } = await serve(['-groups', openssl]);
      const pump = await connect(port, { groups: [group] });
      expect((await pump.handshakeDone()).group).to.equal(group);
      await exchangeWithServer(peer, pump);
    });
  }

  it('HelloRetryRequest: s_server -groups P-384, client offers an x25519 share first', async () => {
    const { peer, port } = await serve(['-groups', 'P-384']);
    const pump = await connect(port, { groups: ['x25519', 'secp384r1'] });
    expect((await pump.handshakeDone()).group).to.equal('secp384r1');
    await exchangeWithServer(peer, pump);
  });

  for (const keyType of ['rsa-2048', 'ec-p384', 'ed25519'] as const) {
    it(`server certificate ${keyType}`, async () => {
      const { peer, port } = await serve([], keyType);
      const pump = await connect(port);
      const hs = await pump.handshakeDone();
      expect(hs.peerVerified).to.equal(true);
      expect(hs.peerCertificates[0]).to.deep.equal(firstDer(f.leaf(keyType).cert));
      await exchangeWithServer(peer, pump);
    });
  }

  it('client certificate on request (s_server -Verify 1)', () => clientSendsCertificateOnRequest(f, 'ec-p256', 'pure client'));

  it('ALPN: s_server -alpn picks by its own preference', () => clientGetsServerAlpnPreference(f));

  it('resumption with a ticket from s_server', async () => {
    const { peer, port } = await serve(['-naccept', '2']);
    const first = await connect(port);
    await first.handshakeDone();
    await exchangeWithServer(peer, first);
    expect(first.sessions.length).to.be.greaterThan(0);
    await first.close();
    const second = await connect(port, { session: first.sessions[0] });
    const hs = await second.handshakeDone();
    expect(hs.resumed).to.equal(true);
    expect(hs.peerVerified).to.equal(true);
    second.send('resumed ping\n');
    await peer.waitFor(/resumed ping/, 'output');
  });

  it('KeyUpdate both ways: engine.keyUpdate(true) and s_server "K" (update_requested)', async () => {
    const { peer, port } = await serve([]);
    const pump = await connect(port);
    await pump.handshakeDone();
    pump.engine.keyUpdate(true);
    pump.send('after update\n');
    await peer.waitFor(/after update/, 'output');
    peer.write('K\n');
    // s_server reads one stdin line per command; give it its own read.
    await new Promise((r) => setTimeout(r, 200));
    peer.write('after server update\n');
    await pump.until(() => pump.receivedText().includes('after server update'));
    pump.send('after both updates\n');
    await peer.waitFor(/after both updates/, 'output');
    await pump.until(() => pump.receivedText().includes('after server update'));
    expect(pump.error).to.equal(undefined);
  });

  it('close_notify reaches s_server', () => clientCloseNotifyReachesServer(f));
});
