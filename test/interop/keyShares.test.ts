import { createServer, type Server } from 'node:net';
import { expect } from 'chai';
import { CompletionPort, GROUPS, GskStatus, SecureEnvironment, type GroupName, type Negotiated, type SecureAttributes, type SecureSession, type TlsBackend } from '@tlsport/core';
import { opensslHasHybridGroups } from '@tlsport/core/openssl';
import { pureBackend } from '@tlsport/backend-pure';
import { killChildren, opensslServer, type OpensslServer } from '@tlsport/testkit';
import { BACKENDS } from '../support/backends.js';
import { HelloTap } from '../support/helloTap.js';
import { makePki, next, type Pki } from '../support/sessions.js';

/** Whether a backend offers the ML-KEM hybrids on this Node: pure always, the OpenSSL-based ones from OpenSSL 3.5. */
const hasHybrids = (backend: TlsBackend): boolean => backend.name === 'pure' || opensslHasHybridGroups(process.versions.openssl);
/** A group's code point as the tap writes it. */
const code = (group: GroupName | undefined): string => `0x${GROUPS.find((g) => g.name === group)?.code.toString(16)}`;

/**
 * A user's groups list and the hellos it comes to against a server with only the classic groups
 * (X25519, P-256, P-384): the first group gets a key share, and a hybrid first also its ECDHE
 * half when that is enabled; nothing else. Without the hybrids (an OpenSSL before 3.5) they drop
 * out of the list first.
 */
const USER_LISTS: readonly { groups: string; hybrid: readonly string[]; classic: readonly string[] }[] = [
  { groups: 'SecP256r1MLKEM768:x25519:secp256r1', hybrid: ['CH 0x11eb 0x17', 'SH 0x17'], classic: ['CH 0x1d', 'SH 0x1d'] },
  // The ECDHE half (x25519) is not enabled: the hybrid goes alone, and this server asks for P-256.
  { groups: 'X25519MLKEM768:secp256r1', hybrid: ['CH 0x11ec', 'HRR 0x17', 'CH 0x17', 'SH 0x17'], classic: ['CH 0x17', 'SH 0x17'] },
  { groups: 'x25519:X25519MLKEM768', hybrid: ['CH 0x1d', 'SH 0x1d'], classic: ['CH 0x1d', 'SH 0x1d'] },
  { groups: 'secp384r1:secp256r1', hybrid: ['CH 0x18', 'SH 0x18'], classic: ['CH 0x18', 'SH 0x18'] },
];

/**
 * The key shares of every backend's first ClientHello, read on the wire by a relay in front of
 * the server (the sessions' own reports cannot show a share that was not used, nor a retry).
 * By default a client with the hybrids sends X25519MLKEM768 and x25519, as OpenSSL 3.5 and the
 * browsers do, so a server without the hybrid answers at once; a server still prefers the hybrid.
 */
describe('first key shares on the wire, per backend', function () {
  this.timeout(60_000);
  let pki: Pki;
  let x25519Only: OpensslServer;
  let classic: OpensslServer;
  const taps: HelloTap[] = [];

  before(async () => {
    pki = makePki();
    const cert = ['-cert', pki.leaf.certFile, '-key', pki.leaf.keyFile];
    // The openssl CLI may predate the hybrids (Debian's 3.0): servers from before post-quantum TLS.
    x25519Only = await opensslServer([...cert, '-groups', 'X25519']);
    classic = await opensslServer([...cert, '-groups', 'X25519:P-256:P-384']);
  });
  afterEach(async () => {
    await Promise.all(taps.splice(0).map((t) => t.close()));
  });
  after(async () => {
    await killChildren();
    pki?.ca.dispose();
  });

  async function tapped(target: number): Promise<HelloTap> {
    const tap = await HelloTap.start(target);
    taps.push(tap);
    return tap;
  }

  /** A client handshake through `tap`; the group it negotiated. */
  async function clientHandshake(backend: TlsBackend, tap: HelloTap, attrs: SecureAttributes): Promise<Negotiated> {
    const env = await SecureEnvironment.open(backend, { ca: pki.ca.cert, servername: 'localhost', ...attrs });
    const port = CompletionPort.create();
    const session = await env.connect({ host: '127.0.0.1', port: tap.port });
    try {
      session.startInit(port, {});
      const init = await next(port, 10_000);
      expect(init.returnValue, String(init.error)).to.equal(GskStatus.GSK_OK);
      return session.negotiated!;
    } finally {
      await session.close();
      port.destroy();
      await env.close();
    }
  }

  for (const backend of BACKENDS) {
    describe(`${backend.name} client`, () => {
      const hybrid = hasHybrids(backend);

      it(hybrid ? 'shares X25519MLKEM768 and x25519 by default; an x25519-only server answers without a HelloRetryRequest' : 'shares x25519 by default (no hybrids on this OpenSSL); an x25519-only server answers at once', async () => {
        const tap = await tapped(x25519Only.port);
        const negotiated = await clientHandshake(backend, tap, {});
        expect(negotiated.group).to.equal('x25519');
        expect(await tap.seen(2)).to.deep.equal([hybrid ? 'CH 0x11ec 0x1d' : 'CH 0x1d', 'SH 0x1d']);
      });

      for (const list of USER_LISTS) {
        const expected = hybrid ? list.hybrid : list.classic;
        it(`groups ${list.groups}: ${expected.join(', ')}`, async () => {
          const tap = await tapped(classic.port);
          const negotiated = await clientHandshake(backend, tap, { groups: list.groups });
          expect(await tap.seen(expected.length)).to.deep.equal(expected);
          expect(`SH ${code(negotiated.group)}`).to.equal(expected.at(-1));
        });
      }
    });
  }

  /** A server session from `env` on each connection to the returned net server (into `sessions`), started on `port`. */
  function tlsportServer(env: SecureEnvironment, port: CompletionPort, sessions: SecureSession[]): Promise<Server> {
    const server = createServer((socket) => {
      const session = env.openSession(socket, {}, { ownsSocket: true });
      sessions.push(session);
      session.startInit(port, {});
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
  }

  for (const backend of BACKENDS) {
    const hybrid = hasHybrids(backend);
    it(`${backend.name} server, default groups: takes the ${hybrid ? 'X25519MLKEM768' : 'x25519'} share of a client that sends both`, async () => {
      const env = await SecureEnvironment.open(backend, { role: 'server', cert: pki.leaf.chain, key: pki.leaf.key });
      const port = CompletionPort.create();
      const sessions: SecureSession[] = [];
      const server = await tlsportServer(env, port, sessions);
      try {
        const tap = await tapped((server.address() as { port: number }).port);
        const negotiated = await clientHandshake(pureBackend, tap, {});
        expect(negotiated.group).to.equal(hybrid ? 'X25519MLKEM768' : 'x25519');
        expect(await tap.seen(2)).to.deep.equal(['CH 0x11ec 0x1d', hybrid ? 'SH 0x11ec' : 'SH 0x1d']);
        const init = await next(port, 10_000);
        expect(init.returnValue, String(init.error)).to.equal(GskStatus.GSK_OK);
      } finally {
        server.close();
        await Promise.all(sessions.map((s) => s.close()));
        port.destroy();
        await env.close();
      }
    });
  }
});
