import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { connect, createServer, type ConnectOptions, type ServerOptions, type TlsServer, type TlsSocket } from '@tlsport/core';
import { TestCa, type Issued } from '@tlsport/testkit';

/** The backends the faces tests run on, by the names `backend:` takes. */
export const BACKEND_NAMES = ['node-tls', 'openssl', 'pure'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** A CA with an intermediate, a localhost leaf under it (chain: leaf + intermediate) and a client certificate. */
export interface FacesPki {
  ca: TestCa;
  leaf: Issued;
  client: Issued;
  dispose(): void;
}

export function facesPki(): FacesPki {
  const ca = TestCa.root({ cn: 'tlsport faces CA' });
  const intermediate = ca.intermediate({ cn: 'tlsport faces intermediate' });
  return {
    ca,
    leaf: intermediate.issue({ dns: ['localhost'], ips: ['127.0.0.1'] }),
    client: ca.issue({ cn: 'tlsport faces client', dns: ['client.test'], ips: [] }),
    dispose: () => ca.dispose(),
  };
}

/** Registers before/after hooks making one FacesPki for the enclosing describe; call the result inside tests. */
export function usePki(): () => FacesPki {
  let pki: FacesPki | undefined;
  before(() => {
    pki = facesPki();
  });
  after(() => pki?.dispose());
  return () => pki!;
}

/** A listening tlsport server; `close` ends its open sockets too. */
export async function listen(options: ServerOptions, onSocket: (socket: TlsSocket) => void): Promise<{ server: TlsServer; port: number; close(): Promise<void> }> {
  const server = createServer(options, onSocket);
  const sockets = new Set<TlsSocket>();
  server.on('secureConnection', (s: TlsSocket) => {
    // As a real server does: a client that goes away must not take the test process with it.
    s.on('error', () => undefined);
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A tlsport client to 127.0.0.1:port for "localhost", resolved at 'secureConnect'. */
export async function secureClient(port: number, options: ConnectOptions): Promise<TlsSocket> {
  const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ...options });
  await once(socket, 'secureConnect');
  return socket;
}

/** What a failed connection reported: its error's code, gskStatus and alert. */
export async function connectError(port: number, options: ConnectOptions): Promise<{ code: string; gskStatus: number; error: Error }> {
  const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ...options });
  const [error] = (await once(socket, 'error')) as [Error & { code: string; gskStatus: number }];
  return { code: error.code, gskStatus: error.gskStatus, error };
}

/** Reads a stream to its end. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts);
}
