import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, createServer, memoryPipe, resolveTlsConfig, SecureEnvironment, type EngineContext, type SecureAttributes, type TlsBackend, type TlsConfig } from '@tlsport/core';
import { EngineLink } from '../links/EngineLink.js';
import { closeSessions, establishSessions, type SessionPair } from '../links/sessionPair.js';
import { sessionTransfer } from '../links/sessionTransfer.js';
import { tcpPair } from '../links/tcpPair.js';
import type { BenchPki } from '../pki.js';
import { TlsportServer } from '../servers/TlsportServer.js';
import { clientGroups, IDLE_BATCH } from './NodeTlsContender.js';
import type { BulkLink, BulkSuite, Contender, HandshakeProfile, Handshaker, HttpsSide, IdleSessions, ServerUnderTest } from './Contender.js';
import { closeHttpServer } from '../servers/closeHttpServer.js';

/**
 * A tlsport backend. In memory it is driven through the engine SPI directly (EngineLink), which
 * is what the backend itself costs; over TCP it runs behind the session layer and completion
 * port, which is what an application gets.
 */
export class BackendContender implements Contender {
  readonly name: string;

  constructor(
    readonly backend: TlsBackend,
    private readonly pki: BenchPki,
    /** Native objects alive in the backend (the openssl addon's SSL count), when it can tell. */
    readonly nativeObjects?: () => number,
  ) {
    this.name = backend.name;
  }

  async handshaker(profile: HandshakeProfile): Promise<Handshaker> {
    const versions: SecureAttributes = { minVersion: profile.version, maxVersion: profile.version };
    const [client, server] = await this.contexts({ ...versions, ca: this.pki.ca(profile.cert), groups: clientGroups(profile) }, { ...versions, ...this.pki.server(profile.cert) });
    let clientConfig = client.config;
    if (profile.resumed) {
      const first = new EngineLink(client.context, client.config, server.context, server.config);
      try {
        await first.handshake();
        await first.until(() => first.client.session !== undefined);
        clientConfig = { ...client.config, session: first.client.session };
      } finally {
        await first.destroy();
      }
    }
    return {
      once: async () => {
        const link = new EngineLink(client.context, clientConfig, server.context, server.config);
        try {
          await link.handshake();
          if (profile.resumed && link.client.handshake?.resumed !== true) throw new Error(`${this.name} did not resume`);
        } finally {
          await link.destroy();
        }
      },
      close: () => disposeAll([client.context, server.context]),
    };
  }

  async bulk(suite: BulkSuite, over: 'memory' | 'loopback'): Promise<BulkLink> {
    const clientAttrs: SecureAttributes = { ca: this.pki.ca('ecdsa'), cipherSuites: suite, minVersion: 'TLSv1.3' };
    const serverAttrs: SecureAttributes = this.pki.server('ecdsa');
    if (over === 'memory') {
      const [client, server] = await this.contexts(clientAttrs, serverAttrs);
      const link = new EngineLink(client.context, client.config, server.context, server.config);
      const close = async (): Promise<void> => {
        await link.destroy();
        await disposeAll([client.context, server.context]);
      };
      await link.handshake().catch(async (error: unknown) => {
        await close();
        throw error;
      });
      return { transfer: (bytes) => link.transfer(bytes), close };
    }
    const [clientEnv, serverEnv] = await this.environments(clientAttrs, serverAttrs);
    const [clientSocket, serverSocket] = await tcpPair();
    const pair = await establishSessions(clientEnv, serverEnv, clientSocket, serverSocket).catch(async (error: unknown) => {
      clientSocket.destroy();
      serverSocket.destroy();
      await Promise.all([clientEnv.close(), serverEnv.close()]);
      throw error;
    });
    return {
      transfer: (bytes) => sessionTransfer(pair.client, pair.server, bytes),
      close: async () => {
        await closeSessions(pair);
        await Promise.all([clientEnv.close(), serverEnv.close()]);
      },
    };
  }

  async server(): Promise<ServerUnderTest> {
    return TlsportServer.start(this.backend, this.pki.server('ecdsa'));
  }

  https(): HttpsSide {
    return {
      serve: async (handler) => {
        const app = createHttpServer(handler);
        const server = createServer({ ...this.pki.server('ecdsa'), backend: this.backend }, (socket) => app.emit('connection', socket));
        server.listen(0, '127.0.0.1');
        await once(server, 'listening');
        return {
          port: (server.address() as AddressInfo).port,
          close: async () => {
            await closeHttpServer(app);
            await new Promise((resolve) => server.close(resolve));
          },
        };
      },
      agent: (options) => new Agent({ ...options, ca: this.pki.ca('ecdsa'), backend: this.backend }),
    };
  }

  async idleSessions(): Promise<IdleSessions> {
    const [clientEnv, serverEnv] = await this.environments({ ca: this.pki.ca('ecdsa') }, this.pki.server('ecdsa'));
    const pairs: SessionPair[] = [];
    return {
      add: async (count) => {
        for (let done = 0; done < count; done += IDLE_BATCH) {
          const batch = Array.from({ length: Math.min(IDLE_BATCH, count - done) }, () => {
            const [a, b] = memoryPipe();
            return establishSessions(clientEnv, serverEnv, a, b);
          });
          pairs.push(...(await Promise.all(batch)));
        }
      },
      close: async () => {
        await Promise.all(pairs.splice(0).map(closeSessions));
        await Promise.all([clientEnv.close(), serverEnv.close()]);
      },
    };
  }

  /** Client and server engine contexts; the client verifies "localhost" against the bench CA. */
  private async contexts(clientAttrs: SecureAttributes, serverAttrs: SecureAttributes): Promise<[Built, Built]> {
    const clientConfig = resolveTlsConfig({ servername: 'localhost', ...clientAttrs, role: 'client' });
    const serverConfig = resolveTlsConfig({ ...serverAttrs, role: 'server' });
    const clientContext = await this.backend.createContext(clientConfig);
    const serverContext = await this.backend.createContext(serverConfig).catch(async (error: unknown) => {
      await clientContext.dispose();
      throw error;
    });
    return [
      { config: clientConfig, context: clientContext },
      { config: serverConfig, context: serverContext },
    ];
  }

  private async environments(clientAttrs: SecureAttributes, serverAttrs: SecureAttributes): Promise<[SecureEnvironment, SecureEnvironment]> {
    return Promise.all([
      SecureEnvironment.open(this.backend, { servername: 'localhost', ...clientAttrs, role: 'client' }),
      SecureEnvironment.open(this.backend, { ...serverAttrs, role: 'server' }),
    ]);
  }
}

interface Built {
  config: TlsConfig;
  context: EngineContext;
}

async function disposeAll(contexts: EngineContext[]): Promise<void> {
  await Promise.all(contexts.map((c) => c.dispose()));
}
