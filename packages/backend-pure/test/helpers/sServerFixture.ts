import { expect } from 'chai';
import { killChildren, opensslServer, SocketEngine, TestCa, type Child, type Issued, type KeyType } from '@tlsport/testkit';
import type { SecureAttributes } from '@tlsport/core';
import type { PureBackend } from '../../src/index.js';

/** A pure client under test and the openssl s_server it connects to, at one protocol version. */
export interface SServerFixture {
  /** The throwaway CA every leaf comes from (set in `before`). */
  readonly ca: TestCa;
  /** The s_server leaf of `keyType`. */
  leaf(keyType: KeyType): Issued;
  /** One s_server (one connection) at the fixture's version with a leaf of `keyType`. */
  serve(extra: string[], keyType?: KeyType): Promise<{ peer: Child; port: number }>;
  /** A pure client trusting the CA, SNI localhost, closed after each test. */
  connect(port: number, attrs?: SecureAttributes): Promise<SocketEngine>;
}

/**
 * Registers the describe block's hooks: CA and leaves before, clients and s_server after each test,
 * the CA after all. `defaults` are attributes every client gets, before the test's own.
 */
export function sServerFixture(
  backend: PureBackend,
  version: '-tls1_2' | '-tls1_3',
  keyTypes: readonly KeyType[],
  defaults: SecureAttributes = {},
): SServerFixture {
  let ca: TestCa | undefined;
  const leaves = new Map<KeyType, Issued>();
  const pumps: SocketEngine[] = [];

  before(() => {
    ca = TestCa.root();
    for (const k of keyTypes) leaves.set(k, ca.issue({ keyType: k }));
  });
  afterEach(async () => {
    await Promise.all(pumps.splice(0).map((p) => p.close()));
    await killChildren();
  });
  after(() => ca?.dispose());

  const fixture: SServerFixture = {
    get ca(): TestCa {
      return ca!;
    },
    leaf(keyType: KeyType): Issued {
      return leaves.get(keyType)!;
    },
    async serve(extra: string[], keyType: KeyType = 'ec-p256'): Promise<{ peer: Child; port: number }> {
      const leaf = fixture.leaf(keyType);
      const { child: peer, port } = await opensslServer(['-naccept', '1', version, '-cert', leaf.certFile, '-key', leaf.keyFile, ...extra]);
      return { peer, port };
    },
    async connect(port: number, attrs: SecureAttributes = {}): Promise<SocketEngine> {
      const pump = await SocketEngine.connect(port, backend, { ca: fixture.ca.cert, servername: 'localhost', ...defaults, ...attrs });
      pumps.push(pump);
      return pump;
    },
  };
  return fixture;
}

/** Both directions of application data after the handshake. */
export async function exchangeWithServer(peer: Child, pump: SocketEngine): Promise<void> {
  pump.send('ping from pure\n');
  await peer.waitFor(/ping from pure/, 'output');
  peer.write('pong from openssl\n');
  await pump.until(() => pump.receivedText().includes('pong from openssl'));
}

/** s_server -Verify 1 asks for a certificate; the pure client sends a `keyType` leaf named `cn` and s_server accepts it. */
export async function clientSendsCertificateOnRequest(f: SServerFixture, keyType: KeyType, cn: string): Promise<void> {
  const own = f.ca.issue({ keyType, cn });
  const { peer, port } = await f.serve(['-Verify', '1', '-CAfile', f.ca.certFile]);
  const pump = await f.connect(port, { cert: own.chain, key: own.key });
  await pump.handshakeDone();
  await exchangeWithServer(peer, pump);
  expect(peer.output).to.include(`subject=CN = ${cn}`);
}

/** The pure client offers http/1.1 then h2; s_server -alpn h2,http/1.1 chooses by its own order, h2. */
export async function clientGetsServerAlpnPreference(f: SServerFixture): Promise<void> {
  const { peer, port } = await f.serve(['-alpn', 'h2,http/1.1']);
  const pump = await f.connect(port, { ALPNProtocols: ['http/1.1', 'h2'] });
  expect((await pump.handshakeDone()).alpnProtocol).to.equal('h2');
  await exchangeWithServer(peer, pump);
}

/** The pure client's close_notify reaches s_server, which reports the connection closed. */
export async function clientCloseNotifyReachesServer(f: SServerFixture): Promise<void> {
  const { peer, port } = await f.serve([]);
  const pump = await f.connect(port);
  await pump.handshakeDone();
  pump.engine.closeNotify();
  await peer.waitFor(/DONE|shutting down SSL|CONNECTION CLOSED/, 'output');
}
