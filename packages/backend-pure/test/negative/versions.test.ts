import { expect } from 'chai';
import { AlertDescription, resolveTlsConfig, type EngineContext } from '@tlsport/core';
import { killChildren, opensslServer, SocketEngine, TestCa } from '@tlsport/testkit';
import { concat } from '../../src/codec/bytes.js';
import { Writer } from '../../src/codec/Writer.js';
import { parseClientHello } from '../../src/handshake/clientHello.js';
import { ExtensionType } from '../../src/handshake/types.js';
import { ContentType } from '../../src/record/types.js';
import { PureBackend } from '../../src/index.js';
import { RecordingSink } from '../helpers/replay.js';

const backend = new PureBackend();

/** A plaintext ServerHello record answering `hello` with the given version fields. */
function serverHello(hello: Uint8Array, random: Uint8Array, ext: [number, Uint8Array][]): Uint8Array {
  const ch = parseClientHello(hello.subarray(9));
  const body = new Writer().u16(0x0303).bytes(random).bytes8(ch.sessionId).u16(0x1301).u8(0)
    .vec16((w) => ext.forEach(([t, v]) => w.u16(t).bytes16(v))).finish();
  const msg = new Writer().u8(2).bytes24(body).finish();
  return concat(Uint8Array.of(ContentType.handshake, 3, 3, msg.length >> 8, msg.length & 0xff), msg);
}

describe('version negotiation: client side', function () {
  this.timeout(10_000);
  let ctx: EngineContext;
  before(async () => {
    ctx = await backend.createContext(resolveTlsConfig({ role: 'client' }));
  });
  after(async () => {
    await ctx.dispose();
    await killChildren();
  });

  function client(): { sink: RecordingSink; hello: Uint8Array; receive(b: Uint8Array): void } {
    const sink = new RecordingSink();
    const engine = ctx.createEngine(resolveTlsConfig({ role: 'client', servername: 'localhost' }), sink);
    engine.start();
    return { sink, hello: sink.take(), receive: (b) => engine.receive(b) };
  }

  it('the client offers TLS 1.3 and 1.2 by default; its first record says 0x0301', () => {
    const { hello } = client();
    expect([...hello.subarray(0, 3)]).to.deep.equal([22, 3, 1]);
    expect(parseClientHello(hello.subarray(9)).supportedVersions).to.deep.equal([0x0304, 0x0303]);
  });

  it('a TLS 1.2 ServerHello naming a TLS 1.3 suite: illegal_parameter', () => {
    const c = client();
    c.receive(serverHello(c.hello, new Uint8Array(32).fill(7), []));
    expect(c.sink.error!.fault).to.equal('illegal-parameter');
    expect([...c.sink.take().subarray(5)]).to.deep.equal([2, AlertDescription.illegal_parameter]);
  });

  it('a TLS 1.2 ServerHello to a TLS 1.3-only client: protocol_version', async () => {
    const sink = new RecordingSink();
    // Versions are a context setting: a TLS 1.3-only client has a context of its own.
    const config = resolveTlsConfig({ role: 'client', servername: 'localhost', minVersion: 'TLSv1.3' });
    const only13 = await backend.createContext(config);
    const engine = only13.createEngine(config, sink);
    engine.start();
    engine.receive(serverHello(sink.take(), new Uint8Array(32).fill(7), []));
    expect(sink.error!.fault).to.equal('protocol-version');
    expect([...sink.take().subarray(5)]).to.deep.equal([2, AlertDescription.protocol_version]);
    await engine.destroy();
    await only13.dispose();
  });

  it('a TLS 1.2 ServerHello carrying the downgrade sentinel: illegal_parameter', () => {
    const c = client();
    const random = concat(new Uint8Array(24), new TextEncoder().encode('DOWNGRD\x01'));
    c.receive(serverHello(c.hello, random, []));
    expect(c.sink.error!.fault).to.equal('illegal-parameter');
    expect([...c.sink.take().subarray(5)]).to.deep.equal([2, AlertDescription.illegal_parameter]);
  });

  it('supported_versions selecting a version that was not offered: illegal_parameter', () => {
    const c = client();
    c.receive(serverHello(c.hello, new Uint8Array(32).fill(7), [[ExtensionType.supported_versions, Uint8Array.of(0x03, 0x02)]]));
    expect(c.sink.error!.fault).to.equal('illegal-parameter');
  });

  it('against a real openssl s_server -tls1_2 (a genuinely 1.2-only server: no sentinel), TLS 1.2 is negotiated', async () => {
    const ca = TestCa.root();
    try {
      const leaf = ca.issue({ keyType: 'ec-p256' });
      const { port } = await opensslServer(['-naccept', '1', '-tls1_2', '-cert', leaf.certFile, '-key', leaf.keyFile]);
      const pump = await SocketEngine.connect(port, backend, { ca: ca.cert, servername: 'localhost' });
      const hs = await pump.handshakeDone();
      expect(hs.version).to.equal('TLSv1.2');
      await pump.close();
    } finally {
      ca.dispose();
    }
  });
});
