import { connect as tcpConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { CompletionPort, Listener, memoryPipe, SecureEnvironment, type SecureAttributes, type TlsBackend } from '@tlsport/core';
import { opensslClientProcess } from '@tlsport/testkit';
import { Link, type Environments } from './link.js';
import type { OpensslServers } from './peers/OpensslServers.js';
import type { Peer } from './peers/Peer.js';
import { ProcessPeer } from './peers/ProcessPeer.js';
import { SessionPeer } from './peers/SessionPeer.js';
import type { ParityPki } from './pki.js';
import { completion, ok } from './sessionIo.js';
import type { PeerKind, Role, Setup } from './types.js';

export interface ConnectOptions {
  /** Open the session under test (and the same-backend peer) on this earlier connection's environments. */
  reuse?: Link;
  /** Session-level attributes for the side under test and for a same-backend peer (the `session` to resume). */
  localSession?: SecureAttributes;
  peerSession?: SecureAttributes;
  /** The openssl peer serves only this connection (a server with its own key log file). */
  exclusive?: boolean;
}

/**
 * One scenario run: the backend under test in one role against one peer. Scenarios open
 * connections through `connect`; `dispose` releases every session, environment and process.
 */
export class Run {
  private readonly links: Link[] = [];
  private readonly environments: SecureEnvironment[] = [];
  private readonly owned: (() => Promise<void>)[] = [];
  private listener: Listener | undefined;

  constructor(
    readonly backend: TlsBackend,
    readonly role: Role,
    readonly peerKind: PeerKind,
    readonly pki: ParityPki,
    private readonly servers: OpensslServers,
  ) {}

  /** A new connection, handshake not started. The peer (a session or an openssl process) is running. */
  async connect(setup: Setup = {}, options: ConnectOptions = {}): Promise<Link> {
    const envs = options.reuse?.environments ?? (await this.openEnvironments(setup));
    const overrides = options.localSession ?? {};
    let link: Link;
    if (this.peerKind === 'same backend') {
      const [mine, theirs] = memoryPipe();
      const session = envs.local.openSession(mine, overrides, { ownsSocket: true });
      const peer = new SessionPeer(envs.peer!.openSession(theirs, options.peerSession ?? {}, { ownsSocket: true }), setup.stalled ?? false);
      link = new Link(session, mine, peer, envs);
    } else {
      const { socket, peer } = this.role === 'client' ? await this.toServerProcess(setup, options) : await this.fromClientProcess(setup);
      link = new Link(envs.local.openSession(socket, overrides, { ownsSocket: true }), socket, peer, envs);
    }
    this.links.push(link);
    return link;
  }

  async dispose(): Promise<void> {
    await Promise.allSettled(this.links.map((l) => l.close()));
    await Promise.allSettled(this.owned.map((release) => release()));
    await this.listener?.close();
    await Promise.allSettled(this.environments.map((e) => e.close()));
  }

  private async openEnvironments(setup: Setup): Promise<Environments> {
    const local = await this.environment(this.role, setup.local);
    const peer = this.peerKind === 'same backend' ? await this.environment(this.role === 'client' ? 'server' : 'client', setup.peer) : undefined;
    return { local, peer };
  }

  /** An environment of the backend under test with the defaults of its role, then `attrs`. */
  private async environment(role: Role, attrs: SecureAttributes = {}): Promise<SecureEnvironment> {
    const defaults: SecureAttributes =
      role === 'client' ? { ca: this.pki.ca.cert, servername: 'localhost' } : { role: 'server', cert: this.pki.ecdsa.chain, key: this.pki.ecdsa.key };
    const env = await SecureEnvironment.open(this.backend, { ...defaults, ...attrs });
    this.environments.push(env);
    return env;
  }

  /** The side under test is the client: connect to an `openssl s_server`. */
  private async toServerProcess(setup: Setup, options: ConnectOptions): Promise<{ socket: Duplex; peer: Peer }> {
    const args = ['-msg', '-cert', this.pki.ecdsa.certFile, '-key', this.pki.ecdsa.keyFile, ...(setup.openssl ?? [])];
    const exclusive = (setup.stalled ?? false) || (options.exclusive ?? false);
    const server = await this.servers.get(args, exclusive);
    if (exclusive) this.owned.push(() => server.child.kill());
    if (setup.stalled) process.kill(server.child.pid!, 'SIGSTOP');
    const peer = new ProcessPeer(server.child, exclusive);
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = tcpConnect({ host: '127.0.0.1', port: server.port, noDelay: true });
      s.once('connect', () => resolve(s)).once('error', reject);
    });
    return { socket, peer };
  }

  /** The side under test is the server: an `openssl s_client` connects to a listener of ours. */
  private async fromClientProcess(setup: Setup): Promise<{ socket: Duplex; peer: Peer }> {
    this.listener ??= await Listener.listen();
    const args = ['-msg', '-CAfile', this.pki.ca.certFile, '-verify_return_error', '-servername', 'localhost', '-verify_hostname', 'localhost', ...(setup.openssl ?? [])];
    const child = opensslClientProcess(this.listener.port, args, { lineBuffered: true });
    this.owned.push(() => child.kill());
    const port = CompletionPort.create();
    try {
      this.listener.startAccept(port, {});
      const accepted = ok(await completion(port), 'accept');
      if (setup.stalled) process.kill(child.pid!, 'SIGSTOP');
      return { socket: accepted.socket!, peer: new ProcessPeer(child, true) };
    } finally {
      port.destroy();
    }
  }
}
