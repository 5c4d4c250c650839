import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killChildren, opensslClientProcess, SocketEngine, TestCa, type Child, type Issued, type KeyType, type SocketListener } from '@tlsport/testkit';
import type { SecureAttributes } from '@tlsport/core';
import type { PureBackend } from '../../src/index.js';
import { firstDer } from './pem.js';

/** A pure server under test and the openssl s_client that connects to it, at one protocol version. */
export interface SClientFixture {
  /** The throwaway CA every leaf comes from (set in `before`). */
  readonly ca: TestCa;
  /** A temporary folder for s_client's session files (set in `before`). */
  readonly dir: string;
  /** A pure listener with a leaf of `keyType`, closed after each test. */
  listen(attrs?: SecureAttributes, keyType?: KeyType): Promise<SocketListener>;
  /** s_client at the fixture's version, trusting the CA, sending SNI localhost, failing on a bad chain. */
  client(port: number, extra?: string[]): Child;
}

/** Registers the describe block's hooks: CA and leaves before, children and listeners after each test, cleanup after. */
export function sClientFixture(backend: PureBackend, version: '-tls1_2' | '-tls1_3', keyTypes: readonly KeyType[], dirPrefix: string): SClientFixture {
  let ca: TestCa | undefined;
  let dir: string | undefined;
  const leaves = new Map<KeyType, Issued>();
  const listeners: SocketListener[] = [];

  before(() => {
    ca = TestCa.root();
    dir = mkdtempSync(join(tmpdir(), dirPrefix));
    for (const k of keyTypes) leaves.set(k, ca.issue({ keyType: k }));
  });
  afterEach(async () => {
    await killChildren();
    await Promise.all(listeners.splice(0).map((l) => l.close()));
  });
  after(() => {
    ca?.dispose();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const fixture: SClientFixture = {
    get ca(): TestCa {
      return ca!;
    },
    get dir(): string {
      return dir!;
    },
    async listen(attrs: SecureAttributes = {}, keyType: KeyType = 'ec-p256'): Promise<SocketListener> {
      const leaf = leaves.get(keyType)!;
      const l = await SocketEngine.listen(backend, { cert: leaf.chain, key: leaf.key, ...attrs });
      listeners.push(l);
      return l;
    },
    client(port: number, extra: string[] = []): Child {
      return opensslClientProcess(port, [version, '-CAfile', fixture.ca.certFile, '-servername', 'localhost', '-verify_return_error', ...extra]);
    },
  };
  return fixture;
}

/** Both directions of application data after the handshake. */
export async function exchange(peer: Child, pump: SocketEngine): Promise<void> {
  peer.write('ping from openssl\n');
  await pump.until(() => pump.receivedText().includes('ping from openssl'));
  pump.send('pong from pure\n');
  await peer.waitFor(/pong from pure/, 'output');
}

/** s_client presents a certificate from the fixture's CA; the pure server must verify it and report the chain. */
export async function serverVerifiesClientCertificate(f: SClientFixture): Promise<void> {
  const own = f.ca.issue({ keyType: 'rsa-2048', cn: 'openssl client' });
  const l = await f.listen({ requestCert: true, rejectUnauthorized: true, ca: f.ca.cert });
  const peer = f.client(l.port, ['-cert', own.certFile, '-key', own.keyFile]);
  const pump = await l.next(0);
  const hs = await pump.handshakeDone();
  expect(hs.peerVerified).to.equal(true);
  expect(hs.peerCertificates[0]).to.deep.equal(firstDer(own.cert));
  await exchange(peer, pump);
}

/** s_client offers http/1.1 then h2; the pure server must choose by its own order, h2 first. */
export async function serverPicksAlpnByOwnPreference(f: SClientFixture): Promise<void> {
  const l = await f.listen({ ALPNProtocols: ['h2', 'http/1.1'] });
  const peer = f.client(l.port, ['-alpn', 'http/1.1,h2']);
  const pump = await l.next(0);
  expect((await pump.handshakeDone()).alpnProtocol).to.equal('h2');
  await exchange(peer, pump);
  await peer.waitFor(/ALPN protocol: h2/, 'output');
}
