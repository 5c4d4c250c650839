import { expect } from 'chai';
import { join } from 'node:path';
import { opensslClientProcess } from '@tlsport/testkit';
import { PureBackend } from '../../src/index.js';
import { exchange, sClientFixture, serverPicksAlpnByOwnPreference, serverVerifiesClientCertificate } from '../helpers/sClientFixture.js';

const backend = new PureBackend();

describe('interop: openssl s_client -tls1_3 -> pure server', function () {
  this.timeout(15_000);
  const f = sClientFixture(backend, '-tls1_3', ['ec-p256', 'ec-p384', 'rsa-2048', 'ed25519'], 'tlsport-pure-');
  const { listen, client } = f;

  for (const suite of ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']) {
    it(`suite ${suite}`, async () => {
      const l = await listen();
      const peer = client(l.port, ['-ciphersuites', suite]);
      const pump = await l.next(0);
      const hs = await pump.handshakeDone();
      expect(hs.cipherSuite).to.equal(suite);
      expect(hs.servername).to.equal('localhost');
      await exchange(peer, pump);
      await peer.waitFor(/Verify return code: 0 \(ok\)/, 'output');
    });
  }

  for (const [group, openssl] of [['x25519', 'X25519'], ['secp256r1', 'P-256'], ['secp384r1', 'P-384']] as const) {
    it(`group ${group}`, async () => {
      const l = await listen();
      const peer = client(l.port, ['-groups', openssl]);
      const pump = await l.next(0);
      expect((await pump.handshakeDone()).group).to.equal(group);
      await exchange(peer, pump);
    });
  }

  it('HelloRetryRequest: pure server limited to secp384r1, s_client sends an X25519 share first', async () => {
    const l = await listen({ groups: ['secp384r1'] });
    const peer = client(l.port, ['-groups', 'X25519:P-384']);
    const pump = await l.next(0);
    expect((await pump.handshakeDone()).group).to.equal('secp384r1');
    await exchange(peer, pump);
    await peer.waitFor(/Server Temp Key: ECDH, secp384r1|Server Temp Key: ECDH, P-384/, 'output');
  });

  for (const keyType of ['rsa-2048', 'ec-p384', 'ed25519'] as const) {
    it(`server certificate ${keyType}, verified by s_client`, async () => {
      const l = await listen({}, keyType);
      const peer = client(l.port);
      const pump = await l.next(0);
      await pump.handshakeDone();
      await exchange(peer, pump);
      await peer.waitFor(/Verify return code: 0 \(ok\)/, 'output');
    });
  }

  it('client certificate (s_client -cert) verified by the pure server', () => serverVerifiesClientCertificate(f));

  it('client without a certificate: certificate_required when rejectUnauthorized', async () => {
    const l = await listen({ requestCert: true, rejectUnauthorized: true, ca: f.ca.cert });
    const peer = client(l.port);
    const pump = await l.next(0);
    peer.write('x\n');
    await pump.until(() => pump.error !== undefined);
    expect(pump.error!.fault).to.equal('certificate-required');
    await peer.waitFor(/alert certificate required|certificate required/, 'output');
  });

  it('SNI: s_client -servername picks the certificate (selectCertificate)', async () => {
    const api = f.ca.issue({ keyType: 'ec-p384', dns: ['api.example.test'] });
    const l = await listen({ sniCertificates: { 'api.example.test': { cert: api.chain, key: api.key } } });
    const peer = opensslClientProcess(l.port, ['-tls1_3', '-CAfile', f.ca.certFile, '-servername', 'api.example.test', '-verify_hostname', 'api.example.test', '-verify_return_error']);
    const pump = await l.next(0);
    expect((await pump.handshakeDone()).servername).to.equal('api.example.test');
    await exchange(peer, pump);
    await peer.waitFor(/Verify return code: 0 \(ok\)/, 'output');
    expect(peer.output).to.match(/subject=CN = api\.example\.test/);
  });

  it('ALPN: the pure server picks by its own preference', () => serverPicksAlpnByOwnPreference(f));

  it('ALPN without overlap: no_application_protocol', async () => {
    const l = await listen({ ALPNProtocols: ['h2'] });
    const peer = client(l.port, ['-alpn', 'spdy/1']);
    const pump = await l.next(0);
    await pump.until(() => pump.error !== undefined);
    expect(pump.error!.fault).to.equal('no-application-protocol');
    await peer.waitFor(/no application protocol/, 'output');
  });

  it('resumption: s_client -sess_out then -sess_in', async () => {
    const l = await listen({ sessionTickets: true });
    const sess = join(f.dir, 'sess.pem');
    const first = client(l.port, ['-sess_out', sess]);
    const pump1 = await l.next(0);
    expect((await pump1.handshakeDone()).resumed).to.equal(false);
    await exchange(first, pump1);
    first.end();
    await first.exited;
    const second = client(l.port, ['-sess_in', sess]);
    const pump2 = await l.next(1);
    const hs = await pump2.handshakeDone();
    expect(hs.resumed).to.equal(true);
    await exchange(second, pump2);
    await second.waitFor(/Reused, TLSv1\.3/, 'output');
  });

  it('KeyUpdate both ways: s_client "K" and engine.keyUpdate(true)', async () => {
    const l = await listen();
    const peer = client(l.port);
    const pump = await l.next(0);
    await pump.handshakeDone();
    await exchange(peer, pump);
    peer.write('K\n');
    await new Promise((r) => setTimeout(r, 200));
    peer.write('after client update\n');
    await pump.until(() => pump.receivedText().includes('after client update'));
    pump.engine.keyUpdate(true);
    pump.send('after server update\n');
    await peer.waitFor(/after server update/, 'output');
    peer.write('after both\n');
    await pump.until(() => pump.receivedText().includes('after both'));
    expect(pump.error).to.equal(undefined);
  });

  it('close_notify from s_client is reported as peerClosed', async () => {
    const l = await listen();
    const peer = client(l.port);
    const pump = await l.next(0);
    await pump.handshakeDone();
    peer.write('Q\n');
    await pump.until(() => pump.peerClosed);
  });
});
