import { expect } from 'chai';
import { CompletionPort, GskStatus, Listener, SecureEnvironment, type GroupName, type Negotiated, type SecureAttributes, type SecureSession } from '@tlsport/core';
import { PureBackend } from '@tlsport/backend-pure';
import { Child, killChildren, nodeRelease, pollUntil, type NodeRelease } from '@tlsport/testkit';
import { interopPki, type InteropPki } from '../support/interopPki.js';
import { REPO_ROOT } from '../support/repoRoot.js';

const PEER = `${REPO_ROOT}test/peers/nodeTlsPeer.mjs`;
const WAIT_MS = 10_000;
const CODE: Record<string, number> = { X25519MLKEM768: 0x11ec, SecP256r1MLKEM768: 0x11eb, x25519: 0x001d };

/** What the node:tls peer printed: its events in order. */
interface PeerEvent {
  event: string;
  group?: string | number;
  retry?: boolean;
  resumed?: boolean;
  session?: string;
  text?: string;
}

const events = (child: Child): PeerEvent[] => child.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as PeerEvent);
const helloList = (child: Child): string[] => events(child).filter((e) => e.event === 'serverHello').map((e) => `${e.retry === true ? 'HRR' : 'SH'} 0x${(e.group as number).toString(16)}`);

/** The hellos the peer saw, once it has reported `count` of them (its stdout arrives on its own time). */
async function hellos(child: Child, count: number): Promise<string[]> {
  await pollUntil(() => helloList(child).length >= count, WAIT_MS, () => `peer reported ${helloList(child).join(', ')}, not ${count} hellos`);
  return helloList(child);
}

async function completion(port: CompletionPort): Promise<{ returnValue: GskStatus; error?: unknown; secureDataTransferSize?: number; buffer?: Uint8Array }> {
  const c = await port.wait(WAIT_MS);
  if (c === null) expect.fail(`no completion within ${WAIT_MS} ms`);
  return c;
}

/** Handshake, then "ping" and "pong:ping" through one session; returns what was negotiated. */
async function pingPong(session: SecureSession, role: 'client' | 'server'): Promise<Negotiated> {
  const cp = CompletionPort.create();
  try {
    session.startInit(cp, {});
    const init = await completion(cp);
    expect(init.returnValue, String(init.error)).to.equal(GskStatus.GSK_OK);
    if (role === 'client') session.startSend(cp, { buffer: new TextEncoder().encode('ping'), postFlag: true });
    else session.startRecv(cp, { buffer: new Uint8Array(64), postFlag: true });
    const first = await completion(cp);
    expect(first.returnValue).to.equal(GskStatus.GSK_OK);
    if (role === 'client') session.startRecv(cp, { buffer: new Uint8Array(64), postFlag: true });
    else session.startSend(cp, { buffer: new TextEncoder().encode(`pong:${new TextDecoder().decode(first.buffer!.subarray(0, first.secureDataTransferSize))}`), postFlag: true });
    const second = await completion(cp);
    expect(second.returnValue).to.equal(GskStatus.GSK_OK);
    if (role === 'client') expect(new TextDecoder().decode(second.buffer!.subarray(0, second.secureDataTransferSize))).to.equal('pong:ping');
    return session.negotiated!;
  } finally {
    cp.destroy();
  }
}

/**
 * The hybrid groups against node:tls on Node 26, whose OpenSSL 3.5 speaks them: both
 * directions, both groups, with and without HelloRetryRequest, and resumption after a hybrid
 * handshake. Each side's report of the group is checked: tlsport's Negotiated, node:tls's
 * getEphemeralKeyInfo() on a client, and the ServerHello the peer saw or sent on the wire.
 */
describe('interop: hybrid groups with node:tls on Node 26 (OpenSSL 3.5)', function () {
  this.timeout(60_000);
  let node: NodeRelease;
  let pki: InteropPki;
  const pure = new PureBackend();

  before(function () {
    this.timeout(300_000);
    node = nodeRelease(26);
    pki = interopPki();
  });
  after(async () => {
    await killChildren();
    pki?.dispose();
  });

  const peer = (options: Record<string, unknown>): Child => new Child(node.bin, [PEER, JSON.stringify(options)]);

  async function nodeServer(groups: string): Promise<{ child: Child; port: number }> {
    const child = peer({ mode: 'server', key: pki.ecdsa.keyFile, cert: pki.ecdsa.chainFile, groups });
    const port = Number((await child.waitFor(/"port":(\d+)/))[1]);
    return { child, port };
  }

  async function pureClient(port: number, attrs: SecureAttributes): Promise<{ negotiated: Negotiated; resumption: Uint8Array | undefined }> {
    const env = await SecureEnvironment.open(pure, { ca: pki.ca.cert, servername: 'localhost', ...attrs });
    const session = await env.connect({ host: '127.0.0.1', port });
    try {
      const negotiated = await pingPong(session, 'client');
      return { negotiated, resumption: session.resumptionState };
    } finally {
      await session.close();
      await env.close();
    }
  }

  /** A pure server on one environment (so its tickets resume), serving `runs` node:tls clients in turn. */
  async function pureServer(attrs: SecureAttributes, clients: readonly Record<string, unknown>[]): Promise<{ negotiated: Negotiated[]; children: Child[] }> {
    const env = await SecureEnvironment.open(pure, { role: 'server', cert: pki.ecdsa.chain, key: pki.ecdsa.key, ...attrs });
    const listener = await Listener.listen({ host: '127.0.0.1' });
    const cp = CompletionPort.create();
    const negotiated: Negotiated[] = [];
    const children: Child[] = [];
    try {
      let session: string | undefined;
      for (const options of clients) {
        const child = peer({ mode: 'client', port: listener.port, ca: pki.ca.certFile, ...options, ...(options['resume'] === true ? { session } : {}) });
        children.push(child);
        listener.startAccept(cp, {});
        const accepted = await cp.wait(WAIT_MS);
        const tls = env.openSession(accepted!.socket!, {}, { ownsSocket: true });
        negotiated.push(await pingPong(tls, 'server'));
        await child.waitFor(/"event":"session"/);
        expect(await child.exitCode()).to.equal(0);
        session = events(child).find((e) => e.event === 'session')?.session;
        await tls.close();
      }
      return { negotiated, children };
    } finally {
      cp.destroy();
      await listener.close();
      await env.close();
    }
  }

  const clientReport = (child: Child): PeerEvent => events(child).find((e) => e.event === 'secure')!;

  for (const group of ['X25519MLKEM768', 'SecP256r1MLKEM768'] as const satisfies readonly GroupName[]) {
    const code = `0x${CODE[group]!.toString(16)}`;
    describe(group, () => {
      it('pure client -> node:tls server: the server picks it from the first ClientHello', async () => {
        const { child, port } = await nodeServer(group);
        const { negotiated } = await pureClient(port, { groups: [group, 'x25519'] });
        expect(negotiated.group).to.equal(group);
        expect(await hellos(child, 1)).to.deep.equal([`SH ${code}`]);
        child.end();
      });

      it('pure client -> node:tls server through a HelloRetryRequest', async () => {
        const { child, port } = await nodeServer(group);
        const { negotiated } = await pureClient(port, { groups: ['x25519', group] });
        expect(negotiated.group).to.equal(group);
        expect(await hellos(child, 2)).to.deep.equal([`HRR ${code}`, `SH ${code}`]);
        child.end();
      });

      it('node:tls client -> pure server, without and with a HelloRetryRequest', async () => {
        const { negotiated, children } = await pureServer({ groups: group }, [{ groups: `${group}:X25519` }, { groups: `X25519:${group}` }]);
        expect(negotiated.map((n) => n.group)).to.deep.equal([group, group]);
        expect(children.map(clientReport).map((e) => e.group)).to.deep.equal([group, group]);
        expect(await hellos(children[0]!, 1)).to.deep.equal([`SH ${code}`]);
        expect(await hellos(children[1]!, 2)).to.deep.equal([`HRR ${code}`, `SH ${code}`]);
      });

      it('resumption after a hybrid handshake, pure client -> node:tls server', async () => {
        const { child, port } = await nodeServer(group);
        const first = await pureClient(port, { groups: group });
        expect(first.resumption, 'no ticket from node:tls').to.be.instanceOf(Uint8Array);
        const second = await pureClient(port, { groups: group, session: first.resumption });
        expect(second.negotiated).to.include({ resumed: true, group });
        await pollUntil(() => events(child).filter((e) => e.event === 'secure').length === 2, WAIT_MS, () => child.stdout);
        expect(events(child).filter((e) => e.event === 'secure').map((e) => e.resumed)).to.deep.equal([false, true]);
        expect(await hellos(child, 2)).to.deep.equal([`SH ${code}`, `SH ${code}`]);
        child.end();
      });

      it('resumption after a hybrid handshake, node:tls client -> pure server', async () => {
        const { negotiated, children } = await pureServer({ groups: group }, [{ groups: group }, { groups: group, resume: true }]);
        expect(negotiated.map((n) => [n.group, n.resumed])).to.deep.equal([[group, false], [group, true]]);
        expect(children.map(clientReport).map((e) => [e.group, e.resumed])).to.deep.equal([[group, false], [group, true]]);
      });
    });
  }

  it('defaults: a pure client and a Node 26 server settle on X25519MLKEM768 without a retry', async () => {
    const { child, port } = await nodeServer('X25519MLKEM768:X25519:P-256');
    const { negotiated } = await pureClient(port, {});
    expect(negotiated.group).to.equal('X25519MLKEM768');
    expect(await hellos(child, 1)).to.deep.equal(['SH 0x11ec']);
    child.end();
  });

  it('defaults: a Node 26 client (default groups) and a pure server settle on X25519MLKEM768', async () => {
    const { negotiated, children } = await pureServer({}, [{}]);
    expect(negotiated[0]!.group).to.equal('X25519MLKEM768');
    expect(clientReport(children[0]!).group).to.equal('X25519MLKEM768');
    expect(await hellos(children[0]!, 1)).to.deep.equal(['SH 0x11ec']);
  });
});
