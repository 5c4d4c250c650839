import { expect } from 'chai';
import { EnginePair, killChildren, opensslServer, SocketEngine, TestCa, type KeyType } from '@tlsport/testkit';
import { NobleCryptoProvider } from '../../src/crypto/index.js';
import { toHex } from '../../src/codec/bytes.js';
import { PureBackend } from '../../src/index.js';
import { Trace } from '../helpers/rfc8448.js';
import { fixedClock, replayClient, ScriptedRandom } from '../helpers/replay.js';

const noble = new NobleCryptoProvider();
const nobleBackend = new PureBackend({ provider: noble });
const nodeBackend = new PureBackend();

describe('the pure engine on the portable @noble provider', function () {
  this.timeout(20_000);
  let ca: TestCa;
  before(() => {
    ca = TestCa.root();
  });
  after(async () => {
    await killChildren();
    ca.dispose();
  });

  it('replays RFC 8448 §3 byte for byte (client flights, ticket, application data)', () => {
    const t = new Trace('3 Simple 1-RTT Handshake');
    const { engine, sink } = replayClient(
      t.field('client', 'construct a ClientHello', 'ClientHello'),
      t.field('client', 'create an ephemeral x25519', 'private key'),
      new ScriptedRandom([], {}, noble),
      fixedClock(0),
      noble,
    );
    engine.start();
    expect(toHex(sink.take())).to.equal(toHex(t.field('client', 'send handshake record', 'complete record', 0)));
    for (let i = 0; i < 3; i++) engine.receive(t.field('server', 'send handshake record', 'complete record', i));
    expect(sink.error, String(sink.error)).to.equal(undefined);
    expect(toHex(sink.take())).to.equal(toHex(t.field('client', 'send handshake record', 'complete record', 1)));
    engine.send(t.field('client', 'send application_data record', 'payload'), () => {});
    expect(toHex(sink.take())).to.equal(toHex(t.field('client', 'send application_data record', 'complete record')));
  });

  const cases: [KeyType, string, 'x25519' | 'secp256r1' | 'secp384r1'][] = [
    ['ec-p256', 'TLS_CHACHA20_POLY1305_SHA256', 'x25519'],
    ['ec-p384', 'TLS_AES_256_GCM_SHA384', 'secp384r1'],
    ['rsa-2048', 'TLS_AES_128_GCM_SHA256', 'secp256r1'],
    ['ed25519', 'TLS_AES_128_GCM_SHA256', 'x25519'],
  ];
  for (const [keyType, suite, group] of cases) {
    it(`noble client <-> node server: ${keyType} / ${suite} / ${group}`, async () => {
      const leaf = ca.issue({ keyType });
      const pair = await EnginePair.create(
        nobleBackend, { ca: ca.cert, servername: 'localhost', cipherSuites: suite, groups: [group] },
        nodeBackend, { cert: leaf.chain, key: leaf.key, cipherSuites: suite, groups: [group] },
      );
      try {
        await pair.handshake();
        expect(pair.client.error, String(pair.client.error)).to.equal(undefined);
        expect(pair.client.handshake).to.include({ cipherSuite: suite, group, peerVerified: true });
        pair.server.engine.send(new TextEncoder().encode('pong'), () => {});
        await pair.until(() => pair.client.receivedText() === 'pong');
      } finally {
        await pair.destroy();
      }
    });
  }

  it('noble client against openssl s_server, with HelloRetryRequest', async () => {
    const leaf = ca.issue({ keyType: 'rsa-2048' });
    const { child: peer, port } = await opensslServer(['-naccept', '1', '-tls1_3', '-groups', 'P-384', '-cert', leaf.certFile, '-key', leaf.keyFile]);
    const pump = await SocketEngine.connect(port, nobleBackend, { ca: ca.cert, servername: 'localhost' });
    try {
      expect((await pump.handshakeDone()).group).to.equal('secp384r1');
      pump.send('noble ping\n');
      await peer.waitFor(/noble ping/, 'output');
    } finally {
      await pump.close();
    }
  });
});
