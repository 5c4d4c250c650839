import { once } from 'node:events';
import { Agent as HttpsAgent, createServer as createHttpsServer } from 'node:https';
import { closeHttpServer } from '../servers/closeHttpServer.js';
import type { AddressInfo } from 'node:net';
import { TLSSocket, connect, createSecureContext, createServer, type SecureContext, type Server } from 'node:tls';
import { groupByName, memoryPipe } from '@tlsport/core';
import { opensslHasHybridGroups } from '@tlsport/core/openssl';
import { ByteCounter, streamTransfer } from '../links/streamTransfer.js';
import type { BenchPki, CertKind } from '../pki.js';
import type { BulkLink, BulkSuite, Contender, HandshakeProfile, Handshaker, HttpsSide, IdleSessions, ServerUnderTest } from './Contender.js';

/** A TLSSocket pair over core's in-memory pipe; `ready` settles when both handshakes are done or either side fails. */
interface SocketPair {
  client: TLSSocket;
  server: TLSSocket;
  ready: Promise<void>;
}

/** Plain node:tls, the baseline: TLSSockets over memoryPipe() in memory, tls.createServer over TCP. */
export class NodeTlsContender implements Contender {
  readonly name = 'node:tls';

  constructor(private readonly pki: BenchPki) {}

  async handshaker(profile: HandshakeProfile): Promise<Handshaker> {
    if (groupByName(profile.group)!.hybrid && !opensslHasHybridGroups(process.versions.openssl)) {
      throw new Error(`${profile.group} needs OpenSSL 3.5 or later; this Node has OpenSSL ${process.versions.openssl}`);
    }
    const serverContext = this.serverContext(profile.cert);
    const clientContext = createSecureContext({ ca: this.pki.ca(profile.cert), ecdhCurve: clientGroups(profile), minVersion: profile.version, maxVersion: profile.version });
    let session: Buffer | undefined;
    if (profile.resumed) {
      const first = memoryPair(serverContext, clientContext);
      const ready = established(first);
      const [state] = (await once(first.client, 'session')) as [Buffer];
      await ready;
      destroyPair(first);
      session = state;
    }
    return {
      once: async () => {
        const pair = memoryPair(serverContext, clientContext, session);
        await established(pair);
        if (session !== undefined && !pair.client.isSessionReused()) throw new Error('node:tls did not resume');
        destroyPair(pair);
      },
      close: async () => undefined,
    };
  }

  async bulk(suite: BulkSuite, over: 'memory' | 'loopback'): Promise<BulkLink> {
    const clientContext = createSecureContext({ ca: this.pki.ca('ecdsa'), ciphers: suite, minVersion: 'TLSv1.3' });
    if (over === 'memory') {
      const pair = memoryPair(this.serverContext('ecdsa'), clientContext);
      await established(pair);
      const counter = new ByteCounter(pair.server);
      return { transfer: (bytes) => streamTransfer(pair.client, counter, bytes), close: async () => destroyPair(pair) };
    }
    // tls.Server builds its own context from the options (it ignores `secureContext`).
    const server = createServer(this.pki.server('ecdsa'));
    const accepted = once(server, 'secureConnection') as Promise<[TLSSocket]>;
    const port = await listen(server);
    const client = connect({ host: '127.0.0.1', port, servername: 'localhost', secureContext: clientContext });
    await once(client, 'secureConnect');
    const [serverSide] = await accepted;
    const counter = new ByteCounter(serverSide);
    return {
      transfer: (bytes) => streamTransfer(client, counter, bytes),
      close: async () => {
        client.destroy();
        serverSide.destroy();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  }

  async server(): Promise<ServerUnderTest> {
    let failures = 0;
    const server = createServer(this.pki.server('ecdsa'), (socket) => {
      socket.on('error', () => failures++);
      socket.end('x');
    });
    server.on('tlsClientError', () => failures++);
    const port = await listen(server);
    return {
      tcpPort: port,
      get failures() {
        return failures;
      },
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }

  https(): HttpsSide {
    return {
      serve: async (handler) => {
        const server = createHttpsServer(this.pki.server('ecdsa'), handler);
        const port = await listen(server);
        return { port, close: () => closeHttpServer(server) };
      },
      agent: (options) => new HttpsAgent({ ...options, ca: this.pki.ca('ecdsa') }),
    };
  }

  async idleSessions(): Promise<IdleSessions> {
    const serverContext = this.serverContext('ecdsa');
    const clientContext = createSecureContext({ ca: this.pki.ca('ecdsa') });
    const pairs: SocketPair[] = [];
    return {
      add: async (count) => {
        for (let done = 0; done < count; done += IDLE_BATCH) {
          const batch = Array.from({ length: Math.min(IDLE_BATCH, count - done) }, () => memoryPair(serverContext, clientContext));
          await Promise.all(batch.map(established));
          pairs.push(...batch);
        }
      },
      close: async () => {
        for (const pair of pairs.splice(0)) destroyPair(pair);
      },
    };
  }

  private serverContext(cert: CertKind): SecureContext {
    return createSecureContext(this.pki.server(cert));
  }
}

/**
 * The client's groups for a profile, OpenSSL names: the profile's group, then P-256, because in
 * TLS 1.2 the client's groups also say which curves an ECDSA certificate may use (RFC 8422 §5.1)
 * and the bench certificate is P-256. A hybrid (TLS 1.3 only) goes alone, so an engine without it
 * fails (n/a, with its reason) instead of quietly measuring P-256.
 */
export function clientGroups(profile: HandshakeProfile): string {
  const group = groupByName(profile.group)!;
  return group.hybrid ? group.openssl : `${group.openssl}:P-256`;
}

/** Pairs established concurrently when filling the idle-session set. */
export const IDLE_BATCH = 64;

function memoryPair(serverContext: SecureContext, clientContext: SecureContext, session?: Buffer): SocketPair {
  const [a, b] = memoryPipe();
  const server = new TLSSocket(b, { isServer: true, secureContext: serverContext });
  const client = connect({ socket: a, secureContext: clientContext, servername: 'localhost', ...(session === undefined ? {} : { session }) });
  const ready = new Promise<void>((resolve, reject) => {
    let secured = 0;
    const done = (): void => {
      if (++secured === 2) resolve();
    };
    server.once('secure', done);
    client.once('secureConnect', done);
    // Listeners stay for the socket's life: a late error on the other side must not go unhandled.
    server.on('error', reject);
    client.on('error', reject);
  });
  return { client, server, ready };
}

function established(pair: SocketPair): Promise<void> {
  return pair.ready;
}

function destroyPair(pair: SocketPair): void {
  pair.client.destroy();
  pair.server.destroy();
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}
