import { expect } from 'chai';
import { join } from 'node:path';
import { CIPHER_SUITES, type SecureAttributes } from '@tlsport/core';
import { opensslClientProcess, type KeyType } from '@tlsport/testkit';
import { PureBackend } from '../../src/index.js';
import { exchange, sClientFixture, serverPicksAlpnByOwnPreference, serverVerifiesClientCertificate } from '../helpers/sClientFixture.js';

const backend = new PureBackend();
const KEYS: Record<'ecdsa' | 'rsa', readonly KeyType[]> = { ecdsa: ['ec-p256', 'ec-p384'], rsa: ['rsa-2048'] };

describe('interop: openssl s_client -tls1_2 -> pure server', function () {
  this.timeout(15_000);
  const f = sClientFixture(backend, '-tls1_2', ['ec-p256', 'ec-p384', 'rsa-2048'], 'tlsport-pure12-');
  const { listen, client } = f;

  for (const suite of CIPHER_SUITES.filter((s) => s.version === 'TLSv1.2')) {
    for (const keyType of KEYS[suite.auth!]) {
      it(`${suite.name} with a ${keyType} certificate`, async () => {
        const l = await listen({}, keyType);
        const peer = client(l.port, ['-cipher', suite.openssl]);
        const pump = await l.next(0);
        const hs = await pump.handshakeDone();
        expect(hs).to.include({ version: 'TLSv1.2', cipherSuite: suite.name, resumed: false, servername: 'localhost' });
        expect(hs.group).to.equal('x25519');
        await exchange(peer, pump);
        await peer.waitFor(new RegExp(`Cipher is ${suite.openssl}`), 'output');
        await peer.waitFor(/Extended master secret: yes/, 'output');
        await peer.waitFor(/Secure Renegotiation IS supported/, 'output');
      });
    }
  }

  for (const [group, openssl, keyType] of [['secp256r1', 'P-256', 'ec-p256'], ['secp384r1', 'P-384', 'ec-p384']] as const) {
    it(`group ${group} (an ECDSA certificate on that curve)`, async () => {
      const l = await listen({}, keyType);
      const peer = client(l.port, ['-groups', openssl]);
      const pump = await l.next(0);
      expect((await pump.handshakeDone()).group).to.equal(group);
      await exchange(peer, pump);
    });
  }

  it('an ECDSA certificate on a curve the client does not list (RFC 8422 §5.1.1): handshake_failure', async () => {
    const l = await listen({}, 'ec-p256');
    const peer = client(l.port, ['-groups', 'P-384']);
    const pump = await l.next(0);
    await pump.until(() => pump.error !== undefined);
    expect(pump.error!.fault).to.equal('no-shared-cipher');
    await peer.waitFor(/handshake failure/, 'output');
  });

  for (const [sigalgs, keyType] of [['RSA+SHA256', 'rsa-2048'], ['RSA-PSS+SHA384', 'rsa-2048'], ['ECDSA+SHA384', 'ec-p256'], ['ECDSA+SHA256', 'ec-p384']] as const) {
    it(`ServerKeyExchange signed with what s_client accepts: -sigalgs ${sigalgs}, ${keyType} certificate`, async () => {
      const l = await listen({}, keyType);
      const peer = client(l.port, ['-sigalgs', sigalgs]);
      const pump = await l.next(0);
      await pump.handshakeDone();
      await exchange(peer, pump);
      await peer.waitFor(new RegExp(`Peer signing digest: ${sigalgs.split('+')[1]}`), 'output');
    });
  }

  async function resume(attrs: SecureAttributes, extra: string[], name: string): Promise<void> {
    const l = await listen(attrs);
    const sess = join(f.dir, `${name}.pem`);
    const first = client(l.port, ['-sess_out', sess, ...extra]);
    const pump1 = await l.next(0);
    expect((await pump1.handshakeDone()).resumed).to.equal(false);
    await exchange(first, pump1);
    first.end();
    await first.exited;
    const second = client(l.port, ['-sess_in', sess, ...extra]);
    const pump2 = await l.next(1);
    const hs = await pump2.handshakeDone();
    expect(hs).to.include({ resumed: true, group: undefined, version: 'TLSv1.2' });
    await exchange(second, pump2);
    await second.waitFor(/Reused, TLSv1\.2/, 'output');
  }

  it('resumption by ticket: s_client -sess_out then -sess_in', () => resume({}, [], 'ticket'));

  it('resumption by session id: s_client -no_ticket', () => resume({}, ['-no_ticket'], 'id'));

  it('resumption by session id when the server issues no tickets', () => resume({ sessionTickets: false }, [], 'noticket'));

  it('client certificate: s_client -cert against requestCert', () => serverVerifiesClientCertificate(f));

  it('client certificate required but none sent: handshake_failure', async () => {
    const l = await listen({ requestCert: true, rejectUnauthorized: true, ca: f.ca.cert });
    const peer = client(l.port);
    const pump = await l.next(0);
    await pump.until(() => pump.error !== undefined);
    expect(pump.error!.fault).to.equal('certificate-required');
    await peer.waitFor(/handshake failure/, 'output');
  });

  it('SNI: s_client -servername picks the RSA certificate, and with it an ECDHE_RSA suite', async () => {
    const rsa = f.ca.issue({ keyType: 'rsa-2048', dns: ['rsa.example.test'] });
    const l = await listen({ sniCertificates: { 'rsa.example.test': { cert: rsa.chain, key: rsa.key } } });
    const peer = opensslClientProcess(l.port, ['-tls1_2', '-CAfile', f.ca.certFile, '-servername', 'rsa.example.test', '-verify_return_error']);
    const pump = await l.next(0);
    const hs = await pump.handshakeDone();
    // The server's own suite order decides: ECDHE_RSA_WITH_AES_128_GCM_SHA256 comes first among the RSA ones.
    expect(hs).to.include({ servername: 'rsa.example.test', cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' });
    await exchange(peer, pump);
    await peer.waitFor(/Verify return code: 0/, 'output');
  });

  it('ALPN: the server picks by its own preference', () => serverPicksAlpnByOwnPreference(f));

  it('renegotiation refused: s_client "R" gets a no_renegotiation warning', async () => {
    const l = await listen();
    const peer = client(l.port);
    const pump = await l.next(0);
    await pump.handshakeDone();
    await exchange(peer, pump);
    peer.write('R\n');
    await peer.waitFor(/no renegotiation/, 'output');
    // The pure server does not fail because of it; OpenSSL gives up on its own renegotiation.
    expect(pump.error === undefined || pump.error.origin === 'peer').to.equal(true);
  });
});
