import { expect } from 'chai';
import { EnginePair, TestCa } from '@tlsport/testkit';
import { PureBackend } from '../../src/index.js';

describe('pure engine pair: smoke', function () {
  let ca: TestCa;
  before(() => {
    ca = TestCa.root();
  });
  after(() => ca.dispose());

  it('handshakes and exchanges data', async () => {
    const leaf = ca.issue({ keyType: 'ec-p256' });
    const backend = new PureBackend();
    const pair = await EnginePair.create(backend, { ca: ca.cert, servername: 'localhost' }, backend, { cert: leaf.chain, key: leaf.key });
    await pair.handshake();
    expect(pair.client.error, String(pair.client.error)).to.equal(undefined);
    expect(pair.server.error, String(pair.server.error)).to.equal(undefined);
    expect(pair.client.handshake?.cipherSuite).to.equal('TLS_AES_128_GCM_SHA256');
    pair.client.engine.send(new TextEncoder().encode('hello'), () => {});
    await pair.until(() => pair.server.received.length > 0);
    expect(pair.server.receivedText()).to.equal('hello');
    await pair.destroy();
  });
});
