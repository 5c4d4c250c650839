import { expect } from 'chai';
import { CIPHER_SUITES } from '@tlsport/core';
import type { KeyType } from '@tlsport/testkit';
import { PureBackend } from '../../src/index.js';
import { firstDer } from '../helpers/pem.js';
import { clientCloseNotifyReachesServer, clientGetsServerAlpnPreference, clientSendsCertificateOnRequest, exchangeWithServer, sServerFixture } from '../helpers/sServerFixture.js';

const backend = new PureBackend();
const KEYS: Record<'ecdsa' | 'rsa', readonly KeyType[]> = { ecdsa: ['ec-p256', 'ec-p384'], rsa: ['rsa-2048'] };

describe('interop: pure client -> openssl s_server -tls1_2', function () {
  this.timeout(15_000);
  const f = sServerFixture(backend, '-tls1_2', ['ec-p256', 'ec-p384', 'rsa-2048'], { keylog: () => {} });
  const { serve, connect } = f;

  for (const suite of CIPHER_SUITES.filter((s) => s.version === 'TLSv1.2')) {
    for (const keyType of KEYS[suite.auth!]) {
      it(`${suite.name} with a ${keyType} certificate`, async () => {
        const { peer, port } = await serve(['-cipher', suite.openssl], keyType);
        const pump = await connect(port);
        const hs = await pump.handshakeDone();
        expect(hs).to.include({ version: 'TLSv1.2', cipherSuite: suite.name, resumed: false, peerVerified: true, group: 'x25519' });
        expect(hs.peerCertificates[0]).to.deep.equal(firstDer(f.leaf(keyType).cert));
        await exchangeWithServer(peer, pump);
      });
    }
  }

  for (const [group, openssl, keyType] of [['secp256r1', 'P-256', 'ec-p256'], ['secp384r1', 'P-384', 'ec-p384']] as const) {
    it(`group ${group}`, async () => {
      const { peer, port } = await serve(['-groups', openssl], keyType);
      const pump = await connect(port);
      expect((await pump.handshakeDone()).group).to.equal(group);
      await exchangeWithServer(peer, pump);
    });
  }

  it('the key log line is CLIENT_RANDOM <client_random> <master_secret>, 48 bytes', async () => {
    const { peer, port } = await serve([]);
    const pump = await connect(port);
    await pump.handshakeDone();
    await exchangeWithServer(peer, pump);
    expect(pump.keylog).to.have.length(1);
    expect(pump.keylog[0]).to.match(/^CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}$/);
  });

  for (const [sigalgs, keyType] of [['RSA+SHA256', 'rsa-2048'], ['RSA+SHA512', 'rsa-2048'], ['ECDSA+SHA384', 'ec-p256']] as const) {
    it(`s_server -sigalgs ${sigalgs} with a ${keyType} certificate: the client verifies that ServerKeyExchange`, async () => {
      const { peer, port } = await serve(['-sigalgs', sigalgs], keyType);
      const pump = await connect(port);
      expect((await pump.handshakeDone()).peerVerified).to.equal(true);
      await exchangeWithServer(peer, pump);
    });
  }

  it('client certificate with s_server -client_sigalgs RSA+SHA256: CertificateVerify in PKCS#1', async () => {
    const own = f.ca.issue({ keyType: 'rsa-2048', cn: 'pkcs1 client' });
    const { peer, port } = await serve(['-Verify', '1', '-CAfile', f.ca.certFile, '-client_sigalgs', 'RSA+SHA256']);
    const pump = await connect(port, { cert: own.chain, key: own.key });
    await pump.handshakeDone();
    await exchangeWithServer(peer, pump);
    expect(peer.output).to.match(/subject=CN = pkcs1 client/);
  });

  async function resume(extra: string[]): Promise<void> {
    const { peer, port } = await serve(['-naccept', '2', ...extra]);
    const first = await connect(port);
    await first.handshakeDone();
    await exchangeWithServer(peer, first);
    await first.until(() => first.sessions.length > 0);
    // OpenSSL drops a session from its id cache when the connection ends without close_notify.
    first.engine.closeNotify();
    await peer.waitFor(/DONE/, 'output');
    await first.close();
    const second = await connect(port, { session: first.sessions[0] });
    const hs = await second.handshakeDone();
    expect(hs).to.include({ resumed: true, group: undefined, peerVerified: true, version: 'TLSv1.2' });
    expect(hs.peerCertificates[0]).to.deep.equal(firstDer(f.leaf('ec-p256').cert));
    second.send('resumed ping\n');
    await peer.waitFor(/resumed ping/, 'output');
  }

  it('resumption by ticket from s_server', () => resume([]));

  it('resumption by session id: s_server -no_ticket', () => resume(['-no_ticket']));

  it('client certificate on request (s_server -Verify 1)', () => clientSendsCertificateOnRequest(f, 'ec-p384', 'pure client'));

  it('RSA client certificate on request (s_server -Verify 1)', () => clientSendsCertificateOnRequest(f, 'rsa-2048', 'pure rsa client'));

  it('ALPN: s_server -alpn picks by its own preference', () => clientGetsServerAlpnPreference(f));

  it('renegotiation refused: s_server "R" (HelloRequest) is answered with a no_renegotiation warning', async () => {
    const { peer, port } = await serve([]);
    const pump = await connect(port);
    await pump.handshakeDone();
    await exchangeWithServer(peer, pump);
    peer.write('R\n');
    await peer.waitFor(/no renegotiation/i, 'output');
    expect(pump.error === undefined || pump.error.origin === 'peer').to.equal(true);
  });

  it('close_notify reaches s_server', () => clientCloseNotifyReachesServer(f));
});
